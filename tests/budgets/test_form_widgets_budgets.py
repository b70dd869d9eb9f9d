"""The budgets forms' units and areas are fetched as typed (tracker/choices/fields.py): no form
carries the country's units, a finance officer of a province chooses among its units only (an
id of another province's is refused), and a name typed without scripts is looked up."""

from __future__ import annotations

import pytest
from django.urls import reverse

from budgets.models import Allocation, DonationTransfer
from tests import factories
from tests.budgets.factories import approved_estimate
from tests.budgets.test_views_donations import donation_data, phones
from tests.budgets.test_views_ledger import allocation_data
from tracker.core import roles
from tracker.models import Area, Unit

pytestmark = pytest.mark.django_db

NOT_OFFERED = "Lựa chọn này không có ở đây: hãy chọn trong danh sách."


@pytest.fixture
def world(db):
    places = {}
    for key in ("do", "xa"):
        province = factories.ProvinceFactory(name=f"Tỉnh {key.upper()}")
        department = factories.UnitFactory(name=f"Sở Tài chính tỉnh {key.upper()}", area=province)
        commune = factories.AreaFactory(name=f"Xã Gốc {key.upper()}", parent=province, level=Area.Level.COMMUNE)
        committee = factories.CommuneCommitteeFactory(name=f"UBND xã Gốc {key.upper()}", area=commune)
        places[key] = {"province": province, "department": department, "commune": commune, "committee": committee}
    plan = factories.PlanFactory(issuer=places["do"]["department"], area=places["do"]["province"])
    activity = factories.ActivityFactory(plan=plan, lead_unit=places["do"]["department"])
    finance = factories.UserFactory(username="taichinh.do", role=roles.FINANCE_OFFICER, unit=places["do"]["department"])
    return {**places, "activity": activity, "finance": finance}


def add_communes(world, count: int, *, first: int = 0) -> None:
    for number in range(first, first + count):
        commune = factories.AreaFactory(name=f"Xã Đồng {number:03}", parent=world["do"]["province"])
        factories.CommuneCommitteeFactory(name=f"UBND xã Đồng {number:03}", area=commune)


def test_the_budgets_forms_carry_no_list_of_units_or_areas_whatever_their_number(client, world):
    client.force_login(world["finance"])
    donation = phones(world["finance"], world["do"]["committee"])
    urls = [
        reverse("budgets:allocation_create"),
        reverse("budgets:estimate_create"),
        reverse("budgets:donation_create"),
        reverse("budgets:donation_detail", args=[donation.pk]),  # its form to pass items on
    ]

    def options() -> list[int]:
        pages = [client.get(url).content.decode() for url in urls]
        for page in pages:
            assert "Đồng 001" not in page
            assert f'data-choices-url="{reverse("tracker:choices", args=["units"])}?on=' in page
        return [page.count("<option") for page in pages]

    add_communes(world, 3)
    small = options()
    add_communes(world, 117, first=3)
    assert options() == small


def test_an_allocation_to_another_provinces_unit_is_refused_and_a_typed_name_is_found(client, world):
    client.force_login(world["finance"])
    add_communes(world, 2)
    approved_estimate(activity=world["activity"], year=2026, amount=100_000_000)
    data = allocation_data(world["activity"], world["xa"]["committee"])
    response = client.post(reverse("budgets:allocation_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["unit"] == [NOT_OFFERED]
    assert not Allocation.objects.exists()
    response = client.post(reverse("budgets:allocation_create"), {**data, "unit": "ubnd xa dong 001"})
    assert response.status_code == 302, response.context["form"].errors
    assert Allocation.objects.get().unit == Unit.objects.get(name="UBND xã Đồng 001")


def test_a_donation_is_received_and_passed_on_by_names_typed(client, world):
    client.force_login(world["finance"])
    add_communes(world, 2)
    response = client.post(reverse("budgets:donation_create"), donation_data(world["xa"]["committee"]))
    assert response.context["form"].errors["received_by"] == [NOT_OFFERED]
    donation = phones(world["finance"], world["do"]["department"])
    transfer = {"transferred_on": "01/09/2023", "document_number": "BBBG-01", "quantity": "3"}
    url = reverse("budgets:donation_transfer", args=[donation.pk])
    response = client.post(url, {**transfer, "recipient": "xa goc do", "area": world["xa"]["commune"].pk})
    assert response.status_code == 200
    assert response.context["form"].errors == {"area": [NOT_OFFERED]}
    response = client.post(url, {**transfer, "recipient": "xa goc do", "area": "xa goc do"})
    assert response.status_code == 302
    passed = DonationTransfer.objects.get()
    assert (passed.recipient, passed.area) == (world["do"]["committee"], world["do"]["commune"])
