"""Filters with many choices (units, areas, plans) carry only the chosen option; the choices
come from `tracker:choices` as the user types, searched accent-free among what the user may
see, a page at a time; without a script the name typed is looked up."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.models import Area

pytestmark = pytest.mark.django_db


def _units_and_areas(count: int) -> None:
    province = factories.ProvinceFactory(name="Tỉnh Đo")
    for number in range(count):
        commune = factories.AreaFactory(name=f"Xã Đo {number}", parent=province, level=Area.Level.COMMUNE)
        factories.CommuneCommitteeFactory(name=f"UBND xã Đo {number}", area=commune)


# The board's and a register's fixed lists (status, due, sort, content types, …) are small;
# whatever the number of units and areas, no page carries more options than this.
MAX_OPTIONS = 60


@pytest.mark.parametrize("count", [3, 120])
@pytest.mark.parametrize("url", ["tracker:board", "tracker:smartphone_handover_list"])
def test_a_filter_page_carries_no_list_of_units_or_areas_whatever_their_number(client, manager, count, url):
    _units_and_areas(count)
    client.force_login(manager)
    page = client.get(reverse(url)).content.decode()
    assert page.count("<option") <= MAX_OPTIONS
    assert "UBND xã Đo 0" not in page and "Xã Đo 0" not in page
    assert f'data-choices-url="{reverse("tracker:choices", args=["units"])}"' in page
    assert "vendor/tom-select/tom-select.complete.min.js" in page


def test_the_chosen_unit_is_the_one_option_shown_and_filters_the_board(client, manager):
    _units_and_areas(3)
    lead = factories.CommuneCommitteeFactory(name="UBND xã Hà Nội Mới", area=Area.objects.get(name="Xã Đo 1"))
    mine = factories.ActivityFactory(lead_unit=lead, title="Việc của xã Hà Nội Mới")
    other = factories.ActivityFactory(title="Việc của đơn vị khác")
    client.force_login(manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("tracker:board"), {"lead_unit": lead.pk}).content.decode()
    assert 'value="UBND xã Hà Nội Mới"' in page
    assert f'data-value="{lead.pk}"' in page
    assert mine.title in page and other.title not in page
    # Without the script: the name typed, accents or not, is looked up.
    page = client.get(reverse("tracker:board"), {"lead_unit": "ha noi moi"}).content.decode()
    assert mine.title in page and other.title not in page
    page = client.get(reverse("tracker:board"), {"lead_unit": "xa do"}).content.decode()
    assert "Several match “xa do”" in page


def test_the_choices_are_searched_accent_free_in_pages_among_the_users_province(client):
    province = factories.ProvinceFactory(name="Tỉnh Một")
    elsewhere = factories.ProvinceFactory(name="Tỉnh Hai")
    home = factories.AreaFactory(name="Xã Nhà", parent=province, level=Area.Level.COMMUNE)
    away = factories.AreaFactory(name="Xã Xa", parent=elsewhere, level=Area.Level.COMMUNE)
    for number in range(25):
        factories.CommuneCommitteeFactory(name=f"UBND xã Đồng {number:02}", area=home)
    factories.CommuneCommitteeFactory(name="UBND xã Đồng Xa", area=away)
    manager = factories.UserFactory(
        role=roles.DIC_MANAGER, unit=factories.UnitFactory(name="Sở KH&CN tỉnh Một", area=province)
    )
    client.force_login(manager)
    url = reverse("tracker:choices", args=["units"])
    first = client.get(url, {"q": "dong"}).json()
    assert len(first["results"]) == 20 and first["more"] is True
    second = client.get(url, {"q": "dong", "page": 2}).json()
    names = [item["text"] for item in first["results"] + second["results"]]
    assert names == [f"UBND xã Đồng {number:02}" for number in range(25)] and second["more"] is False
    assert "UBND xã Đồng Xa" not in names  # another province's unit
    areas = client.get(reverse("tracker:choices", args=["areas"]), {"q": "xa"}).json()["results"]
    assert [item["text"] for item in areas] == ["Xã Nhà, Tỉnh Một"]  # not "Xã Xa" of the other province
