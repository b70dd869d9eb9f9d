"""The dashboard: a unit officer's counts only their unit's work, a manager's the whole
sub-project; the figures are those of the database and each links to the list behind it; the
charts are accessible SVG; the page costs the same number of queries at two data sizes. Also
the shared chart in the periodic report, the period-bounded achieved figures, and the
read-only admin of generated reports."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone, translation

from budgets import services as budget_services
from budgets.models import Allocation
from tests import factories
from tests.budgets.factories import AllocationFactory, source
from tracker.core import extensions
from tracker.models import ActivityType, Area, OutputIndicator, OutputRecord
from tracker.outputs import selectors as selectors_progress
from tracker.reports import data as report_data
from tracker.reports.pdf import document_html

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
M = 1_000_000


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield
    translation.activate(settings.LANGUAGE_CODE)


def url(name, **params):
    return f"{reverse(name)}?{urlencode(params)}" if params else reverse(name)


@pytest.fixture
def areas(db):
    province = factories.ProvinceFactory(name="Tỉnh Lạng Sơn")
    district = factories.AreaFactory(name="Huyện Tràng Định", level=Area.Level.DISTRICT, parent=province)
    commune_a = factories.AreaFactory(name="Xã Đại Đồng", parent=district)
    commune_b = factories.AreaFactory(name="Xã Mẫu Sơn", parent=province)
    return province, district, commune_a, commune_b


def build(*, size, unit_a, unit_b, officer_a, manager, areas):
    """`size` plans, each with one activity (content type "outreach", output 10 articles)
    and three tasks:

    - unit A's, 4 articles, due 10 days ago, still open, its one report accepted (3 articles,
      sent late): an overdue task, a late report;
    - unit B's, 6 articles, due 5 days ago, no report: an overdue task and an overdue report;
    - unit A's, no quantity, due in 20 days: nothing due yet.

    Money: per plan, 1 M allocated to unit A (400 000 disbursed) and 3 M to unit B.
    """
    province, district, commune_a, commune_b = areas
    outreach = ActivityType.objects.get(code="outreach")
    dic = factories.UnitFactory(name="Sở Thông tin và Truyền thông")
    for _ in range(size):
        plan = factories.PlanFactory(period_start=TODAY - 300 * DAY, period_end=TODAY + 300 * DAY)
        activity = factories.ActivityFactory(
            plan=plan,
            lead_unit=dic,
            activity_type=outreach,
            start_date=TODAY - 100 * DAY,
            due_date=TODAY + 100 * DAY,
        )
        articles = factories.OutputIndicatorFactory(
            activity=activity, name="Tin bài", unit_of_measure="bài", planned_quantity=10
        )
        task_a = factories.TaskFactory(
            activity=activity,
            unit=unit_a,
            area=commune_a,
            output_indicator=articles,
            target_quantity=4,
            due_date=TODAY - 10 * DAY,
        )
        factories.TaskFactory(
            activity=activity,
            unit=unit_b,
            area=commune_b,
            output_indicator=articles,
            target_quantity=6,
            due_date=TODAY - 5 * DAY,
        )
        factories.TaskFactory(activity=activity, unit=unit_a, area=commune_a, due_date=TODAY + 20 * DAY)
        factories.accepted_report(task_a, officer=officer_a, manager=manager, quantities={articles: 3})
        factories.TaskCommentFactory(task=task_a, author=officer_a, body="Đã gửi báo cáo")
        allocation = AllocationFactory(activity=activity, unit=unit_a, amount=1 * M)
        budget_services.disbursement_record(
            allocation=allocation,
            amount=400_000,
            voucher_number="PC-01",
            voucher_date=TODAY - 3 * DAY,
            actor=manager,
        )
        AllocationFactory(activity=activity, unit=unit_b, amount=3 * M)
    return dic


@pytest.fixture
def world(unit_a, unit_b, officer_a, officer_b, manager, areas):
    build(size=1, unit_a=unit_a, unit_b=unit_b, officer_a=officer_a, manager=manager, areas=areas)


def page(client, user):
    client.force_login(user)
    response = client.get(reverse("tracker:dashboard"))
    assert response.status_code == 200
    return response


def rows(progress_rows):
    return [(row.label, row.unit_of_measure, row.planned, row.achieved, row.percent) for row in progress_rows]


# --- Who sees what ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(reverse("tracker:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('tracker:dashboard')}"


def test_a_cms_editor_has_no_dashboard_and_the_front_door_is_the_cms(client, editor):
    client.force_login(editor)
    assert client.get(reverse("tracker:dashboard")).status_code == 403
    assert client.get(reverse("tracker:home"))["Location"] == reverse("wagtailadmin_home")


def test_without_the_cms_a_user_without_a_tracker_role_is_sent_to_the_board(client, editor):
    client.force_login(editor)
    saved = extensions.reset()  # as without budgets and cms
    try:
        location = client.get(reverse("tracker:home"))["Location"]
    finally:
        extensions.restore(saved)
    assert location == reverse("tracker:board")


def test_the_front_door_is_the_dashboard_with_its_item_first_in_the_menu(client, manager):
    client.force_login(manager)
    assert client.get(reverse("tracker:home"))["Location"] == reverse("tracker:dashboard")
    html = client.get(reverse("tracker:dashboard")).content.decode()
    nav = html[html.index('class="mainnav"') :]
    assert nav.index('class="nav-dashboard"') < nav.index(reverse("tracker:board"))


def test_a_unit_officer_counts_only_their_units_work(client, world, officer_a, unit_a, areas):
    province, district, commune_a, _commune_b = areas
    dashboard = page(client, officer_a).context["page"]
    assert dashboard.whole is False
    assert dashboard.unit == unit_a
    # Unit B's overdue task and missing report are not theirs.
    assert dashboard.overdue_task_count == 1
    assert [task.unit for task in dashboard.overdue_tasks] == [unit_a]
    assert dashboard.overdue_report_count == 0
    assert [(r.unit, r.on_time, r.late, r.missing) for r in dashboard.reporting] == [(unit_a, 0, 1, 0)]
    assert dashboard.reporting_total.percent_on_time == 0
    assert dashboard.reporting_total.percent_reported == 100
    # Their tasks' target quantity (4) and what they reported (3), not the activity's 10.
    outreach = ActivityType.objects.get(code="outreach")
    assert rows(dashboard.by_type) == [(outreach.name, "bài", 4, 3, 75)]
    assert rows(dashboard.by_area) == [
        ("Tỉnh Lạng Sơn", "bài", 4, 3, 75),
        ("Huyện Tràng Định", "bài", 4, 3, 75),
    ]
    # Only the money allocated to unit A.
    assert [(m.source, m.allocated, m.disbursed, m.rate) for m in dashboard.money] == [
        (source().name, 1 * M, 400_000, 40)
    ]


def test_a_manager_sees_the_whole_sub_project(client, world, manager, unit_a, unit_b, areas):
    dashboard = page(client, manager).context["page"]
    assert dashboard.whole is True
    assert dashboard.overdue_task_count == 2
    assert dashboard.overdue_report_count == 1
    assert [item.unit for item in dashboard.overdue_reports] == [unit_b]
    assert [item.days_overdue for item in dashboard.overdue_reports] == [5]
    assert [(r.unit, r.missing) for r in dashboard.not_reported] == [(unit_b, 1)]
    assert [(r.unit, r.on_time, r.late, r.missing) for r in dashboard.reporting] == [
        (unit_b, 0, 0, 1),
        (unit_a, 0, 1, 0),
    ]
    outreach = ActivityType.objects.get(code="outreach")
    # The activity's output: 10 planned, 3 accepted.
    assert rows(dashboard.by_type) == [(outreach.name, "bài", 10, 3, 30)]
    assert rows(dashboard.by_area) == [
        ("Tỉnh Lạng Sơn", "bài", 10, 3, 30),
        ("Huyện Tràng Định", "bài", 4, 3, 75),
        ("Xã Mẫu Sơn", "bài", 6, 0, 0),
    ]
    assert (dashboard.money_total.allocated, dashboard.money_total.disbursed) == (4 * M, 400_000)
    assert dashboard.money_total.rate == 10
    kinds = [event.kind for event in dashboard.recent]
    assert {"accepted", "comment", "task"} <= set(kinds)


def test_the_first_screen_says_what_is_late_who_has_not_reported_and_how_much_is_disbursed(client, world, manager):
    html = page(client, manager).content.decode()
    assert '<a href="/due/" id="count-overdue-reports"><span class="count-value">1</span>' in html.replace(
        reverse("tracker:due"), "/due/"
    )
    assert 'id="count-units-missing"><span class="count-value">1</span>' in html
    assert 'id="count-disbursed"><span class="count-value">10%</span>' in html
    assert "400.000 đ" in html and "4.000.000 đ" in html


def test_figures_equal_the_database(client, world, manager):
    dashboard = page(client, manager).context["page"]
    money = Allocation.objects.aggregate(allocated=Sum("amount"), disbursed=Sum("disbursed"))
    assert (dashboard.money_total.allocated, dashboard.money_total.disbursed) == (
        money["allocated"],
        money["disbursed"],
    )
    outputs = selectors_progress.outputs_with_achieved(OutputIndicator.objects.all())
    assert sum(row.planned for row in dashboard.by_type) == sum(o.planned_quantity for o in outputs)
    assert sum(row.achieved for row in dashboard.by_type) == sum(o.achieved for o in outputs)


def test_every_figure_links_to_the_list_behind_it(client, world, manager, unit_b, areas):
    province, district, _commune_a, commune_b = areas
    outreach = ActivityType.objects.get(code="outreach")
    html = page(client, manager).content.decode()
    for href in (
        url("tracker:due"),
        url("tracker:timeliness"),
        url("tracker:due", unit=unit_b.pk),
        url("tracker:board", activity_type=outreach.pk),
        url("tracker:board", area=province.pk),
        url("tracker:board", area=district.pk),
        url("tracker:board", area=commune_b.pk),
        url("budgets:execution"),
        url("budgets:execution", funding_source=source().pk),
    ):
        assert f'href="{href}"' in html, href
    # The lists behind the links answer.
    client.force_login(manager)
    for href in (url("tracker:board", activity_type=outreach.pk), url("tracker:board", area=district.pk)):
        assert client.get(href).status_code == 200


def test_the_charts_are_accessible_svg_with_every_figure_in_words(client, world, manager):
    html = page(client, manager).content.decode()
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-progress-type"')
    root = ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])
    assert root.get("role") == "img"
    assert root.get("aria-label") == root.find(f"{SVG}title").text == "Progress by content type"
    description = root.find(f"{SVG}desc").text
    assert "planned 10 bài, achieved 3, 30% of plan" in description
    assert all(element.get("style") is None for element in root.iter())
    # Each row links to the board filtered by its content type: from a list under the chart,
    # not from inside the image (an element with role="img" holds nothing interactive).
    outreach = ActivityType.objects.get(code="outreach")
    assert list(root.iter(f"{SVG}a")) == []
    after = html[html.index("</svg>", start) :]
    links = after[: after.index("</ul>") + len("</ul>")]
    assert links.startswith('</svg><ul class="chart-links" aria-label="Progress by content type">')
    assert f'<a href="{url("tracker:board", activity_type=outreach.pk)}">' in links
    for chart_id in ("chart-money-source", "chart-reporting-unit"):
        assert f'id="{chart_id}"' in html


@pytest.mark.parametrize("size", [1, 5])
def test_the_managers_dashboard_costs_the_same_queries_at_two_sizes(
    client, unit_a, unit_b, officer_a, manager, areas, size, django_assert_max_num_queries
):
    build(size=size, unit_a=unit_a, unit_b=unit_b, officer_a=officer_a, manager=manager, areas=areas)
    client.force_login(manager)
    # session, user, roles; expected reports: tasks, rules, reports (the rules' members only
    # when a plan has rules); overdue tasks; tasks with quantities; outputs; money; areas;
    # recent: reports, comments, task history = 14; the reports units send under the rules:
    # rules, members, lead units and units with tasks, reports sent = 18.
    with django_assert_max_num_queries(18):
        response = client.get(reverse("tracker:dashboard"))
    assert response.context["page"].overdue_task_count == 2 * size


@pytest.mark.parametrize("size", [1, 5])
def test_the_officers_dashboard_costs_the_same_queries_at_two_sizes(
    client, unit_a, unit_b, officer_a, manager, areas, size, django_assert_max_num_queries
):
    build(size=size, unit_a=unit_a, unit_b=unit_b, officer_a=officer_a, manager=manager, areas=areas)
    client.force_login(officer_a)
    # As the manager's, less the outputs (a unit's progress is read from its tasks), plus the
    # officer's unit (the page's heading) = 14, and the four of the reports sent under the
    # rules = 18.
    with django_assert_max_num_queries(18):
        response = client.get(reverse("tracker:dashboard"))
    assert response.context["page"].overdue_task_count == size


# --- Achieved in a period, and the chart in the periodic report --------------------------------


def test_achieved_in_a_period_counts_reports_by_period_end_and_records_by_date(world, manager):
    articles = OutputIndicator.objects.get()
    records = factories.OutputIndicatorFactory(
        activity=articles.activity, unit_of_measure="bài", planned_quantity=5, counted_from="records"
    )
    OutputRecord.objects.create(
        output_indicator=records, title="Bài 1", quantity=2, achieved_on=TODAY - 40 * DAY, source="cms.article:1"
    )
    OutputRecord.objects.create(
        output_indicator=records, title="Bài 2", quantity=1, achieved_on=TODAY - 400 * DAY, source="cms.article:2"
    )
    queryset = selectors_progress.annotate_achieved_in_period(
        OutputIndicator.objects.order_by("pk"), TODAY - 60 * DAY, TODAY
    )
    assert [(o.achieved_in_period_reported, o.achieved_in_period_records) for o in queryset] == [(3, 0), (0, 2)]
    # The report's period of the accepted report ends 10 days ago: outside a window before it.
    before = selectors_progress.annotate_achieved_in_period(
        OutputIndicator.objects.order_by("pk"), None, TODAY - 11 * DAY, name="before"
    )
    assert [o.before for o in before] == [0, 3]


def test_the_periodic_report_shows_the_progress_chart(world, manager):
    plan = OutputIndicator.objects.get().activity.plan
    request = report_data.ReportRequest(
        kind="progress",
        period_type="custom",
        period_start=TODAY - 200 * DAY,
        period_end=TODAY,
        plan_id=plan.pk,
        issuer_id=plan.issuer_id,
        document_date=TODAY,
        place="Lạng Sơn",
    )
    snapshot = report_data.build_snapshot(request, today=TODAY)
    outreach = ActivityType.objects.get(code="outreach")
    assert snapshot["body"]["progress_by_type"] == [
        {
            "type": outreach.name,
            "indicator": "Tin bài",
            "unit_of_measure": "bài",
            "planned": 10,
            "to_date": 3,
            "percent": 30,
        }
    ]
    html = str(document_html(snapshot))
    start = html.index("<svg")
    root = ET.fromstring(html[start : html.index("</svg>", start) + len("</svg>")])
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Tỷ lệ thực hiện so với kế hoạch theo loại nội dung"
    assert "kế hoạch 10 bài, lũy kế 3, đạt 30%" in root.find(f"{SVG}desc").text
    assert "Liberation Serif" in root.get("font-family")


# --- The admin of generated reports -----------------------------------------------------------


def test_generated_reports_are_read_only_in_the_admin(client, manager):
    from tracker.models import GeneratedReport

    report = GeneratedReport.objects.create(
        kind=GeneratedReport.Kind.PROGRESS,
        period_type=GeneratedReport.PeriodType.YEAR,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        created_by=manager,
        pdf_sha256="a" * 64,
        xlsx_sha256="b" * 64,
        title="Báo cáo kết quả năm 2026",
    )
    admin = factories.UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = client.get(reverse("admin:tracker_generatedreport_changelist"))
    assert changelist.status_code == 200
    assert "Báo cáo kết quả năm 2026" in changelist.content.decode()
    assert client.get(reverse("admin:tracker_generatedreport_add")).status_code == 403
    detail = client.get(reverse("admin:tracker_generatedreport_change", args=[report.pk]))
    assert detail.status_code == 200
    assert "a" * 64 in detail.content.decode() and "b" * 64 in detail.content.decode()
    response = client.post(reverse("admin:tracker_generatedreport_delete", args=[report.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert GeneratedReport.objects.filter(pk=report.pk).exists()
