"""Writes of the work part: activities with their lead and cooperating units, their outputs,
and the tasks that share them out among units (which decide who may see and report on what).

Keyword-only, atomic, validated, recorded in history with the actor (`tracker.core.history`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from tracker.core.deletion import delete_guarded
from tracker.core.grants import grants_sync
from tracker.core.history import delete_tracked, save_tracked
from tracker.core.obligations import obligations_sync, obligations_sync_task
from tracker.models import Activity, Cooperation, OutputIndicator, Progress, ReportingRule, Task, Unit, User


@transaction.atomic
def activity_save(
    *, activity: Activity, actor: User | None, cooperating_units: Iterable[Unit] | None = None
) -> Activity:
    """Save an activity with its one lead unit and, when given, its cooperating units."""
    units = list(cooperating_units) if cooperating_units is not None else None
    if units is not None and any(unit.pk == activity.lead_unit_id for unit in units):
        raise ValidationError({"cooperating_units": _("A unit cannot both lead and cooperate on the same activity.")})
    # Changing the lead to a unit that already cooperates would break the same rule.
    if activity.pk and units is None and activity.cooperations.filter(unit_id=activity.lead_unit_id).exists():
        message = _("This unit already cooperates on the activity; remove it from the cooperating units first.")
        raise ValidationError({"lead_unit": message})
    previous_plan_id = _stored(activity, "plan_id")
    save_tracked(activity, actor=actor)
    if units is not None:
        _sync_cooperations(activity, units, actor=actor)
    grants_sync(activity=activity)
    # Its start date bounds its tasks' periods; its lead unit owes the plan's own reports.
    obligations_sync(
        plan_ids={activity.plan_id, previous_plan_id}, task_ids=activity.tasks.values_list("pk", flat=True)
    )
    return activity


def _sync_cooperations(activity: Activity, units: list[Unit], *, actor: User | None) -> None:
    existing = {cooperation.unit_id: cooperation for cooperation in activity.cooperations.all()}
    wanted = {unit.pk for unit in units}
    for cooperation in existing.values():
        if cooperation.unit_id not in wanted:
            delete_tracked(cooperation, actor=actor)
    for unit in units:
        if unit.pk not in existing:
            save_tracked(Cooperation(activity=activity, unit=unit), actor=actor)


def _stored(instance: models.Model, field: str, default=None):
    """A field's value as the database has it before this save (`default` for a new row)."""
    if not instance.pk:
        return default
    return type(instance).objects.filter(pk=instance.pk).values_list(field, flat=True).first()


@transaction.atomic
def cooperation_save(*, cooperation: Cooperation, actor: User | None) -> Cooperation:
    """Add one cooperating unit to an activity, or change its role (the admin's rows; the
    activity pages give the whole list to `activity_save`); its officers gain the rights."""
    previous_unit_id = _stored(cooperation, "unit_id")
    save_tracked(cooperation, actor=actor)
    if previous_unit_id != cooperation.unit_id:
        grants_sync(activity=cooperation.activity)
    return cooperation


@transaction.atomic
def cooperation_remove(*, cooperation: Cooperation, actor: User | None) -> None:
    activity = cooperation.activity
    delete_tracked(cooperation, actor=actor)
    grants_sync(activity=activity)


@transaction.atomic
def output_indicator_save(*, output: OutputIndicator, actor: User | None) -> OutputIndicator:
    # An output with records counts them; letting units report it as well would count twice.
    if output.pk and output.counted_from == OutputIndicator.CountedFrom.REPORTS and output.records.exists():
        message = _("Published records already count towards this output; it stays counted from records.")
        raise ValidationError({"counted_from": message})
    previous_measure = _stored(output, "register_measure", default="")
    saved = save_tracked(output, actor=actor)
    if previous_measure != output.register_measure:
        # Accepted register entries count (or stop counting) towards the output from now on.
        from tracker.registers.services import records_resync_for_activity

        records_resync_for_activity(activity=output.activity, actor=actor)
    return saved


@transaction.atomic
def task_assign(*, task: Task, actor: User | None) -> Task:
    """Assign (or change, or reassign) a unit's share of an activity, and grant its officers
    the right to see and report on it; a reassigned task's old unit loses those rights.

    A change that leaves the task with its unit (its status, quantity, deadline) changes no
    right, so the activity's grants are recomputed only when the unit is new or different."""
    previous_unit_id = _stored(task, "unit_id")
    save_tracked(task, actor=actor)
    if previous_unit_id != task.unit_id:
        grants_sync(activity=task.activity)
    obligations_sync_task(task)
    return task


@transaction.atomic
def task_remove(*, task: Task, actor: User | None) -> None:
    """Delete a task with its comments; refused when it has progress reports or register
    entries (cancel it instead). Its unit's officers lose the rights it gave them."""
    activity = task.activity
    delete_guarded(instance=task, actor=actor)
    grants_sync(activity=activity)
    # Its expected reports went with it; its unit may now owe the plan's reports itself.
    obligations_sync(plan_ids=[activity.plan_id], task_ids=[])


@transaction.atomic
def activity_delete(*, activity: Activity, actor: User | None) -> None:
    """Delete an activity with its tasks, outputs, cooperations and deadlines; refused when
    reports, records, register entries or money depend on it (cancel it instead)."""
    plan_id = activity.plan_id
    delete_guarded(instance=activity, actor=actor)
    obligations_sync(plan_ids=[plan_id], task_ids=[])


@transaction.atomic
def activity_cancel(*, activity: Activity, actor: User | None) -> Activity:
    """What is left when an activity cannot be deleted: it is cancelled, its work kept."""
    activity.status = Progress.CANCELLED
    return save_tracked(activity, actor=actor, reason="cancelled")


@transaction.atomic
def task_cancel(*, task: Task, actor: User | None) -> Task:
    """A task that cannot be deleted is cancelled: it owes no more reports, its reports stay."""
    task.status = Progress.CANCELLED
    task.completed_on = None
    save_tracked(task, actor=actor, reason="cancelled")
    # Its rows stay (the pages leave cancelled tasks out); its unit may now owe the plan's reports.
    obligations_sync_task(task)
    return task


@transaction.atomic
def delete(*, instance: models.Model, actor: User | None) -> None:
    """Delete a row (the admin's delete), recording who did it in its history; refused when
    anything accepted depends on it (`tracker.core.deletion`)."""
    if isinstance(instance, Task):
        task_remove(task=instance, actor=actor)
        return
    if isinstance(instance, Cooperation):
        cooperation_remove(cooperation=instance, actor=actor)
        return
    if isinstance(instance, Activity):
        activity_delete(activity=instance, actor=actor)
        return
    delete_guarded(instance=instance, actor=actor)
    if isinstance(instance, ReportingRule):
        # Units it named may fall back on the plan's default rule.
        obligations_sync(plan_ids=[instance.plan_id])
