"""Section IV "Tổ chức thực hiện" edited on the plan's own form: each unit's (or collective's)
duties, in order, added, reordered and removed with the plan, each change in the plan's history."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories
from tracker.models import Plan, PlanDuty, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _plan_data(issuer, **changes):
    data = {
        "issuer": issuer.pk,
        "number_symbol": "",
        "title": "Kế hoạch thực hiện Tiểu dự án 1 năm 2026",
        "period_start": "01/01/2026",
        "period_end": "31/12/2026",
        "status": "draft",
        "issued_on_precision": "day",
    }
    return {**data, **changes}


def _duties(rows, *, initial=0):
    data = {
        "duties-TOTAL_FORMS": str(len(rows)),
        "duties-INITIAL_FORMS": str(initial),
        "duties-MIN_NUM_FORMS": "0",
        "duties-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"duties-{index}-{key}"] = value
    return data


def test_new_plan_is_created_with_its_section_iv_in_order(client, manager):
    issuer = factories.UnitFactory(name="UBND tỉnh", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    dic = factories.UnitFactory(name="Sở Khoa học và Công nghệ", kind=Unit.Kind.DEPARTMENT)
    communes = factories.UnitFactory(
        name="UBND các xã có tên tại mục II.1", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True
    )
    client.force_login(manager)
    form_page = client.get(reverse("tracker:plan_create"))
    assert form_page.context["duties"].total_form_count() == 3
    data = {
        **_plan_data(issuer),
        **_duties(
            [
                {
                    "order": "2",
                    "unit": communes.pk,
                    "heading": "3. UBND các xã",
                    "text": "Báo cáo trước ngày 10 hằng tháng.",
                },
                {"order": "1", "unit": dic.pk, "heading": "1. Sở Khoa học và Công nghệ", "text": "Chủ trì, theo dõi."},
                {"order": "3"},  # an empty row: skipped
            ]
        ),
    }
    response = client.post(reverse("tracker:plan_create"), data)
    assert response.status_code == 302
    plan = Plan.objects.get(title="Kế hoạch thực hiện Tiểu dự án 1 năm 2026")
    assert [(duty.order, duty.unit, duty.text) for duty in plan.duties.all()] == [
        (1, dic, "Chủ trì, theo dõi."),
        (2, communes, "Báo cáo trước ngày 10 hằng tháng."),
    ]
    assert all(duty.history.get().history_user == manager for duty in plan.duties.all())
    html = client.get(reverse("tracker:plan_detail", args=[plan.pk])).content.decode()
    assert html.index("Chủ trì, theo dõi.") < html.index("Báo cáo trước ngày 10 hằng tháng.")


def test_duties_are_reordered_edited_and_removed_on_the_plan_form(client, manager):
    plan = factories.PlanFactory()
    first = PlanDuty.objects.create(plan=plan, order=1, unit=factories.UnitFactory(name="Sở A"), text="Việc A")
    second = PlanDuty.objects.create(plan=plan, order=2, unit=factories.UnitFactory(name="Sở B"), text="Việc B")
    third = PlanDuty.objects.create(plan=plan, order=3, unit=factories.UnitFactory(name="Sở C"), text="Việc C")
    client.force_login(manager)
    page = client.get(reverse("tracker:plan_edit", args=[plan.pk]))
    duties = page.context["duties"]
    assert [form.instance for form in duties.forms[:3]] == [first, second, third]
    data = {
        **_plan_data(plan.issuer, title=plan.title, period_start="01/01/2026", period_end="31/12/2026"),
        **_duties(
            [
                {"id": first.pk, "order": "3", "unit": first.unit_id, "text": "Việc A"},
                {"id": second.pk, "order": "2", "unit": second.unit_id, "text": "Việc B, sửa lại"},
                {"id": third.pk, "order": "1", "unit": third.unit_id, "text": "Việc C", "DELETE": "on"},
            ],
            initial=3,
        ),
    }
    response = client.post(reverse("tracker:plan_edit", args=[plan.pk]), data)
    assert response.status_code == 302
    assert [(duty.unit.name, duty.order, duty.text) for duty in plan.duties.all()] == [
        ("Sở B", 1, "Việc B, sửa lại"),
        ("Sở A", 2, "Việc A"),
    ]
    assert not PlanDuty.objects.filter(pk=third.pk).exists()
    history = client.get(reverse("tracker:plan_history", args=[plan.pk])).content.decode()
    assert "Việc B, sửa lại" in history and "Sở C" in history


def test_a_duty_needs_its_unit_and_text_and_nothing_is_saved_otherwise(client, manager):
    plan = factories.PlanFactory(title="Tên cũ")
    client.force_login(manager)
    data = {
        **_plan_data(plan.issuer, title="Tên mới"),
        **_duties([{"order": "1", "heading": "Sở X", "text": "Không có đơn vị"}]),
    }
    response = client.post(reverse("tracker:plan_edit", args=[plan.pk]), data)
    assert response.status_code == 200
    assert response.context["duties"].forms[0].errors["unit"]
    assert "<li>Row 1, Unit: This field is required.</li>" in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Tên cũ" and not plan.duties.exists()


def test_unit_officer_cannot_post_duties(client, officer_a):
    plan = factories.PlanFactory()
    client.force_login(officer_a)
    unit = factories.UnitFactory(name="Sở A")
    response = client.post(
        reverse("tracker:plan_edit", args=[plan.pk]),
        {**_plan_data(plan.issuer), **_duties([{"order": "1", "unit": unit.pk, "text": "X"}])},
    )
    assert response.status_code in (403, 404)
    assert not PlanDuty.objects.exists()


@pytest.mark.parametrize("size", [2, 20])
def test_plan_form_with_duties_keeps_its_query_count(client, manager, size, django_assert_max_num_queries):
    plan = factories.PlanFactory()
    for index in range(size):
        PlanDuty.objects.create(plan=plan, order=index, unit=factories.UnitFactory(name=f"Đơn vị {index}"), text="X")
    client.force_login(manager)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("tracker:plan_edit", args=[plan.pk]))
    assert len(response.context["duties"].forms) == size + 3


def test_duties_added_in_place_are_saved_and_an_added_row_left_blank_is_skipped(client, manager):
    """The page's script copies the formset's empty row and fills in its number as the server
    numbers its own empty rows (position + 1): such a row left blank is no row at all."""
    issuer = factories.UnitFactory(name="UBND tỉnh", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    dic = factories.UnitFactory(name="Sở Khoa học và Công nghệ", kind=Unit.Kind.DEPARTMENT)
    paper = factories.UnitFactory(name="Báo Lạng Sơn", kind=Unit.Kind.OTHER)
    client.force_login(manager)
    page = client.get(reverse("tracker:plan_create")).content.decode()
    template = page[page.index("<template data-formset-empty>") : page.index("</template>")]
    assert 'name="duties-__prefix__-order"' in template and "data-formset-number" in template
    # The copied row offers the same units as the others.
    assert template.count("<option") == page.count(
        "<option", page.index('name="duties-0-unit"'), page.index('name="duties-1-unit"')
    )
    data = {
        **_plan_data(issuer),
        **_duties(
            [
                {"order": "1", "unit": dic.pk, "text": "Chủ trì, theo dõi."},
                {"order": "2"},
                {"order": "3"},
                {"order": "4", "unit": paper.pk, "text": "Đưa tin."},  # added in place
                {"order": "5"},  # added in place, left blank
            ]
        ),
    }
    response = client.post(reverse("tracker:plan_create"), data)
    assert response.status_code == 302
    plan = Plan.objects.get(title="Kế hoạch thực hiện Tiểu dự án 1 năm 2026")
    assert [(duty.unit, duty.text) for duty in plan.duties.all()] == [(dic, "Chủ trì, theo dõi."), (paper, "Đưa tin.")]
