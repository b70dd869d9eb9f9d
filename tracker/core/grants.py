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
