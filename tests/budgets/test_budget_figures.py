"""The budget figures on the tracker's activity and plan pages: drawn by the panels budgets
registers in tracker.core.extensions (the tracker imports nothing from budgets) and by budgets'
own template tags, as the signed-in user may see them, in one query whatever the number of
allocations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.budgets.factories import approved_estimate, source
from tests.budgets.test_execution import M, allocate, build_world
from tests.tracker.documents.test_views_documents import PLAN_DETAIL_QUERIES
from tests.tracker.work.test_views_work import DETAIL_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(unit_a, unit_b, finance):
    """As on the execution page's tests: plan 146/KH-UBND's outreach (unit A 80 M of 100 M
    approved, 50 M paid; a village team 20 M) and radio (unit B, the newspaper)."""
    return build_world(unit_a, unit_b, finance)


def get(client, user, name, pk):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 200
    return response


def card_of(response):
    """The card as rendered: the figures the template tag put in the page's context."""
    cards = [context["card"] for context in response.context if "card" in context and context["card"] is not None]
    assert len(cards) == 1
    return cards[0]


def rows(card) -> list[tuple]:
    return [(row.label, row.approved, row.allocated, row.disbursed, row.rate) for row in card.rows]


def test_the_activity_page_shows_its_budget_by_source(client, manager, world):
    response = get(client, manager, "tracker:activity_detail", world.outreach.pk)
    card = card_of(response)
    assert rows(card) == [("Ngân sách trung ương (vốn sự nghiệp)", 100 * M, 100 * M, 50 * M, Decimal("50.0"))]
    content = response.content.decode()
    assert '<h2 id="budget-heading">Budget</h2>' in content
    assert "100.000.000 đ" in content and "50%" in content
    allocation_list = reverse("budgets:allocation_list")
    assert f'href="{allocation_list}?activity={world.outreach.pk}&amp;funding_source={source().pk}"' in content
    assert f'href="{reverse("budgets:execution")}?plan={world.plan.pk}"' in content
    assert "style=" not in content


def test_the_plan_page_shows_the_budget_of_all_its_activities(client, monitor, world):
    card = card_of(get(client, monitor, "tracker:plan_detail", world.plan.pk))
    assert rows(card) == [
        ("Ngân sách trung ương (vốn sự nghiệp)", 100 * M, 100 * M, 50 * M, Decimal("50.0")),
        ("Ngân sách địa phương (đối ứng)", 50 * M, 60 * M, 15 * M, Decimal("25.0")),
    ]
    assert (card.total.approved, card.total.allocated, card.total.disbursed) == (150 * M, 160 * M, 65 * M)
    assert card.total.query == f"plan={world.plan.pk}"


def test_a_unit_officer_sees_only_their_units_figures(client, officer_a, world):
    # The village team's 20 M of the same activity is not unit A's business.
    response = get(client, officer_a, "tracker:activity_detail", world.outreach.pk)
    assert rows(card_of(response)) == [
        ("Ngân sách trung ương (vốn sự nghiệp)", 100 * M, 80 * M, 50 * M, Decimal("62.5"))
    ]
    assert "estimates and allocations only." in response.content.decode()
    plan_card = card_of(get(client, officer_a, "tracker:plan_detail", world.plan.pk))
    assert (plan_card.total.approved, plan_card.total.allocated) == (100 * M, 80 * M)


def test_an_activity_without_money_says_so(client, manager):
    activity = factories.ActivityFactory()
    response = get(client, manager, "tracker:activity_detail", activity.pk)
    assert card_of(response).rows == []
    content = response.content.decode()
    assert "No approved estimate or allocation for this activity yet." in content
    # Nothing to list: no link to an allocation list that would be empty.
    assert reverse("budgets:allocation_list") not in content


def test_someone_for_whom_budgets_are_no_business_gets_no_card_and_no_query(editor, world):
    template = Template("{% load budget_figures %}[{% activity_budget activity %}]")
    request = RequestFactory().get("/")
    request.user = editor
    with CaptureQueriesContext(connection) as queries:
        rendered = template.render(Context({"request": request, "activity": world.outreach}))
    assert rendered.strip() == "[]"
    assert [query["sql"] for query in queries if "budgets_" in query["sql"]] == []


# --- Constant query counts (the tracker pages' own counts include the card's one query) --------


def _fill(activity, size: int, finance) -> None:
    """`size` allocations of the activity, each to another unit, alternating two sources."""
    for number in range(size):
        code = ("central_budget", "local_budget")[number % 2]
        unit = factories.CommuneCommitteeFactory()
        approved_estimate(activity=activity, year=2026, amount=10 * M, funding_source=source(code), unit=unit)
        allocate(activity, unit, 10 * M, code=code, disbursed=M, actor=finance)


@pytest.mark.parametrize("size", [2, 20])
def test_the_activity_page_costs_the_same_queries_whatever_its_budget(
    client, manager, finance, size, django_assert_max_num_queries
):
    activity = factories.ActivityFactory()
    _fill(activity, size, finance)
    client.force_login(manager)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("tracker:activity_detail", args=[activity.pk]))
    assert card_of(response).total.allocated == size * 10 * M


@pytest.mark.parametrize("size", [2, 20])
def test_the_plan_page_costs_the_same_queries_whatever_its_budget(
    client, manager, finance, size, django_assert_max_num_queries
):
    plan = factories.PlanFactory()
    for _number in range(2):
        _fill(factories.ActivityFactory(plan=plan), size, finance)
    client.force_login(manager)
    with django_assert_max_num_queries(PLAN_DETAIL_QUERIES):
        response = client.get(reverse("tracker:plan_detail", args=[plan.pk]))
    assert card_of(response).total.allocated == 2 * size * 10 * M


@pytest.mark.parametrize("size", [2, 20])
def test_an_officers_activity_page_costs_the_same_queries(
    client, officer_a, unit_a, finance, size, django_assert_max_num_queries
):
    activity = factories.ActivityFactory(lead_unit=unit_a)
    _fill(activity, size, finance)
    approved_estimate(activity=activity, year=2026, amount=M, funding_source=source(), unit=unit_a)
    allocate(activity, unit_a, M, actor=finance)
    client.force_login(officer_a)
    # An officer's page adds their unit's groups and their unit (the tracker's own count).
    with django_assert_max_num_queries(DETAIL_QUERIES + 2):
        response = client.get(reverse("tracker:activity_detail", args=[activity.pk]))
    assert card_of(response).total.allocated == M
