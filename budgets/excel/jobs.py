"""Import jobs: checked, then applied on confirmation; inline without a broker, by a Celery
worker with one."""

from __future__ import annotations

import contextlib
import logging

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budgets.excel.imports import FileRefused, Problem, Progress, apply_file, check_file, inspect_file
from budgets.excel.layout import IMPORT_MAX_BYTES, XLSX_CONTENT_TYPE
from budgets.models import ImportJob
from tracker.core import jobs as leases
from tracker.models import User

logger = logging.getLogger(__name__)

# --- Import jobs (run inline without a broker, by a Celery worker with one) ----------------------


@transaction.atomic
def import_job_create(*, file_name: str, content: bytes, language: str, actor: User) -> ImportJob:
    """Keep an uploaded file as a new job waiting to be checked. The caller starts the check
    once this has committed (a worker must find the row), with `import_job_send`."""
    job = ImportJob(
        created_by=actor,
        file_name=file_name[:255],
        content=content,
        language=language,
        lease_expires_at=leases.queued_until(),
        attempts=1,
    )
    job.full_clean()
    job.save()
    return job


@transaction.atomic
def import_job_confirm(*, job: ImportJob, actor: User) -> bool:
    """A finance officer confirms a checked file without errors: the job moves to APPLYING,
    naming them. Only once: two clicks (or two officers) at the same moment move it once, in
    one conditional UPDATE, and the second gets False, as does a job in any other state."""
    moved = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.READY).update(
        status=ImportJob.Status.APPLYING,
        applied_by=actor,
        claimed_at=None,
        lease_expires_at=leases.queued_until(),
        attempts=1,
    )
    if moved:
        job.status, job.applied_by = ImportJob.Status.APPLYING, actor
    return bool(moved)


class JobNotQueued(Exception):
    """The background service (the broker) could not be reached."""

    def __init__(self) -> None:
        super().__init__(leases.queue_unavailable_message())


@transaction.atomic
def import_job_retry(*, job: ImportJob, actor: User) -> bool:
    """ "Thử lại" on a failed import: the same file is checked again from the start (a check
    writes nothing), to be confirmed again. False for a job that has not failed."""
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.FAILED).update(
            status=ImportJob.Status.CHECKING,
            errors=[],
            summary={},
            applied_by=None,
            finished_at=None,
            claimed_at=None,
            lease_expires_at=leases.queued_until(),
            attempts=1,
        )
    )


def progress_key(job_id: int) -> str:
    return f"budgets:import:{job_id}:progress"


def job_progress(job: ImportJob) -> tuple[int, int] | None:
    """(rows done, rows) while a job runs. Kept in the cache: the job's own transaction holds
    its rows until it ends, so a count written to the database would not be seen; with a
    worker on another process it needs the shared cache (REDIS_URL). None when unknown (the
    cache is down: the page shows the job without its count)."""
    return cache.get(progress_key(job.pk))


def _progress_for(job: ImportJob) -> Progress:
    def report(done: int, total: int) -> None:
        cache.set(progress_key(job.pk), (done, total), timeout=3600)

    return report


UNEXPECTED = gettext_lazy("An unexpected error stopped the import; nothing was written. Please tell the administrator.")


class JobTakenAway(Exception):
    """The job is not this worker's any more (its lease expired and another took it up)."""


def _mine(job: ImportJob) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(pk=job.pk, status=job.status, claimed_at=job.claimed_at)


def _finish(job: ImportJob, status: str, *, problems: list[Problem], summary: dict | None = None) -> None:
    """End (or move on) the job — only if it is still this worker's."""
    fields: dict = {"status": status, "errors": [problem.as_dict() for problem in problems], "lease_expires_at": None}
    if summary is not None:
        fields["summary"] = summary
    if status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        fields["finished_at"] = timezone.now()
    if not _mine(job).update(**fields):
        raise JobTakenAway
    for name, value in fields.items():
        setattr(job, name, value)
    cache.delete(progress_key(job.pk))


def job_claim(job_id: int, status: str) -> ImportJob | None:
    """Take the job up (checking or applying) under a lease: when nobody has, or when the one
    who did stopped renewing it. One conditional UPDATE: one worker wins."""
    now = timezone.now()
    free = Q(claimed_at__isnull=True) | Q(lease_expires_at__lt=now)
    if not ImportJob.objects.filter(free, pk=job_id, status=status).update(
        claimed_at=now, lease_expires_at=leases.running_until(now)
    ):
        return None
    return ImportJob.objects.select_related("created_by", "applied_by").get(pk=job_id)


def _run(job: ImportJob, work) -> None:
    """Run `work()` (which ends the job); a refused file or an unexpected error fails it."""
    try:
        with leases.heartbeat(lambda: _mine(job)):
            work()
    except JobTakenAway:
        logger.warning("Import job %s was taken over by another worker; its work here was dropped", job.pk)
    except FileRefused as refusal:
        refused = ImportJob.Status.INVALID if job.status == ImportJob.Status.CHECKING else ImportJob.Status.FAILED
        _finish_quietly(job, refused, problems=refusal.problems)
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        _finish_quietly(job, ImportJob.Status.FAILED, problems=[Problem(None, None, None, str(UNEXPECTED))])


def _finish_quietly(job: ImportJob, status: str, *, problems: list[Problem]) -> None:
    with contextlib.suppress(JobTakenAway):
        _finish(job, status, problems=problems)


def check_job(job_id: int) -> None:
    """Check an uploaded file: READY when every row would be written, INVALID otherwise."""
    job = job_claim(job_id, ImportJob.Status.CHECKING)
    if job is None:
        return

    def work() -> None:
        outcome = check_file(bytes(job.content), actor=job.created_by, progress=_progress_for(job))
        status = ImportJob.Status.INVALID if outcome.problems else ImportJob.Status.READY
        _mine(job).update(total_rows=outcome.rows)
        _finish(job, status, problems=outcome.problems, summary=outcome.summary())

    with translation.override(job.language):
        _run(job, work)


def apply_job(job_id: int) -> None:
    """Write a checked file (the view has moved it to APPLYING, naming who confirmed it). The
    rows and the job's new state are one transaction: a worker killed half-way leaves neither,
    and the job is taken up again; a job already done is never applied twice."""
    job = job_claim(job_id, ImportJob.Status.APPLYING)
    if job is None or job.applied_by is None:
        return

    def work() -> None:
        with transaction.atomic():
            outcome = apply_file(bytes(job.content), actor=job.applied_by, progress=_progress_for(job))
            status = ImportJob.Status.FAILED if outcome.problems else ImportJob.Status.DONE
            _finish(job, status, problems=outcome.problems, summary=outcome.summary())

    with translation.override(job.language):
        _run(job, work)


# --- Jobs whose worker died (tracker.core.jobs; budgets.tasks registers the sweeper's part) -----


def active_jobs() -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(status__in=[ImportJob.Status.CHECKING, ImportJob.Status.APPLYING]).defer("content")


def give_up(job: ImportJob) -> None:
    with translation.override(job.language):
        message = leases.given_up_message(attempts=job.attempts, taken_up=job.claimed_at is not None)
    active_jobs().filter(pk=job.pk, lease_expires_at=job.lease_expires_at).update(
        status=ImportJob.Status.FAILED,
        errors=[Problem(None, None, None, message).as_dict()],
        finished_at=timezone.now(),
        lease_expires_at=None,
    )


class ImportUploadForm(forms.Form):
    """The upload: the file is opened and its sheets and header rows checked at once, so a
    file that is not an import at all is refused on the spot; its rows are checked by the job."""

    file = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX_CONTENT_TYPE}"}),
        help_text=gettext_lazy("At most 5 MB and 5000 rows; the template's sheets and column names."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB; split it into several files.")
                % {"size": IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        content = upload.read()
        try:
            inspect_file(content)
        except FileRefused as refused:
            raise ValidationError([problem.text for problem in refused.problems]) from None
        self.content = content
        return upload
