"""A plan written to the template (or the blank template), through the safe spreadsheet writer.

The export reads the plan in a fixed number of queries whatever its size (one per kind of
row, `plan_for_export`), and writes every name the import reads back: units by name, areas by
name (with their official code when they have one), indicators by code (else name), legal
documents by number and date. What the plan's units report (statuses, completion dates,
achieved quantities) is not part of the plan and is not written.
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tracker.core import areas as area_tree
from tracker.core.scope import province_of, units_managed_by
from tracker.core.spreadsheets import new_workbook
from tracker.core.text import vietnamese_sort_key
from tracker.models import (
    Activity,
    ActivityType,
    Area,
    Cooperation,
    Deadline,
    Indicator,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    ProgrammeComponent,
    ReportingRule,
    Target,
    Task,
    User,
)

from .layout import (
    ACTIVITY_SHEET,
    BOLD,
    CHOICES,
    DATE_FORMAT,
    DEADLINE_SHEET,
    DUTY_SHEET,
    GUIDE_SHEET,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_ROW,
    HEADER_ROWS,
    HEADER_SHEET,
    HINTS,
    ITEM_HEADER,
    LEGAL_SHEET,
    LISTS_SHEET,
    NO,
    NOTE_FONT,
    OUTPUT_SHEET,
    ROLE_MARK,
    RULE_SHEET,
    TABLES,
    TARGET_SHEET,
    TASK_SHEET,
    TITLE_FONT,
    VALUE_HEADER,
    WRAP,
    YES,
    Column,
    choice_label,
)


def plan_for_export(plan_id: int) -> Plan:
    """The plan with every row the template holds: one query per kind of row."""
    activities = Activity.objects.select_related("activity_type", "lead_unit", "area").prefetch_related(
        Prefetch("cooperations", queryset=Cooperation.objects.select_related("unit").order_by("id")),
        Prefetch("output_indicators", queryset=OutputIndicator.objects.select_related("indicator")),
        Prefetch(
            "tasks", queryset=Task.objects.select_related("unit", "area", "output_indicator").order_by("due_date", "id")
        ),
    )
    return (
        Plan.objects.select_related("issuer", "area", "programme_component")
        .prefetch_related(
            Prefetch("legal_basis_links", queryset=PlanLegalBasis.objects.select_related("document")),
            Prefetch("duties", queryset=PlanDuty.objects.select_related("unit")),
            Prefetch("activities", queryset=activities.order_by("order", "section_code")),
            Prefetch(
                "targets",
                queryset=Target.objects.select_related("indicator", "area").order_by(
                    "indicator__order", "indicator__name", "year", "area__name", "id"
                ),
            ),
            Prefetch(
                "reporting_rules", queryset=ReportingRule.objects.select_related("reporter", "recipient").order_by("id")
            ),
            Prefetch(
                "deadlines", queryset=Deadline.objects.select_related("activity", "responsible_unit").order_by("id")
            ),
        )
        .get(pk=plan_id)
    )


# --- How a referenced row is written -----------------------------------------------------------


def area_text(area: Area | None) -> str:
    if area is None:
        return ""
    return f"{area.name} ({area.code})" if area.code else area.name


def indicator_text(indicator: Indicator | None) -> str:
    if indicator is None:
        return ""
    return indicator.code or indicator.name


def units_text(cooperations: list[Cooperation]) -> str:
    return "\n".join(f"{row.unit.name}{ROLE_MARK}{row.note}" if row.note else row.unit.name for row in cooperations)


def yes_no(value: bool) -> str:
    return YES if value else NO


# --- Writing the sheets ------------------------------------------------------------------------


def _title(sheet: Worksheet, title: str, hint: str, width: int) -> None:
    sheet.cell(row=1, column=1, value=title).font = TITLE_FONT
    sheet.cell(row=2, column=1, value=hint).font = NOTE_FONT
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 2))


def _header(sheet: Worksheet, columns: list[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=column.header + (" *" if column.required else ""))
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, HEADER_BORDER, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)


def _write_row(sheet: Worksheet, row: int, values: list) -> None:
    for index, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        cell = sheet.cell(row=row, column=index, value=value)
        cell.alignment = WRAP
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT


def _table(book, name: str, rows: list[list]) -> Worksheet:
    columns = TABLES[name]
    sheet = book.create_sheet(name)
    _title(sheet, name, HINTS[name], len(columns))
    _header(sheet, columns)
    for offset, values in enumerate(rows, start=HEADER_ROW + 1):
        _write_row(sheet, offset, values)
    return sheet


def _header_sheet(sheet: Worksheet, plan: Plan | None) -> None:
    sheet.title = HEADER_SHEET
    _title(sheet, HEADER_SHEET, HINTS[HEADER_SHEET], 3)
    for index, (text, width) in enumerate([(ITEM_HEADER, 34), (VALUE_HEADER, 80), ("Ghi chú", 40)], start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, HEADER_BORDER, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width
    values = _header_values(plan) if plan is not None else {}
    for offset, column in enumerate(HEADER_ROWS, start=HEADER_ROW + 1):
        label = sheet.cell(row=offset, column=1, value=column.header + (" *" if column.required else ""))
        label.font, label.alignment = BOLD, WRAP
        _write_row(sheet, offset, [None, values.get(column.key)])
        if column.hint:
            sheet.cell(row=offset, column=3, value=column.hint).font = NOTE_FONT


def _header_values(plan: Plan) -> dict:
    return {
        "number_symbol": plan.number_symbol,
        "issued_on": plan.issued_on,
        "issued_on_precision": choice_label("precision", plan.issued_on_precision),
        "place": plan.place,
        "issuer": plan.issuer.name,
        "title": plan.title,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "status": choice_label("plan_status", plan.status),
        "programme_component": plan.programme_component.code if plan.programme_component else "",
        "area": area_text(plan.area),
        "purpose": plan.purpose,
        "funding": plan.funding,
        "signing_authority": plan.signing_authority,
        "signer_title": plan.signer_title,
        "signer_name": plan.signer_name,
        "recipients": plan.recipients,
        "is_sample": yes_no(plan.is_sample),
    }


def _rows(plan: Plan) -> dict[str, list[list]]:
    activities = list(plan.activities.all())
    rows: dict[str, list[list]] = {name: [] for name in TABLES}
    for link in plan.legal_basis_links.all():
        doc = link.document
        rows[LEGAL_SHEET].append(
            [link.lead_in, doc.number_symbol, doc.issued_on, doc.get_kind_display(), doc.issuer, doc.title]
        )
    for activity in activities:
        rows[ACTIVITY_SHEET].append(
            [
                activity.section_code,
                activity.activity_type.name,
                activity.title,
                activity.description,
                activity.lead_unit.name,
                units_text(list(activity.cooperations.all())),
                area_text(activity.area),
                activity.start_date,
                activity.due_date,
                activity.schedule_note,
            ]
        )
        for output in activity.output_indicators.all():
            rows[OUTPUT_SHEET].append(
                [
                    activity.section_code,
                    output.name,
                    output.unit_of_measure,
                    output.planned_quantity,
                    indicator_text(output.indicator),
                    choice_label("counted_from", output.counted_from),
                    choice_label("register_measure", output.register_measure),
                ]
            )
        for task in activity.tasks.all():
            rows[TASK_SHEET].append(
                [
                    activity.section_code,
                    task.unit.name,
                    area_text(task.area),
                    task.deliverable,
                    task.output_indicator.name if task.output_indicator else "",
                    task.target_quantity,
                    task.due_date,
                ]
            )
    for target in plan.targets.all():
        rows[TARGET_SHEET].append(
            [indicator_text(target.indicator), area_text(target.area), target.year, target.planned_value]
        )
    for rule in plan.reporting_rules.all():
        rows[RULE_SHEET].append(
            [
                rule.title,
                rule.reporter.name,
                rule.recipient.name if rule.recipient else "",
                choice_label("frequency", rule.frequency),
                rule.due_day,
                rule.due_month,
                yes_no(rule.due_following_month),
                rule.active_from,
                rule.active_to,
                rule.wording,
                yes_no(rule.is_default),
            ]
        )
    for deadline in plan.deadlines.all():
        rows[DEADLINE_SHEET].append(
            [
                deadline.title,
                deadline.activity.section_code if deadline.activity else "",
                deadline.responsible_unit.name if deadline.responsible_unit else "",
                choice_label("deadline_kind", deadline.kind),
                deadline.due_date,
                deadline.window_start,
                deadline.window_end,
                deadline.wording,
            ]
        )
    for duty in plan.duties.all():
        rows[DUTY_SHEET].append([duty.unit.name, duty.heading, duty.text])
    return rows


def _guide_sheet(book) -> None:
    sheet = book.create_sheet(GUIDE_SHEET)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    sheet.cell(row=1, column=1, value=_("How to fill in the plan template")).font = TITLE_FONT
    lines = [
        (_("The file"), _("Each sheet is one part of the plan; the columns marked * must be filled in.")),
        (
            _("Import"),
            _(
                "Importing creates a new plan with everything in the file, in one go: if any cell has an "
                "error, nothing is written and every error is listed with its sheet, row and column."
            ),
        ),
        (
            _("Names"),
            _(
                "Units, areas, indicators and legal documents are written as the tracker names them "
                "(see the sheet “Danh mục”): units and areas of your province, indicators by code or name, "
                "legal documents by number and date."
            ),
        ),
        (_("Dates"), _("Dates as dd/mm/yyyy (e.g. 31/03/2026).")),
        (
            _("Number"),
            _(
                "A plan whose issuer already has a plan with the same number in the same year is refused; "
                "leave the number blank to import a draft."
            ),
        ),
        (
            _("Not in the file"),
            _(
                "What units report (progress, quantities achieved, statuses) and money (in the budget "
                "pages) are not part of the template; an imported plan starts with nothing reported."
            ),
        ),
    ]
    for name, values in CHOICES.items():
        label = {
            "precision": "Ngày ban hành biết đến",
            "plan_status": "Trạng thái",
            "counted_from": "Đếm từ",
            "register_measure": "Sổ theo dõi",
            "frequency": "Định kỳ",
            "deadline_kind": "Loại thời hạn",
        }[name]
        lines.append((label, "; ".join(choice_label(name, value) for value in values.values)))
    lines.append(("Có / Không", f"{YES}; {NO}"))
    for offset, (label, text) in enumerate(lines, start=3):
        sheet.cell(row=offset, column=1, value=label).font = BOLD
        sheet.cell(row=offset, column=2, value=text).alignment = WRAP


def _lists_sheet(book, user: User) -> None:
    """What the file may name: the units and areas of the user's province, the indicators, the
    content types, the programme components (one query each)."""
    sheet = book.create_sheet(LISTS_SHEET)
    columns = [
        ("Đơn vị", units_managed_by(user).filter(valid_to__isnull=True).values_list("name", flat=True)),
        ("Địa bàn", [area_text(area) for area in _areas_for(user)]),
        ("Chỉ tiêu (mã – tên)", [f"{i.code} – {i.name}" if i.code else i.name for i in Indicator.objects.all()]),
        ("Loại nội dung", ActivityType.objects.values_list("name", flat=True)),
        ("Chương trình, dự án (mã – tên)", [f"{c.code} – {c.name}" for c in ProgrammeComponent.objects.all()]),
    ]
    for index, (header, values) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = 44
        for offset, value in enumerate(sorted(values, key=vietnamese_sort_key), start=2):
            sheet.cell(row=offset, column=index, value=value)


def _areas_for(user: User) -> QuerySet[Area]:
    province = None if user.is_superuser else province_of(user)
    queryset = Area.objects.filter(valid_to__isnull=True)
    if province is not None:
        queryset = queryset.filter(area_tree.in_subtree(province.pk))
    # Villages are many and rarely named by a plan; the list stops at communes.
    return queryset.filter(level__lte=Area.Level.COMMUNE)


def plan_workbook(plan: Plan | None, *, user: User):
    """The template filled with `plan` (already read by `plan_for_export`), or blank."""
    book = new_workbook()
    _header_sheet(book.active, plan)
    rows = _rows(plan) if plan is not None else {name: [] for name in TABLES}
    for name in TABLES:
        _table(book, name, rows[name])
    _guide_sheet(book)
    _lists_sheet(book, user)
    return book
