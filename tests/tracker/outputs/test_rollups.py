"""Roll-ups of accepted figures: task → activity → plan, and commune → district → province
targets. Only accepted reports count (not drafts, submitted, returned or superseded ones)."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.core.calendar import periods_for_task
from tracker.models import Area
from tracker.outputs import selectors as selectors_progress
from tracker.progress import services as ps

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def tree(manager):
    """Province P > district D > communes C1, C2; a commune C3 directly under P (2025 reform).
    One activity, outputs linked to the 'telecom' indicator; tasks in C1, C2, C3, D."""
    province = factories.ProvinceFactory(name="Tỉnh P")
    district = factories.AreaFactory(name="Huyện D", level=Area.Level.DISTRICT, parent=province)
    c1 = factories.AreaFactory(name="Xã C1", parent=district)
    c2 = factories.AreaFactory(name="Xã C2", parent=district)
    c3 = factories.AreaFactory(name="Xã C3", parent=province)
    indicator = factories.IndicatorFactory(code="telecom")
    plan = factories.PlanFactory()
    activity = factories.ActivityFactory(plan=plan)
    activity_2 = factories.ActivityFactory(plan=plan)
    speakers = factories.OutputIndicatorFactory(activity=activity, planned_quantity=40, indicator=indicator)
    stations = factories.OutputIndicatorFactory(activity=activity, planned_quantity=4)
    books = factories.OutputIndicatorFactory(activity=activity_2, planned_quantity=None)
    units, officers, tasks = {}, {}, {}
    for name, area in [("c1", c1), ("c2", c2), ("c3", c3), ("d", district)]:
        units[name] = factories.CommuneCommitteeFactory(area=area)
        officers[name] = factories.UserFactory(unit=units[name], role=roles.UNIT_OFFICER)
        tasks[name] = factories.TaskFactory(activity=activity, unit=units[name], area=area, due_date=D(2026, 6, 30))
    book_task = factories.TaskFactory(activity=activity_2, unit=units["c1"], area=c1, due_date=D(2026, 6, 30))
    return type("Tree", (), locals())


def accept(tree, name, quantities, task=None, percent=50):
    return factories.accepted_report(
        task or tree.tasks[name],
        officer=tree.officers[name],
        manager=tree.manager,
        quantities=quantities,
        percent=percent,
    )


def test_activity_and_plan_sum_only_the_latest_accepted_figures(tree, manager):
    tree.manager = manager
    accept(tree, "c1", {tree.speakers: 6, tree.stations: 1})
    old = accept(tree, "c2", {tree.speakers: 5})
    correction = ps.progress_correct(report=old, actor=tree.officers["c2"])
    ps.progress_save_draft(
        task=tree.tasks["c2"],
        period=factories.whole_period(tree.tasks["c2"]),
        actor=tree.officers["c2"],
        percent_complete=60,
        quantities={tree.speakers: 9},
    )
    ps.progress_submit(report=correction, actor=tree.officers["c2"])
    ps.progress_accept(report=correction, actor=manager)  # 5 superseded by 9
    accept(tree, "c1", {tree.books: 3}, task=tree.book_task)
    # Not counted: a draft, a submitted and a returned report.
    ps.progress_save_draft(
        task=tree.tasks["c3"],
        period=factories.whole_period(tree.tasks["c3"]),
        actor=tree.officers["c3"],
        percent_complete=10,
        quantities={tree.speakers: 100},
    )
    submitted = ps.progress_save_draft(
        task=tree.tasks["d"],
        period=factories.whole_period(tree.tasks["d"]),
        actor=tree.officers["d"],
        percent_complete=10,
        quantities={tree.speakers: 1000},
    )
    ps.progress_submit(report=submitted, actor=tree.officers["d"])

    assert selectors_progress.task_achieved(tree.tasks["c1"]) == {tree.speakers.pk: 6, tree.stations.pk: 1}
    assert selectors_progress.task_achieved(tree.tasks["c2"]) == {tree.speakers.pk: 9}
    rows = {
        o.pk: (o.planned_quantity, o.achieved, o.percent) for o in selectors_progress.activity_progress(tree.activity)
    }
    assert rows == {tree.speakers.pk: (40, 15, 38), tree.stations.pk: (4, 1, 25)}
    plan = selectors_progress.plan_progress(tree.plan)
    assert [(o.pk, o.achieved, o.percent) for o in plan.outputs] == [
        (tree.speakers.pk, 15, 38),
        (tree.stations.pk, 1, 25),
        (tree.books.pk, 3, None),
    ]
    assert set(plan.by_activity) == {tree.activity.pk, tree.activity_2.pk}


def test_monthly_periods_are_summed(manager, unit_a, officer_a):
    plan = factories.PlanFactory()
    from tracker.models import ReportingRule

    ReportingRule.objects.create(
        plan=plan,
        title="Tháng",
        reporter=unit_a,
        frequency="monthly",
        due_day=20,
        active_from=D(2026, 1, 1),
        active_to=D(2026, 12, 31),
    )
    activity = factories.ActivityFactory(plan=plan)
    output = factories.OutputIndicatorFactory(activity=activity, planned_quantity=10)
    task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=D(2026, 3, 31))
    periods = periods_for_task(task)
    assert [p.start.month for p in periods] == [1, 2, 3]
    for period, quantity in zip(periods, (1, 2, 4), strict=True):
        factories.accepted_report(
            task, officer=officer_a, manager=manager, quantities={output: quantity}, period=period
        )
    assert selectors_progress.activity_progress(activity)[0].achieved == 7


def test_targets_roll_up_commune_district_province_by_year(tree, manager):
    tree.manager = manager
    accept(tree, "c1", {tree.speakers: 6, tree.stations: 100})  # stations count towards no indicator
    accept(tree, "c2", {tree.speakers: 4})
    accept(tree, "c3", {tree.speakers: 2})
    accept(tree, "d", {tree.speakers: 1})  # a task on the district itself
    make = factories.TargetFactory
    targets = [
        make(plan=tree.plan, indicator=tree.indicator, area=tree.c1, year=2026, planned_value=12),
        make(plan=tree.plan, indicator=tree.indicator, area=tree.district, year=2026, planned_value=20),
        make(plan=tree.plan, indicator=tree.indicator, area=tree.province, year=2026, planned_value=26),
        make(plan=tree.plan, indicator=tree.indicator, area=tree.c3, year=2025, planned_value=5),  # another year
        make(plan=tree.plan, area=tree.c1, year=2026, planned_value=5),  # another indicator
    ]
    selectors_progress.targets_with_actuals(targets)
    assert [(t.actual, t.percent) for t in targets] == [(6, 50), (11, 55), (13, 50), (0, 0), (0, 0)]


def test_rollups_cost_one_query_whatever_the_size(tree, manager, django_assert_num_queries):
    tree.manager = manager
    accept(tree, "c1", {tree.speakers: 6})
    targets = [factories.TargetFactory(indicator=tree.indicator, area=area) for area in (tree.c1, tree.district)]
    # The figures (one UNION) and the successions (a target on a merged area counts its
    # predecessors' figures too).
    with django_assert_num_queries(2):
        selectors_progress.targets_with_actuals(targets)
    with django_assert_num_queries(1):
        selectors_progress.activity_progress(tree.activity)
    with django_assert_num_queries(1):
        selectors_progress.plan_progress(tree.plan)


def test_activity_and_area_pages_show_the_achieved_figures(client, tree, manager):
    tree.manager = manager
    accept(tree, "c1", {tree.speakers: 6})
    factories.TargetFactory(plan=tree.plan, indicator=tree.indicator, area=tree.district, year=2026, planned_value=12)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(manager)
    response = client.get(reverse("tracker:activity_detail", args=[tree.activity.pk]))
    progress = {o.pk: o.achieved for o in response.context["progress"]}
    assert progress == {tree.speakers.pk: 6, tree.stations.pk: 0}
    assert "Achieved" in response.content.decode()
    response = client.get(reverse("tracker:area_detail", args=[tree.district.pk]))
    assert [(t.actual, t.percent) for t in response.context["page"].targets] == [(6, 50)]


def test_plan_page_shows_each_outputs_accepted_figure_against_its_plan(client, manager):
    from django.conf import settings
    from django.urls import reverse

    from tracker.models import ProgressReport, ReportedQuantity

    activity = factories.ActivityFactory()
    output = activity.output_indicators.create(name="Cụm loa", unit_of_measure="cụm", planned_quantity=10)
    task = factories.TaskFactory(activity=activity)
    accepted = factories.ProgressReportFactory(task=task, status=ProgressReport.Status.ACCEPTED)
    ReportedQuantity.objects.create(report=accepted, output_indicator=output, quantity=4)
    waiting = factories.ProgressReportFactory(
        task=task,
        status=ProgressReport.Status.SUBMITTED,
        period_start=datetime.date(2026, 4, 1),
        period_end=datetime.date(2026, 4, 30),
    )
    ReportedQuantity.objects.create(report=waiting, output_indicator=output, quantity=5)  # not yet accepted
    client.force_login(manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("tracker:plan_detail", args=[activity.plan_id])).content.decode()
    assert "Cụm loa: <strong>10</strong> cụm · achieved <strong>4</strong> (40%)" in page
