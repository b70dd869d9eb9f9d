"""The current-year sample plan: invented data, flagged `is_sample` and labelled "(mẫu)".

Modelled on seed 004 so the dashboard, calendars and task lists have live work to show in
any year: dates are computed from today (some tasks done, some due soon, some overdue).
Nothing here is an official figure; the plan's purpose says so in its first sentence.
Loading on another day moves the relative dates, which then updates those rows; in a new
year the same sample plan rolls forward to that year.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tracker.models import Area, Deadline, Indicator, Plan, Progress, ReportingRule, Target, Unit
from tracker.work import services

from .base import (
    Ctx,
    D,
    activity,
    committee,
    deadline,
    group,
    lines,
    output,
    plan,
    reporting_rule,
    sample_commune,
    target,
    task,
)
from .common import Programme
from .seed_004 import CONTENTS, LangSon

SAMPLE = "(mẫu)"
NOTICE = (
    "Đây là dữ liệu mẫu dùng để trình diễn phần mềm, không phải văn bản chính thức; các xã, số liệu và thời hạn trong "
    "kế hoạch này đều là giả định."
)

# Two-tier local government since 1/7/2025: communes sit directly under the province.
# (name, region, border, extremely difficult) — attributes vary so filters have something to show.
COMMUNES = [
    ("Xã Mẫu Một (mẫu)", Area.Region.III, True, True),
    ("Xã Mẫu Hai (mẫu)", Area.Region.III, True, False),
    ("Xã Mẫu Ba (mẫu)", Area.Region.III, False, True),
    ("Xã Mẫu Bốn (mẫu)", Area.Region.II, False, False),
    ("Xã Mẫu Năm (mẫu)", Area.Region.I, False, False),
    ("Phường Mẫu Sáu (mẫu)", Area.Region.NONE, False, False),
]
# The commune whose officer logs in as `canbo.xa`: it has overdue and due-soon tasks.
OFFICER_COMMUNE = COMMUNES[0][0]
COMMUNE_GROUP = "UBND các xã, phường mẫu tỉnh Lạng Sơn (mẫu)"

# Sample planned quantities per content: (output, unit of measure, quantity).
OUTPUTS = {
    "2.1": [("Lớp bồi dưỡng, tập huấn", "lớp", 4), ("Lượt người được bồi dưỡng, tập huấn", "lượt người", 240)],
    "2.2": [("Tác phẩm báo chí, sản phẩm truyền thông sản xuất mới", "sản phẩm", 60)],
    "2.3": [
        ("Đài truyền thanh xã thiết lập mới", "đài", 3),
        ("Cụm loa ứng dụng công nghệ thông tin - viễn thông mở rộng, thay thế", "cụm loa", 24),
    ],
    "2.4": [("Nội dung thông tin đăng phát trên hệ thống cụm thông tin điện tử", "nội dung", 36)],
    "2.5": [
        (
            "Điểm cung cấp dịch vụ bưu chính công cộng được hỗ trợ cung cấp dịch vụ thông tin công cộng",
            "điểm",
            12,
        )
    ],
    "2.6": [("Xuất bản phẩm sản xuất mới", "đầu xuất bản phẩm", 4)],
}
# Seed 004's 2.5 names its official figure (88 points); the sample states none in its text.
DESCRIPTION_2_5 = (
    "Hỗ trợ cung cấp dịch vụ thông tin công cộng cho các điểm cung cấp dịch vụ bưu chính công cộng phục vụ tiếp cận "
    "thông tin của Nhân dân ở các xã có điều kiện kinh tế - xã hội đặc biệt khó khăn."
)

# Sample targets per commune for the current year: (lacking telecom, lacking information assets).
TARGETS = [(12, 3), (9, 2), (15, 4), (6, 1), (4, 1), (3, None)]

# Tasks: (content, unit key, deliverable, output index or None, quantity, timing).
# Timing: ("done", due offset, completed offset) | ("open", due offset, status) | ("later", offset).
# A unit key is a commune index (0–5), "radio_tv" or "newspaper".
TASKS = [
    ("2.3", 0, "Lắp đặt cụm loa ứng dụng CNTT-VT tại các thôn, bản", 1, 6, ("open", -12, Progress.IN_PROGRESS)),
    ("2.5", 0, "Báo cáo hoạt động điểm bưu chính công cộng được hỗ trợ", 0, 1, ("open", 5, Progress.IN_PROGRESS)),
    ("2.1", 0, "Cử cán bộ thông tin cơ sở tham dự lớp bồi dưỡng", 1, 4, ("done", -30, -32)),
    ("2.4", 0, "Cập nhật nội dung trên cụm thông tin điện tử xã biên giới", 0, 6, ("later", 60)),
    ("2.3", 1, "Thiết lập mới đài truyền thanh xã", 0, 1, ("open", 10, Progress.IN_PROGRESS)),
    (
        "2.4",
        1,
        "Cung cấp nội dung thông tin cho cụm thông tin điện tử cửa khẩu",
        0,
        6,
        ("open", -25, Progress.NOT_STARTED),
    ),
    ("2.3", 2, "Thay thế cụm loa FM hỏng bằng cụm loa ứng dụng CNTT-VT", 1, 5, ("done", -20, -21)),
    ("2.5", 2, "Tiếp nhận thiết bị cho điểm bưu chính công cộng", 0, 1, ("open", 3, Progress.IN_PROGRESS)),
    ("2.3", 3, "Mở rộng cụm loa ứng dụng CNTT-VT đến các thôn chưa có loa", 1, 4, ("open", -5, Progress.IN_PROGRESS)),
    ("2.1", 3, "Cử cán bộ thông tin cơ sở tham dự lớp bồi dưỡng", 1, 3, ("later", 90)),
    ("2.5", 4, "Duy trì dịch vụ thông tin công cộng tại điểm bưu chính công cộng", 0, 1, ("later", 120)),
    ("2.3", 5, "Khảo sát nhu cầu cụm loa ứng dụng CNTT-VT", None, None, ("later", 45)),
    ("2.2", "radio_tv", "Sản xuất phóng sự truyền hình về giảm nghèo về thông tin", 0, 12, ("done", -40, -42)),
    ("2.2", "radio_tv", "Chương trình phát thanh tiếng dân tộc thiểu số", 0, 8, ("open", 7, Progress.IN_PROGRESS)),
    (
        "2.4",
        "radio_tv",
        "Sản xuất nội dung cho hệ thống cụm thông tin điện tử",
        0,
        12,
        ("open", -3, Progress.IN_PROGRESS),
    ),
    ("2.2", "radio_tv", "Chuyên mục truyền hình cuối năm về giảm nghèo về thông tin", 0, 4, ("later", 150)),
    ("2.2", "newspaper", "Tin, bài, infographic trên báo điện tử", 0, 30, ("done", -15, -15)),
    (
        "2.6",
        "newspaper",
        "Xuất bản ấn phẩm song ngữ Việt – Tày cung cấp nội dung thiết yếu",
        0,
        2,
        ("open", 30, Progress.IN_PROGRESS),
    ),
]


@dataclass
class Sample:
    plan: Plan
    officer_unit: Unit


def load(ctx: Ctx, programme: Programme, ls: LangSon, indicators: dict[str, Indicator]) -> Sample:
    today = ctx.today
    year = today.year
    year_start, year_end = D(year, 1, 1), D(year, 12, 31)

    def days(offset: int) -> datetime.date:
        return today + datetime.timedelta(days=offset)

    def later(offset: int) -> datetime.date:
        # "Later in the year": by the end of the year when it is far enough, never within 14 days.
        return max(days(15), min(days(offset), year_end))

    communes, committees = [], []
    for row in COMMUNES:
        commune = sample_commune(ctx, ls.province, *row)
        communes.append(commune)
        committees.append(committee(ctx, commune, parent=ls.ubnd))
    commune_group = group(
        ctx, COMMUNE_GROUP, Unit.Kind.PEOPLES_COMMITTEE, members=committees, area=ls.province, is_sample=True
    )

    # The 2021–2025 programme ended; from 2026 the merged programme (NQ 257/2025/QH15) applies.
    component = programme.merged_2026_2035 if year >= 2026 else programme.subproject_1
    # One sample plan per database, found by its flag: next year it rolls forward to the new
    # year (title, period, relative dates) instead of leaving last year's sample behind.
    p = plan(
        ctx,
        lookup={"issuer": ls.ubnd, "is_sample": True},
        issuer=ls.ubnd,
        title=f"Kế hoạch thực hiện Tiểu dự án 1 Giảm nghèo về thông tin năm {year} (dữ liệu mẫu)",
        legal_bases=[],
        number_symbol="",
        place="Lạng Sơn",
        issued_on=D(year, 1, 20),
        issued_on_precision=Plan.DatePrecision.DAY,
        period_start=year_start,
        period_end=year_end,
        programme_component=component,
        area=ls.province,
        purpose=lines(
            NOTICE,
            "Mô phỏng kế hoạch năm 2023 của tỉnh Lạng Sơn: tổ chức triển khai, thực hiện các nội dung của Tiểu dự án 1 "
            "Giảm nghèo về thông tin; Sở Khoa học và Công nghệ (tiếp nhận chức năng của Sở Thông tin và Truyền thông "
            "từ 01/3/2025) chủ trì.",
        ),
        funding=(
            f"{SAMPLE} Kinh phí sự nghiệp được giao năm {year} và nguồn vốn huy động hợp pháp khác; không có số liệu."
        ),
        is_sample=True,
    )

    # Activities span the year; early in January the overdue sample tasks fall in the year
    # before, so the window opens at least 60 days back (a task may not precede its activity).
    start = min(year_start, days(-60))
    task_dues = [later(t[5][1]) if t[5][0] == "later" else days(t[5][1]) for t in TASKS]
    end = max(year_end, *task_dues)
    contents, outputs = {}, {}
    for order, (code, type_code, title, description) in enumerate(CONTENTS, start=1):
        cooperating = [(ls.labour, "Theo dõi, đôn đốc, tổng hợp tiến độ")]
        if code in ("2.3", "2.4", "2.5"):
            cooperating.append(commune_group)
        if code in ("2.2", "2.4"):
            cooperating.append(ls.radio_tv)
        if code in ("2.2", "2.6"):
            cooperating.append(ls.newspaper)
        contents[code] = activity(
            ctx,
            plan=p,
            section_code=code,
            type_code=type_code,
            order=order,
            title=title,
            description=DESCRIPTION_2_5 if code == "2.5" else description,
            lead_unit=ls.science,
            cooperating=cooperating,
            start_date=start,
            due_date=end,
            schedule_note=f"Năm {year}",
        )
        outputs[code] = [
            output(ctx, contents[code], output_order, name, measure, quantity)
            for output_order, (name, measure, quantity) in enumerate(OUTPUTS[code], start=1)
        ]

    for code, unit_key, deliverable, output_index, quantity, timing in TASKS:
        if isinstance(unit_key, int):
            unit_obj, task_area = committees[unit_key], communes[unit_key]
        else:
            unit_obj, task_area = getattr(ls, unit_key), None
        values = {
            "area": task_area,
            "output_indicator": outputs[code][output_index] if output_index is not None else None,
            "target_quantity": quantity,
        }
        if timing[0] == "done":
            values.update(due_date=days(timing[1]), status=Progress.COMPLETED, completed_on=days(timing[2]))
        elif timing[0] == "open":
            values.update(due_date=days(timing[1]), status=timing[2], completed_on=None)
        else:
            values.update(due_date=later(timing[1]), status=Progress.NOT_STARTED, completed_on=None)
        task(ctx, contents[code], unit_obj, deliverable, **values)

    for commune, (telecom, assets) in zip(communes, TARGETS, strict=True):
        target(ctx, p, indicators["telecom"], commune, year, telecom)
        if assets is not None:
            target(ctx, p, indicators["assets"], commune, year, assets)
    for stale in Target.objects.filter(plan=p).exclude(year=year):
        # Targets of a year the sample plan has rolled away from.
        services.delete(instance=stale, actor=ctx.actor)

    deadline(
        ctx,
        p,
        f"Gửi danh sách thôn, bản cần mở rộng cụm loa {SAMPLE}",
        Deadline.Kind.DATE,
        activity=contents["2.3"],
        responsible_unit=commune_group,
        due_date=days(7),
        wording=f"trước ngày {days(7):%d/%m/%Y}",
    )
    deadline(
        ctx,
        p,
        f"Hoàn thành khảo sát các điểm bưu chính công cộng được hỗ trợ {SAMPLE}",
        Deadline.Kind.DATE,
        activity=contents["2.5"],
        responsible_unit=ls.science,
        due_date=days(-10),
        wording=f"trước ngày {days(-10):%d/%m/%Y}",
    )
    deadline(
        ctx,
        p,
        f"Đợt cao điểm tuyên truyền về giảm nghèo về thông tin {SAMPLE}",
        Deadline.Kind.WINDOW,
        activity=contents["2.2"],
        responsible_unit=ls.radio_tv,
        window_start=days(-20),
        window_end=days(25),
        wording=f"từ ngày {days(-20):%d/%m/%Y} đến ngày {days(25):%d/%m/%Y}",
    )
    reporting_rule(
        ctx,
        p,
        f"Báo cáo tiến độ thực hiện hằng tháng {SAMPLE}",
        ReportingRule.Frequency.MONTHLY,
        reporter=commune_group,
        recipient=ls.science,
        due_day=20,
        active_from=year_start,
        active_to=year_end,
        wording="trước ngày 20 hằng tháng",
    )
    reporting_rule(
        ctx,
        p,
        f"Báo cáo kết quả thực hiện 6 tháng {SAMPLE}",
        ReportingRule.Frequency.HALF_YEAR,
        reporter=ls.science,
        recipient=ls.ubnd,
        due_month=6,
        due_day=15,
        active_from=year_start,
        active_to=year_end,
        wording="6 tháng trước ngày 15/6",
    )
    reporting_rule(
        ctx,
        p,
        f"Báo cáo kết quả thực hiện cả năm {SAMPLE}",
        ReportingRule.Frequency.ANNUAL,
        reporter=ls.science,
        recipient=ls.ubnd,
        due_month=12,
        due_day=15,
        active_from=year_start,
        active_to=year_end,
        wording="cả năm trước ngày 15/12",
    )
    return Sample(p, committees[0])
