"""Outputs counted from records: products that count by themselves (a published article, later
a register of media products). Achieved = accepted reported quantities + records, in the same
single queries; an output is counted one way only, so nothing is counted twice."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.models import Area, OutputIndicator, OutputRecord
from tracker.outputs import selectors as selectors_progress
from tracker.outputs import services as output_services
from tracker.progress import services as ps
from tracker.work import services

pytestmark = pytest.mark.django_db
D = datetime.date
MARCH_10 = D(2026, 3, 10)
RECORDS = OutputIndicator.CountedFrom.RECORDS


@pytest.fixture
def activity(db):
    return factories.ActivityFactory()


@pytest.fixture
def articles(activity):
    return factories.OutputIndicatorFactory(
        activity=activity, name="Tin, bài", unit_of_measure="bài", planned_quantity=4, counted_from=RECORDS
    )


def record(output, n: int, *, quantity: int = 1, on=MARCH_10, actor=None) -> OutputRecord:
    return output_services.output_record_set(
        source=f"test.article:{n}",
        output_indicator=output,
        quantity=quantity,
        achieved_on=on,
        title=f"Bài {n}",
        url=f"/chien-dich/bai-{n}/",
        actor=actor,
    )


def test_set_creates_once_updates_on_change_and_records_the_actor(articles, manager):
    first = record(articles, 1, actor=manager)
    assert record(articles, 1, actor=manager).pk == first.pk
    assert first.history.count() == 1  # the same values again write nothing
    record(articles, 1, quantity=2, actor=manager)
    assert [(h.history_type, h.quantity, h.history_user) for h in first.history.order_by("history_id")] == [
        ("+", 1, manager),
        ("~", 2, manager),
    ]


def test_clear_removes_the_record_and_is_idempotent(articles, manager):
    record(articles, 1)
    assert output_services.output_record_clear(source="test.article:1", actor=manager) is True
    assert output_services.output_record_clear(source="test.article:1", actor=manager) is False
    assert OutputRecord.history.filter(history_type="-").get().history_user == manager


def test_a_record_cannot_count_towards_an_output_counted_from_reports(activity):
    reported = factories.OutputIndicatorFactory(activity=activity)
    with pytest.raises(ValidationError) as error:
        record(reported, 1)
    assert "output_indicator" in error.value.message_dict
    assert not OutputRecord.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "//evil.example/", "ftp://x/"])
def test_a_record_address_is_a_path_or_a_web_address(articles, url):
    with pytest.raises(ValidationError):
        output_services.output_record_set(
            source="x", output_indicator=articles, quantity=1, achieved_on=D(2026, 1, 1), title="x", url=url, actor=None
        )


def test_a_record_counts_at_least_one(articles):
    with pytest.raises(ValidationError):
        record(articles, 1, quantity=0)


def test_achieved_adds_records_to_accepted_reports_in_one_query(
    activity, articles, manager, unit_a, officer_a, django_assert_num_queries
):
    speakers = factories.OutputIndicatorFactory(activity=activity, planned_quantity=10)
    task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=D(2026, 6, 30))
    factories.accepted_report(task, officer=officer_a, manager=manager, quantities={speakers: 3})
    record(articles, 1)
    record(articles, 2, quantity=2)
    with django_assert_num_queries(1):
        rows = {
            o.pk: (o.achieved_reported, o.achieved_records, o.achieved, o.percent)
            for o in selectors_progress.activity_progress(activity)
        }
    assert rows == {articles.pk: (0, 3, 3, 75), speakers.pk: (3, 0, 3, 30)}
    with django_assert_num_queries(1):
        plan = selectors_progress.plan_progress(activity.plan)
    assert {o.pk: o.achieved for o in plan.outputs} == {articles.pk: 3, speakers.pk: 3}


def test_a_report_cannot_carry_a_quantity_for_an_output_counted_from_records(activity, articles, unit_a, officer_a):
    task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=D(2026, 6, 30))
    with pytest.raises(ValidationError) as error:
        ps.progress_save_draft(
            task=task,
            period=factories.whole_period(task),
            actor=officer_a,
            percent_complete=10,
            quantities={articles: 5},
        )
    assert "quantities" in error.value.message_dict


def test_the_report_form_shows_the_records_of_the_period_read_only(client, activity, articles, unit_a, officer_a):
    task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=D(2026, 6, 30))
    period = factories.whole_period(task)
    record(articles, 1, on=period.start)
    record(articles, 2, on=period.end + datetime.timedelta(days=1))  # the next period
    client.force_login(officer_a)
    url = reverse("tracker:report_edit", args=[task.pk]) + f"?period={period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}"
    response = client.get(url)
    assert f"quantity_{articles.pk}" not in response.context["form"].fields
    page = response.content.decode()
    assert f'data-counted="{articles.pk}">1<' in page
    # A quantity posted for it anyway is ignored by the form: nothing is counted twice.
    response = client.post(url, {"percent_complete": "10", f"quantity_{articles.pk}": "7", "action": "save"})
    assert response.status_code == 302
    assert not task.progress_reports.get().quantities.exists()


def test_records_count_in_the_period_containing_their_date(articles):
    record(articles, 1, on=D(2026, 1, 31))
    record(articles, 2, on=D(2026, 2, 1))
    record(articles, 3, on=D(2026, 2, 28), quantity=2)
    assert selectors_progress.records_in_period([articles], D(2026, 2, 1), D(2026, 2, 28)) == {articles.pk: 3}
    assert selectors_progress.records_in_period([articles], D(2026, 1, 1), D(2026, 1, 31)) == {articles.pk: 1}


def test_an_output_with_records_stays_counted_from_records(articles, manager):
    record(articles, 1)
    articles.counted_from = OutputIndicator.CountedFrom.REPORTS
    with pytest.raises(ValidationError) as error:
        services.output_indicator_save(output=articles, actor=manager)
    assert "counted_from" in error.value.message_dict


def test_targets_count_records_in_their_activitys_area_and_year(manager):
    province = factories.ProvinceFactory(name="Tỉnh P")
    district = factories.AreaFactory(name="Huyện D", level=Area.Level.DISTRICT, parent=province)
    indicator = factories.IndicatorFactory(code="articles")
    plan = factories.PlanFactory(area=province)
    in_district = factories.ActivityFactory(plan=plan, area=district)
    plan_wide = factories.ActivityFactory(plan=plan)  # no area: the plan's
    for activity, n in ((in_district, 1), (plan_wide, 2)):
        output = factories.OutputIndicatorFactory(activity=activity, indicator=indicator, counted_from=RECORDS)
        record(output, n, quantity=n)
    record(OutputIndicator.objects.filter(activity=in_district).get(), 9, on=D(2025, 5, 1))  # another year
    targets = [
        factories.TargetFactory(plan=plan, indicator=indicator, area=district, year=2026, planned_value=2),
        factories.TargetFactory(plan=plan, indicator=indicator, area=province, year=2026, planned_value=6),
    ]
    selectors_progress.targets_with_actuals(targets)
    assert [(t.actual, t.percent) for t in targets] == [(1, 50), (3, 50)]


def test_the_activity_page_lists_records_at_a_constant_query_count(
    client, activity, articles, manager, django_assert_max_num_queries
):
    from tests.tracker.work.test_views_work import DETAIL_QUERIES

    for n in range(12):
        record(articles, n, on=D(2026, 1, 1) + datetime.timedelta(days=n))
    client.force_login(manager)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("tracker:activity_detail", args=[activity.pk]))
    records = response.context["records"]
    assert [r.title for r in records][:2] == ["Bài 11", "Bài 10"]  # newest first
    page = response.content.decode()
    assert 'href="/chien-dich/bai-3/"' in page and "04/01/2026" in page


def test_the_task_page_shows_what_the_records_count(client, activity, articles, unit_a, officer_a):
    task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=D(2026, 6, 30))
    record(articles, 1, quantity=2)
    client.force_login(officer_a)
    page = client.get(reverse("tracker:task_detail", args=[task.pk])).content.decode()
    assert f'data-achieved="{articles.pk}">2<' in page


def test_unit_officers_of_other_units_do_not_see_the_records(client, activity, articles, unit_b):
    record(articles, 1)
    officer = factories.UserFactory(unit=unit_b, role=roles.UNIT_OFFICER)
    client.force_login(officer)
    assert client.get(reverse("tracker:activity_detail", args=[activity.pk])).status_code == 404
