"""Reads for the work pages: the activity board, an activity's page and the work forms' choices.

Every function starts from the permission-filtered querysets of `tracker.core.permissions`, and
each page's reads cost a fixed number of queries whatever the amount of data: rows are
joined (`select_related`), many-valued relations prefetched once per page and task counts
computed by subqueries, never one query per row.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OrderBy,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.text import Truncator

from tracker.core import permissions
from tracker.core.areas import in_subtree, within_area
from tracker.core.calendar import DUE_SOON_DAYS, deadline_state, due_within, overdue
from tracker.core.outcome import activity_final_state, period_is_over
from tracker.core.permissions import AnyUser
from tracker.core.text import vietnamese_sort_key
from tracker.models import (
    Activity,
    ActivityType,
    Area,
    Deadline,
    OutputIndicator,
    Plan,
    Task,
    Unit,
)
from tracker.models.plans import Progress
from tracker.outputs.selectors import annotate_achieved

BOARD_PAGE_SIZE = 25

Choices = list[tuple[int | str, str]]


# --- Board ---------------------------------------------------------------------------------


def board_queryset(user: AnyUser) -> QuerySet[Activity]:
    """The activities the user may see, nearest deadline first (undated ones last)."""
    return permissions.activities_visible_to(user).order_by(*board_ordering("deadline"))


# The board's sort keys (the only ones accepted) and what each sorts by. Statuses sort in the
# order work moves through them, not in the alphabetical order of their codes.
SORT_FIELDS = {
    "deadline": [F("due_date")],
    "plan": [F("plan__issued_on"), F("plan__number_symbol"), F("plan_id")],
    "section": [F("section_code")],
    "lead_unit": [F("lead_unit__name")],
    "status": [
        Case(
            *(When(status=value, then=Value(rank)) for rank, value in enumerate(Progress.values)),
            output_field=IntegerField(),
        )
    ],
}
# Ties are broken in the order the plan itself lists its contents.
_TIE_BREAK = ("plan_id", "order", "section_code", "pk")


def board_ordering(key: str, descending: bool = False) -> list[OrderBy | str]:
    """`order_by` arguments for a whitelisted sort key; blanks sort last either way."""
    fields = [
        expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
        for expression in SORT_FIELDS[key]
    ]
    return [*fields, *_TIE_BREAK]


def board_counts(queryset: QuerySet[Activity], *, today: datetime.date) -> dict[str, int]:
    """Total, overdue, due within DUE_SOON_DAYS and completed, in one aggregate query."""
    return queryset.order_by().aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=overdue(today)),
        due_soon=Count("pk", filter=due_within(today, DUE_SOON_DAYS)),
        completed=Count("pk", filter=Q(status=Progress.COMPLETED)),
    )


def _unit_names() -> QuerySet[Unit]:
    """Units as the pages list them: names only, sorted afterwards in Vietnamese order."""
    return Unit.objects.only("pk", "name").order_by()


def _count_of(queryset: QuerySet) -> Coalesce:
    """A correlated COUNT(*) subquery (0 when there is no row)."""
    counted = queryset.order_by().values("activity").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _with_board_rows(queryset: QuerySet[Activity], user: AnyUser) -> QuerySet[Activity]:
    # The counts are of the tasks the user may see, as on the activity's own page.
    tasks = permissions.tasks_visible_to(user, Task.objects.filter(activity=OuterRef("pk")))
    return (
        queryset.select_related("plan", "activity_type", "lead_unit")
        .prefetch_related(Prefetch("cooperating_units", queryset=_unit_names(), to_attr="cooperating_unit_list"))
        .annotate(tasks_total=_count_of(tasks), tasks_done=_count_of(tasks.filter(status=Progress.COMPLETED)))
    )


def board_page(
    queryset: QuerySet[Activity], *, user: AnyUser, page_number: str | None, total: int, today: datetime.date
) -> Page:
    """One page of board rows: two queries (rows with task counts, cooperating units)."""
    paginator = Paginator(_with_board_rows(queryset, user), BOARD_PAGE_SIZE)
    paginator.count = total  # board_counts has counted the rows already: spare a COUNT query
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    ended = [activity for activity in page.object_list if period_is_over(activity.plan, today)]
    outputs = _achieved_outputs_by_activity(ended)
    for activity in page.object_list:
        activity.cooperating_unit_list.sort(key=lambda unit: vietnamese_sort_key(unit.name))
        # An ended plan's activity shows how it ended, not "not started / overdue".
        activity.final_state = activity_final_state(activity, outputs.get(activity.pk, ()), today)
        activity.deadline_state = (
            "" if activity.final_state else deadline_state(activity.status, activity.due_date, today)
        )
    return page


def _achieved_outputs_by_activity(activities: list[Activity]) -> dict[int, list[OutputIndicator]]:
    """The activities' outputs with their achieved figures, by activity (1 query, none when
    the list is empty)."""
    by_activity: dict[int, list[OutputIndicator]] = {}
    if not activities:
        return by_activity
    for output in annotate_achieved(OutputIndicator.objects.filter(activity__in=activities).order_by()):
        by_activity.setdefault(output.activity_id, []).append(output)
    return by_activity


def plan_label(plan: Plan) -> str:
    """A plan as a short label: its number and symbol, or its title shortened, with its years
    (unnumbered plans of different years often share a title's opening words)."""
    start, end = plan.period_start.year, plan.period_end.year
    years = str(start) if start == end else f"{start}–{end}"
    return f"{plan.number_symbol or Truncator(plan.title).chars(60)} ({years})"


def plan_choices(user: AnyUser) -> list[tuple[int, str]]:
    """The board's plan filter: the plans the user may see (one query; a province has a few)."""
    return [
        (plan.pk, plan_label(plan))
        for plan in permissions.plans_visible_to(user).only(
            "pk", "number_symbol", "title", "period_start", "period_end"
        )
    ]


def activity_type_choices() -> list[tuple[int, str]]:
    """The board's content-type filter (one query; plans, units and areas are fetched as the
    user types, `tracker.choices`)."""
    return [(kind.pk, kind.name) for kind in ActivityType.objects.only("pk", "name")]


def grouped_area_choices(areas: Iterable[Area]) -> list:
    """Areas grouped by level (province, district, …), each group in Vietnamese order."""
    groups: dict[int, list[Area]] = {}
    for area in areas:
        groups.setdefault(area.level, []).append(area)
    return [
        (
            Area.Level(level).label,
            [(area.pk, area.name) for area in sorted(groups[level], key=lambda a: vietnamese_sort_key(a.name))],
        )
        for level in sorted(groups)
    ]


# --- Activity page -------------------------------------------------------------------------


def activity_for_detail(user: AnyUser, pk: int) -> Activity:
    """The activity with what its page shows, or 404 if the user may not see it (4 queries).

    Its outputs come with their achieved figures (accepted reports plus records) in the same
    query, so the progress section needs none of its own."""
    queryset = (
        permissions.activities_visible_to(user)
        .select_related("plan", "activity_type", "lead_unit", "area")
        .prefetch_related(
            Prefetch("cooperating_units", queryset=_unit_names(), to_attr="cooperating_unit_list"),
            Prefetch(
                "output_indicators", queryset=annotate_achieved(OutputIndicator.objects.select_related("indicator"))
            ),
            Prefetch("deadlines", queryset=Deadline.objects.select_related("responsible_unit")),
        )
    )
    activity = permissions.get_visible_or_404(queryset, pk=pk)
    activity.cooperating_unit_list.sort(key=lambda unit: vietnamese_sort_key(unit.name))
    return activity


def tasks_for_activity(user: AnyUser, activity: Activity, *, today: datetime.date) -> list[Task]:
    """The activity's tasks the user may see, each marked overdue or due soon (1 query)."""
    tasks = list(
        permissions.tasks_visible_to(user, activity.tasks.all()).select_related("unit", "area", "output_indicator")
    )
    for task in tasks:
        task.deadline_state = deadline_state(task.status, task.due_date, today)
    return tasks


# --- Form choices --------------------------------------------------------------------------


def units_for_choice(
    *, include: Iterable[int | None] = (), today: datetime.date, province_id: int | None = None
) -> QuerySet[Unit]:
    """Units in force (a province has thousands; ended ones clutter the list), plus the units
    an edited object already names, so that editing an old activity keeps its values.

    With `province_id` (the plan's province): only the units placed in that province — its
    departments, districts' and communes' committees — and those placed nowhere (ministries,
    telecom enterprises), never another province's."""
    keep = [pk for pk in include if pk]
    in_force = Unit.objects.in_force(today)
    if province_id is not None:
        in_force = in_force.filter(within_area(province_id) | Q(area__isnull=True))
    return (in_force | Unit.objects.filter(pk__in=keep)).only("pk", "name").order_by()


def areas_for_choice(
    *, include: Iterable[int | None] = (), today: datetime.date, province_id: int | None = None
) -> QuerySet[Area]:
    """Areas in force down to communes (villages would be thousands), plus those in use; with
    `province_id`, only that province and the areas inside it."""
    keep = [pk for pk in include if pk]
    in_force = Area.objects.in_force(today).filter(level__lte=Area.Level.COMMUNE)
    if province_id is not None:
        in_force = in_force.filter(in_subtree(province_id))
    return (in_force | Area.objects.filter(pk__in=keep)).only("pk", "name", "level", "kind").order_by()


def activity_label(activity: Activity) -> str:
    """An activity in a choice list, always with its plan: "413/KH-UBND · 1. Hỗ trợ …" (an
    unnumbered plan by the start of its title). Reads `activity.plan`: select it with the list."""
    plan = activity.plan
    return f"{plan.number_symbol or Truncator(plan.title).chars(40)} · {activity.section_code}. " + Truncator(
        activity.title
    ).chars(90)


def plans_for_choice(user: AnyUser) -> QuerySet[Plan]:
    return permissions.plans_visible_to(user).only("pk", "number_symbol", "title", "period_start")
