"""The Excel file of a report (openpyxl): the same figures as the PDF, from the same snapshot.

Numbers are numbers (quantities and money `#,##0`, rates `0.0`), totals are the document's
values (not formulas, so a reader sees them without recalculating), and each table's header
rows are the sheet's print titles, so they repeat on every printed page. Sheets print on A4
portrait with the margins of an official document.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tracker.core.spreadsheets import new_workbook, workbook_bytes

FONT = "Times New Roman"
INTEGER = "#,##0"
RATE = "0.0"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MM_PER_INCH = 25.4
SAMPLE_MARK = "SỐ LIỆU MẪU"
SAMPLE_NOTICE = "DỮ LIỆU MẪU – không phải văn bản chính thức; số liệu không phải số liệu chính thức."
BLANK_LINE = "……………………………"  # a signature line left for the hand (no signer given)


@dataclass
class Header:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Row:
    values: list
    style: str = ""  # "", "group", "activity", "total"


def _font(*, bold: bool = False, italic: bool = False, size: int = 12) -> Font:
    return Font(name=FONT, bold=bold, italic=italic, size=size)


def _rate(text: str | None):
    """'37,5' (as printed) → 37.5 as a number; blank stays blank."""
    return float(Decimal(text.replace(",", "."))) if text else None


def _lines(value, width: int) -> int:
    """Lines a text takes in a column of `width` characters (wrapped), roughly."""
    if not isinstance(value, str) or not value:
        return 1
    return sum(max(1, math.ceil(len(part) * 1.1 / max(width - 1, 1))) for part in value.splitlines() or [""])


class SheetWriter:
    def __init__(self, sheet: Worksheet, widths: list[int]):
        self.sheet = sheet
        self.widths = widths
        self.columns = len(widths)
        self.row = 1
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        setup = sheet.page_setup
        setup.orientation = "portrait"
        setup.paperSize = sheet.PAPERSIZE_A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        margins = sheet.page_margins
        margins.left, margins.right = 30 / MM_PER_INCH, 15 / MM_PER_INCH
        margins.top, margins.bottom = 20 / MM_PER_INCH, 20 / MM_PER_INCH
        # Page numbers centred at the top from the second page (NĐ 30/2020).
        sheet.HeaderFooter.differentFirst = True
        sheet.oddHeader.center.text = "&P"
        sheet.oddHeader.center.font = FONT

    def line(self, text: str, *, bold=False, italic=False, size=12, align="left", first=1, last=None, height=None):
        """A line of text across columns `first`..`last` (merged)."""
        last = last or self.columns
        cell = self.sheet.cell(row=self.row, column=first, value=text)
        cell.font = _font(bold=bold, italic=italic, size=size)
        cell.alignment = Alignment(horizontal=align, vertical="top", wrap_text=True)
        if last > first:
            self.sheet.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)
        if height:
            self.sheet.row_dimensions[self.row].height = height

    def skip(self, rows: int = 1):
        self.row += rows

    def frame(self, frame: dict, *, is_sample: bool):
        """The official header: agencies left, national name and motto right; then the
        document type and summary."""
        split = max(2, self.columns * 2 // 5)
        if is_sample:
            self.line(SAMPLE_NOTICE, italic=True)
            self.skip()
        number = frame.get("number") or "       "  # blank for the records clerk
        left = [(frame["parent_agency"], False), (frame["issuer"], True), (f"Số: {number}/{frame['symbol']}", False)]
        right = [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False),
            ("Độc lập - Tự do - Hạnh phúc", True, False),
            (frame["date_line"], False, True),
        ]
        for (text, bold), (motto, motto_bold, italic) in zip(left, right, strict=True):
            self.line(text, bold=bold, align="center", first=1, last=split)
            self.line(motto, bold=motto_bold, italic=italic, align="center", first=split + 1)
            self.skip()
        self.skip()
        self.line(frame["doc_type"], bold=True, size=14, align="center")
        self.skip()
        self.line(frame["summary"], bold=True, size=13, align="center", height=36)
        self.skip(2)

    def table(self, headers: list[list[Header]], rows: list[Row]):
        """A ruled table; its header rows become the sheet's print titles."""
        first_header = self.row
        taken: set[tuple[int, int]] = set()
        for offset, header_row in enumerate(headers):
            column = 1
            for header in header_row:
                while (self.row + offset, column) in taken:
                    column += 1
                top, left = self.row + offset, column
                bottom, right = top + header.rowspan - 1, left + header.colspan - 1
                for r in range(top, bottom + 1):
                    for c in range(left, right + 1):
                        taken.add((r, c))
                        self.sheet.cell(row=r, column=c).border = BOX
                cell = self.sheet.cell(row=top, column=left, value=header.text)
                cell.font = _font(bold=True, size=11)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                if (bottom, right) != (top, left):
                    self.sheet.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
                column = right + 1
        self.row += len(headers)
        self.sheet.print_title_rows = f"{first_header}:{self.row - 1}"
        self.sheet.freeze_panes = self.sheet.cell(row=self.row, column=1)
        for row in rows:
            widths = list(self.widths)
            if row.style in ("activity", "group"):
                # A content's or a plan's heading spans the figures' columns.
                self.sheet.merge_cells(start_row=self.row, start_column=2, end_row=self.row, end_column=self.columns)
                widths[1] = sum(self.widths[1:])
            lines = 1
            for column, value in enumerate(row.values, start=1):
                cell = self.sheet.cell(row=self.row, column=column, value=value)
                cell.border = BOX
                cell.font = _font(bold=row.style in ("activity", "total", "group"), italic=row.style == "group")
                if isinstance(value, bool) or value is None or isinstance(value, str):
                    cell.alignment = Alignment(vertical="top", wrap_text=True)
                    lines = max(lines, _lines(value, widths[column - 1]))
                elif isinstance(value, float):
                    cell.number_format = RATE
                else:
                    cell.number_format = INTEGER
            if lines > 1:
                # Excel does not grow a row for wrapped text it did not lay out itself.
                self.sheet.row_dimensions[self.row].height = 15 * lines
            self.row += 1
        self.skip()

    def signature(self, frame: dict):
        """Recipients on the left, the signature block on the right, side by side."""
        split = max(2, self.columns * 2 // 5)
        start = self.row
        self.line("Nơi nhận:", bold=True, italic=True, size=12, first=1, last=split)
        for entry in frame["recipients"]:
            self.skip()
            self.line(f"- {entry}", size=11, first=1, last=split)
        left_end = self.row
        self.row = start
        signature = frame["signature"]
        # Always a signature block: dotted lines to write on where no signer was given.
        lines = [*signature["authority"], signature["title"]] if signature["authority"] else [BLANK_LINE, BLANK_LINE]
        for text in lines:
            if text:
                self.line(text, bold=text != BLANK_LINE, align="center", first=split + 1)
                self.skip()
        self.skip(4)  # room to sign
        self.line(signature["name"] or BLANK_LINE, bold=bool(signature["name"]), align="center", first=split + 1)
        self.row = max(self.row, left_end) + 2


def _widths(*widths: int) -> list[int]:
    return list(widths)


def _results_sheet(book: Workbook, snapshot: dict) -> None:
    sheet = book.active
    sheet.title = "Kết quả"
    writer = SheetWriter(sheet, _widths(7, 46, 11, 12, 12, 12, 12))
    writer.frame(snapshot["frame"], is_sample=snapshot["is_sample"])
    body = snapshot["body"]
    writer.line(f"Kỳ báo cáo: {body['period_text']}", italic=True)
    writer.skip()
    writer.line("Biểu 1. Kết quả thực hiện các chỉ tiêu sản phẩm", bold=True)
    writer.skip()
    rows = []
    for group in body["results"]:
        if len(body["results"]) > 1:
            rows.append(Row([None, group["plan"], None, None, None, None, None], "group"))
        for activity in group["activities"]:
            title = f"{activity['title']} (Chủ trì: {activity['lead_unit']}; {activity['status'].lower()})"
            rows.append(Row([activity["code"], title, None, None, None, None, None], "activity"))
            for output in activity["outputs"]:
                rows.append(
                    Row(
                        [
                            None,
                            f"- {output['name']}" + (" [mẫu]" if output.get("is_sample") else ""),
                            output["unit_of_measure"],
                            output["planned"],
                            output["in_period"],
                            output["to_date"],
                            output["percent"],
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
        ],
        [Header(f"({n})") for n in range(1, 7)] + [Header("(7)=(6)/(4)")],
    ]
    writer.table(headers, rows)
    writer.signature(snapshot["frame"])


def _budget_rows(budget: dict) -> list[Row]:
    rows = [
        Row([n, row["source"], row["allocated"], row["disbursed"], row["remaining"], _rate(row["rate"])])
        for n, row in enumerate(budget["rows"], start=1)
    ]
    total = budget["total"]
    rows.append(
        Row(
            [None, "Tổng cộng", total["allocated"], total["disbursed"], total["remaining"], _rate(total["rate"])],
            "total",
        )
    )
    return rows


BUDGET_HEADERS = [
    [
        Header("STT"),
        Header("Nguồn vốn"),
        Header("Kinh phí được giao (đồng)"),
        Header("Đã giải ngân (đồng)"),
        Header("Còn lại (đồng)"),
        Header("Tỷ lệ giải ngân (%)"),
    ]
]
BUDGET_WIDTHS = (7, 40, 18, 18, 18, 12)


def _budget_sheet(book: Workbook, snapshot: dict, *, first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = "Kinh phí"
    budget = snapshot["body"]["budget"]
    writer = SheetWriter(sheet, _widths(*BUDGET_WIDTHS))
    if first:
        writer.frame(snapshot["frame"], is_sample=snapshot["is_sample"])
    year = f"năm {budget['year']} " if budget["year"] else ""
    writer.line(f"Kinh phí {year}được giao và giải ngân theo nguồn vốn, tính đến ngày {budget['date_to']}", bold=True)
    writer.skip()
    writer.table(BUDGET_HEADERS, _budget_rows(budget))
    if first:
        writer.signature(snapshot["frame"])


def _texts_sheet(book: Workbook, title: str, heading: str, sections: list[tuple[str, list[tuple[str, str]]]]):
    sheet = book.create_sheet(title)
    writer = SheetWriter(sheet, _widths(7, 22, 36, 70))
    writer.line(heading, bold=True)
    writer.skip()
    rows = []
    number = 0
    for kind, entries in sections:
        for who, text in entries:
            number += 1
            rows.append(Row([number, kind, who, text]))
    writer.table([[Header("STT"), Header("Loại"), Header("Đơn vị / nhiệm vụ"), Header("Nội dung")]], rows)


def _product_text(row: dict) -> str:
    detail = f" ({row['detail']})" if row["detail"] else ""
    return row["title"] + detail + (" [mẫu]" if row["is_sample"] else "")


def _products_sheet(book: Workbook, products: list[dict]) -> None:
    sheet = book.create_sheet("Danh mục sản phẩm")
    writer = SheetWriter(sheet, _widths(7, 10, 24, 50, 24, 30, 12))
    writer.line("Danh mục công trình, lớp bồi dưỡng, sản phẩm đã được chấp nhận trong kỳ", bold=True)
    writer.skip()
    headers = ["STT", "Nội dung", "Loại", "Tên, mô tả", "Địa bàn", "Đơn vị thực hiện", "Ngày"]
    rows = [
        Row(
            [
                number,
                row["code"],
                row["register"],
                _product_text(row),
                row["area"],
                row["unit"],
                row["date"],
            ]
        )
        for number, row in enumerate(products, start=1)
    ]
    writer.table([[Header(text) for text in headers]], rows)


def _general_sheet(book: Workbook, snapshot: dict) -> None:
    body = snapshot["body"]
    sheet = book.create_sheet("Thông tin chung")
    writer = SheetWriter(sheet, _widths(48, 60))
    reporting = body["reporting"]
    rows = [
        Row(["Kỳ báo cáo", body["period_text"]]),
        *[Row(["Kế hoạch", plan["label"]]) for plan in body["plans"]],
        Row(["Số cơ quan, đơn vị tham gia", len(body["units"])]),
        Row(["Cơ quan, đơn vị tham gia", "; ".join(body["units"])]),
        Row(["Báo cáo tiến độ phải gửi trong kỳ", reporting["expected"]]),
        Row(["- Đã đến hạn", reporting["due"]]),
        Row(["- Đã nhận", reporting["received"]]),
        Row(["- Đúng hạn", reporting["on_time"]]),
        Row(["- Chậm", reporting["late"]]),
        Row(["- Đã chấp nhận", reporting["accepted"]]),
        Row(["- Quá hạn chưa gửi", reporting["missing"]]),
    ]
    writer.line("I. Thông tin chung", bold=True)
    writer.skip()
    writer.table([[Header("Mục"), Header("Nội dung")]], rows)


def targets_headers(table: dict) -> list[list[Header]]:
    two = 2 if table["has_targets"] else 1
    first = [Header("STT", rowspan=two), Header("Địa bàn", rowspan=two)]
    second = []
    for column in table["columns"]:
        if column["baseline"]:
            first.append(Header(column["label"], rowspan=two))
        else:
            first.append(Header(column["label"], colspan=3))
            second += [Header("Chỉ tiêu"), Header("Thực hiện"), Header("Tỷ lệ (%)")]
    return [first, second] if table["has_targets"] else [first]


def targets_rows(table: dict) -> list[Row]:
    def cells(items: list[dict]) -> list:
        values = []
        for cell in items:
            values.append(cell["planned"])
            if not cell["baseline"]:
                values += [cell["actual"], cell["percent"]]
        return values

    def area(row: dict) -> str:
        # By the areas in force: the new unit with the old ones it was formed from.
        formed_from = row.get("formed_from") or []
        return f"{row['area']} (gồm: {'; '.join(formed_from)})" if formed_from else row["area"]

    rows = [Row([n, area(row), *cells(row["cells"])]) for n, row in enumerate(table["rows"], start=1)]
    rows.append(Row([None, "Tổng cộng", *cells(table["totals"])], "total"))
    return rows


def _targets_sheet(book: Workbook, snapshot: dict, table: dict, *, first: bool, title: str) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    widths = [7, 28]
    for column in table["columns"]:
        widths += [14] if column["baseline"] else [11, 11, 9]
    writer = SheetWriter(sheet, widths)
    if first:
        writer.frame(snapshot["frame"], is_sample=snapshot["is_sample"])
    writer.line(table["caption"], bold=True, align="center")
    writer.skip()
    writer.line(f"(Theo {table['plan']})", italic=True, align="center")
    writer.skip(2)
    writer.table(targets_headers(table), targets_rows(table))
    if first:
        writer.signature(snapshot["frame"])


def _unit_sheet(book: Workbook, snapshot: dict) -> None:
    body = snapshot["body"]
    sheet = book.active
    sheet.title = "Nhiệm vụ"
    writer = SheetWriter(sheet, _widths(6, 44, 14, 30, 10, 11, 10, 12))
    writer.frame(snapshot["frame"], is_sample=snapshot["is_sample"])
    writer.line(f"{body['unit']} – kỳ báo cáo: {body['period_text']}", italic=True)
    writer.skip()
    rows = [
        Row(
            [
                task["no"],
                f"{task['deliverable']} (Nội dung {task['activity']}{'; ' + task['area'] if task['area'] else ''})",
                f"{task['due']} – {task['status']}",
                f"{task['output']} ({task['unit_of_measure']})" if task["output"] else None,
                task["target"],
                task["in_period"],
                task["to_date"],
                task["percent_complete"],
            ]
        )
        for task in body["tasks"]
    ]
    headers = [
        [
            Header("STT"),
            Header("Nhiệm vụ"),
            Header("Thời hạn, tình trạng"),
            Header("Sản phẩm (đơn vị tính)"),
            Header("Chỉ tiêu"),
            Header("Thực hiện trong kỳ"),
            Header("Lũy kế"),
            Header("Hoàn thành (%)"),
        ]
    ]
    writer.table(headers, rows)
    writer.signature(snapshot["frame"])


# Sheets of the kinds defined outside this module, by kind (`tracker.reports.monitoring.register`).
SHEETS: dict[str, Callable[[Workbook, dict], None]] = {}


def render_xlsx(snapshot: dict) -> bytes:
    book = new_workbook()
    kind = snapshot["kind"]
    body = snapshot["body"]
    if kind in SHEETS:
        SHEETS[kind](book, snapshot)
    elif kind == "progress":
        _results_sheet(book, snapshot)
        if body.get("budget"):  # None when no app provided money (tracker.core.extensions)
            _budget_sheet(book, snapshot, first=False)
        _texts_sheet(
            book,
            "Khó khăn, đề xuất",
            f"{'IV' if body.get('budget') else 'III'}. Khó khăn, vướng mắc và đề xuất của các đơn vị",
            [
                ("Khó khăn, vướng mắc", [(e["unit"], e["text"]) for e in body["difficulties"]]),
                ("Đề xuất, kiến nghị", [(e["unit"], e["text"]) for e in body["proposals"]]),
                (
                    "Kết quả cụ thể",
                    [
                        (f"{a['code']}. {e['unit']}", e["text"])
                        for group in body["results"]
                        for a in group["activities"]
                        for e in a["narratives"]
                    ],
                ),
            ],
        )
        _general_sheet(book, snapshot)
        if body.get("appendix"):
            _targets_sheet(book, snapshot, body["appendix"], first=False, title="Phụ lục chỉ tiêu")
        if body.get("products"):
            _products_sheet(book, body["products"])
    elif kind == "targets":
        _targets_sheet(book, snapshot, body["table"], first=True, title="Chỉ tiêu theo địa bàn")
    elif kind == "unit":
        _unit_sheet(book, snapshot)
        _texts_sheet(
            book,
            "Kết quả, khó khăn",
            f"{body['unit']}: kết quả cụ thể, khó khăn và đề xuất",
            [
                ("Kết quả cụ thể", [(e["task"], e["text"]) for e in body["narratives"]]),
                ("Khó khăn, vướng mắc", [("", text) for text in body["difficulties"]]),
                ("Đề xuất, kiến nghị", [("", text) for text in [*body["proposals"], *body["recommendations"]]]),
            ],
        )
    else:
        _budget_sheet(book, snapshot, first=True)
    if snapshot["is_sample"]:
        # Any sample figure: every printed page of every sheet says so (the PDF does the same).
        for sheet in book.worksheets:
            for header in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
                header.right.text = SAMPLE_MARK
                header.right.size = 12
    book.properties.title = f"{snapshot['frame']['doc_type']} {snapshot['frame']['summary']}"[:250]
    book.properties.creator = snapshot["frame"]["issuer_name"][:250]
    return workbook_bytes(book)
