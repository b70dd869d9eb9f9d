"""Celery tasks of budgets. With no broker configured they run inline (settings
CELERY_TASK_ALWAYS_EAGER), so an Excel import is checked and applied within the request; with
a broker a worker does it and the job's page follows its progress.

The import tasks are acknowledged only when they end and put back on the queue when their
worker is lost (`acks_late`, `reject_on_worker_lost`); the job claims its row under a lease
(tracker.core.jobs), and the tracker's sweeper hands a job whose worker died out again
(`IMPORT_JOBS`, registered in budgets.apps).
"""

from __future__ import annotations

import logging

from celery import shared_task

from budgets import excel
from budgets.excel import jobs
from budgets.models import ImportJob
from tracker.core import jobs as leases

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def import_check(job_id: int) -> None:
    excel.check_job(job_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def import_apply(job_id: int) -> None:
    excel.apply_job(job_id)


def _task(status: str):
    return import_check if status == ImportJob.Status.CHECKING else import_apply


def import_job_send(job: ImportJob) -> None:
    """Hand a checking or applying job to a worker (inline without a broker). When the broker
    cannot be reached nothing half-made stays: a new upload's job is removed, a confirmed one
    goes back to waiting for confirmation; JobNotQueued tells the caller to say so."""
    try:
        _task(job.status).delay(job.pk)
    except Exception as error:
        logger.exception("Could not queue import job %s", job.pk)
        unclaimed = ImportJob.objects.filter(pk=job.pk, status=job.status, claimed_at__isnull=True)
        if job.status == ImportJob.Status.CHECKING:
            unclaimed.delete()
        else:
            unclaimed.update(status=ImportJob.Status.READY, applied_by=None, lease_expires_at=None, attempts=0)
        raise jobs.JobNotQueued from error


def _requeue(job: ImportJob, now) -> bool:
    if not leases.requeue_update(jobs.active_jobs(), job, now, claimed_at=None):
        return False
    _task(job.status).delay(job.pk)
    return True


IMPORT_JOBS = leases.JobKind(name="import", active=jobs.active_jobs, requeue=_requeue, fail=jobs.give_up)
