"""An uploaded plan template read into what the services will write, every name resolved within
the manager's province; each error kept with its sheet, row and column (nothing is written here).
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from tracker.core import areas as area_tree
from tracker.core.scope import province_of, units_managed_by
from tracker.documents.services import normalised_number
from tracker.models import ActivityType, Area, Indicator, LegalDocument, ProgrammeComponent, Unit, User

from .layout import (
    ACTIVITY_SHEET,
    DEADLINE_SHEET,
    DUTY_SHEET,
    HEADER_ROWS,
    HEADER_SHEET,
    ITEM_HEADER,
    LEGAL_SHEET,
    MAX_ROWS,
    NO,
    OUTPUT_SHEET,
    ROLE_MARK,
    RULE_SHEET,
    TABLES,
    TARGET_SHEET,
    TASK_SHEET,
    VALUE_HEADER,
    YES,
    Column,
    choice_values,
    norm,
)


@dataclass(frozen=True)
class Problem:
    """One error of an import, with the sheet, the row and the column it is in."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    @property
    def text(self) -> str:
        values = {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}
        if self.sheet and self.row is not None and self.column:
            return _("Sheet “%(sheet)s”, row %(row)s, column “%(column)s”: %(message)s") % values
        if self.sheet and self.row is not None:
            return _("Sheet “%(sheet)s”, row %(row)s: %(message)s") % values
        if self.sheet:
            return _("Sheet “%(sheet)s”: %(message)s") % values
        return self.message


class FileRefused(Exception):
    """The file cannot be imported; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(problem.text for problem in problems))
        self.problems = problems


# --- Cells --------------------------------------------------------------------------------------


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: Any) -> str:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class CellError(Exception):
    pass


def read_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    # Excel keeps line breaks as \n (sometimes \r\n); the tracker stores \n.
    return str(value).replace("\r\n", "\n").strip()


def read_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
    raise CellError


def read_int(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal) and value == int(value):
        return int(value)
    if isinstance(value, str):
        digits = value.strip().replace(".", "").replace(" ", "")
        if digits.isdigit():
            return int(digits)
    raise CellError


def read_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = norm(value)
    if text in {norm(YES), "yes", "x", "1", "true", "đúng"}:
        return True
    if text in {norm(NO), "no", "0", "false", "sai"}:
        return False
    raise CellError


# --- Names --------------------------------------------------------------------------------------

_CODE_IN_BRACKETS = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d{1,5})\)$")
_CODE_DASH_NAME = re.compile(r"^(?P<code>\S+)\s+[–-]\s+(?P<name>.+)$")


class Ambiguous(Exception):
    pass


def _one(candidates: list, in_force=lambda item: item.valid_to is None):
    """The one candidate; among several, the one in force; still several: Ambiguous."""
    if len(candidates) > 1:
        candidates = [item for item in candidates if in_force(item)] or candidates
    if len(candidates) > 1:
        raise Ambiguous
    return candidates[0] if candidates else None


class Lookups:
    """Everything the file may name, read in one query per kind: the units and areas of the
    manager's province (every unit with no area too), indicators, content types, programme
    components and legal documents."""

    def __init__(self, actor: User):
        self.units: dict[str, list[Unit]] = defaultdict(list)
        for unit in units_managed_by(actor):
            self.units[norm(unit.name)].append(unit)
        for unit in [u for units in list(self.units.values()) for u in units if u.short_name]:
            if unit not in self.units[norm(unit.short_name)]:
                self.units[norm(unit.short_name)].append(unit)
        province = None if actor.is_superuser else province_of(actor)
        areas = Area.objects.all()
        if province is not None:
            areas = areas.filter(area_tree.in_subtree(province.pk))
        self.area_names: dict[str, list[Area]] = defaultdict(list)
        self.area_codes: dict[str, list[Area]] = defaultdict(list)
        for area in areas:
            self.area_names[norm(area.name)].append(area)
            if area.code:
                self.area_codes[area.code].append(area)
        self.indicators: dict[str, list[Indicator]] = defaultdict(list)
        for indicator in Indicator.objects.all():
            if indicator.code:
                self.indicators[norm(indicator.code)].append(indicator)
            self.indicators[norm(indicator.name)].append(indicator)
        self.activity_types: dict[str, ActivityType] = {}
        for kind in ActivityType.objects.all():
            self.activity_types[norm(kind.code)] = kind
            self.activity_types[norm(kind.name)] = kind
        self.components = {norm(c.code): c for c in ProgrammeComponent.objects.all()}
        self.documents: dict[str, list[LegalDocument]] = defaultdict(list)
        for document in LegalDocument.objects.exclude(number_symbol=""):
            self.documents[normalised_number(document.number_symbol)].append(document)

    def unit(self, text: str) -> Unit | None:
        return _one(self.units.get(norm(text), []))

    def area(self, text: str) -> Area | None:
        text = text.strip()
        match = _CODE_IN_BRACKETS.match(text)
        if match:
            by_code = _one(self.area_codes.get(match.group("code"), []))
            if by_code is not None:
                return by_code
            text = match.group("name")
        if text.isdigit():
            return _one(self.area_codes.get(text, []))
        return _one(self.area_names.get(norm(text), []))

    def indicator(self, text: str) -> Indicator | None:
        found = self.indicators.get(norm(text), [])
        if not found:
            match = _CODE_DASH_NAME.match(text.strip())
            found = self.indicators.get(norm(match.group("code")), []) if match else []
        return _one(list(dict.fromkeys(found)), in_force=lambda item: item.valid_to is None)

    def component(self, text: str) -> ProgrammeComponent | None:
        found = self.components.get(norm(text))
        if found is None:
            match = _CODE_DASH_NAME.match(text.strip())
            found = self.components.get(norm(match.group("code"))) if match else None
        return found

    def document(self, number: str, issued_on: datetime.date | None) -> LegalDocument | None:
        found = self.documents.get(normalised_number(number), [])
        if issued_on is not None:
            found = [document for document in found if document.issued_on == issued_on]
        return _one(found, in_force=lambda item: item.valid_to is None)


# --- Rows ---------------------------------------------------------------------------------------


@dataclass
class Row:
    """One row of a sheet: its number in Excel and its cells by column key."""

    sheet: str
    number: int
    columns: list[Column]
    values: dict[str, Any]


class RowReader:
    """Reads one row's cells, keeping a Problem for each cell that cannot be read."""

    def __init__(self, row: Row, lookups: Lookups, problems: list[Problem], *, header: bool = False):
        self.row, self.lookups, self.problems, self.header = row, lookups, problems, header

    def column_header(self, key: str) -> str:
        if self.header:
            return VALUE_HEADER
        return next(column.header for column in self.row.columns if column.key == key)

    def problem(self, key: str | None, message: str) -> None:
        number = self.row.number
        if self.header and key is not None:
            number = self.row.values["_rows"].get(key, number)
        self.problems.append(Problem(self.row.sheet, number, self.column_header(key) if key else None, message))

    def raw(self, key: str) -> Any:
        return self.row.values.get(key)

    def _cell(self, key: str, reader, message: str, required: bool):
        value = self.raw(key)
        if blank(value):
            if required:
                self.problem(key, _("This column must be filled in."))
            return None
        try:
            return reader(value)
        except CellError:
            self.problem(key, message % {"value": shown(value)})
            return None

    def text(self, key: str, *, required: bool = False) -> str:
        return self._cell(key, read_text, "%(value)s", required) or ""

    def date(self, key: str, *, required: bool = False) -> datetime.date | None:
        message = _("'%(value)s' is not a date; write it as dd/mm/yyyy (e.g. 15/07/2022).")
        return self._cell(key, read_date, message, required)

    def int(self, key: str, *, required: bool = False) -> int | None:
        message = _("“%(value)s” is not a whole number.")
        number = self._cell(key, read_int, message, required)
        if number is not None and number < 0:
            self.problem(key, _("A quantity cannot be negative."))
            return None
        return number

    def bool(self, key: str) -> bool:
        message = _("Write “%(yes)s” or “%(no)s”, not “%%(value)s”.") % {"yes": YES, "no": NO}
        return bool(self._cell(key, read_bool, message, False))

    def choice(self, key: str, name: str, *, required: bool = False, default: str = "") -> str:
        values = choice_values(name)

        def read(value):
            found = values.get(norm(value))
            if found is None:
                raise CellError
            return found

        message = _("“%(value)s” is not one of the values this column takes (see the sheet “Hướng dẫn”).")
        found = self._cell(key, read, message, required)
        return found if found is not None else default

    def _named(self, key: str, find, message: str, *, required: bool):
        text = self.text(key, required=required)
        if not text:
            return None
        try:
            found = find(text)
        except Ambiguous:
            self.problem(
                key, _("Several rows of the tracker are named “%(value)s”; write it in full.") % {"value": text}
            )
            return None
        if found is None:
            self.problem(key, message % {"value": text})
        return found

    def unit(self, key: str, *, required: bool = False) -> Unit | None:
        message = _("No unit of your province is named “%(value)s” (see the sheet “Danh mục”).")
        return self._named(key, self.lookups.unit, message, required=required)

    def area(self, key: str, *, required: bool = False) -> Area | None:
        message = _("No area of your province is named “%(value)s” (see the sheet “Danh mục”).")
        return self._named(key, self.lookups.area, message, required=required)

    def indicator(self, key: str, *, required: bool = False) -> Indicator | None:
        message = _("No indicator has the code or name “%(value)s” (see the sheet “Danh mục”).")
        return self._named(key, self.lookups.indicator, message, required=required)

    def component(self, key: str) -> ProgrammeComponent | None:
        message = _("No programme component has the code “%(value)s” (see the sheet “Danh mục”).")
        return self._named(key, self.lookups.component, message, required=False)

    def activity_type(self, key: str) -> ActivityType | None:
        message = _("No content type is named “%(value)s” (see the sheet “Danh mục”).")
        return self._named(key, lambda text: self.lookups.activity_types.get(norm(text)), message, required=False)

    def units(self, key: str) -> list[tuple[Unit, str]]:
        """Cooperating units: one per line, a role after " | "."""
        found: list[tuple[Unit, str]] = []
        for line in self.text(key).splitlines():
            if not line.strip():
                continue
            name, _mark, role = line.partition(ROLE_MARK.strip())
            try:
                unit = self.lookups.unit(name)
            except Ambiguous:
                unit = None
            if unit is None:
                message = _("No unit of your province is named “%(value)s” (see the sheet “Danh mục”).")
                self.problem(key, message % {"value": name.strip()})
            else:
                found.append((unit, role.strip()))
        return found


# --- The workbook -------------------------------------------------------------------------------


def open_workbook(content: bytes):
    if not content:
        raise FileRefused([Problem(None, None, None, _("The file is empty."))])
    try:
        return load_workbook(BytesIO(content), read_only=True, data_only=True)
    except Exception:  # a damaged or foreign file fails in many ways; all mean the same to the user
        message = _("This is not an Excel workbook (.xlsx). Download the template, fill it in and upload it.")
        raise FileRefused([Problem(None, None, None, message)]) from None


def _header_row(sheet: str, rows: list[tuple], columns: list[Column], problems: list[Problem]):
    wanted = {norm(column.header): column.key for column in columns}
    required = [column for column in columns if column.required]
    best: tuple[int, dict[str, int]] = (-1, {})
    for index, row in enumerate(rows[:10]):
        found = {wanted[norm(value)]: position for position, value in enumerate(row) if norm(value) in wanted}
        if all(column.key in found for column in required):
            return index, found
        if len(found) > len(best[1]):
            best = (index, found)
    for column in required:
        if column.key not in best[1]:
            problems.append(
                Problem(
                    sheet,
                    None,
                    column.header,
                    _("The header row has no column “%(column)s”.") % {"column": column.header},
                )
            )
    return None, {}


@dataclass
class Sheets:
    header: Row
    tables: dict[str, list[Row]] = field(default_factory=dict)


def read_sheets(content: bytes) -> Sheets:
    """The sheets of the file, their header rows found; FileRefused when it is not a plan template."""
    book = open_workbook(content)
    try:
        by_name = {norm(sheet.title): sheet for sheet in book.worksheets}
        if norm(HEADER_SHEET) not in by_name:
            message = _("The workbook has no sheet named “%(sheet)s”. Use the plan template.") % {"sheet": HEADER_SHEET}
            raise FileRefused([Problem(None, None, None, message)])
        problems: list[Problem] = []
        header = _read_header(list(by_name[norm(HEADER_SHEET)].iter_rows(values_only=True)), problems)
        tables: dict[str, list[Row]] = {}
        total = 0
        for name, columns in TABLES.items():
            sheet = by_name.get(norm(name))
            if sheet is None:
                tables[name] = []  # a part the plan does not have
                continue
            rows = list(sheet.iter_rows(values_only=True))
            index, positions = _header_row(name, rows, columns, problems)
            if index is None:
                continue
            read: list[Row] = []
            for number, cells in enumerate(rows[index + 1 :], start=index + 2):
                values = {
                    key: cells[position] if position < len(cells) else None for key, position in positions.items()
                }
                readable = [value for key, value in values.items() if _column(columns, key).kind != "info"]
                if all(blank(value) for value in readable):
                    continue
                read.append(Row(name, number, columns, values))
            total += len(read)
            tables[name] = read
    finally:
        book.close()
    if problems:
        raise FileRefused(problems)
    if total > MAX_ROWS:
        message = _("The file has %(rows)s rows; a plan has at most %(max)s.") % {"rows": total, "max": MAX_ROWS}
        raise FileRefused([Problem(None, None, None, message)])
    return Sheets(header=header, tables=tables)


def _column(columns: list[Column], key: str) -> Column:
    return next(column for column in columns if column.key == key)


def _read_header(rows: list[tuple], problems: list[Problem]) -> Row:
    """The header sheet: a label in the first column, its value in the second."""
    labels = {norm(column.header): column.key for column in HEADER_ROWS}
    values: dict[str, Any] = {"_rows": {}}
    header_seen = False
    for number, cells in enumerate(rows, start=1):
        if not cells:
            continue
        label = norm(cells[0])
        if label == norm(ITEM_HEADER):
            header_seen = True
            continue
        key = labels.get(label)
        if key is not None:
            values[key] = cells[1] if len(cells) > 1 else None
            values["_rows"][key] = number
    if not header_seen and not values["_rows"]:
        message = _("The sheet has no rows “%(item)s | %(value)s”. Use the plan template.") % {
            "item": ITEM_HEADER,
            "value": VALUE_HEADER,
        }
        problems.append(Problem(HEADER_SHEET, None, None, message))
    for column in HEADER_ROWS:
        if column.required and column.key not in values["_rows"]:
            message = _("The sheet has no row “%(item)s”.") % {"item": column.header}
            problems.append(Problem(HEADER_SHEET, None, ITEM_HEADER, message))
    return Row(HEADER_SHEET, 0, HEADER_ROWS, values)


# --- The plan the file describes -----------------------------------------------------------------


@dataclass
class Item:
    """A row to write: where it is in the file, and what it holds."""

    row: Row
    data: dict[str, Any]


@dataclass
class PlanFile:
    header: Item
    legal_bases: list[Item] = field(default_factory=list)
    activities: list[Item] = field(default_factory=list)
    outputs: list[Item] = field(default_factory=list)
    tasks: list[Item] = field(default_factory=list)
    targets: list[Item] = field(default_factory=list)
    rules: list[Item] = field(default_factory=list)
    deadlines: list[Item] = field(default_factory=list)
    duties: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "legal_bases": len(self.legal_bases),
            "activities": len(self.activities),
            "outputs": len(self.outputs),
            "tasks": len(self.tasks),
            "targets": len(self.targets),
            "rules": len(self.rules),
            "deadlines": len(self.deadlines),
            "duties": len(self.duties),
        }


def read_plan(content: bytes, *, actor: User) -> PlanFile:
    """Read every cell and resolve every name; the problems are on the result (FileRefused only
    for a file that is not a plan template at all)."""
    sheets = read_sheets(content)
    lookups = Lookups(actor)
    problems: list[Problem] = []
    plan = PlanFile(header=_plan_header(sheets.header, lookups, problems))
    tables = sheets.tables
    for row in tables[LEGAL_SHEET]:
        reader = RowReader(row, lookups, problems)
        number, issued_on = reader.text("number_symbol", required=True), reader.date("issued_on")
        document = None
        if number:
            try:
                document = lookups.document(number, issued_on)
            except Ambiguous:
                reader.problem("issued_on", _("Several legal documents have this number; give its date."))
                continue
            if document is None:
                message = _(
                    "No legal document %(number)s%(date)s is in the tracker; add it on the legal documents page first."
                )
                date = f" ({issued_on:%d/%m/%Y})" if issued_on else ""
                reader.problem("number_symbol", message % {"number": number, "date": date})
            elif any(item.data["document"] == document for item in plan.legal_bases):
                reader.problem("number_symbol", _("This document is already a legal basis of the plan."))
        plan.legal_bases.append(Item(row, {"document": document, "lead_in": reader.text("lead_in")}))

    sections: dict[str, Item] = {}
    for row in tables[ACTIVITY_SHEET]:
        reader = RowReader(row, lookups, problems)
        item = Item(
            row,
            {
                "section": reader.text("section", required=True),
                "activity_type": reader.activity_type("activity_type"),
                "title": reader.text("title", required=True),
                "description": reader.text("description"),
                "lead_unit": reader.unit("lead_unit", required=True),
                "cooperating": reader.units("cooperating"),
                "area": reader.area("area"),
                "start_date": reader.date("start_date"),
                "due_date": reader.date("due_date"),
                "schedule_note": reader.text("schedule_note"),
            },
        )
        section = item.data["section"]
        if section and section in sections:
            message = _("Section %(section)s is already on row %(row)s.") % {
                "section": section,
                "row": sections[section].row.number,
            }
            reader.problem("section", message)
        elif section:
            sections[section] = item
        plan.activities.append(item)

    def section_of(reader: RowReader, *, required: bool) -> Item | None:
        section = reader.text("section", required=required)
        if section and section not in sections:
            message = _("No content has the section “%(value)s” on the sheet “%(sheet)s”.")
            reader.problem("section", message % {"value": section, "sheet": ACTIVITY_SHEET})
        return sections.get(section) if section else None

    outputs: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for row in tables[OUTPUT_SHEET]:
        reader = RowReader(row, lookups, problems)
        activity = section_of(reader, required=True)
        counted_from = reader.choice("counted_from", "counted_from", default="reports")
        item = Item(
            row,
            {
                "activity": activity,
                "name": reader.text("name", required=True),
                "unit_of_measure": reader.text("unit_of_measure", required=True),
                "planned_quantity": reader.int("planned_quantity"),
                "indicator": reader.indicator("indicator"),
                "counted_from": counted_from,
                "register_measure": reader.choice("register_measure", "register_measure"),
            },
        )
        if activity is not None:
            outputs[(activity.data["section"], norm(item.data["name"]))].append(item)
        plan.outputs.append(item)

    for row in tables[TASK_SHEET]:
        reader = RowReader(row, lookups, problems)
        activity = section_of(reader, required=True)
        output_name = reader.text("output")
        output = None
        if output_name and activity is not None:
            named = outputs.get((activity.data["section"], norm(output_name)), [])
            if not named:
                message = _("Content %(section)s has no output “%(value)s” on the sheet “%(sheet)s”.")
                reader.problem(
                    "output",
                    message % {"section": activity.data["section"], "value": output_name, "sheet": OUTPUT_SHEET},
                )
            elif len(named) > 1:
                reader.problem("output", _("Several outputs of the content have this name; give them different names."))
            else:
                output = named[0]
        plan.tasks.append(
            Item(
                row,
                {
                    "activity": activity,
                    "unit": reader.unit("unit", required=True),
                    "area": reader.area("area"),
                    "deliverable": reader.text("deliverable", required=True),
                    "output": output,
                    "target_quantity": reader.int("target_quantity"),
                    "due_date": reader.date("due_date", required=True),
                },
            )
        )

    for row in tables[TARGET_SHEET]:
        reader = RowReader(row, lookups, problems)
        plan.targets.append(
            Item(
                row,
                {
                    "indicator": reader.indicator("indicator", required=True),
                    "area": reader.area("area", required=True),
                    "year": reader.int("year", required=True),
                    "planned_value": reader.int("planned_value", required=True),
                },
            )
        )

    for row in tables[RULE_SHEET]:
        reader = RowReader(row, lookups, problems)
        plan.rules.append(
            Item(
                row,
                {
                    "title": reader.text("title", required=True),
                    "reporter": reader.unit("reporter", required=True),
                    "recipient": reader.unit("recipient"),
                    "frequency": reader.choice("frequency", "frequency", required=True),
                    "due_day": reader.int("due_day", required=True),
                    "due_month": reader.int("due_month"),
                    "due_following_month": reader.bool("due_following_month"),
                    "active_from": reader.date("active_from"),
                    "active_to": reader.date("active_to"),
                    "wording": reader.text("wording"),
                    "is_default": reader.bool("is_default"),
                },
            )
        )

    for row in tables[DEADLINE_SHEET]:
        reader = RowReader(row, lookups, problems)
        plan.deadlines.append(
            Item(
                row,
                {
                    "title": reader.text("title", required=True),
                    "activity": section_of(reader, required=False),
                    "responsible_unit": reader.unit("responsible_unit"),
                    "kind": reader.choice("kind", "deadline_kind", required=True),
                    "due_date": reader.date("due_date"),
                    "window_start": reader.date("window_start"),
                    "window_end": reader.date("window_end"),
                    "wording": reader.text("wording"),
                },
            )
        )

    for row in tables[DUTY_SHEET]:
        reader = RowReader(row, lookups, problems)
        plan.duties.append(
            Item(
                row,
                {
                    "unit": reader.unit("unit", required=True),
                    "heading": reader.text("heading"),
                    "text": reader.text("text", required=True),
                },
            )
        )
    plan.problems = problems
    return plan


def _plan_header(row: Row, lookups: Lookups, problems: list[Problem]) -> Item:
    reader = RowReader(row, lookups, problems, header=True)
    data = {
        "number_symbol": " ".join(reader.text("number_symbol").split()),
        "issued_on": reader.date("issued_on"),
        "issued_on_precision": reader.choice("issued_on_precision", "precision", default="day"),
        "place": reader.text("place"),
        "issuer": reader.unit("issuer", required=True),
        "title": reader.text("title", required=True),
        "period_start": reader.date("period_start", required=True),
        "period_end": reader.date("period_end", required=True),
        "status": reader.choice("status", "plan_status", default="draft"),
        "programme_component": reader.component("programme_component"),
        "area": reader.area("area"),
        "purpose": reader.text("purpose"),
        "funding": reader.text("funding"),
        "signing_authority": reader.text("signing_authority"),
        "signer_title": reader.text("signer_title"),
        "signer_name": reader.text("signer_name"),
        "recipients": reader.text("recipients"),
        "is_sample": reader.bool("is_sample"),
    }
    return Item(row, data)
