"""Import jobs: checked, then applied on confirmation; inline without a broker, by a Celery
worker with one."""

from __future__ import annotations

import logging

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budgets.excel.imports import FileRefused, Problem, Progress, apply_file, check_file, inspect_file
from budgets.excel.layout import IMPORT_MAX_BYTES, XLSX_CONTENT_TYPE
from budgets.models import ImportJob
from tracker.models import User

logger = logging.getLogger(__name__)

# --- Import jobs (run inline without a broker, by a Celery worker with one) ----------------------


@transaction.atomic
def import_job_create(*, file_name: str, content: bytes, language: str, actor: User) -> ImportJob:
    """Keep an uploaded file as a new job waiting to be checked. The caller starts the check
    once this has committed (a worker must find the row)."""
    job = ImportJob(created_by=actor, file_name=file_name[:255], content=content, language=language)
    job.full_clean()
    job.save()
    return job


@transaction.atomic
def import_job_confirm(*, job: ImportJob, actor: User) -> bool:
    """A finance officer confirms a checked file without errors: the job moves to APPLYING,
    naming them. Only once: two clicks (or two officers) at the same moment move it once, in
    one conditional UPDATE, and the second gets False, as does a job in any other state."""
    moved = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.READY).update(
        status=ImportJob.Status.APPLYING, applied_by=actor
    )
    if moved:
        job.status, job.applied_by = ImportJob.Status.APPLYING, actor
    return bool(moved)


def progress_key(job_id: int) -> str:
    return f"budgets:import:{job_id}:progress"


def job_progress(job: ImportJob) -> tuple[int, int] | None:
    """(rows done, rows) while a job runs. Kept in the cache: the job's own transaction holds
    its rows until it ends, so a count written to the database would not be seen; with a
    worker on another process it needs the shared cache (REDIS_URL)."""
    return cache.get(progress_key(job.pk))


def _progress_for(job: ImportJob) -> Progress:
    def report(done: int, total: int) -> None:
        cache.set(progress_key(job.pk), (done, total), timeout=3600)

    return report


UNEXPECTED = gettext_lazy("An unexpected error stopped the import; nothing was written. Please tell the administrator.")


def _finish(job: ImportJob, status: str, *, problems: list[Problem], summary: dict | None = None) -> None:
    job.status = status
    job.errors = [problem.as_dict() for problem in problems]
    if summary is not None:
        job.summary = summary
    fields = ["status", "errors", "summary"]
    if status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        job.finished_at = timezone.now()
        fields.append("finished_at")
    job.save(update_fields=fields)
    cache.delete(progress_key(job.pk))


def _run(job: ImportJob, step, *, actor: User, refused: str, doing: str):
    """Run `step` (check_file or apply_file) over the job's file as `actor`: its outcome, or
    None once a refused file has ended the job `refused` or an unexpected error FAILED."""
    try:
        return step(bytes(job.content), actor=actor, progress=_progress_for(job))
    except FileRefused as refusal:
        _finish(job, refused, problems=refusal.problems)
    except Exception:
        logger.exception("%s import job %s failed", doing, job.pk)
        _finish(job, ImportJob.Status.FAILED, problems=[Problem(None, None, None, str(UNEXPECTED))])
    return None


def check_job(job_id: int) -> None:
    """Check an uploaded file: READY when every row would be written, INVALID otherwise."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    with translation.override(job.language):
        outcome = _run(job, check_file, actor=job.created_by, refused=ImportJob.Status.INVALID, doing="Checking")
        if outcome is None:
            return
        job.total_rows = outcome.rows
        job.save(update_fields=["total_rows"])
        status = ImportJob.Status.INVALID if outcome.problems else ImportJob.Status.READY
        _finish(job, status, problems=outcome.problems, summary=outcome.summary())


def apply_job(job_id: int) -> None:
    """Write a checked file (the view has moved it to APPLYING, naming who confirmed it)."""
    job = ImportJob.objects.select_related("applied_by").get(pk=job_id)
    if job.status != ImportJob.Status.APPLYING or job.applied_by is None:
        return
    with translation.override(job.language):
        outcome = _run(job, apply_file, actor=job.applied_by, refused=ImportJob.Status.FAILED, doing="Applying")
        if outcome is None:
            return
        status = ImportJob.Status.FAILED if outcome.problems else ImportJob.Status.DONE
        _finish(job, status, problems=outcome.problems, summary=outcome.summary())


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
