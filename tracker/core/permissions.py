"""Who may see and change what.

DIC managers change plans and everything in them; finance officers and monitors read the
whole sub-project; a unit officer sees only the work their unit leads, cooperates on or
carries out. An object a user may not see answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from tracker.core import roles
from tracker.models import (
    Activity,
    ActivityGroupObjectPermission,
    Plan,
    Target,
    Task,
    TaskGroupObjectPermission,
    User,
)

AnyUser = User | AnonymousUser


def role_names(user: AnyUser) -> frozenset[str]:
    """The user's roles, read once per request object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user: AnyUser, role: str) -> bool:
    return role in role_names(user)


def can_manage_plans(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, roles.DIC_MANAGER))


def require_manager(user: AnyUser) -> None:
    """Pages only DIC managers (and superusers) open: anyone else is refused with 403."""
    if not can_manage_plans(user):
        raise PermissionDenied


def sees_whole_programme(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(role_names(user) & set(roles.PROVINCE_WIDE_READERS)))


def follows_work(user: AnyUser) -> bool:
    """Province-wide readers and unit officers: the people the tracker's work pages (dashboard,
    what is due, registers, official reports) are for. A CMS editor who belongs to a unit is
    not one of them."""
    return sees_whole_programme(user) or is_unit_officer(user)


def uses_tracker(user: AnyUser) -> bool:
    """Whether the user has any tracker role; the others (CMS editors and moderators, people
    without a role yet) get no tracker links in the menu and no tracker landing page."""
    return follows_work(user) or can_manage_plans(user)


def _granted(model, codename: str, user: AnyUser, **match) -> Exists:
    """Whether one of the user's groups holds an object right (django-guardian's direct
    foreign-key tables, granted by `services.grants_sync`), as a subquery."""
    return Exists(model.objects.filter(group__user=user, permission__codename=codename, **match))


def is_unit_officer(user: AnyUser) -> bool:
    return user.is_authenticated and has_role(user, roles.UNIT_OFFICER)


def activities_visible_to(user: AnyUser, queryset: QuerySet[Activity] | None = None) -> QuerySet[Activity]:
    """The whole sub-project for province-wide readers; for a unit officer, the activities
    their unit leads, cooperates on or carries out a task of."""
    queryset = Activity.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return queryset
    if not is_unit_officer(user):
        return queryset.none()
    return queryset.filter(
        _granted(ActivityGroupObjectPermission, "view_activity", user, content_object=OuterRef("pk"))
    )


def plans_visible_to(user: AnyUser, queryset: QuerySet[Plan] | None = None) -> QuerySet[Plan]:
    queryset = Plan.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return queryset
    visible = activities_visible_to(user).filter(plan=OuterRef("pk"))
    return queryset.filter(Exists(visible))


def tasks_visible_to(user: AnyUser, queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    """The unit's own tasks, and every task of an activity the unit leads or cooperates on."""
    queryset = Task.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return queryset
    if not is_unit_officer(user):
        return queryset.none()
    own = _granted(TaskGroupObjectPermission, "view_task", user, content_object=OuterRef("pk"))
    oversees = _granted(ActivityGroupObjectPermission, "oversee_activity", user, content_object=OuterRef("activity"))
    return queryset.filter(own | oversees)


def tasks_reported_on_by(user: AnyUser, queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    """The tasks the user's unit is assigned (those they report on)."""
    queryset = Task.objects.all() if queryset is None else queryset
    if not is_unit_officer(user):
        return queryset.none()
    return queryset.filter(_granted(TaskGroupObjectPermission, "report_task", user, content_object=OuterRef("pk")))


def can_report_on(user: AnyUser, task: Task) -> bool:
    """Only the officers of the unit the task is assigned to report on it."""
    if not is_unit_officer(user):
        return False
    return TaskGroupObjectPermission.objects.filter(
        group__user=user, permission__codename="report_task", content_object=task
    ).exists()


def can_comment_on(user: AnyUser, task: Task) -> bool:
    """The task's unit, the activity's lead and cooperating units, and the DIC."""
    if can_manage_plans(user):
        return True
    if not is_unit_officer(user):
        return False
    return (
        TaskGroupObjectPermission.objects.filter(
            group__user=user, permission__codename="comment_task", content_object=task
        ).exists()
        or ActivityGroupObjectPermission.objects.filter(
            group__user=user, permission__codename="oversee_activity", content_object_id=task.activity_id
        ).exists()
    )


def targets_visible_to(user: AnyUser, queryset: QuerySet[Target] | None = None) -> QuerySet[Target]:
    queryset = Target.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return queryset
    return queryset.filter(plan__in=plans_visible_to(user))


def get_visible_or_404(queryset: QuerySet, **lookup):
    """One object of a permission-filtered queryset; 404 when the user may not see it."""
    return get_object_or_404(queryset, **lookup)
