"""Phones first: at 390 × 844 every demo persona gets a compact top bar (no taller than about
120 px) whose "Menu" button opens the menu without any script; the public site's sections all
show (none cut off at the screen's edge). Every page of each persona's menu, at 390 px, is
walked by tests/e2e/test_accessibility.py: no sideways scroll, the current page marked."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.e2e.test_campaign_site_journey import campaign_site  # noqa: F401
from tracker.demo.users import ADMIN, DEMO_USERS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PERSONAS = [spec.username for spec in DEMO_USERS] + [ADMIN.username]
# Not the tracker's pages: Wagtail's and Django's admin have their own layouts.
OTHER_ADMINS = ("/cms/", "/admin/")
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def signed_in(browser, base_url: str, username: str):
    """A phone-sized browser signed in as the persona. The session is made as the tests'
    `force_login` makes it (with the second factor given, tests/mfa.py): the login and
    two-step pages have their own journeys; this test is about the pages after them."""
    from tracker.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def menu_links(page) -> list[str]:
    hrefs = page.locator("header.topbar .menu-panel a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return list(dict.fromkeys(href for href in hrefs if href.startswith("/") and not href.startswith(OTHER_ADMINS)))


def test_every_personas_menu_fits_a_phone(browser, campaign_site):  # noqa: F811
    problems = []
    for username in PERSONAS:
        context, page = signed_in(browser, campaign_site, username)
        page.goto(f"{campaign_site}/tracker/account/")
        header = page.locator("header.topbar")
        height = header.bounding_box()["height"]
        if height > 120:
            problems.append(f"{username}: the top bar is {height:.0f} px tall")
        nav = page.locator("header.topbar nav.mainnav")
        expect(nav).to_be_hidden()
        page.locator("header.topbar summary.menu-button").click()
        expect(page.locator("header.topbar .menu-panel")).to_be_visible()
        if not menu_links(page):
            problems.append(f"{username}: the menu opened on a phone holds no link")
        context.close()
    assert not problems, "\n".join(problems)


def test_the_public_sites_sections_all_show_on_a_phone(browser, campaign_site):  # noqa: F811
    page = browser.new_context(locale="vi-VN", viewport=PHONE).new_page()
    page.goto(f"{campaign_site}/")
    links = page.locator(".site-nav a")
    assert links.count() >= 3
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], links.nth(index).inner_text()
    assert page.evaluate(SIDEWAYS) == 0
