"""Reads for the monthly report of donations received and passed on (seed 001: "tổng hợp báo
cáo tình hình tiếp nhận và phân bổ theo tháng (trước 20 hàng tháng)").

For one month and cumulatively to its end: what was received (cash; in kind by item, with
quantity and value) by donor kind and by receiving unit, what was passed on by recipient
(unit and commune), what is still on hand at the end of the month, the receipts and
transfers of the month, and when the report is due.

Whose figures: province-wide readers see every donation (of one plan, if chosen). A unit
officer sees their own unit's book — what it received, what it passed on, what it still
holds — and, apart, what other units passed to it (`permissions.donations_visible_to`
bounds both). Totals are summed by the database (two grouped queries), the month's lines
read in two more, so the page costs the same number of queries whatever the data.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from budgets.models import Donation, DonationTransfer
from budgets.permissions import donations_visible_to
from tracker.core.calendar import monthly_due_date
from tracker.core.permissions import AnyUser, sees_whole_programme
from tracker.core.text import vietnamese_sort_key
from tracker.models import Plan, ReportingRule, Unit

CASH = Donation.Kind.CASH
# A form of support: ("cash", "") or ("in_kind", item).
Form = tuple[str, str]


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def default_month(today: datetime.date) -> datetime.date:
    """The last complete month: the one a report is written for."""
    return add_months(today, -1)


@dataclass
class Amounts:
    """A quantity (``None`` for cash) and a value in đồng."""

    quantity: int | None = None
    amount: int = 0

    def add(self, quantity: int | None, amount: int) -> None:
        if quantity is not None:
            self.quantity = (self.quantity or 0) + quantity
        self.amount += amount

    def minus(self, other: Amounts) -> Amounts:
        quantity = (
            None if self.quantity is None and other.quantity is None else (self.quantity or 0) - (other.quantity or 0)
        )
        return Amounts(quantity, self.amount - other.amount)


@dataclass
class FormRow:
    """One form of support (cash, or one item) in a group: in the month and to its end."""

    form: Form
    month: Amounts = field(default_factory=Amounts)
    to_date: Amounts = field(default_factory=Amounts)

    def __post_init__(self) -> None:
        if not self.is_cash:
            # Items are counted even when none moved: "0", not a blank.
            self.month.quantity = self.month.quantity or 0
            self.to_date.quantity = self.to_date.quantity or 0

    @property
    def is_cash(self) -> bool:
        return self.form[0] == CASH

    @property
    def label(self) -> str:
        return _("Cash") if self.is_cash else self.form[1]


@dataclass
class Group:
    """Rows of one donor kind, receiving unit or recipient, with the value totals."""

    label: str
    rows: list[FormRow]
    note: str = ""

    @property
    def month_amount(self) -> int:
        return sum(row.month.amount for row in self.rows)

    @property
    def to_date_amount(self) -> int:
        return sum(row.to_date.amount for row in self.rows)


@dataclass
class SummaryRow:
    form: Form
    received: FormRow
    passed: FormRow

    @property
    def label(self) -> str:
        return self.received.label

    @property
    def is_cash(self) -> bool:
        return self.received.is_cash

    @property
    def on_hand(self) -> Amounts:
        return self.received.to_date.minus(self.passed.to_date)


@dataclass
class Holding:
    """What one receiving unit still holds at the end of the month, by form."""

    label: str
    rows: list[tuple[str, Amounts]]

    @property
    def amount(self) -> int:
        return sum(amounts.amount for _label, amounts in self.rows)


@dataclass
class Due:
    rule: ReportingRule
    date: datetime.date


@dataclass
class DonationReport:
    month: datetime.date  # its first day
    end: datetime.date
    plan: Plan | None
    unit: Unit | None  # the officer's unit; None for province-wide readers
    summary: list[SummaryRow]
    by_donor_kind: list[Group]
    by_receiving_unit: list[Group]
    by_recipient: list[Group]
    holdings: list[Holding]
    incoming: list[FormRow]  # passed to the officer's unit by other units
    receipts: list[Donation]
    transfers: list[DonationTransfer]  # passed on by the unit(s) whose book this is
    incoming_transfers: list[DonationTransfer]
    dues: list[Due]
    has_sample: bool

    @property
    def previous_month(self) -> datetime.date:
        return add_months(self.month, -1)

    @property
    def next_month(self) -> datetime.date:
        return add_months(self.month, 1)

    @cached_property
    def totals(self) -> dict[str, int]:
        """Value totals of the summary (quantities of different items are not added up)."""
        return {
            "received_month": sum(row.received.month.amount for row in self.summary),
            "received_to_date": sum(row.received.to_date.amount for row in self.summary),
            "passed_month": sum(row.passed.month.amount for row in self.summary),
            "passed_to_date": sum(row.passed.to_date.amount for row in self.summary),
            "on_hand": sum(row.on_hand.amount for row in self.summary),
            "incoming_month": sum(row.month.amount for row in self.incoming),
            "incoming_to_date": sum(row.to_date.amount for row in self.incoming),
            "holdings": sum(holding.amount for holding in self.holdings),
        }

    @property
    def is_empty(self) -> bool:
        return not (self.summary or self.incoming)


# --- Whose donations --------------------------------------------------------------------------


def _officer_unit_id(user: AnyUser) -> int | None:
    """The unit whose book an officer sees; None for province-wide readers."""
    return None if sees_whole_programme(user) else user.unit_id


def report_plans(user: AnyUser) -> list[Plan]:
    """Plans the user may choose: those with a donation the user may see (one query)."""
    visible = donations_visible_to(user).filter(plan=OuterRef("pk"))
    plans = list(Plan.objects.filter(Exists(visible)))
    return sorted(plans, key=lambda plan: (-plan.period_start.year, vietnamese_sort_key(plan.title)))


def _scope(user: AnyUser, plan: Plan | None) -> tuple[QuerySet[Donation], QuerySet[DonationTransfer], int | None]:
    """The donations whose receipts count (the book) and the transfers shown."""
    visible = donations_visible_to(user)
    if plan is not None:
        visible = visible.filter(plan=plan)
    unit_id = _officer_unit_id(user)
    transfers = DonationTransfer.objects.filter(donation__in=visible)
    if unit_id is None:
        return visible, transfers, None
    book = visible.filter(received_by_id=unit_id)
    return book, transfers.filter(Q(donation__received_by_id=unit_id) | Q(recipient_id=unit_id)), unit_id


def months_with_entries(user: AnyUser, plan: Plan | None) -> list[datetime.date]:
    """Months with a receipt or a transfer the user may see, newest first (two queries)."""
    book, transfers, _unit_id = _scope(user, plan)
    months = set(book.dates("received_on", "month")) | set(transfers.dates("transferred_on", "month"))
    return sorted(months, reverse=True)


# --- The report -------------------------------------------------------------------------------


def _form_order(form: Form) -> tuple:
    return (0, ()) if form[0] == CASH else (1, vietnamese_sort_key(form[1]))


def _sums(date_field: str, start: datetime.date) -> dict:
    """Quantity and value in the month (from ``start``) and to its end (the rows stop there)."""
    in_month = Q(**{f"{date_field}__gte": start})
    return {
        "month_quantity": Sum("quantity", filter=in_month),
        "month_amount": Sum("amount", filter=in_month),
        "quantity": Sum("quantity"),
        "amount": Sum("amount"),
    }


def _add(row: FormRow, values: dict) -> None:
    row.month.add(values["month_quantity"], values["month_amount"] or 0)
    row.to_date.add(values["quantity"], values["amount"] or 0)


def _groups(tally: dict, labels: dict, order) -> list[Group]:
    groups = []
    for key in sorted(tally, key=order):
        rows = [tally[key][form] for form in sorted(tally[key], key=_form_order)]
        label, note = labels[key]
        groups.append(Group(label, rows, note))
    return groups


def _recipient_note(unit_area_id: int | None, area_id: int | None, area_name: str | None) -> str:
    """Name the commune when the recipient is not that commune's own committee."""
    if area_id is None or area_id == unit_area_id:
        return ""
    return _("for %(area)s") % {"area": area_name}


def detail_url(name: str, pk: int) -> str | None:
    """A link to a page another part of budgets provides, if it is there."""
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return None


def _due_dates(month: datetime.date, end: datetime.date, plan_ids: set[int], receivers: set[int]) -> list[Due]:
    """When the month's report is due: the monthly reporting rules of the plans concerned whose
    reporter is itself one of the receiving units, active in the month. (A rule reported by a
    collective of units — "UBND các xã" — is a progress report of its members, not the
    receiving unit's account of its donations; a rule has no field saying what it reports on.)

    The date is the tracker's own (`tracker.core.calendar.monthly_due_date`): the day and
    whether it falls in the month itself or the following one are the rule's, so this page,
    the "what is due" page, the reminders and the plan's calendar give one date. Seed 001's
    "trước 20 hàng tháng" is kept as a rule due on the 20th of the following month.
    """
    if not plan_ids or not receivers:
        return []
    rules = (
        ReportingRule.objects.filter(
            plan_id__in=plan_ids,
            frequency=ReportingRule.Frequency.MONTHLY,
            active_from__lte=end,
            active_to__gte=month,
        )
        .filter(reporter_id__in=receivers)
        .select_related("plan", "reporter")
        .order_by("plan_id", "pk")
    )
    return [Due(rule, monthly_due_date(rule, month.year, month.month)) for rule in rules]


def donation_report(user: AnyUser, *, month: datetime.date, plan: Plan | None = None) -> DonationReport:
    """The report of ``month`` (any day of it) as ``user`` may see it: five queries (a sixth,
    the officer's unit, is usually read already for the top bar)."""
    start, end = month_start(month), month_end(month)
    book, transfers, unit_id = _scope(user, plan)

    # 1. Received, grouped by donor kind, receiving unit and form, in the month and to its end.
    received = (
        book.filter(received_on__lte=end)
        .values("donor_kind", "received_by_id", "received_by__name", "kind", "item", "plan_id")
        .annotate(**_sums("received_on", start), samples=Count("pk", filter=Q(is_sample=True)))
        .order_by()
    )
    summary_received: dict[Form, FormRow] = {}
    by_kind: dict[str, dict[Form, FormRow]] = defaultdict(dict)
    by_unit: dict[int, dict[Form, FormRow]] = defaultdict(dict)
    unit_labels: dict[int, tuple[str, str]] = {}
    plan_ids: set[int] = set()
    samples = 0
    for values in received:
        form = (values["kind"], values["item"])
        for tally in (summary_received, by_kind[values["donor_kind"]], by_unit[values["received_by_id"]]):
            _add(tally.setdefault(form, FormRow(form)), values)
        unit_labels[values["received_by_id"]] = (values["received_by__name"], "")
        if values["plan_id"]:
            plan_ids.add(values["plan_id"])
        samples += values["samples"]

    # 2. Passed on, grouped by the unit that passed it on, the recipient, the commune and form.
    passed = (
        transfers.filter(transferred_on__lte=end)
        .values(
            "donation__received_by_id",
            "donation__received_by__name",
            "recipient_id",
            "recipient__name",
            "recipient__area_id",
            "area_id",
            "area__name",
            "donation__kind",
            "donation__item",
        )
        .annotate(**_sums("transferred_on", start), samples=Count("pk", filter=Q(donation__is_sample=True)))
        .order_by()
    )
    summary_passed: dict[Form, FormRow] = {}
    passed_by_holder: dict[int, dict[Form, FormRow]] = defaultdict(dict)
    by_recipient: dict[tuple[int, int | None], dict[Form, FormRow]] = defaultdict(dict)
    recipient_labels: dict[tuple[int, int | None], tuple[str, str]] = {}
    incoming: dict[Form, FormRow] = {}
    for values in passed:
        form = (values["donation__kind"], values["donation__item"])
        holder = values["donation__received_by_id"]
        samples += values["samples"]
        if unit_id is not None and holder != unit_id:
            # Passed to the officer's unit by another unit: not part of its own book.
            _add(incoming.setdefault(form, FormRow(form)), values)
            continue
        key = (values["recipient_id"], values["area_id"])
        for tally in (summary_passed, passed_by_holder[holder], by_recipient[key]):
            _add(tally.setdefault(form, FormRow(form)), values)
        note = _recipient_note(values["recipient__area_id"], values["area_id"], values["area__name"])
        recipient_labels[key] = (values["recipient__name"], note)

    summary = [
        SummaryRow(form, summary_received.get(form) or FormRow(form), summary_passed.get(form) or FormRow(form))
        for form in sorted(set(summary_received) | set(summary_passed), key=_form_order)
    ]
    holdings = []
    for holder in sorted(by_unit, key=lambda pk: vietnamese_sort_key(unit_labels[pk][0])):
        rows = []
        for form in sorted(by_unit[holder], key=_form_order):
            got = by_unit[holder][form]
            given = passed_by_holder[holder].get(form) or FormRow(form)
            left = got.to_date.minus(given.to_date)
            if left.amount or left.quantity:
                rows.append((got.label, left))
        if rows:
            holdings.append(Holding(unit_labels[holder][0], rows))

    kind_order = {kind: index for index, kind in enumerate(Donation.DonorKind.values)}
    kind_labels = {kind: (str(label), "") for kind, label in Donation.DonorKind.choices}

    # 3–4. The month's receipts and transfers, line by line.
    receipts = list(
        book.filter(received_on__range=(start, end)).select_related("received_by", "plan").order_by("received_on", "pk")
    )
    month_transfers = list(
        transfers.filter(transferred_on__range=(start, end))
        .select_related("donation__received_by", "recipient", "area")
        .order_by("transferred_on", "pk")
    )
    for donation in receipts:
        donation.url = detail_url("budgets:donation_detail", donation.pk)
    for transfer in month_transfers:
        transfer.donation.url = detail_url("budgets:donation_detail", transfer.donation_id)
    outgoing = [t for t in month_transfers if unit_id is None or t.donation.received_by_id == unit_id]
    incoming_transfers = [t for t in month_transfers if unit_id is not None and t.donation.received_by_id != unit_id]

    # 5. When it is due.
    dues = _due_dates(start, end, {plan.pk} if plan else plan_ids, set(by_unit))
    return DonationReport(
        month=start,
        end=end,
        plan=plan,
        unit=user.unit if unit_id else None,
        summary=summary,
        by_donor_kind=_groups(by_kind, kind_labels, lambda kind: kind_order.get(kind, 99)),
        by_receiving_unit=_groups(by_unit, unit_labels, lambda pk: vietnamese_sort_key(unit_labels[pk][0])),
        by_recipient=_groups(
            by_recipient, recipient_labels, lambda key: vietnamese_sort_key(" ".join(recipient_labels[key]))
        ),
        holdings=holdings,
        incoming=[incoming[form] for form in sorted(incoming, key=_form_order)],
        receipts=receipts,
        transfers=outgoing,
        incoming_transfers=incoming_transfers,
        dues=dues,
        has_sample=bool(samples),
    )
