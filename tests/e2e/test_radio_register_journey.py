"""Issue 7's "done when", in a browser on the demo data: a local officer registers the
acceptance of new IP loudspeaker clusters with a photo; the DIC manager accepts it from the
review queue; the station shows as IP-based and working from that day, the province's
"communes with a working station" and the activity's IP clusters move, and the register's
Excel export lists the work.

Steps find elements by name attributes, data attributes and URLs, so they do not depend on
the wording of the (translated) interface.
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.second_factor import complete_second_factor
from tracker.demo.users import DEMO_PASSWORD
from tracker.models import OutputIndicator, RadioStation, RadioStationState, RadioWork, RegisterMeasure, Task, User
from tracker.outputs.selectors import annotate_achieved
from tracker.registers import selectors
from tracker.registers import services as register_services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
COMMUNE = "Xã Mẫu Một (mẫu)"  # canbo.xa's commune in the demo's sample plan


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


def figure(page, name: str) -> int:
    return int(page.locator(f"[data-figure='{name}']").inner_text().replace(".", ""))


def test_an_officer_registers_new_ip_clusters_the_manager_accepts_and_the_figures_move(browser, demo_site, tmp_path):
    today = timezone.localdate()
    station = RadioStation.objects.get(commune__name=COMMUNE)
    # Arrange: a survey found the commune's station broken a few days ago (its amplifier).
    register_services.station_state_record(
        state=RadioStationState(
            station=station,
            effective_on=today - datetime.timedelta(days=3),
            station_kind="ip",
            is_working=False,
            is_connected=False,
            ip_clusters=8,
            source_note="Kiểm tra sau mưa bão (mẫu)",
        ),
        actor=User.objects.get(username="quanly"),
    )
    working_before = selectors.radio_figures(today).working
    ip_output = OutputIndicator.objects.get(
        activity__plan__is_sample=True, register_measure=RegisterMeasure.RADIO_IP_CLUSTERS
    )
    achieved_before = annotate_achieved(OutputIndicator.objects.filter(pk=ip_output.pk)).get().achieved
    task = Task.objects.get(
        activity__plan__is_sample=True,
        unit__name="UBND xã Mẫu Một (mẫu)",
        deliverable="Lắp đặt cụm loa ứng dụng CNTT-VT tại các thôn, bản",
    )
    photo = tmp_path / "cum-loa-moi.png"
    Image.new("RGB", (64, 48), "navy").save(photo)

    officer = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = officer.new_page()
    page.set_default_timeout(15_000)
    log_in(page, demo_site, "canbo.xa")
    page.locator("a.nav-registers").click()
    page.locator("tr[data-register='radio_work'] th a").click()
    expect(page).to_have_url(re.compile(r"/tracker/registers/radio-works/"))
    page.goto(f"{demo_site}/tracker/registers/radio-works/new/")
    page.select_option("select[name=station]", str(station.pk))
    page.locator("form.work-form button[type=submit]").click()
    # Step 2: the station as it is now is shown; the officer says what the work left.
    page.select_option("select[name=task]", str(task.pk))
    page.select_option("select[name=work_type]", RadioWork.WorkType.REPLACEMENT)
    page.fill("input[name=contractor]", "Công ty TNHH Truyền thanh Mẫu (mẫu)")
    page.fill("input[name=cost]", "185000000")
    page.fill("input[name=started_on]", (today - datetime.timedelta(days=2)).strftime("%d/%m/%Y"))
    page.fill("input[name=accepted_on]", today.strftime("%d/%m/%Y"))
    page.select_option("select[name=station_kind]", "ip")
    page.check("input[name=is_working]")
    page.check("input[name=is_connected]")
    page.fill("input[name=ip_clusters]", "10")
    page.fill("input[name='villages-0-village']", "Thôn Pò Mả")
    page.select_option("select[name='villages-0-technology']", "ip")
    page.fill("input[name='villages-0-clusters']", "2")
    page.locator("form button.primary[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/tracker/registers/radio-works/\d+/$"))
    work = RadioWork.objects.order_by("-pk").first()
    assert (work.station, work.created_by.username, work.status) == (station, "canbo.xa", "draft")
    page.set_input_files("input[name=files]", str(photo))
    page.locator("form.evidence-form button[type=submit]").click()
    expect(page.locator(".evidence-list a")).to_have_count(1)
    page.locator(f"form[action$='/registers/entries/{work.pk}/submit/'] button").click()
    expect(page.locator(".badge.entry-submitted")).to_be_visible()
    officer.close()

    manager = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = manager.new_page()
    page.set_default_timeout(15_000)
    log_in(page, demo_site, "quanly")
    page.goto(f"{demo_site}/tracker/reports/review/")
    page.locator(f"a[name='review-entry-{work.pk}']").click()
    expect(page).to_have_url(re.compile(rf"/tracker/registers/radio-works/{work.pk}/$"))
    page.locator(f"form[action$='/registers/entries/{work.pk}/accept/'] button").click()
    expect(page.locator(".badge.entry-accepted")).to_be_visible()

    # The station is IP-based and working from today; the province's figure moved by one.
    page.goto(f"{demo_site}/tracker/registers/radio-stations/?on={today:%d/%m/%Y}")
    assert figure(page, "working") == working_before + 1
    expect(page.locator(f"tr[data-station='{station.pk}']")).to_have_attribute("data-kind", "ip")
    # The activity's IP clusters counted from the register moved by the 2 clusters added.
    achieved = annotate_achieved(OutputIndicator.objects.filter(pk=ip_output.pk)).get().achieved
    assert achieved == achieved_before + 2
    page.goto(f"{demo_site}/tracker/activities/{ip_output.activity_id}/")
    # The figure first; the sample plan's figures carry their mark after it.
    expect(page.locator(f"tr[data-output='{ip_output.pk}'] .achieved")).to_have_text(re.compile(rf"^{achieved}\b"))

    # The register's Excel export lists the work.
    export = page.request.get(f"{demo_site}/tracker/registers/radio-works/export/")
    assert export.ok
    rows = list(load_workbook(io.BytesIO(export.body())).active.iter_rows(values_only=True))
    assert any("Công ty TNHH Truyền thanh Mẫu (mẫu)" in row for row in rows)
    manager.close()
