"""The dashboard at national scale (issue 16): the ministry's national monitor sees the country
rolled up by province — not a row per unit of the country — with links down to each province's
page; those figures (counted over every expected report) are cached and counted again after any
service changes the expected reports; a DIC manager still sees only their province's units; the
page costs the same number of queries at two data sizes for every persona."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from budgets import services as budget_services
from tests import factories
from tests.budgets.factories import AllocationFactory
from tracker.core import roles
from tracker.documents import services as document_services
from tracker.models import Obligation, Progress, Task
from tracker.work import services as work_services

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def _province(name: str, *, units: int, plans: int = 1) -> SimpleNamespace:
    """A province with a department (its manager's unit) and `units` communes, each with a task
    due five days ago and no report (one missing report each) in each of `plans` plans."""
    province = factories.ProvinceFactory(name=name)
    department = factories.UnitFactory(name=f"Sở Khoa học và Công nghệ {name}", area=province)
    committees, tasks, plan_list = [], [], []
    for number in range(units):
        commune = factories.AreaFactory(name=f"Xã {number + 1} {name}", parent=province)
        committees.append(factories.CommuneCommitteeFactory(name=f"UBND xã {number + 1} {name}", area=commune))
    for _ in range(plans):
        plan = factories.PlanFactory(area=province, period_start=TODAY - 300 * DAY, period_end=TODAY + 300 * DAY)
        activity = factories.ActivityFactory(plan=plan, lead_unit=department)
        plan_list.append(plan)
        for committee in committees:
            tasks.append(
                factories.TaskFactory(activity=activity, unit=committee, area=committee.area, due_date=TODAY - 5 * DAY)
            )
    manager = factories.UserFactory(username=f"quanly.{province.pk}", unit=department, role=roles.DIC_MANAGER)
    return SimpleNamespace(province=province, committees=committees, tasks=tasks, plans=plan_list, manager=manager)


@pytest.fixture
def national(db):
    return factories.UserFactory(username="giamsat.bo", role=roles.NATIONAL_MONITOR)


@pytest.fixture
def country(db):
    return SimpleNamespace(lang_son=_province("Tỉnh Lạng Sơn", units=2), thanh_hoa=_province("Tỉnh Thanh Hóa", units=1))


def _dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("tracker:dashboard"))
    assert response.status_code == 200
    return response


def _by_province(page) -> list[tuple]:
    return [(row.label, row.missing, row.units_missing, row.href) for row in page.reporting]


def test_the_national_monitor_sees_the_country_by_province_with_links_to_each(client, country, national):
    response = _dashboard(client, national)
    page = response.context["page"]
    assert page.national is True
    lang_son, thanh_hoa = country.lang_son.province, country.thanh_hoa.province
    expected = [
        ("Tỉnh Lạng Sơn", 2, 2, reverse("tracker:national_province", args=[lang_son.pk])),
        ("Tỉnh Thanh Hóa", 1, 1, reverse("tracker:national_province", args=[thanh_hoa.pk])),
    ]
    assert _by_province(page) == expected
    assert [row.label for row in page.not_reported] == ["Tỉnh Lạng Sơn", "Tỉnh Thanh Hóa"]
    assert (page.overdue_report_count, page.units_missing) == (3, 3)
    html = response.content.decode()
    assert 'id="reporting-by-province"' in html and 'id="provinces-missing"' in html
    assert 'id="reporting-by-unit"' not in html and 'id="units-missing"' not in html
    for _label, _missing, _units, href in expected:
        assert f'href="{href}"' in html
    # Progress by area: the provinces, not the communes under them.
    assert all(row.level in ("province", "") for row in page.by_area)


def test_a_manager_still_sees_the_units_of_their_own_province_only(client, country):
    page = _dashboard(client, country.lang_son.manager).context["page"]
    assert page.national is False
    assert [(row.unit.pk, row.missing) for row in page.reporting] == [
        (committee.pk, 1) for committee in country.lang_son.committees
    ]
    assert page.overdue_report_count == 2
    assert {item.unit.pk for item in page.overdue_reports} == {c.pk for c in country.lang_son.committees}


def test_the_national_figures_are_cached_until_a_service_changes_the_expected_reports(client, country, national):
    assert _dashboard(client, national).context["page"].overdue_report_count == 3
    # A change made past the services is not seen: the figures came from the cache.
    Obligation.objects.filter(unit=country.thanh_hoa.committees[0]).update(state=Obligation.State.ACCEPTED)
    page = _dashboard(client, national).context["page"]
    assert page.overdue_report_count == 3
    assert [item.unit.pk for item in page.overdue_reports if item.unit.pk == country.thanh_hoa.committees[0].pk]
    # A service that changes the expected reports (a task cancelled) counts them again.
    work_services.task_cancel(task=country.lang_son.tasks[0], actor=country.lang_son.manager)
    page = _dashboard(client, national).context["page"]
    # Lạng Sơn's other unit still owes its report; Thanh Hóa's (set by hand) is now seen in.
    assert [(label, missing, units) for label, missing, units, _href in _by_province(page)] == [
        ("Tỉnh Lạng Sơn", 1, 1),
        ("Tỉnh Thanh Hóa", 0, 0),
    ]
    assert page.overdue_report_count == 1
    assert {item.unit.pk for item in page.overdue_reports} == {country.lang_son.committees[1].pk}


def test_closing_a_plan_counts_the_national_figures_again(client, country, national):
    assert _dashboard(client, national).context["page"].overdue_report_count == 3
    document_services.plan_close(plan=country.thanh_hoa.plans[0], actor=country.thanh_hoa.manager)
    page = _dashboard(client, national).context["page"]
    assert [row.label for row in page.reporting] == ["Tỉnh Lạng Sơn"]
    assert page.overdue_report_count == 2


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize("persona", ["national", "manager"])
def test_the_dashboard_costs_the_same_queries_at_two_sizes_by_province(
    client, national, size, persona, django_assert_max_num_queries
):
    """`size` plans per province, `size` + 1 communes each. National monitor, on an empty
    cache: session, user, roles; the first overdue reports' ids and objects; the counts per
    plan and unit, the provinces, the successions, the plans' areas; overdue tasks and their
    count; tasks with quantities; outputs; money; recent: reports, comments, task history =
    17. A manager: the province's plans (its area, then its plans), no provinces or plans'
    areas = 18 at most (as tests/tracker/dashboard/test_dashboard.py)."""
    first = _province("Tỉnh Lạng Sơn", units=size + 1, plans=size)
    _province("Tỉnh Thanh Hóa", units=size + 1, plans=size)
    client.force_login(national if persona == "national" else first.manager)
    with django_assert_max_num_queries(18):
        response = client.get(reverse("tracker:dashboard"))
    page = response.context["page"]
    assert page.overdue_report_count == (2 if persona == "national" else 1) * size * (size + 1)


def test_the_national_overdue_tasks_and_money_are_kept_until_a_service_changes_them(client, country, national, finance):
    """The overdue tasks' count and the money by source are counted over the whole country, so
    kept in the cache: a change past the services is not seen, the next change through them
    (a task cancelled, a disbursement recorded) counts them again."""
    page = _dashboard(client, national).context["page"]
    assert (page.overdue_task_count, page.money_total.allocated) == (3, 0)
    completed = country.thanh_hoa.tasks[0]
    Task.objects.filter(pk=completed.pk).update(status=Progress.COMPLETED, completed_on=TODAY)  # past the services
    allocation = AllocationFactory(activity=completed.activity, unit=completed.unit, amount=1_000_000)
    page = _dashboard(client, national).context["page"]
    assert (page.overdue_task_count, page.money_total.allocated) == (3, 0)
    work_services.task_cancel(task=country.lang_son.tasks[0], actor=country.lang_son.manager)
    assert _dashboard(client, national).context["page"].overdue_task_count == 1
    budget_services.disbursement_record(
        allocation=allocation, amount=400_000, voucher_number="PC-1", voucher_date=TODAY, actor=finance
    )
    total = _dashboard(client, national).context["page"].money_total
    assert (total.allocated, total.disbursed) == (1_000_000, 400_000)
