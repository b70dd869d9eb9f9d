"""Excel export of a register list: the rows the user sees with the list's filters, one sheet,
a bold frozen header, dates as real dates shown dd/mm/yyyy, money and counts as whole numbers
with the Vietnamese thousands separator, booleans as Có / Không, and a note on sample rows."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tracker.core.spreadsheets import XLSX_CONTENT_TYPE, new_workbook
from tracker.core.spreadsheets import workbook_bytes as safe_workbook_bytes

DATE_FORMAT = "dd/mm/yyyy"
# Excel shows the locale's separator; '#,##0' is "1.234.567" in a Vietnamese Excel.
INTEGER_FORMAT = "#,##0"
XLSX = XLSX_CONTENT_TYPE


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]  # row object → cell value (str, int, date, bool or None)
    width: int = 18


def _cell_value(value: Any) -> Any:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def workbook_bytes(*, sheet_title: str, columns: Sequence[Column], rows: Iterable[Any]) -> bytes:
    book = new_workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]
    sheet.append([column.header for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([_cell_value(column.value(row)) for column in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = DATE_FORMAT + " hh:mm"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = DATE_FORMAT
            elif isinstance(cell.value, int):
                cell.number_format = INTEGER_FORMAT
    sheet.freeze_panes = "A2"
    return safe_workbook_bytes(book)


def xlsx_response(*, filename: str, sheet_title: str, columns: Sequence[Column], rows: Iterable[Any]) -> HttpResponse:
    """The download of a register list as `filename` (ASCII, e.g. "dai-truyen-thanh.xlsx")."""
    response = HttpResponse(workbook_bytes(sheet_title=sheet_title, columns=columns, rows=rows), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
