"""Writes of the registers: entering and editing entries, their review, their evidence, and
what accepted entries count towards the activity's outputs.

draft → submitted → accepted, or → returned (with a reason) → edited → submitted again, as for
progress reports. An accepted entry is not edited; a DIC manager who finds a mistake returns
it (its records are withdrawn until it is accepted again). Every function is keyword-only,
atomic, checks who may do it, validates with `full_clean()` and records its actor in history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.core.evidence import evidence_types
from tracker.core.history import delete_tracked, save_tracked
from tracker.models import (
    REGISTER_MODELS,
    Activity,
    OutputIndicator,
    OutputRecord,
    RadioStation,
    RadioStationState,
    RadioWork,
    RegisterEntry,
    RegisterEvidence,
    User,
)
from tracker.outputs.services import output_record_clear, output_record_set
from tracker.registers import permissions

Status = RegisterEntry.Status
KIND_OF_MODEL = {model: kind for kind, model in REGISTER_MODELS.items()}

# URL names of each register's pages: tracker:<prefix>_list, _detail, _create, _edit, _export.
URL_PREFIX = {
    RegisterEntry.Kind.RADIO_WORK: "radio_work",
    RegisterEntry.Kind.TRAINING_COURSE: "training_course",
    RegisterEntry.Kind.MEDIA_PRODUCT: "media_product",
    RegisterEntry.Kind.INFO_POINT: "info_point",
    RegisterEntry.Kind.PUBLICATION: "publication",
    RegisterEntry.Kind.SMARTPHONES: "smartphone_handover",
}


# Which register counts an output, by the first part of its `register_measure`.
MEASURE_REGISTER = {
    "radio": RegisterEntry.Kind.RADIO_WORK,
    "training": RegisterEntry.Kind.TRAINING_COURSE,
    "media": RegisterEntry.Kind.MEDIA_PRODUCT,
    "info_points": RegisterEntry.Kind.INFO_POINT,
    "publications": RegisterEntry.Kind.PUBLICATION,
    "smartphones": RegisterEntry.Kind.SMARTPHONES,
}


def register_list_url(output: OutputIndicator) -> str:
    """The list of the register that counts the output, filtered to its activity ("" if none)."""
    if not output.register_measure:
        return ""
    kind = MEASURE_REGISTER[output.register_measure.split(".", 1)[0]]
    return reverse(f"tracker:{URL_PREFIX[kind]}_list") + f"?activity={output.activity_id}"


def detail_url(entry: RegisterEntry) -> str:
    return reverse(f"tracker:{URL_PREFIX[entry.kind]}_detail", args=[entry.pk])


def record_source(entry: RegisterEntry, output: OutputIndicator) -> str:
    return f"register:{entry.pk}:{output.pk}"


def _locked(entry: RegisterEntry) -> RegisterEntry:
    """The entry's current row, locked until the transaction ends, as its own register's model."""
    model = REGISTER_MODELS[entry.kind]
    return model.objects.select_for_update().get(pk=entry.pk)


# --- Entering and editing ---------------------------------------------------------------------


@transaction.atomic
def entry_save(*, entry: RegisterEntry, actor: User) -> RegisterEntry:
    """Create or update a draft or returned entry. A unit officer's entry belongs to one of
    their unit's tasks (its activity and unit follow from the task); a DIC manager may enter
    one for any activity, with or without a task."""
    entry.kind = KIND_OF_MODEL[type(entry)]
    if entry.pk:
        current = _locked(entry)
        if not permissions.can_edit(actor, current):
            raise PermissionDenied(_("This entry can no longer be changed, or not by you."))
        entry.status = current.status
    else:
        entry.created_by = actor
        entry.status = Status.DRAFT
    if entry.task_id:
        entry.activity_id = entry.task.activity_id
        entry.unit_id = entry.task.unit_id
        if not entry.area_id and entry.task.area_id:
            entry.area_id = entry.task.area_id
    if not entry.activity_id:
        raise ValidationError({"activity": _("Choose the activity the entry belongs to.")})
    if not permissions.can_enter_for(actor, activity=entry.activity, task=entry.task):
        raise PermissionDenied(_("Only the officers of the task's unit and DIC managers enter records for it."))
    if isinstance(entry, RadioWork) and entry._state.adding:
        _copy_station_state_before(entry)
    return save_tracked(entry, actor=actor)


def _copy_station_state_before(work: RadioWork) -> None:
    """A new work starts from the station as it is (its latest state), kept as `before_*`."""
    state = work.station.states.order_by("-effective_on", "-id").first()
    for field in RadioWork.STATE_FIELDS:
        before = "before_kind" if field == "station_kind" else f"before_{field}"
        setattr(work, before, getattr(state, field) if state else RadioWork._meta.get_field(field).default)


@transaction.atomic
def lines_replace(
    *,
    entry: RegisterEntry,
    model: type[models.Model],
    parent_field: str,
    rows: Sequence[dict[str, Any]],
    actor: User,
) -> list[models.Model]:
    """Make the entry's lines of `model` (villages, materials, trainees) exactly `rows`: a row
    with an "id" updates that line, one without creates a line, lines not given are deleted."""
    current = _locked(entry)
    if not permissions.can_edit(actor, current):
        raise PermissionDenied(_("This entry can no longer be changed, or not by you."))
    existing = {line.pk: line for line in model.objects.filter(**{parent_field: current})}
    kept, saved = set(), []
    for values in rows:
        values = dict(values)
        pk = values.pop("id", None)
        line = existing.get(pk) if pk else None
        if line is None:
            line = model(**{parent_field: current}, **values)
        else:
            kept.add(pk)
            if all(getattr(line, name) == value for name, value in values.items()):
                saved.append(line)
                continue
            for name, value in values.items():
                setattr(line, name, value)
        saved.append(save_tracked(line, actor=actor))
    for pk, line in existing.items():
        if pk not in kept:
            delete_tracked(line, actor=actor)
    return saved


@transaction.atomic
def entry_delete(*, entry: RegisterEntry, actor: User) -> None:
    """Delete a draft or returned entry (never one that was accepted and is counted)."""
    current = _locked(entry)
    if not permissions.can_edit(actor, current):
        raise PermissionDenied(_("Only a draft or returned entry can be deleted, by whoever may edit it."))
    for evidence in current.evidence.all():
        _evidence_delete(evidence, actor=actor)
    delete_tracked(current, actor=actor)


# --- Review -----------------------------------------------------------------------------------


@transaction.atomic
def entry_submit(*, entry: RegisterEntry, actor: User) -> RegisterEntry:
    current = _locked(entry)
    if not permissions.can_edit(actor, current):
        raise PermissionDenied(_("Only a draft or returned entry can be submitted, by whoever may edit it."))
    problems = current.submit_problems()
    if problems:
        raise ValidationError(problems)
    current.status = Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.submitted_by = actor
    current.return_reason = ""
    save_tracked(current, actor=actor, reason=_("Submitted for review"))
    return current


@transaction.atomic
def entry_accept(*, entry: RegisterEntry, actor: User) -> RegisterEntry:
    """Accept a submitted entry: it now counts towards the activity's outputs (and a radio work
    leaves the station in its new state from the acceptance date)."""
    if not permissions.can_review(actor):
        raise PermissionDenied(_("Only DIC managers review register entries."))
    current = _locked(entry)
    if current.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted entry can be accepted."))
    current.status = Status.ACCEPTED
    current.reviewed_at = timezone.now()
    current.reviewed_by = actor
    save_tracked(current, actor=actor, reason=_("Accepted"))
    if isinstance(current, RadioWork):
        _station_state_from_work(current, actor=actor)
    records_sync(entry=current, actor=actor)
    return current


@transaction.atomic
def entry_return(*, entry: RegisterEntry, reason: str, actor: User) -> RegisterEntry:
    """Return a submitted entry for correction, or reopen an accepted one found wrong: either
    way it stops counting until accepted again."""
    if not permissions.can_review(actor):
        raise PermissionDenied(_("Only DIC managers review register entries."))
    if not reason.strip():
        raise ValidationError({"return_reason": _("Say why the entry is returned.")})
    current = _locked(entry)
    if current.status not in (Status.SUBMITTED, Status.ACCEPTED):
        raise ValidationError(_("Only a submitted or accepted entry can be returned."))
    current.status = Status.RETURNED
    current.return_reason = reason.strip()
    current.reviewed_at = timezone.now()
    current.reviewed_by = actor
    save_tracked(current, actor=actor, reason=_("Returned"))
    if isinstance(current, RadioWork):
        state = RadioStationState.objects.filter(work=current).first()
        if state is not None:
            delete_tracked(state, actor=actor)
    records_sync(entry=current, actor=actor)
    return current


# --- What accepted entries count --------------------------------------------------------------


def _register_outputs(activity_id: int, measures: Iterable[str]) -> list[OutputIndicator]:
    return list(
        OutputIndicator.objects.filter(
            activity_id=activity_id,
            counted_from=OutputIndicator.CountedFrom.RECORDS,
            register_measure__in=list(measures),
        )
    )


@transaction.atomic
def records_sync(*, entry: RegisterEntry, actor: User | None) -> None:
    """Make the entry's output records what it counts now: one record per output of its
    activity counted from its register when it is accepted and counts something; none
    otherwise."""
    wanted: dict[str, tuple[OutputIndicator, int]] = {}
    if entry.status == Status.ACCEPTED and entry.achieved_on():
        for output in _register_outputs(entry.activity_id, entry.MEASURES):
            quantity = entry.measure_quantity(output.register_measure)
            if quantity > 0:
                wanted[record_source(entry, output)] = (output, quantity)
    for source, (output, quantity) in wanted.items():
        output_record_set(
            source=source,
            output_indicator=output,
            quantity=quantity,
            achieved_on=entry.achieved_on(),
            title=entry.record_title(),
            url=reverse("tracker:register_entry", args=[entry.pk]),
            area=entry.area,
            is_sample=entry.is_sample,
            actor=actor,
        )
    stale = OutputRecord.objects.filter(source__startswith=f"register:{entry.pk}:").exclude(source__in=list(wanted))
    for record in stale:
        output_record_clear(source=record.source, actor=actor)


@transaction.atomic
def records_resync_for_activity(*, activity: Activity, actor: User | None) -> None:
    """Recount every accepted entry of the activity, after one of its outputs started or
    stopped counting from a register."""
    for kind in RegisterEntry.objects.filter(activity=activity).values_list("kind", flat=True).distinct():
        for entry in REGISTER_MODELS[kind].objects.filter(activity=activity):
            records_sync(entry=entry, actor=actor)


# --- Commune radio stations -------------------------------------------------------------------


def _station_state_from_work(work: RadioWork, *, actor: User) -> RadioStationState:
    state = RadioStationState(
        station=work.station,
        effective_on=work.accepted_on,
        work=work,
        source_note=_("Acceptance of the work"),
        **{field: getattr(work, field) for field in RadioWork.STATE_FIELDS},
    )
    return save_tracked(state, actor=actor)


@transaction.atomic
def station_save(*, station: RadioStation, actor: User) -> RadioStation:
    if not permissions.can_review(actor):
        raise PermissionDenied(_("Only DIC managers keep the list of commune radio stations."))
    return save_tracked(station, actor=actor)


@transaction.atomic
def station_state_record(*, state: RadioStationState, actor: User) -> RadioStationState:
    """Record a station's state found by a survey (not by a work: works change it when
    accepted)."""
    if not permissions.can_review(actor):
        raise PermissionDenied(_("Only DIC managers record the surveyed state of a station."))
    if state.work_id:
        raise ValidationError(_("A work's state is recorded by accepting the work."))
    return save_tracked(state, actor=actor)


# --- Evidence ---------------------------------------------------------------------------------


@transaction.atomic
def evidence_attach_many(
    *, entry: RegisterEntry, uploads: Iterable[UploadedFile], actor: User, caption: str = ""
) -> list[RegisterEvidence]:
    """Attach photos, acceptance minutes or other files: every one is checked by content
    before any is stored, so one bad file attaches none."""
    current = _locked(entry)
    if not permissions.can_edit(actor, current):
        raise PermissionDenied(_("Files can be attached to a draft or returned entry only, by whoever may edit it."))
    uploads = list(uploads)
    types = evidence_types(uploads)
    attached = []
    for upload, mime in zip(uploads, types, strict=True):
        evidence = RegisterEvidence(
            entry=current,
            file=upload,
            original_name=(upload.name or "file")[-255:],
            content_type=mime,
            size=upload.size,
            caption=caption,
            uploaded_by=actor,
        )
        attached.append(save_tracked(evidence, actor=actor))
    return attached


def _evidence_delete(evidence: RegisterEvidence, *, actor: User) -> None:
    stored = evidence.file
    delete_tracked(evidence, actor=actor)
    # The file goes only once the row's removal is committed.
    transaction.on_commit(lambda: stored.storage.delete(stored.name))


@transaction.atomic
def evidence_remove(*, evidence: RegisterEvidence, actor: User) -> None:
    current = _locked(evidence.entry)
    if not permissions.can_edit(actor, current):
        raise PermissionDenied(_("Files can be removed from a draft or returned entry only, by whoever may edit it."))
    _evidence_delete(evidence, actor=actor)
