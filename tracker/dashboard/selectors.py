"""Reads for the dashboard (trang tổng quan): what is late, who has not reported, how much is
disbursed, how far the work has got — read at a glance, each figure linking to its list.

Two scopes, one page:

- province-wide readers (DIC managers, finance officers, monitors) see the whole sub-project;
- a unit officer sees their own unit's work: the tasks their unit (or a collective it belongs
  to) answers for (`selectors_due.tasks_for_due`), the money allocated to their unit, and the
  recent events of the tasks they may see.

Nothing is counted twice here: the expected reports and their states come from
`selectors_due` (the machinery of the "what is due" page and the timeliness scoreboard),
achieved quantities from `selectors_progress`, money from whatever app registered it in
`tracker.core.extensions` (budgets does; the tracker imports nothing of it, and without it the
page has no money section). The page costs the same number of queries whatever the amount of
data (tests/tracker/dashboard/test_dashboard.py counts them).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from tracker.core import calendar, extensions, numbers, permissions
from tracker.core.areas import AREA_DEPTH, plan_province_id
from tracker.core.calendar import overdue
from tracker.core.obligation_figures import cached_obligation_figures
from tracker.core.permissions import AnyUser
from tracker.core.successions import province_successors
from tracker.core.text import vietnamese_sort_key
from tracker.due import selectors as selectors_due
from tracker.models import (
    Area,
    Obligation,
    OutputIndicator,
    Plan,
    ProgressReport,
    Task,
    TaskComment,
    Unit,
)
from tracker.outputs import selectors as output_selectors
from tracker.outputs.selectors import indicator_key

LIST_LENGTH = 8  # rows of each "latest" list; the full list is one click away
RECENT_LENGTH = 10


def _url(name: str, *args, **params) -> str:
    url = reverse(name, args=args)
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


def can_see_dashboard(user: AnyUser) -> bool:
    """Everyone who follows the work: province-wide readers and unit officers."""
    return permissions.sees_whole_programme(user) or permissions.is_unit_officer(user)


# --- Progress by content type and by area ------------------------------------------------------


@dataclass
class ProgressRow:
    """Planned and achieved quantities of one group (a content type, an area) for one
    indicator: only quantities of the same indicator are added (`indicator_key`), never
    merely those of one unit of measure (seed 002's 200 and 21 households stay apart)."""

    key: int | None
    label: str
    unit_of_measure: str
    indicator: str = ""
    planned: int = 0
    achieved: int = 0
    count: int = 0  # outputs (whole programme) or tasks (a unit) behind the figures
    href: str = ""
    level: str = ""  # areas: the area's level, for the indentation
    order_key: tuple = ()  # content types: their order in the programme
    first: bool = True  # the group's first row (the table prints the group's name once)

    @property
    def percent(self) -> int | None:
        return numbers.percent(self.achieved, self.planned)


def _grouped(rows: dict[tuple, ProgressRow], order: list) -> list[ProgressRow]:
    """Rows in the groups' order, indicators alphabetically within a group."""
    result = []
    by_group: dict = defaultdict(list)
    for (group, _indicator), row in rows.items():
        by_group[group].append(row)
    for group in order:
        for index, row in enumerate(
            sorted(by_group.get(group, []), key=lambda r: (vietnamese_sort_key(r.indicator), r.unit_of_measure))
        ):
            row.first = index == 0
            result.append(row)
    return result


def _type_row(rows: dict, activity, output: OutputIndicator) -> ProgressRow:
    kind = activity.activity_type
    unit_of_measure = output.unit_of_measure
    key = (kind.pk if kind else None, indicator_key(output.indicator_id, output.name, unit_of_measure))
    if key not in rows:
        label = kind.name if kind else _("Content type not given")
        rows[key] = ProgressRow(
            kind.pk if kind else None,
            label,
            unit_of_measure,
            indicator=output.name,
            href=_url("tracker:board", activity_type=kind.pk) if kind else _url("tracker:board"),
        )
    return rows[key]


def _type_order(rows: dict) -> list:
    """Content types in their own order (the programme's numbering); "not given" last."""
    kinds = {}
    for (kind_id, _indicator), row in rows.items():
        kinds[kind_id] = row
    return sorted(kinds, key=lambda kind_id: (kind_id is None, kinds[kind_id].order_key))


def outputs_for_dashboard(user: AnyUser) -> QuerySet[OutputIndicator]:
    """The outputs of the activities the user may see in issued plans, with `achieved`."""
    activities = permissions.activities_visible_to(user).filter(plan__status=Plan.Status.ISSUED)
    return output_selectors.annotate_achieved(
        OutputIndicator.objects.filter(activity__in=activities.values("pk"))
        .select_related("activity__activity_type")
        .only(
            "pk",
            "name",
            "indicator_id",
            "planned_quantity",
            "unit_of_measure",
            "activity__activity_type__id",
            "activity__activity_type__name",
            "activity__activity_type__order",
        )
    )


def progress_by_type_from_outputs(outputs) -> list[ProgressRow]:
    """Planned and achieved (accepted reported quantities plus records) per content type and
    unit of measure, over the outputs of the plans' activities."""
    rows: dict[tuple, ProgressRow] = {}
    for output in outputs:
        row = _type_row(rows, output.activity, output)
        row.order_key = (output.activity.activity_type.order, row.label) if output.activity.activity_type else ()
        row.planned += output.planned_quantity or 0
        row.achieved += output.achieved
        row.count += 1
    return _grouped(rows, _type_order(rows))


def tasks_with_quantities(tasks: QuerySet[Task]) -> list[Task]:
    """The tasks that carry a quantity (an output and a target quantity), with `achieved` — the
    accepted quantities their unit reported — and the ids of their area and the areas above
    it, `area_0` (its own) to `area_3` (one query)."""
    paths = ["area" + "__parent" * depth for depth in range(AREA_DEPTH)]
    queryset = (
        tasks.filter(output_indicator__isnull=False, target_quantity__isnull=False)
        .select_related("activity__activity_type", "output_indicator")
        .annotate(**{f"area_{depth}": F(f"{path}_id") for depth, path in enumerate(paths)})
        .only(
            "pk",
            "target_quantity",
            "area_id",
            "activity__activity_type__id",
            "activity__activity_type__name",
            "activity__activity_type__order",
            "output_indicator__unit_of_measure",
            "output_indicator__name",
            "output_indicator__indicator_id",
        )
        .order_by("pk")
    )
    return list(output_selectors.annotate_task_achieved(queryset))


def progress_by_type_from_tasks(tasks: list[Task]) -> list[ProgressRow]:
    """A unit's planned (the tasks' target quantities) and achieved figures per content type."""
    rows: dict[tuple, ProgressRow] = {}
    for task in tasks:
        row = _type_row(rows, task.activity, task.output_indicator)
        row.order_key = (task.activity.activity_type.order, row.label) if task.activity.activity_type else ()
        row.planned += task.target_quantity
        row.achieved += task.achieved
        row.count += 1
    return _grouped(rows, _type_order(rows))


def progress_by_area(tasks: list[Task], *, with_children: bool = True) -> list[ProgressRow]:
    """Planned and achieved quantities of the tasks by area: each province, then the areas
    directly under it (the districts of the seeds' plans; since 1/7/2025, communes), a task
    counting for the one its area lies in. One query, for the areas' names.

    A task in a commune counts for its district and its province; a task at province level
    only for the province; a task with no area on a row of its own. Without `with_children` (the
    national shape: a row per province, not every commune's) only the provinces.
    """
    chains: dict[int, list[int]] = {}
    for task in tasks:
        chains[task.pk] = [getattr(task, f"area_{depth}") for depth in range(AREA_DEPTH)]
    ids = {area_id for chain in chains.values() for area_id in chain if area_id}
    areas = {area.pk: area for area in Area.objects.filter(pk__in=ids).only("pk", "name", "level")} if ids else {}
    rows: dict[tuple, ProgressRow] = {}
    children: dict[int, set[int]] = defaultdict(set)

    def add(area_id: int | None, task: Task) -> None:
        output = task.output_indicator
        unit_of_measure = output.unit_of_measure
        key = (area_id, indicator_key(output.indicator_id, output.name, unit_of_measure))
        if key not in rows:
            area = areas.get(area_id)
            rows[key] = ProgressRow(
                area_id,
                area.name if area else _("No area given"),
                unit_of_measure,
                indicator=output.name,
                href=_url("tracker:board", area=area_id),
                level=area.level if area else "",
            )
        row = rows[key]
        row.planned += task.target_quantity
        row.achieved += task.achieved
        row.count += 1

    for task in tasks:
        chain = [area_id for area_id in chains[task.pk] if area_id]
        if not chain:
            add(None, task)
            continue
        top = chain[-1]
        add(top, task)
        if with_children and len(chain) >= 2:
            add(chain[-2], task)
            children[top].add(chain[-2])
    tops = sorted(
        {key[0] for key in rows if key[0] is not None and not any(key[0] in below for below in children.values())},
        key=lambda area_id: vietnamese_sort_key(areas[area_id].name),
    )
    order: list = []
    for top in tops:
        order.append(top)
        order += sorted(children[top], key=lambda area_id: vietnamese_sort_key(areas[area_id].name))
    if any(key[0] is None for key in rows):
        order.append(None)
    return _grouped(rows, order)


# --- Overdue work and reporting --------------------------------------------------------------


@dataclass
class UnitReporting:
    """A unit's expected reports whose due date has passed (or that are in already): on time,
    late, missing — the scoreboard's counts over every period so far."""

    unit: Unit
    on_time: int = 0
    late: int = 0
    missing: int = 0
    href: str = ""

    @property
    def label(self) -> str:
        return self.unit.name

    @property
    def expected_due(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def percent_on_time(self) -> int | None:
        return numbers.percent(self.on_time, self.expected_due)

    @property
    def percent_reported(self) -> int | None:
        return numbers.percent(self.on_time + self.late, self.expected_due)


@dataclass
class ProvinceReporting(UnitReporting):
    """The national shape: a province's expected reports, and how many of its units have some
    missing; links to the province's page of the national view."""

    province: Area | None = None
    units_missing: int = 0

    @property
    def label(self) -> str:
        return self.province.name if self.province is not None else _("Plans of no province")


@dataclass
class ReportingFigures:
    rows: list[UnitReporting]  # per unit (a province) or per province (every province)
    total: UnitReporting
    due_soon: int = 0
    returned: int = 0
    units_missing: int = 0


def _reporting_counts(today: datetime.date) -> dict[str, Count]:
    """The scoreboard's classes (`selectors_due.classified_counts`) and the first screen's
    counts, in one pass over the rows: overdue is "missing", due within the week and returned
    are counted beside."""
    soon = calendar.due_soon_end(today)
    counts = selectors_due.classified_counts(today)
    not_in = Q(state__in=selectors_due.NOT_REPORTED)
    return {
        "on_time": counts["on_time"],
        "late": counts["late"],
        "missing": counts["missing"],
        "due_soon": Count("pk", filter=not_in & Q(due__gte=today, due__lte=soon)),
        "returned": Count("pk", filter=Q(state=Obligation.State.RETURNED)),
    }


def reporting_by_unit(rows: QuerySet[Obligation], *, today: datetime.date, whole: bool) -> ReportingFigures:
    """Per unit and in total, classified as the scoreboard classifies, counted in the database
    (one query, which also counts what is due within the week and what was returned); reports
    not yet due are left out of the rows. Units with missing reports first, then by name."""
    groups = (
        rows.order_by()
        .values("unit_id", "unit__name", "unit__sort_key")
        .annotate(**_reporting_counts(today))
        .order_by("-missing", "unit__sort_key", "unit_id")
    )
    figures = ReportingFigures([], UnitReporting(Unit(name="")))
    total = figures.total
    for group in groups:
        figures.due_soon += group["due_soon"]
        figures.returned += group["returned"]
        unit = Unit(pk=group["unit_id"], name=group["unit__name"], sort_key=group["unit__sort_key"])
        row = UnitReporting(
            unit,
            on_time=group["on_time"],
            late=group["late"],
            missing=group["missing"],
            href=_url("tracker:due", unit=unit.pk) if whole else "",
        )
        if not row.expected_due:
            continue
        figures.rows.append(row)
        figures.units_missing += bool(row.missing)
        total.on_time += row.on_time
        total.late += row.late
        total.missing += row.missing
    return figures


def reporting_by_province(rows: QuerySet[Obligation], *, today: datetime.date) -> ReportingFigures:
    """The national shape (a reader of every province): per province in force — the plans'
    provinces, an ended province counting for its successor — and in total, with the number
    of units with missing reports; never a row per unit of the country. Four queries: the
    counts per plan and unit (a few per commune), the provinces, the successions, the plans
    with their areas."""
    groups = rows.order_by().values("plan_id", "unit_id").annotate(**_reporting_counts(today))
    provinces = {
        area.pk: ProvinceReporting(
            Unit(name=""), province=area, href=reverse("tracker:national_province", args=[area.pk])
        )
        for area in Area.objects.in_force(today).filter(level=Area.Level.PROVINCE).only("pk", "name", "level")
    }
    shared = ProvinceReporting(Unit(name=""))
    successors = province_successors()
    plan_rows: dict[int, ProvinceReporting] = {}
    for plan in Plan.objects.select_related("area__parent__parent__parent", "issuer__area__parent__parent__parent"):
        province_id = plan_province_id(plan)
        province_id = successors.get(province_id, province_id)
        plan_rows[plan.pk] = provinces.get(province_id, shared) if province_id is not None else shared
    figures = ReportingFigures([], UnitReporting(Unit(name="")))
    missing_units: dict[int, set[int]] = defaultdict(set)
    for group in groups:
        row = plan_rows.get(group["plan_id"], shared)
        figures.due_soon += group["due_soon"]
        figures.returned += group["returned"]
        row.on_time += group["on_time"]
        row.late += group["late"]
        row.missing += group["missing"]
        if group["missing"]:
            missing_units[id(row)].add(group["unit_id"])
    candidates = [*provinces.values(), shared]
    for row in candidates:
        row.units_missing = len(missing_units.get(id(row), ()))
        figures.units_missing += row.units_missing
        figures.total.on_time += row.on_time
        figures.total.late += row.late
        figures.total.missing += row.missing
    figures.rows = sorted(
        (row for row in candidates if row.expected_due),
        key=lambda row: (-row.missing, row.province is None, vietnamese_sort_key(row.label)),
    )
    return figures


# --- Money ------------------------------------------------------------------------------------


# A row of money: a funding source's allocated and disbursed amounts, rate and link.
MoneyRow = extensions.MoneyFigure


def money_by_source(user: AnyUser) -> extensions.MoneyFigures | None:
    """Allocated and disbursed by funding source, all budget years, as the registered money
    provider counts it for the user (budgets: the budget execution page's figures, one query).
    None when no app provides money or it is none of the user's business."""
    return extensions.dashboard_money(user)


# --- Recent activity ----------------------------------------------------------------------------


@dataclass
class Event:
    when: datetime.datetime
    who: str
    what: str
    subject: str
    href: str
    kind: str  # accepted, submitted, comment, task — the row's badge


def _name(user) -> str:
    if user is None:
        return _("the system")
    return user.get_full_name() or user.get_username()


def recent_activity(user: AnyUser) -> list[Event]:
    """The latest submitted and accepted reports, comments and changes to tasks the user may
    see, newest first (three queries)."""
    plan_ids = permissions.province_plan_ids(user) if permissions.sees_whole_programme(user) else None
    if plan_ids is not None:
        # A province's tasks by its plans' ids (read once per request), which PostgreSQL
        # estimates; the same tasks as `tasks_visible_to`.
        tasks = Task.objects.filter(activity__plan_id__in=plan_ids)
    else:
        tasks = permissions.tasks_visible_to(user)
    events: list[Event] = []
    reports = (
        ProgressReport.objects.filter(
            task__in=tasks.values("pk"), status__in=[ProgressReport.Status.SUBMITTED, ProgressReport.Status.ACCEPTED]
        )
        .annotate(moment=Coalesce("reviewed_at", "submitted_at"))
        .filter(moment__isnull=False)
        .select_related("task", "task__unit", "submitted_by", "reviewed_by")
        .order_by("-moment", "-pk")[:RECENT_LENGTH]
    )
    for report in reports:
        accepted = report.status == ProgressReport.Status.ACCEPTED
        events.append(
            Event(
                when=report.moment,
                who=_name(report.reviewed_by if accepted else report.submitted_by),
                what=_("accepted the report for %(start)s–%(end)s")
                if accepted
                else _("submitted the report for %(start)s–%(end)s"),
                subject=report.task.deliverable,
                href=reverse("tracker:report_detail", args=[report.pk]),
                kind="accepted" if accepted else "submitted",
            )
        )
        events[-1].what %= {"start": f"{report.period_start:%d/%m/%Y}", "end": f"{report.period_end:%d/%m/%Y}"}
    comments = (
        TaskComment.objects.filter(task__in=tasks.values("pk"))
        .select_related("task", "author")
        .order_by("-created_at", "-pk")[:RECENT_LENGTH]
    )
    for comment in comments:
        events.append(
            Event(
                when=comment.created_at,
                who=_name(comment.author),
                what=_("commented"),
                subject=comment.task.deliverable,
                href=reverse("tracker:task_detail", args=[comment.task_id]),
                kind="comment",
            )
        )
    changes = Task.history.filter(id__in=tasks.values("pk")).select_related("history_user")
    if permissions.reads_every_province(user):
        # Every task: the newest ten read backwards from the history_date index.
        changes = changes.order_by("-history_date", "-history_id")[:RECENT_LENGTH]
    else:
        # Ordered by an expression, not by that index: walking it backwards looking for ten
        # of a province's tasks read 44k rows where the province's tasks were the oldest; the
        # history of the user's tasks (by the id index), sorted, is a few thousand rows.
        changes = changes.annotate(moment=Coalesce("history_date", "history_date")).order_by("-moment", "-history_id")[
            :RECENT_LENGTH
        ]
    verbs = {"+": _("created the task"), "~": _("changed the task"), "-": _("removed the task")}
    for change in changes:
        events.append(
            Event(
                when=change.history_date,
                who=_name(change.history_user),
                what=verbs.get(change.history_type, _("changed the task")),
                subject=change.deliverable,
                # A removed task has no page left to show.
                href="" if change.history_type == "-" else reverse("tracker:task_history", args=[change.id]),
                kind="task",
            )
        )
    events.sort(key=lambda event: event.when, reverse=True)
    return events[:RECENT_LENGTH]


# --- The page -----------------------------------------------------------------------------------


@dataclass
class Dashboard:
    whole: bool  # the whole sub-project, or one unit's work
    unit: Unit | None
    today: datetime.date
    overdue_reports: list[selectors_due.ExpectedReport]
    overdue_report_count: int
    overdue_tasks: list[Task]
    overdue_task_count: int
    due_soon_count: int
    returned_count: int
    reporting: list[UnitReporting]  # per unit, or — `national` — per province
    reporting_total: UnitReporting
    not_reported: list[UnitReporting]  # units (provinces) with missing reports
    by_type: list[ProgressRow]
    by_area: list[ProgressRow]
    money: list[MoneyRow] | None  # None: no money section at all
    money_total: MoneyRow | None
    recent: list[Event] = field(default_factory=list)
    money_link: str = ""  # the page of all the money, from its provider
    national: bool = False  # a reader of every province: the figures rolled up by province
    units_missing: int = 0  # units with missing reports

    @property
    def links(self) -> dict[str, str]:
        return {
            "due": reverse("tracker:due"),
            "timeliness": reverse("tracker:timeliness"),
            "overdue_board": _url("tracker:board", due="overdue"),
            "board": reverse("tracker:board"),
            "national": reverse("tracker:national"),
        }


def dashboard(user: AnyUser, *, today: datetime.date) -> Dashboard:
    """The whole page. Queries: the user's roles; the scope (a province's issued plans, or an
    officer's units, as ids); the expected reports counted per unit — or, for a reader of
    every province, per plan and unit, rolled up by province (three more: the provinces, the
    successions, the plans' areas) — and the first overdue ones, in the database
    (`selectors_due`, over the rows `tracker.core.obligations` keeps); the first overdue tasks
    and their count; the tasks with quantities; the areas' names; the outputs (whole
    programme only); the money; three for recent activity — the same number whatever the
    amount of data, and no Python object per expected report."""
    if not can_see_dashboard(user):
        raise PermissionDenied
    whole = permissions.sees_whole_programme(user)
    # The ministry's readers of every province (national monitors, superusers) see the
    # country rolled up by province; a DIC manager whose unit has no area (a single-province
    # installation) keeps the units.
    national = whole and permissions.sees_every_province(user)
    due_tasks = selectors_due.tasks_for_due(user)
    rows = selectors_due.obligations_for_due(user)
    not_in = Q(state__in=selectors_due.NOT_REPORTED)
    overdue_rows = rows.filter(not_in, due__lt=today)
    if national:
        # Every expected report of the country: the first overdue ones are chosen once per
        # change of the rows (`tracker.core.obligation_figures`), not on every visit.
        overdue_ids = cached_obligation_figures(
            f"dashboard:national:overdue:{today.isoformat()}",
            lambda: selectors_due.first_ids(overdue_rows, LIST_LENGTH),
        )
    else:
        overdue_ids = selectors_due.first_ids(overdue_rows, LIST_LENGTH)
    overdue_reports = selectors_due.expected_from_rows(selectors_due.listed_by_ids(overdue_ids), today=today)
    overdue_tasks = list(
        due_tasks.filter(overdue(today, plan="activity__plan__"))
        .select_related("activity", "activity__plan", "unit")
        .order_by("due_date", "pk")[:LIST_LENGTH]
    )
    for task in overdue_tasks:
        task.url = selectors_due.task_url(task)
        task.days_overdue = (today - task.due_date).days
    if national:
        # Every expected report of the country: counted once per change of the rows
        # (`tracker.core.obligation_figures`), not on every visit.
        reporting = cached_obligation_figures(
            f"dashboard:national:{today.isoformat()}", lambda: reporting_by_province(rows, today=today)
        )
    else:
        reporting = reporting_by_unit(rows, today=today, whole=whole)
    overdue_tasks_all = due_tasks.filter(overdue(today, plan="activity__plan__"))
    if national:
        # Every task of the country: counted once per change of the tasks or their plans
        # (their services go through `tracker.core.obligations`), not on every visit.
        overdue_task_count = cached_obligation_figures(
            f"dashboard:national:overdue-tasks:{today.isoformat()}", overdue_tasks_all.count
        )
    else:
        overdue_task_count = overdue_tasks_all.count()
    quantities = tasks_with_quantities(due_tasks)
    if whole:
        by_type = progress_by_type_from_outputs(outputs_for_dashboard(user))
    else:
        by_type = progress_by_type_from_tasks(quantities)
    money = money_by_source(user)
    return Dashboard(
        whole=whole,
        unit=None if whole else getattr(user, "unit", None),
        today=today,
        overdue_reports=overdue_reports,
        # Overdue: not in and past its due date, which the scoreboard calls missing.
        overdue_report_count=reporting.total.missing,
        overdue_tasks=overdue_tasks,
        overdue_task_count=overdue_task_count,
        due_soon_count=reporting.due_soon,
        returned_count=reporting.returned,
        reporting=reporting.rows,
        reporting_total=reporting.total,
        not_reported=[row for row in reporting.rows if row.missing],
        by_type=by_type,
        by_area=progress_by_area(quantities, with_children=not national),
        money=list(money.rows) if money else None,
        money_total=money.total if money else None,
        recent=recent_activity(user),
        money_link=money.link if money else "",
        national=national,
        units_missing=reporting.units_missing,
    )
