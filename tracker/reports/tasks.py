"""Celery task of the official reports. With no broker it runs inline."""

from __future__ import annotations

from celery import shared_task

from tracker.reports import jobs


@shared_task
def generate_official_report(report_id: int) -> str:
    """Generate a queued official report (PDF and Excel); `tracker.reports.services` sets the
    time limits when it queues the job."""
    return jobs.generated_report_run(report_id=report_id).status
