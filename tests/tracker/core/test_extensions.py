"""Money and CMS links on the tracker's pages come only from `tracker.core.extensions`: with the
registry as budgets and cms fill it (the installed default) the dashboard, the plan and activity
pages, a handover's page, the menu and the official reports show them; with it emptied they
answer 200 with no trace of money (no heading, no link into budgets, no budgets query)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from tests.budgets.test_execution import M, build_world
from tests.tracker.reports.helpers import produce
from tracker.core import extensions, roles
from tracker.models import Area, GeneratedReport, SmartphoneHandover
from tracker.registers import smartphones
from tracker.reports import data

pytestmark = pytest.mark.django_db
D = datetime.date
Kind = GeneratedReport.Kind


@pytest.fixture(autouse=True)
def english(client, settings, tmp_path):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def no_extensions():
    """The registry emptied for the test (as without budgets and cms), then put back."""
    saved = extensions.reset()
    yield
    extensions.restore(saved)


@pytest.fixture
def world(unit_a, unit_b, finance):
    """Plan 146/KH-UBND with 200 M allocated in all (tests/budgets/test_execution.py)."""
    return build_world(unit_a, unit_b, finance)


def get(client, user, name, *args):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    budget_queries = [query["sql"] for query in queries if "budgets_" in query["sql"]]
    return response, response.content.decode(), budget_queries


# --- The registry ---------------------------------------------------------------------------------


def test_the_installed_apps_fill_the_registry():
    assert extensions.report_budget_available() is True
    assert [panel.name for panel in extensions.panels(extensions.PLAN_PAGE)] == ["budget"]
    assert [panel.name for panel in extensions.panels(extensions.ACTIVITY_PAGE)] == ["budget"]
    assert [panel.name for panel in extensions.panels(extensions.SMARTPHONE_HANDOVER_PAGE)] == ["donations"]
    assert [link.css_class for link in extensions.nav_links(extensions.NAV_WORK)] == ["nav-budgets"]
    assert [link.css_class for link in extensions.nav_links(extensions.NAV_SITE)] == ["nav-cms"]


def test_reset_empties_the_registry_and_restore_puts_it_back(manager):
    before = extensions.panels(extensions.PLAN_PAGE)
    saved = extensions.reset()
    try:
        assert extensions.panels(extensions.PLAN_PAGE) == ()
        assert extensions.nav_links(extensions.NAV_WORK) == ()
        assert extensions.dashboard_money(manager) is None
        assert extensions.report_budget(activity_ids=[1]) is None
        assert extensions.report_budget_available() is False
    finally:
        extensions.restore(saved)
    assert extensions.panels(extensions.PLAN_PAGE) == before


def test_unknown_slots_and_a_second_money_provider_are_refused(no_extensions):
    panel = extensions.Panel("x", "x.html", lambda user, obj: None)
    with pytest.raises(ValueError, match="Unknown panel slot"):
        extensions.register_panel("documents.nowhere", panel)
    with pytest.raises(ValueError, match="Unknown menu slot"):
        extensions.register_nav_link("nav.nowhere", extensions.NavLink("x", "X", "tracker:board", bool))
    extensions.register_dashboard_money(extensions.DashboardMoney(figures=lambda user: None))
    with pytest.raises(ValueError, match="already registered"):
        extensions.register_dashboard_money(extensions.DashboardMoney(figures=lambda user: None))


PROBE = '<section id="probe">{{ title }}</section>'


@pytest.fixture
def probe_template(settings):
    """A template of the test's own, in memory (the shared templates folder stays as it is)."""
    engine = dict(settings.TEMPLATES[0], APP_DIRS=False)
    engine["OPTIONS"] = dict(
        engine["OPTIONS"],
        loaders=[
            (
                "django.template.loaders.locmem.Loader",
                {"tests/probe.html": '<section id="probe">{{ title }}</section>'},
            ),
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    )
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]
    return "tests/probe.html"


def test_a_registered_panel_draws_its_template_with_the_context_it_computes(
    client, manager, no_extensions, probe_template
):
    activity = factories.ActivityFactory(title="Tập huấn kỹ năng số")
    seen = []

    def context(user, obj):
        seen.append((user, obj))
        return {"title": obj.title}

    extensions.register_panel(extensions.ACTIVITY_PAGE, extensions.Panel("probe", probe_template, context))
    # A panel with nothing to say for this user draws nothing (its template is not even read).
    extensions.register_panel(extensions.ACTIVITY_PAGE, extensions.Panel("none", "missing.html", lambda u, o: None))
    _response, html, _queries = get(client, manager, "tracker:activity_detail", activity.pk)
    assert html.count('<section id="probe">') == 1
    assert '<section id="probe">Tập huấn kỹ năng số</section>' in html
    assert [(user.pk, obj.pk) for user, obj in seen] == [(manager.pk, activity.pk)]


# --- The dashboard ------------------------------------------------------------------------------


def test_the_dashboard_shows_the_money_budgets_registered(client, manager, world):
    response, html, budget_queries = get(client, manager, "tracker:dashboard")
    page = response.context["page"]
    assert (page.money_total.allocated, page.money_total.disbursed) == (200 * M, 105 * M)
    assert page.money_link == reverse("budgets:execution")
    assert '<h2 id="dash-money">Disbursement by funding source</h2>' in html
    assert 'id="count-disbursed"' in html
    assert 'id="chart-money-source"' in html
    assert f'<a href="{reverse("budgets:execution")}" class="nav-budgets">Budgets</a>' in html
    assert len(budget_queries) == 1


def test_without_money_the_dashboard_has_no_money_section(client, manager, world, no_extensions):
    response, html, budget_queries = get(client, manager, "tracker:dashboard")
    page = response.context["page"]
    assert (page.money, page.money_total, page.money_link) == (None, None, "")
    assert response.context["money_chart"] == ""
    for trace in ("dash-money", "count-disbursed", "chart-money-source", "Disbursement", "nav-budgets", "/budgets/"):
        assert trace not in html, trace
    assert '<h2 id="dash-late">What is late</h2>' in html
    assert budget_queries == []


# --- The plan and activity pages ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tracker:plan_detail", "tracker:activity_detail"])
def test_the_plan_and_activity_pages_show_the_budget_card(client, manager, world, name):
    obj = world.plan if name == "tracker:plan_detail" else world.outreach
    response, html, budget_queries = get(client, manager, name, obj.pk)
    assert html.count('<h2 id="budget-heading">Budget</h2>') == 1
    assert f'href="{reverse("budgets:execution")}?plan={world.plan.pk}"' in html
    assert len(budget_queries) == 1


@pytest.mark.parametrize("name", ["tracker:plan_detail", "tracker:activity_detail"])
def test_without_money_the_plan_and_activity_pages_have_no_budget_card(client, manager, world, name, no_extensions):
    obj = world.plan if name == "tracker:plan_detail" else world.outreach
    response, html, budget_queries = get(client, manager, name, obj.pk)
    for trace in ("budget-card", "budget-heading", "/budgets/"):
        assert trace not in html, trace
    assert [context["card"] for context in response.context if "card" in context] == []
    assert budget_queries == []


# --- A smartphone handover's page -----------------------------------------------------------------


@pytest.fixture
def handover(unit_a, officer_a):
    district = factories.AreaFactory(name="Huyện Ba Bể", level=Area.Level.DISTRICT)
    commune = factories.AreaFactory(name="Xã Cao Thượng", parent=district)
    task = factories.TaskFactory(unit=unit_a, area=commune)
    entry = SmartphoneHandover(
        task=task,
        area=commune,
        priority_class=SmartphoneHandover.PriorityClass.POOR_MERIT,
        source=SmartphoneHandover.Source.DONATIONS,
        phones=10,
        households=10,
        handed_over_on=D(2026, 4, 2),
    )
    return smartphones.handover_save(entry=entry, actor=officer_a)


def test_a_handover_from_donations_shows_the_donations_card(client, officer_a, handover):
    _response, html, _queries = get(client, officer_a, "tracker:smartphone_handover_detail", handover.pk)
    assert '<h2 id="handover-donations-heading">Donations passed on for this handover</h2>' in html


def test_without_money_a_handover_shows_no_donations_card(client, officer_a, handover, no_extensions):
    _response, html, budget_queries = get(client, officer_a, "tracker:smartphone_handover_detail", handover.pk)
    assert "handover-donations" not in html
    assert budget_queries == []


# --- The menu's link to the campaign site's editor ------------------------------------------------


def test_the_menu_links_to_the_cms_only_through_the_registry(client, manager, no_extensions):
    manager.groups.add(Group.objects.get(name=roles.CMS_EDITOR))
    _response, html, _queries = get(client, manager, "tracker:board")
    assert "nav-cms" not in html and "nav-budgets" not in html
    assert 'class="nav-reports"' in html and 'class="nav-site"' in html


def test_the_menu_shows_the_cms_link_to_its_editors(client, manager):
    _response, html, _queries = get(client, manager, "tracker:board")
    assert "nav-cms" not in html  # a manager is no CMS editor
    manager.groups.add(Group.objects.get(name=roles.CMS_EDITOR))
    _response, html, _queries = get(client, manager, "tracker:board")
    assert f'<a href="{reverse("wagtailadmin_home")}" class="nav-cms">Edit the campaign site</a>' in html


# --- The official reports -------------------------------------------------------------------------


def preview(client, user, report) -> str:
    client.force_login(user)
    response = client.get(reverse("tracker:generated_report_preview", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def sheets(client, report) -> list[str]:
    response = client.get(reverse("tracker:generated_report_download", args=[report.pk, "xlsx"]))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content)).sheetnames


def test_the_progress_report_has_its_budget_section(client, manager, world):
    report = produce(manager, kind=Kind.PROGRESS, plan_id=world.plan.pk, issuer_id=world.dic.pk)
    assert report.status == GeneratedReport.Status.DONE
    budget = report.snapshot["body"]["budget"]
    assert (budget["total"]["allocated"], budget["total"]["disbursed"]) == (160 * M, 65 * M)
    html = preview(client, manager, report)
    assert "<h2>III. KINH PHÍ THỰC HIỆN</h2>" in html
    assert "<h2>IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT CỦA CÁC ĐƠN VỊ</h2>" in html
    assert "Kinh phí" in sheets(client, report)


def test_without_money_the_progress_report_has_no_budget_section(client, manager, world, no_extensions):
    report = produce(manager, kind=Kind.PROGRESS, plan_id=world.plan.pk, issuer_id=world.dic.pk)
    assert report.status == GeneratedReport.Status.DONE
    assert report.snapshot["body"]["budget"] is None
    html = preview(client, manager, report)
    assert "KINH PHÍ" not in html and "budget-table" not in html
    assert "<h2>III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT CỦA CÁC ĐƠN VỊ</h2>" in html
    assert "IV." not in html
    assert "Kinh phí" not in sheets(client, report)


def test_without_money_there_is_no_budget_report_to_ask_for(client, manager, finance, world, no_extensions):
    client.force_login(manager)
    page = client.get(reverse("tracker:generated_report_new"))
    assert page.status_code == 200
    assert 'value="progress"' in page.content.decode() and 'value="budget"' not in page.content.decode()
    # A finance officer's one report is the budget report: nothing left to produce.
    client.force_login(finance)
    assert client.get(reverse("tracker:generated_report_new")).status_code == 403
    request = data.ReportRequest(
        kind=Kind.BUDGET,
        period_type="year",
        period_start=D(2026, 1, 1),
        period_end=D(2026, 12, 31),
        issuer_id=world.dic.pk,
    )
    with pytest.raises(data.ReportError, match="No budget figures are available"):
        data.build_snapshot(request, today=D(2026, 12, 31))


def test_the_budget_report_is_offered_when_money_is_registered(client, manager, finance, world):
    for user in (manager, finance):
        client.force_login(user)
        page = client.get(reverse("tracker:generated_report_new"))
        assert page.status_code == 200
        assert 'value="budget"' in page.content.decode()
