"""Donations (xã hội hóa) as the finance officer records them — cash, or items in kind at a
value per item — and passes them on to units and communes; units read what concerns them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from budgets import services
from budgets.models import Donation, DonationTransfer
from tests import factories
from tests.budgets.pages import login, messages_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def received(finance, unit, *, on, donor, plan, **what):
    """A donation from an enterprise, received by `unit` and recorded by finance."""
    return services.donation_save(
        donation=Donation(
            donor=donor,
            donor_kind=Donation.DonorKind.ENTERPRISE,
            received_by=unit,
            received_on=on,
            plan=plan,
            **what,
        ),
        actor=finance,
    )


def phones(finance, unit, *, quantity=40, on=datetime.date(2023, 8, 15), donor="Công ty Viễn thông A", plan=None):
    return received(
        finance,
        unit,
        on=on,
        donor=donor,
        plan=plan,
        kind=Donation.Kind.IN_KIND,
        item="Điện thoại thông minh",
        quantity=quantity,
        unit_value=1_500_000,
        amount=0,
    )


def cash(finance, unit, amount, *, on=datetime.date(2023, 9, 1), donor="Ngân hàng B", plan=None):
    return received(finance, unit, on=on, donor=donor, plan=plan, kind=Donation.Kind.CASH, amount=amount)


def pass_on(finance, donation, recipient, **what):
    return services.donation_transfer(
        donation=donation, recipient=recipient, transferred_on=datetime.date(2023, 9, 10), actor=finance, **what
    )


def donation_data(unit, **extra) -> dict:
    return {
        "donor": "Công ty cổ phần C",
        "donor_kind": Donation.DonorKind.ENTERPRISE,
        "received_by": unit.pk,
        "received_on": "20/08/2023",
        "receipt_number": "PT-01",
        "kind": Donation.Kind.CASH,
        "amount": "50.000.000",
        "item": "",
        "quantity": "",
        "unit_value": "",
        "note": "",
        **extra,
    }


# --- Recording ---------------------------------------------------------------------------------


def test_finance_records_cash(client, finance, unit_a):
    login(client, finance)
    page = client.get(reverse("budgets:donation_create"))
    assert (page.context["form"]["kind"].value(), page.context["form"]["received_on"].value()) == (
        "cash",
        timezone.localdate(),
    )
    response = client.post(reverse("budgets:donation_create"), donation_data(unit_a), follow=True)
    donation = Donation.objects.get()
    assert response.redirect_chain == [(reverse("budgets:donation_detail", args=[donation.pk]), 302)]
    assert messages_of(response) == ["The donation was recorded."]
    assert (donation.kind, donation.amount, donation.item, donation.quantity, donation.recorded_by) == (
        "cash",
        50_000_000,
        "",
        None,
        finance,
    )


def test_items_in_kind_are_valued_at_quantity_times_value_and_cash_fields_are_ignored(client, finance, unit_a):
    login(client, finance)
    client.post(
        reverse("budgets:donation_create"),
        donation_data(
            unit_a, kind="in_kind", amount="999", item="Điện thoại thông minh", quantity="40", unit_value="1.500.000"
        ),
    )
    donation = Donation.objects.get()
    assert (donation.item, donation.quantity, donation.unit_value, donation.amount) == (
        "Điện thoại thông minh",
        40,
        1_500_000,
        60_000_000,
    )


@pytest.mark.parametrize(
    ("extra", "errors"),
    [
        ({"amount": ""}, {"amount": ["Give the amount received in cash."]}),
        (
            {"kind": "in_kind", "amount": ""},
            {
                "item": ["Say what was given, e.g. smartphone."],
                "quantity": ["Say how many items were given."],
                "unit_value": ["Give the value of one item."],
            },
        ),
        ({"kind": "in_kind", "item": "Điện thoại", "quantity": "0", "unit_value": "1.000.000"}, None),
    ],
)
def test_the_form_asks_for_the_fields_of_the_kind_chosen(client, finance, unit_a, extra, errors):
    login(client, finance)
    response = client.post(reverse("budgets:donation_create"), donation_data(unit_a, **extra))
    assert response.status_code == 200
    if errors is not None:
        assert response.context["form"].errors == errors
    else:
        assert list(response.context["form"].errors) == ["quantity"]
    assert not Donation.objects.exists()


def test_an_activity_sets_its_plan_and_must_belong_to_the_plan_chosen(client, finance, unit_a):
    activity = factories.ActivityFactory()
    login(client, finance)
    client.post(reverse("budgets:donation_create"), donation_data(unit_a, activity=activity.pk))
    assert Donation.objects.get().plan == activity.plan

    other_plan = factories.PlanFactory()
    response = client.post(
        reverse("budgets:donation_create"), donation_data(unit_a, activity=activity.pk, plan=other_plan.pk)
    )
    assert response.context["form"].errors == {"activity": ["This activity belongs to another plan."]}


def test_editing_keeps_what_was_passed_on(client, finance, unit_a, unit_b):
    donation = phones(finance, unit_a)
    pass_on(finance, donation, unit_b, quantity=10)
    login(client, finance)
    data = donation_data(unit_a, kind="in_kind", amount="", item="Điện thoại thông minh", quantity="45")
    data["unit_value"] = "1.500.000"
    client.post(reverse("budgets:donation_edit", args=[donation.pk]), data)
    donation.refresh_from_db()
    assert (donation.quantity, donation.amount, donation.transferred_quantity, donation.transferred_amount) == (
        45,
        67_500_000,
        10,
        15_000_000,
    )

    data["quantity"] = "5"
    response = client.post(reverse("budgets:donation_edit", args=[donation.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "quantity": ["10 items have already been passed on: the quantity cannot be smaller."]
    }
    donation.refresh_from_db()
    assert donation.quantity == 45


@pytest.mark.parametrize("persona", ["manager", "monitor", "officer_a"])
def test_only_finance_records_donations(client, request, persona, finance, unit_a):
    donation = cash(finance, unit_a, 1_000_000)
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("budgets:donation_create")).status_code == 403
    assert client.post(reverse("budgets:donation_edit", args=[donation.pk]), donation_data(unit_a)).status_code == 403
    assert client.post(reverse("budgets:donation_transfer", args=[donation.pk])).status_code == 403


# --- Passing on ----------------------------------------------------------------------------------


def test_finance_passes_items_on_to_a_commune_and_the_page_shows_what_remains(client, finance, unit_a, unit_b):
    donation = phones(finance, unit_a)
    login(client, finance)
    form = client.get(reverse("budgets:donation_detail", args=[donation.pk])).context["form"]
    assert "amount" not in form.fields and "quantity" in form.fields

    response = client.post(
        reverse("budgets:donation_transfer", args=[donation.pk]),
        {
            "recipient": unit_b.pk,
            "area": unit_b.area_id,
            "transferred_on": "01/09/2023",
            "document_number": "BBBG-01",
            "quantity": "30",
        },
        follow=True,
    )
    assert messages_of(response) == ["Passed on to UBND xã B."]
    transfer = DonationTransfer.objects.get()
    assert (transfer.recipient, transfer.area, transfer.quantity, transfer.amount, transfer.document_number) == (
        unit_b,
        unit_b.area,
        30,
        45_000_000,
        "BBBG-01",
    )
    shown = response.context["donation"]
    assert (shown.remaining_quantity, shown.remaining_amount) == (10, 15_000_000)
    assert "10 Điện thoại thông minh remain to be passed on." in response.content.decode()


def test_passing_on_more_items_than_remain_shows_the_services_message(client, finance, unit_a, unit_b):
    donation = phones(finance, unit_a, quantity=5)
    login(client, finance)
    response = client.post(
        reverse("budgets:donation_transfer", args=[donation.pk]),
        {"recipient": unit_b.pk, "transferred_on": "01/09/2023", "quantity": "6"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"quantity": ["Only 5 items remain to be passed on."]}
    assert not DonationTransfer.objects.exists()


def test_cash_is_passed_on_by_amount(client, finance, unit_a, unit_b):
    donation = cash(finance, unit_a, 20_000_000)
    login(client, finance)
    url = reverse("budgets:donation_transfer", args=[donation.pk])
    response = client.post(url, {"recipient": unit_b.pk, "transferred_on": "01/09/2023", "amount": "20.000.001"})
    assert response.context["form"].errors == {"amount": ["Only 20.000.000 đ remain to be passed on."]}
    client.post(url, {"recipient": unit_b.pk, "transferred_on": "01/09/2023", "amount": "20.000.000"})
    donation.refresh_from_db()
    assert donation.remaining_amount == 0
    page = client.get(reverse("budgets:donation_detail", args=[donation.pk]))
    assert page.context["form"] is None
    assert "Everything received has been passed on." in page.content.decode()


# --- Who sees what -------------------------------------------------------------------------------


def test_a_unit_sees_what_it_received_or_was_passed_and_nothing_else(client, finance, officer_b, unit_a, unit_b):
    passed = phones(finance, unit_a, donor="Công ty được chuyển")
    pass_on(finance, passed, unit_b, quantity=5)
    received = cash(finance, unit_b, 3_000_000, donor="Nhà hảo tâm")
    hidden = cash(finance, unit_a, 9_000_000, donor="Không liên quan")
    login(client, officer_b)
    listing = client.get(reverse("budgets:donation_list"))
    assert {d.pk for d in listing.context["page"].object_list} == {passed.pk, received.pk}
    assert reverse("budgets:donation_create") not in listing.content.decode()
    page = client.get(reverse("budgets:donation_detail", args=[passed.pk]))
    assert page.status_code == 200 and page.context["form"] is None
    assert client.get(reverse("budgets:donation_detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("budgets:donation_history", args=[hidden.pk])).status_code == 404


# --- The list --------------------------------------------------------------------------------------


@pytest.fixture
def listed(finance, unit_a, unit_b):
    plan = factories.PlanFactory(number_symbol="413/KH-UBND")
    rows = {
        "phones_aug": phones(finance, unit_a, on=datetime.date(2023, 8, 15), plan=plan),
        "sims_sep": services.donation_save(
            donation=Donation(
                donor="Công ty Viễn thông D",
                donor_kind=Donation.DonorKind.ENTERPRISE,
                received_by=unit_b,
                received_on=datetime.date(2023, 9, 20),
                kind=Donation.Kind.IN_KIND,
                item="Bộ SIM",
                quantity=100,
                unit_value=300_000,
                amount=0,
            ),
            actor=finance,
        ),
        "phones_sep": phones(finance, unit_b, quantity=10, on=datetime.date(2023, 9, 5), donor="Hộ kinh doanh E"),
        "cash_sep": cash(finance, unit_a, 50_000_000, on=datetime.date(2023, 9, 30), plan=plan),
    }
    pass_on(finance, rows["phones_aug"], unit_b, quantity=30)
    pass_on(finance, rows["cash_sep"], unit_b, amount=20_000_000)
    return rows


def list_page(client, **params):
    response = client.get(reverse("budgets:donation_list"), params)
    assert response.status_code == 200
    return response


def test_the_list_totals_cash_items_value_passed_on_and_on_hand(client, monitor, listed):
    login(client, monitor)
    summary = list_page(client).context["summary"]
    assert {key: summary[key] for key in ("total", "cash", "value", "passed_on", "on_hand")} == {
        "total": 4,
        "cash": 50_000_000,
        "value": 60_000_000 + 30_000_000 + 15_000_000 + 50_000_000,
        "passed_on": 45_000_000 + 20_000_000,
        "on_hand": 155_000_000 - 65_000_000,
    }
    # Items by name, in Vietnamese order (B before Đ).
    assert [
        (row["item"], row["quantity"], row["value"], row["passed_on"], row["on_hand"]) for row in summary["items"]
    ] == [
        ("Bộ SIM", 100, 30_000_000, 0, 100),
        ("Điện thoại thông minh", 50, 75_000_000, 30, 20),
    ]


def test_the_list_filters_by_plan_kind_unit_and_month(client, monitor, listed, unit_b):
    login(client, monitor)
    plan = listed["phones_aug"].plan
    cases = [
        ({"plan": plan.pk}, {"phones_aug", "cash_sep"}),
        ({"kind": "cash"}, {"cash_sep"}),
        ({"received_by": unit_b.pk}, {"sims_sep", "phones_sep"}),
        ({"month": "2023-09"}, {"sims_sep", "phones_sep", "cash_sep"}),
        ({"month": "2023-08", "kind": "in_kind"}, {"phones_aug"}),
        ({"q": "SIM"}, {"sims_sep"}),
    ]
    for params, expected in cases:
        response = list_page(client, **params)
        assert {d.pk for d in response.context["page"].object_list} == {listed[k].pk for k in expected}, params
    assert list_page(client, month="2023-09").context["summary"]["value"] == 95_000_000
    months = list_page(client).context["filter"].form.fields["month"].choices
    assert months[1:] == [("2023-09", "09/2023"), ("2023-08", "08/2023")]


# --- History ---------------------------------------------------------------------------------------


def test_the_history_shows_what_was_received_and_passed_on(client, finance, manager, unit_a, unit_b):
    donation = phones(finance, unit_a)
    pass_on(finance, donation, unit_b, quantity=30, document_number="BBBG-01")
    login(client, manager)
    entries = client.get(reverse("budgets:donation_history", args=[donation.pk])).context["entries"]
    assert [(entry.subject, entry.kind) for entry in entries] == [
        ("Passed on to: UBND xã B", "+"),
        ("", "~"),  # the quantity still held moved, with the hand-over as its reason
        ("", "+"),
    ]
    passed = {change.label: change.new for change in entries[0].changes}
    assert (passed["quantity"], passed["value (VND)"], passed["document number"]) == ("30", "45.000.000 đ", "BBBG-01")
    received = {change.label: change.new for change in entries[2].changes}
    assert (received["unit value (VND)"], received["value (VND)"]) == ("1.500.000 đ", "60.000.000 đ")


# --- Query counts ------------------------------------------------------------------------------------


def build_donations(size: int, finance, units) -> None:
    plans = factories.PlanFactory.create_batch(2)
    for number in range(size):
        unit = units[number % 2]
        if number % 2:
            donation = phones(finance, unit, on=datetime.date(2023, 8 + number % 3, 1), plan=plans[0])
            pass_on(finance, donation, units[0], quantity=1)
        else:
            cash(finance, unit, 1_000_000, on=datetime.date(2023, 8 + number % 3, 2), plan=plans[1])


# The list, whatever the number of donations:
#  1 session, 2 user, 3 the user's groups (roles),
#  4 plans, 5 receiving units, 6 months (the filters' choices),
#  7 the totals (one aggregate), 8 the items in kind by name, 9 the page's rows.
LIST_QUERIES = 9


@pytest.mark.parametrize("size", [5, 50])
def test_list_query_count_does_not_grow_with_the_data(
    client, finance, unit_a, unit_b, size, django_assert_max_num_queries
):
    build_donations(size, finance, [unit_a, unit_b])
    login(client, finance)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = list_page(client, kind="in_kind")
    assert len(response.context["page"].object_list) == min(size // 2, 25)


# A unit officer's list adds 10 their unit, shown in the top bar.
@pytest.mark.parametrize("size", [5, 50])
def test_officer_list_query_count_does_not_grow_with_the_data(
    client, finance, officer_b, unit_a, unit_b, size, django_assert_max_num_queries
):
    build_donations(size, finance, [unit_a, unit_b])
    login(client, officer_b)
    with django_assert_max_num_queries(LIST_QUERIES + 1):
        response = list_page(client)
    assert response.context["summary"]["total"] == size // 2  # what unit B received
