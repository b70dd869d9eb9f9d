"""Budgets of the current-year sample plan: all invented, dated around today.

Approved estimates for the lead department, communes and media that have tasks in the plan,
allocated from the central budget (vốn sự nghiệp) and the local counterpart; disbursements
over the last few months — some allocations nearly spent, some half, some untouched, one
entry reversed — and one estimate in each other workflow state, so the estimate pages have a
draft, a submitted, an appraised and a returned one. The commune of `canbo.xa` has an
approved estimate, a returned one and a donation; the radio-TV station of `canbo.dai` an
approved and an appraised one.

Rows are created once: a re-run on a later day leaves the ledger's dates where they were (it
never edits a disbursement); in a new year the sample plan rolls forward, and its new year
gets its own estimates, allocations and vouchers.
"""

from __future__ import annotations

import datetime

from budgets.models import Donation, Estimate
from tracker.demo.base import committee_name
from tracker.demo.sample_plan import COMMUNES
from tracker.models import Activity, Plan, Unit

from .base import (
    SAMPLE,
    Ctx,
    D,
    Decision,
    Line,
    allocation,
    disburse,
    donation,
    estimate,
    months_from,
    reverse,
    transfer,
)

CENTRAL, LOCAL = "central_budget", "local_budget"
PHONE = "Điện thoại thông minh"


def load(ctx: Ctx) -> None:
    plan = Plan.objects.get(issuer__name="UBND tỉnh Lạng Sơn", is_sample=True)
    year = plan.period_start.year
    today = ctx.today
    contents = {a.section_code: a for a in Activity.objects.filter(plan=plan)}
    science = Unit.objects.get(name="Sở Khoa học và Công nghệ tỉnh Lạng Sơn")
    radio = Unit.objects.get(name="Đài Phát thanh và Truyền hình tỉnh Lạng Sơn")
    newspaper = Unit.objects.get(name="Báo Lạng Sơn")
    communes = [Unit.objects.select_related("area").get(name=committee_name(name)) for name, *_ in COMMUNES]
    # The province gives next year's estimates in December, as 1966/QĐ-UBND did for 2023.
    decision = Decision(f"25/QĐ-UBND {SAMPLE}", D(year - 1, 12, 10))

    def ago(days: int) -> datetime.date:
        # Never before the decision, so early in January the payments bunch up after it.
        return max(today - datetime.timedelta(days=days), decision.date + datetime.timedelta(days=1))

    def voucher(number: int) -> str:
        return f"PC-MẪU-{year}-{number:02d}"

    def approved(code, unit, title, lines):
        estimate(
            ctx,
            activity=contents[code],
            unit=unit,
            year=year,
            title=f"{title} năm {year} {SAMPLE}",
            lines=lines,
            decision=decision,
            comments="Thẩm định theo định mức chi (mẫu).",
        )

    def funds(code, unit, source, amount):
        return allocation(
            ctx, activity=contents[code], unit=unit, source=source, year=year, amount=amount, decision=decision
        )

    # 2.3 in Xã Mẫu Một (canbo.xa): central funds 95 % disbursed, the counterpart untouched.
    approved(
        "2.3",
        communes[0],
        "Dự toán lắp đặt cụm loa ứng dụng CNTT-VT",
        [
            Line("Cụm loa ứng dụng CNTT-VT lắp đặt tại các thôn, bản", CENTRAL, "cụm loa", 6, 42_000_000, 240_000_000),
            Line("Lắp đặt, chạy thử, hướng dẫn vận hành", LOCAL, "gói", 1, 18_000_000),
        ],
    )
    loudspeakers = funds("2.3", communes[0], CENTRAL, 240_000_000)
    disburse(ctx, loudspeakers, voucher(1), ago(75), 96_000_000)
    disburse(ctx, loudspeakers, voucher(2), ago(40), 80_000_000)
    disburse(ctx, loudspeakers, voucher(3), ago(12), 52_000_000)
    funds("2.3", communes[0], LOCAL, 18_000_000)

    # 2.3 in Xã Mẫu Ba: 90 % disbursed.
    approved(
        "2.3",
        communes[2],
        "Dự toán thay thế cụm loa FM hỏng",
        [Line("Thay thế cụm loa FM hỏng bằng cụm loa ứng dụng CNTT-VT", CENTRAL, "cụm loa", 5, 40_000_000)],
    )
    replaced = funds("2.3", communes[2], CENTRAL, 200_000_000)
    disburse(ctx, replaced, voucher(4), ago(50), 120_000_000)
    disburse(ctx, replaced, voucher(5), ago(18), 60_000_000)

    # 2.2 at the radio-TV station (canbo.dai): half disbursed after one reversed entry.
    approved(
        "2.2",
        radio,
        "Dự toán sản xuất chương trình phát thanh, truyền hình",
        [
            Line("Phóng sự truyền hình về giảm nghèo về thông tin", CENTRAL, "phóng sự", 12, 14_000_000),
            Line("Chương trình phát thanh tiếng dân tộc thiểu số", LOCAL, "chương trình", 8, 6_000_000, 45_000_000),
        ],
    )
    programmes = funds("2.2", radio, CENTRAL, 168_000_000)
    disburse(ctx, programmes, voucher(6), ago(60), 56_000_000)
    disburse(ctx, programmes, voucher(7), ago(25), 28_000_000)
    wrong = disburse(ctx, programmes, voucher(8), ago(20), 30_000_000)
    reverse(ctx, wrong, "Ghi nhầm: chứng từ thuộc nội dung 2.4, không thuộc nội dung 2.2 (mẫu).", ago(19))
    radio_local = funds("2.2", radio, LOCAL, 45_000_000)
    disburse(ctx, radio_local, voucher(9), ago(30), 15_000_000)

    # 2.1 at the lead department: half disbursed.
    approved(
        "2.1",
        science,
        "Dự toán bồi dưỡng, tập huấn cán bộ thông tin cơ sở",
        [Line("Tổ chức lớp bồi dưỡng, tập huấn cho cán bộ thông tin cơ sở", CENTRAL, "lớp", 4, 55_000_000)],
    )
    training = funds("2.1", science, CENTRAL, 220_000_000)
    disburse(ctx, training, voucher(10), ago(35), 110_000_000)

    # 2.6 at the newspaper: allocated, untouched.
    approved(
        "2.6",
        newspaper,
        "Dự toán xuất bản ấn phẩm song ngữ Việt – Tày",
        [Line("Xuất bản ấn phẩm song ngữ Việt – Tày", CENTRAL, "đầu xuất bản phẩm", 2, 48_000_000)],
    )
    funds("2.6", newspaper, CENTRAL, 96_000_000)

    # One estimate in each other state of the workflow.
    estimate(
        ctx,
        activity=contents["2.3"],
        unit=communes[3],
        year=year,
        title=f"Dự toán mở rộng cụm loa ứng dụng CNTT-VT năm {year} {SAMPLE}",
        lines=[Line("Mở rộng cụm loa ứng dụng CNTT-VT đến các thôn chưa có loa", CENTRAL, "cụm loa", 4, 42_000_000)],
        status=Estimate.Status.DRAFT,
    )
    estimate(
        ctx,
        activity=contents["2.5"],
        unit=communes[4],
        year=year,
        title=f"Dự toán duy trì điểm bưu chính công cộng năm {year} {SAMPLE}",
        lines=[
            Line("Duy trì dịch vụ thông tin công cộng tại điểm bưu chính công cộng", CENTRAL, "tháng", 12, 3_000_000)
        ],
        status=Estimate.Status.SUBMITTED,
    )
    estimate(
        ctx,
        activity=contents["2.4"],
        unit=radio,
        year=year,
        title=f"Dự toán sản xuất nội dung cho cụm thông tin điện tử năm {year} {SAMPLE}",
        lines=[
            Line("Sản xuất nội dung cho hệ thống cụm thông tin điện tử", CENTRAL, "nội dung", 12, 5_000_000, 54_000_000)
        ],
        status=Estimate.Status.APPRAISED,
        comments="Điều chỉnh đơn giá theo định mức sản xuất nội dung (mẫu).",
    )
    estimate(
        ctx,
        activity=contents["2.4"],
        unit=communes[0],
        year=year,
        title=f"Dự toán cập nhật nội dung cụm thông tin điện tử xã biên giới năm {year} {SAMPLE}",
        lines=[
            Line("Cập nhật nội dung trên cụm thông tin điện tử xã biên giới", CENTRAL, "nội dung", 6, 4_000_000),
        ],
        status=Estimate.Status.RETURNED,
        return_reason="Đề nghị bổ sung thuyết minh khối lượng và đơn giá theo định mức (mẫu).",
    )

    # Donations of the last two months, so the monthly report's default month has figures.
    phones = donation(
        ctx,
        plan=plan,
        activity=None,
        donor="Doanh nghiệp viễn thông mẫu G (mẫu)",
        donor_kind=Donation.DonorKind.ENTERPRISE,
        received_by=science,
        received_on=months_from(today, -2, 10),
        receipt_number="BB-MẪU-101",
        item=PHONE,
        quantity=30,
        unit_value=1_600_000,
    )
    for number, commune, day, quantity in (("BBBG-MẪU-101", 0, 5, 12), ("BBBG-MẪU-102", 2, 15, 10)):
        transfer(
            ctx,
            phones,
            document_number=number,
            recipient=communes[commune],
            area=communes[commune].area,
            on=months_from(today, -1, day),
            quantity=quantity,
        )
    cash = donation(
        ctx,
        plan=plan,
        activity=None,
        donor="Công ty cổ phần mẫu H (mẫu)",
        donor_kind=Donation.DonorKind.ENTERPRISE,
        received_by=science,
        received_on=months_from(today, -1, 3),
        receipt_number="PT-MẪU-101",
        amount=25_000_000,
    )
    transfer(
        ctx,
        cash,
        document_number="BBBG-MẪU-103",
        recipient=communes[0],
        area=communes[0].area,
        on=months_from(today, -1, 20),
        amount=10_000_000,
    )
    # Received by Xã Mẫu Một itself.
    donation(
        ctx,
        plan=plan,
        activity=None,
        donor="Bà Lương Thị Mẫu (mẫu)",
        donor_kind=Donation.DonorKind.INDIVIDUAL,
        received_by=communes[0],
        received_on=months_from(today, -1, 12),
        receipt_number="PT-MẪU-102",
        amount=3_000_000,
    )
