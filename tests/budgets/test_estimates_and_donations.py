"""Estimates go draft → submitted → appraised → approved (or back), allocations stay within
what was approved, and donations are passed on no further than what was received."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from budgets import models, services
from tests import factories
from tests.budgets.factories import AllocationFactory, approved_estimate, source

DECISION_DATE = datetime.date(2022, 7, 15)


def _draft(actor, activity=None, **lines):
    activity = activity or factories.ActivityFactory()
    estimate = models.Estimate(activity=activity, unit=activity.lead_unit, year=2022, title="Dự toán 2022")
    return services.estimate_save(
        estimate=estimate,
        lines=[
            models.EstimateLine(description="Tập huấn", funding_source=source(), quantity=2, unit_price=15_000_000),
            models.EstimateLine(
                description="Sản xuất phóng sự", funding_source=source("local_budget"), quantity=1, unit_price=8_000_000
            ),
        ],
        actor=actor,
    )


def _through_appraisal(estimate, finance, amounts):
    lines = list(estimate.lines.order_by("order"))
    return services.estimate_appraise(
        estimate=estimate,
        appraised={line.pk: amount for line, amount in zip(lines, amounts, strict=True)},
        comments="Giảm đơn giá tập huấn theo định mức.",
        actor=finance,
    )


def test_an_estimate_goes_from_draft_to_approved_with_history_of_each_step(officer_a, finance, manager):
    estimate = _draft(officer_a)
    assert [line.amount for line in estimate.lines.order_by("order")] == [30_000_000, 8_000_000]

    services.estimate_submit(estimate=estimate, actor=officer_a)
    _through_appraisal(estimate, finance, [25_000_000, 8_000_000])
    services.estimate_approve(
        estimate=estimate, decision_number="1181/QĐ-UBND", decision_date=DECISION_DATE, actor=manager
    )

    estimate.refresh_from_db()
    assert estimate.status == models.Estimate.Status.APPROVED
    assert (estimate.decision_number, estimate.decision_date) == ("1181/QĐ-UBND", DECISION_DATE)
    assert [(h.status, h.history_user) for h in estimate.history.order_by("history_id")] == [
        ("draft", officer_a),
        ("submitted", officer_a),
        ("appraised", finance),
        ("approved", manager),
    ]
    assert services.approved_amount(activity_id=estimate.activity_id, year=2022, funding_source_id=source().pk) == (
        25_000_000
    )


def test_a_returned_estimate_is_edited_and_submitted_again(officer_a, finance):
    estimate = _draft(officer_a)
    services.estimate_submit(estimate=estimate, actor=officer_a)
    with pytest.raises(ValidationError, match="Say why"):
        services.estimate_return(estimate=estimate, reason="  ", actor=finance)
    services.estimate_return(estimate=estimate, reason="Thiếu thuyết minh đơn giá.", actor=finance)

    estimate.refresh_from_db()
    assert (estimate.status, estimate.return_reason) == ("returned", "Thiếu thuyết minh đơn giá.")
    services.estimate_submit(estimate=estimate, actor=officer_a)
    estimate.refresh_from_db()
    assert (estimate.status, estimate.return_reason) == ("submitted", "")


def test_an_estimate_cannot_skip_a_step_or_be_edited_once_submitted(officer_a, manager):
    estimate = _draft(officer_a)
    with pytest.raises(ValidationError, match="cannot be done now"):
        services.estimate_approve(
            estimate=estimate, decision_number="1181/QĐ-UBND", decision_date=DECISION_DATE, actor=manager
        )
    services.estimate_submit(estimate=estimate, actor=officer_a)
    with pytest.raises(ValidationError, match="cannot be done now"):
        services.estimate_save(estimate=estimate, lines=list(estimate.lines.all()), actor=officer_a)


def test_appraisal_needs_an_amount_for_every_line(officer_a, finance):
    estimate = _draft(officer_a)
    services.estimate_submit(estimate=estimate, actor=officer_a)
    first = estimate.lines.order_by("order").first()
    with pytest.raises(ValidationError, match="Sản xuất phóng sự"):
        services.estimate_appraise(estimate=estimate, appraised={first.pk: 1}, comments="", actor=finance)
    estimate.refresh_from_db()
    assert estimate.status == "submitted"
    assert not estimate.lines.exclude(appraised_amount=None).exists()


def test_the_database_refuses_an_approved_estimate_without_its_decision(officer_a):
    estimate = _draft(officer_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Estimate.objects.filter(pk=estimate.pk).update(status="approved")


def test_allocations_together_cannot_exceed_what_was_approved(finance, unit_a, unit_b):
    activity = factories.ActivityFactory()
    approved_estimate(activity=activity, year=2026, amount=10_000_000)

    def allocate(unit, amount):
        return services.allocation_save(
            allocation=models.Allocation(
                activity=activity,
                unit=unit,
                funding_source=source(),
                year=2026,
                amount=amount,
                decision_number="1966/QĐ-UBND",
                decision_date=datetime.date(2026, 1, 5),
            ),
            actor=finance,
        )

    allocate(unit_a, 6_000_000)
    with pytest.raises(ValidationError) as refused:
        allocate(unit_b, 5_000_000)
    assert "at most 4.000.000 đ can be allocated" in str(refused.value)
    allocate(unit_b, 4_000_000)
    assert models.Allocation.objects.filter(activity=activity).count() == 2


def test_an_allocation_from_a_source_nothing_was_approved_for_is_refused(finance, unit_a):
    allocation = AllocationFactory()  # its estimate approves the central budget only
    with pytest.raises(ValidationError, match="0 đ from this source"):
        services.allocation_save(
            allocation=models.Allocation(
                activity=allocation.activity,
                unit=unit_a,
                funding_source=source("local_budget"),
                year=2026,
                amount=1,
                decision_number="1/QĐ-UBND",
                decision_date=datetime.date(2026, 1, 5),
            ),
            actor=finance,
        )


def _phones(finance, unit, quantity=40):
    return services.donation_save(
        donation=models.Donation(
            donor="Công ty Viễn thông (mẫu)",
            donor_kind=models.Donation.DonorKind.ENTERPRISE,
            received_by=unit,
            received_on=datetime.date(2023, 8, 15),
            kind=models.Donation.Kind.IN_KIND,
            item="Điện thoại thông minh",
            quantity=quantity,
            unit_value=1_500_000,
            amount=0,
        ),
        actor=finance,
    )


def test_a_donation_in_kind_is_valued_and_passed_on_no_further_than_received(finance, unit_a, unit_b):
    phones = _phones(finance, unit_a)
    assert phones.amount == 60_000_000

    services.donation_transfer(
        donation=phones, recipient=unit_b, quantity=30, transferred_on=datetime.date(2023, 9, 1), actor=finance
    )
    with pytest.raises(ValidationError, match="Only 10 items remain"):
        services.donation_transfer(
            donation=phones, recipient=unit_b, quantity=11, transferred_on=datetime.date(2023, 9, 2), actor=finance
        )
    phones.refresh_from_db()
    assert (phones.transferred_quantity, phones.transferred_amount) == (30, 45_000_000)
    assert phones.transfers.get().amount == 45_000_000
    assert phones.history.first().history_user == finance


def test_the_database_refuses_passing_on_more_than_a_donation(finance, unit_a):
    phones = _phones(finance, unit_a, quantity=5)
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Donation.objects.filter(pk=phones.pk).update(transferred_quantity=6)


def test_cash_is_passed_on_by_amount(finance, unit_a, unit_b):
    cash = services.donation_save(
        donation=models.Donation(
            donor="Hội doanh nghiệp (mẫu)",
            donor_kind=models.Donation.DonorKind.ORGANISATION,
            received_by=unit_a,
            received_on=datetime.date(2023, 8, 20),
            kind=models.Donation.Kind.CASH,
            amount=20_000_000,
        ),
        actor=finance,
    )
    services.donation_transfer(
        donation=cash, recipient=unit_b, amount=20_000_000, transferred_on=datetime.date(2023, 9, 1), actor=finance
    )
    with pytest.raises(ValidationError, match="Only 0 đ remain"):
        services.donation_transfer(
            donation=cash, recipient=unit_b, amount=1, transferred_on=datetime.date(2023, 9, 1), actor=finance
        )
