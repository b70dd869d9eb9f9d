"""The figures of Mẫu số 01 (6-month and annual monitoring report) for Tiểu dự án 1.

The same accepted data as the house report, arranged as the programme's form asks:
I. general information on the monitoring (who and what was monitored, when, where),
II. results of the monitoring (management and reporting, money by source, results by content
and indicator), III. shortcomings and their causes, IV. recommendations; then the results
tables of Phụ lục III that concern the sub-project (Biểu số 01, the indicators with their
targets; Biểu số 02, the results per content and output) and the plan's targets by area.

Sources, each read once: achieved quantities only from `tracker.outputs.selectors` (through
`tracker.reports.data.outputs_with_period_figures`: accepted reported quantities of reports
whose period ends in the window, plus output records achieved in it); targets from the plans'
outputs and `Target` rows; money only from the provider registered in
`tracker.core.extensions` (none: the section says there are no figures); texts from accepted
progress reports. Quantities are added only within one indicator (`indicator_key`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.utils.translation import gettext as _

from tracker.core import numbers
from tracker.core.text import vietnamese_sort_key
from tracker.due import selectors as selectors_due
from tracker.models import (
    Activity,
    Area,
    Cooperation,
    GeneratedReport,
    OutputIndicator,
    Plan,
    ProgrammeComponent,
    ProgressReport,
    Target,
    Task,
)
from tracker.models.plans import Progress
from tracker.outputs import selectors as output_selectors
from tracker.reports import document
from tracker.reports.data import (
    ReportError,
    ReportRequest,
    budget_by_source,
    day_text,
    outputs_with_period_figures,
    plans_in_scope,
    targets_table,
    texts_by_unit,
)

PeriodType = GeneratedReport.PeriodType
DOC_TYPE = "BÁO CÁO GIÁM SÁT"
FORM_NAME = "Mẫu số 01 Phụ lục II Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội"
OTHER_CONTENT = "Nội dung khác"
# Mẫu số 01 is the 6-month and the annual report; the programme asks for no monthly one.
PERIOD_TYPES = (PeriodType.HALF_YEAR, PeriodType.YEAR)


def _programme_names(on: datetime.date) -> tuple[str, str]:
    """The programme (the top of the tree in force) and the sub-project (its most specific
    part): data the DIC edits, never a fixed name (1 query)."""
    components = list(ProgrammeComponent.objects.in_force(on).order_by("level", "code"))
    if not components:
        return "", ""
    top, specific = components[0], max(components, key=lambda c: (c.level, c.code))
    return top.name, ("" if specific.pk == top.pk else specific.name)


def _reporting(tasks, *, start: datetime.date, end: datetime.date, today: datetime.date) -> dict:
    """Expected progress reports of periods ending in the report's period, and what came of
    them (4 queries, `tracker.due.selectors`)."""
    items = selectors_due.expected_reports_for_tasks(tasks, today=today, ending=(start, end))
    return {
        "expected": len(items),
        "received": sum(1 for item in items if item.reported),
        "on_time": sum(1 for item in items if item.reported and not item.late),
        "late": sum(1 for item in items if item.reported and item.late),
        "accepted": sum(1 for item in items if item.state == selectors_due.ACCEPTED),
        "missing": sum(1 for item in items if item.overdue),
    }


def _output_row(output: OutputIndicator) -> dict:
    return {
        "name": output.name,
        "unit_of_measure": output.unit_of_measure,
        "planned": output.planned_quantity,
        "in_period": output.in_period,
        "to_date": output.to_date,
        "percent": output.percent,
        "is_sample": bool(output.to_date_sample),
    }


def _indicators(activities: list[Activity], outputs: list[OutputIndicator]) -> list[dict]:
    """Section II.3 and Biểu số 01: per content type, one row per indicator — quantities added
    only within one indicator (`output_selectors.indicator_key`), never merely by unit."""
    types = {activity.pk: activity.activity_type for activity in activities}
    groups: dict[tuple, dict] = {}
    for output in outputs:
        kind = types.get(output.activity_id)
        group_key = (kind.order, kind.name) if kind else (10**6, OTHER_CONTENT)
        group = groups.setdefault(group_key, {"content": group_key[1], "rows": {}})
        key = output_selectors.indicator_key(output.indicator_id, output.name, output.unit_of_measure)
        row = group["rows"].setdefault(
            key,
            {
                "name": output.indicator.name if output.indicator_id else output.name,
                "unit_of_measure": output.unit_of_measure,
                "planned": 0,
                "has_plan": False,
                "in_period": 0,
                "to_date": 0,
                "is_sample": False,
            },
        )
        if output.planned_quantity is not None:
            row["planned"] += output.planned_quantity
            row["has_plan"] = True
        row["in_period"] += output.in_period
        row["to_date"] += output.to_date
        row["is_sample"] = row["is_sample"] or bool(output.to_date_sample)
    result = []
    for group_key in sorted(groups, key=lambda k: (k[0], vietnamese_sort_key(k[1]))):
        group = groups[group_key]
        rows = sorted(group["rows"].values(), key=lambda row: vietnamese_sort_key(row["name"]))
        for row in rows:
            if not row["has_plan"]:
                row["planned"] = None
            row["percent"] = numbers.percent(row["to_date"], row["planned"])
            del row["has_plan"]
        result.append({"content": group["content"], "rows": rows})
    return result


def _indicator_counts(groups: list[dict]) -> dict:
    """How many indicators with a planned figure reached it, have some result, have none."""
    rows = [row for group in groups for row in group["rows"] if row["planned"]]
    return {
        "total": len(rows),
        "reached": sum(1 for row in rows if row["to_date"] >= row["planned"]),
        "started": sum(1 for row in rows if 0 < row["to_date"] < row["planned"]),
        "none": sum(1 for row in rows if row["to_date"] == 0),
    }


def _results_by_activity(plans: list[Plan], activities: list[Activity], outputs: list[OutputIndicator]) -> list[dict]:
    """Biểu số 02: each plan's contents with their outputs' planned, in-period and cumulative
    quantities (no query: the rows are already read)."""
    by_activity: dict[int, list[OutputIndicator]] = defaultdict(list)
    for output in outputs:
        by_activity[output.activity_id].append(output)
    groups = []
    for plan in plans:
        entries = [
            {
                "code": activity.section_code,
                "title": activity.title,
                "lead_unit": activity.lead_unit.name,
                "outputs": [_output_row(output) for output in by_activity[activity.pk]],
            }
            for activity in activities
            if activity.plan_id == plan.pk
        ]
        groups.append({"plan": document.plan_reference(plan), "is_sample": plan.is_sample, "activities": entries})
    return groups


def _areas(plan_ids: list[int], plans: list[Plan]) -> list[str]:
    """Địa bàn giám sát: the areas the plans set targets or assign tasks in, else the areas of
    the issuing committees (2 queries)."""
    ids = set(Target.objects.filter(plan__in=plan_ids).values_list("area_id", flat=True))
    ids |= set(Task.objects.filter(activity__plan__in=plan_ids, area__isnull=False).values_list("area_id", flat=True))
    if not ids:
        ids = {plan.issuer.area_id for plan in plans if plan.issuer.area_id}
    names = Area.objects.filter(pk__in=ids).values_list("name", flat=True)
    return sorted(set(names), key=vietnamese_sort_key)


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


def build(request: ReportRequest, *, today: datetime.date, progress) -> tuple[dict, str, str, bool]:
    """The body of Mẫu số 01, its summary (trích yếu), default recipients and whether any
    figure in it is sample data. A fixed number of queries whatever the size of the plans."""
    if request.period_type not in PERIOD_TYPES:
        raise ReportError(_("The monitoring report (Form 01) covers the first six months or a whole year."))
    start, end = request.period_start, request.period_end
    plans = plans_in_scope(request)
    if not plans:
        raise ReportError(_("No issued plan of the sub-project covers this period."))
    plan_ids = [plan.pk for plan in plans]
    outputs_qs = (
        OutputIndicator.objects.filter(activity__plan__in=plan_ids)
        .select_related("indicator")
        .order_by("activity__plan__period_start", "activity__plan_id", "activity__order", "order", "id")
    )
    _check_rows(outputs_qs.count())
    activities = list(
        Activity.objects.filter(plan__in=plan_ids)
        .select_related("lead_unit", "activity_type", "plan")
        .order_by("plan__period_start", "plan_id", "order", "section_code")
    )
    outputs = outputs_with_period_figures(outputs_qs, start=start, end=end)
    progress(25)
    tasks = Task.objects.filter(activity__plan__in=plan_ids).exclude(status=Progress.CANCELLED)
    reports = list(
        ProgressReport.objects.filter(
            status=ProgressReport.Status.ACCEPTED, task__in=tasks, period_end__gte=start, period_end__lte=end
        )
        .select_related("task__unit")
        .order_by("period_end", "created_at", "pk")
    )
    units = [activity.lead_unit.name for activity in activities]
    units += Task.objects.filter(activity__plan__in=plan_ids).values_list("unit__name", flat=True)
    units += Cooperation.objects.filter(activity__plan__in=plan_ids).values_list("unit__name", flat=True)
    programme, subproject = _programme_names(end)
    period_text = document.period_phrase(request.period_type, start, end)
    indicators = _indicators(activities, outputs)
    body = {
        "doc_type": DOC_TYPE,
        "form": FORM_NAME,
        "programme": programme,
        "subproject": subproject,
        "period_text": period_text,
        "period_dates": f"từ ngày {day_text(start)} đến ngày {day_text(end)}",
        "as_of": day_text(min(today, end) if today >= start else end),
        "plans": [
            {
                "label": document.plan_reference(plan),
                "title": plan.title,
                "period": f"{day_text(plan.period_start)} – {day_text(plan.period_end)}",
                "is_sample": plan.is_sample,
            }
            for plan in plans
        ],
        "subjects": sorted(set(units), key=vietnamese_sort_key),
        "areas": _areas(plan_ids, plans),
        "reporting": _reporting(tasks, start=start, end=end, today=today),
        "budget": budget_by_source([activity.pk for activity in activities], start=start, end=end),
        "indicators": indicators,
        "indicator_counts": _indicator_counts(indicators),
        "activity_results": _results_by_activity(plans, activities, outputs),
        "difficulties": texts_by_unit(reports, "difficulties"),
        "proposals": texts_by_unit(reports, "proposals"),
        "recommendations": [line.strip() for line in (request.recommendations or "").splitlines() if line.strip()],
        # Targets are set per year and their achieved figures count the whole year
        # (`targets_with_actuals`): shown with the annual report only, never beside a half-year.
        "targets": targets_table(plans[0]) if request.plan_id and request.period_type == PeriodType.YEAR else None,
    }
    progress(45)
    name = " ".join(filter(None, [programme or "Chương trình mục tiêu quốc gia giảm nghèo bền vững", period_text]))
    summary = f"{name} ({subproject})" if subproject else name
    recipients = "\n".join(f"{plan.issuer.name} (b/c)" for plan in plans[:3]) if request.plan_id else ""
    is_sample = (
        any(plan.is_sample for plan in plans)
        or any(output.to_date_sample for output in outputs)
        or any(row["is_sample"] for row in (body["targets"] or {}).get("rows", []))
    )
    return body, summary, recipients, is_sample
