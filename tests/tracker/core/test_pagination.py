"""Pages sized for people (issue 16, part 3): the due page, the review queue and the budget
execution tables come a page at a time, their links keep the filters (and the other lists'
pages), the totals count every row, and a page costs the same queries at two data sizes."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from tests import factories
from tests.budgets.factories import approved_estimate, source
from tests.budgets.test_execution import allocate
from tracker.core.pagination import paginate
from tracker.due.views import DUE_UNITS_PER_PAGE
from tracker.models import Area, ProgressReport
from tracker.progress.views import REVIEW_PAGE_SIZE

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 5, 15)


def test_a_page_link_keeps_the_other_parameters_and_drops_its_own():
    request = RequestFactory().get("/", {"unit": "7", "page": "2", "entries": "3"})
    paged = paginate(request, list(range(120)), 50)
    assert (paged.page.number, list(paged.page)[:2], paged.param) == (2, [50, 51], "page")
    assert paged.query == "unit=7&entries=3"
    # Past the end: the last page; not a number: the first.
    assert paginate(RequestFactory().get("/", {"page": "99"}), list(range(120)), 50).page.number == 3
    assert paginate(RequestFactory().get("/", {"page": "x"}), list(range(120)), 50).page.number == 1


def _links(page: str) -> list[str]:
    nav = re.search(r'<nav class="pagination".*?</nav>', page, re.S)
    return re.findall(r'href="([^"]+)"', nav.group(0)) if nav else []


def _overdue_tasks(count: int) -> None:
    """`count` units, each with an overdue task of an issued plan."""
    plan = factories.PlanFactory()
    activity = factories.ActivityFactory(plan=plan)
    for number in range(count):
        unit = factories.CommuneCommitteeFactory(name=f"UBND xã Số {number:03d}")
        factories.TaskFactory(activity=activity, unit=unit, due_date=datetime.date(2026, 1, 31))


def test_the_due_page_shows_twenty_units_a_page_and_counts_them_all(manager_client):
    _overdue_tasks(DUE_UNITS_PER_PAGE + 5)
    response = manager_client.get(reverse("tracker:due"))
    assert len(response.context["sections"].page.object_list) == DUE_UNITS_PER_PAGE
    assert response.context["page"].totals["overdue_tasks"] == DUE_UNITS_PER_PAGE + 5
    assert _links(response.content.decode()) == ["?page=2"]
    second = manager_client.get(reverse("tracker:due"), {"page": 2})
    assert len(second.context["sections"].page.object_list) == 5


@pytest.mark.parametrize("size", [3, 30])
def test_the_due_page_costs_the_same_queries_at_two_sizes(manager_client, size, django_assert_max_num_queries):
    _overdue_tasks(size)
    # session, user, roles, then the due page's own ten (tracker.due.selectors.due_page) and
    # the navigation's badge.
    with django_assert_max_num_queries(15):
        assert manager_client.get(reverse("tracker:due")).status_code == 200


def _submitted_reports(count: int, officer, unit) -> None:
    activity = factories.ActivityFactory()
    task = factories.TaskFactory(activity=activity, unit=unit)
    for number in range(count):
        start = datetime.date(2020, 1, 1) + datetime.timedelta(days=31 * number)
        factories.ProgressReportFactory(
            task=task,
            created_by=officer,
            period_start=start,
            period_end=start + datetime.timedelta(days=27),
            due_date=start + datetime.timedelta(days=35),
            status=ProgressReport.Status.SUBMITTED,
            submitted_by=officer,
            submitted_at=datetime.datetime(2026, 2, 3, 9, 0, tzinfo=datetime.UTC),
        )


def test_the_review_queue_comes_a_page_at_a_time_keeping_the_other_lists_page(manager_client, officer_a, unit_a):
    _submitted_reports(REVIEW_PAGE_SIZE + 2, officer_a, unit_a)
    response = manager_client.get(reverse("tracker:review_queue"), {"entries": "1"})
    assert len(response.context["reports"].object_list) == REVIEW_PAGE_SIZE
    assert _links(response.content.decode()) == ["?entries=1&amp;page=2"]
    second = manager_client.get(reverse("tracker:review_queue"), {"page": "2"})
    assert len(second.context["reports"].object_list) == 2


@pytest.mark.parametrize("size", [2, REVIEW_PAGE_SIZE + 5])
def test_the_review_queue_costs_the_same_queries_at_two_sizes(
    manager_client, officer_a, unit_a, size, django_assert_max_num_queries
):
    _submitted_reports(size, officer_a, unit_a)
    # session, user, roles, the reports' count and page, the entries' count (none to show).
    with django_assert_max_num_queries(7):
        response = manager_client.get(reverse("tracker:review_queue"))
    assert response.context["reports"].paginator.count == size


def _allocations(size: int, finance) -> None:
    """`size` units in communes of their own districts, each with an allocation (as
    tests/budgets/test_execution.py grows its world)."""
    province = factories.ProvinceFactory()
    for number in range(size):
        district = factories.AreaFactory(level=Area.Level.DISTRICT, parent=province)
        unit = factories.CommuneCommitteeFactory(area=factories.AreaFactory(parent=district))
        activity = factories.ActivityFactory(plan=factories.PlanFactory())
        approved_estimate(activity=activity, year=2026, amount=10_000_000, funding_source=source(), unit=unit)
        allocate(activity, unit, 10_000_000, year=2026, disbursed=(number + 1) * 100_000, actor=finance)


@pytest.mark.parametrize("size", [3, 60])
def test_the_execution_tables_come_fifty_rows_a_page_with_the_same_queries(
    client, manager, finance, size, django_assert_max_num_queries
):
    from tests.budgets.test_execution import EXECUTION_QUERIES

    _allocations(size, finance)
    client.force_login(manager)
    with django_assert_max_num_queries(EXECUTION_QUERIES):
        response = client.get(reverse("budgets:execution"), {"year": "", "area_page": "2"})
    sections = dict((table.name, rows) for table, rows in response.context["sections"])
    units = sections["unit"].page
    assert units.paginator.count == size and len(units.object_list) == min(size, 50)
    # The unit table's total still counts every unit.
    table = next(table for table, _rows in response.context["sections"] if table.name == "unit")
    assert table.total.allocated == sum(row.allocated for row in table.rows)
    if size > 50:
        assert "?year=&amp;area_page=2&amp;unit_page=2" in response.content.decode()
