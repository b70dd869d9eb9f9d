"""Accessible on a phone and a desktop, for every persona: each page in the navigation of every
demo persona, at 390 × 844 and at 1366 × 768, answers (no link in a menu leads to 403 or 404),
does not scroll sideways at 390 px, marks the menu link of the page one is on, and axe-core
finds no serious or critical violation in it.
So do the public site's pages (home, the list pages, an article, the contact page, search and
the 404 page) for a reader, and, for the DIC manager, the timeliness page and a progress
report's page (both once too wide for a phone) and the browsable API.

axe-core is the npm registry's package, pinned in package.json / package-lock.json and
installed by the Makefile's setup into node_modules/; the test injects that file into each
page (the browser context bypasses the CSP for it, as a browser extension would)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.e2e.test_campaign_site_journey import campaign_site  # noqa: F401
from tracker.demo.users import ADMIN, DEMO_USERS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
PERSONAS = list(dict.fromkeys([spec.username for spec in DEMO_USERS] + [ADMIN.username]))
# Wagtail's and Django's admin: their answer is checked, their markup is theirs.
OTHER_ADMINS = ("/cms/", "/admin/")
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# The violations that matter (axe's "serious" and "critical"), each with its first nodes.
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.impact} ${v.id} (${v.nodes.length}): `
      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def context_for(browser, base_url: str, viewport: dict, username: str | None = None):
    """A browser of that size, signed in as the persona (the session made as the tests'
    `force_login` makes it, second factor given: the login pages have journeys of their own)."""
    context = browser.new_context(locale="vi-VN", viewport=viewport, bypass_csp=True)
    if username:
        from tracker.models import User

        client = Client()
        client.force_login(User.objects.get(username=username))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def menu_links(page) -> list[str]:
    # The menu's links and those beside it (the brand, the notifications bell).
    hrefs = page.locator("header.topbar a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return list(dict.fromkeys(href for href in hrefs if href.startswith("/")))


def check(page, base_url: str, href: str, who: str, width: int, problems: list[str], *, in_menu: bool = False) -> None:
    response = page.goto(f"{base_url}{href}")
    page.wait_for_load_state("load")
    status = response.status if response else 0
    if status in (403, 404) or status >= 500:
        problems.append(f"{who} @{width}: {href} answers {status}")
        return
    if href.startswith(OTHER_ADMINS):
        return
    if width == PHONE["width"]:
        overflow = page.evaluate(SIDEWAYS)
        if overflow > 0:
            problems.append(f"{who} @{width}: {href} scrolls {overflow} px sideways")
        # A page of the menu is marked in it (the phone's menu hides the rest of the bar); a
        # link that leads out of the tracker (an editor's "/tracker/" to /cms/) has no such bar.
        current = page.locator("header.topbar a[aria-current=page]")
        if in_menu and href != "/" and page.locator("header.topbar").count() and current.count() == 0:
            problems.append(f"{who} @{width}: {href} marks no menu link as the current page")
    page.add_script_tag(path=str(AXE))
    for violation in page.evaluate(AXE_RUN):
        problems.append(f"{who} @{width}: {href}: {violation}")


def extra_pages(username: str) -> list[str]:
    """Pages off the menu that were once too wide for a phone or inaccessible (the timeliness
    page, a progress report of the sample plan, the browsable API), for the DIC manager."""
    from tracker.models import ProgressReport

    if username != "quanly":
        return []
    report = ProgressReport.objects.filter(task__activity__plan__is_sample=True).order_by("-pk").first()
    return ["/tracker/due/timeliness/", f"/tracker/reports/{report.pk}/", "/api/v1/", "/api/v1/plans/"]


def public_pages() -> list[str]:
    from cms.models import ArticlePage, CampaignIndexPage, ContactPage, DocumentLibraryPage, HomePage, ProgressPage

    pages = []
    for model in (HomePage, CampaignIndexPage, DocumentLibraryPage, ProgressPage, ArticlePage, ContactPage):
        page = model.objects.live().order_by("path").first()
        if page is not None:
            pages.append(page.url)
    return [*pages, "/search/?q=thông+tin"]


needs_axe = pytest.mark.skipif(not AXE.exists(), reason="axe-core is installed by `make setup` (npm ci)")


@needs_axe
@pytest.mark.parametrize("username", PERSONAS)
def test_every_page_in_a_personas_menu_is_accessible_at_both_widths(browser, campaign_site, username):  # noqa: F811
    problems: list[str] = []
    for viewport in (PHONE, DESKTOP):
        context, page = context_for(browser, campaign_site, viewport, username)
        page.goto(f"{campaign_site}/tracker/account/")
        for href in menu_links(page):
            check(page, campaign_site, href, username, viewport["width"], problems, in_menu=True)
        for href in extra_pages(username):
            check(page, campaign_site, href, username, viewport["width"], problems)
        context.close()
    assert not problems, "\n".join(problems)


@needs_axe
def test_the_public_sites_pages_are_accessible_at_both_widths(browser, campaign_site):  # noqa: F811
    problems: list[str] = []
    for viewport in (PHONE, DESKTOP):
        context, page = context_for(browser, campaign_site, viewport)
        for href in public_pages():
            check(page, campaign_site, href, "reader", viewport["width"], problems)
        response = page.goto(f"{campaign_site}/this-page-does-not-exist/")
        assert response.status == 404
        page.add_script_tag(path=str(AXE))
        problems += [f"reader @{viewport['width']}: 404 page: {v}" for v in page.evaluate(AXE_RUN)]
        context.close()
    assert not problems, "\n".join(problems)
