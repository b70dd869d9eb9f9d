"""The budgets lists at national size: their plan, unit and area filters carry only the chosen
option (the others fetched from tracker:choices as the user types), a national reader's
activity list waits for a plan, and each list and the execution page make the same queries
whatever the number of units."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.budgets.factories import EstimateFactory
from tests.budgets.test_execution import M, allocate
from tests.budgets.test_views_donations import cash
from tracker.models import Area, Unit

pytestmark = pytest.mark.django_db

# The lists' fixed dropdowns (years, sources, content types, statuses, an activity list of a
# few plans) are small; whatever the number of units and areas, no page carries more.
MAX_OPTIONS = 60
LISTS = ["budgets:allocation_list", "budgets:estimate_list", "budgets:donation_list"]


def _units_with_money(count: int, finance, *, first: int = 0) -> None:
    """`count` communes of one province, each allocated to, estimated for and given a donation."""
    province = Area.objects.filter(name="Tỉnh Đo").first() or factories.ProvinceFactory(name="Tỉnh Đo")
    activity = factories.ActivityFactory()
    for number in range(first, first + count):
        commune = factories.AreaFactory(name=f"Xã Đo {number}", parent=province, level=Area.Level.COMMUNE)
        unit = factories.CommuneCommitteeFactory(name=f"UBND xã Đo {number}", area=commune)
        allocate(activity, unit, M)
        EstimateFactory(activity=activity, unit=unit)
        cash(finance, unit, M, plan=activity.plan, donor=f"Nhà hảo tâm {number}")


@pytest.mark.parametrize("count", [3, 120])
@pytest.mark.parametrize("url", LISTS)
def test_a_budgets_list_carries_no_list_of_units_areas_or_plans_whatever_their_number(
    client, manager, finance, count, url
):
    _units_with_money(count, finance)
    client.force_login(manager)
    page = client.get(reverse(url)).content.decode()
    assert page.count("<option") <= MAX_OPTIONS
    assert "<option value" not in page.split("UBND xã Đo 0")[0][-200:]  # no unit offered as an option
    assert f'data-choices-url="{reverse("tracker:choices", args=["units"])}"' in page
    assert f'data-choices-url="{reverse("tracker:choices", args=["plans"])}"' in page
    assert "vendor/tom-select/tom-select.complete.min.js" in page


def test_the_chosen_unit_and_area_are_the_options_shown_and_filter_the_allocations(client, manager, finance):
    _units_with_money(3, finance)
    client.force_login(manager)
    unit = Unit.objects.get(name="UBND xã Đo 1")
    response = client.get(reverse("budgets:allocation_list"), {"unit": unit.pk})
    assert [allocation.unit for allocation in response.context["page"].object_list] == [unit]
    assert f'data-value="{unit.pk}"' in response.content.decode()
    response = client.get(reverse("budgets:allocation_list"), {"area": unit.area_id})
    assert [allocation.unit for allocation in response.context["page"].object_list] == [unit]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(url)).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [*LISTS, "budgets:execution"])
def test_a_budgets_page_makes_the_same_queries_for_3_units_as_for_120(
    client, manager, finance, url, django_assert_max_num_queries
):
    _units_with_money(3, finance)
    client.force_login(manager)
    small = _queries(client, url)
    _units_with_money(117, finance, first=3)
    with django_assert_max_num_queries(small):
        assert client.get(reverse(url)).status_code == 200
