"""The shape of the workbooks: formats, title rows, header rows, the import file's columns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from budgets.models import Allocation
from tracker.core.spreadsheets import XLSX_CONTENT_TYPE as _XLSX
from tracker.core.spreadsheets import workbook_bytes
from tracker.models import Activity, User
from tracker.work.selectors import plan_label

# --- Formats ------------------------------------------------------------------------------------

# Excel shows the group separator of the reader's locale: 1.234.567 đ on a Vietnamese system.
VND_FORMAT = '#,##0 "đ"'
RATE_FORMAT = "0.0%"
DATE_FORMAT = "DD/MM/YYYY"
TITLE_FONT = Font(bold=True, size=14)
NOTE_FONT = Font(italic=True, color="5B6670")
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FILL = PatternFill("solid", fgColor="EEF1F4")
EXAMPLE_FILL = PatternFill("solid", fgColor="FFF4D6")
EXAMPLE_FONT = Font(italic=True, color="7F6000")
LINE = Side(style="thin", color="9AA5B1")
HEADER_BORDER = Border(top=LINE, bottom=LINE, left=LINE, right=LINE)
TOTAL_BORDER = Border(top=Side(style="medium", color="1B1F23"))
WRAP = Alignment(wrap_text=True, vertical="top")
# Title rows above every table, so that the filters and the date travel with the file.
HEADER_ROW = 5
XLSX_CONTENT_TYPE = _XLSX


def to_bytes(workbook: Workbook) -> bytes:
    return workbook_bytes(workbook)


def sheet_title(text: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", text)[:31]


def title_rows(sheet: Worksheet, title: str, lines: Iterable[str], width: int) -> None:
    sheet.cell(row=1, column=1, value=title).font = TITLE_FONT
    for offset, line in enumerate(lines, start=2):
        if offset >= HEADER_ROW:
            break
        sheet.cell(row=offset, column=1, value=line).font = NOTE_FONT
    for row in range(1, HEADER_ROW - 1):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 1))


def header_row(sheet: Worksheet, headers: list[tuple[str, int]]) -> None:
    """The header row (bold, shaded, wrapped), the column widths, and the panes frozen under it."""
    for index, (text, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, HEADER_BORDER, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)


def generated_line(user: User) -> str:
    now = timezone.localtime()
    return _("Exported on %(date)s by %(user)s.") % {
        "date": date_format(now, "SHORT_DATETIME_FORMAT"),
        "user": str(user),
    }


def filters_line(applied: list[tuple[str, str]]) -> str:
    shown = "; ".join(f"{label}: {value}" for label, value in applied) if applied else _("none")
    return _("Filters: %(filters)s") % {"filters": shown}


# --- The import file's format -------------------------------------------------------------------

ALLOCATION_SHEET = "Phân bổ"
DISBURSEMENT_SHEET = "Giải ngân"
LISTS_SHEET = "Danh mục"
GUIDE_SHEET = "Hướng dẫn"
LEDGER_SHEET = "Sổ giải ngân"  # the disbursement export: a report, never read back
EXAMPLE_MARK = "VÍ DỤ"
TOTAL_MARK = "Tổng cộng"  # the first cell of an export's total row, which the import skips
MAX_ROWS = 5000
IMPORT_MAX_BYTES = 5 * 1024 * 1024
TEMPLATE_ROWS = 1000  # rows of the sheets that get the code drop-downs


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # fixed Vietnamese: the file's own vocabulary
    width: int
    kind: str = "text"  # id, year, code, money, date, text; "info" is written, never read
    required: bool = False

    @property
    def imported(self) -> bool:
        return self.kind != "info"


ALLOCATION_COLUMNS = [
    Column("allocation", "Mã phân bổ", 12, "id"),
    Column("year", "Năm", 8, "year", required=True),
    Column("activity", "Mã nội dung", 14, "id", required=True),
    Column("activity_name", "Nội dung", 50, "info"),
    Column("unit", "Mã đơn vị", 14, "id", required=True),
    Column("unit_name", "Đơn vị", 36, "info"),
    Column("funding_source", "Mã nguồn vốn", 24, "code", required=True),
    Column("funding_source_name", "Nguồn vốn", 32, "info"),
    Column("amount", "Số tiền", 18, "money", required=True),
    Column("decision_number", "Số quyết định", 18, "text", required=True),
    Column("decision_date", "Ngày quyết định", 16, "date", required=True),
    Column("note", "Ghi chú", 30, "text"),
    Column("disbursed", "Đã giải ngân", 18, "info"),
    Column("remaining", "Còn lại", 18, "info"),
]
DISBURSEMENT_COLUMNS = [
    Column("allocation", "Mã phân bổ", 12, "id"),
    Column("year", "Năm", 8, "year"),
    Column("activity", "Mã nội dung", 14, "id"),
    Column("unit", "Mã đơn vị", 14, "id"),
    Column("funding_source", "Mã nguồn vốn", 24, "code"),
    Column("voucher_number", "Số chứng từ", 16, "text", required=True),
    Column("voucher_date", "Ngày chứng từ", 16, "date", required=True),
    Column("amount", "Số tiền", 18, "money", required=True),
    Column("note", "Ghi chú", 30, "text"),
]
SHEETS = {ALLOCATION_SHEET: ALLOCATION_COLUMNS, DISBURSEMENT_SHEET: DISBURSEMENT_COLUMNS}
# Where a service's message about a model field goes: the column the field is read from.
FIELD_COLUMNS = {
    "year": "Năm",
    "activity": "Mã nội dung",
    "unit": "Mã đơn vị",
    "funding_source": "Mã nguồn vốn",
    "amount": "Số tiền",
    "decision_number": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "voucher_number": "Số chứng từ",
    "voucher_date": "Ngày chứng từ",
    "note": "Ghi chú",
    "allocation": "Mã phân bổ",
}


def column_of(columns: list[Column], key: str) -> Column:
    return next(column for column in columns if column.key == key)


def activity_text(activity: Activity) -> str:
    return f"{plan_label(activity.plan)} – {activity.section_code}. {Truncator(activity.title).chars(90)}"


def allocation_text(allocation: Allocation) -> str:
    return (
        f"{allocation.year} – {allocation.activity.section_code} – {allocation.unit.name} – "
        f"{allocation.funding_source.name}"
    )
