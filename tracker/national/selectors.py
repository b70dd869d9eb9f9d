"""The national view (the ministry's): every province in force, with roll-ups by province —
progress by content type, on-time reporting and the disbursement rate — and a page per
province that leads to its plans.

A plan belongs to the province of its area (else of its issuer's, `areas.plan_province_id`); a
province that ended (Tỉnh Bắc Kạn, merged into Tỉnh Thái Nguyên in 2025) counts for the
province that took it over. Queries, whatever the amount of data: the provinces, the
successions between provinces, the plans with their areas, the outputs with their achieved
quantities, the reports' timeliness by plan and the money by plan — six in all, the last two
counted over the whole country and kept in the cache until reports or money are written.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import Http404

from tracker.core import extensions, numbers, permissions
from tracker.core.areas import plan_province_id
from tracker.core.obligation_figures import cached_obligation_figures
from tracker.core.permissions import AnyUser
from tracker.core.successions import province_successors
from tracker.core.text import vietnamese_sort_key
from tracker.dashboard.selectors import ProgressRow, progress_by_type_from_outputs
from tracker.models import Area, OutputIndicator, Plan, ProgressReport
from tracker.outputs import selectors as output_selectors

# Plans issued or since closed are those whose work is followed.
FOLLOWED = (Plan.Status.ISSUED, Plan.Status.CLOSED)


@dataclass
class ProvinceRow:
    province: Area | None  # None: the plans that belong to no province (a ministry's)
    plans: list[Plan] = field(default_factory=list)
    progress: list[ProgressRow] = field(default_factory=list)
    reports_submitted: int = 0
    reports_on_time: int = 0
    allocated: int = 0
    disbursed: int = 0
    has_sample: bool = False

    @property
    def on_time_rate(self) -> int | None:
        return numbers.percent(self.reports_on_time, self.reports_submitted)

    @property
    def disbursement_rate(self) -> int | None:
        return numbers.percent(self.disbursed, self.allocated)

    @property
    def has_data(self) -> bool:
        return bool(self.plans)

    @property
    def by_type(self) -> list[tuple[str, int | None, int]]:
        """Per content type: its name, the mean of its indicators' percentages (quantities of
        different indicators are never added) and the number of indicators."""
        groups: dict[str, list[int]] = defaultdict(list)
        order: list[str] = []
        for row in self.progress:
            if row.label not in groups:
                order.append(row.label)
            if row.percent is not None:
                groups[row.label].append(row.percent)
        return [
            (label, round(sum(groups[label]) / len(groups[label])) if groups[label] else None, len(groups[label]))
            for label in order
        ]


@dataclass
class NationalView:
    rows: list[ProvinceRow]  # every province in force, alphabetically, then the plans of none
    money_available: bool
    today: datetime.date

    @property
    def with_data(self) -> int:
        return sum(1 for row in self.rows if row.province is not None and row.has_data)

    @property
    def provinces(self) -> int:
        return sum(1 for row in self.rows if row.province is not None)


def can_see_national_view(user: AnyUser) -> bool:
    """Those who read every province: national monitors, superusers, and the province-wide
    readers of no province (a central deployment)."""
    return permissions.reads_every_province(user)


def timeliness_by_plan() -> dict[int, tuple[int, int]]:
    """Per plan: its reports submitted, and those submitted by their due date. One grouped
    query over every report of the country (500k at national scale, 330 ms), read once per
    change of the reports: every service that submits, corrects or removes reports goes through
    `tracker.core.obligations`, which drops the figures (`obligation_figures`)."""

    def count() -> dict[int, tuple[int, int]]:
        rows = (
            ProgressReport.objects.filter(submitted_at__isnull=False)
            .order_by()
            .values("task__activity__plan_id")
            .annotate(submitted=Count("pk"), on_time=Count("pk", filter=Q(submitted_at__date__lte=F("due_date"))))
        )
        return {row["task__activity__plan_id"]: (row["submitted"], row["on_time"]) for row in rows}

    return cached_obligation_figures("national:timeliness-by-plan", count)


def national_view(user: AnyUser, *, today: datetime.date) -> NationalView:
    if not can_see_national_view(user):
        raise PermissionDenied
    provinces = sorted(
        Area.objects.in_force(today).filter(level=Area.Level.PROVINCE), key=lambda area: vietnamese_sort_key(area.name)
    )
    rows = {province.pk: ProvinceRow(province) for province in provinces}
    shared = ProvinceRow(None)
    successors = province_successors()

    def row_of(province_id: int | None) -> ProvinceRow:
        province_id = successors.get(province_id, province_id)
        return rows.get(province_id, shared) if province_id is not None else shared

    plans = list(
        Plan.objects.filter(status__in=FOLLOWED)
        .select_related("area__parent__parent__parent", "issuer__area__parent__parent__parent")
        .order_by("-period_start", "pk")
    )
    row_by_plan: dict[int, ProvinceRow] = {}
    for plan in plans:
        row = row_of(plan_province_id(plan))
        row.plans.append(plan)
        row.has_sample = row.has_sample or plan.is_sample
        row_by_plan[plan.pk] = row

    outputs = output_selectors.annotate_achieved(
        OutputIndicator.objects.filter(activity__plan__status__in=FOLLOWED)
        .select_related("activity__activity_type")
        .only(
            "pk",
            "name",
            "indicator_id",
            "planned_quantity",
            "unit_of_measure",
            "activity__plan_id",
            "activity__activity_type__id",
            "activity__activity_type__name",
            "activity__activity_type__order",
        )
    )
    by_row: dict[int, list[OutputIndicator]] = defaultdict(list)
    for output in outputs:
        row = row_by_plan.get(output.activity.plan_id)
        if row is not None:
            by_row[id(row)].append(output)
    for row in [*rows.values(), shared]:
        row.progress = progress_by_type_from_outputs(by_row.get(id(row), []))

    for plan_id, (submitted, on_time) in timeliness_by_plan().items():
        row = row_by_plan.get(plan_id)  # the followed plans' only
        if row is not None:
            row.reports_submitted += submitted
            row.reports_on_time += on_time

    money = extensions.money_by_plan()
    for plan_id, (allocated, disbursed) in (money or {}).items():
        row = row_by_plan.get(plan_id)
        if row is not None:
            row.allocated += allocated
            row.disbursed += disbursed

    ordered = list(rows.values()) + ([shared] if shared.plans else [])
    return NationalView(rows=ordered, money_available=money is not None, today=today)


def province_view(user: AnyUser, province_id: int, *, today: datetime.date) -> ProvinceRow:
    """One province's row of the national view (the drill-down page); 404 for an area that is
    not a province in force."""
    view = national_view(user, today=today)
    for row in view.rows:
        if row.province is not None and row.province.pk == province_id:
            row.money_available = view.money_available
            return row
    raise Http404
