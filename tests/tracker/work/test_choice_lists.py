"""Choice lists of the plan forms: scoped to the plan's province (its areas and units, plus
units placed nowhere such as ministries and telecom enterprises), activities labelled with
their plan's number, long lists searchable without scripts (checkboxes, not Ctrl-click) and
the filter served from our own static file (no inline script, CSP 'self')."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests import factories
from tracker.models import Area, Deadline, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def provinces(db):
    """Two provinces, each with a department, a district and a commune with its committee."""
    world = {}
    for key in ("ls", "hue"):
        province = factories.ProvinceFactory(name=f"Tỉnh {key}")
        district = factories.AreaFactory(name=f"Huyện {key}", level=Area.Level.DISTRICT, parent=province)
        commune = factories.AreaFactory(name=f"Xã {key}", parent=district)
        ubnd = factories.UnitFactory(name=f"UBND tỉnh {key}", kind=Unit.Kind.PEOPLES_COMMITTEE, area=province)
        department = factories.UnitFactory(name=f"Sở KH&CN {key}", area=province, parent=ubnd)
        committee = factories.CommuneCommitteeFactory(name=f"UBND xã {key}", area=commune)
        world[key] = {
            "province": province,
            "district": district,
            "commune": commune,
            "ubnd": ubnd,
            "department": department,
            "committee": committee,
        }
    world["telecom"] = factories.UnitFactory(name="Tập đoàn Viễn thông", kind=Unit.Kind.TELECOM)
    return world


def plan_of(world, key):
    place = world[key]
    return factories.PlanFactory(issuer=place["ubnd"], area=place["province"], number_symbol="413/KH-UBND")


def choice_ids(field) -> set[int]:
    return {value.value for value, _ in field.choices if value}


def test_activity_form_offers_only_the_plans_province(manager_client, provinces):
    plan = plan_of(provinces, "ls")
    response = manager_client.get(reverse("tracker:activity_create") + f"?plan={plan.pk}")
    form = response.context["form"]
    ls, hue = provinces["ls"], provinces["hue"]
    units = choice_ids(form.fields["lead_unit"])
    assert {ls["ubnd"].pk, ls["department"].pk, ls["committee"].pk, provinces["telecom"].pk} <= units
    assert not units & {hue["ubnd"].pk, hue["department"].pk, hue["committee"].pk}
    assert choice_ids(form.fields["cooperating_units"]) == units
    areas = choice_ids(form.fields["area"])
    assert {ls["province"].pk, ls["district"].pk, ls["commune"].pk} <= areas
    assert not areas & {hue["province"].pk, hue["district"].pk, hue["commune"].pk}


def test_task_and_rule_forms_offer_only_the_plans_province(manager_client, provinces):
    plan = plan_of(provinces, "hue")
    activity = factories.ActivityFactory(plan=plan, lead_unit=provinces["hue"]["department"])
    task_form = manager_client.get(reverse("tracker:task_create") + f"?activity={activity.pk}").context["form"]
    assert provinces["ls"]["committee"].pk not in choice_ids(task_form.fields["unit"])
    assert provinces["hue"]["committee"].pk in choice_ids(task_form.fields["unit"])
    assert provinces["ls"]["commune"].pk not in choice_ids(task_form.fields["area"])
    rule_form = manager_client.get(reverse("tracker:reporting_rule_create") + f"?plan={plan.pk}").context["form"]
    assert provinces["ls"]["department"].pk not in choice_ids(rule_form.fields["reporter"])
    assert provinces["hue"]["department"].pk in choice_ids(rule_form.fields["recipient"])
    target_form = manager_client.get(reverse("tracker:target_create") + f"?plan={plan.pk}").context["form"]
    assert provinces["ls"]["commune"].pk not in choice_ids(target_form.fields["area"])


def test_units_and_areas_are_fetched_as_typed_and_cooperating_units_are_no_ctrl_click_list(manager_client, provinces):
    plan = plan_of(provinces, "ls")
    html = manager_client.get(reverse("tracker:activity_create") + f"?plan={plan.pk}").content.decode()
    # Units and areas: boxes the script turns into lists fetched as typed (tests/tracker/work/test_form_widgets.py).
    assert not re.search(r'<select[^>]*name="(cooperating_units|lead_unit|area)"', html)
    assert re.search(r'<div[^>]*class="remote-multiple"[^>]*data-multiple="1"', html)
    assert re.search(r'<input type="text" name="lead_unit"[^>]*data-choices-url=', html)
    assert "Ctrl" not in html
    # The scripts are our own static files; the page carries no inline script (CSP 'self').
    assert 'src="/static/js/remote-choices.js"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


def test_posting_cooperating_units_as_checkboxes_saves_them(manager_client, provinces):
    plan = plan_of(provinces, "ls")
    ls = provinces["ls"]
    activity = factories.ActivityFactory(plan=plan, lead_unit=ls["department"])
    data = {
        "plan": plan.pk,
        "section_code": activity.section_code,
        "activity_type": activity.activity_type_id,
        "title": "Tuyên truyền",
        "lead_unit": ls["department"].pk,
        "cooperating_units": [ls["committee"].pk, provinces["telecom"].pk],
        "status": "not_started",
        "outputs-TOTAL_FORMS": 0,
        "outputs-INITIAL_FORMS": 0,
    }
    response = manager_client.post(reverse("tracker:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 302
    assert set(activity.cooperations.values_list("unit_id", flat=True)) == {ls["committee"].pk, provinces["telecom"].pk}


def test_unit_of_another_province_is_refused(manager_client, provinces):
    plan = plan_of(provinces, "ls")
    activity = factories.ActivityFactory(plan=plan, lead_unit=provinces["ls"]["department"])
    response = manager_client.post(
        reverse("tracker:task_create") + f"?activity={activity.pk}",
        {
            "unit": provinces["hue"]["committee"].pk,
            "deliverable": "Sản phẩm",
            "due_date": "30/06/2026",
            "status": "not_started",
        },
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors


def test_activities_are_labelled_with_their_plan_number(manager_client, provinces):
    plan = plan_of(provinces, "ls")
    factories.ActivityFactory(plan=plan, section_code="1", title="Hỗ trợ điện thoại thông minh")
    deadline = Deadline.objects.create(plan=plan, title="Nộp", due_date=plan.period_end)
    form = manager_client.get(reverse("tracker:deadline_edit", args=[deadline.pk])).context["form"]
    labels = [label for value, label in form.fields["activity"].choices if value]
    assert labels == ["413/KH-UBND · 1. Hỗ trợ điện thoại thông minh"]


def test_budget_forms_label_activities_with_their_plan_number(provinces):
    from budgets import selectors as budget_selectors

    plan = plan_of(provinces, "ls")
    activity = factories.ActivityFactory(plan=plan, section_code="2", title="Đài truyền thanh")
    (chosen,) = budget_selectors.activities_for_choice(type(activity).objects.filter(pk=activity.pk))
    assert budget_selectors.activity_label(chosen) == "413/KH-UBND · 2. Đài truyền thanh"


def _manager_of(world, key):
    return factories.UserFactory(username=f"quanly-{key}", unit=world[key]["department"], role="dic_manager")


def test_new_plan_form_offers_only_the_managers_province(client, provinces):
    """Issuer, area and the section IV units of a new plan: the manager's province only."""
    client.force_login(_manager_of(provinces, "ls"))
    response = client.get(reverse("tracker:plan_create"))
    form, duties = response.context["form"], response.context["duties"]
    ls, hue = provinces["ls"], provinces["hue"]
    issuers = choice_ids(form.fields["issuer"])
    assert {ls["ubnd"].pk, ls["department"].pk, provinces["telecom"].pk} <= issuers
    assert not issuers & {hue["ubnd"].pk, hue["department"].pk, hue["committee"].pk}
    assert choice_ids(form.fields["area"]) == {ls["province"].pk, ls["district"].pk}
    duty_units = choice_ids(duties.forms[0].fields["unit"])
    assert ls["committee"].pk in duty_units and hue["committee"].pk not in duty_units


def test_plan_edit_form_offers_the_plans_province(manager_client, provinces):
    """A manager of no province (the fixture's) editing a plan sees the plan's province."""
    plan = plan_of(provinces, "hue")
    response = manager_client.get(reverse("tracker:plan_edit", args=[plan.pk]))
    issuers = choice_ids(response.context["form"].fields["issuer"])
    assert provinces["hue"]["ubnd"].pk in issuers and provinces["ls"]["ubnd"].pk not in issuers
    duty_units = choice_ids(response.context["duties"].forms[0].fields["unit"])
    assert provinces["ls"]["committee"].pk not in duty_units


def test_a_ward_is_labelled_by_its_kind_not_its_level(manager_client, provinces):
    plan = plan_of(provinces, "ls")
    factories.AreaFactory(name="Hàm Rồng", kind=Area.Kind.WARD, parent=provinces["ls"]["district"])
    factories.AreaFactory(name="Phường Đông Kinh", kind=Area.Kind.WARD, parent=provinces["ls"]["district"])
    form = manager_client.get(reverse("tracker:activity_create") + f"?plan={plan.pk}").context["form"]
    labels = {label for value, label in form.fields["area"].choices if value}
    assert "Phường Đông Kinh, Huyện ls" in labels  # the name says it already
    assert "Hàm Rồng (Ward), Huyện ls" in labels
    assert "Xã ls, Huyện ls" in labels and "Tỉnh ls" in labels
    assert not [label for label in labels if "(Commune)" in label]
