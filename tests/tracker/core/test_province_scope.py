"""Province scope (issue 16): a DIC manager, finance officer and monitor read their province's
work — the province of their unit, with the provinces it took over — on every page, list,
export and API; a superuser and a reader whose unit has no area read every province.

The world: Tỉnh Lạng Sơn and Tỉnh Thanh Hóa each with a plan, an activity, a task of one of
their communes with a submitted report, a submitted register entry, an allocation with a
disbursement and a donation; Tỉnh Bắc Kạn (merged into Thái Nguyên in 2025) with a plan.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budgets import services as budget_services
from budgets.models import Donation
from tests import factories
from tests.budgets.factories import AllocationFactory
from tracker.core import permissions, roles
from tracker.models import Area, AreaSuccession, Plan, ProgressReport, RadioStation, RegisterEntry, TrainingCourse

pytestmark = pytest.mark.django_db


def _province(name: str) -> SimpleNamespace:
    """A province with a department (where its readers work), a commune and its committee, a
    plan covering the province, an activity and the commune's task with a submitted report."""
    province = factories.ProvinceFactory(name=name)
    commune = factories.AreaFactory(name=f"Xã Một {name}", parent=province)
    committee = factories.CommuneCommitteeFactory(name=f"UBND xã Một {name}", area=commune)
    department = factories.UnitFactory(name=f"Sở Khoa học và Công nghệ {name}", area=province)
    plan = factories.PlanFactory(title=f"Kế hoạch giảm nghèo về thông tin {name}", area=province)
    activity = factories.ActivityFactory(plan=plan, lead_unit=department, title=f"Tuyên truyền {name}")
    task = factories.TaskFactory(activity=activity, unit=committee, area=commune, deliverable=f"Loa {name}")
    report = factories.ProgressReportFactory(
        task=task,
        status=ProgressReport.Status.SUBMITTED,
        submitted_at=datetime.datetime(2026, 2, 3, 9, 0, tzinfo=datetime.UTC),
    )
    return SimpleNamespace(
        province=province,
        commune=commune,
        committee=committee,
        department=department,
        plan=plan,
        activity=activity,
        task=task,
        report=report,
        readers={
            role: factories.UserFactory(username=f"{role}.{province.pk}", unit=department, role=role)
            for role in (roles.DIC_MANAGER, roles.FINANCE_OFFICER, roles.MONITOR)
        },
    )


@pytest.fixture
def world(db):
    lang_son, thanh_hoa = _province("Tỉnh Lạng Sơn"), _province("Tỉnh Thanh Hóa")
    bac_kan = factories.ProvinceFactory(name="Tỉnh Bắc Kạn", valid_to=datetime.date(2025, 6, 30))
    thai_nguyen = factories.ProvinceFactory(name="Tỉnh Thái Nguyên")
    AreaSuccession.objects.create(predecessor=bac_kan, successor=thai_nguyen, took_over_on=datetime.date(2025, 7, 1))
    bac_kan_plan = factories.PlanFactory(title="Kế hoạch năm 2023 tỉnh Bắc Kạn", area=bac_kan)
    thai_nguyen_manager = factories.UserFactory(
        username="quanly.thainguyen",
        unit=factories.UnitFactory(name="Sở Khoa học và Công nghệ tỉnh Thái Nguyên", area=thai_nguyen),
        role=roles.DIC_MANAGER,
    )
    finance = factories.UserFactory(username="taichinh.trunguong", role=roles.FINANCE_OFFICER)
    for side in (lang_son, thanh_hoa):
        side.allocation = AllocationFactory(activity=side.activity, unit=side.committee, amount=10_000_000)
        budget_services.disbursement_record(
            allocation=side.allocation,
            amount=4_000_000,
            voucher_number=f"PC-{side.province.pk}",
            voucher_date=datetime.date(2026, 3, 1),
            actor=finance,
        )
        side.donation = Donation.objects.create(
            plan=side.plan,
            kind=Donation.Kind.CASH,
            donor=f"Doanh nghiệp {side.province.name}",
            donor_kind=Donation.DonorKind.ENTERPRISE,
            received_by=side.department,
            received_on=datetime.date(2026, 3, 2),
            amount=2_000_000,
            recorded_by=finance,
        )
        side.station = RadioStation.objects.create(commune=side.commune)
        side.entry = TrainingCourse.objects.create(
            activity=side.activity,
            task=side.task,
            unit=side.committee,
            title=f"Lớp tập huấn {side.province.name}",
            start_date=datetime.date(2026, 3, 2),
            end_date=datetime.date(2026, 3, 3),
            trainees_total=30,
            created_by=finance,
            status=RegisterEntry.Status.SUBMITTED,
            submitted_at=datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC),
        )
    return SimpleNamespace(
        lang_son=lang_son,
        thanh_hoa=thanh_hoa,
        bac_kan_plan=bac_kan_plan,
        thai_nguyen_manager=thai_nguyen_manager,
    )


def _manager(side):
    return side.readers[roles.DIC_MANAGER]


# --- The one scope, applied by every family's selector --------------------------------------


@pytest.mark.parametrize("role", [roles.DIC_MANAGER, roles.FINANCE_OFFICER, roles.MONITOR])
def test_each_reader_sees_the_work_of_their_own_province_only(world, role):
    user = world.lang_son.readers[role]
    assert list(permissions.plans_visible_to(user)) == [world.lang_son.plan]
    assert list(permissions.activities_visible_to(user)) == [world.lang_son.activity]
    assert list(permissions.tasks_visible_to(user)) == [world.lang_son.task]


def test_a_province_that_took_another_over_sees_its_plans(world):
    assert list(permissions.plans_visible_to(world.thai_nguyen_manager)) == [world.bac_kan_plan]


def test_a_superuser_and_a_manager_whose_unit_has_no_area_see_every_province(world):
    everyone = set(Plan.objects.values_list("pk", flat=True))
    superuser = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    central = factories.UserFactory(username="trunguong", unit=factories.UnitFactory(), role=roles.DIC_MANAGER)
    for user in (superuser, central):
        assert set(permissions.plans_visible_to(user).values_list("pk", flat=True)) == everyone


def test_a_plan_with_no_province_is_shared_by_every_province(world):
    ministry_plan = factories.PlanFactory(title="Kế hoạch của Bộ")  # no area; its issuer has none
    for side in (world.lang_son, world.thanh_hoa):
        assert ministry_plan in permissions.plans_visible_to(_manager(side))


# --- Pages, lists and exports ----------------------------------------------------------------


def _page(client, user, name, *args, **params) -> str:
    client.force_login(user)
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200, (name, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize(
    "name",
    ["tracker:plan_list", "tracker:board", "tracker:my_tasks", "tracker:due", "tracker:dashboard"],
)
def test_the_work_pages_list_the_managers_province_only(world, client, name):
    page = _page(client, _manager(world.lang_son), name)
    assert "Lạng Sơn" in page
    assert "Thanh Hóa" not in page


def test_the_review_queue_holds_the_reports_and_entries_of_the_province_only(world, client):
    client.force_login(_manager(world.lang_son))
    response = client.get(reverse("tracker:review_queue"))
    assert [report.pk for report in response.context["reports"]] == [world.lang_son.report.pk]
    assert [entry.pk for entry in response.context["entries"]] == [world.lang_son.entry.pk]


def test_the_api_lists_the_province_only(world, client):
    client.force_login(_manager(world.lang_son))
    for name in ("api:plan-list", "api:activity-list", "api:task-list", "api:progressreport-list"):
        body = client.get(reverse(name)).json()
        rows = body["results"] if isinstance(body, dict) else body
        assert len(rows) == 1, name


def test_the_money_pages_show_the_province_only(world, client):
    user = world.lang_son.readers[roles.FINANCE_OFFICER]
    for name in ("budgets:execution", "budgets:allocation_list", "budgets:donation_list"):
        page = _page(client, user, name)
        assert "Thanh Hóa" not in page, name
    client.force_login(user)
    response = client.get(reverse("budgets:allocation_list"))
    assert [a.pk for a in response.context["page"]] == [world.lang_son.allocation.pk]


def test_the_dashboard_counts_the_provinces_money_only(world, client):
    client.force_login(_manager(world.lang_son))
    total = client.get(reverse("tracker:dashboard")).context["page"].money_total
    assert (total.allocated, total.disbursed) == (10_000_000, 4_000_000)


def test_the_registers_and_stations_list_the_province_only(world, client):
    client.force_login(_manager(world.lang_son))
    courses = client.get(reverse("tracker:training_course_list")).context["page_obj"]
    assert [course.pk for course in courses] == [world.lang_son.entry.pk]
    stations = client.get(reverse("tracker:radio_station_list")).context["page_obj"]
    assert [station.pk for station in stations] == [world.lang_son.station.pk]


def test_a_search_finds_nothing_of_another_province(world, client):
    page = _page(client, _manager(world.lang_son), "tracker:plan_list", q="thanh hoa")
    assert "Kế hoạch giảm nghèo về thông tin Tỉnh Thanh Hóa" not in page


@pytest.mark.parametrize(
    "name, attribute",
    [
        ("tracker:plan_detail", "plan"),
        ("tracker:activity_detail", "activity"),
        ("tracker:task_detail", "task"),
        ("tracker:report_detail", "report"),
        ("budgets:allocation_detail", "allocation"),
        ("budgets:donation_detail", "donation"),
        ("tracker:radio_station_detail", "station"),
    ],
)
def test_another_provinces_object_pages_answer_404(world, client, name, attribute):
    client.force_login(_manager(world.lang_son))
    assert client.get(reverse(name, args=[getattr(world.thanh_hoa, attribute).pk])).status_code == 404
    assert client.get(reverse(name, args=[getattr(world.lang_son, attribute).pk])).status_code == 200


def test_a_whole_sub_project_report_covers_the_askers_province_only(world):
    from tracker.reports import data, services

    request = data.ReportRequest(
        kind="progress",
        period_type="year",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        issuer_id=world.lang_son.department.pk,
    )
    report = services.generated_report_request(actor=_manager(world.lang_son), request=request, language="vi")
    stored = data.ReportRequest.from_json(report.parameters)
    assert data.plans_in_scope(stored) == [world.lang_son.plan]
    # The other province's readers do not see it.
    from tracker.reports.permissions import reports_visible_to

    assert report in reports_visible_to(world.lang_son.readers[roles.MONITOR])
    assert report not in reports_visible_to(world.thanh_hoa.readers[roles.MONITOR])


# --- Query counts ------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "name", ["tracker:board", "tracker:plan_list", "tracker:review_queue", "tracker:due", "api:task-list"]
)
def test_a_province_managers_pages_take_the_same_queries_at_two_sizes(world, client, name):
    client.force_login(_manager(world.lang_son))
    url = reverse(name)
    small = _queries(client, url)
    for _ in range(3):
        _province(f"Tỉnh {Area.objects.count()}")
        extra = factories.ActivityFactory(plan=world.lang_son.plan, lead_unit=world.lang_son.department)
        factories.TaskFactory(activity=extra, unit=world.lang_son.committee, area=world.lang_son.commune)
    assert _queries(client, url) == small
