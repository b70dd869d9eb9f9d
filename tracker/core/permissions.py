"""Who may see and change what.

DIC managers change plans and everything in them; finance officers and monitors read the
whole sub-project of their province; a unit officer sees only the work their unit leads,
cooperates on or carries out. An object a user may not see answers 404, so its existence is
not revealed.

Province scope: a DIC manager, finance officer or monitor reads the plans of their province
(the province their unit lies in, with the provinces it took over) and everything hanging off
them; `in_province` is the one filter every family's `*_visible_to` applies, given the path
from its model to the plan. A superuser, and a reader whose unit has no area, read every
province. Plans whose area and issuer have no province (a ministry's) are shared by all.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from tracker.core import areas, roles
from tracker.models import (
    Activity,
    ActivityGroupObjectPermission,
    Area,
    Plan,
    PlanImport,
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


def sees_every_province(user: AnyUser) -> bool:
    """Superusers and national monitors read every province (so do the province-wide readers
    whose unit has no area, see `province_ids_of`)."""
    return user.is_authenticated and (user.is_superuser or has_role(user, roles.NATIONAL_MONITOR))


def reads_every_province(user: AnyUser) -> bool:
    """Whether the user reads the whole sub-project of every province: the national view's readers."""
    return sees_whole_programme(user) and province_ids_of(user) is None


_UNSET = object()


def province_ids_of(user: AnyUser) -> frozenset[int] | None:
    """The provinces whose work a province-wide reader reads, or None for every province: their
    unit's province and the provinces it took over. Read once per request object (one query
    for the province, one per step back through the successions; none for a user without a
    unit)."""
    if not user.is_authenticated or sees_every_province(user):
        return None
    cached = getattr(user, "_province_ids", _UNSET)
    if cached is _UNSET:
        cached = None
        if user.unit_id is not None:
            # The unit's area with its parents, in one query: the walk up to the province.
            area = Area.objects.filter(units=user.unit_id).select_related("parent__parent__parent").first()
            province = areas.province_of(area)
            if province is not None:
                cached = areas.province_with_predecessors(province.pk)
        user._province_ids = cached
    return cached


def province_plan_ids(user: AnyUser, *, issued: bool = False) -> list[int] | None:
    """The plans of a province-wide reader's provinces (`issued`: the issued ones) as a list
    of ids — one query, read once per request object — or None for a reader of every province.
    The same plans as `plans_visible_to`.

    The province filter (`in_province`) is a join through the plan's area and its issuer's;
    PostgreSQL cannot tell how few plans pass it (it guessed half of 102 where 3 do, at
    national scale) and so read all 400k expected reports or 500k progress reports to keep a
    province's. Given the plans' ids it reads the province's rows by index. For the pages that
    read the largest tables (the dashboard, the due page, the review queue, the API's reports)."""
    cached = getattr(user, "_province_plans", _UNSET)
    if cached is _UNSET:
        cached = None
        if province_ids_of(user) is not None:
            plans = in_province(user, Plan.objects.all())
            cached = list(plans.order_by("pk").values_list("pk", "status"))
        user._province_plans = cached
    if cached is None:
        return None
    return [pk for pk, status in cached if not issued or status == Plan.Status.ISSUED]


def plans_in_provinces(province_ids, prefix: str = "") -> Q:
    """Rows whose plan (at `prefix`, e.g. "activity__plan__") belongs to one of the provinces:
    the plan's area lies in one, or it covers no area and its issuer lies in one, or neither
    has an area (a plan shared by every province)."""
    areas_inside = areas_of_provinces(province_ids)
    no_area = Q(**{f"{prefix}area__isnull": True})
    issuer_inside = Q(**{f"{prefix}issuer__area__in": areas_inside}) | Q(**{f"{prefix}issuer__area__isnull": True})
    return Q(**{f"{prefix}area__in": areas_inside}) | (no_area & issuer_inside)


def in_province(user: AnyUser, queryset: QuerySet, plan_path: str = "") -> QuerySet:
    """The rows of `queryset` in the user's provinces (their plan at `plan_path`); every row
    for a reader of every province."""
    province_ids = province_ids_of(user)
    if province_ids is None:
        return queryset
    return queryset.filter(plans_in_provinces(province_ids, plan_path))


def areas_of_provinces(province_ids):
    """The areas of the provinces, themselves included (a subquery)."""
    return Area.objects.filter(areas.in_subtree_of_any(province_ids)).values("pk")


def with_area_in_province(user: AnyUser, queryset: QuerySet, area_path: str, *, shared: bool = True) -> QuerySet:
    """For the rows that belong to no plan (a commune's radio station, a unit's donation): the
    rows whose area (at `area_path`, e.g. "received_by__area") lies in the user's provinces,
    and with `shared` those with no area; every row for a reader of every province."""
    province_ids = province_ids_of(user)
    if province_ids is None:
        return queryset
    condition = Q(**{f"{area_path}__in": areas_of_provinces(province_ids)})
    if shared:
        condition |= Q(**{f"{area_path}__isnull": True})
    return queryset.filter(condition)


def made_in_province(user: AnyUser, queryset: QuerySet, maker_path: str = "created_by") -> QuerySet:
    """For the rows that belong to the person who made them (a budget import): those made by
    someone of the user's provinces; every row for a reader of every province (what a reader
    of every province made may hold any province's work, so it stays theirs)."""
    return with_area_in_province(user, queryset, f"{maker_path}__unit__area", shared=False)


def plan_imports_visible_to(user: AnyUser, queryset: QuerySet[PlanImport] | None = None) -> QuerySet[PlanImport]:
    """DIC managers' plan imports: a confirmed one belongs to its plan's province, one still in
    review to the province of the manager who made it (see `made_in_province`)."""
    queryset = PlanImport.objects.all() if queryset is None else queryset
    if not can_manage_plans(user):
        return queryset.none()
    province_ids = province_ids_of(user)
    if province_ids is None:
        return queryset
    made_here = Q(plan__isnull=True, created_by__unit__area__in=areas_of_provinces(province_ids))
    return queryset.filter((Q(plan__isnull=False) & plans_in_provinces(province_ids, "plan__")) | made_here)


# The unit officers' filters name the objects the user's groups hold a right on as one
# uncorrelated subquery of ids (`pk IN (SELECT …)`), never as correlated EXISTS: PostgreSQL turns
# an IN over a subquery into a semi-join estimated from the grant rows of the user's groups (a
# few dozen), where an OR of two EXISTS was planned as a filter run for every task, estimated at
# thousands of rows and a cost high enough to switch JIT on (0.4–0.9 s per query at national
# scale instead of milliseconds). Tasks seen through both kinds of grant are one UNION.


def _granted_ids(model, codename: str, user: AnyUser) -> QuerySet:
    """The ids of the objects on which one of the user's groups holds a right (django-guardian's
    direct foreign-key tables, granted by `grants.grants_sync`), as a subquery."""
    return model.objects.filter(group__user=user, permission__codename=codename).order_by().values("content_object_id")


def visible_task_ids(user: AnyUser) -> QuerySet:
    """A unit officer's tasks as a subquery of ids: those granted to their unit, and every
    task of an activity their unit oversees (leads or cooperates on); one UNION of both."""
    own = _granted_ids(TaskGroupObjectPermission, "view_task", user)
    overseen = (
        Task.objects.filter(activity_id__in=_granted_ids(ActivityGroupObjectPermission, "oversee_activity", user))
        .order_by()
        .values("pk")
    )
    return own.union(overseen)


def is_unit_officer(user: AnyUser) -> bool:
    return user.is_authenticated and has_role(user, roles.UNIT_OFFICER)


def activities_visible_to(user: AnyUser, queryset: QuerySet[Activity] | None = None) -> QuerySet[Activity]:
    """The whole sub-project for province-wide readers; for a unit officer, the activities
    their unit leads, cooperates on or carries out a task of."""
    queryset = Activity.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return in_province(user, queryset, "plan__")
    if not is_unit_officer(user):
        return queryset.none()
    return queryset.filter(pk__in=_granted_ids(ActivityGroupObjectPermission, "view_activity", user))


def plans_visible_to(user: AnyUser, queryset: QuerySet[Plan] | None = None) -> QuerySet[Plan]:
    queryset = Plan.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return in_province(user, queryset)
    return queryset.filter(pk__in=activities_visible_to(user).order_by().values("plan_id"))


def tasks_visible_to(user: AnyUser, queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    """The unit's own tasks, and every task of an activity the unit leads or cooperates on."""
    queryset = Task.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return in_province(user, queryset, "activity__plan__")
    if not is_unit_officer(user):
        return queryset.none()
    return queryset.filter(pk__in=visible_task_ids(user))


def tasks_reported_on_by(user: AnyUser, queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    """The tasks the user's unit is assigned (those they report on)."""
    queryset = Task.objects.all() if queryset is None else queryset
    if not is_unit_officer(user):
        return queryset.none()
    return queryset.filter(pk__in=_granted_ids(TaskGroupObjectPermission, "report_task", user))


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
        return in_province(user, queryset, "plan__")
    return queryset.filter(plan__in=plans_visible_to(user))


def get_visible_or_404(queryset: QuerySet, **lookup):
    """One object of a permission-filtered queryset; 404 when the user may not see it."""
    return get_object_or_404(queryset, **lookup)
