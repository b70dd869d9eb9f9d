"""Reporting obligations as plans write them: a collective reporter gives each member its own
report per period; a unit no rule names follows the plan's default rule; the lead unit's own
report to the province is owed like any other (due page, "My tasks", scoreboard, reminders)
and is met by recording it as sent; impossible due dates are refused at their field."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tracker.core import roles
from tracker.core.calendar import periods_for_rule, periods_for_task
from tracker.documents import services as document_services
from tracker.due import reminders
from tracker.due import selectors as selectors_due
from tracker.models import ReportDispatch, ReportingRule, Unit

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield
    translation.activate(settings.LANGUAGE_CODE)


def this_year_plan():
    year = timezone.localdate().year
    return factories.PlanFactory(period_start=D(year, 1, 1), period_end=D(year, 12, 31), issued_on=D(year, 1, 15))


def collective_of(n: int) -> Unit:
    group = factories.UnitFactory(
        name="UBND các xã có tên tại mục II.1", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True
    )
    factories.add_members(group, *[factories.CommuneCommitteeFactory() for _ in range(n)])
    return group


def test_collective_reporter_of_twelve_communes_yields_twelve_obligations_per_period(manager):
    plan = this_year_plan()
    factories.ActivityFactory(plan=plan)
    group = collective_of(12)
    rule = factories.ReportingRuleFactory(
        plan=plan, reporter=group, due_day=10, active_from=plan.period_start, active_to=plan.period_end
    )
    today = timezone.localdate()
    items = selectors_due.expected_dispatches(manager, today=today)
    by_period: dict = {}
    for item in items:
        by_period.setdefault(item.period.start, set()).add(item.unit.pk)
    assert len(by_period) == 12  # twelve months
    member_ids = set(group.members.values_list("pk", flat=True))
    assert all(units == member_ids for units in by_period.values())
    assert {item.rule.pk for item in items} == {rule.pk}


def test_collective_member_with_tasks_reports_through_its_tasks(manager):
    plan = this_year_plan()
    group = collective_of(3)
    member = group.members.first()
    task = factories.TaskFactory(activity=factories.ActivityFactory(plan=plan), unit=member, due_date=plan.period_end)
    rule = factories.ReportingRuleFactory(
        plan=plan, reporter=group, active_from=plan.period_start, active_to=plan.period_end
    )
    today = timezone.localdate()
    dispatch_units = {item.unit.pk for item in selectors_due.expected_dispatches(manager, today=today)}
    assert dispatch_units == set(group.members.values_list("pk", flat=True)) - {member.pk}
    assert [p.rule_id for p in periods_for_task(task)] == [rule.pk] * 12


def test_unit_without_own_rule_follows_the_plans_default_rule():
    plan = factories.PlanFactory()
    named = factories.UnitFactory()
    other = factories.UnitFactory()
    activity = factories.ActivityFactory(plan=plan)
    factories.ReportingRuleFactory(plan=plan, reporter=named)
    half_year = factories.ReportingRuleFactory(
        plan=plan,
        reporter=named,
        frequency=ReportingRule.Frequency.HALF_YEAR,
        due_month=6,
        due_day=15,
        is_default=True,
    )
    task = factories.TaskFactory(activity=activity, unit=other, due_date=D(2026, 12, 31))
    periods = periods_for_task(task)
    assert [(p.rule_id, p.start, p.end, p.due) for p in periods] == [
        (half_year.pk, D(2026, 1, 1), D(2026, 6, 30), D(2026, 6, 15))
    ]
    # Without a default rule it is still one period for the whole task.
    half_year.is_default = False
    document_services.reporting_rule_save(rule=half_year, actor=None)
    assert [p.rule_id for p in periods_for_task(task)] == [None]


@pytest.fixture
def lead_world(db):
    """The lead department (leads the activity, has no task) owes an annual report due today."""
    today = timezone.localdate()
    plan = this_year_plan()
    dic = factories.UnitFactory(name="Sở Khoa học và Công nghệ")
    commune = factories.CommuneCommitteeFactory()
    activity = factories.ActivityFactory(plan=plan, lead_unit=dic)
    factories.TaskFactory(activity=activity, unit=commune, due_date=plan.period_end)
    rule = factories.ReportingRuleFactory(
        plan=plan,
        title="Báo cáo kết quả thực hiện cả năm",
        reporter=dic,
        recipient=plan.issuer,
        frequency=ReportingRule.Frequency.ANNUAL,
        due_month=today.month,
        due_day=today.day,
    )
    officer = factories.UserFactory(unit=dic, role=roles.UNIT_OFFICER, email="so@example.gov.vn")
    return plan, dic, rule, officer


def test_lead_units_annual_report_due_today_is_in_its_officers_my_tasks_and_due_page(client, lead_world):
    plan, dic, rule, officer = lead_world
    client.force_login(officer)
    mine = client.get(reverse("tracker:my_tasks"))
    assert mine.status_code == 200
    assert [item.rule.pk for item in mine.context["unit_reports"]] == [rule.pk]
    assert "Báo cáo kết quả thực hiện cả năm" in mine.content.decode()
    due = client.get(reverse("tracker:due"))
    (section,) = due.context["page"].sections
    assert section.unit == dic
    assert [item.subject for item in section.reports_7] == ["Báo cáo kết quả thực hiện cả năm"]


@pytest.mark.parametrize("role", [roles.DIC_MANAGER, roles.NATIONAL_MONITOR])
def test_my_tasks_lists_only_the_reports_the_readers_own_unit_sends(client, lead_world, role):
    """A province-wide reader's (or the ministry's) "my tasks" is not the due page: the lead
    department's report is not theirs to send unless the department is their unit (at national
    scale the whole country's reports were listed, 461 KB for the national monitor)."""
    plan, dic, rule, officer = lead_world
    elsewhere = factories.UserFactory(unit=factories.UnitFactory(name="Vụ Kế hoạch"), role=role)
    client.force_login(elsewhere)
    assert client.get(reverse("tracker:my_tasks")).context["unit_reports"] == []
    colleague = factories.UserFactory(username=f"cung.so.{role}", unit=dic, role=role)
    client.force_login(colleague)
    mine = client.get(reverse("tracker:my_tasks"))
    assert [item.rule.pk for item in mine.context["unit_reports"]] == [rule.pk]
    assert mine.context["unit_reports_paged"].page.paginator.count == 1


def test_lead_units_report_is_on_the_managers_due_page_and_scoreboard(client, manager, lead_world):
    plan, dic, rule, officer = lead_world
    client.force_login(manager)
    due = client.get(reverse("tracker:due"), {"unit": dic.pk})
    assert [item.rule.pk for item in due.context["page"].sections[0].reports_7] == [rule.pk]
    board = client.get(reverse("tracker:timeliness"), {"plan": plan.pk})
    rows = {row.unit.pk: row for row in board.context["board"].rows}
    assert dic.pk in rows
    column = [n for n, c in enumerate(board.context["board"].columns) if c.rule.pk == rule.pk][0]
    assert rows[dic.pk].cells[column].expected == 1


def test_lead_units_report_becomes_overdue_and_is_in_the_reminders(lead_world):
    plan, dic, rule, officer = lead_world
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    section = reminders.snapshot(tomorrow).sections[dic.pk]
    assert [item.rule.pk for item in section.overdue_reports] == [rule.pk]
    assert selectors_due.overdue_report_count(officer, today=tomorrow) == 1


def test_officer_records_the_report_as_sent_and_it_is_met(client, lead_world):
    plan, dic, rule, officer = lead_world
    (period,) = periods_for_rule(rule)
    url = selectors_due.dispatch_url(rule.pk, dic.pk, period)
    client.force_login(officer)
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    response = client.post(url, {"sent_on": today.strftime("%d/%m/%Y"), "number_symbol": "45/BC-SKHCN", "note": ""})
    assert response.status_code == 302
    dispatch = ReportDispatch.objects.get()
    assert (dispatch.unit, dispatch.sent_on, dispatch.number_symbol) == (dic, today, "45/BC-SKHCN")
    assert dispatch.history.get().history_user == officer
    (item,) = selectors_due.expected_dispatches(officer, today=today)
    assert item.reported and not item.late
    assert client.get(reverse("tracker:my_tasks")).context["unit_reports"] == []


def test_other_units_officer_cannot_see_or_record_the_lead_units_report(client, lead_world, officer_b):
    plan, dic, rule, officer = lead_world
    (period,) = periods_for_rule(rule)
    url = selectors_due.dispatch_url(rule.pk, dic.pk, period)
    client.force_login(officer_b)
    assert client.get(url).status_code == 404
    assert client.post(url, {"sent_on": "01/01/2026"}).status_code == 404
    assert not ReportDispatch.objects.exists()


@pytest.mark.parametrize(("day", "month", "message"), [(31, 2, "31/02"), (31, 4, "31/04"), (29, 2, "29/02")])
def test_reporting_rule_form_refuses_an_impossible_due_date_at_its_field(manager_client, day, month, message):
    plan = factories.PlanFactory(period_start=D(2026, 1, 1), period_end=D(2026, 12, 31))
    unit = factories.UnitFactory()
    response = manager_client.post(
        reverse("tracker:reporting_rule_create") + f"?plan={plan.pk}",
        {
            "title": "Báo cáo 6 tháng",
            "reporter": unit.pk,
            "frequency": "half_year",
            "due_day": day,
            "due_month": month,
            "active_from": "01/01/2026",
            "active_to": "31/12/2026",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["due_day"]
    assert message in errors["due_day"][0]
    assert not ReportingRule.objects.exists()


def test_monthly_rule_by_day_31_means_each_months_last_day(manager_client):
    plan = factories.PlanFactory()
    unit = factories.UnitFactory()
    response = manager_client.post(
        reverse("tracker:reporting_rule_create") + f"?plan={plan.pk}",
        {
            "title": "Báo cáo tháng",
            "reporter": unit.pk,
            "frequency": "monthly",
            "due_day": 31,
            "active_from": "01/01/2026",
            "active_to": "31/12/2026",
        },
    )
    assert response.status_code == 302
    rule = ReportingRule.objects.get()
    assert periods_for_rule(rule)[1].due == D(2026, 2, 28)
