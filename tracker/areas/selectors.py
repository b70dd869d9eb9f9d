"""Reads of the area pages: the areas in force on a date, searched and paged."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet

from tracker.models import Area, AreaSuccession


def areas_on(
    *,
    on: datetime.date,
    search: str = "",
    level: int | None = None,
    province: Area | None = None,
    include_ended: bool = False,
) -> QuerySet[Area]:
    """The areas in force on `on` (all that ever existed when `include_ended`), by level and
    name, each with its parent and its successions both ways — three queries per page
    whatever its length (areas, successions out, successions in) plus the count."""
    areas = Area.objects.all() if include_ended else Area.objects.in_force(on)
    if search:
        areas = areas.filter(Q(name__icontains=search) | Q(code=search))
    if level:
        areas = areas.filter(level=level)
    if province is not None:
        areas = areas.filter(Q(pk=province.pk) | Q(parent=province) | Q(parent__parent=province))
    return (
        areas.select_related("parent")
        .prefetch_related(
            Prefetch("successions_out", AreaSuccession.objects.select_related("successor")),
            Prefetch("successions_in", AreaSuccession.objects.select_related("predecessor")),
        )
        .order_by("level", "parent__name", "name", "pk")
    )
