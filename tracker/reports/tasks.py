"""Celery tasks of the official reports, and the sweeper of every background job. With no
broker they run inline.

A report's task is acknowledged only when it ends and put back on the queue when its worker
is lost (`acks_late`, `reject_on_worker_lost`); the job itself claims the report under a lease
(tracker.core.jobs), so a message delivered twice generates it once.
"""

from __future__ import annotations

import datetime

from celery import shared_task
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation

from tracker.core import extensions
from tracker.core import jobs as leases
from tracker.models import GeneratedReport
from tracker.reports import jobs

Status = GeneratedReport.Status


@shared_task(acks_late=True, reject_on_worker_lost=True)
def generate_official_report(report_id: int) -> str | None:
    """Generate a queued official report (PDF and Excel); `send` sets the time limits."""
    report = jobs.generated_report_run(report_id=report_id)
    return report.status if report else None


def send(report_id: int) -> None:
    """Hand the job to Celery (inline without a broker), with its time limits. Raises when the
    broker cannot be reached."""
    limit = settings.REPORT_TIME_LIMIT_SECONDS
    generate_official_report.apply_async(args=[report_id], soft_time_limit=limit, time_limit=limit + 30)


# --- Jobs whose worker died ---------------------------------------------------------------------


def _active() -> QuerySet[GeneratedReport]:
    return GeneratedReport.objects.filter(status__in=[Status.QUEUED, Status.RUNNING])


def _requeue(report: GeneratedReport, now: datetime.datetime) -> bool:
    if not leases.requeue_update(_active(), report, now, status=Status.QUEUED, progress=0):
        return False
    send(report.pk)
    return True


def _give_up(report: GeneratedReport) -> None:
    with translation.override(report.parameters.get("language") or settings.LANGUAGE_CODE):
        message = leases.given_up_message(attempts=report.attempts, taken_up=report.started_at is not None)
    _active().filter(pk=report.pk, lease_expires_at=report.lease_expires_at).update(
        status=Status.FAILED, error_message=message, finished_at=timezone.now()
    )


REPORT_JOBS = leases.JobKind(name="report", active=_active, requeue=_requeue, fail=_give_up)


def recover(*, now: datetime.datetime | None = None) -> leases.SweepResult:
    """The sweeper over the official reports and the jobs other apps registered (budgets'
    Excel imports)."""
    return leases.sweep([REPORT_JOBS, *extensions.job_kinds()], now=now)


@shared_task
def recover_jobs() -> dict:
    """Celery beat's sweeper (every JOB_SWEEP_SECONDS)."""
    result = recover()
    return {"requeued": result.requeued, "failed": result.failed}
