"""Reads for "what is due": expected reports, overdue tasks, plan deadlines, the timeliness
scoreboard and the data of the reminder e-mails.

An *expected report* is a (task, reporting period) pair from `reporting_calendar`, joined in
Python with the progress reports written for that task and period. Every function costs a
fixed number of queries whatever the amount of data: tasks (one query), the plans' reporting
rules with their reporters' members (two queries, once for all plans — never per task), the
reports of those tasks (one query), deadlines (one query).

`today` is always a parameter, so tests and the reminder jobs choose the day they look from.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet, Value
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tracker.core import permissions
from tracker.core.calendar import ReportingPeriod, due_soon_end, periods_for_rule, periods_for_task
from tracker.core.numbers import percent
from tracker.core.permissions import AnyUser
from tracker.core.text import vietnamese_sort_key
from tracker.models import (
    OPEN_STATUSES,
    Activity,
    Deadline,
    Plan,
    ProgressReport,
    ReportDispatch,
    ReportingRule,
    Task,
    Unit,
)
from tracker.models.plans import Progress

DUE_LATER_DAYS = 30

# States of an expected report, most advanced first.
ACCEPTED, SUBMITTED, RETURNED, DRAFT, MISSING = "accepted", "submitted", "returned", "draft", "missing"
# A superseded report was accepted once, then corrected: its period was reported.
_STATE_RANK = {
    ProgressReport.Status.ACCEPTED: 0,
    ProgressReport.Status.SUPERSEDED: 1,
    ProgressReport.Status.SUBMITTED: 2,
    ProgressReport.Status.RETURNED: 3,
    ProgressReport.Status.DRAFT: 4,
}
_STATE_OF = {
    ProgressReport.Status.ACCEPTED: ACCEPTED,
    ProgressReport.Status.SUPERSEDED: ACCEPTED,
    ProgressReport.Status.SUBMITTED: SUBMITTED,
    ProgressReport.Status.RETURNED: RETURNED,
    ProgressReport.Status.DRAFT: DRAFT,
}
REPORTED_STATES = (ACCEPTED, SUBMITTED)
# Scoreboard cells.
ON_TIME, LATE, NOT_YET_DUE = "on_time", "late", "not_yet_due"


def task_url(task: Task) -> str:
    """The task's page; the activity's page until the task page exists."""
    try:
        return reverse("tracker:task_detail", args=[task.pk])
    except NoReverseMatch:
        return reverse("tracker:activity_detail", args=[task.activity_id])


@dataclass
class ExpectedReport:
    """A report owed for one period: on a task (a progress report), or — `task` None — a
    report the unit sends under a rule with no task carrying it (the lead unit's own report to
    the province, or a collective's member with no task), fulfilled by a `ReportDispatch`."""

    task: Task | None
    period: ReportingPeriod
    report: ProgressReport | None  # the most advanced report of the period, if any
    state: str
    submitted_on: datetime.date | None  # local date of the first submission
    late: bool  # reported, but after the due date
    overdue: bool  # not reported and the due date has passed
    due_soon: bool  # not reported and due within DUE_SOON_DAYS

    @property
    def due(self) -> datetime.date:
        return self.period.due

    _today: datetime.date = field(default=datetime.date.min, repr=False)
    rule: ReportingRule | None = None
    reporter: Unit | None = None  # who owes it, when no task carries it

    @property
    def unit(self) -> Unit:
        return self.task.unit if self.task is not None else self.reporter

    @property
    def plan(self) -> Plan:
        return self.task.activity.plan if self.task is not None else self.rule.plan

    @property
    def subject(self) -> str:
        """What the report is about: the task's deliverable, or the rule's report."""
        return self.task.deliverable if self.task is not None else self.rule.title

    @property
    def sort_id(self) -> tuple[int, int]:
        return (0, self.task.pk) if self.task is not None else (1, self.rule.pk)

    @property
    def reported(self) -> bool:
        return self.state in REPORTED_STATES

    @property
    def days_overdue(self) -> int:
        return (self._today - self.due).days if self.overdue else 0

    @property
    def url(self) -> str:
        if self.task is not None:
            return task_url(self.task)
        return dispatch_url(self.rule.pk, self.reporter.pk, self.period)


def period_param(period: ReportingPeriod) -> str:
    return f"{period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}"


def parse_period_param(value: str) -> tuple[datetime.date, datetime.date] | None:
    try:
        start, end = (datetime.date.fromisoformat(part) for part in value.split("_"))
    except ValueError:
        return None
    return (start, end) if start <= end else None


def dispatch_url(rule_id: int, unit_id: int, period: ReportingPeriod) -> str:
    """The page where a unit records the report it sent for a period."""
    return reverse("tracker:report_dispatch", args=[rule_id, unit_id]) + f"?period={period_param(period)}"


# --- Which tasks ---------------------------------------------------------------------------


def unit_ids_for_officer(user: AnyUser) -> list[int]:
    """The officer's unit and the collectives it belongs to (one query)."""
    if not getattr(user, "unit_id", None):
        return []
    return [user.unit_id, *Unit.objects.filter(members=user.unit_id).values_list("pk", flat=True)]


def all_tasks_for_due() -> QuerySet[Task]:
    """Every task that owes reports: in an issued plan, not cancelled."""
    return Task.objects.filter(activity__plan__status=Plan.Status.ISSUED).exclude(status=Progress.CANCELLED)


def tasks_for_due(user: AnyUser) -> QuerySet[Task]:
    """Tasks whose reports and deadlines the user answers for, in issued plans.

    Province-wide readers: every task of their province. A unit officer: the tasks they may see whose unit is
    theirs or a collective their unit belongs to — not the tasks of other units on an activity
    they only cooperate on. Draft and closed plans ask for nothing; cancelled tasks neither.
    """
    queryset = all_tasks_for_due()
    if permissions.sees_whole_programme(user):
        return permissions.in_province(user, queryset, "activity__plan__")
    if not permissions.is_unit_officer(user) or not getattr(user, "unit_id", None):
        return queryset.none()
    # A subquery rather than a list: one query fewer.
    own = Q(unit_id=user.unit_id) | Q(unit__in=Unit.objects.filter(members=user.unit_id).values("pk"))
    return permissions.tasks_visible_to(user, queryset.filter(own))


def _rules_by_plan(plan_ids: Iterable[int]) -> dict[int, list[ReportingRule]]:
    """The plans' reporting rules with their reporters' members: two queries for all plans."""
    by_plan: dict[int, list[ReportingRule]] = defaultdict(list)
    rules = (
        ReportingRule.objects.filter(plan_id__in=set(plan_ids))
        .select_related("reporter")
        .prefetch_related("reporter__members")
        .order_by("plan_id", "frequency", "id")
    )
    for rule in rules:
        by_plan[rule.plan_id].append(rule)
    return by_plan


def _reports_by_period(tasks: QuerySet[Task]) -> dict[tuple, list[ProgressReport]]:
    """Every report of the tasks (one query), keyed by (task, period start, period end)."""
    by_period: dict[tuple, list[ProgressReport]] = defaultdict(list)
    reports = ProgressReport.objects.filter(task__in=tasks.values("pk")).only(
        "pk", "task_id", "period_start", "period_end", "due_date", "status", "submitted_at", "return_reason"
    )
    for report in reports:
        by_period[(report.task_id, report.period_start, report.period_end)].append(report)
    return by_period


def judge(task: Task, period: ReportingPeriod, reports: list[ProgressReport], today: datetime.date) -> ExpectedReport:
    """The state of one expected report from the reports written for its period."""
    best = min(reports, key=lambda r: _STATE_RANK.get(r.status, 9)) if reports else None
    state = _STATE_OF.get(best.status, MISSING) if best else MISSING
    # Lateness is judged on the first time the period was sent in: a correction of an
    # accepted report does not make it late after the fact.
    sent = [
        r.submitted_at
        for r in reports
        if r.submitted_at
        and r.status
        in (ProgressReport.Status.ACCEPTED, ProgressReport.Status.SUPERSEDED, ProgressReport.Status.SUBMITTED)
    ]
    submitted_on = timezone.localdate(min(sent)) if sent else None
    reported = state in REPORTED_STATES
    return ExpectedReport(
        task=task,
        period=period,
        report=best,
        state=state,
        submitted_on=submitted_on,
        late=bool(reported and submitted_on and submitted_on > period.due),
        overdue=not reported and period.due < today,
        due_soon=not reported and today <= period.due <= due_soon_end(today),
        _today=today,
    )


def expected_reports_for_tasks(tasks: QuerySet[Task], *, today: datetime.date) -> list[ExpectedReport]:
    """Every (task, period) the tasks must report on, with its state: four queries."""
    task_list = list(tasks.select_related("activity", "activity__plan", "unit").order_by("due_date", "pk"))
    rules = _rules_by_plan(task.activity.plan_id for task in task_list) if task_list else {}
    reports = _reports_by_period(tasks) if task_list else {}
    expected = []
    for task in task_list:
        for period in periods_for_task(task, rules.get(task.activity.plan_id, [])):
            key = (task.pk, period.start, period.end)
            expected.append(judge(task, period, reports.get(key, []), today))
    expected.sort(key=lambda item: (item.due, vietnamese_sort_key(item.task.unit.name), item.task.pk))
    return expected


def _judge_dispatch(
    rule: ReportingRule, unit: Unit, period: ReportingPeriod, dispatch: ReportDispatch | None, today: datetime.date
) -> ExpectedReport:
    sent = dispatch.sent_on if dispatch is not None else None
    return ExpectedReport(
        task=None,
        period=period,
        report=None,
        state=ACCEPTED if dispatch is not None else MISSING,
        submitted_on=sent,
        late=bool(sent and sent > period.due),
        overdue=dispatch is None and period.due < today,
        due_soon=dispatch is None and today <= period.due <= due_soon_end(today),
        _today=today,
        rule=rule,
        reporter=unit,
    )


def expected_dispatches(
    user: AnyUser | None,
    *,
    today: datetime.date,
    unit_id: int | None = None,
    plan_ids: Iterable[int] | None = None,
) -> list[ExpectedReport]:
    """The reports units owe under the rules of issued plans that no task's report carries:
    for each rule, each unit that reports under it (the reporter, or every member of a
    collective) and each period — when the unit leads an activity of the plan (its own report
    to the province) or has no task in the plan. At most four queries: rules, their
    reporters' members, lead units and units with tasks (one), the reports sent (only when
    something is owed).

    `user=None` (the reminder jobs) reads every unit's; an officer reads their unit's;
    `unit_id` narrows to one unit, `plan_ids` to some plans.
    """
    rules = ReportingRule.objects.filter(plan__status=Plan.Status.ISSUED)
    wanted: int | None = unit_id
    if user is not None and permissions.sees_whole_programme(user):
        rules = permissions.in_province(user, rules, "plan__")
    elif user is not None:
        if not permissions.is_unit_officer(user) or not getattr(user, "unit_id", None):
            return []
        if unit_id is not None and unit_id != user.unit_id:
            return []
        wanted = user.unit_id
    if wanted is not None:
        rules = rules.filter(Q(reporter_id=wanted) | Q(reporter__in=Unit.objects.filter(members=wanted).values("pk")))
    if plan_ids is not None:
        rules = rules.filter(plan_id__in=list(plan_ids))
    rule_list = list(
        rules.select_related("reporter", "plan").prefetch_related("reporter__members").order_by("plan_id", "id")
    )
    if not rule_list:
        return []
    plans = {rule.plan_id for rule in rule_list}
    # Who leads an activity of the plans (0) and who has a task in them (1): one query.
    leads_and_tasks = (
        Activity.objects.filter(plan_id__in=plans)
        .order_by()
        .values_list("plan_id", "lead_unit_id")
        .annotate(kind=Value(0))
        .union(
            Task.objects.filter(activity__plan_id__in=plans)
            .exclude(status=Progress.CANCELLED)
            .order_by()
            .values_list("activity__plan_id", "unit_id")
            .annotate(kind=Value(1))
        )
    )
    leads, with_tasks = set(), set()
    for plan_id, unit_pk, kind in leads_and_tasks:
        (with_tasks if kind else leads).add((plan_id, unit_pk))
    owed = []
    for rule in rule_list:
        members = list(rule.reporter.members.all()) if rule.reporter.is_group else []
        for unit in members or [rule.reporter]:
            if wanted is not None and unit.pk != wanted:
                continue
            key = (rule.plan_id, unit.pk)
            if key in with_tasks and key not in leads:
                continue  # its progress reports on its tasks are its reports
            owed.append((rule, unit))
    if not owed:
        return []
    dispatches = ReportDispatch.objects.filter(rule__in=[rule.pk for rule in rule_list])
    if wanted is not None:
        dispatches = dispatches.filter(unit_id=wanted)
    sent = {(d.rule_id, d.unit_id, d.period_start, d.period_end): d for d in dispatches}
    expected = []
    for rule, unit in owed:
        for period in periods_for_rule(rule):
            dispatch = sent.get((rule.pk, unit.pk, period.start, period.end))
            expected.append(_judge_dispatch(rule, unit, period, dispatch, today))
    expected.sort(key=lambda item: (item.due, vietnamese_sort_key(item.unit.name), item.sort_id))
    return expected


def all_expected(user: AnyUser, *, today: datetime.date) -> list[ExpectedReport]:
    """Every report the user answers for: on tasks, and sent under the rules."""
    items = expected_reports(user, today=today) + expected_dispatches(user, today=today)
    items.sort(key=lambda item: (item.due, vietnamese_sort_key(item.unit.name), item.sort_id))
    return items


def expected_reports(user: AnyUser, *, today: datetime.date) -> list[ExpectedReport]:
    return expected_reports_for_tasks(tasks_for_due(user), today=today)


def deadlines_for_due(user: AnyUser | None, *, start: datetime.date, end: datetime.date) -> list[Deadline]:
    """Plan deadlines (by a date, or the end of a window) falling between two dates (one query).

    An officer sees those their unit (or a collective of it) is responsible for; `user=None`
    (the reminder jobs) reads them all.
    """
    queryset = Deadline.objects.filter(plan__status=Plan.Status.ISSUED).filter(
        Q(kind=Deadline.Kind.DATE, due_date__gte=start, due_date__lte=end)
        | Q(kind=Deadline.Kind.WINDOW, window_end__gte=start, window_end__lte=end)
    )
    if user is not None and permissions.sees_whole_programme(user):
        queryset = permissions.in_province(user, queryset, "plan__")
    elif user is not None:
        if not permissions.is_unit_officer(user) or not getattr(user, "unit_id", None):
            return []
        queryset = queryset.filter(
            Q(responsible_unit_id=user.unit_id)
            | Q(responsible_unit__in=Unit.objects.filter(members=user.unit_id).values("pk"))
        )
    deadlines = list(queryset.select_related("plan", "responsible_unit", "activity"))
    deadlines.sort(key=lambda d: (d.effective_due_date, d.pk))
    return deadlines


# --- The "what is due" page ----------------------------------------------------------------


@dataclass
class UnitDue:
    """What one unit has due, in the sections of the page and the digest."""

    unit: Unit
    overdue_reports: list[ExpectedReport] = field(default_factory=list)
    overdue_tasks: list[Task] = field(default_factory=list)
    returned: list[ExpectedReport] = field(default_factory=list)
    reports_7: list[ExpectedReport] = field(default_factory=list)
    reports_30: list[ExpectedReport] = field(default_factory=list)
    tasks_7: list[Task] = field(default_factory=list)
    tasks_30: list[Task] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def has_anything(self) -> bool:
        return any(
            (
                self.overdue_reports,
                self.overdue_tasks,
                self.returned,
                self.reports_7,
                self.reports_30,
                self.tasks_7,
                self.tasks_30,
                self.deadlines,
            )
        )

    @property
    def has_urgent(self) -> bool:
        """Something overdue, returned, or due within 7 days: what a digest is sent for."""
        return any((self.overdue_reports, self.overdue_tasks, self.returned, self.reports_7, self.tasks_7))

    @property
    def overdue_count(self) -> int:
        return len(self.overdue_reports) + len(self.overdue_tasks)


def group_by_unit(
    expected: list[ExpectedReport],
    tasks: Iterable[Task],
    deadlines: Iterable[Deadline],
    *,
    today: datetime.date,
) -> list[UnitDue]:
    """Sort the items into per-unit sections; units without anything are left out."""
    soon = due_soon_end(today)
    later = today + datetime.timedelta(days=DUE_LATER_DAYS)
    units: dict[int, UnitDue] = {}

    def of(unit: Unit) -> UnitDue:
        return units.setdefault(unit.pk, UnitDue(unit))

    for item in expected:
        if item.state == RETURNED:
            of(item.unit).returned.append(item)
        elif item.overdue:
            of(item.unit).overdue_reports.append(item)
        elif not item.reported and today <= item.due <= soon:
            of(item.unit).reports_7.append(item)
        elif not item.reported and soon < item.due <= later:
            of(item.unit).reports_30.append(item)
    for task in tasks:
        if task.status not in OPEN_STATUSES:
            continue
        if task.due_date < today:
            of(task.unit).overdue_tasks.append(task)
        elif task.due_date <= soon:
            of(task.unit).tasks_7.append(task)
        elif task.due_date <= later:
            of(task.unit).tasks_30.append(task)
    for deadline in deadlines:
        if deadline.responsible_unit_id:
            of(deadline.responsible_unit).deadlines.append(deadline)
    for section in units.values():
        for task in (*section.overdue_tasks, *section.tasks_7, *section.tasks_30):
            task.url = task_url(task)
    return sorted(units.values(), key=lambda section: vietnamese_sort_key(section.unit.name))


@dataclass
class DuePage:
    sections: list[UnitDue]
    units: list[Unit]  # the choice of units (managers and readers)
    chosen_unit: Unit | None
    unassigned_deadlines: list[Deadline]
    totals: dict[str, int]


def due_page(user: AnyUser, *, today: datetime.date, unit_id: int | None = None) -> DuePage:
    """The "what is due" page: ten queries for a province-wide reader, eleven for an officer
    (six for the tasks' reports and deadlines, four for the reports sent under the rules).

    Province-wide readers see every unit with something due, or one unit they choose; an
    officer sees their own unit's items, and asking for another unit is a 404.
    """
    if not (permissions.sees_whole_programme(user) or permissions.is_unit_officer(user)):
        raise PermissionDenied
    whole = permissions.sees_whole_programme(user)
    if not whole and unit_id is not None and unit_id != user.unit_id:
        raise Http404
    tasks = tasks_for_due(user)
    chosen = None
    if whole and unit_id is not None:
        chosen = Unit.objects.filter(pk=unit_id).first()
        if chosen is None:
            raise Http404
        tasks = tasks.filter(Q(unit_id=unit_id) | Q(unit__in=Unit.objects.filter(members=unit_id).values("pk")))
    expected = expected_reports_for_tasks(tasks, today=today)
    task_list = {item.task.pk: item.task for item in expected}.values()  # already read
    expected += expected_dispatches(user, today=today, unit_id=chosen.pk if chosen is not None else None)
    expected.sort(key=lambda item: (item.due, vietnamese_sort_key(item.unit.name), item.sort_id))
    deadlines = deadlines_for_due(user, start=today, end=today + datetime.timedelta(days=DUE_LATER_DAYS))
    unassigned = [d for d in deadlines if not d.responsible_unit_id] if whole and chosen is None else []
    if chosen is not None:
        deadlines = [d for d in deadlines if d.responsible_unit_id == chosen.pk]
    sections = group_by_unit(expected, task_list, deadlines, today=today)
    units = []
    if whole:
        units = sorted(
            # The units with tasks in the reader's province (a subquery, no query more).
            Unit.objects.in_force(today).filter(pk__in=tasks_for_due(user).values("unit_id")).only("pk", "name"),
            key=lambda unit: vietnamese_sort_key(unit.name),
        )
    totals = {
        "overdue_reports": sum(len(s.overdue_reports) for s in sections),
        "overdue_tasks": sum(len(s.overdue_tasks) for s in sections),
        "returned": sum(len(s.returned) for s in sections),
        "due_7": sum(len(s.reports_7) + len(s.tasks_7) for s in sections),
        "due_30": sum(len(s.reports_30) + len(s.tasks_30) for s in sections),
    }
    return DuePage(sections, units, chosen, unassigned, totals)


def overdue_report_count(user: AnyUser, *, today: datetime.date) -> int:
    """The number in the navigation badge: overdue reports the user answers for."""
    if not (permissions.sees_whole_programme(user) or permissions.is_unit_officer(user)):
        return 0
    return sum(1 for item in all_expected(user, today=today) if item.overdue)


# --- The timeliness scoreboard --------------------------------------------------------------


@dataclass
class Column:
    rule: ReportingRule
    period: ReportingPeriod
    on_time: int = 0
    late: int = 0
    missing: int = 0
    not_yet_due: int = 0

    @property
    def expected_due(self) -> int:
        return self.on_time + self.late + self.missing


@dataclass
class Cell:
    state: str = ""  # on_time, late, missing, not_yet_due; "" when nothing is expected
    expected: int = 0
    reported: int = 0
    items: list[ExpectedReport] = field(default_factory=list)


@dataclass
class Row:
    unit: Unit
    cells: list[Cell]
    on_time: int = 0
    late: int = 0
    missing: int = 0

    @property
    def expected_due(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def percent_on_time(self) -> int | None:
        return percent(self.on_time, self.expected_due)

    @property
    def percent_reported(self) -> int | None:
        return percent(self.on_time + self.late, self.expected_due)


@dataclass
class Scoreboard:
    plan: Plan | None
    year: int
    columns: list[Column]
    rows: list[Row]
    totals: Row | None


def scoreboard_plans(user: AnyUser) -> list[Plan]:
    """Issued plans with reporting rules that the user may see (one query)."""
    return list(
        permissions.plans_visible_to(user)
        .filter(status=Plan.Status.ISSUED, reporting_rules__isnull=False)
        .distinct()
        .only("pk", "number_symbol", "title", "period_start", "period_end", "is_sample")
        .order_by("-period_start", "pk")
    )


def default_plan(plans: list[Plan], today: datetime.date) -> Plan | None:
    """The plan running today, else the one whose period is nearest to today."""

    def distance(plan: Plan) -> int:
        if plan.period_start <= today <= plan.period_end:
            return 0
        return min(abs((plan.period_start - today).days), abs((plan.period_end - today).days))

    return min(plans, key=lambda plan: (distance(plan), -plan.period_start.toordinal())) if plans else None


def _cell_state(items: list[ExpectedReport], today: datetime.date) -> str:
    if not items:
        return ""
    if any(item.overdue for item in items):
        return MISSING
    if any(not item.reported for item in items):
        return NOT_YET_DUE
    return LATE if any(item.late for item in items) else ON_TIME


def scoreboard(user: AnyUser, *, plan: Plan | None, year: int, today: datetime.date) -> Scoreboard:
    """Units × reporting periods of one plan's rules in one year (like DHIS2's reporting rate).

    A cell sums the unit's tasks that owe a report for the period: missing when one is overdue,
    not yet due while one is outstanding before its date, late when all are in but one came
    late, on time otherwise. Totals count expected reports whose due date has passed (or that
    are in already): % on time and % reported. Province-wide readers see every unit; an officer
    sees only their unit's row. Queries: tasks, rules, rule members, reports (+1 for an officer),
    and four for the reports sent under the rules (`expected_dispatches`).
    """
    if plan is None:
        return Scoreboard(None, year, [], [], None)
    tasks = tasks_for_due(user).filter(activity__plan=plan)
    rules = [rule for rule in _rules_by_plan([plan.pk]).get(plan.pk, [])]
    columns = [
        Column(rule, period)
        for rule in rules
        for period in periods_for_rule(rule)
        if period.due.year == year or period.end.year == year
    ]
    columns.sort(key=lambda column: (column.period.due, column.period.start, column.rule.pk))
    index = {(column.rule.pk, column.period.start, column.period.end): n for n, column in enumerate(columns)}
    task_list = list(tasks.select_related("activity", "activity__plan", "unit").order_by("pk"))
    reports = _reports_by_period(tasks) if task_list else {}
    rows: dict[int, Row] = {}
    for task in task_list:
        for period in periods_for_task(task, rules):
            n = index.get((period.rule_id, period.start, period.end))
            if n is None:
                continue
            row = rows.setdefault(task.unit_id, Row(task.unit, [Cell() for _ in columns]))
            item = judge(task, period, reports.get((task.pk, period.start, period.end), []), today)
            cell = row.cells[n]
            cell.items.append(item)
            cell.expected += 1
            cell.reported += item.reported
    for item in expected_dispatches(user, today=today, plan_ids=[plan.pk]):
        n = index.get((item.rule.pk, item.period.start, item.period.end))
        if n is None:
            continue
        row = rows.setdefault(item.unit.pk, Row(item.unit, [Cell() for _ in columns]))
        cell = row.cells[n]
        cell.items.append(item)
        cell.expected += 1
        cell.reported += item.reported
    total = Row(Unit(name=""), [Cell() for _ in columns])
    for row in rows.values():
        for n, cell in enumerate(row.cells):
            cell.state = _cell_state(cell.items, today)
            column = columns[n]
            for item in cell.items:
                if item.reported and not item.late:
                    kind = "on_time"
                elif item.reported:
                    kind = "late"
                elif item.overdue:
                    kind = "missing"
                else:
                    kind = "not_yet_due"
                setattr(column, kind, getattr(column, kind) + 1)
                if kind != "not_yet_due":
                    setattr(row, kind, getattr(row, kind) + 1)
                    setattr(total, kind, getattr(total, kind) + 1)
    row_list = sorted(rows.values(), key=lambda row: vietnamese_sort_key(row.unit.name))
    return Scoreboard(plan, year, columns, row_list, total if row_list else None)
