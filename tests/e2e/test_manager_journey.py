"""A DIC manager, in a real browser: log in, open a plan, filter the activity board."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.second_factor import complete_second_factor
from tracker.demo.users import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server, demo):
    return live_server.url


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    complete_second_factor(page)


def test_thanh_hoas_manager_opens_its_plan_and_lang_sons_filters_the_board_to_2023(page, browser, demo_site):
    # Thanh Hóa's sample manager (each province's manager sees that province's plans).
    log_in(page, demo_site, "quanly.thanhhoa")
    # After logging in the manager lands on the dashboard, in Vietnamese.
    expect(page).to_have_url(re.compile(r"/tracker/dashboard/"))

    nav = page.get_by_role("navigation")
    nav.get_by_role("link", name="Kế hoạch", exact=True).click()
    page.get_by_role("link", name=re.compile("tiếp cận các dịch vụ xã hội cơ bản về thông tin năm 2019")).click()
    expect(page.get_by_text("Số: 146 /KH-UBND").or_(page.get_by_text("Số: 146/KH-UBND"))).to_be_visible()
    totals = page.locator("table tfoot td")
    expect(totals).to_have_text(["920", "200", "21"])
    expect(page.locator("table tbody tr", has_text="Phường Hàm Rồng")).to_contain_text("24")

    # Lạng Sơn's manager, quanly, does not find Thanh Hóa's plan among theirs.
    page = browser.new_context(locale="vi-VN").new_page()
    log_in(page, demo_site, "quanly")
    nav = page.get_by_role("navigation")
    nav.get_by_role("link", name="Kế hoạch", exact=True).click()
    expect(
        page.get_by_role("link", name=re.compile("tiếp cận các dịch vụ xã hội cơ bản về thông tin năm 2019"))
    ).to_have_count(0)

    nav.get_by_role("link", name="Hoạt động", exact=True).click()
    plan_option = page.locator("select[name=plan] option", has_text="Tiểu dự án 1").filter(has_text="(2023)").first
    page.select_option("select[name=plan]", value=plan_option.get_attribute("value"))
    page.get_by_role("button", name="Lọc").click()

    rows = page.locator("table.board tbody tr")
    expect(rows).to_have_count(6)
    expect(rows.locator("td:nth-child(2)")).to_have_text(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"])
    expect(rows.first).to_contain_text("Sở Thông tin và Truyền thông tỉnh Lạng Sơn")
