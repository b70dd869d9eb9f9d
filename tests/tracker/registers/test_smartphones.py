"""The register of smartphones handed over, through its pages: an officer enters a handover in a
commune for a priority class, the DIC accepts it and the activity's phones move; the list
filters and totals by source and priority class; donated phones are linked from the budgets
app's donation passed on and shown on the handover's page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from budgets import services as budget_services
from budgets.models import Donation, DonationTransfer
from tests import factories
from tests.tracker.registers.one_form_helpers import achieved, listed_ids, review, total, workbook_rows
from tracker.models import Area, RegisterMeasure, SmartphoneHandover
from tracker.registers import services as register_services
from tracker.registers import smartphones
from tracker.registers.views import smartphones as registers_smartphones

pytestmark = pytest.mark.django_db
D = datetime.date
LIST = reverse("tracker:smartphone_handover_list")
EXPORT = reverse("tracker:smartphone_handover_export")
Source = SmartphoneHandover.Source
Priority = SmartphoneHandover.PriorityClass


@pytest.fixture
def commune(db):
    district = factories.AreaFactory(name="Huyện Ba Bể", level=Area.Level.DISTRICT)
    return factories.AreaFactory(name="Xã Cao Thượng", parent=district)


@pytest.fixture
def output(register_output):
    return register_output(RegisterMeasure.SMARTPHONES)


def handover(task, actor, **values) -> SmartphoneHandover:
    fields = {
        "area": task.area,
        "priority_class": Priority.POOR_MERIT,
        "source": Source.DONATIONS,
        "phones": 10,
        "households": 10,
        "handed_over_on": D(2026, 4, 2),
    }
    fields.update(values)
    return smartphones.handover_save(entry=SmartphoneHandover(task=task, **fields), actor=actor)


def test_an_officer_enters_a_handover_the_dic_accepts_it_and_the_phones_move(
    client, task_a, commune, officer_a, manager, output
):
    client.force_login(officer_a)
    response = client.post(
        reverse("tracker:smartphone_handover_create"),
        {
            "task": task_a.pk,
            "area": commune.pk,
            "priority_class": Priority.POOR_OTHER,
            "source": Source.TELECOM_FUND,
            "phones": "35",
            "households": "35",
            "handed_over_on": "20/05/2026",
        },
    )
    entry = SmartphoneHandover.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:smartphone_handover_detail", args=[entry.pk])
    assert (entry.status, entry.area, entry.priority_class, entry.phones, entry.handed_over_on) == (
        "draft",
        commune,
        "poor_other",
        35,
        D(2026, 5, 20),
    )
    assert entry.history.get().history_user == officer_a
    review(client, entry, officer=officer_a, manager=manager)
    assert achieved(output) == [35]


def test_the_commune_and_at_least_one_phone_are_required(client, task_a, officer_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("tracker:smartphone_handover_create"),
        {
            "task": task_a.pk,
            "priority_class": "poor_other",
            "source": "donations",
            "phones": "0",
            "handed_over_on": "20/05/2026",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"area", "phones"}
    assert not SmartphoneHandover.objects.exists()


def test_another_units_officer_gets_404(client, task_a, officer_a, officer_b):
    entry = handover(task_a, officer_a)
    client.force_login(officer_b)
    assert client.get(reverse("tracker:smartphone_handover_detail", args=[entry.pk])).status_code == 404
    assert client.get(reverse("tracker:smartphone_handover_edit", args=[entry.pk])).status_code == 404
    assert listed_ids(client.get(LIST)) == []


def test_the_list_filters_and_totals_by_source_and_priority_class(client, task_a, officer_a, manager):
    donated = handover(task_a, officer_a, phones=10, households=10)
    fund = handover(
        task_a, officer_a, source=Source.TELECOM_FUND, priority_class=Priority.NEAR_POOR_OTHER, phones=25, households=20
    )
    late = handover(task_a, officer_a, phones=5, households=None, handed_over_on=D(2026, 10, 1))
    client.force_login(manager)
    everything = client.get(LIST)
    assert (total(everything, "handovers"), total(everything, "phones"), total(everything, "households")) == (
        "3",
        "40",
        "30",
    )
    context = everything.context
    assert [(row["value"], row["handovers"], row["phones"]) for row in context["totals"]["by_source"]] == [
        ("telecom_fund", 1, 25),
        ("donations", 2, 15),
    ]
    assert [(row["value"], row["phones"], row["households"]) for row in context["totals"]["by_class"]] == [
        ("poor_merit", 15, 10),
        ("near_poor_other", 25, 20),
    ]
    assert listed_ids(client.get(LIST, {"source": "telecom_fund"})) == [fund.pk]
    assert sorted(listed_ids(client.get(LIST, {"priority_class": "poor_merit"}))) == sorted([donated.pk, late.pk])
    assert listed_ids(client.get(LIST, {"date_from": "01/09/2026"})) == [late.pk]
    assert len(listed_ids(client.get(LIST, {"area": task_a.area.parent_id}))) == 3
    register_services.entry_submit(entry=fund, actor=officer_a)
    submitted = client.get(LIST, {"status": "submitted"})
    assert listed_ids(submitted) == [fund.pk]
    assert total(submitted, "phones") == "25"


def test_the_excel_export_has_the_rows_of_the_filtered_list(client, task_a, officer_a, manager):
    handover(task_a, officer_a, phones=1200)
    handover(task_a, officer_a, source=Source.PROVINCIAL_BUDGET)
    client.force_login(manager)
    query = {"source": "donations"}
    header, rows = workbook_rows(client.get(EXPORT, query))
    with translation.override("vi"):
        assert header == [column.header for column in registers_smartphones.export_columns()]
        donations_label = str(Source.DONATIONS.label)
    assert [row[0] for row in rows] == listed_ids(client.get(LIST, query))
    assert rows[0][1:3] == ["Xã Cao Thượng", "Huyện Ba Bể"]
    assert rows[0][4:8] == [donations_label, 1200, 10, datetime.datetime(2026, 4, 2)]


def _donation(finance, unit) -> Donation:
    return budget_services.donation_save(
        donation=Donation(
            donor="Công ty Viễn thông Thử",
            donor_kind=Donation.DonorKind.ENTERPRISE,
            received_by=unit,
            received_on=D(2026, 3, 1),
            kind=Donation.Kind.IN_KIND,
            item="điện thoại thông minh",
            quantity=50,
            unit_value=2_000_000,
            amount=100_000_000,
        ),
        actor=finance,
    )


def test_a_donation_passed_on_for_a_handover_shows_on_its_page(
    client, task_a, commune, officer_a, finance, manager, unit_a, unit_b
):
    entry = handover(task_a, officer_a)
    page_url = reverse("tracker:smartphone_handover_detail", args=[entry.pk])
    client.force_login(officer_a)
    assert "handover-donations" in (hint := client.get(page_url).content.decode())
    assert "Công ty Viễn thông Thử" not in hint  # nothing linked yet: the hint only

    donation = _donation(finance, factories.UnitFactory(name="Ủy ban MTTQ tỉnh"))
    client.force_login(finance)
    transfer_url = reverse("budgets:donation_transfer", args=[donation.pk])
    data = {
        "recipient": unit_a.pk,
        "area": commune.pk,
        "transferred_on": "01/04/2026",
        "quantity": "10",
        "handover": entry.pk,
    }
    refused = client.post(transfer_url, {**data, "recipient": unit_b.pk})  # not the handover's unit
    assert refused.status_code == 200
    assert refused.context["form"].errors["handover"]
    assert not DonationTransfer.objects.exists()
    assert client.post(transfer_url, data).status_code == 302
    transfer = DonationTransfer.objects.get()
    assert (transfer.handover, transfer.quantity, transfer.amount) == (entry, 10, 20_000_000)

    for user in (officer_a, manager):
        client.force_login(user)
        page = client.get(page_url).content.decode()
        assert "Công ty Viễn thông Thử" in page
        assert f'data-transfer="{transfer.pk}"' in page
        assert "20.000.000 đ" in page


def test_a_handover_not_from_donations_shows_no_donation_card(client, task_a, officer_a):
    entry = handover(task_a, officer_a, source=Source.TELECOM_FUND)
    client.force_login(officer_a)
    assert (
        "handover-donations"
        not in client.get(reverse("tracker:smartphone_handover_detail", args=[entry.pk])).content.decode()
    )


@pytest.mark.parametrize("size", [1, 6])
def test_the_list_detail_and_export_make_the_same_number_of_queries_whatever_the_size(
    client, task_a, officer_a, size, django_assert_num_queries
):
    for number in range(size):
        entry = handover(task_a, officer_a, phones=number + 1)
    client.force_login(officer_a)
    # session, user, roles; the paginator's count; totals by source and by priority class; the
    # user's unit; the page of rows (plans, units and areas are fetched as the user types).
    with django_assert_num_queries(9):
        assert len(listed_ids(client.get(LIST))) == size
    # session, user, roles, the user's province (the filters' scope), the rows.
    with django_assert_num_queries(5):
        assert client.get(EXPORT).status_code == 200
    # as an information point's page, plus the donations passed on for the handover.
    with django_assert_num_queries(8):
        assert client.get(reverse("tracker:smartphone_handover_detail", args=[entry.pk])).status_code == 200
