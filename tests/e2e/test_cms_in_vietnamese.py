"""Wagtail's admin speaks Vietnamese through the editor's and the moderator's whole day: the
editor opens the dashboard, the page list and the page explorer, writes an article (each tab),
saves a draft and submits it for moderation, looks at images, documents, search and account;
the moderator opens the article from the dashboard, approves it, and reads its history. On
every screen the visible text is compared with the English msgids of Wagtail's own message
catalogues: one shown untranslated fails the test (tests/cms/wagtail_catalogue.py). And the
"Pages" menu reads "Trang", not the pagination's "Phân trang"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.cms.wagtail_catalogue import untranslated
from tests.e2e.test_campaign_site_journey import campaign_site, log_in, wait_until  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Thư viện số ở nhà văn hóa thôn"

# Visible text: what a sighted person reads (text, placeholders, button captions). Text for
# screen readers only (Wagtail's w-sr-only) is left out: Wagtail's header writes its search
# form's hidden submit button as a literal value="Search" that no catalogue can translate.
VISIBLE_TEXTS = """() => {
  const out = new Set();
  const add = (text) => { const t = (text || "").replace(/\\s+/g, " ").trim(); if (t) out.add(t); };
  const shown = (element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
    && !element.closest(".w-sr-only, .visually-hidden");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA"].includes(element.tagName)) continue;
    if (shown(element)) add(node.textContent);
  }
  // Lines as laid out, so that a sentence split by a link ("Page '<a>…</a>' created.") counts too.
  for (const line of document.body.innerText.split("\\n")) add(line);
  for (const field of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
    if (shown(field)) add(field.placeholder);
  }
  for (const button of document.querySelectorAll("input[type=submit], input[type=button]")) {
    if (shown(button)) add(button.value);
  }
  return [...out];
}"""


class Screens:
    """Collects, screen by screen, the English Wagtail strings the browser shows."""

    def __init__(self):
        self.failures: dict[str, list[str]] = {}
        self.seen: list[str] = []

    def check(self, page, name: str) -> None:
        page.wait_for_load_state("networkidle")
        self.seen.append(name)
        found = untranslated(page.evaluate(VISIBLE_TEXTS))
        if found:
            self.failures[name] = sorted(set(found))

    def assert_vietnamese(self) -> None:
        report = "\n".join(f"{name}: {found}" for name, found in self.failures.items())
        assert not self.failures, f"English Wagtail strings on {len(self.failures)} screens:\n{report}"


def menu_labels(page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(".sidebar-menu-item .menuitem-label").all_inner_texts()]


def test_the_editors_and_moderators_flow_shows_no_english(page, browser, campaign_site):  # noqa: F811
    from cms.models import ArticlePage, CampaignPage

    campaign = CampaignPage.objects.get()
    screens = Screens()
    base = campaign_site

    # The editor: the dashboard and its menu, where "Pages" is "Trang".
    log_in(page, base, "bientap", "/cms/")
    screens.check(page, "editor: dashboard")
    labels = menu_labels(page)
    assert "Trang" in labels and "Phân trang" not in labels, labels
    page.locator(".sidebar-menu-item", has_text=re.compile(r"^\s*Trang\s*$")).first.locator("button, a").first.click()
    expect(page.locator(".c-page-explorer")).to_be_visible()
    screens.check(page, "editor: page explorer")
    page.keyboard.press("Escape")

    page.goto(f"{base}/cms/pages/{campaign.pk}/")
    screens.check(page, "editor: page list")
    page.goto(f"{base}/cms/pages/search/?q=dien+thoai")
    screens.check(page, "editor: page search")

    # Writing the article: each tab of the form, then a draft saved, then submitted.
    page.goto(f"{base}/cms/pages/{campaign.pk}/add_subpage/")
    page.wait_for_load_state("networkidle")
    for tab in page.locator("[role=tab]").all():
        tab.click()
        screens.check(page, f"editor: new article, tab {tab.inner_text().strip()}")
    page.locator("[role=tab]").first.click()
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Thôn có thư viện số để người dân đọc tin và học kỹ năng số.")
    page.locator("[id$=-body-section] .c-sf-add-button").first.click()
    screens.check(page, "editor: block chooser")
    page.locator("[role=option]").first.click()
    body = page.locator("[id$=-body-section] .public-DraftEditor-content").first
    body.click()
    page.keyboard.type("Thư viện số mở cửa mỗi tối.", delay=15)
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("mỗi tối"))
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    expect(page.locator("button[name=action-submit]")).to_be_visible()
    screens.check(page, "editor: the actions menu")
    page.keyboard.press("Escape")
    page.locator("footer button.action-save").first.click()
    wait_until(lambda: ArticlePage.objects.filter(title=TITLE).exists())
    page.wait_for_url(re.compile(r"/cms/pages/\d+/edit/"))
    screens.check(page, "editor: draft saved")
    article = ArticlePage.objects.get(title=TITLE)
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name=action-submit]").click()
    wait_until(
        lambda: (
            (state := ArticlePage.objects.get(pk=article.pk).current_workflow_state) and state.status == "in_progress"
        )
    )
    page.wait_for_load_state("networkidle")
    screens.check(page, "editor: submitted")
    page.goto(f"{base}/cms/pages/{article.pk}/edit/")
    screens.check(page, "editor: the article in moderation")
    page.goto(f"{base}/cms/")
    screens.check(page, "editor: dashboard after submitting")
    for name, path in [
        ("images", "/cms/images/"),
        ("upload images", "/cms/images/multiple/add/"),
        ("documents", "/cms/documents/"),
        ("upload documents", "/cms/documents/multiple/add/"),
        ("page history", f"/cms/pages/{article.pk}/history/"),
        ("account", "/cms/account/"),
    ]:
        page.goto(f"{base}{path}")
        screens.check(page, f"editor: {name}")
    page.goto("about:blank")

    # The moderator: the review list, the article, the approval that publishes it.
    moderator = browser.new_context(locale="vi-VN").new_page()
    log_in(moderator, base, "kiemduyet", "/cms/")
    screens.check(moderator, "moderator: dashboard")
    moderator.get_by_role("link", name=TITLE).first.click()
    moderator.wait_for_url(re.compile(rf"/cms/pages/{article.pk}/edit/"))
    screens.check(moderator, "moderator: the article to review")
    moderator.locator("footer [data-w-dropdown-target=toggle]").last.click()
    expect(moderator.locator("footer button[data-workflow-action-name=approve]").first).to_be_visible()
    screens.check(moderator, "moderator: the actions menu")
    moderator.locator("footer button[data-workflow-action-name=approve]").first.click()
    wait_until(lambda: ArticlePage.objects.get(pk=article.pk).live)
    moderator.wait_for_load_state("networkidle")
    screens.check(moderator, "moderator: approved")
    for name, path in [
        ("page list", f"/cms/pages/{campaign.pk}/"),
        ("page history", f"/cms/pages/{article.pk}/history/"),
        ("workflow history", f"/cms/pages/{article.pk}/workflow_history/"),
        ("workflow report", "/cms/reports/workflow/"),
        ("workflow tasks report", "/cms/reports/workflow_tasks/"),
        ("site history", "/cms/reports/site-history/"),
        ("unpublish", f"/cms/pages/{article.pk}/unpublish/"),
    ]:
        response = moderator.goto(f"{base}{path}")
        assert response.status == 200, (name, response.status)
        screens.check(moderator, f"moderator: {name}")

    screens.assert_vietnamese()
