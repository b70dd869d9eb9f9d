"""Celery tasks of the reminders. Celery beat schedules them (settings.CELERY_BEAT_SCHEDULE);
with no broker they run inline, and `manage.py send_reminders` calls the same functions."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from tracker.due import reminders


@shared_task
def send_due_digests() -> dict:
    outcome = reminders.send_due_digests(today=timezone.localdate())
    return {"users": outcome.users, "sent": outcome.sent, "skipped": outcome.skipped, "failed": outcome.failed}


@shared_task
def send_escalations() -> dict:
    outcome = reminders.send_escalations(today=timezone.localdate())
    return {"users": outcome.users, "sent": outcome.sent, "skipped": outcome.skipped, "failed": outcome.failed}
