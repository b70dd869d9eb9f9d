"""Asking for an official report, queueing its job, and reading its files back.

A request writes a queued record (`generated_report_request`), then the job runs
(`tracker.reports.jobs.generated_report_run`, the Celery task
`tracker.reports.tasks.generate_official_report`, inline when no broker is configured). A
finished record is never written again; downloads check the stored file against its
fingerprint first.
"""

from __future__ import annotations

import dataclasses
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from tracker.core import jobs as leases
from tracker.core import permissions
from tracker.models import GeneratedReport, Plan, Unit, User

from . import data, document, jobs, tasks
from .permissions import can_produce

logger = logging.getLogger(__name__)
Kind = GeneratedReport.Kind
Status = GeneratedReport.Status

FILE_TYPES = {
    "pdf": ("pdf", "pdf_sha256", "application/pdf"),
    "xlsx": ("xlsx", "xlsx_sha256", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


class StoredFileAltered(Exception):
    """A stored file no longer matches the fingerprint taken when it was generated."""


# --- Asking for a report --------------------------------------------------------------------


def _validate(request: data.ReportRequest) -> None:
    errors: dict[str, str] = {}
    if request.period_end < request.period_start:
        errors["period_end"] = _("The period cannot end before it starts.")
    elif (request.period_end - request.period_start).days + 1 > settings.REPORT_MAX_PERIOD_DAYS:
        errors["period_end"] = _(
            "A report covers at most %(days)s days; choose a shorter period or produce several reports."
        ) % {"days": settings.REPORT_MAX_PERIOD_DAYS}
    if request.kind == Kind.TARGETS and not request.plan_id:
        errors["plan"] = _("The table of targets by area belongs to one plan: choose it.")
    if request.kind == Kind.UNIT and not request.unit_id:
        errors["unit"] = _("Choose the unit whose report it is.")
    if request.kind != Kind.UNIT and not request.issuer_id:
        errors["issuer"] = _("Choose the agency issuing the report.")
    # One number and one symbol each: 'Số: /125/BC-…' must never be printed.
    try:
        number, symbol = document.number_and_symbol(
            f"{request.number}/{request.symbol}" if request.number.strip() else request.symbol
        )
    except document.NumberSymbolError as error:
        errors["symbol"] = str(error)
    else:
        if (number, symbol) != (request.number.strip(), request.symbol.strip()):
            errors["symbol"] = _("Number and symbol: give the number and the symbol apart.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def generated_report_request(
    *, actor: User, request: data.ReportRequest, language: str | None = None
) -> GeneratedReport:
    """Record that `actor` asks for this report (queued); the job fills it in.

    Raises PermissionDenied when the actor may not produce it (another unit's report, a
    kind not theirs, a plan they do not see) and ValidationError for a request that cannot
    be met (period too long, a missing plan, unit or issuer).
    """
    plan = Plan.objects.filter(pk=request.plan_id).first() if request.plan_id else None
    unit = Unit.objects.filter(pk=request.unit_id).first() if request.unit_id else None
    if (request.plan_id and plan is None) or (request.unit_id and unit is None):
        raise PermissionDenied
    if not can_produce(actor, kind=request.kind, plan=plan, unit=unit):
        raise PermissionDenied
    _validate(request)
    # A whole-sub-project report covers the plans of the asker's provinces only.
    province_ids = permissions.province_ids_of(actor)
    request = dataclasses.replace(request, province_ids=tuple(sorted(province_ids)) if province_ids else None)
    # The job writes error messages in the language of the person who asked.
    parameters = {**request.to_json(), "language": language or translation.get_language() or settings.LANGUAGE_CODE}
    report = GeneratedReport(
        kind=request.kind,
        plan=plan,
        unit=unit if request.kind == Kind.UNIT else None,
        period_type=request.period_type,
        period_start=request.period_start,
        period_end=request.period_end,
        parameters=parameters,
        created_by=actor,
        status=Status.QUEUED,
        # Handed to a worker once (generated_report_enqueue), which must take it up by then.
        lease_expires_at=leases.queued_until(),
        attempts=1,
    )
    report.full_clean()
    report.save()
    return report


class JobNotQueued(Exception):
    """The background service (the broker) could not be reached: nothing was kept."""

    def __init__(self) -> None:
        super().__init__(leases.queue_unavailable_message())


def generated_report_enqueue(report: GeneratedReport) -> None:
    """Hand the job to Celery (run inline when no broker is configured), with the time limits.

    When the broker cannot be reached the queued record is removed — nothing half-made stays
    behind — and JobNotQueued tells the caller to say so.
    """
    try:
        tasks.send(report.pk)
    except Exception as error:
        logger.exception("Could not queue the generation of report %s", report.pk)
        GeneratedReport.objects.filter(pk=report.pk, status=Status.QUEUED, started_at__isnull=True).delete()
        raise JobNotQueued from error


def generated_report_retry(*, report: GeneratedReport, actor: User) -> GeneratedReport:
    """ "Thử lại": a failed report asked for again, with the same parameters, as a new record
    (a record is never rewritten). The same rights as asking for it the first time."""
    if report.status != Status.FAILED:
        raise ValidationError(_("Only a report that failed can be tried again."))
    request = data.ReportRequest.from_json(report.parameters)
    return generated_report_request(actor=actor, request=request, language=report.parameters.get("language"))


# --- Reading a generated file back ------------------------------------------------------------


def generated_report_file(report: GeneratedReport, file_type: str) -> tuple[bytes, str, str]:
    """The stored file's bytes, its content type and a download name, after checking the
    bytes against the fingerprint taken when it was generated (StoredFileAltered if not)."""
    field_name, hash_name, content_type = FILE_TYPES[file_type]
    field = getattr(report, field_name)
    with field.open("rb") as handle:
        content = handle.read()
    if jobs.sha256(content) != getattr(report, hash_name):
        logger.error("Stored file %s of report %s does not match its SHA-256", field.name, report.pk)
        raise StoredFileAltered
    download_name = f"{jobs.file_name(report, report.title)}.{file_type}"
    return content, content_type, download_name
