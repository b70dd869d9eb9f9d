"""A DIC manager chooses units by typing part of their names: the activity's lead unit in a
searchable select and its cooperating units as tags, among a province of 60 communes whose
committees are never all on the page; saved, the activity has them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.choices import choose, chosen_items, requests_of
from tests.e2e.second_factor import complete_second_factor
from tracker.core import roles
from tracker.models import Activity, Area, Unit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Chon-don-vi-2026"


@pytest.fixture
def province_site(live_server):
    province = factories.ProvinceFactory(name="Tỉnh Tuyên Quang")
    pc = factories.UnitFactory(name="UBND tỉnh Tuyên Quang", kind=Unit.Kind.PEOPLES_COMMITTEE, area=province)
    dic = factories.UnitFactory(name="Sở Khoa học và Công nghệ tỉnh Tuyên Quang", area=province, parent=pc)
    for number in range(60):
        commune = factories.AreaFactory(name=f"Xã Thử {number:02}", parent=province, level=Area.Level.COMMUNE)
        factories.CommuneCommitteeFactory(name=f"UBND xã Thử {number:02}", area=commune)
    lam_binh = factories.AreaFactory(name="Xã Lâm Bình", parent=province)
    factories.CommuneCommitteeFactory(name="UBND xã Lâm Bình", area=lam_binh)
    factories.UnitFactory(name="Báo và Phát thanh, Truyền hình Tuyên Quang", area=province)
    neighbour = factories.ProvinceFactory(name="Tỉnh Lào Cai")
    factories.UnitFactory(name="Sở Khoa học và Công nghệ tỉnh Lào Cai", area=neighbour)
    plan = factories.PlanFactory(issuer=pc, area=province, number_symbol="45/KH-UBND")
    activity = factories.ActivityFactory(plan=plan, lead_unit=dic, section_code="1", title="Đài truyền thanh xã")
    user = factories.UserFactory(username="quanly.tq", role=roles.DIC_MANAGER, unit=dic)
    user.set_password(PASSWORD)
    user.save()
    return live_server.url, activity


def test_a_manager_types_part_of_names_to_choose_the_lead_and_cooperating_units(page, province_site):
    base_url, activity = province_site
    requests = requests_of(page)
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", "quanly.tq")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    complete_second_factor(page)

    page.goto(f"{base_url}/tracker/activities/{activity.pk}/edit/")
    # No list of the province's units on the page: only the chosen lead unit.
    assert page.locator("option", has_text="UBND xã Thử").count() == 0
    assert chosen_items(page, "id_lead_unit") == ["Sở Khoa học và Công nghệ tỉnh Tuyên Quang"]
    # The searchable boxes are named by their labels.
    expect(page.locator("#id_lead_unit-ts-control")).to_have_accessible_name(re.compile("Đơn vị chủ trì"))
    expect(page.locator("#id_cooperating_units-ts-control")).to_have_accessible_name(re.compile("Đơn vị phối hợp"))

    # The lead unit: typed without accents, found with them; the neighbour's is never offered.
    choose(page, "id_lead_unit", "lam binh", "UBND xã Lâm Bình")
    page.locator("#id_cooperating_units-ts-control").locator("xpath=..").click()
    page.locator("#id_cooperating_units-ts-control").fill("lao cai")
    requests.settle()
    expect(page.locator("#id_cooperating_units-ts-dropdown [role=option]")).to_have_count(0)
    page.keyboard.press("Escape")
    page.locator("#id_cooperating_units-ts-control").fill("")
    requests.settle()
    # Cooperating units: tags, each added by typing part of its name.
    choose(page, "id_cooperating_units", "thu 07", "UBND xã Thử 07")
    choose(page, "id_cooperating_units", "phat thanh", "Báo và Phát thanh, Truyền hình Tuyên Quang")
    choose(page, "id_cooperating_units", "thu 42", "UBND xã Thử 42")
    assert chosen_items(page, "id_cooperating_units") == [
        "UBND xã Thử 07",
        "Báo và Phát thanh, Truyền hình Tuyên Quang",
        "UBND xã Thử 42",
    ]
    # One removed with its button.
    page.locator("#id_cooperating_units-ts-control").locator("xpath=..").locator(
        ".item", has_text="UBND xã Thử 42"
    ).locator(".remove").click()
    page.keyboard.press("Escape")
    requests.settle()

    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".errors")).to_have_count(0)
    expect(page.locator("h1")).to_contain_text("Đài truyền thanh xã")
    page.wait_for_load_state("networkidle")
    requests.settle()
    activity = Activity.objects.get(pk=activity.pk)
    assert activity.lead_unit.name == "UBND xã Lâm Bình"
    assert sorted(activity.cooperating_units.values_list("name", flat=True)) == [
        "Báo và Phát thanh, Truyền hình Tuyên Quang",
        "UBND xã Thử 07",
    ]
