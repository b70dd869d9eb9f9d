"""Reads for "what is due": expected reports, overdue tasks, plan deadlines, the timeliness
scoreboard and the data of the reminder e-mails.

An *expected report* is a row of `Obligation` (a task's period, or a report a unit sends under
a rule), kept up to date by `tracker.core.obligations` with the state of the reports that
meet it. The pages filter, count and group these rows in the database: every function costs a
fixed number of queries, and builds Python objects only for the rows a page shows.

`today` is always a parameter, so tests and the reminder jobs choose the day they look from.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.urls import NoReverseMatch, reverse

from tracker.core import permissions
from tracker.core.calendar import ReportingPeriod, due_soon_end, period_label, periods_for_rule
from tracker.core.numbers import percent
from tracker.core.obligation_figures import cached_obligation_figures
from tracker.core.permissions import AnyUser
from tracker.core.text import vietnamese_sort_key
from tracker.models import (
    OPEN_STATUSES,
    Deadline,
    Obligation,
    Plan,
    ProgressReport,
    ReportingRule,
    Task,
    Unit,
)
from tracker.models.plans import Progress

DUE_LATER_DAYS = 30
DUE_UNITS_PER_PAGE = 20
DUE_ITEMS_PER_LIST = 5  # per list of a unit's section, when the page shows every unit

# States of an expected report (`Obligation.State`), most advanced first; a superseded report
# was accepted once, then corrected: its period counts as reported.
ACCEPTED, SUBMITTED, RETURNED, DRAFT, MISSING = "accepted", "submitted", "returned", "draft", "missing"
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


def issued_plan_ids(user: AnyUser) -> list[int] | None:
    """`permissions.province_plan_ids`, the issued ones only (no query more)."""
    return permissions.province_plan_ids(user, issued=True)


def own_unit_ids(user: AnyUser) -> list[int]:
    """`unit_ids_for_officer`, read once per request object."""
    cached = getattr(user, "_own_unit_ids", None)
    if cached is None:
        cached = user._own_unit_ids = unit_ids_for_officer(user)
    return cached


def tasks_for_due(user: AnyUser) -> QuerySet[Task]:
    """Tasks whose reports and deadlines the user answers for, in issued plans.

    Province-wide readers: every task of their province. A unit officer: the tasks they may see whose unit is
    theirs or a collective their unit belongs to — not the tasks of other units on an activity
    they only cooperate on. Draft and closed plans ask for nothing; cancelled tasks neither.
    """
    if permissions.sees_whole_programme(user):
        plan_ids = issued_plan_ids(user)
        if plan_ids is None:
            return all_tasks_for_due()
        return Task.objects.filter(activity__plan_id__in=plan_ids).exclude(status=Progress.CANCELLED)
    queryset = all_tasks_for_due()
    if not permissions.is_unit_officer(user) or not getattr(user, "unit_id", None):
        return queryset.none()
    # The unit and its collectives as a list (read once per request): a plain `IN` the
    # planner estimates, where an OR with a subquery was read as thousands of rows.
    return permissions.tasks_visible_to(user, queryset.filter(unit_id__in=own_unit_ids(user)))


# --- Expected reports, read from their rows -----------------------------------------------------

NOT_REPORTED = (Obligation.State.MISSING, Obligation.State.DRAFT, Obligation.State.RETURNED)
REPORTED = (Obligation.State.ACCEPTED, Obligation.State.SUBMITTED)


def _live(rows: QuerySet[Obligation]) -> QuerySet[Obligation]:
    """Without the rows of cancelled tasks (a rule's rows have no task and stay): the few
    cancelled tasks as a subquery, rather than a join to every row's task."""
    return rows.exclude(task_id__in=Task.objects.filter(status=Progress.CANCELLED).values("pk"))


def obligations_for_due(user: AnyUser | None, *, unit_id: int | None = None) -> QuerySet[Obligation]:
    """The expected reports the user answers for, in issued plans (cancelled tasks owe none):
    on the tasks of `tasks_for_due`, and those the user's unit sends under the rules.

    `user=None` (the reminder jobs) reads every unit's; a province-wide reader their
    province's, or — `unit_id` — one unit's (its tasks and those of the collectives it belongs
    to, and the reports it sends itself); an officer their unit's.
    """
    rows = Obligation.objects.filter(plan__status=Plan.Status.ISSUED)
    if user is None or permissions.sees_whole_programme(user):
        plan_ids = issued_plan_ids(user) if user is not None else None
        if plan_ids is not None:
            rows = Obligation.objects.filter(plan_id__in=plan_ids)
        rows = _live(rows)
        if unit_id is not None:
            collectives = Unit.objects.filter(members=unit_id).values("pk")
            rows = rows.filter(Q(unit_id=unit_id) | Q(task__isnull=False, unit__in=collectives))
        return rows
    if not permissions.is_unit_officer(user) or not getattr(user, "unit_id", None):
        return rows.none()
    if unit_id is not None and unit_id != user.unit_id:
        return rows.none()
    # Every row an officer answers for is owed by their unit or a collective of it (a task's
    # row by the task's unit): said first, so the rows are read by the unit's index.
    rows = rows.filter(unit_id__in=own_unit_ids(user))
    return rows.filter(Q(task__in=tasks_for_due(user).values("pk")) | Q(task__isnull=True, unit_id=user.unit_id))


def _ordered(rows: QuerySet[Obligation]) -> QuerySet[Obligation]:
    """By due date, then unit (Vietnamese order, the stored key), a task's before the rule's."""
    return rows.order_by(
        "due", "unit__sort_key", "unit_id", F("task_id").asc(nulls_last=True), "rule_id", "period_start"
    )


def _with_objects(rows: QuerySet[Obligation]) -> QuerySet[Obligation]:
    return rows.select_related(
        "task", "task__activity", "task__activity__plan", "task__unit", "rule", "rule__plan", "unit", "report"
    ).defer("report__narrative", "report__difficulties", "report__proposals")


def listed(rows: QuerySet[Obligation]) -> QuerySet[Obligation]:
    """Rows in the lists' order with what `expected_from_rows` shows of them."""
    return _with_objects(_ordered(rows))


def first_ids(rows: QuerySet[Obligation], count: int) -> list[int]:
    """The ids of the first `count` rows in the lists' order (one query, joining only the
    units, for the order); `listed_by_ids` reads their objects. In two steps so the eight
    other joins are made for those rows alone, not for the thousands of a month's rows that
    share the first due date (as one query with the ids in a subquery, PostgreSQL joined all
    400k rows before keeping eight)."""
    return list(_ordered(rows).values_list("pk", flat=True)[:count])


def listed_by_ids(ids: list[int]) -> QuerySet[Obligation]:
    return listed(Obligation.objects.filter(pk__in=ids))


def expected_from_rows(rows: Iterable[Obligation], *, today: datetime.date) -> list[ExpectedReport]:
    """The pages' objects for rows read with `_with_objects`."""
    soon = due_soon_end(today)
    items = []
    for row in rows:
        period = ReportingPeriod(
            row.rule_id,
            row.period_start,
            row.period_end,
            row.due,
            period_label(row.rule.frequency if row.rule_id else None, row.period_start),
        )
        reported = row.state in REPORTED_STATES
        items.append(
            ExpectedReport(
                task=row.task,
                period=period,
                report=row.report,
                state=row.state,
                submitted_on=row.submitted_on,
                late=bool(reported and row.submitted_on and row.submitted_on > row.due),
                overdue=not reported and row.due < today,
                due_soon=not reported and today <= row.due <= soon,
                _today=today,
                rule=row.rule if row.task_id is None else None,
                reporter=row.unit if row.task_id is None else None,
            )
        )
    return items


def expected_reports_for_tasks(
    tasks: QuerySet[Task], *, today: datetime.date, ending: tuple[datetime.date, datetime.date] | None = None
) -> list[ExpectedReport]:
    """Every (task, period) the tasks must report on — or, `ending`, those whose period ends
    between two dates (both included) — with its state: one query."""
    rows = Obligation.objects.filter(task__in=tasks.values("pk"))
    if ending is not None:
        rows = rows.filter(period_end__gte=ending[0], period_end__lte=ending[1])
    return expected_from_rows(_with_objects(_ordered(rows)), today=today)


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
    to the province) or has no task in the plan. One query.

    `user=None` (the reminder jobs) reads every unit's; an officer reads their unit's;
    `unit_id` narrows to one unit, `plan_ids` to some plans.
    """
    whole = user is None or permissions.sees_whole_programme(user)
    if not whole and unit_id is not None and unit_id != getattr(user, "unit_id", None):
        return []
    rows = obligations_for_due(user).filter(task__isnull=True)
    if unit_id is not None:
        rows = rows.filter(unit_id=unit_id)
    if plan_ids is not None:
        rows = rows.filter(plan_id__in=list(plan_ids))
    return expected_from_rows(_with_objects(_ordered(rows)), today=today)


def reports_unit_sends(user: AnyUser, *, today: datetime.date) -> QuerySet[Obligation]:
    """The reports the user's own unit sends under the rules (the lead unit's report to the
    province, a collective member's report), not yet sent and due within `DUE_LATER_DAYS` or
    overdue, oldest first — the rows of "my tasks", for `expected_from_rows`. Only the user's
    unit: a province-wide reader's my tasks is not the province's due page, and a national
    monitor (no unit that reports) owes none. Filtered and ordered in the database (a count
    and a page when paginated)."""
    unit_id = getattr(user, "unit_id", None)
    if unit_id is None or not permissions.follows_work(user):
        return Obligation.objects.none()
    later = today + datetime.timedelta(days=DUE_LATER_DAYS)
    rows = Obligation.objects.filter(
        plan__status=Plan.Status.ISSUED, task__isnull=True, unit_id=unit_id, state__in=NOT_REPORTED, due__lte=later
    )
    if permissions.sees_whole_programme(user):
        rows = permissions.in_province(user, rows, "plan__")
    return _with_objects(_ordered(rows))


def all_expected(user: AnyUser, *, today: datetime.date) -> list[ExpectedReport]:
    """Every report the user answers for: on tasks, and sent under the rules."""
    return expected_from_rows(_with_objects(_ordered(obligations_for_due(user))), today=today)


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


SECTION_LISTS = (
    "overdue_reports",
    "overdue_tasks",
    "returned",
    "reports_7",
    "reports_30",
    "tasks_7",
    "tasks_30",
    "deadlines",
)


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

    hidden: int = 0  # items left out by `shorten`

    def shorten(self, limit: int) -> None:
        """Keep the first `limit` items of each list (the unit's own page shows them all): a
        page of twenty units with thirty overdue reports each was 600 items, 270 KB, most of
        its time spent rendering them."""
        for name in SECTION_LISTS:
            items = getattr(self, name)
            if len(items) > limit:
                self.hidden += len(items) - limit
                setattr(self, name, items[:limit])


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
    sections: list[UnitDue]  # the units of this page (`page`), in Vietnamese order
    chosen_unit: Unit | None
    unassigned_deadlines: list[Deadline]
    totals: dict[str, int]
    page: Page | None = None  # the page of units; its object_list is `sections`


def _due_rows(rows: QuerySet[Obligation], today: datetime.date) -> QuerySet[Obligation]:
    """The expected reports a due list shows: returned, or not in and due within 30 days or
    overdue."""
    later = today + datetime.timedelta(days=DUE_LATER_DAYS)
    return rows.filter(
        Q(state=Obligation.State.RETURNED)
        | Q(state__in=(Obligation.State.MISSING, Obligation.State.DRAFT), due__lte=later)
    )


def _due_tasks(tasks: QuerySet[Task], today: datetime.date) -> QuerySet[Task]:
    later = today + datetime.timedelta(days=DUE_LATER_DAYS)
    return tasks.filter(status__in=OPEN_STATUSES, due_date__lte=later)


def due_totals(rows: QuerySet[Obligation], tasks: QuerySet[Task], *, today: datetime.date) -> dict[str, int]:
    """The page's counts, over every unit (two queries)."""
    soon, later = due_soon_end(today), today + datetime.timedelta(days=DUE_LATER_DAYS)
    open_ = Q(state__in=(Obligation.State.MISSING, Obligation.State.DRAFT))
    reports = rows.aggregate(
        overdue=Count("pk", filter=open_ & Q(due__lt=today)),
        returned=Count("pk", filter=Q(state=Obligation.State.RETURNED)),
        due_7=Count("pk", filter=open_ & Q(due__gte=today, due__lte=soon)),
        due_30=Count("pk", filter=open_ & Q(due__gt=soon, due__lte=later)),
    )
    work = tasks.filter(status__in=OPEN_STATUSES).aggregate(
        overdue=Count("pk", filter=Q(due_date__lt=today)),
        due_7=Count("pk", filter=Q(due_date__gte=today, due_date__lte=soon)),
        due_30=Count("pk", filter=Q(due_date__gt=soon, due_date__lte=later)),
    )
    return {
        "overdue_reports": reports["overdue"],
        "overdue_tasks": work["overdue"],
        "returned": reports["returned"],
        "due_7": reports["due_7"] + work["due_7"],
        "due_30": reports["due_30"] + work["due_30"],
    }


def _report_list(today: datetime.date) -> Case:
    """The list of a unit's section an expected report goes in (`group_by_unit`'s rule), in SQL."""
    soon, later = due_soon_end(today), today + datetime.timedelta(days=DUE_LATER_DAYS)
    open_ = Q(state__in=(Obligation.State.MISSING, Obligation.State.DRAFT))
    return Case(
        When(state=Obligation.State.RETURNED, then=Value("returned")),
        When(open_ & Q(due__lt=today), then=Value("overdue_reports")),
        When(open_ & Q(due__gte=today, due__lte=soon), then=Value("reports_7")),
        When(open_ & Q(due__gt=soon, due__lte=later), then=Value("reports_30")),
        default=Value(""),
    )


def _task_list(today: datetime.date) -> Case:
    """The list of a unit's section an open task goes in (`group_by_unit`'s rule), in SQL."""
    soon, later = due_soon_end(today), today + datetime.timedelta(days=DUE_LATER_DAYS)
    return Case(
        When(due_date__lt=today, then=Value("overdue_tasks")),
        When(due_date__lte=soon, then=Value("tasks_7")),
        When(due_date__lte=later, then=Value("tasks_30")),
        default=Value(""),
    )


def _first_of_each_list(queryset: QuerySet, kind: Case, order: list, count: int) -> QuerySet:
    """The first `count` rows of each unit's list (`kind`) in `order`, each with the number of
    rows its list holds in all (`list_length`): a window over the units' rows in the database,
    not every row of twenty units made into objects to keep five of each list."""
    partition = [F("unit_id"), kind]
    return queryset.annotate(
        list_kind=kind,
        list_place=Window(RowNumber(), partition_by=partition, order_by=order),
        list_length=Window(Count("pk"), partition_by=partition),
    ).filter(list_place__lte=count)


def _left_out(rows: Iterable, count: int) -> dict[int, int]:
    """Per unit: the items its lists hold past the first `count` (read once per list)."""
    lengths = {(row.unit_id, row.list_kind): row.list_length for row in rows}
    left: dict[int, int] = {}
    for (unit_id, _kind), length in lengths.items():
        left[unit_id] = left.get(unit_id, 0) + max(0, length - count)
    return left


def due_sections(
    rows: QuerySet[Obligation],
    tasks: QuerySet[Task],
    deadlines: list[Deadline],
    *,
    today: datetime.date,
    unit_ids: list[int] | None = None,
    first: int | None = None,
) -> list[UnitDue]:
    """The sections of the units (all, or `unit_ids`): two queries. With `first`, each list
    holds only its first items, chosen in the database (the others counted in `hidden`)."""
    rows, tasks = _due_rows(rows, today), _due_tasks(tasks, today)
    if unit_ids is not None:
        rows, tasks = rows.filter(unit_id__in=unit_ids), tasks.filter(unit_id__in=unit_ids)
        deadlines = [deadline for deadline in deadlines if deadline.responsible_unit_id in unit_ids]
    if first is not None:
        report_order = [F("due").asc(), F("task_id").asc(nulls_last=True), F("rule_id").asc(), F("period_start").asc()]
        rows = _first_of_each_list(rows, _report_list(today), report_order, first)
        tasks = _first_of_each_list(tasks, _task_list(today), [F("due_date").asc(), F("pk").asc()], first)
    row_list = list(_with_objects(_ordered(rows)))
    task_list = list(tasks.select_related("activity", "activity__plan", "unit").order_by("due_date", "pk"))
    sections = group_by_unit(expected_from_rows(row_list, today=today), task_list, deadlines, today=today)
    if first is not None:
        left = _left_out(row_list, first)
        for unit_id, count in _left_out(task_list, first).items():
            left[unit_id] = left.get(unit_id, 0) + count
        for section in sections:
            section.hidden += left.get(section.unit.pk, 0)
    return sections


def due_page(
    user: AnyUser, *, today: datetime.date, unit_id: int | None = None, page: str | int | None = None
) -> DuePage:
    """The "what is due" page, twenty units at a time (`page`), whatever the amount of data:
    the units with something due (count and page), their expected reports, their tasks, the
    deadlines, the totals (two), the unit choices — nine queries for a province-wide reader
    (one more for a chosen unit), eight for an officer.

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
    rows = obligations_for_due(user, unit_id=chosen.pk if chosen is not None else None)
    deadlines = deadlines_for_due(user, start=today, end=today + datetime.timedelta(days=DUE_LATER_DAYS))
    unassigned = [d for d in deadlines if not d.responsible_unit_id] if whole and chosen is None else []
    if chosen is not None:
        deadlines = [d for d in deadlines if d.responsible_unit_id == chosen.pk]
    # The units with something due, in Vietnamese order, a page at a time.
    with_deadlines = {d.responsible_unit_id for d in deadlines if d.responsible_unit_id}
    units = Unit.objects.filter(
        Q(pk__in=_due_rows(rows, today).values("unit_id"))
        | Q(pk__in=_due_tasks(tasks, today).values("unit_id"))
        | Q(pk__in=with_deadlines)
    ).order_by("sort_key", "pk")
    unit_list = units.values_list("pk", flat=True)
    # The whole country's units with something due (a reader of every province): read over
    # every expected report and task, so kept until those change (the deadlines' units,
    # read live, are part of the key).
    country = chosen is None and permissions.sees_every_province(user)
    if country:
        key = f"due:units:{today.isoformat()}:{','.join(map(str, sorted(with_deadlines)))}"
        unit_list = cached_obligation_figures(key, lambda: list(unit_list))
    paginated = Paginator(unit_list, DUE_UNITS_PER_PAGE).get_page(page)
    unit_ids = list(paginated.object_list)
    # Every unit: the first items of each list (chosen in the database), and a link to the
    # unit's own page, which has them all.
    first = DUE_ITEMS_PER_LIST if chosen is None else None
    sections = due_sections(rows, tasks, deadlines, today=today, unit_ids=unit_ids, first=first) if unit_ids else []
    order = {pk: n for n, pk in enumerate(unit_ids)}
    sections.sort(key=lambda section: order[section.unit.pk])
    if chosen is None:
        for section in sections:
            section.shorten(DUE_ITEMS_PER_LIST)  # the deadlines (read whole, a few)
    paginated.object_list = sections
    if country:
        totals = cached_obligation_figures(
            f"due:totals:{today.isoformat()}", lambda: due_totals(rows, tasks, today=today)
        )
    else:
        totals = due_totals(rows, tasks, today=today)
    return DuePage(sections, chosen, unassigned, totals, paginated)


def overdue_report_count(user: AnyUser, *, today: datetime.date) -> int:
    """The number in the navigation badge: overdue reports the user answers for (one query)."""
    if not (permissions.sees_whole_programme(user) or permissions.is_unit_officer(user)):
        return 0
    return obligations_for_due(user).filter(state__in=NOT_REPORTED, due__lt=today).count()


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
    on_time: int = 0
    late: int = 0
    missing: int = 0
    not_yet_due: int = 0


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


def _cell_state(cell: Cell) -> str:
    if not cell.expected:
        return ""
    if cell.missing:
        return MISSING
    if cell.not_yet_due:
        return NOT_YET_DUE
    return LATE if cell.late else ON_TIME


def classified_counts(today: datetime.date) -> dict[str, Count]:
    """Expected reports counted as the scoreboard classifies them: in on time (by its due
    date) or late, missing once the due date has passed, not yet due before it."""
    reported = Q(state__in=REPORTED)
    late = reported & Q(submitted_on__isnull=False, submitted_on__gt=F("due"))
    return {
        "on_time": Count("pk", filter=reported & ~late),
        "late": Count("pk", filter=late),
        "missing": Count("pk", filter=Q(state__in=NOT_REPORTED, due__lt=today)),
        "not_yet_due": Count("pk", filter=Q(state__in=NOT_REPORTED, due__gte=today)),
    }


def scoreboard(user: AnyUser, *, plan: Plan | None, year: int, today: datetime.date) -> Scoreboard:
    """Units × reporting periods of one plan's rules in one year (like DHIS2's reporting rate).

    A cell sums the unit's expected reports for the period: missing when one is overdue, not
    yet due while one is outstanding before its date, late when all are in but one came late,
    on time otherwise. Totals count expected reports whose due date has passed (or that are
    in already): % on time and % reported. Province-wide readers see every unit; an officer
    sees only their unit's row. Queries: the rules, the counts per unit and period (grouped in
    the database), whatever the number of units and tasks.
    """
    if plan is None:
        return Scoreboard(None, year, [], [], None)
    rules = list(plan.reporting_rules.order_by("frequency", "id"))
    columns = [
        Column(rule, period)
        for rule in rules
        for period in periods_for_rule(rule)
        if period.due.year == year or period.end.year == year
    ]
    columns.sort(key=lambda column: (column.period.due, column.period.start, column.rule.pk))
    index = {(column.rule.pk, column.period.start, column.period.end): n for n, column in enumerate(columns)}
    if not columns:
        return Scoreboard(plan, year, columns, [], None)
    first, last = min(c.period.start for c in columns), max(c.period.end for c in columns)
    counts = (
        obligations_for_due(user)
        .filter(plan=plan, rule__in=[rule.pk for rule in rules], period_start__gte=first, period_end__lte=last)
        .order_by()
        .values("unit_id", "unit__name", "unit__sort_key", "rule_id", "period_start", "period_end")
        .annotate(expected=Count("pk"), reported=Count("pk", filter=Q(state__in=REPORTED)), **classified_counts(today))
    )
    rows: dict[int, Row] = {}
    total = Row(Unit(name=""), [Cell() for _ in columns])
    for group in counts:
        n = index.get((group["rule_id"], group["period_start"], group["period_end"]))
        if n is None:
            continue
        unit = Unit(pk=group["unit_id"], name=group["unit__name"], sort_key=group["unit__sort_key"])
        row = rows.setdefault(unit.pk, Row(unit, [Cell() for _ in columns]))
        cell, column = row.cells[n], columns[n]
        cell.expected += group["expected"]
        cell.reported += group["reported"]
        for kind in ("on_time", "late", "missing", "not_yet_due"):
            setattr(cell, kind, getattr(cell, kind) + group[kind])
            setattr(column, kind, getattr(column, kind) + group[kind])
            if kind != "not_yet_due":
                setattr(row, kind, getattr(row, kind) + group[kind])
                setattr(total, kind, getattr(total, kind) + group[kind])
    for row in rows.values():
        for cell in row.cells:
            cell.state = _cell_state(cell)
    row_list = sorted(rows.values(), key=lambda row: (row.unit.sort_key, row.unit.pk))
    return Scoreboard(plan, year, columns, row_list, total if row_list else None)
