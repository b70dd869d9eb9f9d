"""Object rights (django-guardian), granted and revoked only here.

Rights are granted to each unit's officer group (and, for a collective such as "UBND các
phường, xã", to its member units' groups) and recomputed from the activity's lead,
cooperating units and tasks: assigning, reassigning and removing all come out right.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import models

from tracker.models import Activity, ActivityGroupObjectPermission, Task, TaskGroupObjectPermission, Unit

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


def grants_sync_many(*, activities: list[Activity]) -> None:
    """`grants_sync` for many activities at once (a bulk load: an import, the national
    benchmark's dataset), with the same outcome, in a few queries per call instead of several
    per task: the units, their members and groups, and the existing rights are read in bulk."""
    if not activities:
        return
    activity_perm = _permission_ids(Activity, OVERSEER_ACTIVITY_PERMS)
    task_perm = _permission_ids(Task, TASK_UNIT_TASK_PERMS)
    activity_ids = [activity.pk for activity in activities]
    overseers: dict[int, set[int]] = {activity.pk: {activity.lead_unit_id} for activity in activities}
    for activity_id, unit_id in Activity.cooperating_units.through.objects.filter(
        activity_id__in=activity_ids
    ).values_list("activity_id", "unit_id"):
        overseers[activity_id].add(unit_id)
    tasks = list(Task.objects.filter(activity_id__in=activity_ids).values_list("pk", "activity_id", "unit_id"))
    unit_ids = {unit_id for units in overseers.values() for unit_id in units} | {unit_id for *_, unit_id in tasks}
    units = {unit.pk: unit for unit in Unit.objects.filter(pk__in=unit_ids).prefetch_related("members")}
    reach: dict[int, list[int]] = {}
    for unit in units.values():
        reach[unit.pk] = [
            member.officer_group_id or unit_officer_group(member).pk for member in [unit, *unit.members.all()]
        ]

    wanted_activity = {
        (activity_id, group_id, activity_perm[code])
        for activity_id, unit_ids_of in overseers.items()
        for unit_id in unit_ids_of
        for group_id in reach[unit_id]
        for code in OVERSEER_ACTIVITY_PERMS
    }
    wanted_task = set()
    for task_id, activity_id, unit_id in tasks:
        for group_id in reach[unit_id]:
            wanted_activity |= {(activity_id, group_id, activity_perm[code]) for code in TASK_UNIT_ACTIVITY_PERMS}
            wanted_task |= {(task_id, group_id, task_perm[code]) for code in TASK_UNIT_TASK_PERMS}

    _grants_replace(
        ActivityGroupObjectPermission,
        ActivityGroupObjectPermission.objects.filter(content_object_id__in=activity_ids),
        wanted_activity,
    )
    _grants_replace(
        TaskGroupObjectPermission,
        TaskGroupObjectPermission.objects.filter(content_object__activity_id__in=activity_ids),
        wanted_task,
    )


def _grants_replace(model, existing: models.QuerySet, wanted: set[tuple[int, int, int]]) -> None:
    """Make the group rights in `existing` exactly `wanted` ((object, group, permission) ids):
    the others deleted, the missing ones added, in bulk."""
    have = {
        (row[1], row[2], row[3]): row[0]
        for row in existing.values_list("pk", "content_object_id", "group_id", "permission_id")
    }
    model.objects.filter(pk__in=[pk for key, pk in have.items() if key not in wanted]).delete()
    model.objects.bulk_create(
        [
            model(content_object_id=object_id, group_id=group_id, permission_id=perm_id)
            for object_id, group_id, perm_id in wanted - have.keys()
        ],
        batch_size=5000,
    )
