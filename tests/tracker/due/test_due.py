"""What is due: expected reports and their states (late and missing around the 20th, month
ends, February, 15/6 and 05/10), the "what is due" page per persona, the timeliness
scoreboard, query counts at two sizes, and the reminder preferences page."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests import factories
from tracker.core.calendar import periods_for_rule
from tracker.documents import services as document_services
from tracker.due import selectors as selectors_due
from tracker.models import Plan, ProgressReport, ReportingRule, User

pytestmark = pytest.mark.django_db

D = datetime.date
LOCAL = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
UTC = datetime.UTC
S = ProgressReport.Status


@pytest.fixture(autouse=True)
def english(client):
    """UI text is asserted in English; the language a request activates is put back after,
    so that later tests in the same worker still start in Vietnamese."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield
    translation.activate(settings.LANGUAGE_CODE)


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def plan(db):
    return factories.PlanFactory()


def monthly(plan, unit, day=20, **extra):
    return factories.ReportingRuleFactory(plan=plan, reporter=unit, due_day=day, **extra)


YEAR_END = D(2026, 12, 31)


def task_of(plan, unit, due=YEAR_END, **extra):
    activity = factories.ActivityFactory(plan=plan, start_date=D(2026, 1, 1), due_date=D(2026, 12, 31))
    return factories.TaskFactory(activity=activity, unit=unit, due_date=due, **extra)


def report(task, start, end, due, status=S.SUBMITTED, submitted_at=None, **extra):
    return factories.ProgressReportFactory(
        task=task, period_start=start, period_end=end, due_date=due, status=status, submitted_at=submitted_at, **extra
    )


def expected_for(user, today, task=None, start=None):
    items = selectors_due.expected_reports(user, today=today)
    return [
        item
        for item in items
        if (task is None or item.task.pk == task.pk) and (start is None or item.period.start == start)
    ]


def one(user, today, task, start):
    (item,) = expected_for(user, today, task, start)
    return item


# --- Late and missing around the 20th --------------------------------------------------------


@pytest.mark.parametrize(
    ("submitted_at", "late"),
    [
        (datetime.datetime(2026, 3, 20, 23, 59, tzinfo=LOCAL), False),  # last minute of the 20th
        (datetime.datetime(2026, 3, 21, 0, 1, tzinfo=LOCAL), True),  # first minute of the 21st
        (datetime.datetime(2026, 3, 20, 16, 59, tzinfo=UTC), False),  # 23:59 local on the 20th
        (datetime.datetime(2026, 3, 20, 17, 30, tzinfo=UTC), True),  # 00:30 local on the 21st
        (datetime.datetime(2026, 3, 2, 9, 0, tzinfo=LOCAL), False),
    ],
)
def test_monthly_report_due_on_the_20th_is_late_only_after_the_local_day_ends(
    plan, unit_a, manager, submitted_at, late
):
    monthly(plan, unit_a)
    task = task_of(plan, unit_a)
    report(task, D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 20), submitted_at=submitted_at)
    item = one(manager, D(2026, 4, 1), task, D(2026, 3, 1))
    assert (item.state, item.due, item.late, item.overdue) == ("submitted", D(2026, 3, 20), late, False)


def test_a_missing_monthly_report_is_due_soon_on_the_20th_and_overdue_on_the_21st(plan, unit_a, manager):
    monthly(plan, unit_a)
    task = task_of(plan, unit_a)
    on_20 = one(manager, D(2026, 3, 20), task, D(2026, 3, 1))
    assert (on_20.state, on_20.overdue, on_20.due_soon) == ("missing", False, True)
    on_13 = one(manager, D(2026, 3, 13), task, D(2026, 3, 1))
    assert (on_13.overdue, on_13.due_soon) == (False, True)
    on_12 = one(manager, D(2026, 3, 12), task, D(2026, 3, 1))
    assert (on_12.overdue, on_12.due_soon) == (False, False)
    on_21 = one(manager, D(2026, 3, 21), task, D(2026, 3, 1))
    assert (on_21.state, on_21.overdue, on_21.due_soon, on_21.days_overdue) == ("missing", True, False, 1)


def test_due_day_31_falls_on_the_last_day_of_short_months(plan, unit_a, manager):
    monthly(plan, unit_a, day=31)
    task = task_of(plan, unit_a)
    report(
        task,
        D(2026, 4, 1),
        D(2026, 4, 30),
        D(2026, 4, 30),
        submitted_at=datetime.datetime(2026, 4, 30, 22, 0, tzinfo=LOCAL),
    )
    report(
        task,
        D(2026, 6, 1),
        D(2026, 6, 30),
        D(2026, 6, 30),
        submitted_at=datetime.datetime(2026, 7, 1, 8, 0, tzinfo=LOCAL),
    )
    today = D(2026, 7, 2)
    april, june = one(manager, today, task, D(2026, 4, 1)), one(manager, today, task, D(2026, 6, 1))
    assert (april.due, april.late) == (D(2026, 4, 30), False)
    assert (june.due, june.late) == (D(2026, 6, 30), True)
    february = one(manager, D(2026, 3, 1), task, D(2026, 2, 1))
    assert (february.due, february.overdue) == (D(2026, 2, 28), True)
    assert one(manager, D(2026, 2, 28), task, D(2026, 2, 1)).overdue is False
    may = one(manager, D(2026, 5, 31), task, D(2026, 5, 1))
    assert (may.due, may.overdue, may.due_soon) == (D(2026, 5, 31), False, True)


def test_february_of_a_leap_year_is_due_on_the_29th(unit_a):
    rule = ReportingRule(
        reporter=unit_a, frequency="monthly", due_day=30, active_from=D(2028, 1, 1), active_to=D(2028, 3, 31)
    )
    assert [period.due for period in periods_for_rule(rule)] == [D(2028, 1, 30), D(2028, 2, 29), D(2028, 3, 30)]


def test_half_year_report_due_15_june(plan, unit_a, manager):
    factories.ReportingRuleFactory(
        plan=plan, reporter=unit_a, frequency=ReportingRule.Frequency.HALF_YEAR, due_month=6, due_day=15
    )
    on_time, late, missing = (task_of(plan, unit_a) for _ in range(3))
    report(
        on_time,
        D(2026, 1, 1),
        D(2026, 6, 30),
        D(2026, 6, 15),
        submitted_at=datetime.datetime(2026, 6, 15, 23, 0, tzinfo=LOCAL),
    )
    report(
        late,
        D(2026, 1, 1),
        D(2026, 6, 30),
        D(2026, 6, 15),
        submitted_at=datetime.datetime(2026, 6, 15, 17, 1, tzinfo=UTC),
    )
    today = D(2026, 6, 16)
    assert one(manager, today, on_time, D(2026, 1, 1)).late is False
    assert one(manager, today, late, D(2026, 1, 1)).late is True
    item = one(manager, today, missing, D(2026, 1, 1))
    assert (item.due, item.overdue, item.period.end) == (D(2026, 6, 15), True, D(2026, 6, 30))
    assert one(manager, D(2026, 6, 15), missing, D(2026, 1, 1)).overdue is False


def test_annual_report_due_5_october(plan, unit_a, manager):
    factories.ReportingRuleFactory(
        plan=plan, reporter=unit_a, frequency=ReportingRule.Frequency.ANNUAL, due_month=10, due_day=5
    )
    task = task_of(plan, unit_a)
    report(
        task,
        D(2026, 1, 1),
        D(2026, 12, 31),
        D(2026, 10, 5),
        submitted_at=datetime.datetime(2026, 10, 6, 0, 0, tzinfo=LOCAL),
    )
    item = one(manager, D(2026, 10, 10), task, D(2026, 1, 1))
    assert (item.due, item.state, item.late) == (D(2026, 10, 5), "submitted", True)
    other = task_of(plan, unit_a)
    assert one(manager, D(2026, 10, 5), other, D(2026, 1, 1)).overdue is False
    assert one(manager, D(2026, 10, 6), other, D(2026, 1, 1)).overdue is True


def test_states_follow_the_most_advanced_report_and_lateness_the_first_submission(plan, unit_a, manager):
    monthly(plan, unit_a)
    task = task_of(plan, unit_a)
    on_time = datetime.datetime(2026, 1, 19, 10, 0, tzinfo=LOCAL)
    # January: accepted on time, then corrected late: the period stays on time.
    first = report(task, D(2026, 1, 1), D(2026, 1, 31), D(2026, 1, 20), status=S.SUPERSEDED, submitted_at=on_time)
    report(
        task,
        D(2026, 1, 1),
        D(2026, 1, 31),
        D(2026, 1, 20),
        status=S.ACCEPTED,
        submitted_at=datetime.datetime(2026, 2, 10, tzinfo=LOCAL),
        revises=first,
    )
    report(task, D(2026, 2, 1), D(2026, 2, 28), D(2026, 2, 20), status=S.RETURNED, submitted_at=on_time)
    report(task, D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 20), status=S.DRAFT)
    today = D(2026, 4, 25)
    states = {item.period.start: (item.state, item.late, item.overdue) for item in expected_for(manager, today, task)}
    assert states[D(2026, 1, 1)] == ("accepted", False, False)
    assert states[D(2026, 2, 1)] == ("returned", False, True)
    assert states[D(2026, 3, 1)] == ("draft", False, True)
    assert states[D(2026, 4, 1)] == ("missing", False, True)
    assert states[D(2026, 5, 1)] == ("missing", False, False)


def test_a_task_no_rule_covers_reports_once_by_its_due_date(plan, unit_a, manager):
    task = task_of(plan, unit_a, due=D(2026, 5, 10))
    (item,) = expected_for(manager, D(2026, 5, 11), task)
    assert (item.period.rule_id, item.due, item.overdue) == (None, D(2026, 5, 10), True)


def test_officer_sees_their_units_and_their_collectives_reports_only(plan, unit_a, unit_b, officer_a, officer_b):
    communes = factories.UnitFactory(name="UBND các xã", kind="peoples_committee", is_group=True)
    factories.add_members(communes, unit_a)
    monthly(plan, communes)
    own, other, collective = task_of(plan, unit_a), task_of(plan, unit_b), task_of(plan, communes)
    # A cooperates on B's activity: it may see B's task, but B's reports are B's to send.
    factories.CooperationFactory(activity=other.activity, unit=unit_a)
    today = D(2026, 3, 21)
    assert {item.task.pk for item in expected_for(officer_a, today)} == {own.pk, collective.pk}
    assert {item.task.pk for item in expected_for(officer_b, today)} == {other.pk}


def test_draft_and_closed_plans_and_cancelled_tasks_expect_nothing(unit_a, manager):
    draft = factories.PlanFactory(status=Plan.Status.DRAFT)
    closed = factories.PlanFactory(status=Plan.Status.CLOSED)
    issued = factories.PlanFactory()
    for plan in (draft, closed, issued):
        monthly(plan, unit_a)
        task_of(plan, unit_a)
    task_of(issued, unit_a, status="cancelled")
    plans = {item.task.activity.plan_id for item in selectors_due.expected_reports(manager, today=D(2026, 3, 21))}
    assert plans == {issued.pk}
    assert len({item.task.pk for item in selectors_due.expected_reports(manager, today=D(2026, 3, 21))}) == 1


# --- The "what is due" page ------------------------------------------------------------------


@pytest.fixture
def due_world(plan, unit_a, unit_b):
    """Relative to the real today (the page looks from it): per unit an overdue report and
    task, a report due in 3 days, a returned report and a task due in 20 days."""
    from django.utils import timezone

    today = timezone.localdate()
    world = {}
    for unit in (unit_a, unit_b):
        activity = factories.ActivityFactory(plan=plan, start_date=today - datetime.timedelta(days=60))
        late_task = factories.TaskFactory(
            activity=activity,
            unit=unit,
            due_date=today - datetime.timedelta(days=5),
            deliverable=f"Quá hạn {unit.name}",
        )
        soon_task = factories.TaskFactory(
            activity=activity,
            unit=unit,
            due_date=today + datetime.timedelta(days=3),
            deliverable=f"Sắp đến hạn {unit.name}",
        )
        later_task = factories.TaskFactory(
            activity=activity,
            unit=unit,
            due_date=today + datetime.timedelta(days=20),
            deliverable=f"Tháng tới {unit.name}",
        )
        returned_task = factories.TaskFactory(
            activity=activity,
            unit=unit,
            due_date=today + datetime.timedelta(days=40),
            deliverable=f"Trả lại {unit.name}",
        )
        report(
            returned_task,
            returned_task.activity.start_date,
            returned_task.due_date,
            returned_task.due_date,
            status=S.RETURNED,
            submitted_at=datetime.datetime.now(tz=UTC),
            return_reason="Thiếu ảnh minh chứng",
        )
        world[unit.pk] = {"late": late_task, "soon": soon_task, "later": later_task, "returned": returned_task}
    plan.period_start = today - datetime.timedelta(days=90)
    plan.period_end = today + datetime.timedelta(days=90)
    document_services.plan_save(plan=plan, actor=None)
    return world


def due_page(client, **params):
    return client.get(reverse("tracker:due"), params)


def section_tasks(response) -> dict[str, dict[str, list[int]]]:
    result = {}
    for section in response.context["page"].sections:
        result[section.unit.name] = {
            "overdue_reports": sorted(item.task.pk for item in section.overdue_reports),
            "overdue_tasks": sorted(task.pk for task in section.overdue_tasks),
            "returned": sorted(item.task.pk for item in section.returned),
            "due_7": sorted([item.task.pk for item in section.reports_7] + [t.pk for t in section.tasks_7]),
            "due_30": sorted([item.task.pk for item in section.reports_30] + [t.pk for t in section.tasks_30]),
        }
    return result


def test_anonymous_is_sent_to_log_in_from_the_due_pages(client):
    for name in ("tracker:due", "tracker:timeliness", "tracker:preferences"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_officer_of_a_sees_only_as_items_in_their_sections(client, officer_a, unit_a, due_world):
    response = login(client, officer_a).get(reverse("tracker:due"))
    assert response.status_code == 200
    w = due_world[unit_a.pk]
    assert section_tasks(response) == {
        "UBND xã A": {
            # Tasks without a rule report once, by their due date: the overdue task's report is overdue too.
            "overdue_reports": [w["late"].pk],
            "overdue_tasks": [w["late"].pk],
            "returned": [w["returned"].pk],
            "due_7": sorted([w["soon"].pk, w["soon"].pk]),
            "due_30": sorted([w["later"].pk, w["later"].pk]),
        }
    }
    body = response.content.decode()
    assert "Quá hạn UBND xã A" in body and "UBND xã B" not in body
    assert "Thiếu ảnh minh chứng" in body
    assert selectors_due.task_url(w["late"]) in body
    # The navigation badge counts the officer's overdue reports.
    assert '<span class="badge overdue" title="Overdue reports">1</span>' in body


def test_officer_asking_for_another_unit_gets_404_and_for_their_own_gets_it(
    client, officer_a, unit_a, unit_b, due_world
):
    login(client, officer_a)
    assert due_page(client, unit=unit_b.pk).status_code == 404
    assert due_page(client, unit="x").status_code == 404
    assert list(section_tasks(due_page(client, unit=unit_a.pk))) == ["UBND xã A"]


@pytest.mark.parametrize("persona", ["manager", "finance", "monitor"])
def test_province_wide_readers_see_every_unit_or_the_one_they_choose(
    client, persona, request, unit_a, unit_b, due_world
):
    login(client, request.getfixturevalue(persona))
    response = due_page(client)
    assert response.status_code == 200
    assert list(section_tasks(response)) == ["UBND xã A", "UBND xã B"]
    assert response.context["page"].totals == {
        "overdue_reports": 2,
        "overdue_tasks": 2,
        "returned": 2,
        "due_7": 4,
        "due_30": 4,
    }
    chosen = due_page(client, unit=unit_b.pk)
    assert list(section_tasks(chosen)) == ["UBND xã B"]
    assert due_page(client, unit=999999).status_code == 404


def test_editor_and_a_user_without_a_unit_are_refused(client, editor, due_world):
    login(client, editor)
    assert due_page(client).status_code == 403
    assert client.get(reverse("tracker:timeliness")).status_code == 403
    officer_without_unit = factories.UserFactory(role="unit_officer")
    login(client, officer_without_unit)
    response = due_page(client)
    assert response.status_code == 200
    assert response.context["page"].sections == []


def test_due_page_has_no_inline_script_or_style(manager_client, due_world):
    body = due_page(manager_client).content.decode()
    # The unit search box's script is a file (its `src`), never inline.
    assert body.count("<script") == body.count("<script src=") and "style=" not in body


def test_the_unit_choice_is_a_search_box_not_a_list_of_every_unit(manager_client, unit_a, unit_b, due_world):
    body = due_page(manager_client).content.decode()
    assert "<option" not in body
    assert f'data-choices-url="{reverse("tracker:choices", args=["units"])}"' in body
    # A name typed without the script finds the unit.
    assert list(section_tasks(due_page(manager_client, unit="UBND xã B"))) == ["UBND xã B"]


def test_every_units_section_shows_its_first_items_and_links_to_the_rest(
    manager_client, plan, unit_a, unit_b, monkeypatch
):
    monkeypatch.setattr(selectors_due, "DUE_ITEMS_PER_LIST", 2)
    for _ in range(3):
        task_of(plan, unit_a, due=D(2026, 1, 15))
    response = due_page(manager_client)
    (section,) = response.context["page"].sections
    assert len(section.overdue_tasks) == 2
    assert section.hidden >= 1  # the third task (and their reports past the second)
    assert f'href="?unit={unit_a.pk}"' in response.content.decode()
    (alone,) = due_page(manager_client, unit=unit_a.pk).context["page"].sections
    assert (len(alone.overdue_tasks), alone.hidden) == (3, 0)


def _item(item) -> tuple:
    if isinstance(item, selectors_due.ExpectedReport):
        return (item.sort_id, item.period.start, item.state)
    return (type(item).__name__, item.pk)


def test_each_lists_first_items_chosen_in_the_database_are_the_unit_pages_first_and_the_rest_counted(
    manager_client, plan, unit_a, unit_b, monkeypatch
):
    """Every unit's section keeps the first items of each list, chosen in the database (a
    window over the units' rows): the same items, in the same order, as the first of the unit's
    own page, which lists them all, and `hidden` counts exactly the others."""
    monkeypatch.setattr(selectors_due, "DUE_ITEMS_PER_LIST", 2)
    for day in (10, 12, 15):
        task_of(plan, unit_a, due=D(2026, 1, day))
    task_of(plan, unit_b, due=D(2026, 1, 20))
    task_of(plan, unit_b, due=YEAR_END)
    shown = {section.unit.pk: section for section in due_page(manager_client).context["page"].sections}
    assert set(shown) == {unit_a.pk, unit_b.pk}
    for unit in (unit_a, unit_b):
        (whole,) = due_page(manager_client, unit=unit.pk).context["page"].sections
        hidden = 0
        for name in selectors_due.SECTION_LISTS:
            everything = [_item(item) for item in getattr(whole, name)]
            assert [_item(item) for item in getattr(shown[unit.pk], name)] == everything[:2], (unit, name)
            hidden += max(0, len(everything) - 2)
        assert shown[unit.pk].hidden == hidden
    assert shown[unit_a.pk].hidden >= 1


def test_plan_deadlines_due_in_the_next_30_days_are_listed_under_their_unit(client, officer_a, unit_a, unit_b, plan):
    from django.utils import timezone

    today = timezone.localdate()
    mine = plan.deadlines.create(
        title="Gửi danh sách thôn", kind="date", due_date=today + datetime.timedelta(days=4), responsible_unit=unit_a
    )
    plan.deadlines.create(
        title="Của xã B", kind="date", due_date=today + datetime.timedelta(days=4), responsible_unit=unit_b
    )
    plan.deadlines.create(
        title="Đã qua", kind="date", due_date=today - datetime.timedelta(days=1), responsible_unit=unit_a
    )
    plan.deadlines.create(
        title="Đợt cao điểm",
        kind="window",
        window_start=today - datetime.timedelta(days=3),
        window_end=today + datetime.timedelta(days=25),
        responsible_unit=unit_a,
    )
    response = login(client, officer_a).get(reverse("tracker:due"))
    (section,) = response.context["page"].sections
    assert [deadline.title for deadline in section.deadlines] == [mine.title, "Đợt cao điểm"]


def build_due(size: int, unit_a, unit_b) -> None:
    """`size` tasks over two plans (each with a monthly and a half-year rule), half of unit A,
    each with a report for the current month."""
    from django.utils import timezone

    today = timezone.localdate()
    plans = [
        factories.PlanFactory(
            period_start=today - datetime.timedelta(days=200), period_end=today + datetime.timedelta(days=200)
        )
        for _ in range(2)
    ]
    communes = factories.UnitFactory(kind="peoples_committee", is_group=True)
    factories.add_members(communes, unit_a, unit_b)
    for plan in plans:
        factories.ReportingRuleFactory(
            plan=plan, reporter=communes, active_from=plan.period_start, active_to=plan.period_end
        )
        factories.ReportingRuleFactory(
            plan=plan,
            reporter=unit_a,
            frequency="half_year",
            due_month=6,
            due_day=15,
            active_from=plan.period_start,
            active_to=plan.period_end,
        )
    for number in range(size):
        plan = plans[number % 2]
        activity = factories.ActivityFactory(plan=plan, start_date=plan.period_start, due_date=plan.period_end)
        task = factories.TaskFactory(
            activity=activity,
            unit=(unit_a, unit_b)[number % 2],
            due_date=today + datetime.timedelta(days=number - size // 2),
        )
        start = today.replace(day=1)
        report(task, start, start + datetime.timedelta(days=27), start + datetime.timedelta(days=19))


# The due page, for a province-wide reader: 1 session, 2 user, 3 roles, 4 deadlines, 5 the
# number of units with something due, 6 this page's units, 7 their expected reports (rows kept
# by tracker.core.obligations), 8 their tasks, 9-10 the totals, 11 the unit choices; at most
# two more for the province scope.
DUE_QUERIES = 13


@pytest.mark.parametrize("size", [4, 40])
def test_due_page_query_count_does_not_grow_with_the_data(
    manager_client, unit_a, unit_b, size, django_assert_max_num_queries
):
    build_due(size, unit_a, unit_b)
    with django_assert_max_num_queries(DUE_QUERIES):
        response = due_page(manager_client)
    assert response.status_code == 200


# An officer: no unit choices, but their unit in the top bar (9).
@pytest.mark.parametrize("size", [4, 40])
def test_officer_due_page_query_count_does_not_grow_with_the_data(
    client, officer_a, unit_a, unit_b, size, django_assert_max_num_queries
):
    build_due(size, unit_a, unit_b)
    login(client, officer_a)
    with django_assert_max_num_queries(DUE_QUERIES):
        response = due_page(client)
    assert response.status_code == 200
    assert response.context["page"].sections[0].unit == unit_a or response.context["page"].sections == []


def test_due_page_query_count_is_the_same_at_4_and_40_tasks(client, manager, unit_a, unit_b):
    login(client, manager)
    counts = []
    for size in (4, 36):
        build_due(size, unit_a, unit_b)
        with CaptureQueriesContext(connection) as captured:
            due_page(client)
        counts.append(len(captured))
    assert counts[0] == counts[1] <= DUE_QUERIES


# --- The timeliness scoreboard ---------------------------------------------------------------


@pytest.fixture
def scored(unit_a, unit_b):
    """Plan 2026, monthly by the 20th for the communes (A and B): A on time in January, late
    in February, missing in March; B on time in January and February, a draft in March."""
    plan = factories.PlanFactory(number_symbol="99/KH-UBND")
    communes = factories.UnitFactory(name="UBND các xã", kind="peoples_committee", is_group=True)
    factories.add_members(communes, unit_a, unit_b)
    rule = monthly(plan, communes, active_to=D(2026, 5, 31))
    tasks = {unit.pk: task_of(plan, unit) for unit in (unit_a, unit_b)}
    on_time = lambda month: datetime.datetime(2026, month, 19, 9, tzinfo=LOCAL)  # noqa: E731
    late = lambda month: datetime.datetime(2026, month, 21, 9, tzinfo=LOCAL)  # noqa: E731
    a, b = tasks[unit_a.pk], tasks[unit_b.pk]
    report(a, D(2026, 1, 1), D(2026, 1, 31), D(2026, 1, 20), status=S.ACCEPTED, submitted_at=on_time(1))
    report(a, D(2026, 2, 1), D(2026, 2, 28), D(2026, 2, 20), submitted_at=late(2))
    report(b, D(2026, 1, 1), D(2026, 1, 31), D(2026, 1, 20), submitted_at=on_time(1))
    report(b, D(2026, 2, 1), D(2026, 2, 28), D(2026, 2, 20), submitted_at=on_time(2))
    report(b, D(2026, 3, 1), D(2026, 3, 31), D(2026, 3, 20), status=S.DRAFT)
    return plan, rule


def cells(board) -> dict[str, list[str]]:
    return {row.unit.name: [cell.state for cell in row.cells] for row in board.rows}


def test_scoreboard_cells_row_and_column_totals(manager, unit_a, unit_b, scored):
    plan, _rule = scored
    with translation.override("en"):
        board = selectors_due.scoreboard(manager, plan=plan, year=2026, today=D(2026, 4, 10))
    assert [column.period.label for column in board.columns] == [
        "Month 1/2026",
        "Month 2/2026",
        "Month 3/2026",
        "Month 4/2026",
        "Month 5/2026",
    ]
    assert cells(board) == {
        "UBND xã A": ["on_time", "late", "missing", "not_yet_due", "not_yet_due"],
        "UBND xã B": ["on_time", "on_time", "missing", "not_yet_due", "not_yet_due"],
    }
    row_a, row_b = board.rows
    assert (row_a.on_time, row_a.late, row_a.missing, row_a.percent_on_time, row_a.percent_reported) == (
        1,
        1,
        1,
        33,
        67,
    )
    assert (row_b.on_time, row_b.late, row_b.missing, row_b.percent_on_time, row_b.percent_reported) == (
        2,
        0,
        1,
        67,
        67,
    )
    assert [(c.on_time, c.late, c.missing, c.not_yet_due) for c in board.columns] == [
        (2, 0, 0, 0),
        (1, 1, 0, 0),
        (0, 0, 2, 0),
        (0, 0, 0, 2),
        (0, 0, 0, 2),
    ]
    assert (board.totals.percent_on_time, board.totals.percent_reported) == (50, 67)


def test_scoreboard_page_for_a_manager_shows_every_unit_and_for_an_officer_their_row(
    client, manager, officer_a, finance, monitor, scored
):
    plan, _ = scored
    for user in (manager, finance, monitor):
        response = login(client, user).get(reverse("tracker:timeliness"), {"plan": plan.pk, "year": 2026})
        assert response.status_code == 200
        assert [row.unit.name for row in response.context["board"].rows] == ["UBND xã A", "UBND xã B"]
    response = login(client, officer_a).get(reverse("tracker:timeliness"), {"plan": plan.pk, "year": 2026})
    assert [row.unit.name for row in response.context["board"].rows] == ["UBND xã A"]
    body = response.content.decode()
    assert "UBND xã B" not in body and "<script" not in body and "style=" not in body


def test_scoreboard_defaults_to_the_plan_running_today_and_refuses_a_hidden_plan(client, officer_a, manager, scored):
    from django.utils import timezone

    today = timezone.localdate()
    plan, _ = scored
    current = factories.PlanFactory(
        period_start=today - datetime.timedelta(days=10), period_end=today + datetime.timedelta(days=10)
    )
    factories.ReportingRuleFactory(plan=current, active_from=current.period_start, active_to=current.period_end)
    response = login(client, manager).get(reverse("tracker:timeliness"))
    assert response.context["board"].plan == current
    assert response.context["board"].year == today.year
    # Officer A has no task in the current plan: it is not theirs to choose.
    login(client, officer_a)
    assert client.get(reverse("tracker:timeliness"), {"plan": current.pk}).status_code == 404
    assert client.get(reverse("tracker:timeliness"), {"plan": plan.pk}).status_code == 200


def build_scoreboard(size: int, unit_a, unit_b) -> Plan:
    plan = factories.PlanFactory(number_symbol=f"{size}/KH-UBND")
    communes = factories.UnitFactory(kind="peoples_committee", is_group=True)
    factories.add_members(communes, unit_a, unit_b)
    monthly(plan, communes)
    units = [unit_a, unit_b, *factories.CommuneCommitteeFactory.create_batch(3)]
    factories.add_members(communes, *units[2:])
    for number in range(size):
        task = task_of(plan, units[number % len(units)])
        report(
            task,
            D(2026, 1, 1),
            D(2026, 1, 31),
            D(2026, 1, 20),
            submitted_at=datetime.datetime(2026, 1, 20, tzinfo=LOCAL),
        )
    return plan


# The scoreboard: 1 session, 2 user, 3 roles, 4 plans to choose from, 5 the plan's rules,
# 6 the expected reports counted per unit and period in the database; a few to spare for the
# province scope.
TIMELINESS_QUERIES = 12


@pytest.mark.parametrize("size", [5, 50])
def test_scoreboard_query_count_does_not_grow_with_the_data(
    manager_client, unit_a, unit_b, size, django_assert_max_num_queries
):
    plan = build_scoreboard(size, unit_a, unit_b)
    with django_assert_max_num_queries(TIMELINESS_QUERIES):
        response = manager_client.get(reverse("tracker:timeliness"), {"plan": plan.pk, "year": 2026})
    assert sum(cell.expected for row in response.context["board"].rows for cell in row.cells) == size * 12


# --- Preferences ---------------------------------------------------------------------------


def test_a_user_turns_the_digest_off_and_changes_their_address(client, officer_a):
    login(client, officer_a)
    response = client.get(reverse("tracker:preferences"))
    assert response.status_code == 200
    response = client.post(reverse("tracker:preferences"), {"email": "a@xa-a.gov.vn"})
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert (officer_a.wants_digest, officer_a.email) == (False, "a@xa-a.gov.vn")
    client.post(reverse("tracker:preferences"), {"wants_digest": "on", "email": "a@xa-a.gov.vn"})
    officer_a.refresh_from_db()
    assert officer_a.wants_digest is True


def test_a_digest_needs_an_address(client, officer_a):
    login(client, officer_a)
    response = client.post(reverse("tracker:preferences"), {"wants_digest": "on", "email": ""})
    assert response.status_code == 200
    assert response.context["form"].errors == {"email": ["Give an e-mail address to receive the digest."]}
    response = client.post(reverse("tracker:preferences"), {"wants_digest": "on", "email": "not an address"})
    assert "email" in response.context["form"].errors
    assert User.objects.get(pk=officer_a.pk).email == ""


def test_the_name_in_the_top_bar_links_to_the_account_page_which_links_to_the_preferences(client, officer_a):
    body = login(client, officer_a).get(reverse("tracker:preferences")).content.decode()
    assert f'class="who" href="{reverse("tracker:account")}"' in body
    account = client.get(reverse("tracker:account")).content.decode()
    assert f'href="{reverse("tracker:preferences")}"' in account
