"""The national view (issue 16): the ministry's national monitor reads every province, sees
every province in force — with plans or without — and each one's progress by content type,
on-time reporting and disbursement rate, and drills down to a province's plans, read-only."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budgets import services as budget_services
from budgets.models import Allocation
from tests import factories
from tests.budgets.factories import AllocationFactory
from tracker.core import extensions, permissions, roles
from tracker.models import AreaSuccession, ProgressReport, ReportedQuantity, Task
from tracker.progress import services as progress_services

pytestmark = pytest.mark.django_db

SUBMITTED = datetime.datetime(2026, 2, 3, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def national(db):
    return factories.UserFactory(username="giamsat.bo", role=roles.NATIONAL_MONITOR)


def _province_with_work(name: str, *, finance, on_time: int, late: int, allocated: int, disbursed: int):
    province = factories.ProvinceFactory(name=name)
    commune = factories.AreaFactory(parent=province)
    unit = factories.CommuneCommitteeFactory(area=commune)
    plan = factories.PlanFactory(area=province, title=f"Kế hoạch {name}")
    activity = factories.ActivityFactory(plan=plan)
    output = factories.OutputIndicatorFactory(activity=activity, planned_quantity=10, unit_of_measure="đài")
    task = factories.TaskFactory(activity=activity, unit=unit, output_indicator=output, target_quantity=10)
    for number in range(on_time + late):
        start = datetime.date(2025, 1 + number, 1)
        due = start + datetime.timedelta(days=40)
        report = factories.ProgressReportFactory(
            task=task,
            period_start=start,
            period_end=start + datetime.timedelta(days=27),
            due_date=due if number < on_time else datetime.date(2024, 1, 1),
            status=ProgressReport.Status.ACCEPTED,
            submitted_at=SUBMITTED.replace(year=2025, month=1 + number),
        )
        if number == 0:
            ReportedQuantity.objects.create(report=report, output_indicator=output, quantity=4)
    allocation = AllocationFactory(activity=activity, unit=unit, amount=allocated)
    if disbursed:
        budget_services.disbursement_record(
            allocation=allocation,
            amount=disbursed,
            voucher_number=f"PC-{province.pk}",
            voucher_date=datetime.date(2026, 3, 1),
            actor=finance,
        )
    return province, plan


def _rows(response) -> dict:
    return {row.province.name if row.province else None: row for row in response.context["view"].rows}


def test_the_national_monitor_sees_every_province_with_its_figures(client, national, finance):
    lang_son, _plan = _province_with_work(
        "Tỉnh Lạng Sơn", finance=finance, on_time=3, late=1, allocated=10_000_000, disbursed=4_000_000
    )
    factories.ProvinceFactory(name="Tỉnh Cao Bằng")  # no plan yet
    client.force_login(national)
    response = client.get(reverse("tracker:national"))
    assert response.status_code == 200
    rows = _rows(response)
    assert list(rows) == ["Tỉnh Cao Bằng", "Tỉnh Lạng Sơn"]
    row = rows["Tỉnh Lạng Sơn"]
    assert (row.on_time_rate, row.disbursement_rate, len(row.plans)) == (75, 40, 1)
    assert [(label, percent) for label, percent, _n in row.by_type] == [(row.progress[0].label, 40)]
    assert not rows["Tỉnh Cao Bằng"].has_data
    page = response.content.decode()
    assert "Chưa có kế hoạch nào trong hệ thống" in page
    assert reverse("tracker:national_province", args=[lang_son.pk]) in page


def test_a_merged_province_counts_for_the_one_that_took_it_over(client, national, finance):
    bac_kan, _plan = _province_with_work(
        "Tỉnh Bắc Kạn", finance=finance, on_time=1, late=0, allocated=1_000_000, disbursed=0
    )
    bac_kan.valid_to = datetime.date(2025, 6, 30)
    bac_kan.save()
    thai_nguyen = factories.ProvinceFactory(name="Tỉnh Thái Nguyên")
    AreaSuccession.objects.create(predecessor=bac_kan, successor=thai_nguyen, took_over_on=datetime.date(2025, 7, 1))
    client.force_login(national)
    rows = _rows(client.get(reverse("tracker:national")))
    assert list(rows) == ["Tỉnh Thái Nguyên"]
    assert rows["Tỉnh Thái Nguyên"].plans[0].title == "Kế hoạch Tỉnh Bắc Kạn"


def test_the_drill_down_lists_the_provinces_plans_which_the_monitor_may_read_not_change(client, national, finance):
    province, plan = _province_with_work(
        "Tỉnh Lạng Sơn", finance=finance, on_time=1, late=0, allocated=1_000_000, disbursed=0
    )
    client.force_login(national)
    page = client.get(reverse("tracker:national_province", args=[province.pk])).content.decode()
    assert reverse("tracker:plan_detail", args=[plan.pk]) in page
    assert client.get(reverse("tracker:plan_detail", args=[plan.pk])).status_code == 200
    assert client.get(reverse("tracker:plan_edit", args=[plan.pk])).status_code == 403
    commune = factories.AreaFactory(parent=province)  # an area, but not a province
    assert client.get(reverse("tracker:national_province", args=[commune.pk])).status_code == 404


def test_the_national_monitor_reads_every_province_and_a_provinces_manager_not_the_national_view(
    client, national, finance
):
    _province_with_work("Tỉnh Lạng Sơn", finance=finance, on_time=1, late=0, allocated=1, disbursed=0)
    thanh_hoa, _plan = _province_with_work(
        "Tỉnh Thanh Hóa", finance=finance, on_time=1, late=0, allocated=1, disbursed=0
    )
    assert permissions.plans_visible_to(national).count() == 2
    manager = factories.UserFactory(
        username="quanly.thanhhoa", unit=factories.UnitFactory(area=thanh_hoa), role=roles.DIC_MANAGER
    )
    client.force_login(manager)
    assert client.get(reverse("tracker:national")).status_code == 403


def test_only_those_who_read_every_province_may_make_someone_a_national_monitor(national):
    from tracker.core.scope import grantable_roles

    province = factories.ProvinceFactory()
    provincial = factories.UserFactory(unit=factories.UnitFactory(area=province), role=roles.DIC_MANAGER)
    central = factories.UserFactory(role=roles.DIC_MANAGER)
    assert roles.NATIONAL_MONITOR not in grantable_roles(provincial)
    assert roles.NATIONAL_MONITOR in grantable_roles(central)


def test_without_money_the_page_has_no_disbursement_column(client, national):
    saved = extensions.reset()
    try:
        client.force_login(national)
        response = client.get(reverse("tracker:national"))
        assert not response.context["view"].money_available
        assert "Tỷ lệ giải ngân" not in response.content.decode()
    finally:
        extensions.restore(saved)


@pytest.mark.parametrize("provinces", [1, 6])
def test_the_national_view_costs_the_same_queries_at_two_sizes(
    client, national, finance, provinces, django_assert_max_num_queries
):
    for number in range(provinces):
        _province_with_work(f"Tỉnh Số {number}", finance=finance, on_time=2, late=1, allocated=10, disbursed=5)
    client.force_login(national)
    # session, user, roles, then the view's six: provinces, successions, plans, outputs,
    # reports' timeliness, money.
    with django_assert_max_num_queries(9):
        assert client.get(reverse("tracker:national")).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("tracker:national_province", args=[1])).status_code in (200, 404)


def test_the_countrys_totals_are_kept_and_a_submitted_report_or_money_written_shows_up(client, national, finance):
    """The reports' timeliness and the money by plan are counted over the whole country, so
    they are kept in the cache; a report submitted, a disbursement recorded or an allocation
    saved through the services shows up on the next visit."""
    url = reverse("tracker:national")
    _province, plan = _province_with_work(
        "Tỉnh Lạng Sơn", finance=finance, on_time=1, late=0, allocated=10_000_000, disbursed=0
    )
    client.force_login(national)
    row = _rows(client.get(url))["Tỉnh Lạng Sơn"]
    assert (row.reports_submitted, row.allocated, row.disbursed) == (1, 10_000_000, 0)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    read = " ".join(query["sql"] for query in queries.captured_queries)
    # Neither grouped query (over the reports, over the allocations): from the cache.
    assert 'FROM "tracker_progressreport"' not in read and 'FROM "budgets_allocation"' not in read

    task = Task.objects.get(activity__plan=plan)
    officer = factories.UserFactory(unit=task.unit, role=roles.UNIT_OFFICER)
    report = progress_services.progress_save_draft(
        task=task, period=factories.whole_period(task), actor=officer, percent_complete=50
    )
    assert _rows(client.get(url))["Tỉnh Lạng Sơn"].reports_submitted == 1  # a draft is not submitted
    progress_services.progress_submit(report=report, actor=officer)
    assert _rows(client.get(url))["Tỉnh Lạng Sơn"].reports_submitted == 2

    allocation = Allocation.objects.get(activity__plan=plan)
    budget_services.disbursement_record(
        allocation=allocation, amount=2_500_000, voucher_number="PC-2", voucher_date=SUBMITTED.date(), actor=finance
    )
    row = _rows(client.get(url))["Tỉnh Lạng Sơn"]
    assert (row.disbursed, row.disbursement_rate) == (2_500_000, 25)
    allocation.refresh_from_db()
    allocation.amount = 5_000_000
    budget_services.allocation_save(allocation=allocation, actor=finance)
    assert _rows(client.get(url))["Tỉnh Lạng Sơn"].disbursement_rate == 50
