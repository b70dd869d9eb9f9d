"""The documents pages: plans read like the document, their timeline, units and areas, and the
DIC managers' forms for plans, targets, deadlines and reporting rules — who sees what, what is
refused, what is written, and that no page's query count grows with its data.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from tests import factories
from tracker.models import (
    Activity,
    Area,
    AreaSuccession,
    Deadline,
    Indicator,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    Progress,
    ReportingRule,
    Target,
    Unit,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def english(client):
    """Interface text is asserted in English; one test below reads the Vietnamese page."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def as_manager(client, manager):
    return login(client, manager)


@pytest.fixture
def as_officer_a(client, officer_a):
    return login(client, officer_a)


def html(response) -> str:
    return response.content.decode()


def text(response) -> str:
    """The page's text with tags removed and white space collapsed (entities kept)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html(response)).split())


def url(name: str, *args, **query) -> str:
    path = reverse(f"tracker:{name}", args=args)
    if query:
        path += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return path


_doc_numbers = iter(range(1, 100_000))


def legal_document(**values) -> LegalDocument:
    number = next(_doc_numbers)
    defaults = {
        "kind": LegalDocument.Kind.DECISION,
        "number_symbol": f"{number}/QĐ-UBND",
        "issued_on": datetime.date(2022, 1, 1),
        "issuer": "UBND tỉnh",
        "title": f"Văn bản thử {number}",
    }
    return LegalDocument.objects.create(**{**defaults, **values})


def build_plan(size: int, *, today: datetime.date, lead: Unit | None = None, **plan_fields) -> Plan:
    """A plan with ``size`` of everything a plan page shows: activities (each with two
    cooperating units, an output, a task and a deadline), duties, legal bases, targets, and
    a monthly reporting rule."""
    plan = factories.PlanFactory(
        period_start=today - 200 * DAY, period_end=today + 200 * DAY, issued_on=today - 210 * DAY, **plan_fields
    )
    indicator = factories.IndicatorFactory()
    for index in range(size):
        activity = factories.ActivityFactory(
            plan=plan,
            section_code=f"2.{index + 1}",
            lead_unit=lead or factories.UnitFactory(),
            start_date=today - 100 * DAY,
            due_date=today + (index - size // 2) * DAY,
            status=Progress.IN_PROGRESS,
        )
        for _ in range(2):
            factories.CooperationFactory(activity=activity, unit=factories.UnitFactory())
        OutputIndicator.objects.create(
            activity=activity, name=f"Sản phẩm {index}", unit_of_measure="tin bài", planned_quantity=1000 + index
        )
        factories.TaskFactory(activity=activity, unit=factories.UnitFactory(), due_date=today + 10 * DAY)
        Deadline.objects.create(plan=plan, activity=activity, title=f"Hạn {index}", due_date=today + index * DAY)
        PlanDuty.objects.create(plan=plan, order=index, unit=activity.lead_unit, text=f"Nhiệm vụ {index}")
        PlanLegalBasis.objects.create(plan=plan, document=legal_document(), order=index)
        factories.TargetFactory(plan=plan, indicator=indicator, area=factories.AreaFactory(), year=today.year)
    ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=factories.UnitFactory(),
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=20,
        active_from=plan.period_start,
        active_to=plan.period_end,
    )
    return plan


def history_users(model) -> list:
    return list(model.history.values_list("history_user__username", flat=True))


# --- Who may see what ----------------------------------------------------------------------------


@pytest.fixture
def two_plans(unit_a, unit_b, today):
    """plan_a: an activity led by commune A; plan_b: one led by commune B."""
    plan_a = factories.PlanFactory(title="Kế hoạch của xã A", number_symbol="1/KH-UBND")
    plan_b = factories.PlanFactory(title="Kế hoạch của xã B", number_symbol="2/KH-UBND")
    factories.ActivityFactory(plan=plan_a, section_code="2.1", lead_unit=unit_a, title="Việc của A")
    factories.ActivityFactory(plan=plan_b, section_code="2.1", lead_unit=unit_b, title="Việc của B")
    return plan_a, plan_b


@pytest.mark.parametrize(
    "name, args",
    [
        ("plan_list", ()),
        ("plan_detail", (1,)),
        ("plan_timeline", (1,)),
        ("plan_create", ()),
        ("unit_list", ()),
        ("unit_detail", (1,)),
        ("area_list", ()),
        ("area_detail", (1,)),
    ],
)
def test_anonymous_is_sent_to_the_login_page(client, name, args):
    response = client.get(reverse(f"tracker:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_officer_lists_only_the_plans_of_their_unit(client, officer_a, two_plans):
    login(client, officer_a)
    response = client.get(url("plan_list"))
    assert [plan.title for plan in response.context["page"].object_list] == ["Kế hoạch của xã A"]


@pytest.mark.parametrize("name", ["plan_detail", "plan_timeline", "plan_edit"])
def test_officer_gets_404_on_another_units_plan(client, officer_a, two_plans, name):
    login(client, officer_a)
    assert client.get(url(name, two_plans[1].pk)).status_code == 404


def test_officer_sees_only_their_activities_in_a_plan(client, officer_a, unit_a, unit_b):
    plan = factories.PlanFactory()
    factories.ActivityFactory(plan=plan, section_code="2.1", lead_unit=unit_a, title="Việc của A")
    factories.ActivityFactory(plan=plan, section_code="2.2", lead_unit=unit_b, title="Việc của B")
    login(client, officer_a)
    page = text(client.get(url("plan_detail", plan.pk)))
    assert "Việc của A" in page
    assert "Việc của B" not in page


@pytest.mark.parametrize("persona", ["monitor", "finance"])
def test_province_wide_readers_see_every_plan_without_edit_buttons(client, request, two_plans, persona):
    login(client, request.getfixturevalue(persona))
    response = client.get(url("plan_list"))
    assert response.context["page"].paginator.count == 2
    detail = html(client.get(url("plan_detail", two_plans[1].pk)))
    assert url("plan_edit", two_plans[1].pk) not in detail
    assert "Add target" not in detail


def test_cms_editor_sees_no_plan(client, editor, two_plans):
    login(client, editor)
    assert client.get(url("plan_list")).context["page"].paginator.count == 0
    assert client.get(url("plan_detail", two_plans[0].pk)).status_code == 404


def test_manager_sees_the_managers_buttons(as_manager, two_plans):
    plan = two_plans[0]
    page = html(as_manager.get(url("plan_detail", plan.pk)))
    for link in (
        url("plan_edit", plan.pk),
        url("plan_timeline", plan.pk),
        url("activity_create", plan=plan.pk),
        url("target_create", plan=plan.pk),
        url("deadline_create", plan=plan.pk),
        url("reporting_rule_create", plan=plan.pk),
    ):
        assert f'href="{link}"' in page


def test_plan_list_is_newest_first_and_filters(as_manager):
    old = factories.PlanFactory(
        title="Kế hoạch năm 2019",
        issued_on=datetime.date(2019, 2, 18),
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 12, 31),
    )
    new = factories.PlanFactory(
        title="Kế hoạch giai đoạn 2023 - 2025",
        number_symbol="413/KH-UBND",
        issued_on=datetime.date(2023, 12, 19),
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    draft = factories.PlanFactory(title="Dự thảo", status=Plan.Status.DRAFT, issued_on=None)  # 2026 period

    def titles(**query):
        return [plan.title for plan in as_manager.get(url("plan_list", **query)).context["page"].object_list]

    assert titles() == [draft.title, new.title, old.title]
    assert titles(status="draft") == [draft.title]
    assert titles(year=2024) == [new.title]
    assert titles(issuer=old.issuer_id) == [old.title]
    assert titles(q="413") == [new.title]
    assert titles(q="giai đoạn") == [new.title]


def test_plan_list_counts_the_activities_and_overdue_ones_the_reader_sees(client, manager, officer_a, unit_a, today):
    plan = factories.PlanFactory()
    factories.ActivityFactory(plan=plan, lead_unit=unit_a, start_date=None, due_date=today - DAY)  # overdue
    factories.ActivityFactory(plan=plan, start_date=None, due_date=today - DAY, status=Progress.COMPLETED)
    factories.ActivityFactory(plan=plan, start_date=None, due_date=today + DAY)
    login(client, manager)
    (row,) = client.get(url("plan_list")).context["page"].object_list
    assert (row.activity_count, row.overdue_count) == (3, 1)
    login(client, officer_a)
    (row,) = client.get(url("plan_list")).context["page"].object_list
    assert (row.activity_count, row.overdue_count) == (1, 1)


def test_plan_list_pages_by_25(as_manager):
    for _ in range(27):
        factories.PlanFactory()
    first = as_manager.get(url("plan_list"))
    assert len(first.context["page"].object_list) == 25
    assert 'href="?page=2"' in html(first)
    assert len(as_manager.get(url("plan_list", page=2)).context["page"].object_list) == 2


def test_list_pages_refuse_a_post(as_manager):
    assert as_manager.post(url("plan_list")).status_code == 405
    assert as_manager.post(url("unit_list")).status_code == 405


# --- Non-managers change nothing ----------------------------------------------------------------


def snapshot() -> dict:
    models = (Plan, PlanLegalBasis, Target, Deadline, ReportingRule)
    return {
        **{model.__name__: model.objects.count() for model in models},
        **{f"{model.__name__} history": model.history.count() for model in models},
        "titles": list(Plan.objects.order_by("pk").values_list("title", flat=True)),
    }


@pytest.mark.parametrize("persona", ["officer_a", "monitor", "finance", "editor"])
def test_non_managers_cannot_create_anything(client, request, two_plans, persona):
    login(client, request.getfixturevalue(persona))
    plan = two_plans[0]
    indicator = factories.IndicatorFactory()
    before = snapshot()
    posts = [
        (url("plan_create"), {"title": "X", "issuer": plan.issuer_id, "period_start": "2026-01-01"}),
        (url("target_create", plan=plan.pk), {"indicator": indicator.pk, "area": factories.AreaFactory().pk}),
        (url("deadline_create", plan=plan.pk), {"title": "X", "kind": "date", "due_date": "2026-05-01"}),
        (url("reporting_rule_create", plan=plan.pk), {"title": "X", "frequency": "monthly", "due_day": 20}),
    ]
    for path, data in posts:
        assert client.get(path).status_code == 403
        assert client.post(path, data).status_code == 403
    assert snapshot() == before


def test_officer_cannot_edit_a_visible_plan_or_its_parts(client, officer_a, two_plans):
    plan = two_plans[0]
    target = factories.TargetFactory(plan=plan)
    deadline = Deadline.objects.create(plan=plan, title="Hạn", due_date=datetime.date(2026, 3, 1))
    rule = ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo",
        reporter=plan.issuer,
        frequency="monthly",
        due_day=20,
        active_from=plan.period_start,
        active_to=plan.period_end,
    )
    login(client, officer_a)
    before = snapshot()
    for path in (
        url("plan_edit", plan.pk),
        url("target_edit", target.pk),
        url("deadline_edit", deadline.pk),
        url("reporting_rule_edit", rule.pk),
    ):
        assert client.get(path).status_code == 403
        assert client.post(path, {"title": "Đã sửa", "planned_value": 99}).status_code == 403
    assert snapshot() == before
    target.refresh_from_db()
    assert target.planned_value == 10


def test_officer_gets_404_on_the_parts_of_an_invisible_plan(client, officer_b, two_plans):
    plan = two_plans[0]
    target = factories.TargetFactory(plan=plan)
    deadline = Deadline.objects.create(plan=plan, title="Hạn", due_date=datetime.date(2026, 3, 1))
    login(client, officer_b)
    assert client.get(url("target_edit", target.pk)).status_code == 404
    assert client.post(url("deadline_edit", deadline.pk), {"title": "X"}).status_code == 404


def test_create_pages_need_a_visible_plan(as_manager):
    assert as_manager.get(url("target_create")).status_code == 404
    assert as_manager.get(url("target_create", plan="abc")).status_code == 404
    assert as_manager.get(url("deadline_create", plan=999999)).status_code == 404


# --- Managers' forms write through the services ---------------------------------------------------


def plan_data(issuer: Unit, **overrides) -> dict:
    data = {
        "issuer": issuer.pk,
        "number_symbol": "146/KH-UBND",
        "place": "Tp. Thanh Hóa",
        "issued_on": "18/02/2019",  # typed the Vietnamese way
        "issued_on_precision": "day",
        "title": "Triển khai thực hiện chỉ tiêu tiếp cận các dịch vụ xã hội cơ bản về thông tin năm 2019",
        "period_start": "2019-01-01",
        "period_end": "2019-12-31",
        "status": "issued",
        "signing_authority": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Phạm Thị Việt Nga",
        "recipients": "- Sở Thông tin Truyền thông; (b/c)\n- Lưu VTC",
    }
    return {**data, **overrides}


def test_manager_creates_a_plan_with_its_legal_bases_in_order(as_manager, manager):
    issuer = factories.UnitFactory(name="UBND thành phố Thanh Hóa", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    first, second = legal_document(), legal_document()
    data = plan_data(issuer, legal_bases=[second.pk, first.pk])  # in the order chosen
    response = as_manager.post(url("plan_create"), data)
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("plan_detail", plan.pk)
    assert plan.issued_on == datetime.date(2019, 2, 18)
    assert [(link.document, link.order) for link in plan.legal_basis_links.all()] == [(second, 1), (first, 2)]
    assert history_users(Plan) == ["manager"]
    assert history_users(PlanLegalBasis) == ["manager", "manager"]
    assert "The plan was created." in text(as_manager.get(response["Location"]))


def test_manager_edits_a_plan_and_reorders_its_legal_bases(as_manager):
    plan = factories.PlanFactory(title="Cũ")
    first, second = legal_document(), legal_document()
    PlanLegalBasis.objects.create(plan=plan, document=first, order=1)
    PlanLegalBasis.objects.create(plan=plan, document=second, order=2)
    form = as_manager.get(url("plan_edit", plan.pk)).context["form"]
    assert form["legal_bases"].value() == [first.pk, second.pk]
    data = plan_data(plan.issuer, title="Mới", legal_bases=[second.pk, first.pk])
    assert as_manager.post(url("plan_edit", plan.pk), data).status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Mới"
    assert list(plan.legal_basis_links.values_list("document_id", flat=True)) == [second.pk, first.pk]
    assert plan.history.first().history_user.username == "manager"


def test_a_plan_ending_before_it_starts_is_refused_at_the_end_date(as_manager):
    issuer = factories.UnitFactory()
    response = as_manager.post(url("plan_create"), plan_data(issuer, period_end="2018-12-31"))
    assert response.status_code == 200
    assert response.context["form"].errors["period_end"] == [gettext("The period cannot end before it starts.")]
    assert 'id="id_period_end_error"' in html(response)
    assert not Plan.objects.exists()
    assert Plan.history.count() == 0


def test_a_document_chosen_twice_is_cited_once(as_manager):
    issuer = factories.UnitFactory()
    document = legal_document()
    response = as_manager.post(url("plan_create"), plan_data(issuer, legal_bases=[document.pk, document.pk]))
    assert response.status_code == 302
    assert list(Plan.objects.get().legal_basis_links.values_list("document_id", "order")) == [(document.pk, 1)]


def test_manager_adds_a_target(as_manager, today):
    plan = factories.PlanFactory()
    indicator, area = factories.IndicatorFactory(), factories.AreaFactory()
    response = as_manager.post(
        url("target_create", plan=plan.pk),
        {"indicator": indicator.pk, "area": area.pk, "year": 2026, "planned_value": 200},
    )
    assert response.status_code == 302
    assert response["Location"] == url("plan_detail", plan.pk)
    target = Target.objects.get()
    assert (target.plan, target.area, target.planned_value) == (plan, area, 200)
    assert history_users(Target) == ["manager"]


def test_a_negative_target_is_refused_next_to_its_value(as_manager):
    plan = factories.PlanFactory()
    indicator, area = factories.IndicatorFactory(), factories.AreaFactory()
    response = as_manager.post(
        url("target_create", plan=plan.pk),
        {"indicator": indicator.pk, "area": area.pk, "year": 2026, "planned_value": -5},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["planned_value"] == ["A target cannot be negative."]
    assert form.non_field_errors() == []
    assert not Target.objects.exists()


def test_a_duplicate_target_is_refused_next_to_its_area(as_manager):
    existing = factories.TargetFactory(year=2026)
    response = as_manager.post(
        url("target_create", plan=existing.plan_id),
        {"indicator": existing.indicator_id, "area": existing.area_id, "year": 2026, "planned_value": 3},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["area"] == ["This area already has a value for this indicator and year in the plan."]
    assert "__all__" not in errors
    assert Target.objects.count() == 1
    assert Target.history.count() == 1


def test_errors_are_shown_in_vietnamese(client, manager):
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    login(client, manager)
    plan = factories.PlanFactory()
    response = client.post(
        url("target_create", plan=plan.pk),
        {
            "indicator": factories.IndicatorFactory().pk,
            "area": factories.AreaFactory().pk,
            "year": 2026,
            "planned_value": -1,
        },
    )
    with override("vi"):
        message = gettext("A target cannot be negative.")
    assert message == "Chỉ tiêu không được âm."
    assert response.context["form"].errors["planned_value"] == [message]
    assert message in html(response)


def test_manager_edits_a_target(as_manager):
    target = factories.TargetFactory(planned_value=10)
    data = {"indicator": target.indicator_id, "area": target.area_id, "year": target.year, "planned_value": 12}
    assert as_manager.post(url("target_edit", target.pk), data).status_code == 302
    target.refresh_from_db()
    assert target.planned_value == 12
    assert target.history.first().history_user.username == "manager"


def test_manager_adds_deadlines_of_each_kind(as_manager):
    plan = factories.PlanFactory()
    activity = factories.ActivityFactory(plan=plan)
    posts = [
        {"title": "Kế hoạch của xã", "kind": "date", "due_date": "28/02/2019", "wording": "trước ngày 28/2/2019"},
        {"title": "Vận động", "kind": "window", "window_start": "2023-08-01", "window_end": "2023-12-31"},
        {"title": "Triển khai", "kind": "on_issue", "activity": activity.pk},
    ]
    for data in posts:
        response = as_manager.post(url("deadline_create", plan=plan.pk), data)
        assert response.status_code == 302, response.context["form"].errors
    kinds = list(plan.deadlines.order_by("pk").values_list("kind", "due_date", "window_end", "activity_id"))
    assert kinds == [
        ("date", datetime.date(2019, 2, 28), None, None),
        ("window", None, datetime.date(2023, 12, 31), None),
        ("on_issue", None, None, activity.pk),
    ]
    assert history_users(Deadline) == ["manager"] * 3


def test_a_window_ending_before_it_starts_is_refused_at_its_end(as_manager):
    plan = factories.PlanFactory()
    response = as_manager.post(
        url("deadline_create", plan=plan.pk),
        {"title": "Vận động", "kind": "window", "window_start": "2023-12-31", "window_end": "2023-08-01"},
    )
    errors = response.context["form"].errors
    assert errors["window_end"] == ["The window cannot end before it starts."]
    assert "__all__" not in errors
    assert not Deadline.objects.exists()


def test_a_window_without_its_start_says_so_at_the_start(as_manager):
    plan = factories.PlanFactory()
    response = as_manager.post(
        url("deadline_create", plan=plan.pk), {"title": "Vận động", "kind": "window", "window_end": "2023-08-01"}
    )
    errors = response.context["form"].errors
    assert errors["window_start"] == ["A window needs a start and an end."]
    assert "__all__" not in errors
    assert not Deadline.objects.exists()


def test_a_deadline_by_date_needs_the_date(as_manager):
    plan = factories.PlanFactory()
    response = as_manager.post(url("deadline_create", plan=plan.pk), {"title": "Hạn", "kind": "date"})
    assert response.context["form"].errors == {"due_date": ["A deadline by a date needs the date."]}
    assert not Deadline.objects.exists()


def test_a_deadline_offers_only_the_plans_activities(as_manager):
    plan = factories.PlanFactory()
    own = factories.ActivityFactory(plan=plan)
    other = factories.ActivityFactory()
    response = as_manager.post(
        url("deadline_create", plan=plan.pk),
        {"title": "Hạn", "kind": "date", "due_date": "2026-03-01", "activity": other.pk},
    )
    assert "activity" in response.context["form"].errors
    assert list(response.context["form"].fields["activity"].queryset) == [own]
    assert not Deadline.objects.exists()


def test_manager_adds_and_edits_a_reporting_rule(as_manager):
    plan = factories.PlanFactory(period_start=datetime.date(2019, 1, 1), period_end=datetime.date(2019, 12, 31))
    reporter = factories.UnitFactory()
    form = as_manager.get(url("reporting_rule_create", plan=plan.pk)).context["form"]
    assert form["active_from"].value() == datetime.date(2019, 1, 1)
    data = {
        "title": "Báo cáo 6 tháng",
        "reporter": reporter.pk,
        "frequency": "half_year",
        "due_day": 15,
        "due_month": 6,
        "active_from": "01/01/2019",
        "active_to": "31/12/2019",
        "wording": "6 tháng trước ngày 15/6/2019",
    }
    assert as_manager.post(url("reporting_rule_create", plan=plan.pk), data).status_code == 302
    rule = ReportingRule.objects.get()
    assert as_manager.post(url("reporting_rule_edit", rule.pk), {**data, "due_day": 14}).status_code == 302
    rule.refresh_from_db()
    assert rule.due_day == 14
    assert history_users(ReportingRule) == ["manager", "manager"]


def test_a_reporting_rule_ending_before_it_starts_is_refused_at_its_end(as_manager):
    plan = factories.PlanFactory()
    data = {
        "title": "Báo cáo",
        "reporter": plan.issuer_id,
        "frequency": "monthly",
        "due_day": 20,
        "active_from": "2026-12-31",
        "active_to": "2026-01-01",
    }
    response = as_manager.post(url("reporting_rule_create", plan=plan.pk), data)
    errors = response.context["form"].errors
    assert errors["active_to"] == ["The rule cannot end before it starts."]
    assert "__all__" not in errors
    assert not ReportingRule.objects.exists()


def test_an_annual_report_needs_its_month(as_manager):
    plan = factories.PlanFactory()
    data = {
        "title": "Báo cáo năm",
        "reporter": plan.issuer_id,
        "frequency": "annual",
        "due_day": 5,
        "active_from": "2026-01-01",
        "active_to": "2026-12-31",
    }
    response = as_manager.post(url("reporting_rule_create", plan=plan.pk), data)
    assert response.context["form"].errors == {
        "due_month": ["Six-monthly and annual reports need the month they are due in."]
    }
    assert not ReportingRule.objects.exists()


def test_dates_are_typed_and_shown_back_as_dd_mm_yyyy(as_manager):
    plan = factories.PlanFactory()
    response = as_manager.post(
        url("deadline_create", plan=plan.pk),
        {"title": "", "kind": "date", "due_date": "28/02/2019"},
    )
    page = html(response)
    assert 'type="text" name="due_date" value="28/02/2019"' in page


# --- The plan reads like the document -------------------------------------------------------------


@pytest.fixture
def plan_146():
    issuer = factories.UnitFactory(
        name="UBND thành phố Thanh Hóa", kind=Unit.Kind.PEOPLES_COMMITTEE, area=factories.AreaFactory()
    )
    plan = factories.PlanFactory(
        issuer=issuer,
        number_symbol="146/KH-UBND",
        place="Tp. Thanh Hóa",
        issued_on=datetime.date(2019, 2, 18),
        title="Triển khai thực hiện chỉ tiêu tiếp cận các dịch vụ xã hội cơ bản về thông tin năm 2019",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 12, 31),
        purpose="1. Mục đích\nTriển khai các nội dung, nhiệm vụ.",
        funding="Ngân sách thành phố.",
        signing_authority="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Phạm Thị Việt Nga",
        recipients="- Sở Thông tin Truyền thông; (b/c)\n- Chủ tịch và các PCT UBND Tp;\n- Lưu VTC",
    )
    basis = legal_document(
        number_symbol="353/QĐ-UBND",
        issued_on=datetime.date(2019, 1, 23),
        issuer="UBND tỉnh Thanh Hóa",
        title="Về việc giao chỉ tiêu tiếp cận các dịch vụ xã hội cơ bản năm 2019",
    )
    PlanLegalBasis.objects.create(plan=plan, document=basis, order=1)
    return plan


def test_plan_page_has_the_documents_header_title_and_signature(as_manager, plan_146):
    page = text(as_manager.get(url("plan_detail", plan_146.pk)))
    assert "UBND THÀNH PHỐ THANH HÓA" in page
    assert "Số: 146/KH-UBND" in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" in page
    assert "Tp. Thanh Hóa, ngày 18 tháng 02 năm 2019" in page
    assert "KẾ HOẠCH Triển khai thực hiện chỉ tiêu tiếp cận" in page
    assert (
        "Căn cứ Quyết định số 353/QĐ-UBND ngày 23/01/2019 của UBND tỉnh Thanh Hóa về việc giao chỉ tiêu "
        "tiếp cận các dịch vụ xã hội cơ bản năm 2019." in page
    )
    assert "I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích" in page
    assert "III. KINH PHÍ THỰC HIỆN Ngân sách thành phố." in page
    assert "Nơi nhận: - Sở Thông tin Truyền thông; (b/c) - Chủ tịch và các PCT UBND Tp; - Lưu VTC" in page
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Thị Việt Nga" in page


def test_a_draft_leaves_the_number_blank_and_a_month_date_without_its_day(as_manager):
    issuer = factories.UnitFactory(name="UBND tỉnh Lạng Sơn", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    plan = factories.PlanFactory(
        issuer=issuer,
        number_symbol="",
        place="Lạng Sơn",
        issued_on=datetime.date(2023, 3, 1),
        issued_on_precision=Plan.DatePrecision.MONTH,
        signing_authority="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
    )
    page = text(as_manager.get(url("plan_detail", plan.pk)))
    assert "Số: &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/KH-UBND" in page
    assert "Lạng Sơn, ngày … tháng 3 năm 2023" in page
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" in page


def test_a_sample_plan_carries_a_banner_and_badge(as_manager):
    plan = factories.PlanFactory(is_sample=True, title="Kế hoạch mẫu")
    assert "This plan was invented for the demonstration" in text(as_manager.get(url("plan_detail", plan.pk)))
    assert "Sample data" in text(as_manager.get(url("plan_list")))


def test_contents_follow_the_section_numbers(as_manager):
    plan = factories.PlanFactory()
    for code in ("2.10", "2.2", "2.1"):
        factories.ActivityFactory(plan=plan, section_code=code, title=f"Nội dung {code}")
    contents = as_manager.get(url("plan_detail", plan.pk)).context["doc"].contents
    assert [item.activity.section_code for item in contents] == ["2.1", "2.2", "2.10"]


def test_a_content_shows_its_units_timing_outputs_status_and_link(as_manager, today):
    plan = factories.PlanFactory()
    lead = factories.UnitFactory(name="Sở Thông tin và Truyền thông")
    activity = factories.ActivityFactory(
        plan=plan,
        section_code="2.5",
        title="Hỗ trợ cung cấp dịch vụ thông tin công cộng",
        lead_unit=lead,
        start_date=today - 30 * DAY,
        due_date=today - DAY,
        schedule_note="Năm 2023",
    )
    factories.CooperationFactory(activity=activity, unit=factories.UnitFactory(name="Bưu điện tỉnh"), note="cung cấp")
    OutputIndicator.objects.create(
        activity=activity, name="Điểm bưu chính được hỗ trợ", unit_of_measure="điểm", planned_quantity=1088
    )
    response = as_manager.get(url("plan_detail", plan.pk))
    page = text(response)
    assert "2.5. Hỗ trợ cung cấp dịch vụ thông tin công cộng" in page
    assert "Lead unit Sở Thông tin và Truyền thông" in page
    assert "Cooperating units Bưu điện tỉnh (cung cấp)" in page
    assert f"Năm 2023 ({today - 30 * DAY:%d/%m/%Y} – {today - DAY:%d/%m/%Y})" in page
    assert "Điểm bưu chính được hỗ trợ: 1.088 điểm" in page
    assert "Not started Overdue" in page
    assert f'href="{url("activity_detail", activity.pk)}"' in html(response)


# Seed 002's appendix: ward/commune, poor households end-2018, lacking telecom, lacking assets.
APPENDIX_002 = [
    ("Phường Hàm Rồng", 24, 4, None), ("Phường Nam Ngạn", 29, 6, 1), ("Phường Trường Thi", 17, 4, None),
    ("Phường Đông Thọ", 50, 10, 1), ("Phường Phú Sơn", 30, 9, 1), ("Phường Lam Sơn", 10, 3, None),
    ("Phường Đông Sơn", 12, 4, None), ("Phường Tân Sơn", 14, 5, 1), ("Phường Ngọc Trao", 4, 1, None),
    ("Phường Đông Vệ", 11, 3, None), ("Phường Đông Cường", 25, 5, 1), ("Phường Đông Hương", 43, 8, 1),
    ("Phường Đông Hải", 37, 6, 1), ("Phường Quảng Hưng", 51, 10, 1), ("Phường Quảng Thành", 35, 9, 1),
    ("Phường Quảng Thắng", 14, 5, None), ("Phường An Hoạch", 18, 6, 1), ("Phường Tào Xuyên", 24, 6, 1),
    ("Xã Đông Lĩnh", 43, 9, 1), ("Xã Đông Hưng", 9, 3, None), ("Xã Đông Tân", 13, 5, 1),
    ("Xã Đông Vinh", 23, 3, None), ("Xã Hoằng Anh", 15, 5, 1), ("Xã Hoằng Lý", 16, 3, None),
    ("Xã Hoằng Long", 15, 4, None), ("Xã Hoằng Quang", 33, 4, None), ("Xã Hoằng Đại", 20, 5, None),
    ("Xã Thiệu Dương", 27, 8, 1), ("Xã Thiệu Khánh", 59, 11, 1), ("Xã Thiệu Vân", 32, 7, 1),
    ("Xã Quảng Thịnh", 14, 3, None), ("Xã Quảng Đông", 34, 6, 1), ("Xã Quảng Cát", 41, 8, 1),
    ("Xã Quảng Tâm", 38, 6, 1), ("Xã Quảng Phú", 40, 6, 1),
]  # fmt: skip


@pytest.fixture
def appendix_002(plan_146):
    city = factories.AreaFactory(name="Thành phố Thanh Hóa", level=Area.Level.DISTRICT)
    baseline = Indicator.Role.BASELINE
    columns = [
        (Indicator.objects.create(code="poor", name="Số hộ nghèo", unit_of_measure="hộ", order=1, role=baseline), 2018),
        (
            Indicator.objects.create(
                code="telecom", name="Thiếu hụt dịch vụ viễn thông", unit_of_measure="hộ", order=2
            ),
            2019,
        ),
        (Indicator.objects.create(code="assets", name="Thiếu hụt tài sản", unit_of_measure="hộ", order=3), 2019),
    ]
    for name, *values in APPENDIX_002:
        area = factories.AreaFactory(name=name, parent=city)
        for (indicator, year), value in zip(columns, values, strict=True):
            if value is not None:  # a blank cell is no row
                Target.objects.create(plan=plan_146, indicator=indicator, area=area, year=year, planned_value=value)
    return city


def test_the_target_table_of_seed_002_has_35_rows_and_its_totals(as_manager, plan_146, appendix_002):
    response = as_manager.get(url("plan_detail", plan_146.pk))
    table = response.context["doc"].targets
    assert len(table.rows) == 35
    assert [row.area.name for row in table.rows] == [name for name, *_ in APPENDIX_002]
    assert table.totals == [920, 200, 21]
    assert table.rows[0].values == [24, 4, None]
    page = text(response)
    assert "Số hộ nghèo (hộ, 2018) Baseline Thiếu hụt dịch vụ viễn thông (hộ, 2019)" in page
    assert "Total 920 200 21" in page
    assert "1 Phường Hàm Rồng 24 4 2 Phường Nam Ngạn 29 6 1" in page  # the blank cell stays blank


def test_a_district_sums_the_targets_of_its_communes(as_manager, plan_146, appendix_002):
    response = as_manager.get(url("area_detail", appendix_002.pk))
    sums = [(row.indicator_name, row.areas, row.total) for row in response.context["page"].commune_sums]
    assert sums == [
        ("Số hộ nghèo", 35, 920),
        ("Thiếu hụt dịch vụ viễn thông", 35, 200),
        ("Thiếu hụt tài sản", 21, 21),
    ]
    assert len(response.context["page"].children) == 35


def test_deadlines_show_their_wording_and_computed_date(as_manager, plan_146):
    Deadline.objects.create(
        plan=plan_146,
        title="Kế hoạch của phường, xã",
        due_date=datetime.date(2019, 2, 28),
        wording="trước ngày 28/2/2019",
    )
    Deadline.objects.create(
        plan=plan_146,
        title="Vận động",
        kind=Deadline.Kind.WINDOW,
        window_start=datetime.date(2019, 8, 1),
        window_end=datetime.date(2019, 12, 31),
        wording="từ tháng 8/2019 đến hết năm 2019",
    )
    Deadline.objects.create(plan=plan_146, title="Triển khai", kind=Deadline.Kind.ON_ISSUE, wording="ngay khi ban hành")
    doc = as_manager.get(url("plan_detail", plan_146.pk)).context["doc"]
    assert [(item.deadline.title, item.due, item.state) for item in doc.deadlines] == [
        ("Triển khai", datetime.date(2019, 2, 18), "past"),
        ("Kế hoạch của phường, xã", datetime.date(2019, 2, 28), "past"),
        ("Vận động", datetime.date(2019, 12, 31), "past"),
    ]
    page = text(as_manager.get(url("plan_detail", plan_146.pk)))
    assert "Kế hoạch của phường, xã trước ngày 28/2/2019 By a date 28/02/2019 Past" in page
    assert "01/08/2019 – 31/12/2019" in page


def test_the_reporting_calendar_marks_past_and_due_soon(as_manager, today):
    plan = factories.PlanFactory(period_start=today - 60 * DAY, period_end=today + 60 * DAY)
    due_day = (today + 3 * DAY).day
    ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=plan.issuer,
        frequency="monthly",
        due_day=due_day,
        active_from=today - 40 * DAY,
        active_to=today + 3 * DAY,
    )
    doc = as_manager.get(url("plan_detail", plan.pk)).context["doc"]
    (item,) = doc.reporting
    states = [period.state for period in item.periods]
    assert states[-1] == "soon"
    assert set(states[:-1]) == {"past"}
    assert item.next_due.period.due == today + 3 * DAY


# --- Timeline ----------------------------------------------------------------------------------


def test_timeline_draws_one_bar_per_activity_in_svg(as_manager, today):
    plan = build_plan(4, today=today)
    response = as_manager.get(url("plan_timeline", plan.pk))
    page = html(response)
    assert page.count('<svg class="gantt-svg"') == 1
    assert len(re.findall(r'<rect class="bar [^"]*"', page)) == 4
    assert '<line class="today"' in page  # today is within the period
    assert len(re.findall(r'<path class="mark', page)) == 4 + 14  # 4 deadlines, 14 monthly reports
    # Every bar's dates are readable without the chart: in its <title> and in the table.
    activity = Activity.objects.filter(plan=plan).order_by("section_code").first()
    assert f"{activity.start_date:%d/%m/%Y} – {activity.due_date:%d/%m/%Y}" in page
    assert "The same dates as a list" in page


def test_timeline_bars_are_placed_in_the_plans_period(as_manager):
    plan = factories.PlanFactory(period_start=datetime.date(2023, 1, 1), period_end=datetime.date(2023, 12, 31))
    factories.ActivityFactory(
        plan=plan, start_date=datetime.date(2023, 7, 2), due_date=datetime.date(2023, 12, 31), status=Progress.COMPLETED
    )
    chart = as_manager.get(url("plan_timeline", plan.pk)).context["chart"]
    (bar,) = chart.rows[0].bars
    assert bar.css == "completed"
    assert bar.x == pytest.approx(chart.chart_x + chart.chart_width * 182 / 365, abs=0.01)
    assert bar.x + bar.width == pytest.approx(chart.chart_x + chart.chart_width, abs=0.01)
    assert chart.today_x is None  # 2023 is over: no today line
    assert [tick.label for tick in chart.ticks][:2] == ["01/2023", "02/2023"]


def test_timeline_has_no_inline_style_or_script(as_manager, today):
    plan = build_plan(2, today=today)
    page = html(as_manager.get(url("plan_timeline", plan.pk)))
    assert "style=" not in page
    assert "<script" not in page


# --- Units ------------------------------------------------------------------------------------


def test_units_are_listed_in_vietnamese_order_with_their_counts(as_manager, today):
    names = ["Sở Tài chính", "Đài Phát thanh và Truyền hình", "Doanh nghiệp viễn thông", "Bưu điện tỉnh"]
    units = {name: factories.UnitFactory(name=name) for name in names}
    factories.UnitFactory(name="Sở cũ", valid_to=today - DAY)  # no longer in force
    activity = factories.ActivityFactory(lead_unit=units["Đài Phát thanh và Truyền hình"])
    factories.CooperationFactory(activity=activity, unit=units["Bưu điện tỉnh"])
    listed = as_manager.get(url("unit_list", q="%20")).context["page"].object_list  # a blank search
    listed = as_manager.get(url("unit_list")).context["page"].object_list
    own = [unit for unit in listed if unit.name in names]
    assert [unit.name for unit in own] == [
        "Bưu điện tỉnh",
        "Doanh nghiệp viễn thông",
        "Đài Phát thanh và Truyền hình",
        "Sở Tài chính",
    ]
    assert [(unit.lead_count, unit.cooperation_count) for unit in own] == [(0, 1), (0, 0), (1, 0), (0, 0)]
    assert "Sở cũ" not in [unit.name for unit in listed]
    ended = as_manager.get(url("unit_list", ended="on")).context["page"].object_list
    assert "Sở cũ" in [unit.name for unit in ended]


def test_unit_list_filters_by_kind_group_and_name(as_manager):
    paper = factories.UnitFactory(name="Báo Lạng Sơn", kind=Unit.Kind.NEWSPAPER)
    group = factories.UnitFactory(name="UBND các xã", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    factories.add_members(group, factories.CommuneCommitteeFactory(), factories.CommuneCommitteeFactory())

    def names(**query):
        return [unit.name for unit in as_manager.get(url("unit_list", **query)).context["page"].object_list]

    assert names(kind="newspaper") == [paper.name]
    assert names(groups="groups") == [group.name]
    assert group.name not in names(groups="units")
    assert names(q="Lạng") == [paper.name]
    assert "Group of 2 units" in text(as_manager.get(url("unit_list", groups="groups")))


def test_an_officer_sees_counts_of_only_the_work_they_may_see(client, officer_b, unit_a):
    factories.ActivityFactory(lead_unit=unit_a)
    login(client, officer_b)
    listed = client.get(url("unit_list")).context["page"].object_list
    assert next(unit for unit in listed if unit.pk == unit_a.pk).lead_count == 0


def test_unit_page_lists_only_the_work_the_reader_may_see(client, officer_a, officer_b, unit_a, unit_b):
    shared = factories.ActivityFactory(lead_unit=unit_b, title="Việc chung")
    factories.CooperationFactory(activity=shared, unit=unit_a)
    factories.TaskFactory(activity=shared, unit=unit_a, deliverable="Phần của A")
    private = factories.ActivityFactory(lead_unit=unit_a, title="Việc riêng của A")
    factories.TaskFactory(activity=private, unit=unit_a, deliverable="Việc nhà A")

    login(client, officer_a)
    page = client.get(url("unit_detail", unit_a.pk)).context["page"]
    assert [activity.title for activity in page.led] == ["Việc riêng của A"]
    assert [cooperation.activity.title for cooperation in page.cooperating] == ["Việc chung"]
    assert sorted(task.deliverable for task in page.tasks) == ["Phần của A", "Việc nhà A"]

    login(client, officer_b)
    page = client.get(url("unit_detail", unit_a.pk)).context["page"]
    assert page.led == []
    assert [cooperation.activity.title for cooperation in page.cooperating] == ["Việc chung"]
    assert [task.deliverable for task in page.tasks] == ["Phần của A"]  # B leads the activity


def test_unit_page_shows_predecessor_successor_and_groups(as_manager):
    new = factories.UnitFactory(name="Sở Khoa học và Công nghệ", valid_from=datetime.date(2025, 3, 1))
    old = factories.UnitFactory(name="Sở Thông tin và Truyền thông", valid_to=datetime.date(2025, 2, 28), successor=new)
    group = factories.UnitFactory(name="Các sở, ban, ngành", is_group=True)
    factories.add_members(group, old)
    page = text(as_manager.get(url("unit_detail", old.pk)))
    assert "This unit ceased on 28/02/2025. Its work passed to Sở Khoa học và Công nghệ" in page
    assert "Member of Các sở, ban, ngành" in page
    assert "Took over from Sở Thông tin và Truyền thông (until 28/02/2025)" in text(
        as_manager.get(url("unit_detail", new.pk))
    )


# --- Areas ------------------------------------------------------------------------------------


def test_areas_are_a_tree_in_vietnamese_order(as_manager, today):
    province = factories.ProvinceFactory(name="Tỉnh Lạng Sơn")
    district = factories.AreaFactory(name="Huyện Văn Lãng", level=Area.Level.DISTRICT, parent=province)
    for name in ("Xã Tân Mỹ", "Xã Đồng Giáp", "Xã Dương Quang"):
        factories.AreaFactory(name=name, parent=district, is_border=name == "Xã Tân Mỹ")
    factories.AreaFactory(name="Thôn Nà Lầm", level=Area.Level.VILLAGE, parent=district.children.first())
    factories.AreaFactory(name="Xã Cũ", parent=district, valid_to=today - DAY)
    nodes = as_manager.get(url("area_list")).context["nodes"]
    assert [(node.area.name, node.depth) for node in nodes] == [
        ("Tỉnh Lạng Sơn", 0),
        ("Huyện Văn Lãng", 1),
        ("Xã Dương Quang", 2),
        ("Xã Đồng Giáp", 2),
        ("Xã Tân Mỹ", 2),
    ]
    villages = as_manager.get(url("area_list", down_to=4)).context["nodes"]
    assert "Thôn Nà Lầm" in [node.area.name for node in villages]
    assert "Border" in text(as_manager.get(url("area_list")))
    found = as_manager.get(url("area_list", q="Giáp")).context["nodes"]
    assert [node.area.name for node in found] == ["Xã Đồng Giáp"]


def test_area_page_shows_only_visible_targets(client, officer_a, officer_b, unit_a):
    area = factories.AreaFactory(name="Xã Một")
    plan = factories.PlanFactory(number_symbol="9/KH-UBND")
    factories.ActivityFactory(plan=plan, lead_unit=unit_a)
    factories.TargetFactory(plan=plan, area=area, planned_value=1234)
    login(client, officer_a)
    page = client.get(url("area_detail", area.pk))
    assert [target.planned_value for target in page.context["page"].targets] == [1234]
    assert "1.234" in text(page)
    login(client, officer_b)
    assert client.get(url("area_detail", area.pk)).context["page"].targets == []


# --- The pages obey the Content Security Policy ---------------------------------------------------


def test_no_page_has_an_inline_style_or_script(as_manager, today, plan_146, appendix_002):
    build_plan(2, today=today)
    unit = Unit.objects.first()
    target = Target.objects.first()
    pages = [
        url("plan_list"),
        url("plan_detail", plan_146.pk),
        url("plan_timeline", plan_146.pk),
        url("plan_create"),
        url("plan_edit", plan_146.pk),
        url("target_edit", target.pk),
        url("deadline_create", plan=plan_146.pk),
        url("reporting_rule_create", plan=plan_146.pk),
        url("unit_list"),
        url("unit_detail", unit.pk),
        url("area_list"),
        url("area_detail", appendix_002.pk),
    ]
    for path in pages:
        response = as_manager.get(path)
        assert response.status_code == 200, path
        page = html(response)
        assert "style=" not in page, path
        # Form pages load the choice filter from our static files; no page has inline code.
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), path


# --- Query counts do not grow with the data ---------------------------------------------------------
#
# Every page reads: 1 the session, 2 the user, 3 the user's roles (permissions.role_names, once
# per request). An officer's pages add two: their unit's groups (permissions.unit_ids_of) and
# their unit, shown in the top bar.

# 4 the issuers of the plans (the filter's choices), 5 the paginator's count, 6 one page of
# plans with their issuer and both counts (correlated subqueries, no join per activity).
PLAN_LIST_QUERIES = 6
# 4 the plan with issuer, its parent, area and component, 5 legal bases with their documents,
# 6 activities with content type, lead unit and area, 7 their cooperations with units,
# 8 their outputs, 9 duties with units, 10 deadlines with activity and unit, 11 reporting
# rules with reporter and recipient, 12 targets with indicator and area (target_table).
PLAN_DETAIL_QUERIES = 12
# + 1 the budget figures card (the panel budgets/extensions.py registers in tracker.core.extensions:
# approved, allocated and disbursed by funding source, one UNION ALL query;
# tests/budgets/test_budget_figures.py).
PLAN_DETAIL_QUERIES += 1
# 4 the plan, 5 activities with lead unit, 6 deadlines, 7 reporting rules with reporter.
PLAN_TIMELINE_QUERIES = 7
# 4 the units in force with area and their three counts (correlated subqueries).
UNIT_LIST_QUERIES = 4
# 4 the unit with parent, area and successor, 5 activities it leads with plan and content
# type, 6 its cooperations with activity, plan and lead unit, 7 its tasks with activity, plan
# and area, 8 its member units, 9 the groups it belongs to, 10 the units it took over from.
UNIT_DETAIL_QUERIES = 10
# 4 the areas with their parent, 5 their successions with the successor.
AREA_LIST_QUERIES = 5
# 4 the area with three levels of parents, 5 its targets with plan and indicator, 6 its
# children, 7 its units, 8 the areas it was formed from, 9 those it went into, 10 the targets
# of the areas it was formed from, 11 the sums of its communes' targets (one GROUP BY), 12 the
# accepted quantities behind its targets (GROUP BY), 13 the successions for them, 14 the area
# again with its classification in force, 15 its classification rows; its figures with the
# areas it was formed from: 16 the successions, 17 the targets, 18 their accepted quantities,
# 19 the phones handed over, 20 the register entries, 21 the donations passed on (budgets).
AREA_DETAIL_QUERIES = 21


@pytest.mark.parametrize("size", [2, 20])
def test_plan_list_query_count(as_manager, today, size, django_assert_max_num_queries):
    for _ in range(size):
        build_plan(1, today=today)
    with django_assert_max_num_queries(PLAN_LIST_QUERIES):
        response = as_manager.get(url("plan_list"))
    assert len(response.context["page"].object_list) == size


@pytest.mark.parametrize("size", [2, 20])
def test_officer_plan_list_query_count(client, officer_a, unit_a, today, size, django_assert_max_num_queries):
    for _ in range(size):
        build_plan(1, today=today, lead=unit_a)
    login(client, officer_a)
    with django_assert_max_num_queries(PLAN_LIST_QUERIES + 2):
        response = client.get(url("plan_list", status="issued", q="Kế"))
    assert len(response.context["page"].object_list) == size


@pytest.mark.parametrize("size", [2, 20])
def test_plan_detail_query_count(as_manager, today, size, django_assert_max_num_queries):
    plan = build_plan(size, today=today)
    with django_assert_max_num_queries(PLAN_DETAIL_QUERIES):
        response = as_manager.get(url("plan_detail", plan.pk))
    assert len(response.context["doc"].contents) == size
    assert len(response.context["doc"].targets.rows) == size


@pytest.mark.parametrize("size", [2, 20])
def test_officer_plan_detail_query_count(client, officer_a, unit_a, today, size, django_assert_max_num_queries):
    plan = build_plan(size, today=today, lead=unit_a)
    login(client, officer_a)
    with django_assert_max_num_queries(PLAN_DETAIL_QUERIES + 2):
        response = client.get(url("plan_detail", plan.pk))
    assert len(response.context["doc"].contents) == size


@pytest.mark.parametrize("size", [2, 20])
def test_plan_timeline_query_count(as_manager, today, size, django_assert_max_num_queries):
    plan = build_plan(size, today=today)
    with django_assert_max_num_queries(PLAN_TIMELINE_QUERIES):
        response = as_manager.get(url("plan_timeline", plan.pk))
    assert len(response.context["data"].activities) == size


@pytest.mark.parametrize("size", [5, 50])
def test_unit_list_query_count(as_manager, size, django_assert_max_num_queries):
    for index in range(size):
        unit = factories.UnitFactory(is_group=index % 5 == 0)
        activity = factories.ActivityFactory(lead_unit=unit)
        factories.CooperationFactory(activity=activity, unit=factories.UnitFactory())
    with django_assert_max_num_queries(UNIT_LIST_QUERIES):
        response = as_manager.get(url("unit_list"))
    assert response.context["page"].paginator.count >= size


@pytest.mark.parametrize("size", [2, 20])
def test_unit_detail_query_count(as_manager, today, size, django_assert_max_num_queries):
    unit = factories.CommuneCommitteeFactory()
    build_plan(size, today=today, lead=unit)
    for _ in range(size):
        activity = factories.ActivityFactory()
        factories.CooperationFactory(activity=activity, unit=unit)
        factories.TaskFactory(activity=activity, unit=unit)
        factories.add_members(factories.UnitFactory(is_group=True), unit)
        factories.UnitFactory(successor=unit, valid_to=datetime.date(2025, 6, 30))
    with django_assert_max_num_queries(UNIT_DETAIL_QUERIES):
        response = as_manager.get(url("unit_detail", unit.pk))
    page = response.context["page"]
    assert (len(page.led), len(page.cooperating), len(page.tasks), len(page.groups)) == (size, size, size, size)


@pytest.mark.parametrize("size", [5, 50])
def test_area_list_query_count(as_manager, size, django_assert_max_num_queries):
    province = factories.ProvinceFactory()
    district = factories.AreaFactory(level=Area.Level.DISTRICT, parent=province)
    for _ in range(size):
        commune = factories.AreaFactory(parent=district, valid_to=datetime.date(2099, 1, 1))
        AreaSuccession.objects.create(predecessor=commune, successor=district, took_over_on=datetime.date(2099, 1, 2))
    with django_assert_max_num_queries(AREA_LIST_QUERIES):
        response = as_manager.get(url("area_list"))
    assert len(response.context["nodes"]) == size + 2


@pytest.mark.parametrize("size", [2, 20])
def test_area_detail_query_count(as_manager, size, django_assert_max_num_queries):
    province = factories.ProvinceFactory()
    district = factories.AreaFactory(level=Area.Level.DISTRICT, parent=province)
    plan = factories.PlanFactory()
    indicator = factories.IndicatorFactory()
    for index in range(size):
        commune = factories.AreaFactory(parent=district)
        factories.CommuneCommitteeFactory(area=district, name=f"UBND thử {index}")
        factories.TargetFactory(plan=plan, indicator=indicator, area=commune, year=2026)
        factories.TargetFactory(plan=plan, indicator=indicator, area=district, year=2000 + index)
    with django_assert_max_num_queries(AREA_DETAIL_QUERIES):
        response = as_manager.get(url("area_detail", district.pk))
    page = response.context["page"]
    assert (len(page.children), len(page.units), len(page.targets)) == (size, size, size)
    assert [(row.areas, row.total) for row in page.commune_sums] == [(size, 10 * size)]


def test_plan_detail_query_count_is_the_same_at_2_and_20_activities(client, manager, today):
    """The same number exactly, not only under the maximum."""
    login(client, manager)
    counts = []
    for size in (2, 20):
        plan = build_plan(size, today=today)
        with CaptureQueriesContext(connection) as captured:
            client.get(url("plan_detail", plan.pk))
        counts.append(len(captured))
    assert counts[0] == counts[1]
