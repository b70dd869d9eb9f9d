"""Who may see and change what.

DIC managers change plans and everything in them; finance officers and monitors read the
whole sub-project; a unit officer sees only the work their unit leads, cooperates on or
carries out. An object a user may not see answers 404, so its existence is not revealed.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from tracker import roles
from tracker.models import Activity, Cooperation, Plan, Target, Task, Unit, User

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


def sees_whole_programme(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(role_names(user) & set(roles.PROVINCE_WIDE_READERS)))


def unit_ids_of(user: AnyUser) -> set[int]:
    """The officer's unit and the groups it belongs to (plans assign duties to groups)."""
    if not user.is_authenticated or not user.unit_id or not has_role(user, roles.UNIT_OFFICER):
        return set()
    cached = getattr(user, "_unit_ids", None)
    if cached is None:
        cached = {
            user.unit_id,
            *Unit.members.through.objects.filter(to_unit_id=user.unit_id).values_list("from_unit_id", flat=True),
        }
        user._unit_ids = cached
    return cached


def activities_visible_to(user: AnyUser, queryset: QuerySet[Activity] | None = None) -> QuerySet[Activity]:
    queryset = Activity.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return queryset
    units = unit_ids_of(user)
    if not units:
        return queryset.none()
    cooperates = Cooperation.objects.filter(activity=OuterRef("pk"), unit_id__in=units)
    carries_out = Task.objects.filter(activity=OuterRef("pk"), unit_id__in=units)
    return queryset.filter(Q(lead_unit_id__in=units) | Exists(cooperates) | Exists(carries_out))


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
    units = unit_ids_of(user)
    if not units:
        return queryset.none()
    cooperates = Cooperation.objects.filter(activity=OuterRef("activity"), unit_id__in=units)
    return queryset.filter(Q(unit_id__in=units) | Q(activity__lead_unit_id__in=units) | Exists(cooperates))


def targets_visible_to(user: AnyUser, queryset: QuerySet[Target] | None = None) -> QuerySet[Target]:
    queryset = Target.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return queryset
    return queryset.filter(plan__in=plans_visible_to(user))


def get_visible_or_404(queryset: QuerySet, **lookup):
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
