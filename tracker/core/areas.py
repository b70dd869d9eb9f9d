"""The area tree (province > district > commune > village) as the queries walk it."""

from __future__ import annotations

from django.db.models import Q

from tracker.models import Area, AreaSuccession

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


def area_in_force(area, on):
    """The area, or the one that succeeded it, in force on the date (Tỉnh Bắc Kạn asked for
    2026 → Tỉnh Thái Nguyên). A split follows its main successor: the largest share, else
    the one the conversion data names first. One query per step; chains are short."""
    current = area
    for _step in range(AREA_DEPTH * 3):
        if current is None or current.valid_to is None or current.valid_to >= on:
            break
        steps = list(
            AreaSuccession.objects.filter(predecessor=current, took_over_on__lte=on)
            .select_related("successor__parent")
            .order_by("-share", "pk")
        )
        if not steps:
            break
        main = [step for step in steps if "Phần chính" in step.note] or steps
        current = main[0].successor
    return current


def in_subtree(area_id: int) -> Q:
    """An area that is `area_id` or lies inside it (for querysets of Area itself)."""
    condition = Q(pk=area_id)
    path = "parent"
    for _ in range(AREA_DEPTH - 1):
        condition |= Q(**{f"{path}_id": area_id})
        path += "__parent"
    return condition


def province_of(area: Area | None) -> Area | None:
    """The province an area lies in (itself for a province), walking up its parents (at most
    four levels, so no recursive query)."""
    for _ in range(AREA_DEPTH):
        if area is None or area.level == Area.Level.PROVINCE:
            return area
        area = area.parent
    return None


def province_id_of(area) -> int | None:
    """The id of the province an area lies in (see `province_of`)."""
    province = province_of(area)
    return province.pk if province is not None else None


def plan_province_id(plan) -> int | None:
    """The province a plan belongs to: that of the area it covers, else its issuer's."""
    if plan is None:
        return None
    province = province_id_of(plan.area) if plan.area_id else None
    if province is None and plan.issuer_id and plan.issuer.area_id:
        province = province_id_of(plan.issuer.area)
    return province


def in_subtree_of_any(area_ids) -> Q:
    """An area that is one of `area_ids` or lies inside one of them (for querysets of Area)."""
    area_ids = list(area_ids)
    condition = Q(pk__in=area_ids)
    path = "parent"
    for _ in range(AREA_DEPTH - 1):
        condition |= Q(**{f"{path}_id__in": area_ids})
        path += "__parent"
    return condition


def province_with_predecessors(province_id: int) -> frozenset[int]:
    """The province and the provinces it took over (Tỉnh Thái Nguyên → also Tỉnh Bắc Kạn,
    merged into it in 2025; Thành phố Huế → Tỉnh Thừa Thiên Huế): their plans are the
    successor province's history. One query per step back; chains are short."""
    found = {province_id}
    frontier = {province_id}
    for _step in range(AREA_DEPTH * 3):
        frontier = set(
            AreaSuccession.objects.filter(successor_id__in=frontier, predecessor__level=Area.Level.PROVINCE)
            .exclude(predecessor_id__in=found)
            .values_list("predecessor_id", flat=True)
        )
        if not frontier:
            break
        found |= frontier
    return frozenset(found)
