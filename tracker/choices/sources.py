"""The lists a `RemoteSelect` searches: for each, what the user may see and how an item reads.

Every list is scoped as the pages are: a province's readers and officers see the units and
areas of their province (with the shared ones: units and areas of no province), a unit
officer the plans of their work; a user with no tracker role sees nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from tracker.core import permissions
from tracker.core.permissions import AnyUser, province_ids_of
from tracker.models import Area, Plan, Unit
from tracker.work.selectors import plan_label

PAGE_SIZE = 20


@dataclass(frozen=True)
class Source:
    queryset: Callable[[AnyUser], QuerySet]
    label: Callable
    search_fields: tuple[str, ...]
    ordering: tuple[str, ...]


def _units(user: AnyUser) -> QuerySet[Unit]:
    if not permissions.uses_tracker(user):
        return Unit.objects.none()
    return permissions.with_area_in_province(user, Unit.objects.all(), "area")


def _areas(user: AnyUser) -> QuerySet[Area]:
    if not permissions.uses_tracker(user):
        return Area.objects.none()
    areas = Area.objects.select_related("parent")
    province_ids = province_ids_of(user)
    if province_ids is None:
        return areas
    return areas.filter(pk__in=permissions.areas_of_provinces(province_ids))


def _plans(user: AnyUser) -> QuerySet[Plan]:
    return permissions.plans_visible_to(user).only("pk", "number_symbol", "title", "period_start", "period_end")


def area_with_parent(area: Area) -> str:
    parent = f", {area.parent.name}" if area.parent_id else ""
    return f"{area.name}{parent}"


SOURCES: dict[str, Source] = {
    "units": Source(_units, lambda unit: unit.name, ("name", "short_name"), ("name", "pk")),
    "areas": Source(_areas, area_with_parent, ("name",), ("name", "pk")),
    "plans": Source(_plans, plan_label, ("number_symbol", "title"), ("-period_start", "pk")),
}


def source_queryset(name: str, user: AnyUser) -> QuerySet:
    """What a `RemoteModelChoiceField` of this source accepts from the user."""
    return SOURCES[name].queryset(user)
