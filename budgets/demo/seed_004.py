"""Seed 004: Lạng Sơn's 2023 Tiểu dự án 1 plan, paid from the sub-project's recurrent funds.

Section III: "Kinh phí thực hiện được bố trí từ nguồn kinh phí sự nghiệp thực hiện Tiểu dự án 1
được phân bổ tại Quyết định số 1181/QĐ-UBND ngày 15/7/2022 … về việc giao mục tiêu, nhiệm vụ,
kế hoạch vốn ngân sách nhà nước thực hiện các CTMTQG … năm 2022, Quyết định số 1966/QĐ-UBND
ngày 12/12/2022 … về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự toán ngân
sách nhà nước năm 2023".

Which is which: 1181 gives the state-budget plan of the national target programmes for
budget year **2022** — money of 2022 that the 2023 plan carries over and spends; 1966 gives
the state-budget estimate of budget year **2023**. So each decision approves and allocates
the money of its own budget year: estimates and allocations of year 2022 cite 1181, those of
year 2023 cite 1966. "Kinh phí sự nghiệp thực hiện Tiểu dự án 1" is the central budget's
recurrent funds (vốn sự nghiệp). The plan names only the DIC as the lead (IV.1) and gives no
amount: the DIC is the unit and every figure is sample — except the 88 postal points of 2.5,
which the plan states.
"""

from __future__ import annotations

from tracker.demo import seed_004 as tracker_seed
from tracker.models import Activity, Plan, Unit

from .base import SAMPLE, Ctx, D, Decision, Line, allocation, disburse, estimate, reverse

DECISION_1181 = Decision("1181/QĐ-UBND", D(2022, 7, 15))
DECISION_1966 = Decision("1966/QĐ-UBND", D(2022, 12, 12))
CENTRAL = "central_budget"
CARRIED_OVER = "Kinh phí năm 2022 giao tại Quyết định số 1181/QĐ-UBND ngày 15/7/2022, thực hiện năm 2023."
BUDGET_2023 = "Dự toán ngân sách nhà nước năm 2023 giao tại Quyết định số 1966/QĐ-UBND ngày 12/12/2022."


def load(ctx: Ctx) -> None:
    plan = Plan.objects.get(issuer__name="UBND tỉnh Lạng Sơn", title=tracker_seed.TITLE, is_sample=False)
    dic = Unit.objects.get(name="Sở Thông tin và Truyền thông tỉnh Lạng Sơn")
    contents = {a.section_code: a for a in Activity.objects.filter(plan=plan)}

    def funded(code, year, decision, lines, spent, note, reversal=None):
        """An approved estimate of the DIC, its allocation (the appraised total) and payments."""
        activity = contents[code]
        estimate(
            ctx,
            activity=activity,
            unit=dic,
            year=year,
            title=f"Dự toán kinh phí nội dung {code} năm {year} {SAMPLE}",
            lines=lines,
            decision=decision,
            comments="Thẩm định theo định mức chi của Tiểu dự án 1 (mẫu).",
        )
        amount = sum(line.amount if line.appraised is None else line.appraised for line in lines)
        funds = allocation(
            ctx,
            activity=activity,
            unit=dic,
            source=CENTRAL,
            year=year,
            amount=amount,
            decision=decision,
            note=note,
        )
        for voucher, day, paid in spent:
            entry = disburse(ctx, funds, voucher, day, paid)
            if reversal and voucher == reversal[0]:
                reverse(ctx, entry, reversal[1], reversal[2])

    # 2022 money (QĐ 1181), spent during 2023: both nearly all disbursed.
    funded(
        "2.1",
        2022,
        DECISION_1181,
        [
            Line("Biên soạn tài liệu bồi dưỡng (bản in, bản điện tử)", CENTRAL, "bộ", 1, 45_000_000, 40_000_000),
            Line(
                "Tổ chức lớp bồi dưỡng, tập huấn nghiệp vụ thông tin cơ sở", CENTRAL, "lớp", 3, 60_000_000, 170_000_000
            ),
        ],
        [
            ("PC-MẪU-001", D(2023, 5, 15), 40_000_000),
            ("PC-MẪU-002", D(2023, 7, 20), 85_000_000),
            ("PC-MẪU-003", D(2023, 10, 25), 80_000_000),
        ],
        CARRIED_OVER,
    )
    funded(
        "2.3",
        2022,
        DECISION_1181,
        [Line("Thiết lập mới đài truyền thanh xã ứng dụng CNTT-VT", CENTRAL, "đài", 2, 180_000_000, 350_000_000)],
        [("PC-MẪU-004", D(2023, 6, 12), 180_000_000), ("PC-MẪU-005", D(2023, 11, 28), 165_000_000)],
        CARRIED_OVER,
    )
    # 2023 money (QĐ 1966).
    funded(
        "2.3",
        2023,
        DECISION_1966,
        [
            Line(
                "Thay thế cụm loa có dây, không dây FM hỏng bằng cụm loa ứng dụng CNTT-VT",
                CENTRAL,
                "cụm loa",
                20,
                25_000_000,
                480_000_000,
            )
        ],
        [
            ("PC-MẪU-006", D(2023, 8, 9), 150_000_000),
            ("PC-MẪU-007", D(2023, 9, 14), 60_000_000),
            ("PC-MẪU-008", D(2023, 12, 5), 150_000_000),
        ],
        BUDGET_2023,
        reversal=("PC-MẪU-007", "Chứng từ ghi trùng với phiếu chi PC-MẪU-006 (mẫu).", D(2023, 9, 20)),
    )
    funded(
        "2.5",
        2023,
        DECISION_1966,
        # The 88 points are the plan's own figure; the amount per point is sample.
        [
            Line(
                "Hỗ trợ cung cấp dịch vụ thông tin công cộng tại điểm cung cấp dịch vụ bưu chính công cộng",
                CENTRAL,
                "điểm",
                88,
                6_000_000,
            )
        ],
        [("PC-MẪU-009", D(2023, 7, 3), 132_000_000), ("PC-MẪU-010", D(2023, 12, 18), 132_000_000)],
        BUDGET_2023,
    )
    funded(
        "2.2",
        2023,
        DECISION_1966,
        [
            Line(
                "Sản xuất tác phẩm báo chí, sản phẩm truyền thông điện tử chuyên đề",
                CENTRAL,
                "sản phẩm",
                40,
                8_000_000,
                300_000_000,
            )
        ],
        [("PC-MẪU-011", D(2023, 6, 30), 90_000_000), ("PC-MẪU-012", D(2023, 10, 31), 60_000_000)],
        BUDGET_2023,
    )
    # Allocated, nothing disbursed.
    funded(
        "2.6",
        2023,
        DECISION_1966,
        [Line("Xuất bản phẩm cung cấp nội dung thiết yếu", CENTRAL, "đầu xuất bản phẩm", 3, 40_000_000)],
        [],
        BUDGET_2023,
    )
