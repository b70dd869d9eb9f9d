"""Idempotent building blocks of the budgets demo, each writing through `budgets.services`.

A helper looks its row up by a natural key and, when the row is there, leaves it as it is:
estimates move through their workflow and disbursements and transfers are append-only
ledgers, so "update to match" would mean rewriting history. A finance officer's later
edits in the app therefore survive a re-run too.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field

from budgets import services
from budgets.models import Allocation, Disbursement, Donation, DonationTransfer, Estimate, EstimateLine, FundingSource
from tracker.models import Activity, Area, Plan, Unit, User

D = datetime.date
SAMPLE = "(mẫu)"
# On every allocation and disbursement (those models have no is_sample flag).
SAMPLE_NOTE = "Số liệu mẫu: số tiền do phần mềm tạo ra để trình diễn, không phải số liệu chính thức."
SAMPLE_EXPLANATION = (
    "Số liệu mẫu: kế hoạch không nêu số tiền; khối lượng, đơn giá và số tiền trong dự toán này do phần mềm tạo ra "
    "để trình diễn, không phải số liệu chính thức."
)
SAMPLE_DONATION_NOTE = (
    "Số liệu mẫu: nhà tài trợ, số lượng, giá trị và số biên bản do phần mềm tạo ra để trình diễn, không phải số liệu "
    "chính thức."
)


@dataclass
class Ctx:
    actor: User
    today: datetime.date
    sources: dict[str, FundingSource] = field(default_factory=dict)

    def source(self, code: str) -> FundingSource:
        if code not in self.sources:
            self.sources[code] = FundingSource.objects.get(code=code)
        return self.sources[code]


@dataclass(frozen=True)
class Line:
    """One estimate line: what, from which source, how many at what price; the appraised
    amount defaults to the line's amount."""

    description: str
    source: str
    unit_of_measure: str
    quantity: int
    unit_price: int
    appraised: int | None = None

    @property
    def amount(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True)
class Decision:
    number: str
    date: datetime.date


def months_from(day: datetime.date, months: int, on_day: int) -> datetime.date:
    """Day ``on_day`` (clamped to the month's length) of the month ``months`` away from ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return D(year, month, min(on_day, calendar.monthrange(year, month)[1]))


def estimate(
    ctx: Ctx,
    *,
    activity: Activity,
    unit: Unit,
    year: int,
    title: str,
    lines: list[Line],
    status: str = Estimate.Status.APPROVED,
    decision: Decision | None = None,
    comments: str = "",
    return_reason: str = "",
) -> Estimate:
    """An estimate taken through the workflow up to ``status`` (created once, never moved on)."""
    existing = Estimate.objects.filter(activity=activity, unit=unit, year=year, title=title).first()
    if existing is not None:
        return existing
    new = Estimate(
        activity=activity,
        unit=unit,
        year=year,
        title=title,
        explanation=SAMPLE_EXPLANATION,
        is_sample=True,
    )
    rows = [
        EstimateLine(
            description=line.description,
            funding_source=ctx.source(line.source),
            unit_of_measure=line.unit_of_measure,
            quantity=line.quantity,
            unit_price=line.unit_price,
        )
        for line in lines
    ]
    saved = services.estimate_save(estimate=new, lines=rows, actor=ctx.actor)
    if status == Estimate.Status.DRAFT:
        return saved
    services.estimate_submit(estimate=saved, actor=ctx.actor)
    if status == Estimate.Status.RETURNED:
        return services.estimate_return(estimate=saved, reason=return_reason, actor=ctx.actor)
    if status == Estimate.Status.SUBMITTED:
        return saved
    appraised = {
        row.pk: line.amount if line.appraised is None else line.appraised for row, line in zip(rows, lines, strict=True)
    }
    services.estimate_appraise(estimate=saved, appraised=appraised, comments=comments, actor=ctx.actor)
    if status == Estimate.Status.APPRAISED:
        return saved
    if decision is None:
        raise ValueError(f"{title}: an approved estimate needs its decision")
    return services.estimate_approve(
        estimate=saved, decision_number=decision.number, decision_date=decision.date, actor=ctx.actor
    )


def allocation(
    ctx: Ctx,
    *,
    activity: Activity,
    unit: Unit,
    source: str,
    year: int,
    amount: int,
    decision: Decision,
    note: str = "",
) -> Allocation:
    """An allocation (created once; its amount is checked against the approved estimates)."""
    lookup = {"activity": activity, "unit": unit, "funding_source": ctx.source(source), "year": year}
    existing = Allocation.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    return services.allocation_save(
        allocation=Allocation(
            **lookup,
            amount=amount,
            decision_number=decision.number,
            decision_date=decision.date,
            note=f"{SAMPLE_NOTE} {note}".strip(),
        ),
        actor=ctx.actor,
    )


def disburse(
    ctx: Ctx, allocation_obj: Allocation, voucher: str, day: datetime.date, amount: int, note: str = ""
) -> Disbursement:
    """One payment, recorded once (looked up by its voucher number on the allocation)."""
    existing = allocation_obj.disbursements.filter(voucher_number=voucher, reverses__isnull=True).first()
    if existing is not None:
        return existing
    return services.disbursement_record(
        allocation=allocation_obj,
        amount=amount,
        voucher_number=voucher,
        voucher_date=day,
        actor=ctx.actor,
        note=f"{SAMPLE_NOTE} {note}".strip(),
    )


def reverse(ctx: Ctx, original: Disbursement, reason: str, day: datetime.date) -> None:
    """A reversing entry for ``original``, once."""
    if original.reversals.exists():
        return
    services.disbursement_reverse(disbursement=original, actor=ctx.actor, reason=reason, voucher_date=day)


def donation(
    ctx: Ctx,
    *,
    plan: Plan,
    activity: Activity | None,
    donor: str,
    donor_kind: str,
    received_by: Unit,
    received_on: datetime.date,
    receipt_number: str,
    amount: int | None = None,
    item: str = "",
    quantity: int | None = None,
    unit_value: int | None = None,
) -> Donation:
    """A donation in cash (``amount``) or in kind (``item``, ``quantity``, ``unit_value``), once."""
    if SAMPLE not in donor:
        raise ValueError(f"{donor}: every demo donor is made up and must say {SAMPLE}")
    existing = Donation.objects.filter(plan=plan, donor=donor, receipt_number=receipt_number).first()
    if existing is not None:
        return existing
    in_kind = bool(item)
    return services.donation_save(
        donation=Donation(
            plan=plan,
            activity=activity,
            donor=donor,
            donor_kind=donor_kind,
            received_by=received_by,
            received_on=received_on,
            receipt_number=receipt_number,
            kind=Donation.Kind.IN_KIND if in_kind else Donation.Kind.CASH,
            item=item,
            quantity=quantity,
            unit_value=unit_value,
            amount=quantity * unit_value if in_kind else amount,
            note=SAMPLE_DONATION_NOTE,
            is_sample=True,
        ),
        actor=ctx.actor,
    )


def transfer(
    ctx: Ctx,
    donation_obj: Donation,
    *,
    document_number: str,
    recipient: Unit,
    area: Area | None,
    on: datetime.date,
    quantity: int | None = None,
    amount: int | None = None,
) -> DonationTransfer:
    """Part of a donation passed on, once (looked up by its document number on the donation)."""
    existing = donation_obj.transfers.filter(document_number=document_number).first()
    if existing is not None:
        return existing
    return services.donation_transfer(
        donation=donation_obj,
        recipient=recipient,
        transferred_on=on,
        actor=ctx.actor,
        quantity=quantity,
        amount=amount,
        area=area,
        document_number=document_number,
        note=SAMPLE_NOTE,
    )
