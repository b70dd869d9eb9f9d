"""A commune's classification on a date: region I/II/III, border, ĐBKK, island, ethnic minority.

The classifications are dated rows (`AreaClassification`), each with the decision that set it;
what a page, a report or a priority rule uses is the row in force on the date concerned (a
2023 report keeps the 2021–2025 classification, a 2026 one reads the new one, or none while
it is not decided). Two ways to read it, neither with a query per area:

- `annotate_classification(queryset, on, path)`: subqueries on any queryset whose rows lead to
  an area (`path="commune"` for a radio station), as `<prefix>region`, `<prefix>is_border` …
  so that filters, orderings and `Case` rules (seed 004's radio priority) can use them;
- `classifications_on(area_ids, on)`: area id → `Classification` (1 query), for pages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from tracker.models import AreaClassification

Kind = AreaClassification.Kind
FLAGS = {
    "is_border": Kind.BORDER,
    "is_extremely_difficult": Kind.EXTREMELY_DIFFICULT,
    "is_island": Kind.ISLAND,
    "is_ethnic_minority": Kind.ETHNIC_MINORITY,
}


def in_force_on(on: datetime.date, prefix: str = "") -> Q:
    """Rows in force on a date (open ends count as in force)."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": on})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


@dataclass(frozen=True)
class Classification:
    region: str = ""
    is_border: bool = False
    is_extremely_difficult: bool = False
    is_island: bool = False
    is_ethnic_minority: bool = False

    def get_region_display(self) -> str:
        from tracker.models import Area

        return str(Area.Region(self.region).label) if self.region else ""

    def __bool__(self) -> bool:
        return bool(self.region) or any(getattr(self, name) for name in FLAGS)


NONE = Classification()


def annotate_classification(queryset: QuerySet, on: datetime.date, *, path: str = "", prefix: str = "") -> QuerySet:
    """The queryset with the classification in force on `on` of the area at `path` ("" for
    an Area queryset itself, "commune" for a radio station, "area" for a register entry)."""
    area_ref = OuterRef(f"{path}_id" if path and not path.endswith("_id") else path or "pk")
    rows = AreaClassification.objects.filter(in_force_on(on), area=area_ref)
    region = rows.filter(kind=Kind.REGION).order_by("-valid_from", "-pk").values("region")[:1]
    values = {f"{prefix}region": Coalesce(Subquery(region), Value(""))}
    for name, kind in FLAGS.items():
        values[f"{prefix}{name}"] = Exists(rows.filter(kind=kind))
    return queryset.annotate(**values)


def classifications_on(area_ids, on: datetime.date) -> dict[int, Classification]:
    """Area id → its classification in force on `on` (1 query); an area without any is absent
    (read it with `.get(pk, NONE)`)."""
    found: dict[int, dict] = {}
    rows = AreaClassification.objects.filter(in_force_on(on), area__in=list(area_ids)).order_by("valid_from", "pk")
    for area_id, kind, region in rows.values_list("area_id", "kind", "region"):
        values = found.setdefault(area_id, {})
        if kind == Kind.REGION:
            values["region"] = region
        else:
            values[next(name for name, flag in FLAGS.items() if flag == kind)] = True
    return {area_id: Classification(**values) for area_id, values in found.items()}
