"""Celery tasks. Celery beat schedules them (settings.CELERY_BEAT_SCHEDULE); with no broker
they run inline, and `manage.py send_reminders` calls the same functions."""

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


@shared_task
def generate_official_report(report_id: int) -> str:
    """Generate a queued official report (PDF and Excel); `tracker.reports.services` sets the
    time limits when it queues the job."""
    from tracker.reports import services as report_services

    return report_services.generated_report_run(report_id=report_id).status
