"""Reads for the progress pages and the roll-ups of accepted figures.

Only accepted reports count: a superseded report (replaced by an accepted correction) has
its own status, so "status = accepted" is exactly "the latest accepted report of each task
and period". Figures are summed over the periods. Each function costs a fixed number of
queries whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear

from tracker.core import permissions
from tracker.core.calendar import ReportingPeriod, periods_for_task
from tracker.core.permissions import AnyUser
from tracker.models import (
    Activity,
    Evidence,
    OutputIndicator,
    OutputRecord,
    Plan,
    ProgressReport,
    ReportedQuantity,
    Target,
    Task,
    TaskGroupObjectPermission,
)
from tracker.models.plans import OPEN_STATUSES, Progress
from tracker.work.selectors import AREA_DEPTH, DUE_SOON_DAYS

Status = ProgressReport.Status
ACCEPTED = Status.ACCEPTED


def percent(achieved: int | None, planned: int | None) -> int | None:
    """Achieved as a whole percentage of planned (None when nothing was planned)."""
    if not planned or achieved is None:
        return None
    return round(100 * achieved / planned)


# --- Roll-ups -------------------------------------------------------------------------------
# An output's achieved quantity = accepted reported quantities + its output records (products
# that count by themselves, such as published articles). An output takes one or the other
# (`OutputIndicator.counted_from`, enforced by the services), so the sum never counts twice.
# Both are summed in the same query, as correlated subqueries or a UNION.


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


def annotate_achieved(queryset: QuerySet[OutputIndicator]) -> QuerySet[OutputIndicator]:
    """Outputs annotated with `achieved`: accepted quantities over all tasks and periods plus
    the output's records; `achieved_reported` and `achieved_records` are the two parts."""
    return queryset.annotate(
        achieved_reported=_accepted_sum(output_indicator=OuterRef("pk")),
        achieved_records=_records_sum(output_indicator=OuterRef("pk")),
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


def targets_with_actuals(targets: list[Target]) -> list[Target]:
    """Set `actual` and `percent` on each target: accepted quantities of outputs counting
    towards its indicator, on tasks in its area or below (commune → district → province), in
    periods ending in its year, plus the records of such outputs achieved in its year in the
    area of their activity (or plan) — 1 query (a UNION) for any number of targets."""
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
    for target in targets:
        target.actual = totals.get((target.indicator_id, target.year, target.area_id), 0)
        target.percent = percent(target.actual, target.planned_value)
    return targets


# --- Report states per period ---------------------------------------------------------------


@dataclass
class PeriodState:
    period: ReportingPeriod
    report: ProgressReport | None  # the live report: open, or else the accepted one
    accepted: ProgressReport | None
    late: bool

    @property
    def state(self) -> str:
        return self.report.status if self.report else "missing"

    @property
    def param(self) -> str:
        return period_param(self.period)


def period_param(period: ReportingPeriod) -> str:
    return f"{period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}"


def parse_period_param(value: str) -> tuple[datetime.date, datetime.date] | None:
    try:
        start, end = value.split("_")
        return datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    except (ValueError, AttributeError):
        return None


def period_states(task: Task, reports: list[ProgressReport], today: datetime.date, rules=None) -> list[PeriodState]:
    """Each reporting period of the task with its report state (no query when the plan's
    rules are prefetched)."""
    by_period: dict[tuple, list[ProgressReport]] = defaultdict(list)
    for report in reports:
        by_period[(report.period_start, report.period_end)].append(report)
    states = []
    for period in periods_for_task(task, rules):
        mine = sorted(by_period.get((period.start, period.end), []), key=lambda r: (r.created_at, r.pk))
        open_ = [r for r in mine if r.status in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)]
        accepted = next((r for r in reversed(mine) if r.status == ACCEPTED), None)
        live = open_[-1] if open_ else accepted
        sent = [r for r in mine if r.submitted_at]
        # Late: sent after the due date, or not sent and the due date has passed.
        late = sent[0].was_late if sent else period.due < today
        states.append(PeriodState(period, live, accepted, late))
    return states


def next_due(states: list[PeriodState]) -> PeriodState | None:
    """The first period still waiting for the unit (no report sent, or sent back)."""
    for state in states:
        if state.state in ("missing", Status.DRAFT, Status.RETURNED):
            return state
    return None


# --- "Việc của tôi" -------------------------------------------------------------------------


def _reports_prefetch() -> Prefetch:
    return Prefetch("progress_reports", queryset=ProgressReport.objects.order_by("created_at", "pk"))


def _rules_prefetch() -> str:
    return "activity__plan__reporting_rules__reporter__members"


def my_tasks(user: AnyUser, *, today: datetime.date) -> dict[str, list[Task]]:
    """The tasks the officer's unit reports on, grouped overdue / soon / later / done (5 queries:
    tasks, reports, rules, their reporters' members, and the user's roles)."""
    if not permissions.is_unit_officer(user):
        return {"overdue": [], "soon": [], "later": [], "done": []}
    reportable = Exists(
        TaskGroupObjectPermission.objects.filter(
            group__user=user, permission__codename="report_task", content_object=OuterRef("pk")
        )
    )
    tasks = (
        Task.objects.filter(reportable)
        .select_related("activity", "activity__plan", "area")
        .prefetch_related(_reports_prefetch(), _rules_prefetch())
        .order_by("due_date", "pk")
    )
    groups: dict[str, list[Task]] = {"overdue": [], "soon": [], "later": [], "done": []}
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    for task in tasks:
        rules = list(task.activity.plan.reporting_rules.all())
        reports = list(task.progress_reports.all())
        task.period_states = period_states(task, reports, today, rules)
        task.next_report = next_due(task.period_states)
        task.latest_report = reports[-1] if reports else None
        if task.status not in OPEN_STATUSES:
            groups["done"].append(task)
            continue
        report_due = task.next_report.period.due if task.next_report else None
        first_due = min(d for d in (task.due_date, report_due) if d is not None)
        if first_due < today:
            groups["overdue"].append(task)
        elif first_due <= soon:
            groups["soon"].append(task)
        else:
            groups["later"].append(task)
    return groups


# --- A task's page --------------------------------------------------------------------------


def task_for_detail(user: AnyUser, pk: int) -> Task:
    """The task with its activity, outputs, rules and reports, or 404 (6 queries)."""
    queryset = (
        permissions.tasks_visible_to(user)
        .select_related("activity", "activity__plan", "unit", "area", "output_indicator")
        .prefetch_related(
            _rules_prefetch(),
            Prefetch(
                "activity__output_indicators",
                queryset=annotate_records_total(OutputIndicator.objects.order_by("order", "id")),
            ),
            Prefetch(
                "progress_reports",
                queryset=ProgressReport.objects.select_related("created_by", "submitted_by", "reviewed_by")
                .prefetch_related(
                    Prefetch("quantities", queryset=ReportedQuantity.objects.select_related("output_indicator")),
                    Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "id")),
                )
                .order_by("-period_end", "-created_at", "-pk"),
            ),
        )
    )
    return permissions.get_visible_or_404(queryset, pk=pk)


def reports_visible_to(user: AnyUser) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(task__in=permissions.tasks_visible_to(user))


def report_for_detail(user: AnyUser, pk: int) -> ProgressReport:
    queryset = (
        reports_visible_to(user)
        .select_related(
            "task", "task__activity", "task__activity__plan", "task__unit", "created_by", "submitted_by", "reviewed_by"
        )
        .select_related("revises")
        .prefetch_related(
            Prefetch("quantities", queryset=ReportedQuantity.objects.select_related("output_indicator")),
            "evidence",
            "corrections",
        )
    )
    return permissions.get_visible_or_404(queryset, pk=pk)


def review_queue() -> list[ProgressReport]:
    """Submitted reports, the longest-waiting first (1 query)."""
    return list(
        ProgressReport.objects.filter(status=Status.SUBMITTED)
        .select_related("task", "task__unit", "task__activity", "task__activity__plan", "submitted_by", "revises")
        .order_by("submitted_at", "pk")
    )


def task_status_choices() -> dict[str, str]:
    return dict(Progress.choices)


def latest_reports(tasks: list[Task]) -> dict[int, ProgressReport]:
    """The most recent report of each task (1 query), for the activity's progress section."""
    latest: dict[int, ProgressReport] = {}
    reports = ProgressReport.objects.filter(task__in=[task.pk for task in tasks]).order_by(
        "task_id", "created_at", "pk"
    )
    for report in reports.only("pk", "task_id", "status", "period_start", "period_end", "submitted_at", "due_date"):
        latest[report.task_id] = report
    return latest
