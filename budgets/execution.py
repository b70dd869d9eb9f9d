"""Reads for budget execution (tình hình thực hiện ngân sách): the execution page, its Excel
export, the allocation and disbursement exports, and the budget figures on the tracker's plan
and activity pages.

The figures come from two tables:

- *approved* (phê duyệt): the appraised amounts of the lines of approved estimates — what the
  finance department appraised and the DIC approved (``services.approved_amount`` counts the
  same thing when it caps an allocation);
- *allocated* (giao dự toán / phân bổ) and *disbursed* (giải ngân): ``Allocation.amount`` and its
  running total ``Allocation.disbursed``.

Each table is ONE query whatever the amount of data: the approved amounts grouped by the
table's dimension UNION ALL the allocations grouped by the same dimension, merged here.
Who sees what is budgets.permissions': DIC managers, finance officers and monitors see the
whole programme; a unit officer sees their own unit's allocations, and in the approved column
only their own unit's estimates.

The area rule: an allocation counts for the area of the unit it was given to, rolled up to
the district that area lies in (a commune's or a village's district), because the seeds'
plans (2019–2025) were run and reported by district. Since 1/7/2025 communes sit directly
under the province; a commune with no district above it counts as itself (a village as its
commune). Units at province level count for the province, units without an area on a row
of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django import forms
from django.db.models import (
    BigIntegerField,
    Case,
    F,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from budgets import permissions
from budgets.figures import cached_money_figures
from budgets.models import Allocation, Disbursement, Estimate, EstimateLine, FundingSource
from tracker.core.numbers import percent_one_decimal
from tracker.core.permissions import AnyUser, reads_every_province
from tracker.core.text import vietnamese_sort_key
from tracker.models import Activity, Area, Plan
from tracker.work.selectors import plan_label

ZERO = Value(0, output_field=BigIntegerField())
DISTRICT = Area.Level.DISTRICT
COMMUNE = Area.Level.COMMUNE


# --- Rates ------------------------------------------------------------------------------------


def disbursement_rate(disbursed: int, allocated: int) -> Decimal | None:
    """Disbursed as a percentage of allocated, to one decimal (None when nothing is allocated).

    Money stays whole đồng; only this ratio, for display, is a Decimal.
    """
    return percent_one_decimal(disbursed, allocated)


def format_rate(rate: Decimal | None) -> str:
    """``62,5%`` (the active language's decimal separator: a comma in Vietnamese, and in the
    English interface too, which keeps the Vietnamese number format), ``100%`` for a whole
    number (as the budget pages' ``floatformat:"-1"``); ``—`` for no rate."""
    if rate is None:
        return "—"
    places = 0 if rate == rate.to_integral_value() else 1
    return f"{number_format(rate, places, use_l10n=True, force_grouping=False)}%"


# --- Rows and tables --------------------------------------------------------------------------


@dataclass
class Figures:
    approved: int = 0
    allocated: int = 0
    disbursed: int = 0

    @property
    def remaining(self) -> int:
        return self.allocated - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return disbursement_rate(self.disbursed, self.allocated)

    def add(self, other: Figures) -> None:
        self.approved += other.approved
        self.allocated += other.allocated
        self.disbursed += other.disbursed


@dataclass
class Row(Figures):
    key: int | None = None
    label: str = ""
    note: str = ""  # e.g. the level of an area
    link: dict | None = None  # the allocation list's GET parameters for this row (None: it cannot be filtered)
    sort: object = None  # the dimension's sort column (a source's id, a type's order, an area's level)

    @property
    def query(self) -> str:
        """The allocation list's query string for this row ("" when it cannot be filtered), made
        only for the rows a page shows (a national table has thousands, shown a page at a time)."""
        return urlencode(self.link) if self.link is not None else ""


@dataclass
class Table:
    name: str  # the dimension, also the allocation list's GET parameter
    title: str
    heading: str
    rows: Sequence[Row]  # a list, or read from the cache (PackedRows)
    total: Row


@dataclass(frozen=True)
class Paths:
    """Where each dimension lies from an allocation, and from an estimate line."""

    source: str
    activity: str
    unit: str
    year: str


ALLOCATION = Paths(source="funding_source", activity="activity", unit="unit", year="year")
APPROVED = Paths(source="funding_source", activity="estimate__activity", unit="estimate__unit", year="estimate__year")


def _district(unit_path: str, attribute: str) -> Case:
    """The unit's area rolled up to its district (see the module's docstring), as ``attribute``
    ('id', 'name' or 'level') of that area. The area tree is at most four levels deep, so
    three joins replace a recursive query."""
    area = f"{unit_path}__area"
    parent = f"{area}__parent"
    grandparent = f"{parent}__parent"
    return Case(
        When(**{f"{area}__level__lte": DISTRICT}, then=F(f"{area}__{attribute}")),
        When(**{f"{parent}__level": DISTRICT}, then=F(f"{parent}__{attribute}")),
        When(**{f"{grandparent}__level": DISTRICT}, then=F(f"{grandparent}__{attribute}")),
        # Two-tier local government (since 1/7/2025): no district above the commune.
        When(**{f"{area}__level": COMMUNE}, then=F(f"{area}__{attribute}")),
        When(**{f"{parent}__level": COMMUNE}, then=F(f"{parent}__{attribute}")),
        default=F(f"{area}__{attribute}"),
    )


@dataclass(frozen=True)
class Dimension:
    name: str
    title: Promise
    heading: Promise

    def columns(self, paths: Paths) -> dict:
        """key, label and sort: the GROUP BY columns of one side of the UNION."""
        if self.name == "funding_source":
            source = paths.source
            return {"key": F(f"{source}_id"), "label": F(f"{source}__name"), "sort": F(f"{source}_id")}
        if self.name == "activity_type":
            kind = f"{paths.activity}__activity_type"
            return {"key": F(f"{kind}_id"), "label": F(f"{kind}__name"), "sort": F(f"{kind}__order")}
        if self.name == "unit":
            # The unit's stored collation key (Vietnamese order, kept by unit_save): a national
            # reader's table has thousands of units, whose keys were computed per request.
            return {
                "key": F(f"{paths.unit}_id"),
                "label": F(f"{paths.unit}__name"),
                "sort": F(f"{paths.unit}__sort_key"),
            }
        if self.name == "area":
            return {
                "key": _district(paths.unit, "id"),
                "label": _district(paths.unit, "name"),
                "sort": _district(paths.unit, "level"),
            }
        if self.name == "year":
            return {"key": F(paths.year), "label": F(paths.year), "sort": F(paths.year)}
        raise ValueError(self.name)

    def row_sort(self, row: Row) -> tuple:
        if self.name == "unit":
            return (row.key is None, row.sort or "")
        if self.name == "area":
            # Vietnamese order (Đ after D); areas by level first; the row without an area last.
            return (row.key is None, row.sort or 0, vietnamese_sort_key(row.label or ""))
        return (row.sort or 0, row.label or "")


SOURCE = Dimension("funding_source", _("By funding source"), _("Funding source"))
ACTIVITY_TYPE = Dimension("activity_type", _("By content type"), _("Content type"))
UNIT = Dimension("unit", _("By unit"), _("Unit"))
AREA = Dimension("area", _("By area"), _("Area"))
YEAR = Dimension("year", _("By year"), _("Year"))
DIMENSIONS = (SOURCE, ACTIVITY_TYPE, UNIT, AREA, YEAR)


def grouped_table(
    dimension: Dimension,
    allocations: QuerySet[Allocation],
    lines: QuerySet[EstimateLine],
    *,
    base_query: Mapping[str, object] | None = None,
) -> Table:
    """One table: approved, allocated and disbursed per value of the dimension (1 query)."""
    allocated = (
        allocations.order_by()
        .values(**dimension.columns(ALLOCATION))
        .annotate(approved=ZERO, allocated=Sum("amount"), disbursed=Sum("disbursed"))
    )
    approved = (
        lines.order_by()
        .values(**dimension.columns(APPROVED))
        .annotate(approved=Sum("appraised_amount"), allocated=ZERO, disbursed=ZERO)
    )
    rows: dict[object, Row] = {}
    for record in allocated.union(approved, all=True):
        key = record["key"]
        row = rows.get(key)
        if row is None:
            row = rows[key] = Row(key=key, label=_label(dimension, record["label"]), sort=record["sort"])
        row.add(Figures(int(record["approved"] or 0), int(record["allocated"] or 0), int(record["disbursed"] or 0)))
    base = {name: value for name, value in (base_query or {}).items() if value not in (None, "")}
    ordered = sorted(rows.values(), key=dimension.row_sort)
    total = Row(label=str(_("Total")))
    for row in ordered:
        total.add(row)
        if dimension.name == "area":
            row.note = str(Area.Level(row.sort).label) if row.sort else ""
        if _linkable(dimension, row):
            row.link = {**base, dimension.name: row.key}
    if total.allocated:
        total.link = base
    return Table(
        name=dimension.name, title=str(dimension.title), heading=str(dimension.heading), rows=ordered, total=total
    )


def _label(dimension: Dimension, value) -> str:
    if value is None:
        return str(_("Province level or no area")) if dimension.name == "area" else "—"
    return str(value)


def _linkable(dimension: Dimension, row: Row) -> bool:
    """Whether the allocation list can be filtered to exactly this row: it lists allocations,
    so a row with none (approved, not yet allocated) has nothing to show; and its area filter
    takes an area with everything inside it, so a province's row (the units at province level
    only) and the row of units without an area have no such filter."""
    if row.key is None or not row.allocated:
        return False
    return not (dimension.name == "area" and row.sort is not None and row.sort < DISTRICT)


# --- The execution page -----------------------------------------------------------------------


@dataclass(frozen=True)
class ExecutionFilters:
    year: int | None = None
    plan_id: int | None = None
    funding_source_id: int | None = None

    def query(self) -> dict[str, int]:
        """As the allocation list's GET parameters."""
        pairs = {"year": self.year, "plan": self.plan_id, "funding_source": self.funding_source_id}
        return {name: value for name, value in pairs.items() if value is not None}


def _filtered(queryset: QuerySet, filters: ExecutionFilters, *, year: str, plan: str) -> QuerySet:
    """The page's filters on rows whose year and plan are the fields named."""
    chosen = {year: filters.year, plan: filters.plan_id, "funding_source_id": filters.funding_source_id}
    return queryset.filter(**{name: value for name, value in chosen.items() if value is not None})


def allocations_for_execution(user: AnyUser, filters: ExecutionFilters) -> QuerySet[Allocation]:
    return _filtered(permissions.allocations_visible_to(user), filters, year="year", plan="activity__plan_id")


def approved_lines_for_execution(user: AnyUser, filters: ExecutionFilters) -> QuerySet[EstimateLine]:
    """The lines of the approved estimates the user may see (a unit officer: their unit's)."""
    estimates = permissions.estimates_visible_to(user, Estimate.objects.filter(status=Estimate.Status.APPROVED))
    lines = EstimateLine.objects.filter(estimate__in=estimates, appraised_amount__isnull=False)
    return _filtered(lines, filters, year="estimate__year", plan="estimate__activity__plan_id")


def execution_tables(user: AnyUser, filters: ExecutionFilters) -> list[Table]:
    """The five tables of the page (five queries): by source, content type, unit, area, year.

    A reader of every province's tables add up every allocation and approved estimate of the
    country (30,000 allocations and a row per unit and per area at national scale: 120 ms of
    SQL and as much again in Python), the same for every such reader: they are kept in the
    cache per choice of filters until money is written or an activity, unit or area changes
    (`budgets.figures`), packed as plain tuples, a row made again only for the rows a page
    shows (`PackedRows`)."""

    def compute() -> list[Table]:
        allocations = allocations_for_execution(user, filters)
        lines = approved_lines_for_execution(user, filters)
        return [grouped_table(dimension, allocations, lines, base_query=filters.query()) for dimension in DIMENSIONS]

    if not reads_every_province(user):
        return compute()
    # The tables hold words in the reader's language (the titles, "Total", the areas' levels).
    name = f"execution:every-province:{get_language()}:{filters.year}:{filters.plan_id}:{filters.funding_source_id}"
    packed = cached_money_figures(name, lambda: [_pack_table(table) for table in compute()])
    return [_unpack_table(table) for table in packed]


# --- Tables in the cache ------------------------------------------------------------------


def _pack(row: Row) -> tuple:
    link = tuple(row.link.items()) if row.link is not None else None
    return (row.approved, row.allocated, row.disbursed, row.key, row.label, row.note, link, row.sort)


def _unpack(packed: tuple) -> Row:
    approved, allocated, disbursed, key, label, note, link, sort = packed
    return Row(approved, allocated, disbursed, key, label, note, dict(link) if link is not None else None, sort)


class PackedRows(Sequence):
    """A table's rows as kept in the cache (tuples, which read back ten times faster than
    rows): a Row is made for each row asked for (a page of 50 out of thousands)."""

    def __init__(self, packed: list[tuple]) -> None:
        self._packed = packed

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [_unpack(packed) for packed in self._packed[index]]
        return _unpack(self._packed[index])


def _pack_table(table: Table) -> tuple:
    return (table.name, table.title, table.heading, [_pack(row) for row in table.rows], _pack(table.total))


def _unpack_table(packed: tuple) -> Table:
    name, title, heading, rows, total = packed
    return Table(name=name, title=title, heading=heading, rows=PackedRows(rows), total=_unpack(total))


def execution_has_sample(user: AnyUser, filters: ExecutionFilters) -> bool:
    """Whether any figure of the page comes from sample data (an allocation or approved
    estimate of a sample plan, or an estimate marked sample): the page and its export then say
    so (one or two queries)."""
    allocations = allocations_for_execution(user, filters).filter(activity__plan__is_sample=True)
    lines = approved_lines_for_execution(user, filters).filter(
        Q(estimate__is_sample=True) | Q(estimate__activity__plan__is_sample=True)
    )
    return allocations.exists() or lines.exists()


def execution_years(user: AnyUser) -> list[int]:
    """Years with an allocation or an approved estimate the user may see, and this year, newest
    first (one query)."""
    allocations = permissions.allocations_visible_to(user).order_by().values_list("year", flat=True)
    estimates = (
        permissions.estimates_visible_to(user)
        .filter(status=Estimate.Status.APPROVED)
        .order_by()
        .values_list("year", flat=True)
    )
    if reads_every_province(user):
        # Read over every allocation of the country: kept until money is written.
        years = set(cached_money_figures("execution:years:every-province", lambda: set(allocations.union(estimates))))
    else:
        years = set(allocations.union(estimates))
    years.add(timezone.localdate().year)
    return sorted(years, reverse=True)


def execution_plans(user: AnyUser) -> list[tuple[int, str]]:
    """Plans with an allocation or an approved estimate the user may see (one query). The
    plans' ids are read by two plain subqueries, not an EXISTS per plan: PostgreSQL costed
    the two correlated EXISTS, each with the province filter inside, at ~117,000 for a
    province's manager at national scale and spent 340 ms compiling it (JIT) to run 20 ms."""
    allocations = permissions.allocations_visible_to(user).values("activity__plan_id")
    estimates = (
        permissions.estimates_visible_to(user).filter(status=Estimate.Status.APPROVED).values("activity__plan_id")
    )
    plans = Plan.objects.filter(Q(pk__in=allocations) | Q(pk__in=estimates)).only(
        "pk", "number_symbol", "title", "period_start", "period_end"
    )
    if reads_every_province(user):
        # Read over every allocation of the country (20 ms at national scale): kept until money
        # is written or a plan or activity changes.
        return cached_money_figures(
            "execution:plans:every-province", lambda: [(plan.pk, plan_label(plan)) for plan in plans]
        )
    return [(plan.pk, plan_label(plan)) for plan in plans]


class ExecutionFilterForm(forms.Form):
    """The page's filters, read from the query string. An unknown value is reported and
    ignored rather than failing the page."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    plan = forms.TypedChoiceField(label=_("Plan"), coerce=int, required=False, empty_value=None)
    funding_source = forms.TypedChoiceField(label=_("Funding source"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, years: list[int], plans: list[tuple[int, str]], sources: Iterable[FundingSource]):
        super().__init__(data)
        self.fields["year"].choices = [("", _("All years")), *((year, str(year)) for year in years)]
        self.fields["plan"].choices = [("", _("All plans")), *plans]
        self.fields["funding_source"].choices = [("", _("All funding sources")), *((s.pk, s.name) for s in sources)]

    def filters(self) -> ExecutionFilters:
        self.is_valid()
        cleaned = self.cleaned_data
        return ExecutionFilters(
            year=cleaned.get("year"), plan_id=cleaned.get("plan"), funding_source_id=cleaned.get("funding_source")
        )

    def applied(self) -> list[tuple[str, str]]:
        """(label, value) of each filter in force, for the Excel title rows."""
        result = []
        for name in ("year", "plan", "funding_source"):
            field_ = self.fields[name]
            value = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
            shown = dict(field_.choices).get(value) if value is not None else field_.choices[0][1]
            result.append((str(field_.label), str(shown)))
        return result


# --- The budget figures of one plan or activity (tracker pages) ------------------------------


@dataclass
class BudgetCard:
    """An activity's or a plan's figures by funding source, as the user may see them."""

    table: Table
    scope: dict[str, int] = field(default_factory=dict)  # the allocation list's filter for it
    plan_id: int | None = None  # the execution page's filter for it

    @property
    def total(self) -> Row:
        return self.table.total

    @property
    def rows(self) -> list[Row]:
        return self.table.rows


def activity_budget_card(user: AnyUser, activity: Activity) -> BudgetCard:
    """One query: the activity's approved, allocated and disbursed amounts by source."""
    allocations = permissions.allocations_visible_to(user).filter(activity_id=activity.pk)
    lines = approved_lines_for_execution(user, ExecutionFilters()).filter(estimate__activity_id=activity.pk)
    scope = {"activity": activity.pk}
    return BudgetCard(
        table=grouped_table(SOURCE, allocations, lines, base_query=scope), scope=scope, plan_id=activity.plan_id
    )


def plan_budget_card(user: AnyUser, plan: Plan) -> BudgetCard:
    """One query: the plan's approved, allocated and disbursed amounts by source."""
    filters = ExecutionFilters(plan_id=plan.pk)
    table = grouped_table(
        SOURCE,
        allocations_for_execution(user, filters),
        approved_lines_for_execution(user, filters),
        base_query=filters.query(),
    )
    return BudgetCard(table=table, scope=filters.query(), plan_id=plan.pk)


# --- The exports of the allocation list and of the disbursements ---------------------------


def allocations_for_export(allocations: QuerySet[Allocation]) -> QuerySet[Allocation]:
    """The (visible, filtered) allocations in the order of the import template: year, plan,
    section, unit, source."""
    order = ("-year", "activity__plan_id", "activity__order", "activity__section_code", "unit__name")
    return allocations.select_related("activity__plan", "unit", "funding_source").order_by(
        *order, "funding_source_id", "pk"
    )


def disbursements_for_export(user: AnyUser, allocations: QuerySet[Allocation]) -> QuerySet[Disbursement]:
    """The ledger entries of those allocations, oldest voucher first."""
    queryset = permissions.disbursements_visible_to(user).filter(allocation__in=allocations.order_by().values("pk"))
    return queryset.select_related(
        "allocation__activity__plan", "allocation__unit", "allocation__funding_source", "reverses", "recorded_by"
    ).order_by("voucher_date", "pk")
