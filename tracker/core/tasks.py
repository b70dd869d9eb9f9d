"""Celery tasks of the shared kernel."""

from __future__ import annotations

from celery import shared_task
from celery.signals import task_postrun

from tracker.core import files


@shared_task
def clean_orphan_files() -> int:
    """Remove the private files no row points at (older than an hour); how many went."""
    return len(files.clean_orphan_files())


@task_postrun.connect
def _forget_rolled_back_files(**kwargs) -> None:
    # A task ended: the files its rolled-back transactions wrote go.
    files.forget_rolled_back_files()
