"""The work pages: the activity board (filters, sort, pages, counts), an activity's page, and
the DIC managers' activity and task forms — who may do what, what is refused, what is written.
"""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tracker.models import (
    Activity,
    ActivityType,
    Area,
    Cooperation,
    Deadline,
    OutputIndicator,
    Progress,
    Task,
    Unit,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english(client):
    """Messages are asserted in English; the Vietnamese catalogue is tested elsewhere."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


def login(client, user):
    user.save(update_fields=["password"])
    client.force_login(user)
    return client


def board(client, **params):
    response = client.get(reverse("tracker:board"), params)
    assert response.status_code == 200
    return response


def rows(response) -> list[int]:
    return [activity.pk for activity in response.context["page"].object_list]


def pks(world, *names: str) -> list[int]:
    return [getattr(world, name).pk for name in names]


def activity_type(code: str) -> ActivityType:
    return ActivityType.objects.get(code=code)


@pytest.fixture
def world(unit_a, unit_b, today):
    """Six activities over two plans, each differing in what one filter looks at.

    plan_1 (413/KH-UBND, 2023):  overdue  "1"  outreach   lead A, in commune 1     due -3  in progress
                                  soon     "2"  media      lead DIC, A cooperates   due +5
                                  month    "10" radio      lead paper, B cooperates due +20 in progress,
                                                           a task of B in a village of commune 1
    plan_2 (146/KH-UBND, 2019):  done     "1"  outreach   lead B, in commune 2     due -10 completed
                                  later    "2"  media      lead DIC, a task of A    due +90
                                  undated  "3"  outreach   lead paper, no date, only "Năm 2023 – 2025"
    """
    dic = factories.UnitFactory(name="Sở Thông tin và Truyền thông")
    paper = factories.UnitFactory(name="Báo Lạng Sơn", kind=Unit.Kind.NEWSPAPER)
    district = factories.AreaFactory(name="Huyện Một", level=Area.Level.DISTRICT)
    commune_1 = factories.AreaFactory(name="Xã Một", parent=district)
    commune_2 = factories.AreaFactory(name="Xã Hai")
    village = factories.AreaFactory(name="Thôn Một", level=Area.Level.VILLAGE, parent=commune_1)
    plan_1 = factories.PlanFactory(number_symbol="413/KH-UBND", issued_on=datetime.date(2023, 12, 19))
    plan_2 = factories.PlanFactory(number_symbol="146/KH-UBND", issued_on=datetime.date(2019, 2, 18))

    def activity(plan, code, kind, lead, due, **extra):
        start = None if due is None else due - 60 * DAY
        return factories.ActivityFactory(
            plan=plan,
            section_code=code,
            activity_type=activity_type(kind),
            lead_unit=lead,
            start_date=start,
            due_date=due,
            **extra,
        )

    world = SimpleNamespace(dic=dic, paper=paper, district=district, commune_1=commune_1, commune_2=commune_2)
    world.village, world.plan_1, world.plan_2 = village, plan_1, plan_2
    world.overdue = activity(
        plan_1,
        "1",
        "outreach",
        unit_a,
        today - 3 * DAY,
        area=commune_1,
        status=Progress.IN_PROGRESS,
        title="Tuyên truyền chuyển đổi số",
    )
    world.soon = activity(plan_1, "2", "media_production", dic, today + 5 * DAY, title="Sản xuất phóng sự")
    factories.CooperationFactory(activity=world.soon, unit=unit_a)
    world.month = activity(
        plan_1, "10", "commune_radio", paper, today + 20 * DAY, status=Progress.IN_PROGRESS, title="Đài truyền thanh"
    )
    factories.CooperationFactory(activity=world.month, unit=unit_b)
    factories.TaskFactory(activity=world.month, unit=unit_b, area=village, due_date=today + 10 * DAY)
    world.done = activity(
        plan_2, "1", "outreach", unit_b, today - 10 * DAY, area=commune_2, status=Progress.COMPLETED, title="Hội nghị"
    )
    world.later = activity(plan_2, "2", "media_production", dic, today + 90 * DAY, title="Phóng sự truyền hình")
    world.task_a = factories.TaskFactory(activity=world.later, unit=unit_a, due_date=today + 30 * DAY)
    world.undated = activity(plan_2, "3", "outreach", paper, None, schedule_note="Năm 2023 – 2025", title="Tờ gấp")
    return world


# --- The board: who sees what -----------------------------------------------------------------


def test_anonymous_is_sent_to_log_in(client):
    for url in [
        reverse("tracker:board"),
        reverse("tracker:activity_create"),
        reverse("tracker:activity_detail", args=[1]),
        reverse("tracker:activity_edit", args=[1]),
        reverse("tracker:task_create") + "?activity=1",
        reverse("tracker:task_edit", args=[1]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_home_redirects_to_the_dashboard(manager_client):
    response = manager_client.get(reverse("tracker:home"))
    assert response.status_code == 302
    assert response.url == reverse("tracker:dashboard")


@pytest.mark.parametrize("persona", ["manager", "finance", "monitor"])
def test_province_wide_readers_see_every_activity(client, world, persona, request):
    login(client, request.getfixturevalue(persona))
    assert rows(board(client)) == pks(world, "done", "overdue", "soon", "month", "later", "undated")


def test_officer_sees_only_activities_their_unit_leads_cooperates_on_or_has_a_task_in(client, officer_a, world):
    login(client, officer_a)
    assert rows(board(client)) == pks(world, "overdue", "soon", "later")


def test_officer_of_another_unit_sees_that_units_work(client, officer_b, world):
    login(client, officer_b)
    assert rows(board(client)) == pks(world, "done", "month")


def test_editor_sees_no_activity(client, editor, world):
    login(client, editor)
    response = board(client)
    assert rows(response) == []
    assert response.context["counts"]["total"] == 0


def test_officer_filter_lists_offer_only_what_they_may_see(client, officer_a, world):
    login(client, officer_a)
    # The plans are fetched as the officer types (tracker.choices): only those of their work.
    plans = client.get(reverse("tracker:choices", args=["plans"])).json()["results"]
    assert {item["value"] for item in plans} == {world.plan_1.pk, world.plan_2.pk}
    # A plan they may not see is refused as a filter value.
    hidden = factories.PlanFactory()
    assert "plan" in board(client, plan=hidden.pk).context["filter"].form.errors


# --- The board: filters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"plan": "plan_1"}, ["overdue", "soon", "month"]),
        ({"activity_type": "outreach"}, ["done", "overdue", "undated"]),
        ({"lead_unit": "dic"}, ["soon", "later"]),
        ({"unit": "unit_a"}, ["overdue", "soon"]),  # leads one, cooperates on the other
        ({"unit": "unit_b"}, ["done", "month"]),
        ({"area": "commune_1"}, ["overdue", "month"]),  # the activity's area, or a task's village in it
        ({"area": "district"}, ["overdue", "month"]),  # a district rolls up its communes and villages
        ({"area": "village"}, ["month"]),
        ({"area": "commune_2"}, ["done"]),
        ({"status": "completed"}, ["done"]),
        ({"due": "overdue"}, ["overdue"]),
        ({"due": "7"}, ["soon"]),
        ({"due": "30"}, ["soon", "month"]),
        ({"due_from": 0, "due_to": 30}, ["soon", "month"]),
        ({"due_to": -1}, ["done", "overdue"]),
        ({"overdue": "on"}, ["overdue"]),
        ({"q": "phóng sự"}, ["soon", "later"]),
        ({"q": "10"}, ["month"]),  # the section number
        ({"plan": "plan_2", "activity_type": "outreach"}, ["done", "undated"]),
        ({"plan": "plan_1", "overdue": "on"}, ["overdue"]),
    ],
)
def test_each_filter_narrows_the_board_to_exactly_the_matching_activities(
    manager_client, world, today, unit_a, unit_b, params, expected
):
    named = {"unit_a": unit_a, "unit_b": unit_b}
    query = {}
    for key, value in params.items():
        if key in {"due_from", "due_to"}:
            query[key] = (today + value * DAY).isoformat()
        elif key in {"plan", "lead_unit", "unit", "area"}:
            query[key] = (named.get(value) or getattr(world, value)).pk
        elif key == "activity_type":
            query[key] = activity_type(value).pk
        else:
            query[key] = value
    response = board(manager_client, **query)
    assert response.context["filter"].form.errors == {}
    assert rows(response) == pks(world, *expected)


def test_dates_typed_as_dd_mm_yyyy_filter_too(manager_client, world, today):
    response = board(manager_client, due_from=today.strftime("%d/%m/%Y"), due_to=(today + 7 * DAY).strftime("%d/%m/%Y"))
    assert rows(response) == pks(world, "soon")


def test_an_unknown_choice_is_an_error_on_the_form_not_a_crash(manager_client, world):
    response = board(manager_client, plan="999999", status="lost")
    form = response.context["filter"].form
    assert form.has_error("plan")
    assert form.has_error("status")


def test_counts_are_of_the_matching_activities_relative_to_today(manager_client, world):
    counts = board(manager_client).context["counts"]
    assert counts == {"total": 6, "overdue": 1, "due_soon": 1, "completed": 1}
    counts = board(manager_client, plan=world.plan_2.pk).context["counts"]
    assert counts == {"total": 3, "overdue": 0, "due_soon": 0, "completed": 1}


def test_rows_show_plan_section_units_timing_badges_and_task_progress(manager_client, world, unit_a, today):
    factories.TaskFactory(
        activity=world.later, unit=unit_a, due_date=today, status=Progress.COMPLETED, completed_on=today
    )
    response = board(manager_client)
    content = response.content.decode()
    later = next(row for row in response.context["page"].object_list if row.pk == world.later.pk)
    assert (later.tasks_done, later.tasks_total) == (1, 2)
    assert "1/2" in content
    assert "413/KH-UBND" in content
    assert reverse("tracker:activity_detail", args=[world.month.pk]) in content
    assert reverse("tracker:plan_detail", args=[world.plan_1.pk]) in content
    assert "UBND xã B" in content  # month's cooperating unit
    assert f'{(today - 63 * DAY):%d/%m/%Y}</span> – <span class="nowrap">{(today - 3 * DAY):%d/%m/%Y}' in content
    assert "Năm 2023 – 2025" in content
    assert content.count('class="badge overdue"') == 1
    assert content.count('class="badge soon"') == 1
    assert 'class="responsive board"' in content
    assert 'data-label="Lead unit"' in content


def test_the_filter_form_is_a_plain_get_form_with_dd_mm_yyyy_dates(manager_client, world):
    content = board(manager_client).content.decode()
    assert re.search(r'<form method="get" class="card filters"', content)
    assert 'type="text" name="due_from" placeholder="dd/mm/yyyy"' in content
    assert "style=" not in content
    # Only our own scripts: the boxes that fetch units, areas and plans as the user types, and
    # the date boxes' calendar.
    assert re.findall(r"<script[^>]*>", content) == [
        '<script src="/static/vendor/tom-select/tom-select.complete.min.js" defer>',
        '<script src="/static/js/date-picker.js" defer>',
        '<script src="/static/js/remote-choices.js" defer>',
    ]


# --- The board: sort and pages -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("deadline", ["done", "overdue", "soon", "month", "later", "undated"]),
        ("-deadline", ["later", "month", "soon", "overdue", "done", "undated"]),  # undated last either way
        ("section", ["overdue", "done", "month", "soon", "later", "undated"]),
        # Within a plan, sections in its own order ("1", "10", "2": order, then the text).
        ("plan", ["done", "later", "undated", "overdue", "month", "soon"]),
        ("-plan", ["overdue", "month", "soon", "done", "later", "undated"]),
        ("lead_unit", ["month", "undated", "soon", "later", "overdue", "done"]),
        ("status", ["soon", "later", "undated", "overdue", "month", "done"]),
        ("-status", ["done", "overdue", "month", "soon", "later", "undated"]),
    ],
)
def test_board_sorts_by_a_whitelisted_key(manager_client, world, sort, expected):
    assert rows(board(manager_client, sort=sort)) == pks(world, *expected)


def test_an_unknown_sort_falls_back_to_the_deadline(manager_client, world):
    response = board(manager_client, sort="title; DROP TABLE tracker_activity")
    assert rows(response) == pks(world, "done", "overdue", "soon", "month", "later", "undated")
    assert response.context["filter"].form.has_error("sort")


def test_column_headers_toggle_the_sort_and_keep_the_filters(manager_client, world):
    content = board(manager_client, plan=world.plan_1.pk, sort="deadline").content.decode()
    assert f'href="?plan={world.plan_1.pk}&amp;sort=-deadline"' in content
    assert f'href="?plan={world.plan_1.pk}&amp;sort=status"' in content
    assert 'aria-sort="ascending"' in content


def test_pages_hold_25_rows_and_page_links_keep_the_filters(manager_client, today):
    plan, other = factories.PlanFactory(), factories.PlanFactory()
    for number in range(27):
        factories.ActivityFactory(plan=plan, section_code=str(number), start_date=None, due_date=today + number * DAY)
    factories.ActivityFactory.create_batch(3, plan=other)

    first = board(manager_client, plan=plan.pk, sort="-deadline")
    assert first.context["counts"]["total"] == 27
    assert len(rows(first)) == 25
    next_link = f'href="?plan={plan.pk}&amp;sort=-deadline&amp;page=2"'
    assert next_link in first.content.decode()

    second = board(manager_client, plan=plan.pk, sort="-deadline", page=2)
    assert len(rows(second)) == 2
    assert set(Activity.objects.filter(pk__in=rows(second)).values_list("plan", flat=True)) == {plan.pk}
    assert [Activity.objects.get(pk=pk).section_code for pk in rows(second)] == ["1", "0"]
    assert f'href="?plan={plan.pk}&amp;sort=-deadline&amp;page=1"' in second.content.decode()


def test_a_page_past_the_end_shows_the_last_page(manager_client, world):
    assert rows(board(manager_client, page=99)) == rows(board(manager_client))


# --- The board: query counts -------------------------------------------------------------------


def build_work(size: int, today: datetime.date, unit: Unit | None = None) -> None:
    """`size` activities over 3 plans, 4 units, 3 areas and 3 content types, each with two
    cooperating units, two outputs and two tasks (one of them `unit`'s when given)."""
    plans = factories.PlanFactory.create_batch(3)
    units = factories.UnitFactory.create_batch(4)
    areas = factories.AreaFactory.create_batch(3)
    kinds = list(ActivityType.objects.all()[:3])
    for number in range(size):
        activity = factories.ActivityFactory(
            plan=plans[number % 3],
            lead_unit=units[number % 4],
            area=areas[number % 3],
            activity_type=kinds[number % 3],
            start_date=today - 30 * DAY,
            due_date=today + (number - size // 2) * DAY,
        )
        for offset in (1, 2):
            factories.CooperationFactory(activity=activity, unit=units[(number + offset) % 4])
            OutputIndicator.objects.create(activity=activity, name=f"Sản phẩm {offset}", unit_of_measure="bài")
        factories.TaskFactory(activity=activity, unit=unit or units[number % 4], area=areas[(number + 1) % 3])
        factories.TaskFactory(
            activity=activity, unit=units[(number + 3) % 4], status=Progress.COMPLETED, completed_on=today
        )


# The manager's board, whatever the amount of data:
#  1 session, 2 user, 3 the user's groups (roles),
#  4 plans, 5 content types (the filter form's lists; units and areas are fetched as the
#    user types), 6 the counts (one aggregate), 7 the page's rows with their task counts
#    (subqueries), 8 the page's cooperating units (one prefetch); a chosen unit or area
#    costs one query each.
BOARD_QUERIES = 8


@pytest.mark.parametrize("size", [5, 50])
def test_board_query_count_does_not_grow_with_the_data(manager_client, today, size, django_assert_max_num_queries):
    build_work(size, today)
    with django_assert_max_num_queries(BOARD_QUERIES):
        response = board(manager_client)
    assert len(rows(response)) == min(size, 25)


@pytest.mark.parametrize("size", [5, 50])
def test_filtered_board_query_count_does_not_grow_with_the_data(
    manager_client, today, size, django_assert_max_num_queries
):
    build_work(size, today)
    unit = Unit.objects.order_by("pk").last()
    area = Area.objects.order_by("pk").first()
    # Filtering by a unit and an area reads each (validated, then named in its box: one query).
    with django_assert_max_num_queries(BOARD_QUERIES + 2):
        response = board(manager_client, unit=unit.pk, area=area.pk, due="30", sort="-status", page=2)
    assert response.context["filter"].form.errors == {}


# An officer's board adds 11 their unit's groups (permissions.unit_ids_of) and 12 their unit,
# shown in the top bar.
@pytest.mark.parametrize("size", [5, 50])
def test_officer_board_query_count_does_not_grow_with_the_data(
    client, officer_a, unit_a, today, size, django_assert_max_num_queries
):
    build_work(size, today, unit=unit_a)
    login(client, officer_a)
    with django_assert_max_num_queries(BOARD_QUERIES + 2):
        response = board(client)
    assert len(rows(response)) == min(size, 25)


def test_board_query_count_is_the_same_at_5_and_50_activities(client, manager, today):
    login(client, manager)
    counts = []
    for size in (5, 45):  # 5, then 50 in all
        build_work(size, today)
        with CaptureQueriesContext(connection) as captured:
            board(client)
        counts.append(len(captured))
    assert counts == [BOARD_QUERIES, BOARD_QUERIES]


# --- The activity page -------------------------------------------------------------------------


def detail(client, activity):
    return client.get(reverse("tracker:activity_detail", args=[activity.pk]))


def test_activity_page_shows_header_units_outputs_tasks_and_deadlines(manager_client, world, unit_a, unit_b, today):
    activity = world.month
    activity.description = "Dòng một\nDòng hai"
    activity.save()
    factories.CooperationFactory(activity=activity, unit=world.dic)
    indicator = factories.IndicatorFactory(name="Hộ tiếp cận thông tin")
    OutputIndicator.objects.create(
        activity=activity, name="Cụm loa", unit_of_measure="cụm", planned_quantity=1200, indicator=indicator
    )
    Deadline.objects.create(
        plan=activity.plan,
        activity=activity,
        title="Báo cáo kết quả",
        due_date=today + 40 * DAY,
        wording="trước ngày 5",
    )
    response = detail(manager_client, activity)
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("tracker:plan_detail", args=[activity.plan_id]) in content
    assert reverse("tracker:unit_detail", args=[world.paper.pk]) in content
    assert reverse("tracker:unit_detail", args=[unit_b.pk]) in content
    # Cooperating units in Vietnamese order: S before U.
    assert content.index("Sở Thông tin và Truyền thông") < content.index("UBND xã B")
    assert "<p>Dòng một<br>Dòng hai</p>" in content
    assert "1.200" in content and "Hộ tiếp cận thông tin" in content
    assert "Thôn Một" in content  # the task's area
    assert "Báo cáo kết quả" in content and f"{today + 40 * DAY:%d/%m/%Y}" in content
    assert reverse("tracker:activity_edit", args=[activity.pk]) in content
    assert reverse("tracker:task_create") + f"?activity={activity.pk}" in content
    task = activity.tasks.get()
    assert reverse("tracker:task_edit", args=[task.pk]) in content
    assert "style=" not in content


def test_overdue_tasks_carry_a_badge(manager_client, world, unit_a, today):
    factories.TaskFactory(activity=world.soon, unit=unit_a, due_date=today - DAY)
    factories.TaskFactory(
        activity=world.soon, unit=unit_a, due_date=today - DAY, status=Progress.COMPLETED, completed_on=today
    )
    response = detail(manager_client, world.soon)
    states = sorted(task.deadline_state for task in response.context["tasks"])
    assert states == ["", "overdue"]
    # One for the activity (due in 5 days: "soon"), one for the late task.
    assert response.content.decode().count('class="badge overdue"') == 1


def test_officer_gets_404_on_another_units_activity(client, officer_a, world):
    login(client, officer_a)
    assert detail(client, world.done).status_code == 404
    assert detail(client, world.month).status_code == 404


def test_officer_sees_only_their_own_task_of_an_activity_they_only_carry_out(client, officer_a, world, unit_b):
    factories.TaskFactory(activity=world.later, unit=unit_b)
    login(client, officer_a)
    response = detail(client, world.later)
    assert response.status_code == 200
    assert [task.pk for task in response.context["tasks"]] == [world.task_a.pk]
    content = response.content.decode()
    assert reverse("tracker:activity_edit", args=[world.later.pk]) not in content
    assert reverse("tracker:task_edit", args=[world.task_a.pk]) not in content


def test_missing_activity_is_404(manager_client):
    assert manager_client.get(reverse("tracker:activity_detail", args=[999999])).status_code == 404


# The activity page, whatever the number of tasks:
#  1 session, 2 user, 3 groups, 4 the activity with plan, type, lead unit and area,
#  5 its cooperating units, 6 its outputs with their indicators and achieved figures (accepted
#  reports + output records, as subqueries), 7 its deadlines with the responsible units, 8 the
#  tasks the user may see with their unit, area and output, 9 each task's latest progress
#  report, 10 the output records (published articles) with their outputs.
DETAIL_QUERIES = 10
# + 1 the budget figures card (the panel budgets/extensions.py registers in tracker.core.extensions:
# approved, allocated and disbursed by funding source, one UNION ALL query;
# tests/budgets/test_budget_figures.py).
DETAIL_QUERIES += 1


@pytest.mark.parametrize("tasks", [2, 20])
def test_activity_page_query_count_does_not_grow_with_tasks(
    manager_client, today, tasks, django_assert_max_num_queries
):
    activity = factories.ActivityFactory(start_date=today - 30 * DAY, due_date=today + 30 * DAY)
    for number in range(3):
        factories.CooperationFactory(activity=activity, unit=factories.UnitFactory())
        OutputIndicator.objects.create(
            activity=activity, name=f"Sản phẩm {number}", unit_of_measure="bài", indicator=factories.IndicatorFactory()
        )
        Deadline.objects.create(
            plan=activity.plan,
            activity=activity,
            title=f"Hạn {number}",
            due_date=today,
            responsible_unit=factories.UnitFactory(),
        )
    output = activity.output_indicators.first()
    for number in range(tasks):
        factories.TaskFactory(
            activity=activity,
            area=factories.AreaFactory(),
            output_indicator=output,
            target_quantity=number,
            due_date=today + (number - 5) * DAY,
        )
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = detail(manager_client, activity)
    assert len(response.context["tasks"]) == tasks


# --- Activity forms: who may use them ---------------------------------------------------------


NON_MANAGERS = ["officer_a", "finance", "monitor", "editor"]


def activity_data(world, **overrides) -> dict:
    data = {
        "plan": world.plan_1.pk,
        "section_code": "5",
        "activity_type": activity_type("smartphone_support").pk,
        "title": "Hỗ trợ điện thoại thông minh cho hộ nghèo",
        "description": "Theo Quyết định 2269/QĐ-TTg.",
        "lead_unit": world.dic.pk,
        "cooperating_units": [world.paper.pk],
        "area": world.commune_1.pk,
        "start_date": "01/03/2026",
        "due_date": "2026-12-31",
        "schedule_note": "Năm 2026",
        "status": Progress.NOT_STARTED,
        "outputs-TOTAL_FORMS": "2",
        "outputs-INITIAL_FORMS": "0",
        "outputs-MIN_NUM_FORMS": "0",
        "outputs-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Activity, Cooperation, OutputIndicator, Task)
    } | {"history": Activity.history.count() + Task.history.count() + OutputIndicator.history.count()}


@pytest.mark.parametrize("persona", NON_MANAGERS)
def test_non_managers_are_refused_the_activity_forms_and_nothing_changes(client, world, persona, request):
    login(client, request.getfixturevalue(persona))
    before = snapshot()
    create = reverse("tracker:activity_create")
    assert client.get(create).status_code == 403
    assert client.post(create, activity_data(world)).status_code == 403
    # officer_a may see this activity (their unit leads it), so the refusal is 403, not 404.
    edit = reverse("tracker:activity_edit", args=[world.overdue.pk])
    expected = 403 if persona != "editor" else 404
    assert client.get(edit).status_code == expected
    assert client.post(edit, activity_data(world, section_code="1", title="Đổi")).status_code == expected
    assert snapshot() == before
    assert Activity.objects.get(pk=world.overdue.pk).title == "Tuyên truyền chuyển đổi số"


def test_officer_gets_404_editing_an_activity_they_cannot_see(client, officer_a, world):
    login(client, officer_a)
    before = snapshot()
    edit = reverse("tracker:activity_edit", args=[world.done.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, activity_data(world)).status_code == 404
    assert snapshot() == before


def test_create_form_preselects_the_plan_and_offers_units_in_force_in_vietnamese_order(manager_client, world):
    factories.UnitFactory(name="Đơn vị đã giải thể", valid_to=datetime.date(2025, 6, 30))
    factories.UnitFactory(name="Đoàn Thanh niên")
    response = manager_client.get(reverse("tracker:activity_create"), {"plan": world.plan_2.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["plan"].value() == world.plan_2.pk
    names = [label for pk, label in form.fields["cooperating_units"].choices]
    assert "Đơn vị đã giải thể" not in names
    # Vietnamese order: Đ comes after D, so between B and S (byte order would put it last).
    assert names.index("Báo Lạng Sơn") < names.index("Đoàn Thanh niên") < names.index("Sở Thông tin và Truyền thông")
    content = response.content.decode()
    assert 'type="text" name="start_date" placeholder="dd/mm/yyyy"' in content
    assert "style=" not in content


# --- Activity forms: what a manager writes -----------------------------------------------------


def test_manager_creates_an_activity_with_two_cooperating_units_and_two_outputs_in_one_post(
    manager_client, manager, world, unit_b
):
    indicator = factories.IndicatorFactory()
    data = activity_data(
        world,
        cooperating_units=[world.paper.pk, unit_b.pk],
        **{
            "outputs-0-name": "Điện thoại thông minh",
            "outputs-0-unit_of_measure": "máy",
            "outputs-0-planned_quantity": "1500",
            "outputs-0-indicator": indicator.pk,
            "outputs-1-name": "Hộ được hỗ trợ",
            "outputs-1-unit_of_measure": "hộ",
            "outputs-1-planned_quantity": "",
        },
    )
    response = manager_client.post(reverse("tracker:activity_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    activity = Activity.objects.get(plan=world.plan_1, section_code="5")
    assert response.url == reverse("tracker:activity_detail", args=[activity.pk])
    assert activity.start_date == datetime.date(2026, 3, 1)  # typed dd/mm/yyyy
    assert activity.due_date == datetime.date(2026, 12, 31)
    assert activity.area == world.commune_1
    assert set(activity.cooperating_units.values_list("pk", flat=True)) == {world.paper.pk, unit_b.pk}
    outputs = list(activity.output_indicators.values_list("name", "unit_of_measure", "planned_quantity", "indicator"))
    assert outputs == [("Điện thoại thông minh", "máy", 1500, indicator.pk), ("Hộ được hỗ trợ", "hộ", None, None)]
    # Every row written carries the manager on its history.
    assert [(row.history_type, row.history_user) for row in activity.history.all()] == [("+", manager)]
    for model in (Cooperation, OutputIndicator):
        history = model.history.filter(activity_id=activity.pk)
        assert history.count() == 2
        assert {(row.history_type, row.history_user_id) for row in history} == {("+", manager.pk)}
    follow = manager_client.get(response.url)
    assert "The activity was created." in follow.content.decode()


def test_a_unit_cannot_lead_and_cooperate_the_error_is_on_the_field_and_nothing_is_written(
    manager_client, world, unit_b
):
    before = snapshot()
    data = activity_data(
        world,
        cooperating_units=[world.dic.pk, unit_b.pk],
        **{"outputs-0-name": "Tin bài", "outputs-0-unit_of_measure": "bài", "outputs-0-planned_quantity": "3"},
    )
    response = manager_client.post(reverse("tracker:activity_create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"cooperating_units": ["A unit cannot both lead and cooperate on the same activity."]}
    assert snapshot() == before
    content = response.content.decode()
    assert "A unit cannot both lead and cooperate on the same activity." in content
    assert "nothing has been saved" in content
    # The page still offers to create it, with what was typed kept.
    assert response.context["is_new"] is True
    assert form["title"].value() == "Hỗ trợ điện thoại thông minh cho hộ nghèo"


def test_a_negative_planned_quantity_is_refused_on_its_row_and_nothing_is_written(manager_client, world):
    before = snapshot()
    data = activity_data(
        world, **{"outputs-0-name": "Tin bài", "outputs-0-unit_of_measure": "bài", "outputs-0-planned_quantity": "-1"}
    )
    response = manager_client.post(reverse("tracker:activity_create"), data)
    assert response.status_code == 200
    assert response.context["outputs"].errors[0] == {"planned_quantity": ["A quantity cannot be negative."]}
    assert response.context["form"].errors == {}
    assert snapshot() == before


def test_a_deadline_before_the_start_is_refused_on_the_deadline_field(manager_client, world):
    before = snapshot()
    response = manager_client.post(
        reverse("tracker:activity_create"), activity_data(world, start_date="01/05/2026", due_date="30/04/2026")
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"due_date": ["The deadline cannot be before the start."]}
    assert snapshot() == before


def test_a_section_number_already_in_the_plan_is_refused_on_the_section_field(manager_client, world):
    before = snapshot()
    response = manager_client.post(reverse("tracker:activity_create"), activity_data(world, section_code="10"))
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "section_code": ["This plan already has a content with this section number."]
    }
    assert snapshot() == before


def test_manager_edits_an_activity_its_cooperating_units_and_outputs(manager_client, manager, world, unit_a, unit_b):
    activity = world.soon  # DIC leads, unit A cooperates
    kept = OutputIndicator.objects.create(activity=activity, name="Phóng sự", unit_of_measure="phóng sự", order=1)
    dropped = OutputIndicator.objects.create(activity=activity, name="Tin", unit_of_measure="tin", order=2)
    url = reverse("tracker:activity_edit", args=[activity.pk])
    form = manager_client.get(url).context["form"]
    assert form["cooperating_units"].value() == [unit_a.pk]
    data = activity_data(
        world,
        section_code="2",
        title="Sản xuất phóng sự, tin bài",
        status=Progress.IN_PROGRESS,
        area="",
        cooperating_units=[unit_b.pk],
        **{
            "outputs-TOTAL_FORMS": "3",
            "outputs-INITIAL_FORMS": "2",
            "outputs-0-id": kept.pk,
            "outputs-0-name": "Phóng sự",
            "outputs-0-unit_of_measure": "phóng sự",
            "outputs-0-planned_quantity": "12",
            "outputs-1-id": dropped.pk,
            "outputs-1-name": "Tin",
            "outputs-1-unit_of_measure": "tin",
            "outputs-1-DELETE": "on",
            "outputs-2-name": "Infographic",
            "outputs-2-unit_of_measure": "sản phẩm",
            "outputs-2-planned_quantity": "0",
        },
    )
    response = manager_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    activity.refresh_from_db()
    assert (activity.title, activity.status, activity.area) == (
        "Sản xuất phóng sự, tin bài",
        Progress.IN_PROGRESS,
        None,
    )
    assert list(activity.cooperating_units.values_list("pk", flat=True)) == [unit_b.pk]
    assert list(activity.output_indicators.values_list("name", "planned_quantity")) == [
        ("Phóng sự", 12),
        ("Infographic", 0),
    ]
    assert OutputIndicator.history.get(id=dropped.pk, history_type="-").history_user == manager
    assert activity.history.first().history_user == manager


def test_edit_keeps_an_ended_lead_unit_selectable(manager_client, world):
    world.paper.valid_to = datetime.date(2025, 6, 30)
    world.paper.save()
    response = manager_client.get(reverse("tracker:activity_edit", args=[world.month.pk]))
    assert world.paper.pk in [pk for pk, _ in response.context["form"].fields["lead_unit"].choices if pk]


# --- Task forms --------------------------------------------------------------------------------


def task_data(unit, **overrides) -> dict:
    data = {
        "unit": unit.pk,
        "area": "",
        "deliverable": "Tổ chức 2 hội nghị tuyên truyền",
        "output_indicator": "",
        "target_quantity": "2",
        "due_date": "30/06/2026",
        "status": Progress.NOT_STARTED,
        "completed_on": "",
    }
    data.update(overrides)
    return data


def task_create_url(activity) -> str:
    return reverse("tracker:task_create") + f"?activity={activity.pk}"


@pytest.fixture
def dated(world):
    """An activity with fixed dates, so that task dates do not depend on today."""
    activity = world.later
    activity.start_date, activity.due_date = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    activity.save()
    return activity


def test_manager_creates_a_task_with_an_output_of_the_activity(manager_client, manager, dated, unit_b, world):
    output = OutputIndicator.objects.create(activity=dated, name="Hội nghị", unit_of_measure="hội nghị")
    response = manager_client.post(
        task_create_url(dated), task_data(unit_b, area=world.commune_2.pk, output_indicator=output.pk)
    )
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == reverse("tracker:activity_detail", args=[dated.pk]) + "#tasks"
    task = Task.objects.get(activity=dated, unit=unit_b)
    assert (task.area, task.output_indicator, task.target_quantity) == (world.commune_2, output, 2)
    assert task.due_date == datetime.date(2026, 6, 30)
    assert [(row.history_type, row.history_user) for row in task.history.all()] == [("+", manager)]


def test_task_output_must_belong_to_the_activity(manager_client, dated, unit_b, world):
    foreign = OutputIndicator.objects.create(activity=world.soon, name="Khác", unit_of_measure="bài")
    before = snapshot()
    response = manager_client.post(task_create_url(dated), task_data(unit_b, output_indicator=foreign.pk))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["output_indicator"]
    assert snapshot() == before


def test_a_completed_task_needs_its_completion_date(manager_client, dated, unit_b):
    before = snapshot()
    response = manager_client.post(task_create_url(dated), task_data(unit_b, status=Progress.COMPLETED))
    assert response.status_code == 200
    assert response.context["form"].errors == {"completed_on": ["Give the date the task was completed."]}
    assert snapshot() == before


def test_a_negative_target_quantity_is_refused(manager_client, dated, unit_b):
    before = snapshot()
    response = manager_client.post(task_create_url(dated), task_data(unit_b, target_quantity="-5"))
    assert response.status_code == 200
    assert response.context["form"].errors == {"target_quantity": ["A quantity cannot be negative."]}
    assert snapshot() == before


def test_a_task_due_before_the_activity_starts_is_refused(manager_client, dated, unit_b):
    response = manager_client.post(task_create_url(dated), task_data(unit_b, due_date="31/12/2025"))
    assert response.context["form"].errors == {"due_date": ["The due date cannot be before the activity starts."]}


def test_manager_completes_a_task(manager_client, manager, dated, world):
    task = world.task_a
    url = reverse("tracker:task_edit", args=[task.pk])
    assert manager_client.get(url).status_code == 200
    response = manager_client.post(
        url, task_data(task.unit, status=Progress.COMPLETED, completed_on="15/06/2026", due_date="30/06/2026")
    )
    assert response.status_code == 302, response.context["form"].errors
    task.refresh_from_db()
    assert (task.status, task.completed_on) == (Progress.COMPLETED, datetime.date(2026, 6, 15))
    assert task.history.first().history_user == manager


def test_task_create_needs_an_activity_the_user_can_see(manager_client, world):
    assert manager_client.get(reverse("tracker:task_create")).status_code == 404
    assert manager_client.get(reverse("tracker:task_create") + "?activity=abc").status_code == 404
    assert manager_client.get(reverse("tracker:task_create") + "?activity=999999").status_code == 404


@pytest.mark.parametrize("persona", NON_MANAGERS)
def test_non_managers_are_refused_the_task_forms_and_nothing_changes(client, world, unit_a, persona, request):
    login(client, request.getfixturevalue(persona))
    before = snapshot()
    visible = persona != "editor"
    # officer_a may see both (their unit leads world.overdue and carries out task_a).
    create = task_create_url(world.overdue)
    edit = reverse("tracker:task_edit", args=[world.task_a.pk])
    for url in (create, edit):
        assert client.get(url).status_code == (403 if visible else 404)
        assert client.post(url, task_data(unit_a)).status_code == (403 if visible else 404)
    assert snapshot() == before


def test_officer_gets_404_on_task_forms_of_work_they_cannot_see(client, officer_a, world, unit_b):
    other = factories.TaskFactory(activity=world.done, unit=unit_b)
    login(client, officer_a)
    before = snapshot()
    assert client.post(task_create_url(world.done), task_data(unit_b)).status_code == 404
    assert client.post(reverse("tracker:task_edit", args=[other.pk]), task_data(unit_b)).status_code == 404
    assert snapshot() == before


def test_a_manager_sets_an_output_to_count_from_a_register_and_the_page_links_to_it(manager_client, world):
    data = activity_data(
        world,
        **{
            "outputs-0-name": "Cụm loa ứng dụng CNTT-VT",
            "outputs-0-unit_of_measure": "cụm",
            "outputs-0-planned_quantity": "40",
            "outputs-0-register_measure": "radio.ip_clusters",
        },
    )
    response = manager_client.post(reverse("tracker:activity_create"), data)
    assert response.status_code == 302
    output = OutputIndicator.objects.get(name="Cụm loa ứng dụng CNTT-VT")
    assert (output.counted_from, output.register_measure) == ("records", "radio.ip_clusters")
    page = manager_client.get(reverse("tracker:activity_detail", args=[output.activity_id])).content.decode()
    assert f'href="{reverse("tracker:radio_work_list")}?activity={output.activity_id}"' in page
