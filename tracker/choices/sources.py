"""The lists a `RemoteSelect` searches: for each, what the user may see and how an item reads.

Every list is scoped as the pages are: a province's readers and officers see the units and
areas of their province (with the shared ones: units and areas of no province), a unit
officer the plans of their work; a user with no tracker role sees nothing.

A form narrows a list further with the query string its widget carries (`Source.narrow`): the
plan's province, the date the items must be in force, the deepest level of area. Narrowing only
ever takes away from what the user may see, and the form's own queryset stays the check of
what is posted: the list is a convenience, never the permission.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from tracker.core import permissions
from tracker.core.areas import in_subtree, within_area
from tracker.core.permissions import AnyUser, province_ids_of
from tracker.models import Area, LegalDocument, Plan, Unit
from tracker.models.organisation import kind_from_name
from tracker.work.selectors import plan_label

PAGE_SIZE = 20


def _no_narrowing(queryset: QuerySet, params: Mapping[str, str]) -> QuerySet:
    return queryset


@dataclass(frozen=True)
class Source:
    queryset: Callable[[AnyUser], QuerySet]
    label: Callable
    search_fields: tuple[str, ...]
    ordering: tuple[str, ...]
    # What a form's query string may narrow the list to (see the module's docstring).
    narrow: Callable[[QuerySet, Mapping[str, str]], QuerySet] = _no_narrowing
    # What reading a label needs, for a form showing its chosen items.
    related: tuple[str, ...] = ()


def _int(params: Mapping[str, str], name: str) -> int | None:
    value = params.get(name, "")
    return int(value) if value.isdigit() else None


def _date(params: Mapping[str, str], name: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(params.get(name, ""))
    except ValueError:
        return None


def _units(user: AnyUser) -> QuerySet[Unit]:
    if not permissions.uses_tracker(user):
        return Unit.objects.none()
    return permissions.with_area_in_province(user, Unit.objects.all(), "area")


def _narrow_units(units: QuerySet[Unit], params: Mapping[str, str]) -> QuerySet[Unit]:
    """`province`: the units placed in it and those placed nowhere (ministries, telecom
    enterprises), as the plan forms offer; `on`: those in force that day."""
    province = _int(params, "province")
    if province is not None:
        units = units.filter(within_area(province) | Q(area__isnull=True))
    on = _date(params, "on")
    if on is not None:
        units = units.in_force(on)
    return units


def _areas(user: AnyUser) -> QuerySet[Area]:
    if not permissions.uses_tracker(user):
        return Area.objects.none()
    areas = Area.objects.select_related("parent")
    province_ids = province_ids_of(user)
    if province_ids is None:
        return areas
    return areas.filter(pk__in=permissions.areas_of_provinces(province_ids))


def _narrow_areas(areas: QuerySet[Area], params: Mapping[str, str]) -> QuerySet[Area]:
    """`province`: it and the areas inside it; `on`: those in force that day; `level`: down to
    that level (communes: villages would be thousands)."""
    province = _int(params, "province")
    if province is not None:
        areas = areas.filter(in_subtree(province))
    on = _date(params, "on")
    if on is not None:
        areas = areas.in_force(on)
    level = _int(params, "level")
    if level is not None:
        areas = areas.filter(level__lte=level)
    return areas


def _plans(user: AnyUser) -> QuerySet[Plan]:
    return permissions.plans_visible_to(user).only("pk", "number_symbol", "title", "period_start", "period_end")


def _legal_documents(user: AnyUser) -> QuerySet[LegalDocument]:
    # The documents plans cite are public law and guidance, one list for the whole country;
    # only those in force are offered (a repealed one stays on the plans that cite it).
    if not permissions.uses_tracker(user):
        return LegalDocument.objects.none()
    return LegalDocument.objects.filter(valid_to__isnull=True)


def area_label(area: Area) -> str:
    """The name, with what the area is when the name does not say it ("Phường An Tường", not
    "Phường An Tường (Xã)"; "Hàm Rồng (Phường)")."""
    stated = kind_from_name(area.name, area.level)
    if stated and stated == (area.kind or stated):
        return area.name
    return f"{area.name} ({area.kind_label})"


def area_with_parent(area: Area) -> str:
    """An area among a country's: communes share names, so with the area it lies in."""
    parent = f", {area.parent.name}" if area.parent_id else ""
    return f"{area_label(area)}{parent}"


def legal_document_label(document: LegalDocument) -> str:
    title = " ".join(document.title.split())
    return f"{document} – {title[:90]}{'…' if len(title) > 90 else ''}"


SOURCES: dict[str, Source] = {
    # Units in Vietnamese order (Đ after D) by their stored collation key.
    "units": Source(_units, lambda unit: unit.name, ("name", "short_name"), ("sort_key", "pk"), _narrow_units),
    "areas": Source(_areas, area_with_parent, ("name",), ("name", "pk"), _narrow_areas, ("parent",)),
    "plans": Source(_plans, plan_label, ("number_symbol", "title"), ("-period_start", "pk")),
    "legal-documents": Source(
        _legal_documents,
        legal_document_label,
        ("number_symbol", "title"),
        ("-issued_on", "pk"),
    ),
}


def source_queryset(name: str, user: AnyUser) -> QuerySet:
    """What a `RemoteModelChoiceField` of this source accepts from the user."""
    return SOURCES[name].queryset(user)
