"""The sheets of the plan template and their columns.

Sheet names and headers are fixed Vietnamese: they are the file's own vocabulary, the same
whatever language the page is in (as the budgets import's). The header sheet is a list of
"Mục | Nội dung" rows; every other sheet is a table under a header row. Rows are read in the
order they are written: the order of the contents, of the outputs within a content, of the
legal bases and of the duties is the order of their rows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import translation
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from tracker.models import Deadline, OutputIndicator, Plan, RegisterMeasure, ReportingRule

HEADER_SHEET = "Thông tin chung"
LEGAL_SHEET = "Căn cứ"
ACTIVITY_SHEET = "Nội dung"
OUTPUT_SHEET = "Sản phẩm"
TASK_SHEET = "Nhiệm vụ"
TARGET_SHEET = "Chỉ tiêu theo địa bàn"
RULE_SHEET = "Chế độ báo cáo"
DEADLINE_SHEET = "Thời hạn"
DUTY_SHEET = "Tổ chức thực hiện"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"

# The header sheet's two columns.
ITEM_HEADER = "Mục"
VALUE_HEADER = "Nội dung"
# Row 1: the sheet's title; row 2: a hint; row 3: the header row.
HEADER_ROW = 3
MAX_ROWS = 5000
IMPORT_MAX_BYTES = 5 * 1024 * 1024
# Cooperating units are one per line; a role follows the unit's name after this mark.
ROLE_MARK = " | "

TITLE_FONT = Font(bold=True, size=14)
NOTE_FONT = Font(italic=True, color="5B6670")
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
LINE = Side(style="thin", color="9AA5B1")
HEADER_BORDER = Border(top=LINE, bottom=LINE, left=LINE, right=LINE)
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    # text, date, int, bool, unit, units, area, indicator, activity_type, component, section,
    # output, document, or choice:<name of a CHOICES entry>; "info" is written, never read.
    kind: str = "text"
    required: bool = False
    hint: str = ""


HEADER_ROWS = [
    Column("number_symbol", "Số, ký hiệu", 0, hint="Để trống với kế hoạch dự thảo."),
    Column("issued_on", "Ngày ban hành", 0, "date", hint="dd/mm/yyyy"),
    Column("issued_on_precision", "Ngày ban hành biết đến", 0, "choice:precision"),
    Column("place", "Địa danh", 0),
    Column("issuer", "Cơ quan ban hành", 0, "unit", required=True),
    Column("title", "Tên kế hoạch (trích yếu)", 0, required=True),
    Column("period_start", "Thực hiện từ ngày", 0, "date", required=True),
    Column("period_end", "Thực hiện đến ngày", 0, "date", required=True),
    Column("status", "Trạng thái", 0, "choice:plan_status"),
    Column("programme_component", "Thuộc chương trình, dự án (mã)", 0, "component"),
    Column("area", "Địa bàn", 0, "area"),
    Column("purpose", "I. Mục đích, yêu cầu", 0),
    Column("funding", "III. Kinh phí (như văn bản)", 0),
    Column("signing_authority", "Thẩm quyền ký", 0, hint="Ví dụ: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"),
    Column("signer_title", "Chức vụ người ký", 0),
    Column("signer_name", "Người ký", 0),
    Column("recipients", "Nơi nhận (mỗi dòng một nơi)", 0),
    Column("is_sample", "Dữ liệu mẫu", 0, "bool"),
]

LEGAL_COLUMNS = [
    Column("lead_in", "Lời dẫn", 14),
    Column("number_symbol", "Số, ký hiệu", 22, "document", required=True),
    Column("issued_on", "Ngày ban hành", 14, "date"),
    Column("kind", "Loại văn bản", 18, "info"),
    Column("issuer", "Cơ quan ban hành", 28, "info"),
    Column("title", "Trích yếu", 60, "info"),
]
ACTIVITY_COLUMNS = [
    Column("section", "Mục", 8, required=True),
    Column("activity_type", "Loại nội dung", 26, "activity_type"),
    Column("title", "Tên nội dung", 50, required=True),
    Column("description", "Mô tả", 40),
    Column("lead_unit", "Đơn vị chủ trì", 32, "unit", required=True),
    Column("cooperating", "Đơn vị phối hợp", 40, "units"),
    Column("area", "Địa bàn", 20, "area"),
    Column("start_date", "Từ ngày", 12, "date"),
    Column("due_date", "Đến ngày", 12, "date"),
    Column("schedule_note", "Thời gian (như văn bản)", 24),
]
OUTPUT_COLUMNS = [
    Column("section", "Mục nội dung", 10, "section", required=True),
    Column("name", "Sản phẩm", 40, required=True),
    Column("unit_of_measure", "Đơn vị tính", 14, required=True),
    Column("planned_quantity", "Số lượng kế hoạch", 12, "int"),
    Column("indicator", "Chỉ tiêu (mã hoặc tên)", 28, "indicator"),
    Column("counted_from", "Đếm từ", 22, "choice:counted_from"),
    Column("register_measure", "Sổ theo dõi", 30, "choice:register_measure"),
]
TASK_COLUMNS = [
    Column("section", "Mục nội dung", 10, "section", required=True),
    Column("unit", "Đơn vị thực hiện", 32, "unit", required=True),
    Column("area", "Địa bàn", 20, "area"),
    Column("deliverable", "Sản phẩm giao", 44, required=True),
    Column("output", "Tính vào sản phẩm", 30, "output"),
    Column("target_quantity", "Số lượng giao", 12, "int"),
    Column("due_date", "Hạn hoàn thành", 14, "date", required=True),
]
TARGET_COLUMNS = [
    Column("indicator", "Chỉ tiêu (mã hoặc tên)", 36, "indicator", required=True),
    Column("area", "Địa bàn", 24, "area", required=True),
    Column("year", "Năm", 8, "int", required=True),
    Column("planned_value", "Giá trị kế hoạch", 14, "int", required=True),
]
RULE_COLUMNS = [
    Column("title", "Báo cáo", 40, required=True),
    Column("reporter", "Đơn vị báo cáo", 32, "unit", required=True),
    Column("recipient", "Gửi đến", 32, "unit"),
    Column("frequency", "Định kỳ", 16, "choice:frequency", required=True),
    Column("due_day", "Hạn: ngày", 10, "int", required=True),
    Column("due_month", "Hạn: tháng", 10, "int"),
    Column("due_following_month", "Hạn vào tháng sau", 12, "bool"),
    Column("active_from", "Áp dụng từ ngày", 14, "date"),
    Column("active_to", "Áp dụng đến ngày", 14, "date"),
    Column("wording", "Như văn bản", 30),
    Column("is_default", "Áp dụng cho các đơn vị khác", 14, "bool"),
]
DEADLINE_COLUMNS = [
    Column("title", "Việc phải hoàn thành", 44, required=True),
    Column("section", "Mục nội dung", 10, "section"),
    Column("responsible_unit", "Đơn vị chịu trách nhiệm", 32, "unit"),
    Column("kind", "Loại thời hạn", 22, "choice:deadline_kind", required=True),
    Column("due_date", "Hạn (ngày)", 12, "date"),
    Column("window_start", "Từ ngày", 12, "date"),
    Column("window_end", "Đến ngày", 12, "date"),
    Column("wording", "Như văn bản", 30),
]
DUTY_COLUMNS = [
    Column("unit", "Đơn vị", 32, "unit", required=True),
    Column("heading", "Tiêu đề như văn bản", 32),
    Column("text", "Nhiệm vụ", 70, required=True),
]

# The table sheets, in the order they are written and read.
TABLES = {
    LEGAL_SHEET: LEGAL_COLUMNS,
    ACTIVITY_SHEET: ACTIVITY_COLUMNS,
    OUTPUT_SHEET: OUTPUT_COLUMNS,
    TASK_SHEET: TASK_COLUMNS,
    TARGET_SHEET: TARGET_COLUMNS,
    RULE_SHEET: RULE_COLUMNS,
    DEADLINE_SHEET: DEADLINE_COLUMNS,
    DUTY_SHEET: DUTY_COLUMNS,
}
HINTS = {
    HEADER_SHEET: "Mỗi dòng một mục của phần đầu kế hoạch; điền cột “Nội dung”.",
    LEGAL_SHEET: "Mỗi dòng một văn bản làm căn cứ, theo thứ tự trích dẫn; văn bản phải có trong danh mục văn bản.",
    ACTIVITY_SHEET: "Mục II. Nội dung: mỗi dòng một nội dung; đơn vị phối hợp mỗi dòng một, vai trò sau dấu “|”.",
    OUTPUT_SHEET: "Sản phẩm của từng nội dung (ghi đúng “Mục” của nội dung).",
    TASK_SHEET: "Phần việc giao cho từng đơn vị (và địa bàn) trong một nội dung.",
    TARGET_SHEET: "Chỉ tiêu theo địa bàn và năm.",
    RULE_SHEET: "Chế độ báo cáo định kỳ: Hằng tháng, 6 tháng, Hằng năm.",
    DEADLINE_SHEET: "Thời hạn một lần: trước một ngày, trong một khoảng, hoặc ngay khi kế hoạch ban hành.",
    DUTY_SHEET: "Mục IV. Tổ chức thực hiện: nhiệm vụ của từng đơn vị, theo thứ tự trong văn bản.",
}

# Choice columns: the label shown in the file for each stored value.
CHOICES = {
    "precision": Plan.DatePrecision,
    "plan_status": Plan.Status,
    "counted_from": OutputIndicator.CountedFrom,
    "register_measure": RegisterMeasure,
    "frequency": ReportingRule.Frequency,
    "deadline_kind": Deadline.Kind,
}
YES, NO = "Có", "Không"


def norm(value: Any) -> str:
    """Names compared as people see them: NFC, trimmed, single spaces, any case, no trailing " *"."""
    text = unicodedata.normalize("NFC", str(value if value is not None else ""))
    text = " ".join(text.split()).casefold()
    return text[:-2] if text.endswith(" *") else text


def choice_label(name: str, value: str) -> str:
    """The Vietnamese label the file shows for a stored value ("" for blank)."""
    if not value:
        return ""
    with translation.override("vi"):
        return str(CHOICES[name](value).label)


def choice_values(name: str) -> dict[str, str]:
    """Every way the file may name a value: its label in each language of the site, and the
    stored value itself; keys normalised as `norm` does."""
    found: dict[str, str] = {}
    for value, label in CHOICES[name].choices:
        found[norm(value)] = value
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found.setdefault(norm(str(label)), value)
    return found


def column_of(columns: list[Column], key: str) -> Column:
    return next(column for column in columns if column.key == key)
