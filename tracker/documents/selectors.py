"""Reads, each named after the page it serves, each doing its own joins and aggregation.

Every function takes the user and applies ``tracker.core.permissions`` visibility, so a page
cannot show more than its reader may see. They fetch a fixed number of queries whatever the
amount of data (the page tests assert it), so templates never touch the database per row.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tracker.core import numbers, permissions
from tracker.core.calendar import ReportingPeriod, due_soon_end, periods_for_rule, today
from tracker.core.classifications import annotate_classification
from tracker.core.outcome import FinalState, final_state, period_is_over
from tracker.core.permissions import AnyUser
from tracker.core.search import accent_free
from tracker.core.text import vietnamese_sort_key
from tracker.documents import timeline
from tracker.models import (
    Activity,
    Area,
    AreaSuccession,
    Cooperation,
    Deadline,
    OutputIndicator,
    Plan,
    PlanLegalBasis,
    Progress,
    ReportingRule,
    Target,
    Task,
    Unit,
)
from tracker.outputs import selectors as output_selectors
from tracker.outputs.targets import TargetTable, target_table


def _count(queryset: QuerySet, group_by: str) -> Coalesce:
    """A correlated COUNT(*) of ``queryset`` (already filtered on OuterRef) as an annotation."""
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted), 0)


def _section_key(code: str) -> tuple:
    """'2.10' after '2.9': sections sort by their numbers, not as text."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.\s]+", code) if part)


def _due_state(due: datetime.date | None, on: datetime.date) -> str:
    """'past', 'soon' or '' — how a due date stands on a day."""
    if due is None:
        return ""
    if due < on:
        return "past"
    if due <= due_soon_end(on):
        return "soon"
    return ""


def _vietnamese_sorted(items, key=lambda item: item.name):
    return sorted(items, key=lambda item: vietnamese_sort_key(key(item)))


# --- Plan list ------------------------------------------------------------------------------


def plans_for_list(
    user: AnyUser,
    *,
    status: str = "",
    year: int | None = None,
    issuer_id: int | None = None,
    search: str = "",
) -> QuerySet[Plan]:
    """The plans the user may see, newest first, with counts of the activities the user sees.

    One query for the page (plus the paginator's count): the activity and overdue counts are
    correlated subqueries, so they need no join that would multiply the rows.
    """
    per_plan = permissions.activities_visible_to(user).filter(plan=OuterRef("pk"))
    plans = (
        permissions.plans_visible_to(user)
        .select_related("issuer")
        .annotate(
            activity_count=_count(per_plan, "plan"),
            overdue_count=_count(per_plan.overdue(today()), "plan"),
        )
    )
    if status:
        plans = plans.filter(status=status)
    if year:
        # A plan belongs to every year its period touches (2023–2025 shows under 2024).
        plans = plans.filter(period_start__year__lte=year, period_end__year__gte=year)
    if issuer_id is not None:
        plans = plans.filter(issuer_id=issuer_id)
    if search:
        plans = plans.filter(accent_free(("title", "number_symbol"), search))
    # Newest first: by the date of issue, a draft (no date yet) by the start of its period.
    return plans.order_by(Coalesce("issued_on", "period_start").desc(), "-pk")


def plan_issuers(user: AnyUser) -> list[Unit]:
    """The units that issued a plan the user may see (the list page's issuer filter)."""
    units = Unit.objects.filter(pk__in=permissions.plans_visible_to(user).values("issuer"))
    return _vietnamese_sorted(units)


# --- Plan detail (the document) ---------------------------------------------------------------


@dataclass
class ContentItem:
    """One content (section II) of a plan, with what the page shows about it."""

    activity: Activity
    cooperations: list[Cooperation]
    outputs: list
    is_overdue: bool
    # Once the plan's period is over: how the activity ended, by its results (else None).
    final_state: FinalState | None = None


@dataclass
class DeadlineItem:
    deadline: Deadline
    due: datetime.date | None
    state: str


@dataclass
class PeriodItem:
    period: ReportingPeriod
    state: str


@dataclass
class ReportingItem:
    rule: ReportingRule
    periods: list[PeriodItem]

    @property
    def next_due(self) -> PeriodItem | None:
        return next((item for item in self.periods if item.state != "past"), None)


@dataclass
class PlanDocument:
    plan: Plan
    today: datetime.date
    legal_bases: list[PlanLegalBasis]
    contents: list[ContentItem]
    duties: list
    deadlines: list[DeadlineItem]
    reporting: list[ReportingItem]
    targets: TargetTable
    blank_number: str = ""

    @property
    def target_rows(self) -> list[tuple]:
        """(row, [(column, value), …]) so each cell knows its column (phones label cells)."""
        return [(row, list(zip(self.targets.columns, row.values, strict=True))) for row in self.targets.rows]

    @property
    def target_totals(self) -> list[tuple]:
        return list(zip(self.targets.columns, self.targets.totals, strict=True))

    @property
    def target_years_vary(self) -> bool:
        """Whether column headings need their year (a baseline year beside a target year)."""
        return len({column.year for column in self.targets.columns}) > 1

    @property
    def overdue_count(self) -> int:
        return sum(item.is_overdue for item in self.contents)


def _reporting_items(rules, on: datetime.date) -> list[ReportingItem]:
    """Each rule with its periods marked past / due soon; the rule due first comes first."""
    items = [
        ReportingItem(
            rule=rule, periods=[PeriodItem(period=p, state=_due_state(p.due, on)) for p in periods_for_rule(rule)]
        )
        for rule in rules
    ]
    return sorted(
        items, key=lambda item: (item.periods[0].period.due if item.periods else datetime.date.max, item.rule.pk)
    )


def _visible_plan(user: AnyUser, pk: int) -> Plan:
    plans = permissions.plans_visible_to(user).select_related("issuer__parent", "area", "programme_component")
    return permissions.get_visible_or_404(plans, pk=pk)


def _plan_activities(user: AnyUser, plan: Plan) -> QuerySet[Activity]:
    return permissions.activities_visible_to(user).filter(plan=plan)


def _plan_deadlines(user: AnyUser, plan: Plan) -> list[Deadline]:
    deadlines = Deadline.objects.filter(plan=plan).select_related("activity", "responsible_unit")
    if not permissions.sees_whole_programme(user):
        # Plan-wide deadlines, and those of the activities the officer can open.
        deadlines = deadlines.filter(Q(activity__isnull=True) | Q(activity__in=_plan_activities(user, plan)))
    deadlines = list(deadlines)
    for deadline in deadlines:
        deadline.plan = plan  # effective_due_date reads the plan: no query per row
    return deadlines


def _deadline_sort_key(item: DeadlineItem) -> tuple:
    return (item.due is None, item.due or datetime.date.max, item.deadline.pk)


def plan_document(user: AnyUser, pk: int) -> PlanDocument:
    """Everything the plan page prints, in the order the document has it.

    Queries: the plan (with issuer, its parent, area, programme component), legal bases,
    activities, their cooperating units, their outputs, duties, deadlines, reporting rules,
    targets — nine, whatever the size of the plan.
    """
    on = today()
    plan = _visible_plan(user, pk)
    legal_bases = list(PlanLegalBasis.objects.filter(plan=plan).select_related("document"))
    activities = list(
        _plan_activities(user, plan)
        .select_related("activity_type", "lead_unit", "area")
        .prefetch_related(
            Prefetch("cooperations", queryset=Cooperation.objects.select_related("unit").order_by("id")),
            # Each output with its accepted achieved quantity, in the same query.
            Prefetch("output_indicators", queryset=output_selectors.annotate_achieved(OutputIndicator.objects.all())),
        )
    )
    for activity in activities:
        for output in activity.output_indicators.all():
            output.percent = numbers.percent(output.achieved, output.planned_quantity)
    activities.sort(key=lambda activity: (activity.order, _section_key(activity.section_code), activity.pk))
    # A plan whose period is over shows how each activity ended, not "not started / overdue".
    over = period_is_over(plan, on)
    contents = [
        ContentItem(
            activity=activity,
            cooperations=list(activity.cooperations.all()),
            outputs=list(activity.output_indicators.all()),
            is_overdue=activity.is_overdue(on) and not over,
            final_state=(
                final_state(
                    activity.status,
                    [(output.achieved, output.planned_quantity) for output in activity.output_indicators.all()],
                )
                if over
                else None
            ),
        )
        for activity in activities
    ]
    duties = list(plan.duties.select_related("unit"))
    deadlines = sorted(
        (
            DeadlineItem(deadline=d, due=d.effective_due_date, state=_due_state(d.effective_due_date, on))
            for d in _plan_deadlines(user, plan)
        ),
        key=_deadline_sort_key,
    )
    reporting = _reporting_items(plan.reporting_rules.select_related("reporter", "recipient"), on)
    # A number not yet given is left blank for the clerk, as in a draft: "Số:      /KH-UBND".
    blank_number = "/KH-UBND" if plan.issuer.kind == Unit.Kind.PEOPLES_COMMITTEE else "/KH"
    return PlanDocument(
        plan=plan,
        today=on,
        legal_bases=legal_bases,
        contents=contents,
        duties=duties,
        deadlines=deadlines,
        reporting=reporting,
        targets=target_table(plan),
        blank_number=blank_number,
    )


# --- Plan timeline ------------------------------------------------------------------------------


@dataclass
class PlanTimeline:
    plan: Plan
    chart: timeline.Timeline
    activities: list[Activity]
    deadlines: list[DeadlineItem]
    reporting: list[ReportingItem]
    today: datetime.date


_BAR_CLASS = {
    Progress.COMPLETED: "completed",
    Progress.CANCELLED: "cancelled",
}


def _activity_bar_class(activity: Activity, on: datetime.date, over: bool) -> str:
    if activity.is_overdue(on) and not over:
        return "overdue"
    return _BAR_CLASS.get(activity.status, "")


def plan_timeline(user: AnyUser, pk: int) -> PlanTimeline:
    """A plan's activities, deadlines and report due dates laid out on one time axis.

    Queries: the plan, its activities (with lead unit), deadlines, reporting rules — four.
    """
    on = today()
    plan = _visible_plan(user, pk)
    activities = list(_plan_activities(user, plan).select_related("lead_unit"))
    activities.sort(key=lambda activity: (activity.order, _section_key(activity.section_code), activity.pk))
    deadlines = [
        DeadlineItem(deadline=d, due=d.effective_due_date, state=_due_state(d.effective_due_date, on))
        for d in _plan_deadlines(user, plan)
    ]
    deadlines.sort(key=_deadline_sort_key)
    reporting = _reporting_items(plan.reporting_rules.select_related("reporter"), on)

    # The axis covers the plan's period and anything dated outside it, in whole months.
    days = [plan.period_start, plan.period_end]
    for activity in activities:
        days += [day for day in (activity.start_date, activity.due_date) if day]
    for item in deadlines:
        days += [day for day in (item.due, item.deadline.window_start) if day]
    for item in reporting:
        days += [period.period.due for period in item.periods]
    chart = timeline.Timeline(start=timeline.month_floor(min(days)), end=timeline.month_ceiling(max(days)), today=on)

    over = period_is_over(plan, on)  # an ended plan's work is not late any more
    for activity in activities:
        activity.overdue_today = activity.is_overdue(on) and not over  # read by the list under the chart
        label = f"{activity.section_code}. {activity.title}"
        row = timeline.Row(label=timeline.shorten(label), full_label=label, activity_id=activity.pk)
        first = activity.start_date or plan.period_start
        if activity.due_date:
            state = _activity_bar_class(activity, on, over)
            description = _("%(label)s: %(start)s – %(end)s, %(status)s") % {
                "label": label,
                "start": f"{first:%d/%m/%Y}",
                "end": f"{activity.due_date:%d/%m/%Y}",
                "status": _("overdue") if state == "overdue" else activity.get_status_display(),
            }
            row.bars.append(chart.bar(first, max(first, activity.due_date), state, description))
        chart.rows.append(row)

    # One-off deadlines sit on their activity's row, or on a row of the plan's own deadlines.
    rows_by_activity = {row.activity_id: row for row in chart.rows}
    plan_row = timeline.Row(label=_("Deadlines of the plan"), full_label=_("Deadlines of the plan"), css="extra")
    for item in deadlines:
        deadline = item.deadline
        row = rows_by_activity.get(deadline.activity_id, plan_row)
        wording = deadline.wording or deadline.title
        if deadline.kind == Deadline.Kind.WINDOW and deadline.window_start and deadline.window_end:
            description = _("%(what)s: %(start)s – %(end)s") % {
                "what": wording,
                "start": f"{deadline.window_start:%d/%m/%Y}",
                "end": f"{deadline.window_end:%d/%m/%Y}",
            }
            row.bars.append(chart.bar(deadline.window_start, deadline.window_end, "window", description))
        elif item.due:
            description = _("%(what)s: due %(date)s") % {"what": wording, "date": f"{item.due:%d/%m/%Y}"}
            row.marks.append(chart.mark(item.due, item.state or "due", description))
    if plan_row.bars or plan_row.marks:
        chart.rows.append(plan_row)

    for item in reporting:
        # Rules of one plan often share a long title's start; the frequency tells them apart.
        label = f"{item.rule.get_frequency_display()}: {item.rule.title}"
        row = timeline.Row(label=timeline.shorten(label), full_label=label, css="extra")
        for period in item.periods:
            description = _("%(report)s, %(period)s: due %(date)s") % {
                "report": item.rule.title,
                "period": period.period.label,
                "date": f"{period.period.due:%d/%m/%Y}",
            }
            row.marks.append(chart.mark(period.period.due, f"report {period.state}".strip(), description))
        chart.rows.append(row)

    return PlanTimeline(
        plan=plan, chart=chart.layout(), activities=activities, deadlines=deadlines, reporting=reporting, today=on
    )


# --- Units ----------------------------------------------------------------------------------


def units_for_directory(
    user: AnyUser,
    *,
    kind: str = "",
    search: str = "",
    groups: str = "",
    include_ended: bool = False,
) -> list[Unit]:
    """Units (in force unless asked otherwise) in Vietnamese alphabetical order.

    Each carries ``lead_count`` and ``cooperation_count``: the activities it leads and
    cooperates on that the user may see (an officer does not learn about other units' work
    from the directory). One query: the counts are correlated subqueries.
    """
    visible = permissions.activities_visible_to(user)
    units = Unit.objects.all() if include_ended else Unit.objects.in_force()
    units = units.select_related("area").annotate(
        lead_count=_count(visible.filter(lead_unit=OuterRef("pk")), "lead_unit"),
        cooperation_count=_count(Cooperation.objects.filter(unit=OuterRef("pk"), activity__in=visible), "unit"),
        member_count=_count(Unit.members.through.objects.filter(from_unit=OuterRef("pk")), "from_unit"),
    )
    if kind:
        units = units.filter(kind=kind)
    if groups == "units":
        units = units.filter(is_group=False)
    elif groups == "groups":
        units = units.filter(is_group=True)
    if search:
        units = units.filter(accent_free(("name", "short_name"), search))
    return _vietnamese_sorted(units)


@dataclass
class UnitPage:
    unit: Unit
    today: datetime.date
    led: list[Activity]
    cooperating: list[Cooperation]
    tasks: list[Task]
    members: list[Unit]
    groups: list[Unit]
    predecessors: list[Unit]


def unit_page(user: AnyUser, pk: int) -> UnitPage:
    """A unit, the work it leads, cooperates on and carries out (as far as the user may see),
    its member units or the groups it belongs to, and what it replaced or was replaced by.

    Queries: the unit, led activities, cooperations, tasks, members, groups, predecessors.
    """
    unit = permissions.get_visible_or_404(Unit.objects.select_related("parent", "area", "successor"), pk=pk)
    visible = permissions.activities_visible_to(user)
    led = list(
        visible.filter(lead_unit=unit)
        .select_related("plan", "activity_type")
        .order_by("-plan__period_start", "plan_id", "order", "section_code")
    )
    cooperating = list(
        Cooperation.objects.filter(unit=unit, activity__in=visible)
        .select_related("activity__plan", "activity__lead_unit")
        .order_by("-activity__plan__period_start", "activity__plan_id", "activity__order", "activity__section_code")
    )
    tasks = list(
        permissions.tasks_visible_to(user)
        .filter(unit=unit)
        .select_related("activity__plan", "area")
        .order_by("due_date", "id")
    )
    on = today()
    for row in [*led, *tasks]:
        # Read by the template, computed once here; an ended plan's work is not late any more.
        plan = row.plan if isinstance(row, Activity) else row.activity.plan
        row.overdue_today = row.is_overdue(on) and not period_is_over(plan, on)
    return UnitPage(
        unit=unit,
        today=on,
        led=led,
        cooperating=cooperating,
        tasks=tasks,
        members=_vietnamese_sorted(unit.members.all()),
        groups=_vietnamese_sorted(unit.groups.all()),
        predecessors=_vietnamese_sorted(unit.predecessors.all()),
    )


# --- Areas ----------------------------------------------------------------------------------


@dataclass
class AreaNode:
    area: Area
    depth: int


def areas_for_tree(
    user: AnyUser,
    *,
    down_to: int = Area.Level.COMMUNE,
    search: str = "",
    include_ended: bool = False,
    on: datetime.date | None = None,
) -> list[AreaNode]:
    """Areas in force on a date (today by default) as a tree, province → district → commune →
    village, siblings in Vietnamese order; all that ever existed with `include_ended`.

    Areas are not secret: every signed-in user sees the same tree. A search lists the matches
    (with their parent) instead of the tree. Two queries (areas, their successions).
    """
    areas = Area.objects.all() if include_ended else Area.objects.in_force(on)
    # Each area's classification in force on the date (region, border, ĐBKK …).
    areas = annotate_classification(areas, on or today())
    successions = Prefetch("successions_out", AreaSuccession.objects.select_related("successor"))
    areas = areas.select_related("parent").prefetch_related(successions)
    if search:
        matches = areas.filter(accent_free(("name",), search) | Q(code=search))
        return [AreaNode(area, 0) for area in _vietnamese_sorted(matches)]
    areas = list(areas.filter(level__lte=down_to))
    ids = {area.pk for area in areas}
    children: dict[int | None, list[Area]] = {}
    for area in areas:
        # An area whose parent is not listed (ended, or never entered) starts a tree of its own.
        parent = area.parent_id if area.parent_id in ids else None
        children.setdefault(parent, []).append(area)

    nodes: list[AreaNode] = []

    def walk(parent: int | None, depth: int) -> None:
        siblings = sorted(children.get(parent, []), key=lambda a: (a.level, vietnamese_sort_key(a.name)))
        for area in siblings:
            nodes.append(AreaNode(area, depth))
            walk(area.pk, depth + 1)

    walk(None, 0)
    return nodes


@dataclass
class TargetSum:
    plan_id: int
    plan_label: str
    indicator_name: str
    unit_of_measure: str
    year: int
    total: int
    areas: int


@dataclass
class AreaPage:
    area: Area
    ancestors: list[Area]
    children: list[Area]
    units: list[Unit]
    predecessors: list[AreaSuccession]
    successors: list[AreaSuccession]
    targets: list[Target]
    commune_sums: list[TargetSum] = field(default_factory=list)
    # Every classification row of the area (dated, with its decision), oldest first per kind.
    classifications: list = field(default_factory=list)
    # Targets set on the areas it was formed from (before the change), shown under it.
    predecessor_targets: list[Target] = field(default_factory=list)

    @property
    def sums_communes(self) -> bool:
        return self.area.level in (Area.Level.PROVINCE, Area.Level.DISTRICT)


def area_page(user: AnyUser, pk: int) -> AreaPage:
    """An area with its place in the tree, its units, and the targets set on it.

    For a district or province, also the sum of the targets of the communes under it, per
    plan, indicator and year. Only targets of plans the user may see count.
    Queries: the area (with three levels of parents), children, units, predecessors,
    successors, targets, its predecessors' targets, commune sums — eight.
    """
    # The classification in force today (an ended area: on its last day), and all of its rows.
    areas = Area.objects.select_related("parent__parent__parent")
    area = permissions.get_visible_or_404(areas, pk=pk)
    on = min(area.valid_to or today(), today())
    area = annotate_classification(areas, on).get(pk=pk)
    ancestors = []
    parent = area.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent if parent.parent_id else None
    visible_targets = permissions.targets_visible_to(user)
    targets = list(
        visible_targets.filter(area=area)
        .select_related("plan", "indicator")
        .order_by("-plan__period_start", "plan_id", "indicator__order", "indicator__name", "year")
    )
    page = AreaPage(
        area=area,
        ancestors=ancestors,
        children=_vietnamese_sorted(annotate_classification(area.children.all(), on)),
        classifications=list(area.classifications.order_by("kind", "valid_from", "pk")),
        units=_vietnamese_sorted(area.units.all()),
        predecessors=list(area.successions_in.select_related("predecessor").order_by("took_over_on", "pk")),
        successors=list(area.successions_out.select_related("successor").order_by("took_over_on", "pk")),
        targets=targets,
    )
    page.predecessor_targets = list(
        visible_targets.filter(area__successions_out__successor=area)
        .select_related("plan", "indicator", "area")
        .order_by("-plan__period_start", "plan_id", "area__name", "indicator__order", "year")
    )
    if page.sums_communes:
        under = Q(area__parent=area) | Q(area__parent__parent=area)
        rows = (
            visible_targets.filter(under, area__level=Area.Level.COMMUNE)
            .values(
                "plan_id",
                "plan__number_symbol",
                "plan__title",
                "plan__period_start",
                "indicator_id",
                "indicator__name",
                "indicator__unit_of_measure",
                "indicator__order",
                "year",
            )
            .annotate(total=Sum("planned_value"), areas=Count("area", distinct=True))
            .order_by("-plan__period_start", "plan_id", "indicator__order", "indicator__name", "year")
        )
        page.commune_sums = [
            TargetSum(
                plan_id=row["plan_id"],
                plan_label=(
                    f"{row['plan__number_symbol']} – {row['plan__title']}"
                    if row["plan__number_symbol"]
                    else row["plan__title"]
                ),
                indicator_name=row["indicator__name"],
                unit_of_measure=row["indicator__unit_of_measure"],
                year=row["year"],
                total=row["total"],
                areas=row["areas"],
            )
            for row in rows
        ]
    return page
