"""Seed 000: Thừa Thiên Huế's 413/KH-UBND (19/12/2023), smartphones for poor, near-poor and
policy households 2023–2025.

Section III: "Kinh phí thực hiện các chính sách được sử dụng từ nguồn chương trình viễn thông
công ích, nguồn ngân sách tỉnh để thực hiện Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của
HĐND tỉnh …; nguồn huy động hợp pháp và nguồn lực xã hội hóa." So two sources carry the
estimates and allocations, each citing the act the plan names for it: the public-utility
telecom fund under the programme of Quyết định số 2269/QĐ-TTg (31/12/2021), and the
provincial budget under Nghị quyết số 20/2023/NQ-HĐND (21/8/2023) — IV.3 names its article 8,
"Hỗ trợ phương tiện nghe nhìn". The plan gives no amount and no budget decision of its own,
so the amounts are sample and the year (2024, the plan's first full year) is the demo's choice.
"""

from __future__ import annotations

from tracker.demo import seed_000 as tracker_seed
from tracker.models import Activity, Plan, Unit

from .base import SAMPLE, Ctx, D, Decision, Line, allocation, disburse, estimate

RESOLUTION_20 = Decision("20/2023/NQ-HĐND", D(2023, 8, 21))
PROGRAMME_2269 = Decision("2269/QĐ-TTg", D(2021, 12, 31))
YEAR = 2024
TELECOM_NOTE = (
    "Nguồn Chương trình cung cấp dịch vụ viễn thông công ích đến năm 2025 (Quyết định số 2269/QĐ-TTg ngày 31/12/2021)."
)
PROVINCE_NOTE = (
    "Nguồn ngân sách tỉnh thực hiện Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của HĐND tỉnh Thừa Thiên Huế."
)


def load(ctx: Ctx) -> None:
    plan = Plan.objects.get(number_symbol=tracker_seed.NUMBER, title=tracker_seed.TITLE)
    contents = {a.section_code: a for a in Activity.objects.filter(plan=plan)}
    dic = Unit.objects.get(name="Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế")
    radio = Unit.objects.get(name="Đài Phát thanh và Truyền hình tỉnh Thừa Thiên Huế")

    def funded(code, unit, source, decision, note, title, line, spent):
        estimate(
            ctx,
            activity=contents[code],
            unit=unit,
            year=YEAR,
            title=f"{title} năm {YEAR} {SAMPLE}",
            lines=[line],
            decision=decision,
        )
        funds = allocation(
            ctx,
            activity=contents[code],
            unit=unit,
            source=source,
            year=YEAR,
            amount=line.amount if line.appraised is None else line.appraised,
            decision=decision,
            note=note,
        )
        for voucher, day, paid in spent:
            disburse(ctx, funds, voucher, day, paid)

    # Content 3, the support itself: phones from the telecom programme (92.5 % disbursed) …
    funded(
        "3",
        dic,
        "public_telecom_fund",
        PROGRAMME_2269,
        TELECOM_NOTE,
        "Dự toán hỗ trợ điện thoại thông minh từ Chương trình viễn thông công ích",
        Line(
            "Điện thoại thông minh hỗ trợ hộ nghèo, hộ cận nghèo (Chương trình cung cấp dịch vụ viễn thông công ích)",
            "public_telecom_fund",
            "máy",
            400,
            2_000_000,
        ),
        [
            ("PC-MẪU-101", D(2024, 4, 16), 200_000_000),
            ("PC-MẪU-102", D(2024, 7, 9), 250_000_000),
            ("PC-MẪU-103", D(2024, 10, 22), 290_000_000),
        ],
    )
    # … and audio-visual equipment from the provincial budget (half disbursed).
    funded(
        "3",
        dic,
        "local_budget",
        RESOLUTION_20,
        PROVINCE_NOTE,
        "Dự toán hỗ trợ phương tiện nghe nhìn theo Nghị quyết số 20/2023/NQ-HĐND",
        Line(
            "Hỗ trợ phương tiện nghe nhìn theo Điều 8 Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023",
            "local_budget",
            "máy",
            150,
            2_000_000,
        ),
        [("PC-MẪU-104", D(2024, 6, 20), 90_000_000), ("PC-MẪU-105", D(2024, 9, 26), 60_000_000)],
    )
    # Content 1, outreach by the radio-TV station (IV.8): allocated, nothing disbursed yet.
    funded(
        "1",
        radio,
        "local_budget",
        RESOLUTION_20,
        PROVINCE_NOTE,
        "Dự toán tuyên truyền về hỗ trợ điện thoại thông minh trên sóng phát thanh, truyền hình",
        Line(
            "Chương trình phát thanh, truyền hình về hỗ trợ điện thoại thông minh",
            "local_budget",
            "chương trình",
            24,
            3_500_000,
        ),
        [],
    )
