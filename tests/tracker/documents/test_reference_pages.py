"""The DIC's pages for the province's reference data: units, legal documents and indicators.

A DIC manager (not staff, not superuser) creates, edits and ends them; a unit officer is
refused; a duplicate legal document is refused with a link to the one that exists; every
write leaves a history row naming who made it; the lists' query counts do not grow.
"""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.documents import services
from tracker.models import Area, Indicator, LegalDocument, Plan, PlanLegalBasis, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def province(db):
    return factories.ProvinceFactory(name="Tỉnh Lạng Sơn")


@pytest.fixture
def other_province(db):
    return factories.ProvinceFactory(name="Tỉnh Cao Bằng")


@pytest.fixture
def province_manager(province):
    dic = factories.UnitFactory(name="Sở KH&CN tỉnh Lạng Sơn", kind=Unit.Kind.DEPARTMENT, area=province)
    user = factories.UserFactory(username="quanly", unit=dic, role=roles.DIC_MANAGER)
    assert not user.is_staff and not user.is_superuser
    return user


def _document(**changes) -> LegalDocument:
    values = {
        "kind": LegalDocument.Kind.DECISION,
        "number_symbol": "2269/QĐ-TTg",
        "issued_on": datetime.date(2021, 12, 31),
        "issuer": "Thủ tướng Chính phủ",
        "title": "Phê duyệt Chương trình hỗ trợ điện thoại thông minh",
    }
    return LegalDocument.objects.create(**{**values, **changes})


# --- Permissions ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["unit_create", "legal_document_create", "indicator_create"])
def test_manager_who_is_not_staff_opens_the_create_pages(client, province_manager, name):
    client.force_login(province_manager)
    assert client.get(reverse(f"tracker:{name}")).status_code == 200


@pytest.mark.parametrize(
    "name", ["unit_create", "legal_document_create", "indicator_create", "legal_document_list", "indicator_list"]
)
def test_unit_officer_is_refused(client, officer_a, name):
    client.force_login(officer_a)
    assert client.get(reverse(f"tracker:{name}")).status_code == 403
    assert client.post(reverse(f"tracker:{name}"), {"name": "X", "kind": "other"}).status_code in (403, 405)
    assert not Unit.objects.filter(name="X").exists()


def test_manager_cannot_edit_a_unit_of_another_province(client, province_manager, other_province):
    foreign = factories.UnitFactory(name="UBND xã Khác", kind=Unit.Kind.PEOPLES_COMMITTEE, area=other_province)
    client.force_login(province_manager)
    assert client.get(reverse("tracker:unit_edit", args=[foreign.pk])).status_code == 404
    response = client.post(reverse("tracker:unit_end", args=[foreign.pk]), {"valid_to": "31/12/2026"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.valid_to is None


# --- Units --------------------------------------------------------------------------------------


def test_manager_creates_a_commune_committee_with_history(client, province_manager, province):
    commune = Area.objects.create(name="Xã Tân Thành", level=Area.Level.COMMUNE, parent=province)
    client.force_login(province_manager)
    response = client.post(
        reverse("tracker:unit_create"),
        {
            "name": "UBND xã Tân Thành",
            "kind": "peoples_committee",
            "area": commune.pk,
            "email": "tanthanh@example.gov.vn",
            "valid_from": "01/07/2025",
        },
    )
    unit = Unit.objects.get(name="UBND xã Tân Thành")
    assert response.status_code == 302 and response["Location"] == reverse("tracker:unit_detail", args=[unit.pk])
    assert unit.area == commune and unit.valid_from == datetime.date(2025, 7, 1)
    record = unit.history.get()
    assert record.history_type == "+" and record.history_user == province_manager


def test_areas_offered_are_those_of_the_managers_province(client, province_manager, province, other_province):
    mine = Area.objects.create(name="Xã Của Tôi", level=Area.Level.COMMUNE, parent=province)
    theirs = Area.objects.create(name="Xã Của Họ", level=Area.Level.COMMUNE, parent=other_province)
    client.force_login(province_manager)
    form = client.get(reverse("tracker:unit_create")).context["form"]
    areas = set(form.fields["area"].queryset)
    assert mine in areas and province in areas and theirs not in areas


def test_people_committee_without_area_is_refused_with_the_message(client, province_manager):
    client.force_login(province_manager)
    response = client.post(reverse("tracker:unit_create"), {"name": "UBND xã Không Tên", "kind": "peoples_committee"})
    assert response.status_code == 200
    assert "A People's Committee must belong to an area." in response.context["form"].errors["area"]
    assert not Unit.objects.filter(name="UBND xã Không Tên").exists()


def test_collective_members_are_set_and_recorded(client, province_manager, province):
    communes = [
        factories.UnitFactory(
            name=f"UBND xã {index}",
            kind=Unit.Kind.PEOPLES_COMMITTEE,
            area=Area.objects.create(name=f"Xã {index}", level=Area.Level.COMMUNE, parent=province),
        )
        for index in range(3)
    ]
    client.force_login(province_manager)
    response = client.post(
        reverse("tracker:unit_create"),
        {
            "name": "UBND các xã có tên tại mục II.1",
            "kind": "peoples_committee",
            "is_group": "on",
            "members": [unit.pk for unit in communes],
        },
    )
    assert response.status_code == 302
    group = Unit.objects.get(name="UBND các xã có tên tại mục II.1")
    assert set(group.members.all()) == set(communes)
    reasons = [record.history_change_reason for record in group.history.all()]
    assert any(reason and reason.startswith("Members: UBND xã 0") for reason in reasons)
    history = client.get(reverse("tracker:unit_history", args=[group.pk]))
    assert "Members: UBND xã 0, UBND xã 1, UBND xã 2" in history.content.decode()


def test_ending_a_unit_names_its_successor(client, province_manager, province):
    old = factories.UnitFactory(name="Sở Thông tin và Truyền thông", kind=Unit.Kind.DEPARTMENT, area=province)
    new = factories.UnitFactory(name="Sở Khoa học và Công nghệ", kind=Unit.Kind.DEPARTMENT, area=province)
    client.force_login(province_manager)
    response = client.post(reverse("tracker:unit_end", args=[old.pk]), {"valid_to": "28/02/2025", "successor": new.pk})
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.valid_to == datetime.date(2025, 2, 28) and old.successor == new
    record = old.history.first()
    assert record.history_user == province_manager and record.history_change_reason == "Ended"


def test_unit_cannot_succeed_itself(client, province_manager, province):
    unit = factories.UnitFactory(name="Sở A", kind=Unit.Kind.DEPARTMENT, area=province)
    with pytest.raises(services.ValidationError):
        services.unit_end(unit=unit, on=datetime.date(2026, 1, 1), successor=unit, actor=province_manager)


# --- Legal documents ----------------------------------------------------------------------------


def test_manager_adds_a_legal_document_with_history(client, province_manager):
    client.force_login(province_manager)
    response = client.post(
        reverse("tracker:legal_document_create"),
        {
            "kind": "resolution",
            "number_symbol": "20/2023/NQ-HĐND",
            "issued_on": "07/12/2023",
            "issuer": "HĐND tỉnh Thừa Thiên Huế",
            "title": "Quy định nội dung hỗ trợ điện thoại thông minh",
        },
    )
    assert response.status_code == 302
    document = LegalDocument.objects.get(number_symbol="20/2023/NQ-HĐND")
    assert document.history.get().history_user == province_manager


def test_duplicate_legal_document_is_refused_with_a_link_to_the_existing_one(client, province_manager):
    existing = _document()
    client.force_login(province_manager)
    response = client.post(
        reverse("tracker:legal_document_create"),
        {
            "kind": "decision",
            "number_symbol": " 2269 / qđ-TTg ",  # the same number, typed differently
            "issued_on": "31/12/2021",
            "issuer": "Thủ tướng",
            "title": "Trùng",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This document already exists (same number and date):" in html
    assert f'href="{reverse("tracker:legal_document_edit", args=[existing.pk])}"' in html
    assert LegalDocument.objects.count() == 1


def test_same_number_on_another_date_is_another_document(client, province_manager):
    _document()
    client.force_login(province_manager)
    data = {"kind": "decision", "number_symbol": "2269/QĐ-TTg", "issued_on": "01/01/2022", "issuer": "X", "title": "Y"}
    assert client.post(reverse("tracker:legal_document_create"), data).status_code == 302
    assert LegalDocument.objects.count() == 2


def test_service_refuses_a_duplicate_too(manager):
    _document()
    duplicate = LegalDocument(
        kind="decision", number_symbol="2269/QĐ-TTG", issued_on=datetime.date(2021, 12, 31), issuer="X", title="Y"
    )
    with pytest.raises(services.DuplicateDocument) as refused:
        services.legal_document_save(document=duplicate, actor=manager)
    assert "2269/QĐ-TTg (31/12/2021)" in refused.value.messages[0]
    assert refused.value.existing.number_symbol == "2269/QĐ-TTg"


def test_admin_refuses_a_duplicate_with_a_link(admin_client):
    existing = _document()
    response = admin_client.post(
        reverse("admin:tracker_legaldocument_add"),
        {"kind": "decision", "number_symbol": "2269/QĐ-TTg", "issued_on": "2021-12-31", "issuer": "X", "title": "Y"},
    )
    assert response.status_code == 200
    assert reverse("admin:tracker_legaldocument_change", args=[existing.pk]) in response.content.decode()
    assert LegalDocument.objects.count() == 1


def test_created_inline_from_the_plan_form_returns_with_the_document_chosen(client, province_manager):
    client.force_login(province_manager)
    back = reverse("tracker:plan_create")
    response = client.post(
        reverse("tracker:legal_document_create") + f"?next={back}",
        {
            "kind": "circular",
            "number_symbol": "14/2022/TT-BTTTT",
            "issued_on": "28/10/2022",
            "issuer": "Bộ TT&TT",
            "title": "Hướng dẫn",
            "next": back,
        },
    )
    document = LegalDocument.objects.get(number_symbol="14/2022/TT-BTTTT")
    assert response["Location"] == f"{back}?legal_document={document.pk}"
    form = client.get(response["Location"]).context["form"]
    assert form["legal_bases"].value() == [document.pk]


def test_inline_create_does_not_go_back_to_another_site(client, province_manager):
    client.force_login(province_manager)
    data = {"kind": "other", "number_symbol": "", "issuer": "X", "title": "Y", "next": "https://evil.example/"}
    response = client.post(reverse("tracker:legal_document_create"), data)
    assert response["Location"] == reverse("tracker:legal_document_list")


def test_ended_document_is_not_offered_to_new_plans_but_stays_on_old_ones(client, province_manager):
    document = _document()
    plan = factories.PlanFactory()
    PlanLegalBasis.objects.create(plan=plan, document=document, order=1)
    client.force_login(province_manager)
    client.post(reverse("tracker:legal_document_end", args=[document.pk]), {"valid_to": "01/01/2026"})
    document.refresh_from_db()
    assert document.valid_to == datetime.date(2026, 1, 1)
    new_form = client.get(reverse("tracker:plan_create")).context["form"]
    assert document not in new_form.fields["legal_bases"].queryset
    old_form = client.get(reverse("tracker:plan_edit", args=[plan.pk])).context["form"]
    assert old_form["legal_bases"].value() == [document.pk]


def test_plan_keeps_the_wording_of_its_legal_basis(client, province_manager):
    document = _document(kind=LegalDocument.Kind.CIRCULAR, number_symbol="06/2022/TT-BTTTT")
    plan = factories.PlanFactory()
    services.plan_save(plan=plan, actor=province_manager, legal_bases=[(document, "Thực hiện")])
    link = PlanLegalBasis.objects.get(plan=plan)
    assert link.lead_in == "Thực hiện"
    client.force_login(province_manager)
    html = client.get(reverse("tracker:plan_detail", args=[plan.pk])).content.decode()
    assert "Thực hiện Thông tư số 06/2022/TT-BTTTT" in html


# --- Indicators ---------------------------------------------------------------------------------


def test_manager_adds_an_indicator_without_a_code(client, province_manager):
    client.force_login(province_manager)
    data = {
        "name": "Hộ nghèo được hỗ trợ điện thoại thông minh",
        "unit_of_measure": "hộ",
        "description": "Hộ nghèo, cận nghèo nhận điện thoại trong năm",
        "role": "target",
        "order": 5,
    }
    assert client.post(reverse("tracker:indicator_create"), data).status_code == 302
    assert client.post(reverse("tracker:indicator_create"), {**data, "name": "Khác"}).status_code == 302
    indicator = Indicator.objects.get(name=data["name"])
    assert indicator.code == "" and indicator.description == data["description"]
    assert indicator.history.get().history_user == province_manager


def test_indicator_code_is_unique_when_given(client, province_manager):
    factories.IndicatorFactory(code="phones")
    client.force_login(province_manager)
    data = {"name": "X", "unit_of_measure": "hộ", "role": "target", "order": 0, "code": "phones"}
    response = client.post(reverse("tracker:indicator_create"), data)
    assert response.status_code == 200
    assert "Indicator with this Code already exists." in str(response.context["form"].errors) or (
        "Another indicator already has this code." in str(response.context["form"].errors)
    )


def test_new_indicator_can_be_chosen_for_a_target_and_an_ended_one_cannot(client, province_manager):
    plan = factories.PlanFactory()
    kept = factories.IndicatorFactory(name="Giữ")
    ended = factories.IndicatorFactory(name="Hết dùng")
    client.force_login(province_manager)
    client.post(reverse("tracker:indicator_end", args=[ended.pk]), {"valid_to": "01/01/2026"})
    form = client.get(reverse("tracker:target_create") + f"?plan={plan.pk}").context["form"]
    assert kept in form.fields["indicator"].queryset and ended not in form.fields["indicator"].queryset
    assert ended.history.first().history_change_reason == "Ended"


def test_history_pages_of_documents_and_indicators(client, province_manager, officer_a):
    document = _document()
    indicator = factories.IndicatorFactory()
    client.force_login(province_manager)
    client.post(
        reverse("tracker:legal_document_edit", args=[document.pk]),
        {
            "kind": "decision",
            "number_symbol": "2269/QĐ-TTg",
            "issued_on": "31/12/2021",
            "issuer": "Thủ tướng",
            "title": "Tên mới",
        },
    )
    page = client.get(reverse("tracker:legal_document_history", args=[document.pk]))
    assert page.status_code == 200 and "Tên mới" in page.content.decode()
    assert client.get(reverse("tracker:indicator_history", args=[indicator.pk])).status_code == 200
    client.force_login(officer_a)
    assert client.get(reverse("tracker:legal_document_history", args=[document.pk])).status_code == 404


# --- Query counts -------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_reference_lists_keep_a_constant_query_count(client, province_manager, province):
    client.force_login(province_manager)
    plan = factories.PlanFactory()
    counts = []
    for size in (3, 30):
        for index in range(size):
            document = _document(number_symbol=f"{size}-{index}/QĐ-UBND")
            PlanLegalBasis.objects.create(plan=plan, document=document, order=index)
            indicator = factories.IndicatorFactory()
            factories.TargetFactory(plan=plan, indicator=indicator)
            commune = Area.objects.create(name=f"Xã {size}-{index}", level=Area.Level.COMMUNE, parent=province)
            committee = factories.CommuneCommitteeFactory(name=f"UBND xã {size}-{index}", area=commune)
            factories.ActivityFactory(plan=plan, section_code=f"{size}.{index}", lead_unit=committee)
        counts.append(
            (
                _queries(client, reverse("tracker:legal_document_list")),
                _queries(client, reverse("tracker:indicator_list") + "?q=Chỉ"),
                _queries(client, reverse("tracker:unit_list")),
                _queries(client, reverse("tracker:area_list")),
            )
        )
    assert counts[0] == counts[1]


def test_lists_search_and_paginate(client, province_manager):
    for index in range(55):
        _document(number_symbol=f"{index}/KH-UBND", title=f"Kế hoạch số {index}")
    _document(number_symbol="1/TB-TU", title="Thông báo kết luận")
    client.force_login(province_manager)
    page = client.get(reverse("tracker:legal_document_list")).context["page"]
    assert page.paginator.count == 56 and len(page.object_list) == 50
    found = client.get(reverse("tracker:legal_document_list") + "?q=kết luận").context["page"]
    assert [d.number_symbol for d in found.object_list] == ["1/TB-TU"]
    assert Plan.objects.count() == 0
