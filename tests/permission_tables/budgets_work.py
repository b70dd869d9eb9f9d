"""The finance officer's working pages: estimates, allocations and disbursements, donations.

Built lazily from the shared world (as progress.py's `_evidence`): unit A (officer_a's, the
unit of `w.task_a`) has an approved estimate and an allocation for `w.activity`, with one
disbursement; unit B has an approved estimate and an allocation for `w.activity_b`; unit A
also has a draft, a submitted and an appraised estimate, and received a donation in kind.

Who: province-wide readers (DIC manager, finance, monitor) see everything; a unit officer
sees their own unit's rows (officer_b does not see unit A's: 404); the CMS editor sees no
budget (the lists answer 403, an object 404). Finance records; a DIC manager approves; the
unit, the DIC and finance draft and submit. A step the user's role takes but the estimate is
not at (e.g. submitting twice) answers with a message and a redirect (302), writing nothing.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.urls import reverse

from budgets import services
from budgets.models import Allocation, Donation, Estimate, EstimateLine
from tests.budgets.factories import EstimateFactory, EstimateLineFactory, approved_estimate, source
from tests.permission_tables import Entry, answers

YEAR = 2026
VOUCHER_DATE = datetime.date(2026, 3, 5)

# Lists: every budget reader; the CMS editor is no budget reader.
LIST = answers(editor=403, others=200)
# An object of unit A.
SEEN_A = answers(manager=200, officer_a=200, finance=200, monitor=200, others=404)
FINANCE_PAGE_A = answers(finance=200, manager=403, officer_a=403, monitor=403, others=404)
FINANCE_WRITES_A = answers(finance=302, manager=403, officer_a=403, monitor=403, others=404)
FINANCE_ONLY = answers(finance=200, others=403)
NOT_ALLOWED = answers(others=405)


def _line(description: str, amount: int, code: str = "central_budget") -> EstimateLine:
    return EstimateLine(description=description, funding_source=source(code), quantity=1, unit_price=amount)


def _estimate_of_a(w, title: str, *, year: int = 2027) -> Estimate:
    estimate = Estimate(activity=w.activity, unit=w.unit_a, year=year, title=title)
    return services.estimate_save(
        estimate=estimate,
        lines=[_line("Tập huấn", 12_000_000), _line("Phóng sự", 8_000_000, "local_budget")],
        actor=w.users["officer_a"],
    )


def _budgets(w) -> SimpleNamespace:
    """The budgets objects of the world, made once per world through the services."""
    if hasattr(w, "budgets"):
        return w.budgets
    users = w.users
    finance, officer_a = users["finance"], users["officer_a"]
    unit_a = w.task_a.unit  # = w.unit_a

    approved = EstimateFactory(
        activity=w.activity,
        unit=unit_a,
        year=YEAR,
        title="Dự toán năm 2026 của xã A",
        status=Estimate.Status.APPROVED,
        decision_number="1181/QĐ-UBND",
        decision_date=datetime.date(2026, 2, 1),
        created_by=officer_a,
    )
    EstimateLineFactory(
        estimate=approved, funding_source=source(), unit_price=100_000_000, appraised_amount=100_000_000
    )
    EstimateLineFactory(
        estimate=approved, funding_source=source("local_budget"), unit_price=50_000_000, appraised_amount=50_000_000
    )
    allocation_a = services.allocation_save(
        allocation=Allocation(
            activity=w.activity,
            unit=unit_a,
            funding_source=source(),
            year=YEAR,
            amount=60_000_000,
            decision_number="1181/QĐ-UBND",
            decision_date=datetime.date(2026, 2, 10),
        ),
        actor=finance,
    )
    disbursement = services.disbursement_record(
        allocation=allocation_a, amount=10_000_000, voucher_number="PC-01", voucher_date=VOUCHER_DATE, actor=finance
    )

    approved_estimate(activity=w.activity_b, year=YEAR, amount=80_000_000, unit=w.unit_b, created_by=users["officer_b"])
    allocation_b = services.allocation_save(
        allocation=Allocation(
            activity=w.activity_b,
            unit=w.unit_b,
            funding_source=source(),
            year=YEAR,
            amount=40_000_000,
            decision_number="1966/QĐ-UBND",
            decision_date=datetime.date(2026, 2, 12),
        ),
        actor=finance,
    )

    draft = _estimate_of_a(w, "Dự toán nháp")
    submitted = _estimate_of_a(w, "Dự toán đã gửi")
    services.estimate_submit(estimate=submitted, actor=officer_a)
    appraised = _estimate_of_a(w, "Dự toán đã thẩm định")
    services.estimate_submit(estimate=appraised, actor=officer_a)
    services.estimate_appraise(
        estimate=appraised,
        appraised={line.pk: line.amount for line in appraised.lines.all()},
        comments="Đúng định mức.",
        actor=finance,
    )

    donation = services.donation_save(
        donation=Donation(
            donor="Công ty Viễn thông A",
            donor_kind=Donation.DonorKind.ENTERPRISE,
            received_by=unit_a,
            received_on=datetime.date(2026, 3, 1),
            kind=Donation.Kind.IN_KIND,
            item="điện thoại thông minh",
            quantity=40,
            unit_value=1_500_000,
            amount=60_000_000,
        ),
        actor=finance,
    )
    w.budgets = SimpleNamespace(
        approved=approved,
        allocation_a=allocation_a,
        allocation_b=allocation_b,
        disbursement=disbursement,
        draft=draft,
        submitted=submitted,
        appraised=appraised,
        donation=donation,
    )
    return w.budgets


def _url(name: str, attribute: str | None = None):
    def build(w) -> str:
        budgets = _budgets(w)  # the lists too, so that they have rows to show (or hide)
        if attribute is None:
            return reverse(name)
        return reverse(name, args=[getattr(budgets, attribute).pk])

    return build


def _estimate_data(w, **extra) -> dict:
    return {
        "activity": w.activity.pk,
        "unit": w.unit_a.pk,
        "year": "2027",
        "title": "Dự toán tuyên truyền năm 2027",
        "explanation": "Theo định mức.",
        "lines-TOTAL_FORMS": "1",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "lines-0-description": "Sản xuất phóng sự",
        "lines-0-funding_source": source().pk,
        "lines-0-unit_of_measure": "phóng sự",
        "lines-0-quantity": "2",
        "lines-0-unit_price": "5.000.000",
        **extra,
    }


def _edit_data(w) -> dict:
    draft = _budgets(w).draft
    lines = list(draft.lines.order_by("order"))
    data = _estimate_data(w, title="Dự toán nháp (sửa)")
    data.update({"lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": str(len(lines))})
    for index, line in enumerate(lines):
        data.update(
            {
                f"lines-{index}-id": line.pk,
                f"lines-{index}-estimate": draft.pk,
                f"lines-{index}-description": line.description,
                f"lines-{index}-funding_source": line.funding_source_id,
                f"lines-{index}-quantity": "1",
                f"lines-{index}-unit_price": f"{line.unit_price + 1_000_000}",
            }
        )
    return data


def _appraise_data(w) -> dict:
    lines = _budgets(w).submitted.lines.all()
    return {"comments": "Giảm theo định mức.", **{f"line_{line.pk}": "7.000.000" for line in lines}}


def _allocation_data(w, **extra) -> dict:
    return {
        "activity": w.activity.pk,
        "unit": w.unit_a.pk,
        "funding_source": source("local_budget").pk,
        "year": str(YEAR),
        "amount": "20.000.000",
        "decision_number": "1182/QĐ-UBND",
        "decision_date": "15/07/2026",
        "note": "Giao bổ sung.",
        **extra,
    }


def _donation_data(w) -> dict:
    return {
        "donor": "Ngân hàng B",
        "donor_kind": Donation.DonorKind.ENTERPRISE,
        "received_by": w.unit_a.pk,
        "received_on": "02/03/2026",
        "receipt_number": "PT-02",
        "kind": Donation.Kind.CASH,
        "amount": "10.000.000",
    }


ENTRIES = {
    # --- Estimates ---
    "budgets:estimate_list": Entry(
        path=_url("budgets:estimate_list"), methods={"GET": LIST, "POST": NOT_ALLOWED}, data=lambda w: {}
    ),
    # officer_b may draft, but not for unit A's activity: the form refuses the choice (200).
    "budgets:estimate_create": Entry(
        path=_url("budgets:estimate_create"),
        methods={
            "GET": answers(monitor=403, editor=403, others=200),
            "POST": answers(officer_a=302, finance=302, manager=302, officer_b=200, monitor=403, editor=403),
        },
        data=_estimate_data,
    ),
    "budgets:estimate_detail": Entry(
        path=_url("budgets:estimate_detail", "approved"), methods={"GET": SEEN_A, "POST": NOT_ALLOWED}
    ),
    "budgets:estimate_edit": Entry(
        path=_url("budgets:estimate_edit", "draft"),
        methods={
            "GET": answers(officer_a=200, finance=200, manager=200, monitor=403, others=404),
            "POST": answers(officer_a=302, finance=302, manager=302, monitor=403, others=404),
        },
        data=_edit_data,
    ),
    # officer_a submits; finance and the manager then find it submitted already: a message (302).
    "budgets:estimate_submit": Entry(
        path=_url("budgets:estimate_submit", "draft"),
        methods={
            "GET": NOT_ALLOWED,
            "POST": answers(officer_a=302, finance=302, manager=302, monitor=403, others=404),
        },
    ),
    "budgets:estimate_appraise": Entry(
        path=_url("budgets:estimate_appraise", "submitted"),
        methods={"GET": NOT_ALLOWED, "POST": FINANCE_WRITES_A},
        data=_appraise_data,
    ),
    "budgets:estimate_approve": Entry(
        path=_url("budgets:estimate_approve", "appraised"),
        methods={
            "GET": NOT_ALLOWED,
            "POST": answers(manager=302, finance=403, officer_a=403, monitor=403, others=404),
        },
        data=lambda w: {"decision_number": "1181/QĐ-UBND", "decision_date": "15/07/2026"},
    ),
    # Finance returns the submitted estimate; the manager then finds it returned: a message.
    "budgets:estimate_return": Entry(
        path=_url("budgets:estimate_return", "submitted"),
        methods={
            "GET": NOT_ALLOWED,
            "POST": answers(finance=302, manager=302, officer_a=403, monitor=403, others=404),
        },
        data=lambda w: {"reason": "Thiếu thuyết minh đơn giá."},
    ),
    "budgets:estimate_history": Entry(
        path=_url("budgets:estimate_history", "approved"), methods={"GET": SEEN_A, "POST": NOT_ALLOWED}
    ),
    # --- Allocations and disbursements ---
    "budgets:allocation_list": Entry(
        path=_url("budgets:allocation_list"), methods={"GET": LIST, "POST": NOT_ALLOWED}, data=lambda w: {}
    ),
    "budgets:allocation_create": Entry(
        path=_url("budgets:allocation_create"),
        methods={"GET": FINANCE_ONLY, "POST": answers(finance=302, others=403)},
        data=_allocation_data,
    ),
    "budgets:allocation_detail": Entry(
        path=_url("budgets:allocation_detail", "allocation_a"), methods={"GET": SEEN_A, "POST": NOT_ALLOWED}
    ),
    "budgets:allocation_edit": Entry(
        path=_url("budgets:allocation_edit", "allocation_a"),
        methods={"GET": FINANCE_PAGE_A, "POST": FINANCE_WRITES_A},
        data=lambda w: _allocation_data(w, funding_source=source().pk, amount="70.000.000"),
    ),
    "budgets:disbursement_record": Entry(
        path=_url("budgets:disbursement_record", "allocation_a"),
        methods={"GET": NOT_ALLOWED, "POST": FINANCE_WRITES_A},
        data=lambda w: {"voucher_number": "PC-02", "voucher_date": "06/03/2026", "amount": "5.000.000"},
    ),
    "budgets:disbursement_reverse": Entry(
        path=_url("budgets:disbursement_reverse", "disbursement"),
        methods={"GET": NOT_ALLOWED, "POST": FINANCE_WRITES_A},
        data=lambda w: {"reason": "Ghi trùng chứng từ."},
    ),
    "budgets:allocation_history": Entry(
        path=_url("budgets:allocation_history", "allocation_a"), methods={"GET": SEEN_A, "POST": NOT_ALLOWED}
    ),
    # --- Donations ---
    "budgets:donation_list": Entry(
        path=_url("budgets:donation_list"), methods={"GET": LIST, "POST": NOT_ALLOWED}, data=lambda w: {}
    ),
    "budgets:donation_create": Entry(
        path=_url("budgets:donation_create"),
        methods={"GET": FINANCE_ONLY, "POST": answers(finance=302, others=403)},
        data=_donation_data,
    ),
    "budgets:donation_detail": Entry(
        path=_url("budgets:donation_detail", "donation"), methods={"GET": SEEN_A, "POST": NOT_ALLOWED}
    ),
    "budgets:donation_edit": Entry(
        path=_url("budgets:donation_edit", "donation"),
        methods={"GET": FINANCE_PAGE_A, "POST": FINANCE_WRITES_A},
        data=lambda w: {
            **_donation_data(w),
            "kind": Donation.Kind.IN_KIND,
            "amount": "",
            "item": "điện thoại thông minh",
            "quantity": "40",
            "unit_value": "1.600.000",
        },
    ),
    "budgets:donation_transfer": Entry(
        path=_url("budgets:donation_transfer", "donation"),
        methods={"GET": NOT_ALLOWED, "POST": FINANCE_WRITES_A},
        data=lambda w: {"recipient": w.unit_b.pk, "transferred_on": "05/03/2026", "quantity": "10"},
    ),
    "budgets:donation_history": Entry(
        path=_url("budgets:donation_history", "donation"), methods={"GET": SEEN_A, "POST": NOT_ALLOWED}
    ),
}
