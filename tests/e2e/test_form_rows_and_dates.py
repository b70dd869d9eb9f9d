"""Issue 19's forms in a browser: rows added in place to a formset (static/js/formset-rows.js)
and the calendar beside a date box (static/js/date-picker.js), under the site's CSP ('self',
no inline script), on a world of factories rather than the demo.

- A district officer registers a radio work: types one date with dots (shown dd/mm/yyyy once
  the box is left), picks another on the calendar (Chromium's picker cannot be driven headless:
  the test opens it with the button, then sets the hidden date input and sends "change", as the
  picker does), adds three villages in place, takes the middle one away again, saves, and the
  villages are those rows.
- A commune officer's estimate: a line added in place joins the live amounts and the total.
- A plan's section IV: a duty added in place is numbered as the server numbers an empty row.
- The form pages changed, with a row added to each formset and the date boxes enhanced, have
  no serious or critical axe-core violation at 390 and 1366 px, and do not scroll sideways on
  a phone."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests import factories
from tests.e2e.test_accessibility import AXE, AXE_RUN, DESKTOP, PHONE, SIDEWAYS, needs_axe
from tracker.core import roles
from tracker.models import Area, RadioStation, RadioStationState, RadioWork, Unit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(live_server):
    province = factories.ProvinceFactory(name="Tỉnh Thử Hàng")
    district = factories.AreaFactory(name="Huyện Thử Hàng", level=Area.Level.DISTRICT, parent=province)
    commune = factories.AreaFactory(name="Xã Thử Hàng", parent=district, is_border=True)
    station = RadioStation.objects.create(commune=commune)
    RadioStationState.objects.create(
        station=station, effective_on="2023-01-01", station_kind="fm", fm_clusters=3, source_note="Khảo sát"
    )
    district_unit = factories.UnitFactory(
        name="Phòng Văn hóa và Thông tin huyện Thử Hàng", kind=Unit.Kind.DEPARTMENT, area=district
    )
    commune_unit = factories.CommuneCommitteeFactory(name="UBND xã Thử Hàng", area=commune)
    task = factories.TaskFactory(unit=district_unit, area=district, deliverable="Mở rộng cụm loa IP")
    factories.TaskFactory(activity=task.activity, unit=commune_unit, area=commune)
    return SimpleNamespace(
        url=live_server.url,
        station=station,
        task=task,
        district_officer=factories.UserFactory(
            username="district_officer", unit=district_unit, role=roles.UNIT_OFFICER
        ),
        commune_officer=factories.UserFactory(username="commune_officer", unit=commune_unit, role=roles.UNIT_OFFICER),
        manager=factories.UserFactory(username="manager", role=roles.DIC_MANAGER),
    )


def signed_in(browser, base_url: str, user, viewport: dict = DESKTOP, *, bypass_csp: bool = False):
    """A browser signed in as `user` (the session the tests' force_login makes, second factor
    given), and the page errors it meets (a script refused by the CSP is one)."""
    context = browser.new_context(locale="vi-VN", viewport=viewport, bypass_csp=bypass_csp)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return context, page, errors


def test_an_officer_picks_dates_and_adds_villages_in_place_then_saves_them_all(browser, world):
    context, page, errors = signed_in(browser, world.url, world.district_officer)
    page.goto(f"{world.url}/tracker/registers/radio-works/new/?station={world.station.pk}")
    page.select_option("select[name=task]", str(world.task.pk))
    page.select_option("select[name=work_type]", RadioWork.WorkType.EXPANSION)
    page.fill("input[name=contractor]", "Công ty TNHH Truyền thanh Thử")
    page.fill("input[name=cost]", "120000000")

    # A date typed with dots is read by the server and shown as it will be kept.
    started = page.locator("input[name=started_on]")
    started.fill("1.3.2026")
    started.press("Tab")
    expect(started).to_have_value("01/03/2026")

    # The calendar button beside the box, labelled in Vietnamese, opens the browser's calendar
    # on the day typed; the day chosen there is written back dd/mm/yyyy.
    accepted = page.locator("input[name=accepted_on]")
    accepted.fill("14/04/2026")
    button = page.locator("input[name=accepted_on] ~ button.date-picker-button")
    expect(button).to_have_attribute("aria-label", "Chọn ngày trên lịch")
    button.click()
    native = page.locator("input[name=accepted_on] ~ input.date-picker-native")
    expect(native).to_have_value("2026-04-14")
    page.keyboard.press("Escape")
    native.evaluate("el => { el.value = '2026-04-15'; el.dispatchEvent(new Event('change', {bubbles: true})); }")
    expect(accepted).to_have_value("15/04/2026")
    expect(accepted).to_be_focused()

    page.select_option("select[name=station_kind]", "ip")
    page.check("input[name=is_working]")
    page.fill("input[name=ip_clusters]", "10")

    # Three villages added in place after the three empty rows; the first gets the focus.
    villages = page.locator("fieldset[data-formset=villages]")
    expect(villages.locator("[data-formset-hint]")).to_be_hidden()
    add = villages.locator("button[data-formset-add]")
    expect(add).to_have_text("Thêm thôn, bản")
    add.click()
    expect(page.locator("input[name='villages-3-village']")).to_be_focused()
    add.click()
    add.click()
    expect(villages.locator("tbody tr")).to_have_count(6)
    # The middle one taken away again: the last takes its number.
    villages.locator("tr[data-formset-added='4'] [data-formset-remove]").click()
    expect(villages.locator("tbody tr")).to_have_count(5)
    expect(page.locator("input[name='villages-TOTAL_FORMS']")).to_have_value("5")
    expect(page.locator("input[name='villages-5-village']")).to_have_count(0)
    expect(page.locator("label[for='id_villages-4-village']")).to_have_count(1)
    expect(add).to_be_focused()

    page.fill("input[name='villages-0-village']", "Thôn Nà Lầu")
    page.fill("input[name='villages-0-clusters']", "2")
    page.fill("input[name='villages-3-village']", "Bản Khuổi Khỉn")
    page.fill("input[name='villages-3-clusters']", "3")
    page.fill("input[name='villages-4-village']", "Thôn Cốc Lùng")
    page.select_option("select[name='villages-4-technology']", "ip")
    page.fill("input[name='villages-4-clusters']", "1")
    page.locator("form button.primary[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/tracker/registers/radio-works/\d+/$"))
    page.wait_for_load_state("networkidle")

    work = RadioWork.objects.get()
    assert (str(work.started_on), str(work.accepted_on)) == ("2026-03-01", "2026-04-15")
    assert list(work.villages.order_by("pk").values_list("village", "clusters")) == [
        ("Thôn Nà Lầu", 2),
        ("Bản Khuổi Khỉn", 3),
        ("Thôn Cốc Lùng", 1),
    ]
    assert errors == []
    context.close()


def test_rows_stop_at_the_formsets_maximum_and_without_scripts_the_page_is_as_before(browser, world):
    form_page = f"{world.url}/tracker/registers/radio-works/new/?station={world.station.pk}"
    context, page, errors = signed_in(browser, world.url, world.district_officer)

    # The villages' formset allows 1000 rows; the page is served here saying 4 (MAX_NUM_FORMS).
    def at_most_four(route):
        response = route.fetch()
        body = response.text().replace(
            'name="villages-MAX_NUM_FORMS" value="1000"', 'name="villages-MAX_NUM_FORMS" value="4"'
        )
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/radio-works/new/.*"), at_most_four)
    page.goto(form_page)
    add = page.locator("fieldset[data-formset=villages] button[data-formset-add]")
    add.click()
    expect(add).to_be_disabled()
    add.click(force=True)
    expect(page.locator("input[name='villages-TOTAL_FORMS']")).to_have_value("4")
    expect(page.locator("fieldset[data-formset=villages] tbody tr")).to_have_count(4)
    assert errors == []
    context.close()

    # Without scripts: the three empty rows, the "save and edit again" hint, no buttons.
    context = browser.new_context(locale="vi-VN", viewport=DESKTOP, java_script_enabled=False)
    client = Client()
    client.force_login(world.district_officer)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": world.url}])
    page = context.new_page()
    page.goto(form_page)
    expect(page.locator("fieldset[data-formset=villages] tbody tr")).to_have_count(3)
    expect(page.locator("fieldset[data-formset=villages] [data-formset-hint]")).to_be_visible()
    expect(page.locator("button[data-formset-add]")).to_be_hidden()
    expect(page.locator("button.date-picker-button")).to_have_count(0)
    context.close()


def test_a_line_added_in_place_joins_the_estimates_live_amounts(browser, world):
    context, page, errors = signed_in(browser, world.url, world.commune_officer)
    page.goto(f"{world.url}/budgets/estimates/new/")
    lines = page.locator("fieldset[data-formset=lines]")
    lines.locator("button[data-formset-add]").click()
    row = lines.locator("tr[data-formset-added='3']")
    expect(row.locator("input[name='lines-3-description']")).to_be_focused()
    row.locator("input[name='lines-3-description']").fill("Loa nén")
    row.locator("input[name='lines-3-quantity']").fill("4")
    row.locator("input[name='lines-3-unit_price']").fill("2.000.000")
    expect(row.locator("output.line-amount")).to_have_text("8.000.000 đ")
    expect(lines.locator("output.lines-total")).to_have_text("8.000.000 đ")
    row.locator("[data-formset-remove]").click()
    expect(lines.locator("output.lines-total")).to_have_text("0 đ")
    expect(page.locator("input[name='lines-TOTAL_FORMS']")).to_have_value("3")
    assert errors == []
    context.close()


def test_a_duty_added_in_place_is_numbered_as_the_server_numbers_an_empty_row(browser, world):
    # The copied row's number is its position + 1 (the field's default, 0, would make a blank
    # added row look filled in), and follows the row when an earlier added one is taken away.
    context, page, errors = signed_in(browser, world.url, world.manager)
    page.goto(f"{world.url}/tracker/plans/new/")
    duties = page.locator("fieldset[data-formset=duties]")
    expect(page.locator("input[name='duties-2-order']")).to_have_value("3")
    add = duties.locator("button[data-formset-add]")
    expect(add).to_have_text("Thêm nhiệm vụ")
    add.click()
    expect(page.locator("input[name='duties-3-order']")).to_be_focused()
    expect(page.locator("input[name='duties-3-order']")).to_have_value("4")
    add.click()
    expect(page.locator("input[name='duties-4-order']")).to_have_value("5")
    duties.locator("[data-formset-added='3'] [data-formset-remove]").click()
    expect(page.locator("input[name='duties-4-order']")).to_have_count(0)
    expect(page.locator("input[name='duties-3-order']")).to_have_value("4")
    expect(page.locator("input[name='duties-TOTAL_FORMS']")).to_have_value("4")
    assert errors == []
    context.close()


def changed_pages(world) -> list[tuple[object, str]]:
    """The form pages this change touched, each with the persona who opens it."""
    activity = world.task.activity
    return [
        (world.district_officer, f"/tracker/registers/radio-works/new/?station={world.station.pk}"),
        (world.commune_officer, "/tracker/registers/training-courses/new/"),
        (world.commune_officer, "/budgets/estimates/new/"),
        (world.manager, f"/tracker/activities/{activity.pk}/edit/"),
        (world.manager, "/tracker/plans/new/"),
        (world.manager, "/tracker/activities/"),  # a list whose filter has date boxes
    ]


@needs_axe
def test_the_changed_form_pages_with_a_row_added_are_accessible_at_both_widths(browser, world):
    problems: list[str] = []
    for viewport in (PHONE, DESKTOP):
        width = viewport["width"]
        for user, href in changed_pages(world):
            context, page, errors = signed_in(browser, world.url, user, viewport, bypass_csp=True)
            response = page.goto(f"{world.url}{href}")
            assert response.status == 200, href
            for add in page.locator("button[data-formset-add]").all():
                add.click()
            pickers = page.locator("button.date-picker-button").count()
            if "date-picker.js" in page.content() and pickers == 0:
                problems.append(f"@{width}: {href}: date boxes without their calendar button")
            if width == PHONE["width"] and page.evaluate(SIDEWAYS) > 0:
                problems.append(f"@{width}: {href} scrolls {page.evaluate(SIDEWAYS)} px sideways")
            page.add_script_tag(path=str(AXE))
            problems += [f"@{width}: {href}: {violation}" for violation in page.evaluate(AXE_RUN)]
            problems += [f"@{width}: {href}: {error}" for error in errors]
            context.close()
    assert not problems, "\n".join(problems)
