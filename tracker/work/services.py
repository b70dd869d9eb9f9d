"""Every write to tracked data goes through here: validated, atomic, recorded with its actor.

Views, the admin, management commands and imports all call these functions, so the rules
(and the history row naming who did it) are the same whichever path a change takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from tracker.core import roles
from tracker.models import (
    Activity,
    ActivityGroupObjectPermission,
    Area,
    Cooperation,
    Deadline,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    ReportingRule,
    Target,
    Task,
    TaskComment,
    TaskGroupObjectPermission,
    Unit,
    User,
)

M = TypeVar("M", bound=models.Model)


def _save(instance: M, *, actor: User | None, reason: str = "") -> M:
    """Validate every field and constraint, then save with the actor on the history row."""
    instance.full_clean()
    instance._history_user = actor  # read by django-simple-history
    if reason:
        instance._change_reason = reason
    instance.save()
    return instance


def _delete(instance: models.Model, *, actor: User | None) -> None:
    instance._history_user = actor
    instance.delete()


def upsert(model: type[M], *, lookup: dict[str, Any], values: dict[str, Any], actor: User | None) -> tuple[M, bool]:
    """Create or update one row by its natural key; save nothing when nothing changed.

    This is what makes loading the demo data idempotent: a second run writes no row and so
    adds no history.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return _save(model(**lookup, **values), actor=actor), True
    changed = False
    for field, value in values.items():
        current = getattr(instance, field)
        if isinstance(value, models.Model):
            current, value_key = getattr(instance, f"{field}_id"), value.pk
        else:
            value_key = value
        if current != value_key:
            setattr(instance, field, value)
            changed = True
    if changed:
        _save(instance, actor=actor)
    return instance, changed


@transaction.atomic
def area_save(*, area: Area, actor: User | None) -> Area:
    return _save(area, actor=actor)


@transaction.atomic
def unit_save(*, unit: Unit, actor: User | None) -> Unit:
    return _save(unit, actor=actor)


@transaction.atomic
def legal_document_save(*, document: LegalDocument, actor: User | None) -> LegalDocument:
    return _save(document, actor=actor)


@transaction.atomic
def plan_save(*, plan: Plan, actor: User | None, legal_bases: Iterable[LegalDocument] | None = None) -> Plan:
    """Save a plan and, when given, its legal bases in the order they are cited."""
    _save(plan, actor=actor)
    if legal_bases is not None:
        _sync_legal_bases(plan, list(legal_bases), actor=actor)
    return plan


def _sync_legal_bases(plan: Plan, documents: list[LegalDocument], *, actor: User | None) -> None:
    existing = {link.document_id: link for link in plan.legal_basis_links.all()}
    wanted = {document.pk for document in documents}
    for link in existing.values():
        if link.document_id not in wanted:
            _delete(link, actor=actor)
    for order, document in enumerate(documents, start=1):
        link = existing.get(document.pk)
        if link is None:
            _save(PlanLegalBasis(plan=plan, document=document, order=order), actor=actor)
        elif link.order != order:
            link.order = order
            _save(link, actor=actor)


@transaction.atomic
def plan_duty_save(*, duty: PlanDuty, actor: User | None) -> PlanDuty:
    return _save(duty, actor=actor)


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
    _save(activity, actor=actor)
    if units is not None:
        _sync_cooperations(activity, units, actor=actor)
    grants_sync(activity=activity)
    return activity


def _sync_cooperations(activity: Activity, units: list[Unit], *, actor: User | None) -> None:
    existing = {cooperation.unit_id: cooperation for cooperation in activity.cooperations.all()}
    wanted = {unit.pk for unit in units}
    for cooperation in existing.values():
        if cooperation.unit_id not in wanted:
            _delete(cooperation, actor=actor)
    for unit in units:
        if unit.pk not in existing:
            _save(Cooperation(activity=activity, unit=unit), actor=actor)


@transaction.atomic
def output_indicator_save(*, output: OutputIndicator, actor: User | None) -> OutputIndicator:
    # An output with records counts them; letting units report it as well would count twice.
    if output.pk and output.counted_from == OutputIndicator.CountedFrom.REPORTS and output.records.exists():
        message = _("Published records already count towards this output; it stays counted from records.")
        raise ValidationError({"counted_from": message})
    previous_measure = (
        OutputIndicator.objects.filter(pk=output.pk).values_list("register_measure", flat=True).first()
        if output.pk
        else ""
    )
    saved = _save(output, actor=actor)
    if previous_measure != output.register_measure:
        # Accepted register entries count (or stop counting) towards the output from now on.
        from tracker.registers.services import records_resync_for_activity

        records_resync_for_activity(activity=output.activity, actor=actor)
    return saved


@transaction.atomic
def task_assign(*, task: Task, actor: User | None) -> Task:
    """Assign (or change, or reassign) a unit's share of an activity, and grant its officers
    the right to see and report on it; a reassigned task's old unit loses those rights."""
    _save(task, actor=actor)
    grants_sync(activity=task.activity)
    return task


@transaction.atomic
def task_remove(*, task: Task, actor: User | None) -> None:
    activity = task.activity
    _delete(task, actor=actor)
    grants_sync(activity=activity)


@transaction.atomic
def target_save(*, target: Target, actor: User | None) -> Target:
    return _save(target, actor=actor)


@transaction.atomic
def deadline_save(*, deadline: Deadline, actor: User | None) -> Deadline:
    return _save(deadline, actor=actor)


@transaction.atomic
def reporting_rule_save(*, rule: ReportingRule, actor: User | None) -> ReportingRule:
    return _save(rule, actor=actor)


@transaction.atomic
def delete(*, instance: models.Model, actor: User | None) -> None:
    """Delete a row, recording who did it in its history."""
    if isinstance(instance, Task):
        task_remove(task=instance, actor=actor)
        return
    _delete(instance, actor=actor)


# --- Object rights -----------------------------------------------------------------------------
# Rights are granted to each unit's officer group (and, for a collective such as "UBND các
# phường, xã", to its member units' groups), only here, and recomputed from the activity's
# lead, cooperating units and tasks: assigning, reassigning and removing all come out right.

TASK_UNIT_TASK_PERMS = ("view_task", "report_task", "comment_task")
TASK_UNIT_ACTIVITY_PERMS = ("view_activity",)
OVERSEER_ACTIVITY_PERMS = ("view_activity", "oversee_activity")


def unit_officer_group(unit: Unit) -> Group:
    """The Group holding the unit's officers, created the first time it is needed."""
    if unit.officer_group_id:
        return unit.officer_group
    group, _created = Group.objects.get_or_create(name=f"unit-officers-{unit.pk}")
    # officer_group is plumbing, left out of the unit's history, so a plain update is right.
    Unit.objects.filter(pk=unit.pk).update(officer_group=group)
    unit.officer_group = group
    return group


def _groups_reaching(unit: Unit) -> list[Group]:
    return [unit_officer_group(member) for member in [unit, *unit.members.all()]]


def _permission_ids(model: type[models.Model], codenames: tuple[str, ...]) -> dict[str, int]:
    return dict(
        Permission.objects.filter(
            content_type__app_label="tracker", content_type__model=model._meta.model_name, codename__in=codenames
        ).values_list("codename", "id")
    )


def grants_sync(*, activity: Activity) -> None:
    """Make the activity's and its tasks' object rights exactly what its units call for."""
    activity_perm = _permission_ids(Activity, OVERSEER_ACTIVITY_PERMS)
    task_perm = _permission_ids(Task, TASK_UNIT_TASK_PERMS)
    wanted_activity: set[tuple[int, int]] = set()
    wanted_task: set[tuple[int, int, int]] = set()
    overseers = [activity.lead_unit, *activity.cooperating_units.all()]
    for unit in overseers:
        for group in _groups_reaching(unit):
            wanted_activity |= {(group.pk, activity_perm[code]) for code in OVERSEER_ACTIVITY_PERMS}
    for task in activity.tasks.select_related("unit"):
        for group in _groups_reaching(task.unit):
            wanted_activity |= {(group.pk, activity_perm[code]) for code in TASK_UNIT_ACTIVITY_PERMS}
            wanted_task |= {(task.pk, group.pk, task_perm[code]) for code in TASK_UNIT_TASK_PERMS}

    existing_activity = {
        (row.group_id, row.permission_id): row.pk
        for row in ActivityGroupObjectPermission.objects.filter(content_object=activity)
    }
    ActivityGroupObjectPermission.objects.filter(
        pk__in=[pk for key, pk in existing_activity.items() if key not in wanted_activity]
    ).delete()
    ActivityGroupObjectPermission.objects.bulk_create(
        ActivityGroupObjectPermission(content_object=activity, group_id=group_id, permission_id=perm_id)
        for group_id, perm_id in wanted_activity - existing_activity.keys()
    )
    existing_task = {
        (row.content_object_id, row.group_id, row.permission_id): row.pk
        for row in TaskGroupObjectPermission.objects.filter(content_object__activity=activity)
    }
    TaskGroupObjectPermission.objects.filter(
        pk__in=[pk for key, pk in existing_task.items() if key not in wanted_task]
    ).delete()
    TaskGroupObjectPermission.objects.bulk_create(
        TaskGroupObjectPermission(content_object_id=task_id, group_id=group_id, permission_id=perm_id)
        for task_id, group_id, perm_id in wanted_task - existing_task.keys()
    )


@transaction.atomic
def user_set_unit(*, user: User, unit: Unit | None, actor: User | None) -> User:
    """Move a person to a unit: as a unit officer they join that unit's officer group (and so
    gain its rights) and leave the old one's."""
    user.unit = unit
    user.full_clean()
    user.save()
    # Leave every other unit's group (not only the previous one: the admin saves the unit first).
    user.groups.remove(*user.groups.filter(unit__isnull=False).exclude(unit=unit))
    if unit is not None and user.groups.filter(name=roles.UNIT_OFFICER).exists():
        user.groups.add(unit_officer_group(unit))
    return user


@transaction.atomic
def unit_members_set(*, unit: Unit, members: Iterable[Unit], actor: User | None) -> None:
    """Set a collective's member units; grants given to the collective now reach them."""
    unit.members.set(members)
    for activity in Activity.objects.filter(
        models.Q(lead_unit=unit) | models.Q(cooperations__unit=unit) | models.Q(tasks__unit=unit)
    ).distinct():
        grants_sync(activity=activity)


@transaction.atomic
def user_preferences_save(*, user: User, wants_digest: bool, email: str, actor: User | None) -> User:
    """A person's own reminder settings: the daily digest on or off, and where it goes.

    Only these two fields are written (`update_fields`), so a stale copy of the user cannot
    undo a change an administrator made meanwhile to anything else.
    """
    email = email.strip()
    if wants_digest and not email:
        raise ValidationError({"email": _("Give an e-mail address to receive the digest.")})
    user.wants_digest = wants_digest
    user.email = email
    user.full_clean(exclude=["password"])
    user.save(update_fields=["wants_digest", "email"])
    return user


# --- Task comments -----------------------------------------------------------------------------

COMMENT_MAX_LENGTH = 5000


@transaction.atomic
def comment_post(*, task: Task, author: User, body: str) -> TaskComment:
    """Add a message to a task's thread, written by `author` (recorded in its history).

    The task's unit, the activity's lead and cooperating units and the DIC may comment;
    anyone else (a monitor, the finance officer) is refused with PermissionDenied.
    """
    # Imported here: tracker.core.permissions is a reader of these models, not a writer's dependency.
    from django.core.exceptions import PermissionDenied

    from tracker.core import permissions

    if not permissions.can_comment_on(author, task):
        raise PermissionDenied
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a comment before posting it.")})
    if len(body) > COMMENT_MAX_LENGTH:
        message = _("A comment is at most %(limit)d characters long (this one has %(length)d).")
        raise ValidationError({"body": message % {"limit": COMMENT_MAX_LENGTH, "length": len(body)}})
    return _save(TaskComment(task=task, author=author, body=body), actor=author)
