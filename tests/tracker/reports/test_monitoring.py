"""Mẫu số 01 of Thông tư 10/2022/TT-BLĐTBXH (the programme's 6-month and annual monitoring
report) for the demo sample plan's first half-year, every cell checked against the rows it
comes from.

The demo is loaded as of 15 July, so its sample progress reports (written for the latest
period already over) and its sample register records fall in the first half-year. The
expected figures are computed here from the models themselves — accepted reported quantities
and output records summed in Python — not by the selectors the report uses.
"""

from __future__ import annotations

import datetime
import io
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from budgets.demo.loader import load_demo_budgets
from budgets.models import Allocation, Disbursement, FundingSource
from tests import factories
from tracker.core.text import vietnamese_sort_key
from tracker.demo.loader import load_demo
from tracker.models import Activity, GeneratedReport, OutputRecord, Plan, ProgressReport, ReportedQuantity, User
from tracker.reports import data, services

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
D = datetime.date
YEAR = timezone.localdate().year
START, END = D(YEAR, 1, 1), D(YEAR, 6, 30)
ACCEPTED = ProgressReport.Status.ACCEPTED


def produce(actor, **fields) -> GeneratedReport:
    values = {"kind": "monitoring", "period_type": "half_year", "period_start": START, "period_end": END}
    values.update(fields)
    report = services.generated_report_request(actor=actor, request=data.ReportRequest(**values), language="vi")
    services.generated_report_enqueue(report)
    report.refresh_from_db()
    return report


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        load_demo(today=D(YEAR, 7, 15))
        load_demo_budgets(today=D(YEAR, 7, 15))
        plan = Plan.objects.get(is_sample=True)
        manager = User.objects.get(username="quanly")
        report = produce(
            manager, plan_id=plan.pk, issuer_id=manager.unit_id, recommendations="Đề nghị bố trí kinh phí (mẫu)."
        )
        yield SimpleNamespace(plan=plan, manager=manager, report=report)
        transaction.set_rollback(True)


# --- The figures, computed from the rows ----------------------------------------------------------


def achieved(output, *, start: datetime.date | None) -> tuple[int, bool]:
    """Accepted reported quantities of reports ending in the window plus records achieved in it,
    and whether a sample record is among them."""
    total = 0
    for quantity in ReportedQuantity.objects.filter(output_indicator=output).select_related("report"):
        report = quantity.report
        if report.status == ACCEPTED and report.period_end <= END and (start is None or report.period_end >= start):
            total += quantity.quantity
    sample = False
    for record in OutputRecord.objects.filter(output_indicator=output):
        if record.achieved_on <= END and (start is None or record.achieved_on >= start):
            total += record.quantity
            sample = sample or record.is_sample
    return total, sample


def percent(part: int, whole: int | None) -> int | None:
    return round(100 * part / whole) if whole else None


def expected_outputs(plan: Plan) -> dict[int, dict]:
    rows = {}
    for activity in Activity.objects.filter(plan=plan):
        for output in activity.output_indicators.all():
            in_period, _sample = achieved(output, start=START)
            to_date, sample = achieved(output, start=None)
            rows[output.pk] = {
                "output": output,
                "activity": activity,
                "in_period": in_period,
                "to_date": to_date,
                "sample": sample,
            }
    return rows


def expected_biểu_02(plan: Plan) -> list[list]:
    outputs = expected_outputs(plan)
    rows = []
    for activity in Activity.objects.filter(plan=plan).select_related("lead_unit").order_by("order", "section_code"):
        rows.append([activity.section_code, activity.title, None, None, None, None, None, activity.lead_unit.name])
        for output in activity.output_indicators.order_by("order", "id"):
            row = outputs[output.pk]
            rows.append(
                [
                    None,
                    f"- {output.name}" + (" [mẫu]" if row["sample"] else ""),
                    output.unit_of_measure,
                    output.planned_quantity,
                    row["in_period"],
                    row["to_date"],
                    percent(row["to_date"], output.planned_quantity),
                    None,
                ]
            )
    return rows


def expected_biểu_01(plan: Plan) -> list[list]:
    """Per content type, one row per indicator: outputs of one programme indicator (or, without
    one, of one name and unit) added together, others never."""
    groups: dict[tuple, dict] = {}
    for row in expected_outputs(plan).values():
        output, kind = row["output"], row["activity"].activity_type
        group = groups.setdefault((kind.order, kind.name) if kind else (10**6, "Nội dung khác"), {})
        unit = " ".join(output.unit_of_measure.split()).casefold()
        key = (output.indicator_id, unit) if output.indicator_id else (" ".join(output.name.split()).casefold(), unit)
        entry = group.setdefault(
            key,
            {
                "name": output.indicator.name if output.indicator_id else output.name,
                "unit": output.unit_of_measure,
                "planned": None,
                "in_period": 0,
                "to_date": 0,
                "sample": False,
            },
        )
        if output.planned_quantity is not None:
            entry["planned"] = (entry["planned"] or 0) + output.planned_quantity
        entry["in_period"] += row["in_period"]
        entry["to_date"] += row["to_date"]
        entry["sample"] = entry["sample"] or row["sample"]
    rows = []
    for number, group_key in enumerate(sorted(groups, key=lambda k: (k[0], vietnamese_sort_key(k[1]))), start=1):
        rows.append([number, group_key[1], None, None, None, None, None])
        for entry in sorted(groups[group_key].values(), key=lambda e: vietnamese_sort_key(e["name"])):
            rows.append(
                [
                    None,
                    entry["name"] + (" [mẫu]" if entry["sample"] else ""),
                    entry["unit"],
                    entry["planned"],
                    entry["in_period"],
                    entry["to_date"],
                    percent(entry["to_date"], entry["planned"]),
                ]
            )
    return rows


def expected_budget(plan: Plan) -> list[list]:
    allocated: dict[str, int] = defaultdict(int)
    disbursed: dict[str, int] = defaultdict(int)
    for allocation in Allocation.objects.filter(activity__plan=plan, year=YEAR).select_related("funding_source"):
        source = allocation.funding_source
        if allocation.decision_date <= END:
            allocated[source.name] += allocation.amount
        for payment in Disbursement.objects.filter(allocation=allocation, voucher_date__lte=END):
            disbursed[source.name] += payment.amount
    rows = []
    # In the sources' own order (FundingSource.Meta.ordering), those with money only.
    names = [source.name for source in FundingSource.objects.all() if allocated[source.name] or disbursed[source.name]]
    for number, name in enumerate(names, start=1):
        rate = None
        if allocated[name]:
            rate = float((Decimal(100 * disbursed[name]) / allocated[name]).quantize(Decimal("0.1"), ROUND_HALF_UP))
        rows.append([number, name, allocated[name], disbursed[name], rate])
    return rows


# --- Reading the files --------------------------------------------------------------------------------


def sheet_rows(sheet, header: str, width: int) -> list[list]:
    """The table rows under the header row whose second cell is `header` (skipping the column
    numbers row), up to the first row with nothing in it."""
    values = [list(row[:width]) for row in sheet.iter_rows(values_only=True)]
    start = next(index for index, row in enumerate(values) if row[1] == header) + 2
    rows = []
    for row in values[start:]:
        if all(value is None for value in row):
            break
        rows.append(row)
    return rows


def workbook(report: GeneratedReport):
    return load_workbook(io.BytesIO(services.generated_report_file(report, "xlsx")[0]))


# --- The tests ----------------------------------------------------------------------------------------


def test_form_01_is_produced_for_the_sample_plans_first_half_year(world):
    report = world.report
    assert report.status == GeneratedReport.Status.DONE, report.error_message
    frame = report.snapshot["frame"]
    assert frame["doc_type"] == "BÁO CÁO GIÁM SÁT"
    assert frame["summary"].endswith(f"6 tháng đầu năm {YEAR}")
    assert frame["closing"].startswith("Trên đây là báo cáo giám sát ")
    # The demo's accepted reports and records fall in the half-year: the check below is not 0 = 0.
    assert any(row[4] for row in expected_biểu_02(world.plan) if row[0] is None)


def test_every_cell_of_biểu_02_comes_from_accepted_reports_and_records(world):
    expected = expected_biểu_02(world.plan)
    assert sheet_rows(workbook(world.report)["Biểu số 02"], "Nội dung, sản phẩm", 8) == expected
    # The snapshot (the PDF and the preview are drawn from it) holds the same figures.
    snapshot_rows = []
    for group in world.report.snapshot["body"]["activity_results"]:
        for activity in group["activities"]:
            blank = [None] * 5
            snapshot_rows.append([activity["code"], activity["title"], *blank, activity["lead_unit"]])
            for o in activity["outputs"]:
                name = f"- {o['name']}" + (" [mẫu]" if o["is_sample"] else "")
                snapshot_rows.append(
                    [None, name, o["unit_of_measure"], o["planned"], o["in_period"], o["to_date"], o["percent"], None]
                )
    assert snapshot_rows == expected


def test_every_cell_of_biểu_01_adds_only_quantities_of_one_indicator(world):
    expected = expected_biểu_01(world.plan)
    assert sheet_rows(workbook(world.report)["Biểu số 01"], "Nội dung, chỉ số", 7) == expected
    counts = world.report.snapshot["body"]["indicator_counts"]
    planned = [row for row in expected if row[0] is None and row[3]]
    assert counts == {
        "total": len(planned),
        "reached": sum(1 for row in planned if row[5] >= row[3]),
        "started": sum(1 for row in planned if 0 < row[5] < row[3]),
        "none": sum(1 for row in planned if row[5] == 0),
    }


def test_every_cell_of_the_money_table_comes_from_allocations_and_disbursements(world):
    expected = expected_budget(world.plan)
    assert expected, "the demo allocates money to the sample plan"
    rows = sheet_rows(workbook(world.report)["Mẫu số 01"], "Nguồn vốn", 5)
    assert rows[:-1] == expected
    total_allocated = sum(row[2] for row in expected)
    total_disbursed = sum(row[3] for row in expected)
    assert rows[-1][:4] == [None, "Tổng cộng", total_allocated, total_disbursed]


def test_general_information_names_the_plan_the_units_the_period_and_the_accepted_texts(world):
    body = world.report.snapshot["body"]
    plan = world.plan
    assert [entry["label"] for entry in body["plans"]][0].startswith(plan.title.strip()[:40])
    units = {a.lead_unit.name for a in Activity.objects.filter(plan=plan).select_related("lead_unit")}
    units |= set(plan.activities.values_list("tasks__unit__name", flat=True)) - {None}
    units |= set(plan.activities.values_list("cooperations__unit__name", flat=True)) - {None}
    assert set(body["subjects"]) == units
    assert body["period_dates"] == f"từ ngày 01/01/{YEAR} đến ngày 30/06/{YEAR}"
    accepted = ProgressReport.objects.filter(
        status=ACCEPTED, task__activity__plan=plan, period_end__gte=START, period_end__lte=END
    ).select_related("task__unit")
    difficulties = {(r.task.unit.name, r.difficulties.strip()) for r in accepted if r.difficulties.strip()}
    assert {(e["unit"], e["text"]) for e in body["difficulties"]} == difficulties
    proposals = {(r.task.unit.name, r.proposals.strip()) for r in accepted if r.proposals.strip()}
    assert {(e["unit"], e["text"]) for e in body["proposals"]} == proposals
    assert body["recommendations"] == ["Đề nghị bố trí kinh phí (mẫu)."]
    periods = {(r.task_id, r.period_start, r.period_end) for r in accepted}
    assert body["reporting"]["accepted"] == len(periods)
    # A half-year report does not print the year's targets by area (their figures count the year).
    assert body["targets"] is None


def test_part_i5_is_laid_out_as_the_form_opens_it_in_the_sheet_and_the_preview(world, client):
    """I.5 "Nội dung giám sát" alone, then its items "- Theo dõi, kiểm tra công tác …" (the style
    of the form's first lettered part), the plans under the first one — the same lines in the
    Excel sheet and the document the PDF is printed from."""
    from tracker.reports.monitoring.excel import MONITORING_CONTENTS

    body = world.report.snapshot["body"]
    cells = [row[0] for row in workbook(world.report)["Mẫu số 01"].iter_rows(values_only=True) if row[0]]
    start = cells.index("5. Nội dung giám sát:")
    assert cells[start + 1].startswith("- Theo dõi, kiểm tra công tác tổ chức thực hiện ")
    plans = [f"+ {plan['label']}; thời gian thực hiện: {plan['period']};" for plan in body["plans"]]
    assert cells[start + 2 : start + 2 + len(plans)] == plans
    assert (
        tuple(cells[start + 2 + len(plans) : start + 2 + len(plans) + len(MONITORING_CONTENTS)]) == MONITORING_CONTENTS
    )
    assert cells[start + 2 + len(plans) + len(MONITORING_CONTENTS)] == "II. KẾT QUẢ GIÁM SÁT"
    client.force_login(world.manager)
    preview = client.get(reverse("tracker:generated_report_preview", args=[world.report.pk])).content.decode()
    positions = [preview.index("5. Nội dung giám sát:")]
    positions += [preview.index(text) for text in (cells[start + 1], *plans, *MONITORING_CONTENTS)]
    assert positions == sorted(positions)


def test_every_page_of_the_pdf_and_every_sheet_say_sample(world):
    reader = PdfReader(io.BytesIO(services.generated_report_file(world.report, "pdf")[0]))
    assert len(reader.pages) == world.report.page_count >= 3
    texts = [page.extract_text() for page in reader.pages]
    assert all("SỐ LIỆU MẪU" in text for text in texts)
    assert "BÁO CÁO GIÁM SÁT" in texts[0]
    assert "I. THÔNG TIN CHUNG VỀ NỘI DUNG GIÁM SÁT" in texts[0]
    whole = "\n".join(texts)
    for heading in ("II. KẾT QUẢ GIÁM SÁT", "IV. KIẾN NGHỊ, ĐỀ XUẤT", "BIỂU SỐ 01", "BIỂU SỐ 02"):
        assert heading in whole.upper()
    book = workbook(world.report)
    assert book.sheetnames == ["Mẫu số 01", "Biểu số 01", "Biểu số 02"]
    for sheet in book.worksheets:
        assert sheet.oddHeader.right.text == "SỐ LIỆU MẪU"
    assert book["Biểu số 02"].page_setup.orientation == "landscape"


def test_the_preview_and_the_list_show_the_monitoring_report(world, client):
    client.force_login(world.manager)
    preview = client.get(reverse("tracker:generated_report_preview", args=[world.report.pk])).content.decode()
    assert "BÁO CÁO GIÁM SÁT" in preview and "Biểu số 01" in preview and "Biểu số 02" in preview
    assert 'class="sample-mark"' in preview
    listing = client.get(reverse("tracker:generated_report_list"), {"kind": "monitoring"}).content.decode()
    assert "Báo cáo giám sát (Mẫu số 01, Thông tư 10/2022/TT-BLĐTBXH)" in listing
    assert reverse("tracker:generated_report_job", args=[world.report.pk]) in listing


def test_the_monitoring_report_is_the_managers_only(world):
    officer = User.objects.get(username="canbo.xa")
    finance = User.objects.get(username="taichinh")
    for user in (officer, finance):
        with pytest.raises(PermissionDenied):
            produce(user, plan_id=world.plan.pk, issuer_id=world.manager.unit_id)


def test_the_form_offers_it_to_the_manager_for_a_half_year_or_a_year_only(world, client):
    client.force_login(world.manager)
    page = client.get(reverse("tracker:generated_report_new"))
    assert 'value="monitoring"' in page.content.decode()
    fields = {
        "kind": "monitoring",
        "period_type": "month",
        "year": YEAR,
        "month": 3,
        "document_date": f"05/07/{YEAR}",
        "issuer": world.manager.unit_id,
        "plan": world.plan.pk,
    }
    before = GeneratedReport.objects.count()
    answer = client.post(reverse("tracker:generated_report_new"), fields)
    assert answer.status_code == 200
    assert "Báo cáo giám sát (Mẫu số 01) là báo cáo 6 tháng đầu năm hoặc cả năm" in answer.content.decode()
    assert GeneratedReport.objects.count() == before
    officer = User.objects.get(username="canbo.xa")
    client.logout()
    client.force_login(officer)
    assert 'value="monitoring"' not in client.get(reverse("tracker:generated_report_new")).content.decode()


# --- A fixed number of queries whatever the plan's size --------------------------------------------


def add_contents(plan: Plan, unit, first: int, last: int) -> None:
    """Contents numbered first..last-1, each with an output, a task and an accepted March report."""
    for number in range(first, last):
        activity = factories.ActivityFactory(plan=plan, section_code=f"2.{number + 1}", lead_unit=unit)
        output = factories.OutputIndicatorFactory(activity=activity, planned_quantity=10)
        task = factories.TaskFactory(activity=activity, unit=unit, output_indicator=output)
        report = factories.ProgressReportFactory(
            task=task, status=ACCEPTED, submitted_at=timezone.now(), difficulties=f"Khó khăn {number}"
        )
        ReportedQuantity.objects.create(report=report, output_indicator=output, quantity=number + 1)


def test_building_the_report_costs_the_same_queries_for_a_small_and_a_large_plan(unit_a):
    plan = factories.PlanFactory(issuer=unit_a, period_start=D(2026, 1, 1), period_end=D(2026, 12, 31))
    request = data.ReportRequest(
        kind="monitoring",
        period_type="half_year",
        period_start=D(2026, 1, 1),
        period_end=D(2026, 6, 30),
        plan_id=plan.pk,
        issuer_id=unit_a.pk,
    )
    counts = []
    for first, size in ((0, 2), (2, 8)):
        add_contents(plan, unit_a, first, size)
        with CaptureQueriesContext(connection) as queries:
            snapshot = data.build_snapshot(request, today=D(2026, 7, 15))
        counts.append(len(queries))
        rows = [row for group in snapshot["body"]["indicators"] for row in group["rows"]]
        assert len(rows) == size and len(snapshot["body"]["difficulties"]) == size
    # Issuer and frame (3), plans (1), row count (1), contents (1), outputs with their figures (1),
    # accepted reports (1), units (2), programme tree (1), areas (3), expected reports (4),
    # money (3, the budgets app being installed).
    assert counts[0] == counts[1] <= 24, counts
