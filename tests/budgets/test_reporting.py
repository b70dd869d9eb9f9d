"""budget_by_source: the money figures the tracker's official reports print, per funding source."""

import datetime
from decimal import Decimal

import pytest

from budgets import services
from budgets.reporting import budget_by_source, disbursement_rate
from tests import factories
from tests.budgets.factories import AllocationFactory, source

pytestmark = pytest.mark.django_db
D = datetime.date


def _pay(allocation, amount, actor, day, voucher="PC-01"):
    return services.disbursement_record(
        allocation=allocation, amount=amount, voucher_number=voucher, voucher_date=day, actor=actor
    )


@pytest.fixture
def activity():
    return factories.ActivityFactory()


def test_sums_allocations_and_disbursements_per_source_of_the_given_activities_only(finance, activity):
    central = AllocationFactory(activity=activity, amount=100_000_000, funding_source=source("central_budget"))
    AllocationFactory(activity=activity, amount=20_000_000, funding_source=source("central_budget"))
    local = AllocationFactory(activity=activity, amount=30_000_000, funding_source=source("local_budget"))
    other = AllocationFactory(amount=999_000_000)  # another activity: not in the report
    _pay(central, 45_000_000, finance, D(2026, 3, 1))
    _pay(local, 10_000_000, finance, D(2026, 3, 2))
    _pay(other, 5_000_000, finance, D(2026, 3, 3))

    rows = budget_by_source(activity_ids=[activity.pk])

    assert rows == [
        {
            "source_id": source("central_budget").pk,
            "code": "central_budget",
            "source": "Ngân sách trung ương (vốn sự nghiệp)",
            "allocated": 120_000_000,
            "disbursed": 45_000_000,
            "rate": Decimal("37.5"),
        },
        {
            "source_id": source("local_budget").pk,
            "code": "local_budget",
            "source": "Ngân sách địa phương (đối ứng)",
            "allocated": 30_000_000,
            "disbursed": 10_000_000,
            "rate": Decimal("33.3"),
        },
    ]
    assert all(isinstance(row["allocated"], int) and isinstance(row["disbursed"], int) for row in rows)


def test_year_keeps_only_that_budget_years_allocations(finance, activity):
    this_year = AllocationFactory(activity=activity, year=2026, amount=50_000_000)
    AllocationFactory(activity=activity, year=2025, amount=70_000_000, decision_date=D(2025, 2, 1))
    _pay(this_year, 5_000_000, finance, D(2026, 4, 1))

    rows = budget_by_source(activity_ids=[activity.pk], year=2026)

    assert [(row["allocated"], row["disbursed"]) for row in rows] == [(50_000_000, 5_000_000)]


def test_date_to_counts_money_decided_and_paid_by_that_day_with_reversals(finance, activity):
    allocation = AllocationFactory(activity=activity, amount=80_000_000, decision_date=D(2026, 2, 10))
    AllocationFactory(
        activity=activity, amount=40_000_000, decision_date=D(2026, 8, 1), funding_source=source("local_budget")
    )
    first = _pay(allocation, 30_000_000, finance, D(2026, 5, 5), "PC-01")
    services.disbursement_reverse(
        disbursement=first, actor=finance, reason="Sai số tiền", voucher_date=D(2026, 6, 1), voucher_number="PC-01R"
    )
    _pay(allocation, 25_000_000, finance, D(2026, 6, 20), "PC-02")
    _pay(allocation, 10_000_000, finance, D(2026, 7, 15), "PC-03")  # after the half-year

    rows = budget_by_source(activity_ids=[activity.pk], date_to=D(2026, 6, 30))

    # Paid 30M, reversed 30M, paid 25M by 30/6; the August allocation is not yet decided.
    assert [(row["code"], row["allocated"], row["disbursed"], row["rate"]) for row in rows] == [
        ("central_budget", 80_000_000, 25_000_000, Decimal("31.3"))
    ]


def test_no_activity_means_no_rows_and_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert budget_by_source(activity_ids=[]) == []


def test_three_queries_whatever_the_number_of_allocations(finance, django_assert_num_queries):
    activities = [factories.ActivityFactory() for _ in range(4)]
    for activity in activities:
        for code in ("central_budget", "local_budget", "public_telecom_fund"):
            _pay(AllocationFactory(activity=activity, funding_source=source(code)), 1_000, finance, D(2026, 3, 1))
    # allocated per source, disbursed per source, the sources' names
    with django_assert_num_queries(3):
        rows = budget_by_source(activity_ids=[a.pk for a in activities], year=2026, date_to=D(2026, 12, 31))
    assert [(row["allocated"], row["disbursed"]) for row in rows] == [(4_000_000, 4_000)] * 3


def test_the_rate_has_one_decimal_and_is_none_without_an_allocation():
    assert disbursement_rate(1, 3) == Decimal("33.3")
    assert disbursement_rate(2, 3) == Decimal("66.7")
    assert disbursement_rate(5, 5) == Decimal("100.0")
    assert disbursement_rate(0, 0) is None
