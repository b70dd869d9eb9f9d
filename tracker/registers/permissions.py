"""Who may see and change register entries: the same rights as the task an entry belongs to.

Province-wide readers (DIC managers, finance officers, monitors) see every entry of their
province (`permissions.in_province`); a unit
officer sees the entries of the tasks they see (their own unit's, and every task of an
activity their unit leads or cooperates on) and, for an entry the DIC made without a task, of
the activities they see. Only the task's unit enters and edits an entry (and DIC managers, for
any activity); only DIC managers review.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tracker.core import permissions
from tracker.core.permissions import AnyUser
from tracker.models import Activity, RegisterEntry, Task


def entries_visible_to(user: AnyUser, queryset: QuerySet) -> QuerySet:
    """`queryset` (of RegisterEntry or one register) narrowed to what the user may see."""
    if permissions.sees_whole_programme(user):
        return permissions.in_province(user, queryset, "activity__plan__")
    if not permissions.is_unit_officer(user):
        return queryset.none()
    return queryset.filter(
        Q(task__in=permissions.tasks_visible_to(user))
        | Q(task__isnull=True, activity__in=permissions.activities_visible_to(user))
    )


def can_see_registers(user: AnyUser) -> bool:
    """Province-wide readers and unit officers; the CMS roles have no business here."""
    return permissions.sees_whole_programme(user) or permissions.is_unit_officer(user)


def can_review(user: AnyUser) -> bool:
    return permissions.can_manage_plans(user)


def tasks_to_register_on(user: AnyUser, queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    """The tasks the user may enter register records for: a unit officer's own unit's tasks
    (those they report on); every task for a DIC manager."""
    queryset = Task.objects.all() if queryset is None else queryset
    if permissions.can_manage_plans(user):
        return permissions.in_province(user, queryset, "activity__plan__")
    return permissions.tasks_reported_on_by(user, queryset)


def can_create(user: AnyUser) -> bool:
    """Whether the user may enter records at all (DIC managers and unit officers)."""
    return permissions.can_manage_plans(user) or permissions.is_unit_officer(user)


def can_enter_for(user: AnyUser, *, activity: Activity, task: Task | None) -> bool:
    if permissions.can_manage_plans(user):
        return True
    return task is not None and task.activity_id == activity.pk and permissions.can_report_on(user, task)


def can_edit(user: AnyUser, entry: RegisterEntry) -> bool:
    """Edit, attach files, submit or delete: while the entry is a draft or returned, by the
    task's unit or a DIC manager."""
    if not entry.is_editable:
        return False
    return can_enter_for(user, activity=entry.activity, task=entry.task)
