"""The Excel file of Mẫu số 01: the report's text and figures on its first sheet, then Biểu số
01 and Biểu số 02 (and the plan's targets by area) on landscape sheets — the same snapshot
as the PDF, written with the house report's `SheetWriter` into the safe workbook of
`tracker.core.spreadsheets` (no cell is read as a formula). The sample mark on every page is
added by `tracker.reports.excel.render_xlsx` for every kind.
"""

from __future__ import annotations

import math
from decimal import Decimal

from openpyxl import Workbook

from tracker.reports.excel import Header, Row, SheetWriter, targets_headers, targets_rows

TEXT_WIDTH = 105  # characters across the first sheet's columns (7 + 46 + 4 × 13)

# I.5 "Nội dung giám sát" after the plans. The form (Mẫu số 01 as khql-neu.edu.vn's copy opens
# it) divides I.5 into lettered parts, the first "a) Nội dung giám sát của chủ chương trình",
# whose items begin "Theo dõi, kiểm tra công tác …"; the rest was not readable, so these items
# follow that style without a letter and their wording is the tracker's. The document template
# (templates/tracker/reports/monitoring.html) prints the same lines.
MONITORING_CONTENTS = (
    "- Theo dõi, kiểm tra công tác quản lý, chỉ đạo và chế độ báo cáo của các cơ quan, đơn vị thực hiện;",
    "- Theo dõi, kiểm tra tình hình huy động, phân bổ và sử dụng nguồn vốn;",
    "- Theo dõi, kiểm tra kết quả thực hiện các nội dung, chỉ tiêu so với kế hoạch;",
    "- Tổng hợp khó khăn, vướng mắc và kiến nghị, đề xuất của các cơ quan, đơn vị.",
)


def _rate(text: str | None) -> float | None:
    return float(Decimal(text.replace(",", "."))) if text else None


def _paragraph(writer: SheetWriter, text: str, **style) -> None:
    """A paragraph across the sheet, its row tall enough for its wrapped lines."""
    lines = sum(max(1, math.ceil(len(part) * 1.1 / TEXT_WIDTH)) for part in text.splitlines() or [""])
    writer.line(text, height=16 * lines if lines > 1 else None, **style)
    writer.skip()


def _landscape(writer: SheetWriter) -> SheetWriter:
    writer.sheet.page_setup.orientation = "landscape"
    return writer


def _caption(writer: SheetWriter, snapshot: dict, label: str, caption: str) -> None:
    frame = snapshot["frame"]
    writer.line(label, bold=True, align="center")
    writer.skip()
    writer.line(caption, bold=True, align="center")
    writer.skip()
    writer.line(
        f"(Kèm theo Báo cáo số      /{frame['symbol']} {frame['date_words']} của {frame['issuer_name']})",
        italic=True,
        align="center",
    )
    writer.skip(2)


def _report_sheet(book: Workbook, snapshot: dict) -> None:
    body = snapshot["body"]
    sheet = book.active
    sheet.title = "Mẫu số 01"
    writer = SheetWriter(sheet, [7, 46, 13, 13, 13, 13])
    writer.frame(snapshot["frame"], is_sample=snapshot["is_sample"])
    _paragraph(writer, f"(Theo {body['form']})", italic=True, align="center")
    writer.skip()
    _paragraph(writer, "I. THÔNG TIN CHUNG VỀ NỘI DUNG GIÁM SÁT", bold=True)
    _paragraph(writer, "1. Tên đoàn giám sát: " + "." * 60)
    subjects = "; ".join(body["subjects"])
    _paragraph(
        writer,
        f"2. Đối tượng giám sát: {len(body['subjects'])} cơ quan, đơn vị tham gia thực hiện"
        + (f": {subjects}." if subjects else "."),
    )
    _paragraph(
        writer,
        f"3. Thời gian giám sát: {body['period_text']} ({body['period_dates']}); "
        f"số liệu tính đến ngày {body['as_of']}.",
    )
    _paragraph(writer, f"4. Địa bàn giám sát: {', '.join(body['areas']) or '.' * 60}.")
    subject = body["programme"] or "Chương trình mục tiêu quốc gia giảm nghèo bền vững"
    if body["subproject"]:
        subject = f"{body['subproject']} thuộc {subject}"
    _paragraph(writer, "5. Nội dung giám sát:")
    _paragraph(writer, f"- Theo dõi, kiểm tra công tác tổ chức thực hiện {subject} theo các kế hoạch:")
    for plan in body["plans"]:
        sample = " (dữ liệu mẫu)" if plan["is_sample"] and "mẫu" not in plan["label"] else ""
        _paragraph(writer, f"+ {plan['label']}{sample}; thời gian thực hiện: {plan['period']};")
    for line in MONITORING_CONTENTS:
        _paragraph(writer, line)
    writer.skip()
    _paragraph(writer, "II. KẾT QUẢ GIÁM SÁT", bold=True)
    _paragraph(writer, "1. Công tác quản lý, tổ chức thực hiện và chế độ báo cáo", bold=True)
    r = body["reporting"]
    _paragraph(
        writer,
        f"Trong kỳ, các đơn vị được giao nhiệm vụ phải gửi {r['expected']} báo cáo tiến độ; đã nhận "
        f"{r['received']} báo cáo ({r['on_time']} báo cáo đúng hạn, {r['late']} báo cáo chậm), đã chấp nhận "
        f"{r['accepted']} báo cáo; {r['missing']} báo cáo quá hạn chưa gửi.",
    )
    _paragraph(writer, "2. Tình hình huy động, phân bổ và sử dụng nguồn vốn", bold=True)
    budget = body["budget"]
    if budget and budget["rows"]:
        year = f"năm {budget['year']} " if budget["year"] else ""
        _paragraph(
            writer,
            f"Kinh phí {year}được giao và giải ngân theo nguồn vốn, tính đến ngày {budget['date_to']} "
            "(đơn vị tính: đồng):",
        )
        rows = [
            Row([number, row["source"], row["allocated"], row["disbursed"], _rate(row["rate"])])
            for number, row in enumerate(budget["rows"], start=1)
        ]
        total = budget["total"]
        rows.append(Row([None, "Tổng cộng", total["allocated"], total["disbursed"], _rate(total["rate"])], "total"))
        headers = [
            [
                Header("STT"),
                Header("Nguồn vốn"),
                Header("Kinh phí được giao"),
                Header("Đã giải ngân"),
                Header("Tỷ lệ giải ngân (%)"),
            ],
            [Header(f"({n})") for n in range(1, 5)] + [Header("(5)=(4)/(3)")],
        ]
        writer.table(headers, rows)
    else:
        _paragraph(writer, "Chưa có số liệu kinh phí được giao, giải ngân cho các nội dung trong kỳ trên Hệ thống.")
    _paragraph(writer, "3. Kết quả thực hiện các nội dung, chỉ tiêu", bold=True)
    counts = body["indicator_counts"]
    text = f"Các kế hoạch đặt {counts['total']} chỉ tiêu sản phẩm"
    if counts["total"]:
        text += (
            f"; đến hết kỳ, {counts['reached']} chỉ tiêu đạt từ 100% kế hoạch trở lên, {counts['started']} chỉ tiêu "
            f"đã có kết quả nhưng chưa đạt kế hoạch, {counts['none']} chỉ tiêu chưa có kết quả được ghi nhận"
        )
    text += (
        ". Kết quả theo từng chỉ tiêu tại Biểu số 01 (số liệu chỉ được cộng trong cùng một chỉ tiêu) và theo từng "
        "nội dung, sản phẩm tại Biểu số 02 kèm theo báo cáo này."
    )
    _paragraph(writer, text)
    writer.skip()
    _paragraph(writer, "III. ĐÁNH GIÁ CHUNG: TỒN TẠI, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN", bold=True)
    for entry in body["difficulties"]:
        _paragraph(writer, f"- {entry['unit']}: {entry['text']}")
    if not body["difficulties"]:
        _paragraph(writer, "Các đơn vị không phản ánh khó khăn, vướng mắc trong các báo cáo được chấp nhận trong kỳ.")
    _paragraph(writer, "IV. KIẾN NGHỊ, ĐỀ XUẤT", bold=True)
    for paragraph in body["recommendations"]:
        _paragraph(writer, paragraph)
    if body["proposals"]:
        _paragraph(writer, "Đề xuất, kiến nghị của các đơn vị:")
    for entry in body["proposals"]:
        _paragraph(writer, f"- {entry['unit']}: {entry['text']}")
    if not body["recommendations"] and not body["proposals"]:
        _paragraph(writer, "Không có kiến nghị, đề xuất trong kỳ.")
    writer.skip()
    writer.signature(snapshot["frame"])


def _mark(row: dict) -> str:
    return " [mẫu]" if row.get("is_sample") else ""


def _framework_sheet(book: Workbook, snapshot: dict) -> None:
    body = snapshot["body"]
    writer = _landscape(SheetWriter(book.create_sheet("Biểu số 01"), [7, 60, 14, 16, 16, 16, 16]))
    name = (body["subproject"] or "Tiểu dự án 1").upper()
    _caption(writer, snapshot, "Biểu số 01", f"CHỈ SỐ, KHUNG KẾT QUẢ THỰC HIỆN {name}")
    rows = []
    for number, group in enumerate(body["indicators"], start=1):
        rows.append(Row([number, group["content"], None, None, None, None, None], "group"))
        for row in group["rows"]:
            rows.append(
                Row(
                    [
                        None,
                        row["name"] + _mark(row),
                        row["unit_of_measure"],
                        row["planned"],
                        row["in_period"],
                        row["to_date"],
                        row["percent"],
                    ]
                )
            )
    headers = [
        [
            Header("STT"),
            Header("Nội dung, chỉ số"),
            Header("Đơn vị tính"),
            Header("Chỉ tiêu kế hoạch"),
            Header("Thực hiện trong kỳ"),
            Header("Lũy kế đến hết kỳ"),
            Header("Tỷ lệ so với kế hoạch (%)"),
        ],
        [Header(f"({n})") for n in range(1, 7)] + [Header("(7)=(6)/(4)")],
    ]
    writer.table(headers, rows)


def _results_sheet(book: Workbook, snapshot: dict) -> None:
    body = snapshot["body"]
    writer = _landscape(SheetWriter(book.create_sheet("Biểu số 02"), [7, 60, 12, 13, 13, 13, 14, 30]))
    name = (body["subproject"] or "Tiểu dự án 1").upper()
    _caption(writer, snapshot, "Biểu số 02", f"KẾT QUẢ THỰC HIỆN {name} {body['period_text'].upper()}")
    rows = []
    several = len(body["activity_results"]) > 1
    for group in body["activity_results"]:
        if several:
            rows.append(Row([None, group["plan"], None, None, None, None, None, None], "group"))
        for activity in group["activities"]:
            # Bold ("total" style), not merged across: the lead unit has its own column.
            rows.append(Row([activity["code"], activity["title"], *[None] * 5, activity["lead_unit"]], "total"))
            for output in activity["outputs"]:
                rows.append(
                    Row(
                        [
                            None,
                            f"- {output['name']}{_mark(output)}",
                            output["unit_of_measure"],
                            output["planned"],
                            output["in_period"],
                            output["to_date"],
                            output["percent"],
                            None,
                        ]
                    )
                )
    headers = [
        [
            Header("STT"),
            Header("Nội dung, sản phẩm"),
            Header("Đơn vị tính"),
            Header("Kế hoạch"),
            Header("Thực hiện trong kỳ"),
            Header("Lũy kế đến hết kỳ"),
            Header("Tỷ lệ so với kế hoạch (%)"),
            Header("Đơn vị chủ trì"),
        ],
        [Header(f"({n})") for n in range(1, 7)] + [Header("(7)=(6)/(4)"), Header("(8)")],
    ]
    writer.table(headers, rows)


def _targets_sheet(book: Workbook, snapshot: dict) -> None:
    table = snapshot["body"]["targets"]
    columns = sum(1 if column["baseline"] else 3 for column in table["columns"])
    writer = _landscape(SheetWriter(book.create_sheet("Chỉ tiêu theo địa bàn"), [7, 30] + [12] * columns))
    _caption(writer, snapshot, "Phụ lục", table["caption"])
    writer.table(targets_headers(table), targets_rows(table))


def sheets(book: Workbook, snapshot: dict) -> None:
    """Every sheet of the monitoring report, in the document's order."""
    _report_sheet(book, snapshot)
    _framework_sheet(book, snapshot)
    _results_sheet(book, snapshot)
    if snapshot["body"].get("targets"):
        _targets_sheet(book, snapshot)
