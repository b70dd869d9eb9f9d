"""Writes of the progress workflow: units report on their tasks, the DIC reviews the reports.

draft → submitted → accepted, or submitted → returned (with a reason) → submitted again. An
accepted report is never edited: `progress_correct` opens a new draft that `revises` it, and
when that correction is accepted the old report becomes `superseded` (its figures kept and
still shown). Every function is keyword-only, atomic, validates with `full_clean()` and
records its actor in history through `save_tracked` / `delete_tracked`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.core import permissions
from tracker.core.calendar import ReportingPeriod, periods_for_task
from tracker.core.evidence import evidence_types, image_size
from tracker.core.history import delete_tracked, save_tracked
from tracker.core.obligations import obligation_states_refresh
from tracker.core.public_figures import public_figures_changed
from tracker.models import (
    Evidence,
    OutputIndicator,
    Progress,
    ProgressReport,
    ReportedQuantity,
    Task,
    TaskComment,
    User,
)
from tracker.notifications.services import notify_comment, notify_report_reviewed
from tracker.work.services import task_assign

Status = ProgressReport.Status
OPEN_REPORT_STATUSES = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)

# --- Who may do what ------------------------------------------------------------------------


def _require_reporter(actor: User, task: Task) -> None:
    if not permissions.can_report_on(actor, task):
        raise PermissionDenied(_("Only the officers of the unit the task is assigned to report on it."))


def _require_reviewer(actor: User) -> None:
    if not permissions.can_manage_plans(actor):
        raise PermissionDenied(_("Only DIC managers review progress reports."))


def _locked(report: ProgressReport) -> ProgressReport:
    """The report's current row, locked until the transaction ends (two reviewers at once)."""
    return ProgressReport.objects.select_for_update().get(pk=report.pk)


def _refresh(target: ProgressReport, source: ProgressReport) -> ProgressReport:
    """Copy the locked row's values onto the caller's object, so it sees what was saved."""
    target.__dict__.update({k: v for k, v in source.__dict__.items() if not k.startswith("_")})
    return target


def _when(at: datetime.datetime | None, *, not_before: datetime.datetime | None = None) -> datetime.datetime:
    """The moment a step happens: now, or `at` — a step recorded afterwards (the demo loader
    writes a year of reports with the days they were sent). Never in the future, never before
    the step it follows, always with a timezone."""
    now = timezone.now()
    if at is None:
        return now
    if timezone.is_naive(at):
        raise ValueError("`at` must be timezone-aware.")
    if at > now:
        raise ValidationError(_("A report cannot be sent or reviewed at a future time."))
    if not_before is not None and at < not_before:
        raise ValidationError(_("A report cannot be reviewed before it was sent."))
    return at


# --- Drafts ---------------------------------------------------------------------------------


def _period_of(task: Task, period: ReportingPeriod) -> ReportingPeriod:
    for candidate in periods_for_task(task):
        if (candidate.start, candidate.end) == (period.start, period.end):
            return candidate
    raise ValidationError(_("This task has no reporting period from %(start)s to %(end)s.") % _period_words(period))


def _period_words(period: ReportingPeriod) -> dict[str, str]:
    return {"start": f"{period.start:%d/%m/%Y}", "end": f"{period.end:%d/%m/%Y}"}


def _check_figures(task: Task, percent_complete: int, quantities: Mapping[OutputIndicator, int | None]) -> None:
    errors: dict[str, list[str]] = {}
    if not isinstance(percent_complete, int) or not 0 <= percent_complete <= 100:
        errors["percent_complete"] = [_("The percentage complete is between 0 and 100.")]
    for output, quantity in quantities.items():
        if output.activity_id != task.activity_id:
            errors.setdefault("quantities", []).append(
                _("“%(output)s” is not an output of this task's activity.") % {"output": output.name}
            )
        elif quantity is not None and output.is_counted_from_records:
            errors.setdefault("quantities", []).append(
                _("“%(output)s” is counted automatically from published records; it takes no quantity in a report.")
                % {"output": output.name}
            )
        elif quantity is not None and (not isinstance(quantity, int) or quantity < 0):
            errors.setdefault("quantities", []).append(
                _("The quantity of “%(output)s” cannot be negative.") % {"output": output.name}
            )
    if errors:
        raise ValidationError(errors)


def _sync_quantities(
    report: ProgressReport,
    quantities: Mapping[OutputIndicator, int | None],
    *,
    actor: User,
    at: datetime.datetime | None = None,
) -> None:
    """Make the report's quantities exactly those given (None or absent: no figure)."""
    existing = {row.output_indicator_id: row for row in report.quantities.all()}
    wanted = {output.pk: quantity for output, quantity in quantities.items() if quantity is not None}
    for output_id, row in existing.items():
        if output_id not in wanted:
            delete_tracked(row, actor=actor)
    for output_id, quantity in wanted.items():
        row = existing.get(output_id)
        if row is None:
            save_tracked(
                ReportedQuantity(report=report, output_indicator_id=output_id, quantity=quantity), actor=actor, at=at
            )
        elif row.quantity != quantity:
            row.quantity = quantity
            save_tracked(row, actor=actor, at=at)


@transaction.atomic
def progress_save_draft(
    *,
    task: Task,
    period: ReportingPeriod,
    actor: User,
    percent_complete: int,
    narrative: str = "",
    difficulties: str = "",
    proposals: str = "",
    quantities: Mapping[OutputIndicator, int | None] | None = None,
    nothing_to_report: bool = False,
    at: datetime.datetime | None = None,
) -> ProgressReport:
    """Create or update the task's open (draft or returned) report for the period.

    `nothing_to_report`: nothing was done in the period; the report takes no quantity.
    `at`: when it was written, if before now (its history is dated then)."""
    _require_reporter(actor, task)
    at = _when(at) if at is not None else None
    period = _period_of(task, period)
    quantities = quantities or {}
    if nothing_to_report and any(quantity is not None for quantity in quantities.values()):
        raise ValidationError(
            {"quantities": [_("A report with nothing to report carries no quantities; clear them or untick it.")]}
        )
    _check_figures(task, percent_complete, quantities)
    # Lock the task row: two officers saving the first draft at once make one report.
    Task.objects.select_for_update().filter(pk=task.pk).first()
    report = (
        ProgressReport.objects.select_for_update()
        .filter(task=task, period_start=period.start, period_end=period.end, status__in=OPEN_REPORT_STATUSES)
        .first()
    )
    if report is None:
        if ProgressReport.objects.filter(
            task=task, period_start=period.start, period_end=period.end, status=Status.ACCEPTED
        ).exists():
            raise ValidationError(
                _("The report for this period was accepted; to change it, start a correction from the task page.")
            )
        report = ProgressReport(
            task=task,
            reporting_rule_id=period.rule_id,
            period_start=period.start,
            period_end=period.end,
            due_date=period.due,
            created_by=actor,
        )
    elif report.status == Status.SUBMITTED:
        raise ValidationError(_("The report for this period was submitted and awaits review; it cannot be changed."))
    report.percent_complete = percent_complete
    report.narrative = narrative.strip()
    report.difficulties = difficulties.strip()
    report.proposals = proposals.strip()
    report.nothing_to_report = nothing_to_report
    save_tracked(report, actor=actor, at=at)
    _sync_quantities(report, quantities, actor=actor, at=at)
    obligation_states_refresh(task_ids=[task.pk])
    return report


def last_percent(task: Task, before: datetime.date) -> int:
    """The percentage of the task's latest report sent for a period ending before `before`
    (accepted or awaiting review), or 0: what a period with nothing to report carries over."""
    latest = (
        ProgressReport.objects.filter(task=task, period_end__lt=before, status__in=(Status.ACCEPTED, Status.SUBMITTED))
        .order_by("-period_end", "-created_at", "-pk")
        .values_list("percent_complete", flat=True)
        .first()
    )
    return latest or 0


@transaction.atomic
def progress_report_nothing(
    *, task: Task, period: ReportingPeriod, actor: User, note: str = "", at: datetime.datetime | None = None
) -> ProgressReport:
    """Send "nothing to report in this period" in one step: the period's open report (or a new
    one) becomes a report with no quantities, the task's last percentage carried over, and is
    submitted. It counts as sent (on time or late) like any report; the DIC still accepts it.
    `at`: when it was sent, as for `progress_submit`."""
    period = _period_of(task, period)
    report = progress_save_draft(
        task=task,
        period=period,
        actor=actor,
        percent_complete=last_percent(task, period.end),
        narrative=note,
        quantities={},
        nothing_to_report=True,
        at=at,
    )
    return progress_submit(report=report, actor=actor, at=at)


@dataclass
class CatchUpEntry:
    """One period of a catch-up: its figures, or `nothing_to_report`."""

    period: ReportingPeriod
    percent_complete: int = 0
    note: str = ""
    quantities: dict[OutputIndicator, int | None] = field(default_factory=dict)
    nothing_to_report: bool = False


@transaction.atomic
def progress_catch_up(
    *, task: Task, entries: Sequence[CatchUpEntry], actor: User, shared_note: str = ""
) -> list[ProgressReport]:
    """Report several periods of a task at once and submit them: all or nothing. Each period
    goes through `progress_save_draft` and `progress_submit` (their rules and history apply);
    an entry with no note of its own takes the shared one. An error names its period."""
    _require_reporter(actor, task)
    if not entries:
        raise ValidationError(_("Choose at least one period to report."))
    shared_note = (shared_note or "").strip()
    submitted = []
    for entry in sorted(entries, key=lambda item: (item.period.end, item.period.start)):
        note = (entry.note or "").strip() or shared_note
        try:
            if entry.nothing_to_report:
                report = progress_report_nothing(task=task, period=entry.period, actor=actor, note=note)
            else:
                report = progress_save_draft(
                    task=task,
                    period=entry.period,
                    actor=actor,
                    percent_complete=entry.percent_complete,
                    narrative=note,
                    quantities=entry.quantities,
                )
                report = progress_submit(report=report, actor=actor)
        except ValidationError as error:
            words = _period_words(entry.period)
            label = entry.period.label or f"{words['start']}–{words['end']}"
            raise ValidationError(
                [_("%(period)s: %(message)s") % {"period": label, "message": message} for message in error.messages]
            ) from error
        submitted.append(report)
    return submitted


@transaction.atomic
def progress_submit(*, report: ProgressReport, actor: User, at: datetime.datetime | None = None) -> ProgressReport:
    """Send a draft or returned report for review. `at`: when it was sent, if before now (a
    report recorded afterwards); the on-time rate judges the period by this date."""
    _require_reporter(actor, report.task)
    current = _locked(report)
    if current.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError(_("Only a draft or a returned report can be submitted."))
    # Sent again after a return: not before the return it answers.
    sent_at = _when(at, not_before=current.reviewed_at if current.status == Status.RETURNED else None)
    current.status = Status.SUBMITTED
    current.submitted_at = sent_at
    current.submitted_by = actor
    save_tracked(current, actor=actor, at=at)
    obligation_states_refresh(task_ids=[current.task_id])
    return _refresh(report, current)


# --- Review ---------------------------------------------------------------------------------


@transaction.atomic
def progress_accept(*, report: ProgressReport, actor: User, at: datetime.datetime | None = None) -> ProgressReport:
    """Accept a submitted report; a correction supersedes the report it corrects; the task's
    status follows the accepted figures. `at`: when it was accepted, if before now (not
    before it was sent)."""
    _require_reviewer(actor)
    current = _locked(report)
    if current.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be accepted."))
    current.status = Status.ACCEPTED
    current.reviewed_at = _when(at, not_before=current.submitted_at)
    current.reviewed_by = actor
    if current.revises_id:
        old = _locked(current.revises)
        if old.status == Status.ACCEPTED:
            old.status = Status.SUPERSEDED
            save_tracked(old, actor=actor, reason=_("Superseded by a correction"), at=at)
    save_tracked(current, actor=actor, at=at)
    public_figures_changed()  # the public home counts the accepted reports
    _update_task_status(current, actor=actor, accepted_on=timezone.localdate(current.reviewed_at))
    obligation_states_refresh(task_ids=[current.task_id])
    notify_report_reviewed(report=current, actor=actor, at=at)
    return _refresh(report, current)


def _update_task_status(report: ProgressReport, *, actor: User, accepted_on: datetime.date) -> None:
    """100 % → completed (on the period's end, or the acceptance day if that is earlier);
    any progress → in progress. A completed or cancelled task is left as it is."""
    if report.nothing_to_report:
        return  # nothing happened in the period: the task's progress stays where it was
    task = Task.objects.select_related("activity").get(pk=report.task_id)
    if task.status in (Progress.COMPLETED, Progress.CANCELLED):
        return
    if report.percent_complete == 100:
        task.status = Progress.COMPLETED
        task.completed_on = min(report.period_end, accepted_on)
    elif report.percent_complete > 0 and task.status == Progress.NOT_STARTED:
        task.status = Progress.IN_PROGRESS
    else:
        return
    task_assign(task=task, actor=actor)


@transaction.atomic
def progress_return(
    *, report: ProgressReport, actor: User, reason: str, at: datetime.datetime | None = None
) -> ProgressReport:
    """Return a submitted report with a reason. `at`: when, if before now (as for accepting)."""
    _require_reviewer(actor)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the report is returned.")})
    current = _locked(report)
    if current.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be returned."))
    current.status = Status.RETURNED
    current.return_reason = reason
    current.reviewed_at = _when(at, not_before=current.submitted_at)
    current.reviewed_by = actor
    save_tracked(current, actor=actor, at=at)
    obligation_states_refresh(task_ids=[current.task_id])
    notify_report_reviewed(report=current, actor=actor, at=at)
    return _refresh(report, current)


@transaction.atomic
def progress_correct(*, report: ProgressReport, actor: User) -> ProgressReport:
    """Open a correction of an accepted report: a new draft with the same figures."""
    _require_reporter(actor, report.task)
    current = _locked(report)
    if current.status != Status.ACCEPTED:
        raise ValidationError(_("Only an accepted report is corrected; edit a draft or returned report directly."))
    if ProgressReport.objects.filter(
        task_id=current.task_id,
        period_start=current.period_start,
        period_end=current.period_end,
        status__in=OPEN_REPORT_STATUSES,
    ).exists():
        raise ValidationError(_("A correction of this report is already in progress."))
    correction = save_tracked(
        ProgressReport(
            task_id=current.task_id,
            reporting_rule_id=current.reporting_rule_id,
            period_start=current.period_start,
            period_end=current.period_end,
            due_date=current.due_date,
            percent_complete=current.percent_complete,
            narrative=current.narrative,
            difficulties=current.difficulties,
            proposals=current.proposals,
            nothing_to_report=current.nothing_to_report,
            revises=current,
            created_by=actor,
        ),
        actor=actor,
    )
    for row in current.quantities.all():
        save_tracked(
            ReportedQuantity(report=correction, output_indicator_id=row.output_indicator_id, quantity=row.quantity),
            actor=actor,
        )
    obligation_states_refresh(task_ids=[current.task_id])
    return correction


# --- Evidence -------------------------------------------------------------------------------


def _require_editable(report: ProgressReport) -> None:
    if not report.is_editable:
        raise ValidationError(_("Files can be attached to or removed from a draft or returned report only."))


@transaction.atomic
def evidence_attach(*, report: ProgressReport, upload: UploadedFile, actor: User) -> Evidence:
    return evidence_attach_many(report=report, uploads=[upload], actor=actor)[0]


@transaction.atomic
def evidence_attach_many(*, report: ProgressReport, uploads: Iterable[UploadedFile], actor: User) -> list[Evidence]:
    """Attach several files: every one is checked before any is stored, so one bad file
    attaches none."""
    _require_reporter(actor, report.task)
    _require_editable(_locked(report))
    uploads = list(uploads)
    types = evidence_types(uploads)
    attached = []
    for upload, mime in zip(uploads, types, strict=True):
        name = (upload.name or "file")[-255:]
        width, height = image_size(upload, mime) or (None, None)
        evidence = Evidence(
            report=report,
            file=upload,
            original_name=name,
            content_type=mime,
            size=upload.size,
            width=width,
            height=height,
            uploaded_by=actor,
        )
        attached.append(save_tracked(evidence, actor=actor))
    return attached


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: User) -> None:
    report = evidence.report
    _require_reporter(actor, report.task)
    _require_editable(_locked(report))
    stored = evidence.file
    delete_tracked(evidence, actor=actor)
    # The file goes only once the row's removal is committed.
    transaction.on_commit(lambda: stored.storage.delete(stored.name))


# --- Task comments ---------------------------------------------------------------------------

COMMENT_MAX_LENGTH = 5000


@transaction.atomic
def comment_post(*, task: Task, author: User, body: str) -> TaskComment:
    """Add a message to a task's thread, written by `author` (recorded in its history).

    The task's unit, the activity's lead and cooperating units and the DIC may comment;
    anyone else (a monitor, the finance officer) is refused with PermissionDenied.
    """
    if not permissions.can_comment_on(author, task):
        raise PermissionDenied
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a comment before posting it.")})
    if len(body) > COMMENT_MAX_LENGTH:
        message = _("A comment is at most %(limit)d characters long (this one has %(length)d).")
        raise ValidationError({"body": message % {"limit": COMMENT_MAX_LENGTH, "length": len(body)}})
    comment = save_tracked(TaskComment(task=task, author=author, body=body), actor=author)
    notify_comment(comment=comment)
    return comment
