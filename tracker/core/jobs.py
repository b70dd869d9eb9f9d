"""Background jobs that finish or say why: a lease, a heartbeat and a sweeper.

A job row (an official report, an Excel import) carries `lease_expires_at` and `attempts`:

- queued: the lease is the time by which a worker must have picked it up
  (`JOB_QUEUE_GRACE_SECONDS`); `attempts` counts how many times it was handed to a worker;
- running: the worker that claimed it holds the lease for `JOB_LEASE_SECONDS` and renews it
  while it works (`heartbeat`: on each progress step, and from a thread on a real worker, so a
  long PDF rendering does not look dead);
- a lease that expires means the worker died (killed, out of memory, a lost broker
  connection). The sweeper (`sweep`, run by Celery beat and by `manage.py recover_jobs`)
  hands such a job to a worker again, at most `JOB_MAX_ATTEMPTS` times, then marks it failed
  with a message that says why; the page then offers "Thử lại".

Every state change is a conditional UPDATE on the row, so two workers, or a worker and a
sweeper, never both move the same job: the second finds nothing to move. This module knows no
model: each kind of job hands its queryset and callbacks (`JobKind`).
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import F, Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def lease_seconds() -> int:
    return settings.JOB_LEASE_SECONDS


def queued_until(now: datetime.datetime | None = None) -> datetime.datetime:
    """The lease of a job just handed to the queue: a worker must claim it by then."""
    return (now or timezone.now()) + datetime.timedelta(seconds=settings.JOB_QUEUE_GRACE_SECONDS)


def running_until(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) + datetime.timedelta(seconds=settings.JOB_LEASE_SECONDS)


def lease_expired(job: Model, now: datetime.datetime | None = None) -> bool:
    expires = getattr(job, "lease_expires_at", None)
    return expires is not None and expires < (now or timezone.now())


def renew(running: QuerySet) -> bool:
    """Extend the lease of the job(s) `running` selects (a job still in a running state)."""
    return bool(running.update(lease_expires_at=running_until()))


@contextmanager
def heartbeat(running: Callable[[], QuerySet]) -> Iterator[None]:
    """Renew the lease every third of its length from a thread while the body runs.

    Only on a real worker (`JOB_HEARTBEAT_THREAD`, on when a broker is configured): inline,
    the job runs in the request and its progress steps renew the lease. The thread uses its
    own database connection and closes it when it stops.
    """
    if not settings.JOB_HEARTBEAT_THREAD:
        yield
        return
    stop = threading.Event()
    interval = max(1.0, settings.JOB_LEASE_SECONDS / 3)

    def beat() -> None:
        try:
            while not stop.wait(interval):
                try:
                    close_old_connections()
                    if not renew(running()):
                        return  # the job left its running state (finished, or taken away)
                except Exception:  # a busy database: try again at the next beat
                    logger.warning("Could not renew a job's lease", exc_info=True)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name="job-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


@dataclass(frozen=True)
class JobKind:
    """One kind of job the sweeper looks after.

    `active()`: the rows in a queued or running state; `requeue(job, now)`: move the job back to
    the queue (a conditional UPDATE on the lease it read, `requeue_update`) and hand it to a
    worker, returning False when another sweeper moved it first; `fail(job)`: end it with
    `given_up_message`, in the language of who asked.
    """

    name: str
    active: Callable[[], QuerySet]
    requeue: Callable[[Model, datetime.datetime], bool]
    fail: Callable[[Model], None]


@dataclass
class SweepResult:
    requeued: list[str]
    failed: list[str]

    def __bool__(self) -> bool:
        return bool(self.requeued or self.failed)


def sweep(kinds: list[JobKind], *, now: datetime.datetime | None = None) -> SweepResult:
    """Hand every job whose lease expired to a worker again, or fail it after the last try."""
    now = now or timezone.now()
    result = SweepResult(requeued=[], failed=[])
    for kind in kinds:
        expired = Q(lease_expires_at__lt=now) | Q(lease_expires_at__isnull=True)  # rows from before leases
        for job in kind.active().filter(expired).order_by("pk"):
            label = f"{kind.name} {job.pk}"
            if job.attempts >= settings.JOB_MAX_ATTEMPTS:
                kind.fail(job)
                result.failed.append(label)
                logger.warning("Job %s given up after %s attempts", label, job.attempts)
                continue
            try:
                moved = kind.requeue(job, now)
            except Exception:  # the broker is down: the job waits for the next sweep
                logger.exception("Job %s could not be re-queued", label)
                continue
            if moved:
                result.requeued.append(label)
                logger.warning("Job %s re-queued (attempt %s)", label, job.attempts + 1)
    return result


def requeue_update(queryset: QuerySet, job: Model, now: datetime.datetime, **fields) -> bool:
    """Move `job` back to the queue only if nobody touched its lease since it was read."""
    return bool(
        queryset.filter(pk=job.pk, lease_expires_at=job.lease_expires_at).update(
            lease_expires_at=queued_until(now), attempts=F("attempts") + 1, **fields
        )
    )


def given_up_message(*, attempts: int, taken_up: bool) -> str:
    """Why a job was given up, for the person who asked (in the active language)."""
    if taken_up:
        return _(
            "The background job was interrupted %(count)s times (the worker processing it stopped) and was "
            "abandoned. Nothing was kept of it. Try again; if it happens again, tell the administrator."
        ) % {"count": attempts}
    return _(
        "No background worker took up the job after %(count)s attempts, so it was abandoned. Nothing was "
        "kept of it. Try again in a few minutes; if it happens again, tell the administrator."
    ) % {"count": attempts}


def queue_unavailable_message() -> str:
    return _(
        "The job cannot be queued right now: the background service is not available. Nothing was "
        "recorded. Try again in a few minutes."
    )
