"""Celery tasks of budgets. With no broker configured they run inline (settings
CELERY_TASK_ALWAYS_EAGER), so an Excel import is checked and applied within the request; with
a broker a worker does it and the job's page follows its progress."""

from __future__ import annotations

from celery import shared_task

from budgets import excel


@shared_task
def import_check(job_id: int) -> None:
    excel.check_job(job_id)


@shared_task
def import_apply(job_id: int) -> None:
    excel.apply_job(job_id)
