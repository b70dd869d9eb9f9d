"""Reading an uploaded import file, and putting its rows through the services."""

from __future__ import annotations

import contextlib
import copy
import datetime
import functools
import gc
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from budgets import services
from budgets.excel.layout import (
    ALLOCATION_SHEET,
    DISBURSEMENT_SHEET,
    EXAMPLE_MARK,
    FIELD_COLUMNS,
    MAX_ROWS,
    SHEETS,
    TOTAL_MARK,
    Column,
    allocation_text,
    column_of,
)
from budgets.models import Allocation, Disbursement, Estimate, EstimateLine, FundingSource
from budgets.money import format_vnd, parse_vnd
from tracker.core.permissions import in_province
from tracker.models import Activity, Unit, User

# --- Reading an uploaded file -------------------------------------------------------------------


def _in_province(actor: User | None, queryset: QuerySet, plan_path: str) -> QuerySet:
    return queryset if actor is None else in_province(actor, queryset, plan_path)


@dataclass(frozen=True)
class Problem:
    """One error of an import, with the sheet, the row and the column it is in."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    @property
    def text(self) -> str:
        values = {"row": self.row, "column": self.column, "message": self.message}
        if self.row is not None and self.column:
            return _("Row %(row)s, column '%(column)s': %(message)s") % values
        if self.row is not None:
            return _("Row %(row)s: %(message)s") % values
        return self.message

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "text": self.text}


class FileRefused(Exception):
    """The file cannot be read as an import at all (not Excel, no sheet, wrong headers)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(problem.text for problem in problems))
        self.problems = problems


def _refuse(message: str, sheet: str | None = None) -> FileRefused:
    return FileRefused([Problem(sheet, None, None, message)])


def _norm(value) -> str:
    """Headers and sheet names compared as people see them: NFC, trimmed, any case, single spaces."""
    text = unicodedata.normalize("NFC", str(value or ""))
    return " ".join(text.split()).casefold()


@dataclass
class SheetData:
    name: str
    columns: list[Column]
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (row number in Excel, values by key)
    examples: int = 0


def open_workbook(content: bytes):
    if not content:
        raise _refuse(_("The file is empty."))
    try:
        return load_workbook(BytesIO(content), read_only=True, data_only=True)
    except Exception:  # a damaged or foreign file fails in many ways; all mean the same to the user
        raise _refuse(
            _("This is not an Excel workbook (.xlsx). Download the template, fill it in and upload it.")
        ) from None


def _find_header(rows: list[tuple], columns: list[Column], sheet: str) -> tuple[int, dict[str, int]]:
    """The header row among the first ten, and where each column is; every missing column
    is reported."""
    wanted = {_norm(column.header): column.key for column in columns}
    # The columns a row cannot do without; the others (a new allocation has no code yet, a
    # payment may name its allocation either way) are read where the sheet has them.
    required = [column for column in columns if column.required]
    best: tuple[int, dict[str, int]] = (-1, {})
    for index, row in enumerate(rows[:10]):
        found = {wanted[_norm(value)]: position for position, value in enumerate(row) if _norm(value) in wanted}
        if all(column.key in found for column in required):
            return index, found
        if len(found) > len(best[1]):
            best = (index, found)
    problems = [
        Problem(
            sheet,
            None,
            column.header,
            _("The sheet '%(sheet)s' has no column '%(column)s' in its header row.")
            % {"sheet": sheet, "column": column.header},
        )
        for column in required
        if column.key not in best[1]
    ]
    raise FileRefused(problems)


def read_sheets(workbook) -> list[SheetData]:
    """The import sheets of a workbook, their header rows checked and their rows read."""
    by_name = {_norm(sheet.title): sheet for sheet in workbook.worksheets}
    found = [(name, by_name[_norm(name)]) for name in SHEETS if _norm(name) in by_name]
    if not found:
        raise _refuse(
            _("The workbook has no sheet named '%(allocations)s' or '%(disbursements)s'. Use the template.")
            % {"allocations": ALLOCATION_SHEET, "disbursements": DISBURSEMENT_SHEET}
        )
    result, problems, total = [], [], 0
    for name, worksheet in found:
        columns = SHEETS[name]
        rows = list(worksheet.iter_rows(values_only=True))
        try:
            header_index, positions = _find_header(rows, columns, name)
        except FileRefused as refused:
            problems += refused.problems
            continue
        data = SheetData(name=name, columns=columns)
        imported = [key for key in positions if column_of(columns, key).imported]
        for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
            width = len(row)
            values = {key: row[position] if position < width else None for key, position in positions.items()}
            if all(_blank(values[key]) for key in imported):
                continue
            first = values.get("allocation")
            if isinstance(first, str) and _norm(first) == _norm(EXAMPLE_MARK):
                data.examples += 1
                continue
            if _norm(row[0] if row else "") == _norm(TOTAL_MARK):
                continue  # the total row of an export
            data.rows.append((offset, values))
        total += len(data.rows)
        result.append(data)
    if problems:
        raise FileRefused(problems)
    if total > MAX_ROWS:
        raise _refuse(
            _("The file has %(rows)s rows; import at most %(max)s at a time.") % {"rows": total, "max": MAX_ROWS}
        )
    if total == 0:
        raise _refuse(_("The file has no row to import (rows marked 'VÍ DỤ' are examples)."))
    return result


# The rows of a file read once are kept by the file's digest for its check and its apply
# (the upload reads the file to refuse a foreign one; the check and, after confirmation, the
# apply read the same bytes again). openpyxl's reading is most of what checking a row costs;
# read three times it was as much as the rest of a national file's import. The same bytes
# always read as the same rows, so whoever finds them finds what they would have read.
SHEETS_KEPT_SECONDS = 3600


def sheets_key(content: bytes) -> str:
    return f"budgets:import:sheets:{hashlib.sha256(content).hexdigest()}"


def inspect_file(content: bytes) -> list[SheetData]:
    """Open and read an uploaded file, or raise FileRefused saying why it cannot be imported."""
    key = sheets_key(content)
    sheets = cache.get(key)
    if sheets is not None:
        return sheets
    workbook = open_workbook(content)
    try:
        sheets = read_sheets(workbook)
    finally:
        workbook.close()
    cache.set(key, sheets, SHEETS_KEPT_SECONDS)
    return sheets


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- Reading cells ------------------------------------------------------------------------------

_CODE_SEPARATOR = re.compile(r"\s+[–-]\s+")


def _shown(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class CellError(Exception):
    pass


def _read_int(value) -> int:
    if isinstance(value, bool):
        raise CellError
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal) and value == int(value):
        return int(value)
    if isinstance(value, str):
        code = _CODE_SEPARATOR.split(value.strip(), maxsplit=1)[0].strip()
        if code.isdigit():
            return int(code)
    raise CellError


def _read_money(value) -> int:
    if isinstance(value, bool):
        raise CellError
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float | Decimal):
        if value != int(value):
            raise CellError
        amount = int(value)
    else:
        try:
            amount = parse_vnd(str(value))
        except ValueError:
            raise CellError from None
    if amount < 0:
        raise CellError
    return amount


# The two ways a date is written, read without strptime (which asks the C library for the
# locale on every call: a third of a payments file's check went there).
_DATE_PATTERNS = (
    (re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"), (3, 2, 1)),  # 15/07/2022
    (re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"), (1, 2, 3)),  # 2022-07-15
)


def read_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern, (year, month, day) in _DATE_PATTERNS:
            found = pattern.fullmatch(text)
            if found:
                try:
                    return datetime.date(int(found[year]), int(found[month]), int(found[day]))
                except ValueError:
                    raise CellError from None
        # Anything else strptime would still take (e.g. other digits than ASCII's) or refuse.
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
    raise CellError


def _read_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


@dataclass
class Lookups:
    """Every code the file names, read in one query per kind."""

    sources: dict[str, FundingSource]
    activities: dict[int, Activity]
    units: dict[int, Unit]
    allocations: dict[int, Allocation]

    @classmethod
    def for_sheets(cls, sheets: list[SheetData], actor: User | None = None) -> Lookups:
        """The codes the sheets name, looked up among what the actor may touch: the activities
        and allocations of their province (an id of another province reads as unknown)."""
        wanted: dict[str, set[int]] = {"activity": set(), "unit": set(), "allocation": set()}
        for sheet in sheets:
            for _row, values in sheet.rows:
                for key, ids in wanted.items():
                    value = values.get(key)
                    if type(value) is int:  # most codes; the others as the reader reads them
                        ids.add(value)
                    elif value is not None:
                        with contextlib.suppress(CellError):
                            ids.add(_read_int(value))
        sources = {}
        for source in FundingSource.objects.all():
            sources[_norm(source.code)] = source
            sources[_norm(source.name)] = source
        return cls(
            sources=sources,
            activities=_in_province(actor, Activity.objects.select_related("plan"), "plan__").in_bulk(
                wanted["activity"]
            ),
            # Only what the rows and their messages use of a unit: its id and name.
            units=Unit.objects.only("id", "name").in_bulk(wanted["unit"]),
            allocations=_in_province(
                actor, Allocation.objects.select_related("activity", "unit", "funding_source"), "activity__plan__"
            ).in_bulk(wanted["allocation"]),
        )

    def source(self, value) -> FundingSource:
        text = _read_text(value)
        code = _CODE_SEPARATOR.split(text, maxsplit=1)[0]
        found = self.sources.get(_norm(code)) or self.sources.get(_norm(text))
        if found is None:
            raise CellError
        return found


class RowReader:
    """Reads one row's cells, collecting a Problem for each cell that cannot be read. (Its
    messages are lazy: translated only for a cell in error, not for each of thousands of cells.)"""

    def __init__(self, sheet: SheetData, row: int, values: dict, lookups: Lookups):
        self.sheet, self.row, self.values, self.lookups = sheet, row, values, lookups
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        header = column_of(self.sheet.columns, key).header if key else None
        self.problems.append(Problem(self.sheet.name, self.row, header, message))

    def raw(self, key: str):
        return self.values.get(key)

    def given(self, key: str) -> bool:
        return not _blank(self.raw(key))

    def _read(self, key: str, reader: Callable, message: str, *, required: bool):
        value = self.raw(key)
        if _blank(value):
            if required:
                self.problem(key, _("This column must be filled in."))
            return None
        try:
            return reader(value)
        except CellError:
            self.problem(key, message % {"value": _shown(value)})
            return None

    def year(self, key: str = "year", *, required: bool = True) -> int | None:
        year = self._read(key, _read_int, gettext_lazy("'%(value)s' is not a year."), required=required)
        if year is not None and not 2000 <= year <= 2100:
            self.problem(key, _("'%(value)s' is not a year.") % {"value": year})
            return None
        return year

    def money(self, key: str = "amount") -> int | None:
        return self._read(
            key,
            _read_money,
            gettext_lazy("'%(value)s' is not a whole amount of đồng; write it as 1234567 or 1.234.567."),
            required=True,
        )

    def date(self, key: str) -> datetime.date | None:
        return self._read(
            key,
            read_date,
            gettext_lazy("'%(value)s' is not a date; write it as dd/mm/yyyy (e.g. 15/07/2022)."),
            required=True,
        )

    def text(self, key: str, *, required: bool = False) -> str:
        value = self._read(key, _read_text, "%(value)s", required=required)
        return value or ""

    def _object(self, key: str, table: dict, message: str, *, required: bool):
        code = self._read(key, _read_int, message, required=required)
        if code is None:
            return None
        found = table.get(code)
        if found is None:
            self.problem(key, message % {"value": code})
        return found

    def activity(self, *, required: bool = True) -> Activity | None:
        return self._object(
            "activity",
            self.lookups.activities,
            gettext_lazy("No activity has the code '%(value)s' (see the sheet 'Danh mục')."),
            required=required,
        )

    def unit(self, *, required: bool = True) -> Unit | None:
        return self._object(
            "unit",
            self.lookups.units,
            gettext_lazy("No unit has the code '%(value)s' (see the sheet 'Danh mục')."),
            required=required,
        )

    def allocation(self) -> Allocation | None:
        return self._object(
            "allocation",
            self.lookups.allocations,
            gettext_lazy("No allocation has the code '%(value)s' (see the sheet 'Danh mục')."),
            required=False,
        )

    def source(self, *, required: bool = True) -> FundingSource | None:
        return self._read(
            "funding_source",
            self.lookups.source,
            gettext_lazy("No funding source has the code '%(value)s' (see the sheet 'Danh mục')."),
            required=required,
        )


# --- Rows to write ------------------------------------------------------------------------------


@dataclass
class AllocationRow:
    row: int
    allocation: Allocation | None  # the existing one the row names, if any
    year: int
    activity: Activity
    unit: Unit
    source: FundingSource
    amount: int
    decision_number: str
    decision_date: datetime.date
    note: str


@dataclass
class DisbursementRow:
    row: int
    allocation: Allocation | None
    key: tuple | None  # (year, activity, unit, source) when the allocation is named by them
    voucher_number: str
    voucher_date: datetime.date
    amount: int
    note: str


@dataclass
class ParsedFile:
    allocations: list[AllocationRow] = field(default_factory=list)
    disbursements: list[DisbursementRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    examples: int = 0
    lookups: Lookups | None = None


def _parse_allocation(reader: RowReader, seen: dict[tuple, int]) -> AllocationRow | None:
    existing = reader.allocation()
    year, activity, unit, source = reader.year(), reader.activity(), reader.unit(), reader.source()
    amount = reader.money()
    decision_number = reader.text("decision_number", required=True)
    decision_date = reader.date("decision_date")
    note = reader.text("note")
    if reader.problems:
        return None
    key = (year, activity.pk, unit.pk, source.pk)
    if existing is not None:
        stored = (existing.year, existing.activity_id, existing.unit_id, existing.funding_source_id)
        if stored != key:
            reader.problem(
                "allocation",
                _(
                    "Allocation %(code)s is for %(stored)s: the year, activity, unit and funding source of an existing"
                    " allocation cannot be changed here; add a new row without a code instead."
                )
                % {"code": existing.pk, "stored": allocation_text(existing)},
            )
            return None
    if key in seen:
        reader.problem(
            None,
            _("Row %(row)s already sets this allocation (same year, activity, unit and funding source).")
            % {"row": seen[key]},
        )
        return None
    seen[key] = reader.row
    return AllocationRow(
        row=reader.row,
        allocation=existing,
        year=year,
        activity=activity,
        unit=unit,
        source=source,
        amount=amount,
        decision_number=decision_number,
        decision_date=decision_date,
        note=note,
    )


def _parse_disbursement(reader: RowReader) -> DisbursementRow | None:
    allocation = reader.allocation()
    by_key = any(reader.given(key) for key in ("year", "activity", "unit", "funding_source"))
    key = None
    if not reader.given("allocation"):
        if not by_key:
            reader.problem(
                "allocation", _("Give the allocation's code, or its year, activity, unit and funding source codes.")
            )
        else:
            year, activity, unit, source = reader.year(), reader.activity(), reader.unit(), reader.source()
            if not reader.problems:
                key = (year, activity.pk, unit.pk, source.pk)
    voucher_number = reader.text("voucher_number", required=True)
    voucher_date = reader.date("voucher_date")
    amount = reader.money()
    note = reader.text("note")
    if reader.problems:
        return None
    return DisbursementRow(
        row=reader.row,
        allocation=allocation,
        key=key,
        voucher_number=voucher_number,
        voucher_date=voucher_date,
        amount=amount,
        note=note,
    )


def parse_file(sheets: list[SheetData], actor: User | None = None) -> ParsedFile:
    """Every row read and its codes looked up (a fixed number of queries); the problems of
    each cell that cannot be read."""
    parsed = ParsedFile()
    lookups = parsed.lookups = Lookups.for_sheets(sheets, actor)
    seen: dict[tuple, int] = {}
    for sheet in sheets:
        parsed.examples += sheet.examples
        for row, values in sheet.rows:
            parsed.rows += 1
            reader = RowReader(sheet, row, values, lookups)
            if sheet.name == ALLOCATION_SHEET:
                parsed_row = _parse_allocation(reader, seen)
                if parsed_row:
                    parsed.allocations.append(parsed_row)
            else:
                parsed_row = _parse_disbursement(reader)
                if parsed_row:
                    parsed.disbursements.append(parsed_row)
            parsed.problems += reader.problems
    return parsed


# --- Putting the rows through the services ------------------------------------------------------


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    allocated_before: int = 0
    allocated_after: int = 0
    disbursements: int = 0
    disbursed: int = 0
    examples: int = 0
    changes: list[dict] = field(default_factory=list)

    MAX_CHANGES_SHOWN = 500

    def change(self, sheet: str, row: int, text: Callable[[], str]) -> None:
        """Note a change for the page; its text is made only for the changes shown."""
        if len(self.changes) < self.MAX_CHANGES_SHOWN:
            self.changes.append({"sheet": sheet, "row": row, "text": text()})

    def summary(self) -> dict:
        return {
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "allocated_before": self.allocated_before,
            "allocated_after": self.allocated_after,
            "disbursements": self.disbursements,
            "disbursed": self.disbursed,
            "examples": self.examples,
            "rows": self.rows,
            "changes": self.changes,
            "more_changes": max(self.created + self.changed + self.disbursements - len(self.changes), 0),
        }


def _service_problems(error: ValidationError, sheet: str, row: int) -> list[Problem]:
    if hasattr(error, "error_dict"):
        return [
            Problem(sheet, row, FIELD_COLUMNS.get(name), message)
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [Problem(sheet, row, None, message) for message in error.messages]


# The import checks its rows set-wise: what the services would read row by row (the stored
# allocation, the approved estimates, the payments already recorded) is read once per table,
# and each row is checked against that state as the services would check it, the state
# moving with every row that passes (a later row sees an earlier row's allocation and
# payments), as it did when every row went through the services in its own savepoint.


def _chunks(ids, size: int = 1000):
    ids = sorted(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@dataclass
class _Related:
    """The activities, units and funding sources the file names, already read (the messages
    name them): given to the allocations read for the state instead of joining them again."""

    activity: dict
    unit: dict
    funding_source: dict

    @classmethod
    def of(cls, lookups: Lookups) -> _Related:
        related = cls(dict(lookups.activities), dict(lookups.units), {s.pk: s for s in lookups.sources.values()})
        for allocation in lookups.allocations.values():
            related.activity.setdefault(allocation.activity_id, allocation.activity)
            related.unit.setdefault(allocation.unit_id, allocation.unit)
        return related


_RELATED = [Allocation._meta.get_field(name) for name in ("activity", "unit", "funding_source")]


def _attach(allocation: Allocation, related: _Related) -> None:
    """As ``select_related`` would (``set_cached_value``: the ids are the allocation's own,
    so the checks of assigning through the descriptor are not needed, thousands of times)."""
    for relation, known in zip(_RELATED, (related.activity, related.unit, related.funding_source), strict=True):
        found = known.get(getattr(allocation, relation.attname))
        if found is not None:  # else read when a message needs it (an allocation the file does not name)
            relation.set_cached_value(allocation, found)


def _key(allocation: Allocation) -> tuple:
    return (allocation.year, allocation.activity_id, allocation.unit_id, allocation.funding_source_id)


@dataclass
class ImportState:
    """The stored figures the file's rows touch, as the rows before the current one left them."""

    allocations: dict[tuple, Allocation]  # by (year, activity, unit, source)
    allocated: dict[tuple, int]  # by (activity, year, source): what all its allocations add up to
    approved: dict[tuple, int]  # by (activity, year, source): what approved estimates give it
    disbursed: dict[tuple, int]  # by allocation key: the running total
    vouchers: set[tuple]  # (allocation key, voucher number) of every payment (not a reversal)
    recorded: set[tuple]  # (allocation key, voucher, date, amount) of payments not reversed

    @classmethod
    def read(cls, parsed: ParsedFile, *, lock: bool, lookups: Lookups) -> ImportState:
        """A fixed number of queries (per chunk of a thousand activities). With ``lock`` (the
        import being written) the allocations and then the activities are locked, as
        ``allocation_save`` and ``disbursement_record`` lock them."""
        activity_ids = {item.activity.pk for item in parsed.allocations}
        activity_ids |= {item.key[1] for item in parsed.disbursements if item.key}
        activity_ids |= {item.allocation.activity_id for item in parsed.disbursements if item.allocation}
        vouchers = {item.voucher_number for item in parsed.disbursements}
        if lock:
            for chunk in _chunks(activity_ids):
                list(
                    Allocation.objects.select_for_update(no_key=True)
                    .filter(activity_id__in=chunk)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                )
            for chunk in _chunks(activity_ids):
                list(
                    Activity.objects.select_for_update(no_key=True)
                    .filter(pk__in=chunk)
                    .order_by("pk")
                    .values_list("pk", flat=True)
                )
        state = cls(allocations={}, allocated={}, approved={}, disbursed={}, vouchers=set(), recorded=set())
        related = _Related.of(lookups)
        for chunk in _chunks(activity_ids):
            for allocation in Allocation.objects.filter(activity_id__in=chunk).order_by():
                _attach(allocation, related)
                state.allocations[_key(allocation)] = allocation
                state.disbursed[_key(allocation)] = allocation.disbursed
                group = (allocation.activity_id, allocation.year, allocation.funding_source_id)
                state.allocated[group] = state.allocated.get(group, 0) + allocation.amount
            lines = (
                EstimateLine.objects.filter(estimate__activity_id__in=chunk, estimate__status=Estimate.Status.APPROVED)
                .values_list("estimate__activity_id", "estimate__year", "funding_source_id")
                .annotate(total=Sum("appraised_amount"))
                .order_by()
            )
            for activity_id, year, source_id, total in lines:
                state.approved[(activity_id, year, source_id)] = total or 0
            if vouchers:
                payments = (
                    Disbursement.objects.filter(
                        allocation__activity_id__in=chunk, reverses__isnull=True, voucher_number__in=vouchers
                    )
                    .annotate(reversed=Exists(Disbursement.objects.filter(reverses=OuterRef("pk"))))
                    .values_list(
                        "allocation__year",
                        "allocation__activity_id",
                        "allocation__unit_id",
                        "allocation__funding_source_id",
                        "voucher_number",
                        "voucher_date",
                        "amount",
                        "reversed",
                    )
                    .order_by()
                )
                for *key, voucher, date, amount, reversed_ in payments:
                    state.vouchers.add((tuple(key), voucher))
                    if not reversed_:
                        state.recorded.add((tuple(key), voucher, date, amount))
        return state


@functools.cache
def _relations(model) -> frozenset[str]:
    return frozenset(field.name for field in model._meta.fields if field.is_relation)


def _constraint_errors(instance, passes: dict[str, Callable]) -> dict:
    """What ``full_clean`` would say, without a query: the fields' own checks, then each
    constraint of the model checked in Python (each one named in ``passes``, a test sees to
    it), with the constraint's own message."""
    errors: dict = {}
    try:
        instance.clean_fields(exclude=_relations(type(instance)))
        instance.clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for constraint in instance._meta.constraints:
        if not passes[constraint.name](instance):
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
            )
    return errors


def allocation_checks(state: ImportState) -> dict[str, Callable]:
    """Each of the allocation's named constraints as a check on a row in memory (the import
    checks a whole file before writing; a test holds this list to the model's constraints)."""
    return {
        "allocation_amount_positive": lambda allocation: allocation.amount > 0,
        "allocation_disbursed_not_negative": lambda allocation: allocation.disbursed >= 0,
        "allocation_disbursed_within_amount": lambda allocation: allocation.disbursed <= allocation.amount,
        # An existing allocation is found by this key, so a new one never repeats it.
        "allocation_unique_per_activity_unit_source_year": lambda allocation: (
            allocation.pk is not None or _key(allocation) not in state.allocations
        ),
    }


def disbursement_checks(state: ImportState, key: tuple) -> dict[str, Callable]:
    return {
        "disbursement_amount_not_zero": lambda payment: payment.amount != 0,
        "disbursement_sign_matches_kind": lambda payment: payment.amount > 0,  # an import records no reversal
        "disbursement_reversed_once": lambda payment: True,  # it reverses nothing
        "disbursement_voucher_unique_per_allocation": lambda payment: (
            (key, payment.voucher_number) not in state.vouchers
        ),
    }


@dataclass
class _Writes:
    created: list[Allocation] = field(default_factory=list)
    changed: list[Allocation] = field(default_factory=list)
    payments: list[Disbursement] = field(default_factory=list)


def _check_allocation(item: AllocationRow, outcome: Outcome, state: ImportState, writes: _Writes) -> None:
    """As ``allocation_save`` would check the row (its approved-estimates rule, then
    ``full_clean``), against the state; the state moves when it passes."""
    key = (item.year, item.activity.pk, item.unit.pk, item.source.pk)
    existing = state.allocations.get(key)
    if existing is not None:
        unchanged = (existing.amount, existing.decision_number, existing.decision_date, existing.note) == (
            item.amount,
            item.decision_number,
            item.decision_date,
            item.note,
        )
        if unchanged:
            outcome.unchanged += 1
            return
        before = existing.amount
        allocation = copy.copy(existing)
    else:
        before = 0
        allocation = Allocation(
            activity=item.activity, unit=item.unit, funding_source=item.source, year=item.year, disbursed=0
        )
    allocation.amount = item.amount
    allocation.decision_number = item.decision_number
    allocation.decision_date = item.decision_date
    allocation.note = item.note
    group = (item.activity.pk, item.year, item.source.pk)
    if allocation.amount:
        approved = state.approved.get(group, 0)
        others = state.allocated.get(group, 0) - before
        if others + allocation.amount > approved:
            raise services.over_approval_error(approved=approved, others=others, year=item.year)
    errors = _constraint_errors(allocation, allocation_checks(state))
    if errors:
        raise ValidationError(errors)
    state.allocations[key] = allocation
    state.disbursed.setdefault(key, allocation.disbursed)
    state.allocated[group] = state.allocated.get(group, 0) - before + item.amount
    (writes.changed if existing is not None else writes.created).append(allocation)
    outcome.allocated_before += before
    outcome.allocated_after += item.amount
    if existing is None:
        outcome.created += 1
        outcome.change(
            ALLOCATION_SHEET,
            item.row,
            lambda: (
                _("New: %(allocation)s, %(amount)s")
                % {"allocation": allocation_text(allocation), "amount": format_vnd(item.amount)}
            ),
        )
    else:
        outcome.changed += 1
        outcome.change(
            ALLOCATION_SHEET,
            item.row,
            lambda: (
                _("Changed: %(allocation)s, %(before)s → %(after)s")
                % {
                    "allocation": allocation_text(allocation),
                    "before": format_vnd(before),
                    "after": format_vnd(item.amount),
                }
            ),
        )


def _check_disbursement(item: DisbursementRow, outcome: Outcome, state: ImportState, writes: _Writes) -> None:
    """As the import and ``disbursement_record`` would check the payment, against the state."""
    key = _key(item.allocation) if item.allocation is not None else item.key
    allocation = state.allocations.get(key)
    if allocation is None:
        raise ValidationError({"allocation": _("No allocation matches this year, activity, unit and funding source.")})
    if (key, item.voucher_number, item.voucher_date, item.amount) in state.recorded:
        raise ValidationError(
            {
                "voucher_number": _(
                    "This payment is already recorded on this allocation (voucher %(voucher)s of %(date)s, %(amount)s)."
                )
                % {
                    "voucher": item.voucher_number,
                    "date": item.voucher_date.strftime("%d/%m/%Y"),
                    "amount": format_vnd(item.amount),
                }
            }
        )
    if item.amount <= 0:
        raise services.not_positive_error()
    remaining = allocation.amount - state.disbursed[key]
    if item.amount > remaining:
        raise services.over_remaining_error(remaining)
    payment = Disbursement(
        allocation=allocation,
        amount=item.amount,
        voucher_number=item.voucher_number,
        voucher_date=item.voucher_date,
        note=item.note,
    )
    errors = _constraint_errors(payment, disbursement_checks(state, key))
    if errors:
        raise ValidationError(errors)
    state.disbursed[key] += item.amount
    state.vouchers.add((key, item.voucher_number))
    state.recorded.add((key, item.voucher_number, item.voucher_date, item.amount))
    writes.payments.append(payment)
    outcome.disbursements += 1
    outcome.disbursed += item.amount
    outcome.change(
        DISBURSEMENT_SHEET,
        item.row,
        lambda: (
            _("Payment %(voucher)s of %(date)s: %(amount)s on %(allocation)s")
            % {
                "voucher": item.voucher_number,
                "date": item.voucher_date.strftime("%d/%m/%Y"),
                "amount": format_vnd(item.amount),
                "allocation": allocation_text(allocation),
            }
        ),
    )


Progress = Callable[[int, int], None]
PROGRESS_EVERY = 250


def _run(parsed: ParsedFile, *, actor: User, progress: Progress, write: bool) -> Outcome:
    """Every row checked as its service would check it, in the file's order (allocations
    first, so payments can name new ones); a refused row leaves the state as it was for the
    rows after it. With ``write`` and no problem at all, the rows are written set-wise."""
    outcome = Outcome(problems=list(parsed.problems), examples=parsed.examples, rows=parsed.rows)
    state = ImportState.read(parsed, lock=write, lookups=parsed.lookups)
    writes = _Writes()
    work = [(ALLOCATION_SHEET, item, _check_allocation) for item in parsed.allocations] + [
        (DISBURSEMENT_SHEET, item, _check_disbursement) for item in parsed.disbursements
    ]
    for done, (sheet, item, check) in enumerate(work, start=1):
        try:
            check(item, outcome, state, writes)
        except ValidationError as error:
            outcome.problems += _service_problems(error, sheet, item.row)
        if done % PROGRESS_EVERY == 0:
            progress(done, len(work))
    if write and not outcome.problems:
        services.import_write(created=writes.created, changed=writes.changed, payments=writes.payments, actor=actor)
    progress(len(work), len(work))
    outcome.problems.sort(key=lambda problem: (problem.sheet != ALLOCATION_SHEET, problem.row or 0))
    return outcome


@contextlib.contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while a file is checked or written: the import makes
    some hundred thousand objects that live until it ends (cells, rows, models), and that
    growth set off full collections, each walking every object of the process, a third of a
    3,321-row file's time. Nothing the import makes needs the collector to be freed; what
    it leaves is collected once it is back on (unless it was off already)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_file(content: bytes, *, actor: User, progress: Progress) -> Outcome:
    """Check every row as the import would write it, then roll everything back."""
    with _no_cycle_collection():
        parsed = parse_file(inspect_file(content), actor)
        return _run(parsed, actor=actor, progress=progress, write=False)


def apply_file(content: bytes, *, actor: User, progress: Progress) -> Outcome:
    """Write every row, or — at the first sign that something changed since the check —
    none: one transaction."""
    with _no_cycle_collection():
        parsed = parse_file(inspect_file(content), actor)
        with transaction.atomic():
            return _run(parsed, actor=actor, progress=progress, write=True)
