"""The campaign site's journey, in a real browser: an editor writes an article on a seed 003
topic, links it to its activity and submits it; a moderator approves it, which publishes it;
a reader finds it on the home page, by a search typed without accents and in the feed; and
the DIC manager sees the activity's output count in the tracker go up by one."""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.second_factor import complete_second_factor
from tracker.demo.users import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Người cao tuổi học dùng điện thoại thông minh"


def restore_wagtail_rows() -> None:
    """A transactional test's flush empties the rows Wagtail's migrations and cms 0002 made
    (locale, root page, root collection, the site, roles' permissions, the workflow): put
    them back as those migrations do."""
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="vi")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    migration = importlib.import_module("cms.migrations.0002_site_structure_roles_and_workflow")
    migration.forwards(apps, None)


@pytest.fixture
def campaign_site(live_server, demo, settings):
    # Wagtail's editor autosaves every half second while one types; a browser driven at
    # machine speed can submit while an autosave of the new page is still in flight, a race
    # no person typing meets. The journey is about the editorial flow, so autosave is off.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    restore_wagtail_rows()
    call_command("load_cms_demo", verbosity=0)  # on the demo data `demo` put back
    return live_server.url


def log_in(page, base_url: str, username: str, next_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("#id_password").press("Enter")
    complete_second_factor(page)
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def wait_until(condition, seconds: float = 20) -> None:
    """Poll the database: Wagtail's editor autosaves while one types, so which navigation
    follows a click is not a reliable sign that the click's work is done."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.25)


def achieved_on_activity_page(page) -> int:
    cell = page.locator(
        "table.progress-table tbody tr", has_text="Tin, bài, phóng sự đăng trên trang chiến dịch"
    ).locator("td.achieved")
    # The figure, then its sample mark when the activity is the demo's sample ("15 Dữ liệu mẫu").
    return int(cell.inner_text().split()[0].replace(".", ""))


def test_editor_writes_moderator_publishes_reader_finds_and_the_tracker_counts(page, browser, campaign_site):
    from cms.models import ArticlePage, CampaignPage
    from tracker.models import Activity

    campaign = CampaignPage.objects.get()
    activity = Activity.objects.get(plan__number_symbol="421/KH-UBND", section_code="1")

    # The DIC manager of Huế (the plan's province; quanly is Lạng Sơn's) notes the activity's count before.
    manager = browser.new_context(locale="vi-VN").new_page()
    log_in(manager, campaign_site, "quanly.hue", "/tracker/activities/")
    manager.goto(f"{campaign_site}/tracker/activities/{activity.pk}/")
    before = achieved_on_activity_page(manager)

    # The editor writes the article in Wagtail's admin and submits it for review.
    log_in(page, campaign_site, "bientap", "/cms/")
    page.goto(f"{campaign_site}/cms/pages/{campaign.pk}/add_subpage/")  # only articles go there
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", TITLE)
    page.fill("#id_summary", "Lớp hướng dẫn ở nhà văn hóa giúp người cao tuổi dùng điện thoại thông minh.")
    page.locator("[id$=-body-section] .c-sf-add-button").first.click()
    page.locator("[role=option]").first.click()  # the first block type: a paragraph
    text = "Tại nhà văn hóa thôn, người cao tuổi được hướng dẫn gọi video và nhận tin của xã."
    body = page.locator("[id$=-body-section] .public-DraftEditor-content").first
    expect(body).to_be_visible()
    body.click()
    page.keyboard.type(text, delay=15)
    expect(body).to_contain_text(text)
    # Draftail keeps its own state and writes it to the form's hidden field: wait until the
    # text is there, as it is long before a person reaches the submit button.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("video"))
    page.get_by_role("tab", name="Quảng bá").click()  # the tab ids follow the (translated) headings
    activity_select = page.locator("#id_activity")
    activity_select.select_option(value=str(activity.pk))
    outputs = page.locator("#id_output_indicator option", has_text="421/KH-UBND").filter(has_text="· 1.")
    page.locator("#id_output_indicator").select_option(value=outputs.first.get_attribute("value"))
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    expect(page.locator("button[name=action-submit]")).to_be_visible()
    page.locator("button[name=action-submit]").click()
    wait_until(
        lambda: (
            (state := getattr(ArticlePage.objects.filter(title=TITLE).first(), "current_workflow_state", None))
            and state.status == "in_progress"
        )
    )
    # The editor is done: leave the editor, so that no late autosave changes the draft while
    # the moderator reviews it (Wagtail would rightly refuse an approval of a stale form).
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live
    # An address without accents, "đ" kept as "d".
    assert article.slug == "nguoi-cao-tuoi-hoc-dung-dien-thoai-thong-minh"

    # The moderator opens it from the dashboard's review list and approves, which publishes.
    moderator = browser.new_context(locale="vi-VN").new_page()
    log_in(moderator, campaign_site, "kiemduyet", "/cms/")
    moderator.get_by_role("link", name=TITLE).first.click()
    moderator.wait_for_url(re.compile(rf"/cms/pages/{article.pk}/edit/"))
    moderator.wait_for_load_state("networkidle")  # the action buttons work once the admin's scripts ran
    moderator.locator("footer [data-w-dropdown-target=toggle]").last.click()
    expect(moderator.locator("footer button[data-workflow-action-name=approve]").first).to_be_visible()
    moderator.locator("footer button[data-workflow-action-name=approve]").first.click()
    wait_until(lambda: ArticlePage.objects.get(pk=article.pk).live)
    article.refresh_from_db()

    # A reader finds it on the home page, by a search typed without accents, and in the feed.
    reader = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}).new_page()
    reader.goto(f"{campaign_site}/")
    expect(reader.locator(".article-card", has_text=TITLE)).to_be_visible()
    reader.fill("#site-search-q", "nguoi cao tuoi dien thoai")
    reader.locator("#site-search-q").press("Enter")
    expect(reader.locator(".results .article-card", has_text=TITLE)).to_be_visible()
    reader.locator(".results .article-card", has_text=TITLE).click()
    expect(reader.locator("h1")).to_have_text(TITLE)
    feed = reader.request.get(f"{campaign_site}/feeds/rss/")
    titles = [item.findtext("title") for item in ET.fromstring(feed.body()).iter("item")]
    assert TITLE in titles

    # The tracker counts it: one more on the activity, and the article listed with its link.
    manager.reload()
    assert achieved_on_activity_page(manager) == before + 1
    expect(manager.locator("table.records-table a", has_text=TITLE)).to_have_attribute("href", article.url)
