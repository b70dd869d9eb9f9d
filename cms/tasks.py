"""Celery tasks of the campaign site. Beat runs `publish_scheduled` every five minutes
(settings.CELERY_BEAT_SCHEDULE), so an article scheduled for later goes live — and counts
in the tracker — on time; without a broker, cron runs `manage.py publish_scheduled`."""

from __future__ import annotations

from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled() -> None:
    call_command("publish_scheduled")
