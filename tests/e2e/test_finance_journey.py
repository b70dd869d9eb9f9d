"""From estimate to disbursement in a real browser: a commune officer drafts and submits an
estimate, the finance officer appraises it, the DIC manager approves it with 1181/QĐ-UBND,
the finance officer allocates and records two disbursements, the rate moves, and a third
disbursement over what remains is refused with the service's message and nothing written.

As in the other journeys, the steps find elements by name attributes, data attributes and
URLs rather than by their (translated) text, so the test reads the same in both languages.
"""

import datetime
import importlib
import re

import pytest
from playwright.sync_api import expect

from budgets.models import Allocation, Disbursement, Estimate, FundingSource
from tests import factories
from tests.e2e.second_factor import complete_second_factor
from tracker.core import roles

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "mật-khẩu-thử"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}


@pytest.fixture
def funding_sources(reference_rows):
    """The flush after a transactional test empties the sources the data migration made: put
    them back as that migration does (reference_rows does the same for the roles)."""
    from django.apps import apps

    importlib.import_module("budgets.migrations.0002_funding_sources").create_sources(apps, None)


@pytest.fixture
def world(live_server, funding_sources):
    commune = factories.CommuneCommitteeFactory(name="UBND xã Tân Tiến")
    plan = factories.PlanFactory(number_symbol="146/KH-UBND", title="Kế hoạch giảm nghèo về thông tin năm 2026")
    activity = factories.ActivityFactory(
        plan=plan, section_code="2.3", title="Tăng cường cơ sở vật chất cho đài truyền thanh xã"
    )
    factories.TaskFactory(activity=activity, unit=commune)
    users = {
        "officer": factories.UserFactory(username="canbo", password=PASSWORD, unit=commune, role=roles.UNIT_OFFICER),
        "finance": factories.UserFactory(username="taichinh", password=PASSWORD, role=roles.FINANCE_OFFICER),
        "manager": factories.UserFactory(username="quanly", password=PASSWORD, role=roles.DIC_MANAGER),
    }
    return {"url": live_server.url, "activity": activity, "commune": commune, "users": users}


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    complete_second_factor(page)


def as_user(browser, world, username: str, **context):
    page = browser.new_context(**({"locale": "vi-VN"} | context)).new_page()
    page.set_default_timeout(15_000)
    log_in(page, world["url"], username)
    return page


def test_an_estimate_becomes_an_allocation_whose_disbursements_move_the_rate(browser, world):
    base, activity = world["url"], world["activity"]
    central = FundingSource.objects.get(code="central_budget")

    # 1. The commune officer drafts the estimate on a phone, then submits it.
    officer = as_user(browser, world, "canbo", **PHONE)
    officer.goto(f"{base}/budgets/estimates/")
    officer.locator("a[href='/budgets/estimates/new/']").click()
    officer.select_option("select[name=activity]", str(activity.pk))
    officer.fill("input[name=year]", "2026")
    officer.fill("input[name=title]", "Dự toán lắp đặt cụm loa năm 2026")
    officer.fill("textarea[name=explanation]", "Theo định mức tại Thông tư 39/2020/TT-BTTTT.")
    officer.fill("input[name='lines-0-description']", "Cụm loa ứng dụng CNTT-VT")
    officer.select_option("select[name='lines-0-funding_source']", str(central.pk))
    officer.fill("input[name='lines-0-unit_of_measure']", "cụm")
    officer.fill("input[name='lines-0-quantity']", "4")
    officer.fill("input[name='lines-0-unit_price']", "25.000.000")
    # The live amount (a small static script; the server shows the same on every save).
    expect(officer.locator("output.line-amount").first).to_have_text("100.000.000 đ")
    expect(officer.locator("output.lines-total")).to_have_text("100.000.000 đ")
    assert officer.evaluate("document.documentElement.scrollWidth") <= 390
    officer.locator("form.estimate-form button.primary").click()
    expect(officer).to_have_url(re.compile(r"/budgets/estimates/\d+/$"))
    estimate = Estimate.objects.get()
    assert (estimate.status, estimate.unit, estimate.lines.get().amount) == ("draft", world["commune"], 100_000_000)
    officer.locator(f"form[action='/budgets/estimates/{estimate.pk}/submit/'] button").click()
    expect(officer.locator(".badge.estimate-submitted")).to_be_visible()

    # 2. The finance officer appraises it: the line starts at the amount requested.
    finance = as_user(browser, world, "taichinh")
    finance.goto(f"{base}/budgets/estimates/{estimate.pk}/")
    line = estimate.lines.get()
    expect(finance.locator(f"input[name=line_{line.pk}]")).to_have_value("100.000.000")
    finance.fill(f"input[name=line_{line.pk}]", "90.000.000")
    finance.fill("#appraise textarea[name=comments]", "Giảm đơn giá theo báo giá thị trường.")
    finance.locator("#appraise button[type=submit]").click()
    expect(finance.locator(".badge.estimate-appraised")).to_be_visible()

    # 3. The DIC manager approves it with the decision.
    manager = as_user(browser, world, "quanly")
    manager.goto(f"{base}/budgets/estimates/{estimate.pk}/")
    manager.fill("#approve input[name=decision_number]", "1181/QĐ-UBND")
    manager.fill("#approve input[name=decision_date]", "15/07/2026")
    manager.locator("#approve button[type=submit]").click()
    expect(manager.locator(".badge.estimate-approved")).to_be_visible()
    expect(manager.locator(".estimate-document")).to_contain_text("1181/QĐ-UBND")
    expect(manager.locator(".estimate-document")).to_contain_text("15/07/2026")

    # 4. The finance officer allocates from the estimate's page: activity, year and unit are
    #    filled in, and the box says what can still be allocated.
    finance.goto(f"{base}/budgets/estimates/{estimate.pk}/")
    finance.locator("a[href^='/budgets/allocations/new/']").click()
    expect(finance.locator("select[name=activity]")).to_have_value(str(activity.pk))
    expect(finance.locator(".funding-box")).to_contain_text("90.000.000 đ")
    finance.select_option("select[name=funding_source]", str(central.pk))
    finance.fill("input[name=amount]", "90.000.000")
    finance.fill("input[name=decision_number]", "1182/QĐ-UBND")
    finance.fill("input[name=decision_date]", "20/07/2026")
    finance.locator("form.work-form button.primary").click()
    expect(finance).to_have_url(re.compile(r"/budgets/allocations/\d+/$"))
    allocation = Allocation.objects.get()
    assert (allocation.amount, allocation.unit, allocation.year) == (90_000_000, world["commune"], 2026)

    # 5. Two disbursements; the rate moves to 54/90 = 60%.
    for voucher, day, amount in (("PC-01", "01/08/2026", "30.000.000"), ("PC-02", "15/08/2026", "24,000,000")):
        finance.fill("#disburse input[name=voucher_number]", voucher)
        finance.fill("#disburse input[name=voucher_date]", day)
        finance.fill("#disburse input[name=amount]", amount)
        finance.locator("#disburse button[type=submit]").click()
        expect(finance.locator("table.ledger tbody tr", has_text=voucher)).to_be_visible()
    expect(finance.locator("[data-figure=disbursed]")).to_have_text("54.000.000 đ")
    expect(finance.locator("[data-figure=remaining]")).to_have_text("36.000.000 đ")
    expect(finance.locator("[data-figure=rate] .rate-value")).to_have_text("60%")
    expect(finance.locator("table.ledger tbody tr td.amount")).to_have_text(["30.000.000 đ", "24.000.000 đ"])

    # 6. A third, over what remains: the service's message on the amount, nothing written.
    finance.fill("#disburse input[name=voucher_number]", "PC-03")
    finance.fill("#disburse input[name=voucher_date]", "01/09/2026")
    finance.fill("#disburse input[name=amount]", "40.000.000")
    finance.locator("#disburse button[type=submit]").click()
    expect(finance.locator("#disburse .has-error .errorlist")).to_contain_text("36.000.000 đ")
    expect(finance.locator("#disburse input[name=amount]")).to_have_value("40.000.000")
    expect(finance.locator("table.ledger tbody tr")).to_have_count(2)
    expect(finance.locator("[data-figure=rate] .rate-value")).to_have_text("60%")
    allocation.refresh_from_db()
    assert (allocation.disbursed, Disbursement.objects.count()) == (54_000_000, 2)
    assert list(Disbursement.objects.values_list("voucher_date", flat=True)) == [
        datetime.date(2026, 8, 1),
        datetime.date(2026, 8, 15),
    ]
