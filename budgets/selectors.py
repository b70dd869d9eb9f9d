"""Reads for the finance officer's working pages: estimates, allocations with their
disbursement ledger, donations, and their history pages.

Every function starts from the permission-filtered querysets of `budgets.permissions` and
costs a fixed number of queries whatever the amount of data: rows are joined
(`select_related`), totals are computed by the database (one aggregate per page, correlated
subqueries per row), and filter choices are read once per page, never once per row.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import (
    BigIntegerField,
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from budgets import permissions
from budgets.models import (
    Allocation,
    Disbursement,
    Donation,
    DonationTransfer,
    Estimate,
    EstimateLine,
    FundingSource,
)
from budgets.money import format_vnd
from tracker.core import permissions as tracker_permissions
from tracker.core.numbers import percent_one_decimal
from tracker.core.permissions import AnyUser, province_ids_of
from tracker.core.text import vietnamese_sort_key
from tracker.history.selectors import EMPTY, Stream, history_page, want_and_describe
from tracker.models import Activity, ActivityType, Plan
from tracker.work.selectors import activity_label, plan_label

PAGE_SIZE = 25

Choices = list[tuple]


# --- Shared helpers --------------------------------------------------------------------------


def rate(part: int | None, whole: int | None) -> Decimal | None:
    """A percentage for display (one decimal), never a float; None when there is no whole."""
    return percent_one_decimal(part, whole)


def page_of(queryset: QuerySet, page_number: str | None, *, total: int, size: int = PAGE_SIZE) -> Page:
    """One page of rows; the summary has counted them already, so no COUNT query is spent."""
    paginator = Paginator(queryset, size)
    paginator.count = total
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)
    return page


def group_activities(activities) -> list[tuple[str, list[Activity]]]:
    """Activities grouped by plan (newest plan first), each group in Vietnamese order."""
    groups: dict[int, tuple[Plan, list[Activity]]] = {}
    for activity in activities:
        groups.setdefault(activity.plan_id, (activity.plan, []))[1].append(activity)
    ordered = sorted(groups.values(), key=lambda item: (-item[0].period_start.toordinal(), item[0].pk))
    return [
        (plan_label(plan), sorted(members, key=lambda activity: vietnamese_sort_key(activity_label(activity))))
        for plan, members in ordered
    ]


def grouped_activity_choices(activities) -> Choices:
    return [
        (label, [(activity.pk, activity_label(activity)) for activity in members])
        for label, members in group_activities(activities)
    ]


def activities_for_choice(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    return queryset.select_related("plan").only(
        "pk",
        "section_code",
        "title",
        "plan__id",
        "plan__number_symbol",
        "plan__title",
        "plan__period_start",
        "plan__period_end",
    )


def _years(queryset: QuerySet) -> Choices:
    years = queryset.order_by("-year").values_list("year", flat=True).distinct()
    return [(year, str(year)) for year in years]


# --- Estimates -------------------------------------------------------------------------------


def _line_total(column: str) -> Subquery:
    lines = EstimateLine.objects.filter(estimate=OuterRef("pk")).order_by().values("estimate")
    return Subquery(lines.annotate(total=Sum(column)).values("total"), output_field=BigIntegerField())


def estimates_for_list(user: AnyUser) -> QuerySet[Estimate]:
    """The estimates the user may see, each with its requested and appraised totals."""
    return (
        permissions.estimates_visible_to(user)
        .select_related("activity", "activity__plan", "unit")
        .annotate(
            requested_total=Coalesce(_line_total("amount"), Value(0), output_field=BigIntegerField()),
            appraised_total=_line_total("appraised_amount"),
        )
        .order_by("-year", "activity__plan_id", "activity__order", "activity__section_code", "pk")
    )


def estimate_summary(queryset: QuerySet[Estimate]) -> dict:
    """Counts per status and the money totals of the filtered estimates, in one query."""
    statuses = Estimate.Status
    summary = queryset.order_by().aggregate(
        total=Count("pk"),
        draft=Count("pk", filter=Q(status=statuses.DRAFT)),
        submitted=Count("pk", filter=Q(status=statuses.SUBMITTED)),
        appraised=Count("pk", filter=Q(status=statuses.APPRAISED)),
        approved=Count("pk", filter=Q(status=statuses.APPROVED)),
        returned=Count("pk", filter=Q(status=statuses.RETURNED)),
        requested_sum=Sum("requested_total"),
        approved_sum=Sum("appraised_total", filter=Q(status=statuses.APPROVED)),
    )
    summary["requested_sum"] = summary["requested_sum"] or 0
    summary["approved_sum"] = summary["approved_sum"] or 0
    return summary


def _activity_choices(visible: QuerySet, user: AnyUser, params: QueryDict | None) -> Choices:
    """The activities the rows involve, of the plan chosen if one is; a national reader (3,100
    activities in the country) lists them only once a plan is chosen (and always the chosen
    activity, which a link from the execution tables names). One query."""
    activities = Activity.objects.filter(pk__in=visible.values("activity"))
    params = params or QueryDict()
    plan, chosen = params.get("plan", ""), params.get("activity", "")
    if plan.isdigit():
        activities = activities.filter(plan_id=int(plan))
    elif province_ids_of(user) is None:
        activities = activities.filter(pk=int(chosen) if chosen.isdigit() else None)
    return grouped_activity_choices(activities_for_choice(activities))


def estimate_filter_choices(user: AnyUser, params: QueryDict | None = None) -> dict[str, Choices]:
    """The list's dropdowns that stay lists, limited to what the user's estimates involve (two
    queries); plans and units are fetched as the user types (budgets.forms._ListFilter)."""
    visible = permissions.estimates_visible_to(user)
    return {
        "years": _years(visible),
        "activities": _activity_choices(visible, user, params),
    }


@dataclass
class SourceTotal:
    source: FundingSource
    requested: int = 0
    appraised: int | None = None


def estimate_for_detail(user: AnyUser, pk: int) -> Estimate:
    """The estimate with its lines, the people of each step, and totals per source (2 queries)."""
    queryset = (
        permissions.estimates_visible_to(user)
        .select_related(
            "activity",
            "activity__plan",
            "unit",
            "created_by",
            "submitted_by",
            "appraised_by",
            "approved_by",
        )
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=EstimateLine.objects.select_related("funding_source").order_by("order", "pk"),
                to_attr="line_list",
            )
        )
    )
    estimate = tracker_permissions.get_visible_or_404(queryset, pk=pk)
    by_source: dict[int, SourceTotal] = {}
    for line in estimate.line_list:
        total = by_source.setdefault(line.funding_source_id, SourceTotal(line.funding_source))
        total.requested += line.amount
        if line.appraised_amount is not None:
            total.appraised = (total.appraised or 0) + line.appraised_amount
    estimate.source_totals = list(by_source.values())
    estimate.requested_total = sum(line.amount for line in estimate.line_list)
    appraised = [line.appraised_amount for line in estimate.line_list if line.appraised_amount is not None]
    estimate.appraised_total = sum(appraised) if appraised else None
    return estimate


def estimate_created_at(estimate: Estimate) -> datetime.datetime | None:
    """When the estimate was drawn up: its first history row (the model keeps no date)."""
    return (
        Estimate.history.filter(id=estimate.pk)
        .order_by("history_date", "history_id")
        .values_list("history_date", flat=True)
        .first()
    )


@dataclass
class SourceFunding:
    """What approved estimates give an activity in a year from one source, and its use."""

    source: FundingSource
    approved: int
    allocated: int

    @property
    def allocatable(self) -> int:
        return self.approved - self.allocated

    @property
    def over(self) -> bool:
        return self.allocated > self.approved


def activity_funding(activity_id: int, year: int, *, exclude_allocation: int | None = None) -> list[SourceFunding]:
    """Approved, allocated and still allocatable per source for one activity and year, with
    the same rule as `services.allocation_save` (one query; sources with neither left out)."""
    approved = (
        EstimateLine.objects.filter(
            funding_source=OuterRef("pk"),
            estimate__activity_id=activity_id,
            estimate__year=year,
            estimate__status=Estimate.Status.APPROVED,
        )
        .order_by()
        .values("funding_source")
        .annotate(total=Sum("appraised_amount"))
        .values("total")
    )
    allocations = Allocation.objects.filter(funding_source=OuterRef("pk"), activity_id=activity_id, year=year)
    if exclude_allocation:
        allocations = allocations.exclude(pk=exclude_allocation)
    allocated = allocations.order_by().values("funding_source").annotate(total=Sum("amount")).values("total")
    rows = FundingSource.objects.annotate(
        approved=Coalesce(Subquery(approved, output_field=BigIntegerField()), Value(0)),
        allocated=Coalesce(Subquery(allocated, output_field=BigIntegerField()), Value(0)),
    ).filter(Q(approved__gt=0) | Q(allocated__gt=0))
    return [SourceFunding(row, row.approved, row.allocated) for row in rows]


def allocations_of_activity_year(user: AnyUser, activity_id: int, year: int) -> list[Allocation]:
    """The allocations made for an activity and year that the user may see (1 query)."""
    return list(
        permissions.allocations_visible_to(user)
        .filter(activity_id=activity_id, year=year)
        .select_related("unit", "funding_source")
        .order_by("funding_source_id", "decision_date", "pk")
    )


# --- Allocations and their ledger ------------------------------------------------------------


def allocations_for_list(user: AnyUser) -> QuerySet[Allocation]:
    return (
        permissions.allocations_visible_to(user)
        .select_related("activity", "activity__plan", "unit", "funding_source")
        .order_by("-year", "-decision_date", "-pk")
    )


def allocation_summary(queryset: QuerySet[Allocation]) -> dict:
    """Count and totals of the filtered allocations (one query) with the overall rate."""
    summary = queryset.order_by().aggregate(total=Count("pk"), allocated=Sum("amount"), disbursed=Sum("disbursed"))
    summary["allocated"] = summary["allocated"] or 0
    summary["disbursed"] = summary["disbursed"] or 0
    summary["remaining"] = summary["allocated"] - summary["disbursed"]
    summary["rate"] = rate(summary["disbursed"], summary["allocated"])
    return summary


def with_rates(page: Page) -> Page:
    for allocation in page.object_list:
        allocation.rate = rate(allocation.disbursed, allocation.amount)
    return page


def allocation_filter_choices(user: AnyUser, params: QueryDict | None = None) -> dict[str, Choices]:
    """The list's dropdowns that stay lists (four queries), limited to what the user's
    allocations involve; plans, units and areas are fetched as the user types."""
    visible = permissions.allocations_visible_to(user)
    return {
        "years": _years(visible),
        "funding_sources": [(source.pk, source.name) for source in FundingSource.objects.all()],
        "activities": _activity_choices(visible, user, params),
        "activity_types": [(kind.pk, kind.name) for kind in ActivityType.objects.only("pk", "name")],
    }


def allocation_for_detail(user: AnyUser, pk: int) -> Allocation:
    queryset = permissions.allocations_visible_to(user).select_related(
        "activity", "activity__plan", "unit", "funding_source"
    )
    allocation = tracker_permissions.get_visible_or_404(queryset, pk=pk)
    allocation.rate = rate(allocation.disbursed, allocation.amount)
    return allocation


@dataclass
class LedgerEntry:
    disbursement: Disbursement
    running_total: int
    reversed_by: Disbursement | None = None


def allocation_ledger(allocation: Allocation) -> list[LedgerEntry]:
    """The disbursements in voucher order with their running total; each reversed entry
    knows its reversal and each reversal its original (one query)."""
    rows = list(
        Disbursement.objects.filter(allocation=allocation)
        .select_related("recorded_by")
        .order_by("voucher_date", "recorded_at", "pk")
    )
    by_pk = {row.pk: row for row in rows}
    reversals = {row.reverses_id: row for row in rows if row.reverses_id}
    entries, running = [], 0
    for row in rows:
        running += row.amount
        if row.reverses_id:
            row.original = by_pk.get(row.reverses_id)
        entries.append(LedgerEntry(row, running, reversals.get(row.pk)))
    return entries


# --- Donations -------------------------------------------------------------------------------


def donations_for_list(user: AnyUser) -> QuerySet[Donation]:
    return (
        permissions.donations_visible_to(user)
        .select_related("received_by", "plan", "activity")
        .order_by("-received_on", "-pk")
    )


def donation_summary(queryset: QuerySet[Donation]) -> dict:
    """Totals of the filtered donations and the items received in kind, per item (2 queries)."""
    summary = queryset.order_by().aggregate(
        total=Count("pk"),
        cash=Sum("amount", filter=Q(kind=Donation.Kind.CASH)),
        value=Sum("amount"),
        passed_on=Sum("transferred_amount"),
    )
    for key in ("cash", "value", "passed_on"):
        summary[key] = summary[key] or 0
    summary["on_hand"] = summary["value"] - summary["passed_on"]
    items = (
        queryset.filter(kind=Donation.Kind.IN_KIND)
        .order_by()
        .values("item")
        .annotate(quantity=Sum("quantity"), value=Sum("amount"), passed_on=Sum("transferred_quantity"))
    )
    summary["items"] = sorted(items, key=lambda row: vietnamese_sort_key(row["item"]))
    for row in summary["items"]:
        row["on_hand"] = row["quantity"] - row["passed_on"]
    return summary


def donation_filter_choices(user: AnyUser) -> dict[str, Choices]:
    """The months received of the user's donations (one query); plans and receiving units
    are fetched as the user types."""
    visible = permissions.donations_visible_to(user)
    months = visible.order_by().dates("received_on", "month", order="DESC")
    return {"months": [(f"{month:%Y-%m}", f"{month:%m/%Y}") for month in months]}


def donation_for_detail(user: AnyUser, pk: int) -> Donation:
    queryset = (
        permissions.donations_visible_to(user)
        .select_related("received_by", "plan", "activity", "activity__plan", "recorded_by")
        .prefetch_related(
            Prefetch(
                "transfers",
                queryset=DonationTransfer.objects.select_related("recipient", "area", "recorded_by").order_by(
                    "transferred_on", "pk"
                ),
                to_attr="transfer_list",
            )
        )
    )
    return tracker_permissions.get_visible_or_404(queryset, pk=pk)


# --- History pages ---------------------------------------------------------------------------
# The tracker's machinery (``tracker.history.selectors``) serves these pages as it is. It
# diffs with simple-history's ``diff_against``, which reads fields through ``model_to_dict``
# and so cannot compare non-editable fields: the running totals (``Allocation.disbursed``,
# ``Donation.transferred_*``) and a line's computed ``amount`` are left out of the streams;
# the ledger entries and the passed-on rows, streamed alongside, show what moved them.
# Its ``_without_silent_changes`` compares ``previous = current`` in SQL, which is NULL (not
# false) when one side is NULL, so a row changing a field from NULL to a value and nothing
# else is dropped; the estimate lines' stream does without that filter (see there).

# Whole-đồng fields: the tracker's history machinery shows stored numbers as they are, so the
# budgets pages format these afterwards as 1.234.567 đ.
MONEY_FIELDS = {
    "amount",
    "unit_price",
    "appraised_amount",
    "disbursed",
    "unit_value",
    "transferred_amount",
}


def _line_name(row, names) -> str:
    label = _("Estimate line")
    return f"{label}: {row.description}"


def _disbursement_name(row, names) -> str:
    kind = _("Reversing entry") if row.reverses_id else _("Disbursement")
    return f"{kind} {row.voucher_number} ({row.voucher_date:%d/%m/%Y})"


HISTORY_STREAMS: dict[str, list[Stream]] = {
    "estimate": [
        Stream(Estimate, "id"),
        Stream(
            EstimateLine,
            "estimate_id",
            fields=(
                "description",
                "funding_source",
                "unit_of_measure",
                "quantity",
                "unit_price",
                "appraised_amount",
            ),
            describe=_line_name,
            # See below: the tracker's SQL filter of silent rows also drops a row whose only
            # change is from empty (NULL) to a value, i.e. a line's appraisal; such rows are
            # kept here and the rows that change nothing shown are left out after reading.
            only_field_changes=False,
        ),
    ],
    "allocation": [
        # The running total moves with each entry of the ledger, shown by the second stream.
        Stream(Allocation, "id"),
        Stream(
            Disbursement,
            "allocation_id",
            fields=("voucher_number", "voucher_date", "amount", "reverses", "note"),
            describe=_disbursement_name,
        ),
    ],
    "donation": [
        Stream(
            Donation,
            "id",
            fields=(
                "plan",
                "activity",
                "donor",
                "donor_kind",
                "received_by",
                "received_on",
                "receipt_number",
                "kind",
                "item",
                "quantity",
                "unit_value",
                "amount",
                "note",
                "is_sample",
            ),
        ),
        Stream(
            DonationTransfer,
            "donation_id",
            fields=("recipient", "area", "transferred_on", "document_number", "quantity", "amount", "note"),
            describe=want_and_describe(DonationTransfer, "recipient_id", _("Passed on to")),
        ),
    ],
}


def _as_money(text: str) -> str:
    if text == EMPTY or not text.lstrip("-").isdigit():
        return text
    return format_vnd(int(text))


def history_for(kind: str, pk: int, page_number: str | None) -> tuple[Page, list]:
    """The tracker's history page of a budgets object, with amounts shown in đồng."""
    page, entries = history_page(HISTORY_STREAMS[kind], pk, page_number)
    entries = [entry for entry in entries if entry.kind != "~" or entry.changes or entry.reason]
    for entry in entries:
        for change in entry.changes:
            if change.field in MONEY_FIELDS:
                change.old, change.new = _as_money(change.old), _as_money(change.new)
    return page, entries
