"""A commune officer reports from a phone; the DIC manager accepts; the activity's figure moves.

The new strings are not yet in the Vietnamese catalogue, so the steps find elements by name
attributes, data attributes and URLs rather than by their (translated) text.
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.second_factor import complete_second_factor
from tracker.demo.users import DEMO_PASSWORD
from tracker.models import ProgressReport, Task

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}


@pytest.fixture
def demo_site(live_server, demo):
    # `demo` puts the demo data back and sets a media folder of this test's own.
    return live_server.url


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    complete_second_factor(page)


def test_commune_officer_reports_from_a_phone_and_the_manager_accepts(browser, demo_site, tmp_path):
    photo = tmp_path / "anh-hien-truong.png"
    Image.new("RGB", (64, 48), "green").save(photo)
    # The demo's 2.4 task of the officer's commune: not started, "nothing to report" sent for
    # the year's first months, the latest two still to write (the first link is the older).
    task = Task.objects.get(
        unit__name="UBND xã Mẫu Một (mẫu)", deliverable="Cập nhật nội dung trên cụm thông tin điện tử xã biên giới"
    )
    assert task.output_indicator_id and task.status == "not_started"

    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.set_default_timeout(15_000)
    log_in(page, demo_site, "canbo.xa")
    page.locator("summary.menu-button").click()  # on a phone the menu opens from its button
    page.locator("a.nav-my-tasks").click()
    expect(page).to_have_url(re.compile(r"/tracker/my-tasks/"))
    page.locator(f"a[data-task='{task.pk}']").click()
    expect(page).to_have_url(re.compile(rf"/tracker/tasks/{task.pk}/$"))
    page.locator("a[name^='report-']").first.click()
    expect(page).to_have_url(re.compile(rf"/tracker/tasks/{task.pk}/report/\?period="))
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.fill("input[name=percent_complete]", "50")
    page.fill(f"input[name=quantity_{task.output_indicator_id}]", "7")
    page.fill("textarea[name=narrative]", "Đã lắp 7 cụm loa")
    page.set_input_files("input[name=evidence]", str(photo))
    page.locator("button[name=action][value=submit]").click()
    expect(page).to_have_url(re.compile(rf"/tracker/tasks/{task.pk}/$"))
    report = ProgressReport.objects.get(task=task, status="submitted")
    assert report.evidence.get().content_type == "image/png"
    phone.close()

    desk = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.set_default_timeout(15_000)
    log_in(page, demo_site, "quanly")
    page.locator("a.nav-review").click()
    expect(page).to_have_url(re.compile(r"/tracker/reports/review/"))
    page.locator(f"a[name=review-{report.pk}]").click()
    page.locator("button[name=accept]").click()
    expect(page).to_have_url(re.compile(r"/tracker/reports/review/"))
    expect(page.locator(f"tr[data-report='{report.pk}']")).to_have_count(0)

    page.goto(f"{demo_site}/tracker/activities/{task.activity_id}/")
    achieved = page.locator(f"tr[data-output='{task.output_indicator_id}'] td.achieved")
    # Every accepted figure of the output, this report's 7 included.
    expected = sum(row.quantity for row in task.output_indicator.reported_quantities.filter(report__status="accepted"))
    assert expected >= 7
    expect(achieved).to_have_text(str(expected))
    desk.close()
