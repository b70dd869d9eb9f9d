"""Celery tasks of the reminders. Celery beat schedules them (settings.CELERY_BEAT_SCHEDULE);
with no broker they run inline, and `manage.py send_reminders` calls the same functions.

A run where any e-mail could not be sent ends in an error, so Celery records a failure and
retries with back-off (1, 2, 4… minutes, 5 tries): the recipients already served that day are
recorded and skipped, so a retry sends only what failed.
"""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from tracker.due import reminders


class RemindersFailed(Exception):
    """Some e-mails of a run could not be sent (the mail server refused or was down)."""


RETRY = {
    "autoretry_for": (RemindersFailed,),
    "retry_backoff": 60,
    "retry_backoff_max": 3600,
    "retry_jitter": False,
    "max_retries": 5,
}


def _result(outcome: reminders.Outcome) -> dict:
    result = {"users": outcome.users, "sent": outcome.sent, "skipped": outcome.skipped, "failed": outcome.failed}
    if outcome.failed:
        raise RemindersFailed(result)
    return result


@shared_task(**RETRY)
def send_due_digests() -> dict:
    return _result(reminders.send_due_digests(today=timezone.localdate()))


@shared_task(**RETRY)
def send_escalations() -> dict:
    return _result(reminders.send_escalations(today=timezone.localdate()))
