"""Achieved quantities, counted once.

An output's achieved quantity = the quantities of accepted progress reports + its output
records (products that count by themselves: an article published on the campaign site, an
accepted register entry). An output takes one or the other (`OutputIndicator.counted_from`,
enforced by the services), so the sum never counts twice. Only accepted reports count: a
superseded report (replaced by an accepted correction) has its own status, so "status =
accepted" is exactly "the latest accepted report of each task and period". Both are summed
in the same query, as correlated subqueries or a UNION, whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Case, Exists, F, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractYear

from tracker.core.areas import AREA_DEPTH
from tracker.core.numbers import percent
from tracker.core.successions import round_half_up, succession_maps
from tracker.models import Activity, OutputIndicator, OutputRecord, Plan, ProgressReport, ReportedQuantity, Target, Task

ACCEPTED = ProgressReport.Status.ACCEPTED


def indicator_key(indicator_id: int | None, name: str, unit_of_measure: str) -> tuple:
    """What makes two outputs' quantities addable: the same indicator, not merely the same
    unit of measure. Outputs linked to one programme indicator (`OutputIndicator.indicator`)
    are one indicator; otherwise an output is its own indicator by name (case and spacing
    aside). Seed 002's 200 households lacking telecom services and 21 households lacking
    means of access are both "hộ" but never one figure; nor are an output counted from
    reports and its twin counted from a register."""
    unit = " ".join(unit_of_measure.split()).casefold()
    if indicator_id is not None:
        return ("indicator", indicator_id, unit)
    return ("output", " ".join(name.split()).casefold(), unit)


def _accepted_sum(**match) -> Coalesce:
    rows = (
        ReportedQuantity.objects.filter(report__status=ACCEPTED, **match)
        .order_by()
        .values("output_indicator")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(rows), Value(0))


def _records_sum(**match) -> Coalesce:
    rows = (
        OutputRecord.objects.filter(**match)
        .order_by()
        .values("output_indicator")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(rows), Value(0))


def annotate_achieved(queryset: QuerySet[OutputIndicator], *, official_only: bool = False) -> QuerySet[OutputIndicator]:
    """Outputs annotated with `achieved`: accepted quantities over all tasks and periods plus
    the output's records; `achieved_reported` and `achieved_records` are the two parts, and
    `achieved_sample` says whether a sample record (a product made up for the demonstration)
    is in it — the figure is then a sample one and is shown marked. `official_only` leaves
    the sample records out (the public site)."""
    records: dict = {"output_indicator": OuterRef("pk")}
    if official_only:
        records["is_sample"] = False
    return queryset.annotate(
        achieved_reported=_accepted_sum(output_indicator=OuterRef("pk")),
        achieved_records=_records_sum(**records),
        achieved_sample=Exists(OutputRecord.objects.filter(output_indicator=OuterRef("pk"), is_sample=True)),
    ).annotate(achieved=F("achieved_reported") + F("achieved_records"))


def annotate_achieved_in_period(
    queryset: QuerySet[OutputIndicator],
    start: datetime.date | None,
    end: datetime.date,
    *,
    name: str = "achieved_in_period",
) -> QuerySet[OutputIndicator]:
    """Outputs annotated with `<name>`: what was achieved between two dates (inclusive) —
    accepted reported quantities of reports whose period ends in the range (the rule of
    `targets_with_actuals`: a period counts where it ends) plus records achieved in it;
    `<name>_reported` and `<name>_records` are the two parts. `start=None` reads from the
    beginning ("to date"). `name` lets one queryset carry several ranges (no extra query)."""
    reported: dict = {"report__period_end__lte": end}
    recorded: dict = {"achieved_on__lte": end}
    if start is not None:
        reported["report__period_end__gte"] = start
        recorded["achieved_on__gte"] = start
    return queryset.annotate(
        **{
            f"{name}_reported": _accepted_sum(output_indicator=OuterRef("pk"), **reported),
            f"{name}_records": _records_sum(output_indicator=OuterRef("pk"), **recorded),
            f"{name}_sample": Exists(
                OutputRecord.objects.filter(output_indicator=OuterRef("pk"), is_sample=True, **recorded)
            ),
        }
    ).annotate(**{name: F(f"{name}_reported") + F(f"{name}_records")})


def annotate_task_achieved(
    queryset: QuerySet[Task],
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    *,
    name: str = "achieved",
) -> QuerySet[Task]:
    """Tasks annotated with `<name>`: the accepted quantities reported on the task for its own
    output, optionally only of reports whose period ends between `start` and `end` (no extra
    query). Output records belong to the activity's output, not to a task, so they are not in it."""
    match: dict = {"report__task": OuterRef("pk"), "output_indicator": OuterRef("output_indicator")}
    if start is not None:
        match["report__period_end__gte"] = start
    if end is not None:
        match["report__period_end__lte"] = end
    return queryset.annotate(**{name: _accepted_sum(**match)})


def outputs_with_achieved(queryset: QuerySet[OutputIndicator]) -> list[OutputIndicator]:
    """Outputs with `achieved` (accepted quantities, all tasks and periods, plus records) and
    `percent` of the planned quantity (1 query)."""
    outputs = list(annotate_achieved(queryset))
    for output in outputs:
        output.percent = percent(output.achieved, output.planned_quantity)
    return outputs


def task_achieved(task: Task) -> dict[int, int]:
    """Accepted quantities of one task, per output indicator id (1 query). Records belong to
    the activity's output, not to a task: see `annotate_records_total`."""
    rows = (
        ReportedQuantity.objects.filter(report__task=task, report__status=ACCEPTED)
        .values("output_indicator")
        .annotate(total=Sum("quantity"))
        .order_by()
    )
    return {row["output_indicator"]: row["total"] for row in rows}


def annotate_records_total(queryset: QuerySet[OutputIndicator]) -> QuerySet[OutputIndicator]:
    """Outputs annotated with `records_total`, the sum of their records (no extra query)."""
    return queryset.annotate(records_total=_records_sum(output_indicator=OuterRef("pk")))


def records_in_period(outputs: list[OutputIndicator], start: datetime.date, end: datetime.date) -> dict[int, int]:
    """What the records of these outputs count in a reporting period: records count in the
    period containing their `achieved_on` (1 query, none without an output counted from records)."""
    ids = [output.pk for output in outputs if output.is_counted_from_records]
    if not ids:
        return {}
    rows = (
        OutputRecord.objects.filter(output_indicator__in=ids, achieved_on__gte=start, achieved_on__lte=end)
        .values("output_indicator")
        .annotate(total=Sum("quantity"))
        .order_by()
    )
    return {row["output_indicator"]: row["total"] for row in rows}


def activity_progress(activity: Activity) -> list[OutputIndicator]:
    """Planned, achieved and % per output of the activity (1 query)."""
    return outputs_with_achieved(activity.output_indicators.select_related("indicator"))


def activity_records(activity: Activity) -> list[OutputRecord]:
    """The records counting towards the activity's outputs, newest first, each with its
    output (1 query)."""
    return list(
        OutputRecord.objects.filter(output_indicator__activity=activity)
        .select_related("output_indicator")
        .order_by("-achieved_on", "-pk")
    )


@dataclass
class PlanProgress:
    outputs: list[OutputIndicator]
    by_activity: dict[int, list[OutputIndicator]] = field(default_factory=dict)


def plan_progress(plan: Plan) -> PlanProgress:
    """Every output of the plan with its achieved figure, grouped by activity (1 query)."""
    outputs = outputs_with_achieved(
        OutputIndicator.objects.filter(activity__plan=plan).order_by("activity__order", "activity_id", "order", "id")
    )
    result = PlanProgress(outputs)
    for output in outputs:
        result.by_activity.setdefault(output.activity_id, []).append(output)
    return result


def _record_area_path(depth: int) -> Case:
    """The record's area `depth` levels up: its own (the commune of a register entry), else its
    activity's, else its plan's."""
    own_area = "area" + "__parent" * depth
    activity_area = "output_indicator__activity__area" + "__parent" * depth
    plan_area = "output_indicator__activity__plan__area" + "__parent" * depth
    return Case(
        When(area__isnull=False, then=F(f"{own_area}_id")),
        When(output_indicator__activity__area__isnull=False, then=F(f"{activity_area}_id")),
        default=F(f"{plan_area}_id"),
        output_field=IntegerField(),
    )


def targets_with_actuals(targets: list[Target], *, inherit: bool = True) -> list[Target]:
    """Set `actual` and `percent` on each target: accepted quantities of outputs counting
    towards its indicator, on tasks in its area or below (commune → district → province), in
    periods ending in its year, plus the records of such outputs achieved in its year in the
    area of their activity (or plan) — 1 query (a UNION) for any number of targets, and 1 for
    the successions: a target on an area formed from others also counts their figures of its
    year (`tracker.core.successions`), unless `inherit=False` (the area page lists the
    predecessors' own figures beside it)."""
    if not targets:
        return targets
    indicators = {target.indicator_id for target in targets}
    years = {target.year for target in targets}
    area_paths = ["report__task__area" + "__parent" * depth for depth in range(AREA_DEPTH)]
    area_columns = [f"area_{depth}" for depth in range(AREA_DEPTH)]
    reported = (
        ReportedQuantity.objects.filter(
            report__status=ACCEPTED,
            output_indicator__indicator__in=indicators,
            report__period_end__year__in=years,
            report__task__area__isnull=False,
        )
        .annotate(
            indicator_id=F("output_indicator__indicator"),
            year=ExtractYear("report__period_end"),
            **{column: F(f"{path}_id") for column, path in zip(area_columns, area_paths, strict=True)},
        )
        .values("indicator_id", "year", *area_columns)
        .annotate(total=Sum("quantity"))
        .order_by()
    )
    recorded = (
        OutputRecord.objects.filter(output_indicator__indicator__in=indicators, achieved_on__year__in=years)
        .annotate(
            indicator_id=F("output_indicator__indicator"),
            year=ExtractYear("achieved_on"),
            **{column: _record_area_path(depth) for depth, column in enumerate(area_columns)},
        )
        .values("indicator_id", "year", *area_columns)
        .annotate(total=Sum("quantity"))
        .order_by()
    )
    totals: dict[tuple[int, int, int], int] = defaultdict(int)
    for row in reported.union(recorded, all=True):
        # Each row counts towards its own area and every area above it.
        for column in area_columns:
            area_id = row[column]
            if area_id is not None:
                totals[(row["indicator_id"], row["year"], area_id)] += row["total"]
    # A target on an area formed by a merger also counts what its predecessors achieved in
    # its year (their old tasks keep pointing at them): weighted for a split, once per area.
    maps = succession_maps(datetime.date(year, 12, 31) for year in years) if inherit else {}
    for target in targets:
        own = totals.get((target.indicator_id, target.year, target.area_id), 0)
        day = datetime.date(target.year, 12, 31)
        predecessors = maps[day].predecessors(target.area_id) if inherit else {}
        key = (target.indicator_id, target.year)
        inherited = sum(
            (weight * totals.get((*key, old_id), 0) for old_id, weight in predecessors.items()), Fraction(0)
        )
        target.actual = own + round_half_up(inherited)
        target.percent = percent(target.actual, target.planned_value)
    return targets
