"""Budget figures for the tracker's official reports.

The tracker does not import budget models (DESIGN.md: imports point from budgets to the
tracker); where a report shows money it asks this one function, which returns plain values.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import QuerySet, Sum

from budgets.execution import disbursement_rate
from budgets.figures import cached_money_figures
from budgets.models import Allocation, Disbursement, FundingSource


def budget_by_source(
    *, activity_ids: Iterable[int], year: int | None = None, date_to: datetime.date | None = None
) -> list[dict]:
    """Allocated and disbursed money of the activities, per funding source (three queries).

    - ``year``: only allocations of that budget year (all years when None);
    - ``date_to``: the report's "as of" date — only allocations decided and disbursements
      (by voucher date, reversals included) up to that day, so a report for the first half
      of a year does not show money given or paid in August.

    Returns one dict per source with money (whole đồng, int), in the sources' own order:
    ``{"source_id", "code", "source", "allocated", "disbursed", "rate"}`` where ``rate`` is
    the disbursement rate in percent as a ``Decimal`` with one decimal, or None. Sources with
    neither an allocation nor a disbursement are left out.
    """
    activity_ids = list(activity_ids)
    if not activity_ids:
        return []
    allocations = Allocation.objects.filter(activity_id__in=activity_ids)
    if year is not None:
        allocations = allocations.filter(year=year)
    disbursements = Disbursement.objects.filter(allocation__in=allocations)
    if date_to is not None:
        # Money paid by the date is counted even if its allocation's decision is dated later
        # (a data-entry slip should not make paid money vanish from the report).
        disbursements = disbursements.filter(voucher_date__lte=date_to)
        allocations = allocations.filter(decision_date__lte=date_to)
    allocated = dict(
        allocations.order_by()
        .values_list("funding_source")
        .annotate(total=Sum("amount"))
        .values_list("funding_source", "total")
    )
    disbursed = dict(
        disbursements.order_by()
        .values_list("allocation__funding_source")
        .annotate(total=Sum("amount"))
        .values_list("allocation__funding_source", "total")
    )
    source_ids = set(allocated) | set(disbursed)
    rows = []
    for source in FundingSource.objects.filter(pk__in=source_ids).order_by("id"):
        money_in = int(allocated.get(source.pk) or 0)
        money_out = int(disbursed.get(source.pk) or 0)
        rows.append(
            {
                "source_id": source.pk,
                "code": source.code,
                "source": source.name,
                "allocated": money_in,
                "disbursed": money_out,
                "rate": disbursement_rate(money_out, money_in),
            }
        )
    return rows


def disbursement_by_source(
    *,
    activity_ids: Iterable[int] | None = None,
    unit_id: int | None = None,
    allocations: QuerySet[Allocation] | None = None,
) -> list[dict]:
    """Allocated and disbursed money to date, per funding source, as the budget execution page
    counts it (the allocations and their running disbursed totals, all budget years): one query.

    - ``activity_ids``: only allocations of these activities (all activities when None);
    - ``unit_id``: only allocations given to this unit — what a unit officer may see
      (``budgets.permissions.allocations_visible_to``);
    - ``allocations``: the allocations to count (all when None), e.g. a province's.

    Returns the dicts of `budget_by_source` (``source_id``, ``code``, ``source``,
    ``allocated``, ``disbursed``, ``rate``), in the sources' own order.
    """
    allocations = Allocation.objects.all() if allocations is None else allocations
    if activity_ids is not None:
        allocations = allocations.filter(activity_id__in=list(activity_ids))
    if unit_id is not None:
        allocations = allocations.filter(unit_id=unit_id)
    totals = (
        allocations.order_by("funding_source_id")
        .values("funding_source_id", "funding_source__code", "funding_source__name")
        .annotate(allocated=Sum("amount"), disbursed=Sum("disbursed"))
    )
    rows = []
    for total in totals:
        money_in = int(total["allocated"] or 0)
        money_out = int(total["disbursed"] or 0)
        rows.append(
            {
                "source_id": total["funding_source_id"],
                "code": total["funding_source__code"],
                "source": total["funding_source__name"],
                "allocated": money_in,
                "disbursed": money_out,
                "rate": disbursement_rate(money_out, money_in),
            }
        )
    return rows


def money_by_plan() -> dict[int, tuple[int, int]]:
    """Allocated and disbursed money per plan, all budget years: the national view's
    disbursement rate by province (tracker.core.extensions.money_by_plan). One query over
    every allocation of the country, read once per change of the money (budgets.figures)."""
    return cached_money_figures("by-plan", _money_by_plan)


def _money_by_plan() -> dict[int, tuple[int, int]]:
    totals = (
        Allocation.objects.order_by()
        .values("activity__plan_id")
        .annotate(allocated=Sum("amount"), disbursed=Sum("disbursed"))
    )
    return {row["activity__plan_id"]: (int(row["allocated"] or 0), int(row["disbursed"] or 0)) for row in totals}
