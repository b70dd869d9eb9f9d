"""The area tree (province > district > commune > village) as the queries walk it."""

from __future__ import annotations

from django.db.models import Q

# Deepest area tree: province > district > commune > village.
AREA_DEPTH = 4


def within_area(area_id: int, prefix: str = "") -> Q:
    """The row's area is `area_id` or lies inside it (a district's communes and villages).

    The area tree is at most four levels deep, so four joined conditions replace a recursive
    query: a plan from 2019 filtered by its (since abolished) district still rolls up.
    """
    condition = Q()
    path = f"{prefix}area"
    for _ in range(AREA_DEPTH):
        condition |= Q(**{f"{path}_id": area_id})
        path += "__parent"
    return condition
