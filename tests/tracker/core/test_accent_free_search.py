"""Accent-free search in the tracker (tracker/core/search.py), through the pages: with or
without diacritics, in any case (Đ/đ, Ư/ư), the same rows are found."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory, AreaFactory, PlanFactory, UnitFactory
from tracker.core.search import fold

pytestmark = pytest.mark.django_db


def test_fold_removes_diacritics_case_and_extra_spaces():
    assert fold("Điện  thoại THÔNG minh") == "dien thoai thong minh"
    assert fold("Đài truyền thanh xã Ưng Hòe") == "dai truyen thanh xa ung hoe"
    assert fold(None) is None


def board_titles(client, query: str) -> set[str]:
    response = client.get(reverse("tracker:board"), {"q": query})
    assert response.status_code == 200
    return {activity.title for activity in response.context["page"].object_list}


def test_activities_match_with_and_without_accents_and_in_any_case(manager_client):
    plan = PlanFactory(title="Kế hoạch hỗ trợ điện thoại thông minh")
    for title in (
        "Hỗ trợ điện thoại thông minh cho hộ nghèo",
        "Tuyên truyền về ĐIỆN THOẠI THÔNG MINH",
        "Đài truyền thanh xã ứng dụng CNTT",
        "Nâng cấp đài truyền thanh cơ sở",
        "Điểm bưu điện văn hóa xã",
    ):
        ActivityFactory(plan=plan, title=title)
    phones = {"Hỗ trợ điện thoại thông minh cho hộ nghèo", "Tuyên truyền về ĐIỆN THOẠI THÔNG MINH"}
    assert board_titles(manager_client, "điện thoại thông minh") == phones
    assert board_titles(manager_client, "dien thoai thong minh") == phones
    assert board_titles(manager_client, "DIEN THOAI") == phones
    radio = {"Đài truyền thanh xã ứng dụng CNTT", "Nâng cấp đài truyền thanh cơ sở"}
    assert board_titles(manager_client, "Đài truyền thanh") == radio
    assert board_titles(manager_client, "đài truyền thanh") == radio
    assert board_titles(manager_client, "dai truyen thanh") == radio
    # "d" alone is not "đ" folded away from everything: the word must still be there.
    assert board_titles(manager_client, "buu dien") == {"Điểm bưu điện văn hóa xã"}
    # A percent sign is a character, not a wildcard.
    assert board_titles(manager_client, "100%") == set()


def test_plans_units_and_areas_match_without_accents(manager_client):
    PlanFactory(title="Kế hoạch Giảm nghèo về thông tin năm 2023")
    UnitFactory(name="Ủy ban nhân dân xã Đức Vân")
    AreaFactory(name="Xã Ưng Hòe")
    plans = manager_client.get(reverse("tracker:plan_list"), {"q": "giam ngheo ve thong tin"})
    assert "Giảm nghèo về thông tin năm 2023" in plans.content.decode()
    units = manager_client.get(reverse("tracker:unit_list"), {"q": "uy ban nhan dan xa duc van"})
    assert "Ủy ban nhân dân xã Đức Vân" in units.content.decode()
    areas = manager_client.get(reverse("tracker:area_list"), {"q": "UNG HOE"})
    assert "Xã Ưng Hòe" in areas.content.decode()
    nothing = manager_client.get(reverse("tracker:area_list"), {"q": "ung hoa"})
    assert "Xã Ưng Hòe" not in nothing.content.decode()
