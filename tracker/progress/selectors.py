"""Reads for the progress pages: a unit's tasks, a task's reporting periods and their state,
reports and the review queue. Achieved quantities come from `tracker.outputs.selectors`.
Each function costs a fixed number of queries whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import (
    Exists,
    F,
    OuterRef,
    Prefetch,
    QuerySet,
)
from django.db.models.functions import Coalesce

from tracker.core import permissions
from tracker.core.calendar import ReportingPeriod, due_soon_end, periods_for_task
from tracker.core.permissions import AnyUser
from tracker.models import (
    Evidence,
    OutputIndicator,
    ProgressReport,
    ReportedQuantity,
    Task,
    TaskGroupObjectPermission,
)
from tracker.models.plans import OPEN_STATUSES, Progress
from tracker.outputs.selectors import annotate_records_total

Status = ProgressReport.Status
ACCEPTED = Status.ACCEPTED


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


WAITING = ("missing", Status.DRAFT, Status.RETURNED)


def catch_up_states(states: list[PeriodState], today: datetime.date) -> list[PeriodState]:
    """The periods the unit can catch up on in one go: still waiting for it (not reported, a
    draft, or returned) and already due or over, oldest first."""
    return [
        state
        for state in states
        if state.state in WAITING
        and (state.state == Status.RETURNED or state.period.due < today or state.period.end < today)
    ]


def catch_up_initial(states: list[PeriodState], reports: list[ProgressReport]) -> list[dict]:
    """The catch-up form's rows: an open report's own figures, or else the percentage of the
    latest report sent for an earlier period (no query: `reports` come with their quantities)."""
    sent = sorted(
        (report for report in reports if report.status in (Status.ACCEPTED, Status.SUBMITTED)),
        key=lambda report: (report.period_end, report.created_at, report.pk),
    )
    rows = []
    for state in states:
        report = state.report if state.state in (Status.DRAFT, Status.RETURNED) else None
        earlier = [r.percent_complete for r in sent if r.period_end < state.period.end]
        row = {
            "period": state.param,
            "action": "nothing" if report and report.nothing_to_report else "report",
            "percent_complete": report.percent_complete if report else (earlier[-1] if earlier else None),
            "note": report.narrative if report else "",
        }
        if report:
            row.update({f"quantity_{q.output_indicator_id}": q.quantity for q in report.quantities.all()})
        rows.append(row)
    return rows


# --- "Việc của tôi" -------------------------------------------------------------------------


def _reports_prefetch() -> Prefetch:
    return Prefetch("progress_reports", queryset=ProgressReport.objects.order_by("created_at", "pk"))


def _rules_prefetch() -> str:
    return "activity__plan__reporting_rules__reporter__members"


def my_tasks(user: AnyUser, *, today: datetime.date) -> dict[str, list]:
    """The tasks the officer's unit reports on, grouped overdue / soon / later / done, and
    first of all the reports the DIC returned (each a (task, period state) pair, whatever the
    task's status: a completed task's returned report is still the unit's to correct) (5
    queries: tasks, reports, rules, their reporters' members, and the user's roles)."""
    if not permissions.is_unit_officer(user):
        return {"returned": [], "overdue": [], "soon": [], "later": [], "done": []}
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
    groups: dict[str, list] = {"returned": [], "overdue": [], "soon": [], "later": [], "done": []}
    soon = due_soon_end(today)
    for task in tasks:
        rules = list(task.activity.plan.reporting_rules.all())
        reports = list(task.progress_reports.all())
        task.period_states = period_states(task, reports, today, rules)
        task.next_report = next_due(task.period_states)
        task.latest_report = reports[-1] if reports else None
        task.catch_up = catch_up_states(task.period_states, today)
        groups["returned"].extend((task, state) for state in task.period_states if state.state == Status.RETURNED)
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
    if permissions.sees_whole_programme(user):
        plan_ids = permissions.province_plan_ids(user)
        if plan_ids is None:
            # Every task, so every report: no semi-join of 500k reports to every task.
            return ProgressReport.objects.all()
        # A province's reports by its plans' ids, which PostgreSQL estimates (the same reports
        # as through `tasks_visible_to`; see `permissions.province_plan_ids`).
        return ProgressReport.objects.filter(task__activity__plan_id__in=plan_ids)
    return ProgressReport.objects.filter(task__in=permissions.tasks_visible_to(user))


def newest_first(user: AnyUser, reports: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
    """Reports newest period first (then newest written), as the API lists them. Every
    report (a reader of every province) or an officer's few: read in that order from the
    `progressreport_newest` index. A province's (a thirty-fourth of them): by an expression
    the index does not serve, so PostgreSQL reads the province's reports by its tasks and sorts
    them, rather than walking the whole index backwards for the first page — 44k rows when
    the province's reports were written first."""
    if permissions.sees_whole_programme(user) and permissions.province_plan_ids(user) is not None:
        reports = reports.annotate(_period_end=Coalesce("period_end", "period_end"))
        return reports.order_by(F("_period_end").desc(), "-created_at", "-id")
    return reports.order_by("-period_end", "-created_at", "-id")


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
            Prefetch("corrections", queryset=ProgressReport.objects.order_by("created_at", "pk")),
        )
    )
    return permissions.get_visible_or_404(queryset, pk=pk)


def review_queue(user: AnyUser) -> QuerySet[ProgressReport]:
    """Submitted reports of the manager's province, the longest-waiting first (one query, or a
    count and a page when paginated)."""
    submitted = ProgressReport.objects.filter(status=Status.SUBMITTED)
    plan_ids = permissions.province_plan_ids(user)
    if plan_ids is not None:
        # The province's plans as ids (see `permissions.province_plan_ids`).
        submitted = submitted.filter(task__activity__plan_id__in=plan_ids)
    return submitted.select_related(
        "task", "task__unit", "task__activity", "task__activity__plan", "submitted_by", "revises"
    ).order_by("submitted_at", "pk")


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
