"""A province starts on the tracker with nothing of its own, and runs it without a superuser.

The installation loads the official map of the province (`load_admin_map`) and makes its
first DIC manager with `create_province_manager` — the superuser-free bootstrap: it places the
DIC in the province and e-mails the manager a one-time link. From then on everything is done
by that manager in the tracker, in a browser: they set their password, set up two-step
verification, create the province's units (the provincial People's Committee, the radio-TV
station, two communes' committees and the collective "UBND các xã có tên tại mục II.1"), a
village, a legal document (from the plan form), an indicator, the people (a commune officer
invited by e-mail, a finance officer), and a whole plan: legal basis, section IV duties, an
activity with its lead and cooperating units and output, a task for the commune, the monthly
reporting rule of the collective, a target. The commune officer follows the e-mailed link,
reports on a phone, and the manager finds the report in the review queue.

A neighbouring province already on the tracker (Lào Cai, one unit) must never show in
Tuyên Quang's choice lists.
"""

from __future__ import annotations

import base64
import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.choices import choose, no_such_choice
from tracker.models import Area, ProgressReport, Task, Unit, User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "vi-VN"}
MANAGER_EMAIL = "an.nguyen@tuyenquang.gov.vn"
OFFICER_EMAIL = "mai.hoang@lambinh.tuyenquang.gov.vn"
DIC = "Sở Khoa học và Công nghệ tỉnh Tuyên Quang"
PROVINCE_PC = "Ủy ban nhân dân tỉnh Tuyên Quang"
RADIO = "Báo và Phát thanh, Truyền hình Tuyên Quang"
LAM_BINH = "UBND xã Lâm Bình"
THUONG_LAM = "UBND xã Thượng Lâm"
COLLECTIVE = "UBND các xã có tên tại mục II.1"
NEIGHBOUR = "Sở Khoa học và Công nghệ tỉnh Lào Cai"
INDICATOR = "Số xã có đài truyền thanh ứng dụng công nghệ thông tin – viễn thông"


def dmy(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def link_in_last_mail(to: str) -> str:
    message = [message for message in mail.outbox if to in message.to][-1]
    return re.search(r"https?://\S+/accounts/password/set/\S+/", message.body).group(0)


def set_password(page, link: str, password: str) -> None:
    """The person opens the one-time link from their e-mail and chooses a password."""
    page.goto(link)
    page.fill("#id_new_password1", password)
    page.fill("#id_new_password2", password)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/set-password/"))


def log_in(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def enrol_second_factor(page) -> None:
    """A manager's first login: scan the key (read it here), type the app's code, keep the codes."""
    expect(page).to_have_url(re.compile(r"/accounts/mfa/setup/"))
    key = "".join(page.locator(".otp-key").inner_text().split())
    page.fill("#id_code", f"{totp(base64.b32decode(key)):06d}")
    page.get_by_role("button", name="Xác nhận").click()
    page.get_by_role("link", name="Tiếp tục").click()
    page.wait_for_url(lambda url: "/accounts/mfa/" not in url)


def saved(page) -> None:
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator(".errors")).to_have_count(0)


def options_of(page, selector: str) -> list[str]:
    return page.locator(f"{selector} option").all_inner_texts()


def pick(page, selector: str, label: str, *, search: str = "") -> None:
    """Choose an option; in a long list, first narrow it with its filter box as a person does."""
    if search:
        page.locator(f"{selector}").locator("xpath=preceding-sibling::input[@type='search'][1]").fill(search)
    page.select_option(selector, label=label)


# --- The steps -------------------------------------------------------------------------------------


def create_unit(page, base_url, *, name, kind, area="", area_search="", parent="", short_name="", email=""):
    page.goto(f"{base_url}/tracker/units/")
    page.get_by_role("link", name="Thêm đơn vị").click()
    page.fill("#id_name", name)
    if short_name:
        page.fill("#id_short_name", short_name)
    page.select_option("#id_kind", label=kind)
    if parent:
        page.select_option("#id_parent", label=parent)
    if area:
        pick(page, "#id_area", area, search=area_search)
    if email:
        page.fill("#id_email", email)
    saved(page)
    expect(page.locator("h1")).to_contain_text(name)


def create_units(page, base_url):
    page.goto(f"{base_url}/tracker/units/new/")
    # Only Tuyên Quang's areas are offered, never the neighbour's.
    areas = options_of(page, "#id_area")
    assert "Tỉnh Tuyên Quang" in areas and "Xã Lâm Bình" in areas
    assert not [name for name in areas if "Lào Cai" in name or "Cam Đường" in name]
    assert NEIGHBOUR not in options_of(page, "#id_parent")

    create_unit(
        page, base_url, name=PROVINCE_PC, short_name="UBND tỉnh", kind="Ủy ban nhân dân", area="Tỉnh Tuyên Quang"
    )
    create_unit(page, base_url, name=RADIO, kind="Đài Phát thanh – Truyền hình", area="Tỉnh Tuyên Quang")
    create_unit(
        page,
        base_url,
        name=LAM_BINH,
        kind="Ủy ban nhân dân",
        area="Xã Lâm Bình",
        area_search="lam binh",
        email="ubndlambinh@tuyenquang.gov.vn",
    )
    create_unit(page, base_url, name=THUONG_LAM, kind="Ủy ban nhân dân", area="Xã Thượng Lâm", area_search="thuong lam")

    # The collective a plan names, with its members.
    page.goto(f"{base_url}/tracker/units/new/")
    page.fill("#id_name", COLLECTIVE)
    page.select_option("#id_kind", label="Ủy ban nhân dân")
    page.select_option("#id_area", label="Tỉnh Tuyên Quang")
    page.get_by_label("Nhóm đơn vị").check()
    page.get_by_role("checkbox", name=LAM_BINH, exact=True).check()
    page.get_by_role("checkbox", name=THUONG_LAM, exact=True).check()
    saved(page)
    collective = Unit.objects.get(name=COLLECTIVE)
    assert collective.is_group
    assert sorted(collective.members.values_list("name", flat=True)) == [LAM_BINH, THUONG_LAM]


def create_village(page, base_url):
    page.goto(f"{base_url}/tracker/areas/")
    page.get_by_role("link", name="Thêm địa bàn").click()
    page.fill("#id_name", "Thôn Nà Khà")
    page.select_option("#id_kind", label="Thôn, bản")
    assert not [name for name in options_of(page, "#id_parent") if "Lào Cai" in name]
    pick(page, "#id_parent", "Xã Lâm Bình (Tỉnh Tuyên Quang)", search="lam binh")
    saved(page)
    expect(page.locator("h1")).to_contain_text("Thôn Nà Khà")


def create_indicator(page, base_url):
    page.goto(f"{base_url}/tracker/indicators/")
    page.get_by_role("link", name="Thêm chỉ tiêu").click()
    page.fill("#id_name", INDICATOR)
    page.fill("#id_unit_of_measure", "xã")
    page.fill("#id_description", "Xã có đài truyền thanh ứng dụng CNTT-VT được nghiệm thu, đưa vào sử dụng.")
    saved(page)
    expect(page.get_by_text(INDICATOR)).to_be_visible()


def invite_people(page, base_url):
    page.goto(f"{base_url}/tracker/people/")
    page.get_by_role("link", name="Thêm tài khoản").click()
    page.fill("#id_last_name", "Hoàng Thị")
    page.fill("#id_first_name", "Mai")
    page.fill("#id_email", OFFICER_EMAIL)
    page.get_by_role("checkbox", name="Cán bộ đơn vị").check()
    assert NEIGHBOUR not in options_of(page, "#id_unit")
    pick(page, "#id_unit", LAM_BINH)
    page.get_by_role("button", name="Tạo và gửi lời mời").click()
    expect(page.get_by_text(f"Đã gửi lời mời kèm liên kết đặt mật khẩu tới {OFFICER_EMAIL}")).to_be_visible()

    page.get_by_role("link", name="Thêm tài khoản").click()
    page.fill("#id_last_name", "Lê Văn")
    page.fill("#id_first_name", "Bình")
    page.fill("#id_email", "binh.le@tuyenquang.gov.vn")
    page.get_by_role("checkbox", name="Cán bộ tài chính").check()
    pick(page, "#id_unit", DIC)
    page.get_by_role("button", name="Tạo và gửi lời mời").click()
    rows = page.locator("table tbody tr")
    expect(rows.filter(has_text="Hoàng Thị Mai")).to_contain_text("Cán bộ đơn vị")
    expect(rows.filter(has_text="Lê Văn Bình")).to_contain_text("Cán bộ tài chính")
    officer = User.objects.get(email=OFFICER_EMAIL)
    assert not officer.has_usable_password()


def plan_dates() -> tuple[datetime.date, datetime.date]:
    """The plan began six weeks ago and runs for a year (so a report period has opened)."""
    start = timezone.localdate() - datetime.timedelta(days=45)
    return start, start + datetime.timedelta(days=364)


def create_plan(page, base_url) -> None:
    start, end = plan_dates()
    page.goto(f"{base_url}/tracker/plans/")
    page.get_by_role("link", name="Thêm kế hoạch").click()
    # Only the province's units and areas, never the neighbour's.
    assert no_such_choice(page, "id_issuer", "lao cai")
    assert no_such_choice(page, "id_area", "lao cai")
    assert no_such_choice(page, "id_duties-0-unit", "lao cai")

    # The legal basis is not in the tracker yet: "Thêm văn bản mới" and back to the plan form.
    page.get_by_role("link", name="Thêm văn bản mới").click()
    page.select_option("#id_kind", label="Thông tư")
    page.fill("#id_number_symbol", "06/2022/TT-BTTTT")
    page.fill("#id_issued_on", "30/06/2022")
    page.fill("#id_issuer", "Bộ Thông tin và Truyền thông")
    page.fill(
        "#id_title",
        "Hướng dẫn thực hiện Dự án 6 “Truyền thông và giảm nghèo về thông tin” thuộc Chương trình mục tiêu "
        "quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
    )
    saved(page)
    expect(page).to_have_url(re.compile(r"/tracker/plans/new/"))
    # Back on the plan form, the new document is among the legal bases (cited "Căn cứ").
    expect(page.locator("#id_legal_bases-ts-control").locator("xpath=..").locator(".item")).to_contain_text(
        "06/2022/TT-BTTTT"
    )

    choose(page, "id_issuer", "uy ban nhan dan tinh", PROVINCE_PC)
    page.fill("#id_number_symbol", "45/KH-UBND")
    page.fill("#id_place", "Tuyên Quang")
    page.fill("#id_issued_on", dmy(start))
    page.select_option("#id_status", label="Đã ban hành")
    page.fill("#id_title", f"Kế hoạch thực hiện Tiểu dự án 1 – Giảm nghèo về thông tin năm {start.year}")
    page.fill("#id_period_start", dmy(start))
    page.fill("#id_period_end", dmy(end))
    choose(page, "id_area", "tuyen quang", "Tỉnh Tuyên Quang")
    page.fill(
        "#id_purpose", "Tăng cường cơ sở vật chất đài truyền thanh xã; người dân vùng khó khăn tiếp cận thông tin."
    )
    # Section IV "Tổ chức thực hiện", in order, each with its unit or collective.
    choose(page, "id_duties-0-unit", "khoa hoc", DIC)
    page.fill("#id_duties-0-heading", "Sở Khoa học và Công nghệ")
    page.fill(
        "#id_duties-0-text",
        "Chủ trì, hướng dẫn, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh.",
    )
    choose(page, "id_duties-1-unit", "cac xa", COLLECTIVE)
    page.fill("#id_duties-1-heading", "UBND các xã có tên tại mục II.1")
    page.fill("#id_duties-1-text", "Tổ chức thực hiện tại địa phương; báo cáo kết quả trước ngày 10 hằng tháng.")
    page.fill("#id_signing_authority", "TM. ỦY BAN NHÂN DÂN")
    page.fill("#id_signer_title", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    page.fill("#id_signer_name", "Nguyễn Văn B")
    saved(page)
    expect(page.get_by_text("Số: 45/KH-UBND").or_(page.get_by_text("Số: 45 /KH-UBND"))).to_be_visible()
    expect(page.get_by_text("Căn cứ Thông tư số 06/2022/TT-BTTTT").first).to_be_visible()
    expect(
        page.get_by_text("Tổ chức thực hiện tại địa phương; báo cáo kết quả trước ngày 10 hằng tháng.")
    ).to_be_visible()
    expect(page.get_by_text("2. UBND các xã có tên tại mục II.1")).to_be_visible()
    expect(page.get_by_text("Kế hoạch này chưa có hoạt động nào.")).to_be_visible()


def create_activity(page, base_url) -> None:
    start, end = plan_dates()
    page.goto(f"{base_url}/tracker/plans/")
    page.get_by_role("link", name=re.compile("Giảm nghèo về thông tin năm")).click()
    page.get_by_role("link", name="Thêm hoạt động").first.click()
    page.fill("#id_section_code", "1")
    page.select_option("#id_activity_type", label="Tăng cường cơ sở vật chất đài truyền thanh xã")
    page.fill("#id_title", "Thiết lập đài truyền thanh xã ứng dụng công nghệ thông tin – viễn thông")
    # Units and areas are searched as typed, among the province's only (the neighbour's
    # department never comes back from the list).
    assert no_such_choice(page, "id_lead_unit", "lao cai")
    choose(page, "id_lead_unit", "khoa hoc", DIC)
    choose(page, "id_cooperating_units", "phat thanh", RADIO)
    choose(page, "id_cooperating_units", "cac xa", COLLECTIVE)
    choose(page, "id_area", "tuyen quang", "Tỉnh Tuyên Quang")
    page.fill("#id_start_date", dmy(start))
    page.fill("#id_due_date", dmy(end))
    page.select_option("#id_status", label="Đang thực hiện")
    page.fill("#id_outputs-0-name", "Đài truyền thanh xã ứng dụng CNTT-VT")
    page.fill("#id_outputs-0-unit_of_measure", "đài")
    page.fill("#id_outputs-0-planned_quantity", "2")
    page.select_option("#id_outputs-0-indicator", label=INDICATOR)
    page.get_by_role("button", name="Tạo hoạt động").click()
    expect(page.locator(".errors")).to_have_count(0)
    expect(page.locator("h1")).to_contain_text("Thiết lập đài truyền thanh xã")


def assign_task(page, base_url) -> None:
    page.get_by_role("link", name="Giao nhiệm vụ").click()
    assert no_such_choice(page, "id_unit", "lao cai")
    choose(page, "id_unit", "lam binh", LAM_BINH)
    choose(page, "id_area", "lam binh", "Xã Lâm Bình, Tỉnh Tuyên Quang")
    page.fill("#id_deliverable", "Đài truyền thanh xã Lâm Bình ứng dụng CNTT-VT được lắp đặt, nghiệm thu.")
    page.select_option("#id_output_indicator", label="Đài truyền thanh xã ứng dụng CNTT-VT")
    page.fill("#id_target_quantity", "1")
    page.fill("#id_due_date", dmy(timezone.localdate() + datetime.timedelta(days=60)))
    page.select_option("#id_status", label="Đang thực hiện")
    page.get_by_role("button", name="Giao nhiệm vụ").click()
    expect(page.locator(".errors")).to_have_count(0)
    expect(page.locator("table", has_text="Sản phẩm phải hoàn thành")).to_contain_text(LAM_BINH)


def add_rules_and_target(page, base_url) -> None:
    start, _end = plan_dates()
    page.get_by_role("link", name="45/KH-UBND", exact=True).first.click()
    # "UBND các xã có tên tại mục II.1 … trước ngày 10 hằng tháng": one rule for the collective.
    page.get_by_role("link", name="Thêm quy định báo cáo").click()
    page.fill("#id_title", "Báo cáo kết quả thực hiện hằng tháng")
    assert no_such_choice(page, "id_reporter", "lao cai")
    choose(page, "id_reporter", "cac xa", COLLECTIVE)
    choose(page, "id_recipient", "khoa hoc", DIC)
    page.select_option("#id_frequency", label="Hằng tháng")
    page.fill("#id_due_day", "10")
    page.fill("#id_active_from", dmy(start))
    page.fill("#id_wording", "báo cáo kết quả thực hiện trước ngày 10 hằng tháng")
    page.get_by_label("Quy định mặc định của kế hoạch").check()
    saved(page)
    # The DIC's own annual report to the province: a date that does not exist is refused.
    page.get_by_role("link", name="Thêm quy định báo cáo").click()
    page.fill("#id_title", "Báo cáo kết quả thực hiện năm")
    choose(page, "id_reporter", "khoa hoc", DIC)
    choose(page, "id_recipient", "uy ban nhan dan tinh", PROVINCE_PC)
    page.select_option("#id_frequency", label="Hằng năm")
    page.fill("#id_due_day", "31")
    page.fill("#id_due_month", "2")
    page.fill("#id_active_from", dmy(start))
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator("#id_due_day").locator("xpath=ancestor::*[contains(@class, 'field')][1]")).to_contain_text(
        "31/02"
    )
    page.fill("#id_due_day", "15")
    page.fill("#id_due_month", "12")
    saved(page)
    expect(page.get_by_text("Báo cáo kết quả thực hiện hằng tháng")).to_be_visible()
    expect(page.get_by_text("Báo cáo kết quả thực hiện năm")).to_be_visible()

    page.get_by_role("link", name="Thêm chỉ tiêu").click()
    page.select_option("#id_indicator", label=INDICATOR)
    choose(page, "id_area", "lam binh", "Xã Lâm Bình, Tỉnh Tuyên Quang")
    page.fill("#id_year", str(start.year))
    page.fill("#id_planned_value", "1")
    saved(page)
    expect(page.locator("table", has_text=INDICATOR)).to_contain_text("Xã Lâm Bình")


def report_from_phone(browser, base_url: str, link: str, photo) -> ProgressReport:
    """The commune officer sets a password from the invitation and reports on a phone."""
    phone = browser.new_context(**PHONE)
    page = phone.new_page()
    page.set_default_timeout(15_000)
    set_password(page, link, "Lam-Binh-bao-cao-26")
    log_in(page, base_url, "mai.hoang", "Lam-Binh-bao-cao-26")
    task = Task.objects.get(unit__name=LAM_BINH)
    page.locator("summary.menu-button").click()  # on a phone the menu opens from its button
    page.locator("a.nav-my-tasks").click()
    expect(page).to_have_url(re.compile(r"/tracker/my-tasks/"))
    page.locator(f"a[data-task='{task.pk}']").click()
    page.locator("a[name^='report-']").first.click()
    expect(page).to_have_url(re.compile(rf"/tracker/tasks/{task.pk}/report/\?period="))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    page.fill("input[name=percent_complete]", "60")
    page.fill(f"input[name=quantity_{task.output_indicator_id}]", "1")
    page.fill("textarea[name=narrative]", "Đã lắp đặt đài, đang chạy thử trước nghiệm thu.")
    page.set_input_files("input[name=evidence]", str(photo))
    page.locator("button[name=action][value=submit]").click()
    expect(page).to_have_url(re.compile(rf"/tracker/tasks/{task.pk}/$"))
    phone.close()
    return ProgressReport.objects.get(task=task, status="submitted")


def fresh_province_setup(base_url: str) -> None:
    """What the installation does: the map, a neighbour on the tracker, the first manager."""
    call_command("load_admin_map", provinces=["Tuyên Quang", "Lào Cai"], verbosity=0)
    Unit.objects.create(name=NEIGHBOUR, kind=Unit.Kind.DEPARTMENT, area=Area.objects.get(name="Tỉnh Lào Cai"))
    call_command(
        "create_province_manager",
        province="Tuyên Quang",
        unit=DIC,
        email=MANAGER_EMAIL,
        first_name="An",
        last_name="Nguyễn Văn",
        base_url=base_url,
        verbosity=0,
    )


@pytest.fixture
def fresh_province(live_server):
    fresh_province_setup(live_server.url)
    return live_server.url


def test_a_new_province_is_set_up_by_its_dic_manager_alone_and_a_commune_reports_from_a_phone(
    browser, fresh_province, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    base_url = fresh_province
    manager = User.objects.get(email=MANAGER_EMAIL)
    assert (manager.is_staff, manager.is_superuser, manager.unit.name) == (False, False, DIC)
    # Nothing of the province yet but its DIC.
    assert list(Unit.objects.filter(area__name="Tỉnh Tuyên Quang").values_list("name", flat=True)) == [DIC]

    desk = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.set_default_timeout(15_000)
    set_password(page, link_in_last_mail(MANAGER_EMAIL), "Song-Lo-mua-xuan-71")
    log_in(page, base_url, manager.username, "Song-Lo-mua-xuan-71")
    enrol_second_factor(page)

    create_units(page, base_url)
    create_village(page, base_url)
    create_indicator(page, base_url)
    invite_people(page, base_url)
    create_plan(page, base_url)
    create_activity(page, base_url)
    assign_task(page, base_url)
    add_rules_and_target(page, base_url)

    photo = tmp_path / "dai-truyen-thanh.png"
    Image.new("RGB", (64, 48), "green").save(photo)
    report = report_from_phone(browser, base_url, link_in_last_mail(OFFICER_EMAIL), photo)
    assert report.evidence.get().content_type == "image/png"
    assert report.history.first().history_user.username == "mai.hoang"

    # Back at the DIC: the report waits in the review queue; the manager accepts it.
    page.goto(f"{base_url}/tracker/dashboard/")
    page.locator("a.nav-review").click()
    expect(page.locator(f"tr[data-report='{report.pk}']")).to_contain_text(LAM_BINH)
    page.locator(f"a[name=review-{report.pk}]").click()
    page.locator("button[name=accept]").click()
    expect(page.locator(f"tr[data-report='{report.pk}']")).to_have_count(0)
    report.refresh_from_db()
    assert report.status == "accepted"
    # The collective's other commune, with no task, owes its own monthly report all the same.
    page.goto(f"{base_url}/tracker/due/")
    expect(page.locator("main")).to_contain_text(THUONG_LAM)
    expect(page.locator("main")).to_contain_text("Báo cáo kết quả thực hiện hằng tháng")
    desk.close()
