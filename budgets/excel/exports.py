"""The workbooks the app writes: execution tables, the allocation list, the disbursement
ledger, and the import template."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from budgets.excel.layout import (
    ALLOCATION_COLUMNS,
    ALLOCATION_SHEET,
    BOLD,
    DATE_FORMAT,
    DISBURSEMENT_SHEET,
    EXAMPLE_FILL,
    EXAMPLE_FONT,
    EXAMPLE_MARK,
    GUIDE_SHEET,
    HEADER_FILL,
    HEADER_ROW,
    LEDGER_SHEET,
    LISTS_SHEET,
    NOTE_FONT,
    RATE_FORMAT,
    SHEETS,
    TEMPLATE_ROWS,
    TITLE_FONT,
    TOTAL_BORDER,
    TOTAL_FILL,
    TOTAL_MARK,
    VND_FORMAT,
    WRAP,
    Column,
    activity_text,
    allocation_text,
    filters_line,
    generated_line,
    header_row,
    sheet_title,
    title_rows,
)
from budgets.execution import Table
from budgets.models import Allocation, Disbursement, FundingSource
from tracker.core.permissions import in_province
from tracker.core.spreadsheets import new_workbook
from tracker.core.text import vietnamese_sort_key
from tracker.models import Activity, Unit, User
from tracker.work.selectors import plan_label

# --- The execution export ---------------------------------------------------------------------


def _rate_fraction(rate: Decimal | None) -> Decimal | None:
    """The rate as Excel's percentage format wants it: 62,5 % is stored as 0.625."""
    return None if rate is None else rate / 100


def execution_workbook(
    tables: list[Table], *, applied: list[tuple[str, str]], user: User, scope_note: str = ""
) -> Workbook:
    """One sheet per table of the execution page, each with its title rows, a frozen header
    and a bold total."""
    workbook = new_workbook()
    workbook.remove(workbook.active)
    headings = [_("Approved"), _("Allocated"), _("Disbursed"), _("Remaining"), _("Disbursement rate")]
    for table in tables:
        sheet = workbook.create_sheet(sheet_title(table.title))
        lines = [filters_line(applied), generated_line(user) + (f" {scope_note}" if scope_note else "")]
        title_rows(sheet, f"{_('Budget execution')} – {table.title}", lines, 6)
        header_row(sheet, [(table.heading, 48), *((text, 20) for text in headings[:-1]), (headings[-1], 14)])
        row_number = HEADER_ROW
        for row in table.rows:
            row_number += 1
            label = f"{row.label} ({row.note})" if row.note else row.label
            _figure_row(sheet, row_number, label, row)
        total_row = row_number + 1
        _figure_row(sheet, total_row, _("Total"), table.total)
        for column in range(1, 7):
            cell = sheet.cell(row=total_row, column=column)
            cell.font, cell.fill, cell.border = BOLD, TOTAL_FILL, TOTAL_BORDER
        if table.name == "area":
            sheet.cell(row=total_row + 2, column=1, value=str(AREA_RULE)).font = NOTE_FONT
    return workbook


AREA_RULE = gettext_lazy(
    "Each allocation counts for the area of the unit it was given to, rolled up to its district; a commune with"
    " no district above it (since 1/7/2025) counts as itself."
)


def _figure_row(sheet: Worksheet, row_number: int, label: str, figures) -> None:
    values = [label, figures.approved, figures.allocated, figures.disbursed, figures.remaining]
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row_number, column=column, value=value)
        if column > 1:
            cell.number_format = VND_FORMAT
    rate_cell = sheet.cell(row=row_number, column=6, value=_rate_fraction(figures.rate))
    rate_cell.number_format = RATE_FORMAT


# --- Writing the template and the allocation export ----------------------------------------------


@dataclass
class Lists:
    """Where the drop-down lists of codes are on the sheet "Danh mục"."""

    ranges: dict[str, str] = field(default_factory=dict)  # column key → "'Danh mục'!$C$2:$C$9"


def _choice(code, name: str) -> str:
    """A drop-down entry: the code, a dash, the name. The import reads the code before the dash."""
    return f"{code} – {name}"


def _lists_sheet(workbook: Workbook, user: User | None = None) -> Lists:
    """The codes to pick from (four queries): funding sources, units in force (and any unit
    already allocated to), activities, allocations — those of the user's province. Each block:
    code, name, and the "code – name" entry the drop-downs offer."""
    in_scope = (lambda queryset, path: queryset) if user is None else partial(in_province, user)
    sheet = workbook.create_sheet(LISTS_SHEET)
    sources = [(source.code, source.name) for source in FundingSource.objects.all()]
    allocated_units = Allocation.objects.values("unit")
    units = Unit.objects.filter(
        Q(pk__in=Unit.objects.in_force().filter(is_group=False).values("pk")) | Q(pk__in=allocated_units)
    ).only("pk", "name")
    units = [(unit.pk, unit.name) for unit in sorted(units, key=lambda unit: vietnamese_sort_key(unit.name))]
    activities = [
        (activity.pk, activity_text(activity))
        for activity in in_scope(Activity.objects.select_related("plan"), "plan__").order_by(
            "-plan__period_start", "plan_id", "order"
        )
    ]
    allocations = [
        (allocation.pk, allocation_text(allocation))
        for allocation in in_scope(
            Allocation.objects.select_related("activity", "unit", "funding_source"), "activity__plan__"
        ).order_by("-year", "activity__plan_id", "activity__order", "pk")
    ]
    lists = Lists()
    blocks = [
        ("funding_source", "Mã nguồn vốn", "Nguồn vốn", sources),
        ("unit", "Mã đơn vị", "Đơn vị", units),
        ("activity", "Mã nội dung", "Nội dung", activities),
        ("allocation", "Mã phân bổ", "Phân bổ", allocations),
    ]
    for block, (key, code_header, name_header, items) in enumerate(blocks):
        first = block * 4 + 1
        for offset, (text, width) in enumerate([(code_header, 14), (name_header, 48), ("Chọn", 56)]):
            cell = sheet.cell(row=1, column=first + offset, value=text)
            cell.font, cell.fill = BOLD, HEADER_FILL
            sheet.column_dimensions[get_column_letter(first + offset)].width = width
        for row, (code, name) in enumerate(items, start=2):
            sheet.cell(row=row, column=first, value=code)
            sheet.cell(row=row, column=first + 1, value=name)
            sheet.cell(row=row, column=first + 2, value=_choice(code, name))
        if items:
            letter = get_column_letter(first + 2)
            lists.ranges[key] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(items) + 1}"
    sheet.freeze_panes = "A2"
    return lists


def _add_dropdowns(sheet: Worksheet, columns: list[Column], lists: Lists, last_row: int) -> None:
    """Drop-downs of "code – name" on the code columns. Typing a bare code stays allowed."""
    for index, column in enumerate(columns, start=1):
        if column.key not in lists.ranges:
            continue
        validation = DataValidation(type="list", formula1=f"={lists.ranges[column.key]}", allow_blank=True)
        validation.showErrorMessage = False
        letter = get_column_letter(index)
        validation.add(f"{letter}{HEADER_ROW + 1}:{letter}{last_row}")
        sheet.add_data_validation(validation)


def _write_row(sheet: Worksheet, row: int, columns: list[Column], values: dict) -> None:
    for index, column in enumerate(columns, start=1):
        value = values.get(column.key)
        if value is None:
            continue
        cell = sheet.cell(row=row, column=index, value=value)
        if column.kind == "money" or column.key in ("disbursed", "remaining"):
            cell.number_format = VND_FORMAT
        elif column.kind == "date":
            cell.number_format = DATE_FORMAT


def _mark_example(sheet: Worksheet, row: int, width: int) -> None:
    for column in range(1, width + 1):
        cell = sheet.cell(row=row, column=column)
        cell.fill, cell.font = EXAMPLE_FILL, EXAMPLE_FONT


def _example_values(kind: str) -> dict:
    year = timezone.localdate().year
    common = {
        "allocation": EXAMPLE_MARK,
        "year": year,
        "activity": 12,
        "unit": 34,
        "funding_source": "central_budget",
        "amount": 150_000_000,
    }
    if kind == ALLOCATION_SHEET:
        return {
            **common,
            "activity_name": "146/KH-UBND (2019) – 2.1. …",
            "unit_name": "UBND xã …",
            "funding_source_name": "Ngân sách trung ương (vốn sự nghiệp)",
            "decision_number": "1181/QĐ-UBND",
            "decision_date": datetime.date(year, 7, 15),
            "note": _("Example row: it is not imported. Copy it below and replace the values."),
        }
    return {
        **common,
        "amount": 25_000_000,
        "voucher_number": "PC-01",
        "voucher_date": datetime.date(year, 8, 5),
        "note": _("Example row: it is not imported. Copy it below and replace the values."),
    }


def _data_sheet(
    workbook: Workbook, name: str, *, title: str, lines: list[str], rows: Iterable[dict], example: bool, lists: Lists
) -> Worksheet:
    columns = SHEETS[name]
    sheet = workbook.create_sheet(name)
    title_rows(sheet, title, lines, min(len(columns), 8))
    header_row(sheet, [(column.header, column.width) for column in columns])
    row_number = HEADER_ROW
    if example:
        row_number += 1
        _write_row(sheet, row_number, columns, _example_values(name))
        _mark_example(sheet, row_number, len(columns))
    for values in rows:
        row_number += 1
        _write_row(sheet, row_number, columns, values)
    _add_dropdowns(sheet, columns, lists, max(row_number, HEADER_ROW + 1) + TEMPLATE_ROWS)
    return sheet


def _allocation_values(allocation: Allocation) -> dict:
    return {
        "allocation": allocation.pk,
        "year": allocation.year,
        "activity": allocation.activity_id,
        "activity_name": activity_text(allocation.activity),
        "unit": allocation.unit_id,
        "unit_name": allocation.unit.name,
        "funding_source": allocation.funding_source.code,
        "funding_source_name": allocation.funding_source.name,
        "amount": allocation.amount,
        "decision_number": allocation.decision_number,
        "decision_date": allocation.decision_date,
        "note": allocation.note or None,
        "disbursed": allocation.disbursed,
        "remaining": allocation.remaining,
    }


def _guide_sheet(workbook: Workbook) -> None:
    sheet = workbook.create_sheet(GUIDE_SHEET, 0)
    sheet.column_dimensions["A"].width = 110
    lines = [
        _("How to fill in this file"),
        _(
            "Sheet 'Phân bổ': one row per allocation (year × activity × unit × funding source). Leave 'Mã phân bổ'"
            " empty for a new allocation; a row with the code of an existing one changes its amount, decision or note."
        ),
        _(
            "Sheet 'Giải ngân': one row per payment. Name the allocation by its 'Mã phân bổ', or by its year,"
            " activity, unit and funding source codes (an allocation added in this same file can be named that way)."
        ),
        _("Pick the codes from the sheet 'Danh mục' (or the drop-downs); an entry 'code – name' is read as its code."),
        _("Amounts in whole đồng: 1234567 or 1.234.567. Dates as dd/mm/yyyy, e.g. 15/07/2022."),
        _("Rows marked 'VÍ DỤ' are examples and are not imported. Empty rows are skipped."),
        _(
            "The whole file is checked first and every error is listed with its row and column; nothing is written"
            " until a file without errors is confirmed, and then every row is written or none."
        ),
    ]
    for row, line in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=line)
        cell.alignment = WRAP
        if row == 1:
            cell.font = TITLE_FONT


def template_workbook(user: User | None = None) -> Workbook:
    """The import template: guide, the two sheets with an example row each, the code lists (of
    the user's province)."""
    workbook = new_workbook()
    workbook.remove(workbook.active)
    _guide_sheet(workbook)
    lists = _lists_sheet(workbook, user)
    intro = [_("Fill in from the row below the header; see the sheet 'Hướng dẫn'.")]
    _data_sheet(
        workbook,
        ALLOCATION_SHEET,
        title=_("Allocations to import"),
        lines=intro,
        rows=[],
        example=True,
        lists=lists,
    )
    _data_sheet(
        workbook,
        DISBURSEMENT_SHEET,
        title=_("Disbursements to import"),
        lines=intro,
        rows=[],
        example=True,
        lists=lists,
    )
    workbook.move_sheet(LISTS_SHEET, offset=len(workbook.sheetnames))
    _select(workbook, 1)
    return workbook


def _select(workbook: Workbook, index: int) -> None:
    """Open on one sheet. (openpyxl leaves the first sheet selected too, and Excel would open
    with both grouped, so that typing in one writes in both.)"""
    workbook.active = index
    for sheet in workbook.worksheets:
        sheet.sheet_view.tabSelected = sheet is workbook.active


def allocation_workbook(
    allocations: Iterable[Allocation], *, applied: list[tuple[str, str]], user: User, for_import: bool
) -> Workbook:
    """The allocation list as an import file: edit it and import it back. For a finance
    officer (``for_import``) it also carries an empty disbursement sheet and the code lists."""
    workbook = new_workbook()
    workbook.remove(workbook.active)
    lists = _lists_sheet(workbook, user) if for_import else Lists()
    rows = [_allocation_values(allocation) for allocation in allocations]
    sheet = _data_sheet(
        workbook,
        ALLOCATION_SHEET,
        title=_("Allocations"),
        lines=[filters_line(applied), generated_line(user)],
        rows=rows,
        example=False,
        lists=lists,
    )
    total_row = HEADER_ROW + len(rows) + 2
    if rows:
        # Its first cell is the fixed mark the import skips, whatever the interface language.
        label = sheet.cell(row=total_row, column=1, value=TOTAL_MARK)
        label.font = BOLD
        for key in ("amount", "disbursed", "remaining"):
            index = [column.key for column in ALLOCATION_COLUMNS].index(key) + 1
            cell = sheet.cell(row=total_row, column=index, value=sum(values[key] for values in rows))
            cell.font, cell.number_format = BOLD, VND_FORMAT
    if for_import:
        _data_sheet(
            workbook,
            DISBURSEMENT_SHEET,
            title=_("Disbursements to import"),
            lines=[_("Add payments here to record them with the allocations above.")],
            rows=[],
            example=False,
            lists=lists,
        )
        workbook.move_sheet(LISTS_SHEET, offset=len(workbook.sheetnames))
        _select(workbook, 0)
    return workbook


def disbursement_workbook(
    disbursements: Iterable[Disbursement], *, applied: list[tuple[str, str]], user: User
) -> Workbook:
    """The disbursement ledger (a report: its sheet is not one the import reads, so exporting
    and importing it back can never record a payment twice)."""
    workbook = new_workbook()
    sheet = workbook.active
    sheet.title = LEDGER_SHEET
    headers = [
        (_("Voucher date"), 14),
        (_("Voucher number"), 16),
        (_("Amount"), 18),
        (_("Entry"), 16),
        (_("Reverses"), 16),
        (_("Allocation code"), 12),
        (_("Year"), 8),
        (_("Plan"), 30),
        (_("Activity"), 48),
        (_("Unit"), 32),
        (_("Funding source"), 30),
        (_("Note"), 30),
        (_("Recorded by"), 20),
        (_("Recorded at"), 18),
    ]
    title_rows(sheet, _("Disbursements"), [filters_line(applied), generated_line(user)], 8)
    header_row(sheet, headers)
    row = HEADER_ROW
    total = 0
    for entry in disbursements:
        row += 1
        allocation = entry.allocation
        values = [
            entry.voucher_date,
            entry.voucher_number,
            entry.amount,
            _("Reversal") if entry.reverses_id else _("Payment"),
            entry.reverses.voucher_number if entry.reverses_id else None,
            allocation.pk,
            allocation.year,
            plan_label(allocation.activity.plan),
            f"{allocation.activity.section_code}. {allocation.activity.title}",
            allocation.unit.name,
            allocation.funding_source.name,
            entry.note or None,
            str(entry.recorded_by),
            date_format(timezone.localtime(entry.recorded_at), "SHORT_DATETIME_FORMAT"),
        ]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if column == 1:
                cell.number_format = DATE_FORMAT
            elif column == 3:
                cell.number_format = VND_FORMAT
        total += entry.amount
    total_row = row + 1
    sheet.cell(row=total_row, column=1, value=_("Total (payments less reversals)"))
    sheet.cell(row=total_row, column=3, value=total).number_format = VND_FORMAT
    for column in range(1, len(headers) + 1):
        cell = sheet.cell(row=total_row, column=column)
        cell.font, cell.fill, cell.border = BOLD, TOTAL_FILL, TOTAL_BORDER
    return workbook
