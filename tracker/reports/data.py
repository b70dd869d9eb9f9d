"""The figures of each official report, assembled from accepted data into a snapshot.

A snapshot is a plain JSON-able dict (ints, strings, lists): the PDF, the Excel file and the
HTML preview are all rendered from it, and it is stored with the generated report, so the
three show the same figures and the preview can be shown again exactly as generated.

Achieved figures come only from `tracker.progress.selectors` (accepted reported quantities
plus output records); money only from the provider registered in `tracker.core.extensions`
(budgets' `budget_by_source`; without one the reports have no budget section). The document's
own words are Vietnamese whatever the interface language: the builders run under
`translation.override("vi")` where a label comes from a model's choices.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from tracker.core import extensions, numbers, permissions
from tracker.core.areas import area_in_force
from tracker.core.numbers import percent_one_decimal
from tracker.core.outcome import FinalState, final_state
from tracker.core.successions import round_half_up, succession_map
from tracker.core.text import vietnamese_sort_key
from tracker.due import selectors as selectors_due
from tracker.models import (
    Activity,
    Area,
    Cooperation,
    GeneratedReport,
    OutputIndicator,
    Plan,
    ProgressReport,
    ReportingRule,
    Target,
    Task,
    Unit,
)
from tracker.models.plans import Progress
from tracker.outputs import selectors as output_selectors
from tracker.outputs.targets import target_table
from tracker.registers import selectors as register_selectors

from . import document

SNAPSHOT_VERSION = 1
Kind = GeneratedReport.Kind
ACCEPTED = ProgressReport.Status.ACCEPTED
# Plans a whole-sub-project report covers: issued ones, and those closed since (a report on
# 2023 still covers a 2023 plan closed in 2024). Drafts are not yet anyone's work.
REPORTED_PLAN_STATUSES = (Plan.Status.ISSUED, Plan.Status.CLOSED)
# Figures' columns a targets table may have on a portrait page; more go across the sheet.
WIDE_TABLE_FIGURES = 7


AREAS_RECORDED = ""
AREAS_IN_FORCE = "in_force"


class ReportError(Exception):
    """A report that cannot be produced; the message is shown to the user as it is."""


@dataclasses.dataclass(frozen=True)
class ReportRequest:
    """What the person producing a report chose (the form's fields), kept with the record."""

    kind: str
    period_type: str
    period_start: datetime.date
    period_end: datetime.date
    plan_id: int | None = None
    unit_id: int | None = None
    issuer_id: int | None = None
    document_date: datetime.date | None = None
    place: str = ""
    # The number is usually left blank for the records clerk ("Số:     /BC-SKHCN").
    number: str = ""
    symbol: str = ""
    summary: str = ""
    signing_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: str = ""
    # The division that drafted the report, in 'Lưu: VT, <division>.'; blank: the issuer's.
    drafting_division: str = ""
    recommendations: str = ""
    # The targets by area: as the plan named them (AREAS_RECORDED, "by old units") or by the
    # areas in force on the document's date (AREAS_IN_FORCE, "by new units").
    areas: str = ""
    # The provinces whose plans a whole-sub-project report covers (those of the person who
    # asked, `permissions.province_ids_of`); None for every province.
    province_ids: tuple[int, ...] | None = None

    def to_json(self) -> dict:
        values = dataclasses.asdict(self)
        for key, value in values.items():
            if isinstance(value, datetime.date):
                values[key] = value.isoformat()
        return values

    @classmethod
    def from_json(cls, values: dict) -> ReportRequest:
        known = {field.name for field in dataclasses.fields(cls)}
        values = {key: value for key, value in values.items() if key in known}
        for key in ("period_start", "period_end", "document_date"):
            if values.get(key):
                values[key] = datetime.date.fromisoformat(values[key])
        if values.get("province_ids") is not None:
            values["province_ids"] = tuple(values["province_ids"])
        return cls(**values)


ProgressCallback = Callable[[int], None]


def _no_progress(_percent: int) -> None:
    return None


# --- Formatting helpers of the snapshot ----------------------------------------------------


def day_text(value: datetime.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def rate_text(value: Decimal | None) -> str | None:
    """A rate as the document prints it, '37,5' (a string keeps the decimal exact in JSON;
    the Excel file turns it back into a number)."""
    return None if value is None else str(value).replace(".", ",")


def _status_labels() -> dict[str, str]:
    """Task and activity statuses in the document's language (Vietnamese)."""
    with translation.override("vi"):
        return {value: str(label) for value, label in Progress.choices}


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _sorted_units(names: Iterable[str]) -> list[str]:
    return sorted(set(names), key=vietnamese_sort_key)


# --- Achieved figures per period ------------------------------------------------------------


def outputs_with_period_figures(
    queryset: QuerySet[OutputIndicator], *, start: datetime.date, end: datetime.date
) -> list[OutputIndicator]:
    """Outputs with `in_period` (achieved in the period), `to_date` (achieved from the start up
    to the period's end) and `percent` (`to_date` of the planned quantity). One query.

    The one place the reports read achieved quantities, through
    `output_selectors.annotate_achieved_in_period`: accepted reported quantities of reports
    whose period ends in the window (the rule of `targets_with_actuals`), plus output records
    achieved in it.
    """
    queryset = output_selectors.annotate_achieved_in_period(queryset, start, end, name="in_period")
    queryset = output_selectors.annotate_achieved_in_period(queryset, None, end, name="to_date")
    outputs = list(queryset)
    for output in outputs:
        output.percent = numbers.percent(output.to_date, output.planned_quantity)
    return outputs


def tasks_with_period_figures(queryset: QuerySet[Task], *, start: datetime.date, end: datetime.date) -> list[Task]:
    """A unit's tasks with the accepted quantities of the task's own output: `in_period` and
    `to_date` (1 query). Output records count for the activity's output, not for a task."""
    queryset = output_selectors.annotate_task_achieved(queryset, start, end, name="in_period")
    return list(output_selectors.annotate_task_achieved(queryset, None, end, name="to_date"))


# --- Scope ----------------------------------------------------------------------------------


def plans_in_scope(request: ReportRequest) -> list[Plan]:
    """The chosen plan, or every issued (or since closed) plan whose period meets the report's
    (of the provinces of the person who asked)."""
    plans = Plan.objects.select_related("issuer")
    if request.plan_id:
        return list(plans.filter(pk=request.plan_id))
    if request.province_ids is not None:
        plans = plans.filter(permissions.plans_in_provinces(request.province_ids))
    return list(
        plans.filter(
            status__in=REPORTED_PLAN_STATUSES,
            period_start__lte=request.period_end,
            period_end__gte=request.period_start,
        ).order_by("period_start", "issued_on", "pk")
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _plan_entry(plan: Plan) -> dict:
    reference = document.plan_reference(plan)
    return {
        "reference": reference,
        # "Kế hoạch số 146/KH-UBND ngày … của … về triển khai …"; an unnumbered plan is its title.
        "label": f"{reference} về {_lower_first(plan.title.strip())}" if plan.number_symbol else reference,
        "title": plan.title,
        "period": f"{day_text(plan.period_start)} – {day_text(plan.period_end)}",
        "is_sample": plan.is_sample,
    }


def _check_rows(count: int) -> None:
    limit = settings.REPORT_MAX_ROWS
    if count > limit:
        raise ReportError(
            _(
                "This report would have %(rows)s table rows, more than the %(limit)s allowed. "
                "Choose one plan or a shorter period."
            )
            % {"rows": f"{count:,}".replace(",", "."), "limit": f"{limit:,}".replace(",", ".")}
        )


def count_rows(snapshot: dict) -> int:
    """Table rows and listed items of a snapshot: what the size cap counts."""
    body = snapshot.get("body", {})
    rows = 0
    for group in body.get("results", []):
        for activity in group["activities"]:
            rows += 1 + len(activity["outputs"]) + len(activity["narratives"])
    rows += len(body.get("tasks", [])) + len(body.get("narratives", []))
    rows += len(body.get("difficulties", [])) + len(body.get("proposals", [])) + len(body.get("products", []))
    rows += len((body.get("budget") or {}).get("rows", []))
    for table in (body.get("table"), body.get("appendix")):
        if table:
            rows += len(table["rows"])
    return rows


# --- The official frame -----------------------------------------------------------------------


def _issuer(request: ReportRequest, day: datetime.date) -> Unit:
    issuer_id = request.issuer_id or (request.unit_id if request.kind == Kind.UNIT else None)
    if not issuer_id:
        raise ReportError(_("Choose the agency issuing the report."))
    unit = Unit.objects.select_related("area", "parent").get(pk=issuer_id)
    issuer = document.unit_in_force(unit, day)
    if issuer.pk != unit.pk:
        issuer = Unit.objects.select_related("area", "parent").get(pk=issuer.pk)
    return issuer


def _frame(
    request: ReportRequest,
    *,
    issuer: Unit,
    day: datetime.date,
    summary: str,
    recipients: str,
    doc_type: str = document.DOCUMENT_TYPE,
) -> dict:
    place = request.place.strip() or document.place_of(area_in_force(issuer.area, day) if issuer.area else None)
    if not recipients and issuer.parent_id:
        # Reported up to the agency above the issuer (the province's People's Committee).
        recipients = f"{issuer.parent.name} (b/c)"
    return {
        "parent_agency": document.parent_agency_line(issuer, day),
        "issuer": document.issuer_line(issuer),
        "issuer_name": issuer.name,
        "number": request.number.strip(),
        "symbol": request.symbol.strip() or document.report_symbol(issuer),
        "place": place,
        "document_date": day.isoformat(),
        "date_line": document.date_line(place, day),
        "date_words": document.date_line("", day),
        "doc_type": doc_type,
        "summary": (request.summary.strip() or summary),
        "closing": (
            f"Trên đây là {doc_type.lower()} {_lower_first(request.summary.strip() or summary)} của {issuer.name}./."
        ),
        "recipients": document.recipient_lines(
            request.recipients or recipients, request.drafting_division.strip() or issuer.drafting_division
        ),
        "signature": {
            "authority": document.signature_lines(request.signing_authority),
            "title": request.signer_title.strip().upper(),
            "name": request.signer_name.strip(),
        },
    }


def _data_note(kind: str, day: datetime.date) -> str:
    """Where the figures come from, printed with the report (what was counted, as of when)."""
    if kind == Kind.BUDGET:
        source = "các quyết định giao dự toán và chứng từ giải ngân đã ghi nhận"
    elif kind == Kind.UNIT:
        source = "các báo cáo tiến độ của đơn vị đã được chấp nhận"
    elif kind == Kind.TARGETS:
        source = "các báo cáo tiến độ đã được chấp nhận và các kết quả đã ghi nhận"
    else:
        source = "các báo cáo tiến độ đã được chấp nhận, các kết quả và số liệu kinh phí đã ghi nhận"
    return f"Số liệu tổng hợp từ {source} trên Hệ thống theo dõi thực hiện Tiểu dự án 1, tính đến ngày {day_text(day)}."


# --- I. General information: who had to report, who did -----------------------------------------


def _reporting_counts(tasks: QuerySet[Task], *, start: datetime.date, end: datetime.date, today: datetime.date):
    """Expected reports of the tasks for periods ending in the report's period, and how many
    came in, were accepted and were on time (1 query, `selectors_due`)."""
    items = selectors_due.expected_reports_for_tasks(tasks, today=today, ending=(start, end))
    due = [item for item in items if item.period.due <= today or item.reported]
    return {
        "expected": len(items),
        "due": len(due),
        "received": sum(1 for item in items if item.reported),
        "accepted": sum(1 for item in items if item.state == selectors_due.ACCEPTED),
        "on_time": sum(1 for item in items if item.reported and not item.late),
        "late": sum(1 for item in items if item.reported and item.late),
        "missing": sum(1 for item in items if item.overdue),
    }


# --- II. Results per content -------------------------------------------------------------------


def _accepted_reports(tasks: QuerySet[Task], *, start: datetime.date, end: datetime.date) -> list[ProgressReport]:
    """Accepted reports of the tasks whose period ends in the report's period (1 query); a
    report of "nothing to report" adds no figure, percentage or text, so it is left out."""
    return list(
        ProgressReport.objects.filter(status=ACCEPTED, task__in=tasks, period_end__gte=start, period_end__lte=end)
        .exclude(nothing_to_report=True)
        .select_related("task", "task__unit")
        .order_by("period_end", "created_at", "pk")
    )


def texts_by_unit(reports: list[ProgressReport], field: str) -> list[dict]:
    """Non-blank texts of the reports with their unit's name, each text once per unit."""
    seen = set()
    entries = []
    for report in reports:
        text = getattr(report, field).strip()
        key = (report.task.unit_id, text)
        if text and key not in seen:
            seen.add(key)
            entries.append({"unit": report.task.unit.name, "text": text})
    return sorted(entries, key=lambda entry: vietnamese_sort_key(entry["unit"]))


def _output_entry(output: OutputIndicator) -> dict:
    return {
        "name": output.name,
        "unit_of_measure": output.unit_of_measure,
        "planned": output.planned_quantity,
        "in_period": output.in_period,
        "to_date": output.to_date,
        "percent": output.percent,
        "from_records": bool(getattr(output, "is_counted_from_records", False)),
        # A sample record (made up for the demo) is in the figure to date: printed "[mẫu]".
        "is_sample": bool(getattr(output, "to_date_sample", False)),
    }


def _results(
    plans: list[Plan], activities: list[Activity], outputs, reports, *, multiple: bool, end: datetime.date | None = None
) -> list[dict]:
    outputs_by_activity: dict[int, list[OutputIndicator]] = defaultdict(list)
    for output in outputs:
        outputs_by_activity[output.activity_id].append(output)
    reports_by_activity: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in reports:
        reports_by_activity[report.task.activity_id].append(report)
    status_labels = _status_labels()
    with translation.override("vi"):
        final_labels = {value: str(label) for value, label in FinalState.choices}
    groups = []
    for plan in plans:
        entries = []
        # The plan's period ends within the report's: each activity's final state by its
        # results to date ("hoàn thành một phần"), not its working status ("chưa bắt đầu").
        ended = end is not None and plan.period_end is not None and plan.period_end <= end
        for activity in (a for a in activities if a.plan_id == plan.pk):
            if ended:
                results = [(output.to_date, output.planned_quantity) for output in outputs_by_activity[activity.pk]]
                status = final_labels[final_state(activity.status, results)]
            else:
                status = str(status_labels.get(activity.status, activity.status))
            entries.append(
                {
                    "code": activity.section_code,
                    "title": activity.title,
                    "lead_unit": activity.lead_unit.name,
                    "status": status,
                    "outputs": [_output_entry(output) for output in outputs_by_activity[activity.pk]],
                    "narratives": texts_by_unit(reports_by_activity[activity.pk], "narrative"),
                }
            )
        if entries or not multiple:
            groups.append({"plan": document.plan_reference(plan), "is_sample": plan.is_sample, "activities": entries})
    return groups


def _progress_by_type(activities: list[Activity], outputs: list[OutputIndicator]) -> list[dict]:
    """Planned and achieved to date per content type and indicator, for the report's chart:
    only quantities of the same indicator are added (`output_selectors.indicator_key`), never
    merely those of one unit of measure. No query: the activities come with their types."""
    types = {activity.pk: activity.activity_type for activity in activities}
    rows: dict[tuple, dict] = {}
    for output in outputs:
        kind = types.get(output.activity_id)
        indicator = output_selectors.indicator_key(output.indicator_id, output.name, output.unit_of_measure)
        key = (kind.order if kind else 9999, kind.name if kind else "", indicator)
        row = rows.setdefault(
            key,
            {
                "type": kind.name if kind else "Nội dung khác",
                "indicator": output.name,
                "unit_of_measure": output.unit_of_measure,
                "planned": 0,
                "to_date": 0,
            },
        )
        row["planned"] += output.planned_quantity or 0
        row["to_date"] += output.to_date
    result = []
    for key in sorted(
        rows, key=lambda key: (key[0], vietnamese_sort_key(key[1]), vietnamese_sort_key(rows[key]["indicator"]))
    ):
        row = rows[key]
        row["percent"] = numbers.percent(row["to_date"], row["planned"])
        result.append(row)
    return result


# --- III. Budget -------------------------------------------------------------------------------


def budget_by_source(activity_ids: list[int], *, start: datetime.date, end: datetime.date) -> dict | None:
    """Money of the activities by source, as of the period's end; one budget year when the
    period lies in one year (budgets: three queries). None when no app provides money."""
    year = start.year if start.year == end.year else None
    rows = extensions.report_budget(activity_ids=activity_ids, year=year, date_to=end)
    if rows is None:
        return None
    entries = [
        {
            "source": row["source"],
            "allocated": row["allocated"],
            "disbursed": row["disbursed"],
            "remaining": row["allocated"] - row["disbursed"],
            "rate": rate_text(row["rate"]),
        }
        for row in rows
    ]
    allocated = sum(row["allocated"] for row in rows)
    disbursed = sum(row["disbursed"] for row in rows)
    total = {
        "allocated": allocated,
        "disbursed": disbursed,
        "remaining": allocated - disbursed,
        "rate": rate_text(percent_one_decimal(disbursed, allocated)),
    }
    return {"year": year, "date_to": day_text(end), "rows": entries, "total": total}


# --- Targets by area ---------------------------------------------------------------------------


def targets_table(plan: Plan, *, areas_on: datetime.date | None = None) -> dict | None:
    """The plan's targets by area with the achieved figure next to each (3 queries): the
    pivot of `target_table` (seed 002's appendix), actuals from
    `output_selectors.targets_with_actuals`. None when the plan sets no target.

    `areas_on` shows it by the areas in force on that date ("by new units"): each row of an
    area that has since ended is added into the row(s) of the area(s) that took it over
    (`tracker.core.successions`: a merger wholly, a split by its shares, else into its main
    successor), which lists the areas it was formed from — one more query. Without it the
    rows are the areas the plan named ("by old units")."""
    table = target_table(plan)
    if not table.rows:
        return None
    targets = output_selectors.targets_with_actuals(list(Target.objects.filter(plan=plan)))
    actual = {(t.area_id, t.indicator_id, t.year): t.actual for t in targets}
    years = {column.year for column in table.columns}
    columns = []
    for column in table.columns:
        indicator = column.indicator
        label = f"{indicator.name} ({indicator.unit_of_measure})"
        if len(years) > 1 and str(column.year) not in indicator.name:
            label += f", năm {column.year}"
        columns.append({"label": label, "baseline": indicator.role == indicator.Role.BASELINE})
    # Per row of the plan: (area, planned per column, achieved per column).
    source_rows = []
    for row in table.rows:
        achieved = [
            None
            if columns[index]["baseline"] or planned is None
            else actual.get((row.area.pk, column.indicator.pk, column.year), 0)
            for index, (column, planned) in enumerate(zip(table.columns, row.values, strict=True))
        ]
        source_rows.append((row.area, list(row.values), achieved, []))
    if areas_on is not None:
        source_rows = _rows_by_areas_in_force(source_rows, areas_on)
    rows = []
    actual_totals = [0] * len(columns)
    planned_totals = [0] * len(columns)
    for area, planned_values, achieved_values, formed_from in source_rows:
        cells = []
        for index, (planned, achieved) in enumerate(zip(planned_values, achieved_values, strict=True)):
            baseline = columns[index]["baseline"]
            planned_totals[index] += planned or 0
            if baseline or planned is None:
                # A baseline has no achieved figure; a blank target (no figure given) neither.
                cells.append({"baseline": baseline, "planned": planned, "actual": None, "percent": None})
                continue
            actual_totals[index] += achieved
            percent = numbers.percent(achieved, planned)
            cells.append({"baseline": False, "planned": planned, "actual": achieved, "percent": percent})
        rows.append({"area": area.name, "is_sample": area.is_sample, "formed_from": formed_from, "cells": cells})
    totals = []
    for index, planned in enumerate(planned_totals):
        if columns[index]["baseline"]:
            totals.append({"baseline": True, "planned": planned, "actual": None, "percent": None})
        else:
            achieved = actual_totals[index]
            percent = numbers.percent(achieved, planned)
            totals.append({"baseline": False, "planned": planned, "actual": achieved, "percent": percent})
    caption = "CHỈ TIÊU VÀ KẾT QUẢ THỰC HIỆN THEO ĐỊA BÀN"
    if areas_on is not None:
        caption += f" (THEO ĐƠN VỊ HÀNH CHÍNH NGÀY {day_text(areas_on)})"
    return {
        "caption": caption,
        "plan": document.plan_reference(plan),
        "columns": columns,
        "has_targets": any(not column["baseline"] for column in columns),
        # More figures than a portrait page holds legibly (7 columns of about 14 mm beside
        # the area's name): the appendix goes on landscape pages.
        "is_wide": sum(1 if column["baseline"] else 3 for column in columns) > WIDE_TABLE_FIGURES,
        "rows": rows,
        "totals": totals,
        "areas_on": day_text(areas_on) if areas_on else "",
    }


def _rows_by_areas_in_force(source_rows: list[tuple], on: datetime.date) -> list[tuple]:
    """The plan's rows added into the rows of the areas in force on `on` (1 query for the
    successions, 1 for the names of the areas in force the plan did not name). A row keeps
    the place of the first plan row that goes into it; a split's share of a figure is
    rounded half up once per cell."""
    successions = succession_map(on)
    by_area = {area.pk: area for area, *_ in source_rows}
    width = len(source_rows[0][1]) if source_rows else 0
    planned: dict[int, list[Fraction | None]] = {}
    achieved: dict[int, list[Fraction | None]] = {}
    formed_from: dict[int, list[str]] = defaultdict(list)
    order: list[int] = []

    def add(cells: dict[int, list], final_id: int, values: list, weight: Fraction) -> None:
        current = cells.setdefault(final_id, [None] * width)
        for index, value in enumerate(values):
            if value is not None:
                current[index] = (current[index] or 0) + weight * value

    for area, planned_values, achieved_values, _formed in source_rows:
        for final_id, weight in successions.forward(area.pk).items():
            if final_id not in planned:
                order.append(final_id)
            add(planned, final_id, planned_values, weight)
            add(achieved, final_id, achieved_values, weight)
            if final_id != area.pk:
                part = "" if weight == 1 else f" ({round_half_up(weight * 100)}%)"
                formed_from[final_id].append(f"{area.name}{part}")
    missing = [area_id for area_id in order if area_id not in by_area]
    by_area.update({area.pk: area for area in Area.objects.filter(pk__in=missing)})

    def whole(values: list) -> list:
        return [None if value is None else round_half_up(value) for value in values]

    return [
        (by_area[area_id], whole(planned[area_id]), whole(achieved[area_id]), formed_from.get(area_id, []))
        for area_id in order
    ]


def _areas_on(request: ReportRequest, today: datetime.date) -> datetime.date | None:
    """The date whose areas the targets table is shown by, or None for the plan's own areas."""
    if request.areas != AREAS_IN_FORCE:
        return None
    return request.document_date or today


# --- The reports -------------------------------------------------------------------------------


def _progress_report(request: ReportRequest, *, today: datetime.date, progress: ProgressCallback) -> tuple:
    start, end = request.period_start, request.period_end
    plans = plans_in_scope(request)
    plan_ids = [plan.pk for plan in plans]
    outputs_qs = OutputIndicator.objects.filter(activity__plan__in=plan_ids).order_by(
        "activity__plan__period_start", "activity__plan_id", "activity__order", "activity__section_code", "order", "id"
    )
    _check_rows(outputs_qs.count())
    activities = list(
        Activity.objects.filter(plan__in=plan_ids)
        .select_related("lead_unit", "activity_type")
        .order_by("plan_id", "order", "section_code")
    )
    outputs = outputs_with_period_figures(outputs_qs, start=start, end=end)
    progress(30)
    tasks = Task.objects.filter(activity__plan__in=plan_ids).exclude(status=Progress.CANCELLED)
    reports = _accepted_reports(tasks, start=start, end=end)
    units = [activity.lead_unit.name for activity in activities]
    units += Task.objects.filter(activity__plan__in=plan_ids).values_list("unit__name", flat=True)
    units += Cooperation.objects.filter(activity__plan__in=plan_ids).values_list("unit__name", flat=True)
    body = {
        "period_text": document.period_phrase(GeneratedReport.PeriodType.CUSTOM, start, end),
        "plans": [_plan_entry(plan) for plan in plans],
        "units": _sorted_units(units),
        "reporting": _reporting_counts(tasks, start=start, end=end, today=today),
        "results": _results(plans, activities, outputs, reports, multiple=request.plan_id is None, end=end),
        "has_narratives": any(report.narrative.strip() for report in reports),
        "progress_by_type": _progress_by_type(activities, outputs),
        "budget": budget_by_source([activity.pk for activity in activities], start=start, end=end),
        "difficulties": texts_by_unit(reports, "difficulties"),
        "proposals": texts_by_unit(reports, "proposals"),
        "recommendations": _paragraphs(request.recommendations),
        "appendix": targets_table(plans[0], areas_on=_areas_on(request, today)) if request.plan_id and plans else None,
        # What inspectors check: the works, courses, products… accepted in the period.
        "products": register_selectors.accepted_entries_for_report(plan_ids, start, end),
    }
    progress(45)
    subject = document.plan_reference(plans[0]) if request.plan_id and plans else document.component_name(end)
    summary = " ".join(
        filter(None, ["Kết quả thực hiện", subject, document.period_phrase(request.period_type, start, end)])
    )
    recipients = "\n".join(f"{plan.issuer.name} (b/c)" for plan in plans[:3]) if request.plan_id else ""
    # A figure from sample data anywhere in the report makes it a sample report (every page
    # says so), not only a sample plan.
    is_sample = (
        any(plan.is_sample for plan in plans)
        or any(output.to_date_sample for output in outputs)
        or any(row["is_sample"] for row in body["products"])
    )
    return body, summary, recipients, is_sample


def _targets_report(request: ReportRequest, *, today: datetime.date, progress: ProgressCallback) -> tuple:
    plans = plans_in_scope(request)
    if not plans:
        raise ReportError(_("Choose the plan whose targets the report shows."))
    plan = plans[0]
    _check_rows(Target.objects.filter(plan=plan).values("area").distinct().count())
    table = targets_table(plan, areas_on=_areas_on(request, today))
    if table is None:
        raise ReportError(_("This plan sets no targets per area."))
    progress(45)
    body = {
        "plan": document.plan_reference(plan),
        "plans": [_plan_entry(plan)],
        "table": table,
        "recommendations": _paragraphs(request.recommendations),
    }
    summary = f"Kết quả thực hiện chỉ tiêu theo địa bàn của {document.plan_reference(plan)}"
    return body, summary, f"{plan.issuer.name} (b/c)", plan.is_sample


def _unit_report(request: ReportRequest, *, today: datetime.date, progress: ProgressCallback) -> tuple:
    start, end = request.period_start, request.period_end
    unit = Unit.objects.get(pk=request.unit_id)
    tasks_qs = (
        Task.objects.filter(unit=unit, activity__plan__period_start__lte=end, activity__plan__period_end__gte=start)
        .exclude(activity__plan__status=Plan.Status.DRAFT)
        .select_related("activity", "activity__plan", "activity__plan__issuer", "area", "output_indicator")
        .order_by("activity__plan__period_start", "activity__plan_id", "activity__order", "due_date", "pk")
    )
    if request.plan_id:
        tasks_qs = tasks_qs.filter(activity__plan_id=request.plan_id)
    _check_rows(tasks_qs.count())
    tasks = tasks_with_period_figures(tasks_qs, start=start, end=end)
    progress(30)
    reports = _accepted_reports(tasks_qs, start=start, end=end)
    latest_percent = {report.task_id: report.percent_complete for report in reports}  # ordered by period end
    status_labels = _status_labels()
    entries = []
    for number, task in enumerate(tasks, start=1):
        output = task.output_indicator
        entries.append(
            {
                "no": number,
                "plan": document.plan_reference(task.activity.plan),
                "activity": f"{task.activity.section_code}. {task.activity.title}",
                "activity_code": task.activity.section_code,
                "deliverable": task.deliverable,
                "area": task.area.name if task.area_id else "",
                "due": day_text(task.due_date),
                "status": str(status_labels.get(task.status, task.status)),
                "output": output.name if output else "",
                "unit_of_measure": output.unit_of_measure if output else "",
                "target": task.target_quantity,
                "in_period": task.in_period if output else None,
                "to_date": task.to_date if output else None,
                "percent_complete": latest_percent.get(task.pk),
            }
        )
    narratives = []
    by_task = {task.pk: task for task in tasks}
    for report in reports:
        if report.narrative.strip():
            narratives.append({"task": by_task[report.task_id].deliverable, "text": report.narrative.strip()})
    plans = {task.activity.plan_id: task.activity.plan for task in tasks}
    if request.plan_id and not plans:
        plans = {plan.pk: plan for plan in plans_in_scope(request)}
    body = {
        "unit": unit.name,
        "period_text": document.period_phrase(GeneratedReport.PeriodType.CUSTOM, start, end),
        "plans": [_plan_entry(plan) for plan in plans.values()],
        "tasks": entries,
        "narratives": narratives,
        "difficulties": [entry["text"] for entry in texts_by_unit(reports, "difficulties")],
        "proposals": [entry["text"] for entry in texts_by_unit(reports, "proposals")],
        "recommendations": _paragraphs(request.recommendations),
    }
    progress(45)
    phrase = document.period_phrase(request.period_type, start, end)
    summary = f"Kết quả thực hiện nhiệm vụ {phrase}"
    if request.plan_id and plans:
        summary = f"Kết quả thực hiện nhiệm vụ theo {document.plan_reference(next(iter(plans.values())))}, {phrase}"
    # Up the reporting chain: the recipients of the plans' reporting rules the unit reports under.
    rules = ReportingRule.objects.filter(plan__in=list(plans), recipient__isnull=False).filter(
        reporter__in=[unit.pk, *unit.groups.values_list("pk", flat=True)]
    )
    recipients = "\n".join(f"{name} (b/c)" for name in _sorted_units(rules.values_list("recipient__name", flat=True)))
    return body, summary, recipients, unit.is_sample or any(plan.is_sample for plan in plans.values())


def _budget_report(request: ReportRequest, *, today: datetime.date, progress: ProgressCallback) -> tuple:
    if not extensions.report_budget_available():
        raise ReportError(_("No budget figures are available in this installation."))
    start, end = request.period_start, request.period_end
    plans = plans_in_scope(request)
    activity_ids = list(Activity.objects.filter(plan__in=[plan.pk for plan in plans]).values_list("pk", flat=True))
    body = {
        "period_text": document.period_phrase(GeneratedReport.PeriodType.CUSTOM, start, end),
        "plans": [_plan_entry(plan) for plan in plans],
        "budget": budget_by_source(activity_ids, start=start, end=end),
        "recommendations": _paragraphs(request.recommendations),
    }
    progress(45)
    subject = document.plan_reference(plans[0]) if request.plan_id and plans else document.component_name(end)
    summary = " ".join(
        filter(
            None,
            [
                "Tình hình giao và giải ngân kinh phí thực hiện",
                subject,
                document.period_phrase(request.period_type, start, end),
            ],
        )
    )
    return body, summary, "", any(plan.is_sample for plan in plans)


BUILDERS = {
    Kind.PROGRESS: _progress_report,
    Kind.TARGETS: _targets_report,
    Kind.UNIT: _unit_report,
    Kind.BUDGET: _budget_report,
}
# (`tracker.reports.monitoring.register` adds the programme's monitoring form, Kind.MONITORING.)


def build_snapshot(request: ReportRequest, *, today: datetime.date, progress: ProgressCallback = _no_progress) -> dict:
    """Every figure and word of the report, as a JSON-able dict (the kind's own `body` inside
    the official frame). Raises ReportError with a message for the user, in the active
    language; the document's own words are Vietnamese whatever it is."""
    day = request.document_date or today
    issuer = _issuer(request, day)
    body, summary, recipients, is_sample = BUILDERS[request.kind](request, today=today, progress=progress)
    # A form of its own may name its document type ("BÁO CÁO GIÁM SÁT", tracker.reports.monitoring).
    doc_type = body.pop("doc_type", document.DOCUMENT_TYPE)
    frame = _frame(request, issuer=issuer, day=day, summary=summary, recipients=recipients, doc_type=doc_type)
    snapshot = {
        "version": SNAPSHOT_VERSION,
        "kind": request.kind,
        "frame": frame,
        "body": body,
        "data_note": _data_note(request.kind, today),
        "is_sample": is_sample,
    }
    _check_rows(count_rows(snapshot))
    return snapshot
