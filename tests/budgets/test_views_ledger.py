"""Allocations and their disbursement ledger, as the finance officer uses them: allocate what
approved estimates give, record payments against it and correct them with reversing entries;
the service's refusals land on the amount field and write nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from budgets import selectors, services
from budgets.models import Allocation, Disbursement
from tests import factories
from tests.budgets.factories import AllocationFactory, EstimateLineFactory, approved_estimate, source
from tests.budgets.pages import login, messages_of
from tests.indexes import as_index_order, index_orders
from tracker.models import ActivityType, Area

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

VOUCHER_DATE = datetime.date(2026, 3, 5)


@pytest.fixture
def activity():
    return factories.ActivityFactory(section_code="2.3", title="Đài truyền thanh xã")


@pytest.fixture
def approved(activity):
    """100.000.000 đ from the central budget and 20.000.000 đ from the local budget, 2026."""
    estimate = approved_estimate(activity=activity, year=2026, amount=100_000_000)
    EstimateLineFactory(
        estimate=estimate, funding_source=source("local_budget"), unit_price=20_000_000, appraised_amount=20_000_000
    )
    return estimate


def allocate(finance, activity, unit, amount, code="central_budget") -> Allocation:
    return services.allocation_save(
        allocation=Allocation(
            activity=activity,
            unit=unit,
            funding_source=source(code),
            year=2026,
            amount=amount,
            decision_number="1181/QĐ-UBND",
            decision_date=datetime.date(2026, 2, 1),
        ),
        actor=finance,
    )


def disburse(finance, allocation, amount, voucher="PC-01", on=VOUCHER_DATE) -> Disbursement:
    return services.disbursement_record(
        allocation=allocation, amount=amount, voucher_number=voucher, voucher_date=on, actor=finance
    )


def allocation_data(activity, unit, **extra) -> dict:
    return {
        "activity": activity.pk,
        "unit": unit.pk,
        "funding_source": source().pk,
        "year": "2026",
        "amount": "60.000.000",
        "decision_number": "1181/QĐ-UBND",
        "decision_date": "15/07/2026",
        "note": "",
        **extra,
    }


# --- Allocating ------------------------------------------------------------------------------------


def test_finance_allocates_what_was_approved_and_the_form_shows_what_remains(
    client, finance, activity, approved, unit_a, unit_b
):
    allocate(finance, activity, unit_b, 30_000_000)
    login(client, finance)
    page = client.get(reverse("budgets:allocation_create"), {"activity": activity.pk, "year": 2026})
    assert [(row.source.code, row.approved, row.allocated, row.allocatable) for row in page.context["funding"]] == [
        ("central_budget", 100_000_000, 30_000_000, 70_000_000),
        ("local_budget", 20_000_000, 0, 20_000_000),
    ]

    response = client.post(reverse("budgets:allocation_create"), allocation_data(activity, unit_a), follow=True)
    allocation = Allocation.objects.get(unit=unit_a)
    assert response.redirect_chain == [(reverse("budgets:allocation_detail", args=[allocation.pk]), 302)]
    assert messages_of(response) == ["The allocation was recorded."]
    assert (allocation.amount, allocation.disbursed, allocation.decision_date) == (
        60_000_000,
        0,
        datetime.date(2026, 7, 15),
    )
    assert allocation.history.get().history_user == finance


def test_an_allocation_over_what_was_approved_shows_the_services_message_on_the_amount(
    client, finance, activity, approved, unit_a, unit_b
):
    allocate(finance, activity, unit_b, 70_000_000)
    login(client, finance)
    response = client.post(reverse("budgets:allocation_create"), allocation_data(activity, unit_a, amount="30.000.001"))
    assert response.status_code == 200
    assert response.context["form"].errors["amount"] == [
        "Approved estimates give this activity 100.000.000 đ from this source in 2026; 70.000.000 đ is already"
        " allocated, so at most 30.000.000 đ can be allocated here."
    ]
    assert Allocation.objects.count() == 1
    # The box says the same, for the source chosen.
    assert response.context["chosen_source"] == source().pk
    assert "<strong>30.000.000 đ</strong>" in response.content.decode()


def test_show_what_can_be_allocated_fills_the_box_and_writes_nothing(client, finance, activity, approved):
    login(client, finance)
    response = client.post(
        reverse("budgets:allocation_create"), {"activity": activity.pk, "year": "2026", "check": "1"}
    )
    assert response.status_code == 200
    assert not response.context["form"].errors
    assert [row.allocatable for row in response.context["funding"]] == [100_000_000, 20_000_000]
    assert not Allocation.objects.exists()


def test_an_activity_without_approved_estimates_says_so(client, finance):
    activity = factories.ActivityFactory()
    login(client, finance)
    response = client.get(reverse("budgets:allocation_create"), {"activity": activity.pk, "year": 2026})
    assert response.context["funding"] == []
    assert "No approved estimate gives this activity anything in this year" in response.content.decode()


def test_an_allocation_cannot_be_cut_below_what_was_disbursed(client, finance, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 60_000_000)
    disburse(finance, allocation, 45_000_000)
    login(client, finance)
    response = client.post(
        reverse("budgets:allocation_edit", args=[allocation.pk]), allocation_data(activity, unit_a, amount="40.000.000")
    )
    assert response.context["form"].errors == {
        "amount": ["45.000.000 đ has already been disbursed: the allocation cannot be smaller."]
    }
    allocation.refresh_from_db()
    assert allocation.amount == 60_000_000

    client.post(
        reverse("budgets:allocation_edit", args=[allocation.pk]),
        allocation_data(activity, unit_a, amount="50.000.000", note="Điều chỉnh giảm."),
    )
    allocation.refresh_from_db()
    assert (allocation.amount, allocation.disbursed, allocation.note) == (50_000_000, 45_000_000, "Điều chỉnh giảm.")


@pytest.mark.parametrize("persona", ["manager", "monitor", "officer_a"])
def test_only_finance_records_allocations(client, request, persona, activity, approved, unit_a, finance):
    allocation = allocate(finance, activity, unit_a, 10_000_000)
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("budgets:allocation_create")).status_code == 403
    assert client.post(reverse("budgets:allocation_create"), allocation_data(activity, unit_a)).status_code == 403
    assert client.get(reverse("budgets:allocation_edit", args=[allocation.pk])).status_code == 403


# --- The allocation's page and its ledger -------------------------------------------------------------


def test_the_page_shows_the_figures_the_rate_and_the_ledger_with_running_totals(
    client, finance, manager, activity, approved, unit_a
):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    first = disburse(finance, allocation, 30_000_000, "PC-01", datetime.date(2026, 3, 1))
    disburse(finance, allocation, 10_000_000, "PC-02", datetime.date(2026, 3, 8))
    services.disbursement_reverse(
        disbursement=first, reason="Ghi nhầm số tiền.", actor=finance, voucher_date=datetime.date(2026, 3, 10)
    )
    disburse(finance, allocation, 25_000_000, "PC-03", datetime.date(2026, 3, 12))

    login(client, manager)
    response = client.get(reverse("budgets:allocation_detail", args=[allocation.pk]))
    shown = response.context["allocation"]
    assert (shown.amount, shown.disbursed, shown.remaining, shown.rate) == (
        80_000_000,
        35_000_000,
        45_000_000,
        Decimal("43.8"),
    )
    ledger = response.context["ledger"]
    assert [
        (entry.disbursement.voucher_number, entry.disbursement.amount, entry.running_total) for entry in ledger
    ] == [
        ("PC-01", 30_000_000, 30_000_000),
        ("PC-02", 10_000_000, 40_000_000),
        ("PC-01", -30_000_000, 10_000_000),
        ("PC-03", 25_000_000, 35_000_000),
    ]
    assert ledger[0].reversed_by == ledger[2].disbursement
    assert ledger[2].disbursement.original == first
    content = response.content.decode()
    assert f'<tr id="d{first.pk}" class="reversed">' in content
    assert f'href="#d{first.pk}">reverses PC-01</a>' in content
    assert '<span class="rate-value" title="Disbursement rate">43,8%</span>' in content
    assert 'width="43.8"' in content  # the SVG bar: an attribute, not a style
    # The manager reads; only finance records or reverses.
    assert response.context["form"] is None
    assert reverse("budgets:disbursement_reverse", args=[first.pk]) not in content


def test_finance_records_disbursements_and_the_rate_moves(client, finance, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    login(client, finance)
    url = reverse("budgets:disbursement_record", args=[allocation.pk])
    response = client.post(
        url, {"voucher_number": "PC-01", "voucher_date": "05/03/2026", "amount": "30,000,000"}, follow=True
    )
    assert response.redirect_chain == [(reverse("budgets:allocation_detail", args=[allocation.pk]) + "#ledger", 302)]
    assert messages_of(response) == ["Disbursement PC-01 of 30.000.000 đ was recorded."]
    assert response.context["allocation"].rate == Decimal("37.5")
    disbursement = Disbursement.objects.get()
    assert (disbursement.amount, disbursement.voucher_date, disbursement.recorded_by) == (
        30_000_000,
        datetime.date(2026, 3, 5),
        finance,
    )


def test_a_disbursement_over_the_remainder_shows_the_services_message_and_writes_nothing(
    client, finance, activity, approved, unit_a
):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    disburse(finance, allocation, 70_000_000)
    history_rows = Allocation.history.count() + Disbursement.history.count()
    login(client, finance)
    response = client.post(
        reverse("budgets:disbursement_record", args=[allocation.pk]),
        {"voucher_number": "PC-02", "voucher_date": "06/03/2026", "amount": "10.000.001"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "amount": ["This would exceed the allocation: only 10.000.000 đ remain to be disbursed."]
    }
    assert "Nothing was recorded: please correct the errors below." in response.content.decode()
    allocation.refresh_from_db()
    assert (allocation.disbursed, Disbursement.objects.count()) == (70_000_000, 1)
    assert Allocation.history.count() + Disbursement.history.count() == history_rows


def test_a_disbursement_needs_a_voucher_and_a_whole_amount(client, finance, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    login(client, finance)
    response = client.post(
        reverse("budgets:disbursement_record", args=[allocation.pk]),
        {"voucher_number": "", "voucher_date": "31/02/2026", "amount": "1.000,5"},
    )
    assert response.context["form"].errors == {
        "voucher_number": ["This field is required."],
        "voucher_date": ["Enter a valid date."],
        "amount": ["Enter a whole amount of đồng, e.g. 1.234.567."],
    }
    assert not Disbursement.objects.exists()


def test_a_fully_disbursed_allocation_offers_no_form(client, finance, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 10_000_000)
    disburse(finance, allocation, 10_000_000)
    login(client, finance)
    response = client.get(reverse("budgets:allocation_detail", args=[allocation.pk]))
    assert response.context["form"] is None
    assert "The allocation is fully disbursed." in response.content.decode()
    assert response.context["allocation"].rate == 100


def test_finance_reverses_a_disbursement_once_with_a_reason(client, finance, activity, approved, unit_a):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    entry = disburse(finance, allocation, 30_000_000)
    login(client, finance)
    url = reverse("budgets:disbursement_reverse", args=[entry.pk])

    response = client.post(url, {"reason": ""}, follow=True)
    assert messages_of(response) == ["Say why the disbursement is reversed."]
    assert Disbursement.objects.count() == 1

    response = client.post(url, {"reason": "Ghi trùng chứng từ."}, follow=True)
    assert messages_of(response) == ["Disbursement PC-01 was reversed."]
    reversal = Disbursement.objects.get(reverses=entry)
    assert (reversal.amount, reversal.note, reversal.recorded_by) == (-30_000_000, "Ghi trùng chứng từ.", finance)
    allocation.refresh_from_db()
    assert allocation.disbursed == 0

    response = client.post(url, {"reason": "Lần nữa."}, follow=True)
    assert messages_of(response) == ["This disbursement has already been reversed."]
    response = client.post(reverse("budgets:disbursement_reverse", args=[reversal.pk]), {"reason": "x"}, follow=True)
    assert messages_of(response) == ["A reversing entry cannot itself be reversed."]
    assert Disbursement.objects.count() == 2


def test_a_unit_officer_reads_their_own_allocations_only(
    client, finance, officer_a, activity, approved, unit_a, unit_b
):
    own = allocate(finance, activity, unit_a, 30_000_000)
    other = allocate(finance, activity, unit_b, 20_000_000)
    entry = disburse(finance, own, 5_000_000)
    login(client, officer_a)
    listing = client.get(reverse("budgets:allocation_list"))
    assert [row.pk for row in listing.context["page"].object_list] == [own.pk]
    assert reverse("budgets:allocation_create") not in listing.content.decode()

    page = client.get(reverse("budgets:allocation_detail", args=[own.pk]))
    assert page.status_code == 200 and page.context["form"] is None
    assert reverse("budgets:disbursement_reverse", args=[entry.pk]) not in page.content.decode()
    assert client.get(reverse("budgets:allocation_detail", args=[other.pk])).status_code == 404
    assert client.post(reverse("budgets:disbursement_record", args=[own.pk]), {"amount": "1"}).status_code == 403


# --- The list -----------------------------------------------------------------------------------------


@pytest.fixture
def places():
    province = factories.ProvinceFactory(name="Lạng Sơn")
    district = factories.AreaFactory(name="Huyện Tràng Định", level=Area.Level.DISTRICT, parent=province)
    commune = factories.AreaFactory(name="Xã Chi Lăng", parent=district)
    other = factories.AreaFactory(name="Xã Khác", parent=province)
    return {"province": province, "district": district, "commune": commune, "other": other}


@pytest.fixture
def listed(finance, places):
    """Four allocations: two years, two sources, two plans, two content types, two areas."""
    media = ActivityType.objects.get(code="outreach")
    other_type = ActivityType.objects.exclude(pk=media.pk).first()
    plan = factories.PlanFactory(number_symbol="413/KH-UBND")
    radio = factories.ActivityFactory(plan=plan, title="Đài truyền thanh", activity_type=other_type)
    outreach = factories.ActivityFactory(title="Tuyên truyền", activity_type=media)
    in_commune = factories.CommuneCommitteeFactory(name="UBND xã Chi Lăng", area=places["commune"])
    elsewhere = factories.CommuneCommitteeFactory(name="UBND xã Khác", area=places["other"])
    rows = {
        "radio_central": AllocationFactory(
            activity=radio, unit=in_commune, amount=100_000_000, decision_number="1966/QĐ-UBND"
        ),
        "radio_local": AllocationFactory(
            activity=radio, unit=in_commune, amount=20_000_000, funding_source=source("local_budget")
        ),
        "outreach_2025": AllocationFactory(activity=outreach, unit=elsewhere, amount=50_000_000, year=2025),
        "outreach_2026": AllocationFactory(activity=outreach, unit=elsewhere, amount=30_000_000),
    }
    disburse(finance, rows["radio_central"], 40_000_000)
    disburse(finance, rows["outreach_2025"], 50_000_000)
    return rows


def list_page(client, **params):
    response = client.get(reverse("budgets:allocation_list"), params)
    assert response.status_code == 200
    return response


def shown(response) -> set[int]:
    return {row.pk for row in response.context["page"].object_list}


def test_the_list_shows_each_allocation_with_its_rate_and_a_totals_row(client, manager, listed):
    login(client, manager)
    response = list_page(client)
    rows = {
        row.pk: (row.amount, row.disbursed, row.remaining, row.rate) for row in response.context["page"].object_list
    }
    assert rows[listed["radio_central"].pk] == (100_000_000, 40_000_000, 60_000_000, 40)
    assert rows[listed["outreach_2026"].pk] == (30_000_000, 0, 30_000_000, 0)
    summary = response.context["summary"]
    assert (summary["total"], summary["allocated"], summary["disbursed"], summary["remaining"], summary["rate"]) == (
        4,
        200_000_000,
        90_000_000,
        110_000_000,
        45,
    )
    assert '<td class="num" data-label="Rate">45%</td>' in response.content.decode()


def test_the_list_takes_the_filters_other_pages_link_with(client, manager, listed, places):
    radio = listed["radio_central"].activity
    login(client, manager)
    cases = [
        ({"year": "2025"}, {"outreach_2025"}),
        ({"funding_source": source("local_budget").pk}, {"radio_local"}),
        ({"unit": listed["radio_central"].unit_id}, {"radio_central", "radio_local"}),
        ({"plan": radio.plan_id}, {"radio_central", "radio_local"}),
        ({"activity": radio.pk, "year": "2026"}, {"radio_central", "radio_local"}),
        ({"activity_type": radio.activity_type_id}, {"radio_central", "radio_local"}),
        # A district takes in its communes' units; the province everything below it.
        ({"area": places["district"].pk}, {"radio_central", "radio_local"}),
        ({"area": places["province"].pk}, set(listed)),
        ({"area": places["other"].pk}, {"outreach_2025", "outreach_2026"}),
        ({"q": "1966/QĐ"}, {"radio_central"}),
        ({"q": "tuyên truyền", "year": "2026"}, {"outreach_2026"}),
    ]
    for params, expected in cases:
        response = list_page(client, **params)
        assert shown(response) == {listed[key].pk for key in expected}, params
    response = list_page(client, area=places["district"].pk)
    assert (response.context["summary"]["allocated"], response.context["summary"]["disbursed"]) == (
        120_000_000,
        40_000_000,
    )


def test_the_list_is_paginated(client, manager, finance):
    activity = factories.ActivityFactory()
    for _number in range(27):
        AllocationFactory(activity=activity, unit=factories.UnitFactory())
    login(client, manager)
    first, second = list_page(client), list_page(client, page=2)
    assert (len(first.context["page"].object_list), len(second.context["page"].object_list)) == (25, 2)
    assert second.context["summary"]["total"] == 27
    assert 'href="?page=2" rel="next"' in first.content.decode()


# --- History ------------------------------------------------------------------------------------------


def test_the_history_shows_the_allocation_and_its_ledger_with_amounts_in_dong(
    client, finance, monitor, activity, approved, unit_a
):
    allocation = allocate(finance, activity, unit_a, 80_000_000)
    entry = disburse(finance, allocation, 30_000_000)
    services.disbursement_reverse(disbursement=entry, reason="Ghi nhầm.", actor=finance)
    login(client, monitor)
    response = client.get(reverse("budgets:allocation_history", args=[allocation.pk]))
    entries = response.context["entries"]
    # Each move of the allocation's running total is its own entry, with the reason it moved.
    assert [(e.subject.split(" (")[0], e.kind, e.who, e.reason) for e in entries] == [
        ("Reversing entry PC-01", "+", "finance", "Ghi nhầm."),
        ("", "~", "finance", "Reversal of PC-01: Ghi nhầm."),
        ("Disbursement PC-01", "+", "finance", ""),
        ("", "~", "finance", "Disbursement PC-01"),
        ("", "+", "finance", ""),
    ]
    amounts = {c.label: c.new for c in entries[0].changes}
    assert (amounts["amount (VND)"], amounts["note"]) == ("-30.000.000 đ", "Ghi nhầm.")
    assert {c.label: c.new for c in entries[4].changes}["amount (VND)"] == "80.000.000 đ"


# --- Query counts ---------------------------------------------------------------------------------------


def build_allocations(size: int) -> None:
    plans = factories.PlanFactory.create_batch(3)
    units = [factories.CommuneCommitteeFactory() for _ in range(3)]
    for number in range(size):
        AllocationFactory(
            activity=factories.ActivityFactory(plan=plans[number % 3]),
            unit=units[number % 3],
            year=2025 + number % 2,
        )


# The list, whatever the number of allocations:
#  1 session, 2 user, 3 the user's groups (roles),
#  4 years, 5 sources, 6 units, 7 plans, 8 activities with their plans, 9 content types,
# 10 areas with their parents (the filters' choices),
# 11 the count and totals (one aggregate), 12 the page's rows with activity, plan, unit, source.
LIST_QUERIES = 12


@pytest.mark.parametrize("size", [5, 50])
def test_list_query_count_does_not_grow_with_the_data(client, manager, size, django_assert_max_num_queries):
    build_allocations(size)
    login(client, manager)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = list_page(client, year="2026")
    assert len(response.context["page"].object_list) == min(size // 2, 25)


# The allocation's page, whatever the number of disbursements: 1-3 as above, 4 the allocation
# with its activity, plan, unit and source, 5 the ledger with who recorded each entry.
DETAIL_QUERIES = 5


@pytest.mark.parametrize("entries", [2, 20])
def test_detail_query_count_does_not_grow_with_the_ledger(
    client, finance, entries, activity, approved, unit_a, django_assert_max_num_queries
):
    allocation = allocate(finance, activity, unit_a, 100_000_000)
    for number in range(entries):
        disbursement = disburse(finance, allocation, 1_000_000, f"PC-{number}")
        if number % 5 == 0:
            services.disbursement_reverse(disbursement=disbursement, reason="Sai.", actor=finance)
    login(client, finance)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("budgets:allocation_detail", args=[allocation.pk]))
    assert len(response.context["ledger"]) == entries + (entries + 4) // 5


def test_the_lists_order_is_an_index(manager):
    """The allocation list's order (newest year and decision first) is an index's: a page of 25
    is read from it, not every allocation of the country joined and sorted (100 ms at national
    scale)."""
    order = as_index_order(selectors.allocations_for_list(manager).query.order_by)
    assert order in index_orders(Allocation)
