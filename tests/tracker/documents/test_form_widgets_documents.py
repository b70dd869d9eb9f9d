"""The plan, target, deadline and reporting rule forms fetch their units, areas and legal bases as
the user types (tracker/choices/fields.py): no page carries a list of the province's units, the
plan's legal bases are one list in the order cited, names typed without scripts are looked up,
and another province's unit is refused."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tests.tracker.documents.test_views_documents import legal_document, plan_data
from tracker.core import roles
from tracker.models import Area, Plan, PlanDuty, PlanLegalBasis, ReportingRule, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    places = {}
    for key in ("do", "xa"):
        province = factories.ProvinceFactory(name=f"Tỉnh {key.upper()}")
        ubnd = factories.UnitFactory(name=f"UBND tỉnh {key.upper()}", kind=Unit.Kind.PEOPLES_COMMITTEE, area=province)
        department = factories.UnitFactory(name=f"Sở KH&CN tỉnh {key.upper()}", area=province, parent=ubnd)
        places[key] = {"province": province, "ubnd": ubnd, "department": department}
    plan = factories.PlanFactory(issuer=places["do"]["ubnd"], area=places["do"]["province"], number_symbol="1/KH")
    manager = factories.UserFactory(username="quanly.do", role=roles.DIC_MANAGER, unit=places["do"]["department"])
    return {**places, "plan": plan, "manager": manager}


def add_communes(world, count: int, *, first: int = 0) -> None:
    for number in range(first, first + count):
        commune = factories.AreaFactory(name=f"Xã Đồng {number:03}", parent=world["do"]["province"])
        factories.CommuneCommitteeFactory(name=f"UBND xã Đồng {number:03}", area=commune)
        legal_document(title=f"Quyết định thử số {number}")


def test_the_plan_forms_carry_no_list_of_units_areas_or_documents_whatever_their_number(client, world):
    client.force_login(world["manager"])
    plan = world["plan"]
    PlanDuty.objects.create(plan=plan, order=1, unit=world["do"]["department"], text="Chủ trì")
    urls = [
        reverse("tracker:plan_create"),
        reverse("tracker:plan_edit", args=[plan.pk]),
        reverse("tracker:target_create") + f"?plan={plan.pk}",
        reverse("tracker:deadline_create") + f"?plan={plan.pk}",
        reverse("tracker:reporting_rule_create") + f"?plan={plan.pk}",
    ]

    def options() -> list[int]:
        pages = [client.get(url).content.decode() for url in urls]
        for page in pages:
            assert "Đồng 001" not in page and "Quyết định thử số 1" not in page
            assert "data-choices-url=" in page
        return [page.count("<option") for page in pages]

    add_communes(world, 3)
    small = options()
    add_communes(world, 117, first=3)
    assert options() == small
    assert max(small) <= 60


def test_legal_bases_are_one_list_in_the_order_chosen_and_typed_names_are_found(client, world):
    client.force_login(world["manager"])
    first = legal_document(number_symbol="06/2022/TT-BTTTT", kind="circular", title="Hướng dẫn Tiểu dự án 1")
    second = legal_document(number_symbol="2269/QĐ-TTg", title="Hỗ trợ điện thoại thông minh")
    third = legal_document(number_symbol="20/2023/NQ-HĐND", kind="resolution", title="Chính sách hỗ trợ")
    data = plan_data(
        world["do"]["ubnd"],
        # A ticked document, then two typed (without scripts) by a part of their number.
        legal_bases=[second.pk, "06/2022/tt-btttt; 20/2023"],
    )
    response = client.post(reverse("tracker:plan_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    plan = Plan.objects.get(number_symbol="146/KH-UBND")
    links = list(plan.legal_basis_links.order_by("order"))
    assert [link.document for link in links] == [second, first, third]
    # Edited: the words citing each document already cited, and a new order.
    edit = reverse("tracker:plan_edit", args=[plan.pk])
    page = client.get(edit).content.decode()
    assert f'name="lead_in_{first.pk}"' in page
    data = plan_data(world["do"]["ubnd"], legal_bases=[third.pk, first.pk], **{f"lead_in_{first.pk}": "Thực hiện"})
    assert client.post(edit, data).status_code == 302
    assert [(link.document, link.lead_in) for link in PlanLegalBasis.objects.filter(plan=plan).order_by("order")] == [
        (third, ""),
        (first, "Thực hiện"),
    ]


def test_a_section_iv_duty_is_given_its_unit_by_name_and_another_provinces_is_refused(client, world):
    client.force_login(world["manager"])
    plan = world["plan"]
    add_communes(world, 2)
    edit = reverse("tracker:plan_edit", args=[plan.pk])
    duties = {
        "duties-TOTAL_FORMS": 1,
        "duties-INITIAL_FORMS": 0,
        "duties-0-order": 1,
        "duties-0-unit": world["xa"]["department"].pk,
        "duties-0-text": "Phối hợp thực hiện",
    }
    data = {**plan_data(world["do"]["ubnd"]), **duties}
    response = client.post(edit, data)
    assert response.status_code == 200
    assert response.context["duties"].forms[0].errors["unit"] == [
        "Lựa chọn này không có ở đây: hãy chọn trong danh sách."
    ]
    data["duties-0-unit"] = "ubnd xa dong 001"
    assert client.post(edit, data).status_code == 302
    assert PlanDuty.objects.get(plan=plan).unit.name == "UBND xã Đồng 001"


def test_a_reporting_rule_refuses_another_provinces_unit_and_takes_a_typed_one(client, world):
    client.force_login(world["manager"])
    plan = world["plan"]
    create = reverse("tracker:reporting_rule_create") + f"?plan={plan.pk}"
    data = {
        "title": "Báo cáo tháng",
        "reporter": world["xa"]["department"].pk,
        "recipient": "ubnd tinh do",
        "frequency": "monthly",
        "due_day": 20,
        "active_from": plan.period_start.strftime("%d/%m/%Y"),
        "active_to": plan.period_end.strftime("%d/%m/%Y"),
    }
    response = client.post(create, data)
    assert response.context["form"].errors["reporter"] == ["Lựa chọn này không có ở đây: hãy chọn trong danh sách."]
    data["reporter"] = "so kh&cn tinh do"
    assert client.post(create, data).status_code == 302
    rule = ReportingRule.objects.get(plan=plan)
    assert (rule.reporter, rule.recipient) == (world["do"]["department"], world["do"]["ubnd"])


def test_a_target_is_set_for_an_area_typed_by_name(client, world):
    client.force_login(world["manager"])
    plan = world["plan"]
    add_communes(world, 2)
    indicator = factories.IndicatorFactory()
    response = client.post(
        reverse("tracker:target_create") + f"?plan={plan.pk}",
        {"indicator": indicator.pk, "area": "xa dong 001", "year": plan.period_start.year, "planned_value": 3},
    )
    assert response.status_code == 302
    assert plan.targets.get().area == Area.objects.get(name="Xã Đồng 001")


def test_the_legal_documents_list_holds_those_in_force_for_tracker_users_only(client, world, editor):
    legal_document(number_symbol="1/2020/QĐ-UBND", title="Đã hết hiệu lực", valid_to=datetime.date(2021, 1, 1))
    legal_document(number_symbol="06/2022/TT-BTTTT", title="Hướng dẫn")
    url = reverse("tracker:choices", args=["legal-documents"])
    client.force_login(world["manager"])
    texts = [item["text"] for item in client.get(url).json()["results"]]
    assert len(texts) == 1 and "06/2022/TT-BTTTT" in texts[0]
    client.force_login(editor)
    assert client.get(url).json()["results"] == []
