"""What a DIC manager manages: the units and people of their own province.

A manager's province is the province their unit lies in (the unit's area, or the province
above it). A superuser, and a manager whose unit has no area (a test, a central deployment),
manage every province. Units with no area at all (ministries, telecom enterprises, the
collectives a plan names) are shared by every province and stay manageable by every manager.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tracker.core import areas, roles
from tracker.core.areas import within_area
from tracker.core.permissions import AnyUser, can_manage_plans
from tracker.models import Area, Unit, User


def province_of(user: AnyUser) -> Area | None:
    """The province of the user's unit, or None (no unit, or a unit with no area)."""
    unit = getattr(user, "unit", None) if user.is_authenticated else None
    return areas.province_of(unit.area if unit is not None and unit.area_id else None)


def can_manage_people(user: AnyUser) -> bool:
    """DIC managers and superusers manage people (never the other roles)."""
    return can_manage_plans(user)


def units_managed_by(user: AnyUser, queryset: QuerySet[Unit] | None = None) -> QuerySet[Unit]:
    """Units the user may create, edit and end: those of their province and those with no area."""
    queryset = Unit.objects.all() if queryset is None else queryset
    if not can_manage_plans(user):
        return queryset.none()
    province = None if user.is_superuser else province_of(user)
    if province is None:
        return queryset
    return queryset.filter(within_area(province.pk) | Q(area__isnull=True))


def areas_managed_by(user: AnyUser, queryset: QuerySet[Area] | None = None) -> QuerySet[Area]:
    """Areas the user may create under, edit and end: their province and what lies inside it
    (every area for a superuser or a manager with no province)."""
    queryset = Area.objects.all() if queryset is None else queryset
    if not can_manage_plans(user):
        return queryset.none()
    province = None if user.is_superuser else province_of(user)
    if province is None:
        return queryset
    return queryset.filter(areas.in_subtree(province.pk))


def manages_area(user: AnyUser, area: Area, ancestors: list[Area]) -> bool:
    """Whether `area` (with its `ancestors` already read) is one of `areas_managed_by(user)`."""
    if not can_manage_plans(user):
        return False
    province = None if user.is_superuser else province_of(user)
    return province is None or province.pk in {area.pk, *(ancestor.pk for ancestor in ancestors)}


def users_managed_by(user: AnyUser, queryset: QuerySet[User] | None = None) -> QuerySet[User]:
    """People the user may see and change on the people pages.

    A manager never sees superusers or staff (whom they could not change anyway) nor the
    people of another province; people with no unit only when the manager has no province.
    """
    queryset = User.objects.all() if queryset is None else queryset
    if not can_manage_people(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    queryset = queryset.filter(is_superuser=False, is_staff=False)
    province = province_of(user)
    if province is None:
        return queryset
    return queryset.filter(within_area(province.pk, "unit__") | Q(unit__isnull=False, unit__area__isnull=True))


def grantable_roles(user: AnyUser) -> tuple[str, ...]:
    """The roles the user may give: every role (never superuser or staff, which are not roles),
    the national monitor's only by those who read every province themselves."""
    if not can_manage_people(user):
        return ()
    if user.is_superuser or province_of(user) is None:
        return roles.ALL
    # A province's manager cannot make anyone a reader of every province.
    return tuple(role for role in roles.ALL if role != roles.NATIONAL_MONITOR)
