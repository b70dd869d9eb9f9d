"""Official reports: the figures of the PDF and the Excel file are the tracker's accepted
figures; the document has the official layout (NĐ 30/2020) with Vietnamese letters in
embedded fonts; long tables repeat their header rows; caps and time limits fail clearly.
"""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from fontTools.ttLib import TTFont
from openpyxl import load_workbook
from pypdf import PdfReader

from budgets import services as budget_services
from tests import factories
from tests.budgets.factories import AllocationFactory, source
from tracker.core.calendar import periods_for_task
from tracker.demo import seed_002
from tracker.demo.base import Ctx
from tracker.demo.common import load_programme
from tracker.demo.users import ensure_admin
from tracker.models import Area, GeneratedReport, OutputIndicator, Plan, ReportingRule, Unit
from tracker.progress import services as progress_services
from tracker.reports import data, document, services
from tracker.reports import jobs as report_jobs

pytestmark = pytest.mark.django_db
D = datetime.date
Kind = GeneratedReport.Kind
Status = GeneratedReport.Status
# Every letter Vietnamese writes beyond ASCII, lower and upper case.
VIETNAMESE_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


# --- Helpers --------------------------------------------------------------------------------


def produce(actor, **fields) -> GeneratedReport:
    """Ask for a report and run its job (inline: no broker in the tests)."""
    values = {"period_type": "half_year", "period_start": D(2026, 1, 1), "period_end": D(2026, 6, 30)}
    values.update(fields)
    report = services.generated_report_request(actor=actor, request=data.ReportRequest(**values), language="en")
    services.generated_report_enqueue(report)
    report.refresh_from_db()
    return report


def file_bytes(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def pdf_pages(report: GeneratedReport) -> list[str]:
    reader = PdfReader(io.BytesIO(file_bytes(report.pdf)))
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(report: GeneratedReport) -> str:
    return flat(" ".join(pdf_pages(report)))


def workbook(report: GeneratedReport):
    return load_workbook(io.BytesIO(file_bytes(report.xlsx)))


def row_starting(sheet, *first_values) -> list:
    """The values of the first row whose leading cells are `first_values`."""
    for row in sheet.iter_rows(values_only=True):
        if tuple(row[: len(first_values)]) == first_values:
            return list(row)
    raise AssertionError(f"No row starting with {first_values} in {sheet.title}")


def top_lines(report: GeneratedReport) -> list[str]:
    """The highest text on each page (the page number in the top margin, if any)."""
    tops = []
    for page in PdfReader(io.BytesIO(file_bytes(report.pdf))).pages:
        pieces: list[tuple[float, str]] = []

        def visit(text, cm, tm, *_args, pieces=pieces):
            if text.strip():
                pieces.append((tm[5] * cm[3] + cm[5], text))

        page.extract_text(visitor_text=visit)
        highest = max(y for y, _ in pieces)
        tops.append(" ".join(text.strip() for y, text in pieces if y == highest))
    return tops


def pdf_fonts(report: GeneratedReport) -> dict[str, object]:
    """Every font of the PDF by base name, with its font descriptor."""
    fonts = {}
    for page in PdfReader(io.BytesIO(file_bytes(report.pdf))).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = descriptor.get_object() if descriptor else None
    return fonts


@pytest.fixture
def dic(db):
    """The DIC of Lạng Sơn and its successor since 1/3/2025, as the demo has them."""
    province = factories.ProvinceFactory(name="Tỉnh Lạng Sơn")
    ubnd = factories.UnitFactory(name="UBND tỉnh Lạng Sơn", kind=Unit.Kind.PEOPLES_COMMITTEE, area=province)
    science = factories.UnitFactory(
        name="Sở Khoa học và Công nghệ tỉnh Lạng Sơn", area=province, parent=ubnd, valid_from=D(2025, 3, 1)
    )
    return factories.UnitFactory(
        name="Sở Thông tin và Truyền thông tỉnh Lạng Sơn",
        area=province,
        parent=ubnd,
        valid_to=D(2025, 2, 28),
        successor=science,
    )


@pytest.fixture
def plan_world(unit_a, unit_b, officer_a, officer_b, manager, dic):
    """A 2026 plan: content 2.1 with an output of 1.234 planned; unit A reports 417 in March
    (accepted), 999 in April (only submitted) and 58 in September (accepted); unit B has a
    task of its own with 12 accepted in May."""
    plan = factories.PlanFactory(
        number_symbol="77/KH-UBND", title="Thực hiện Tiểu dự án 1 năm 2026", issuer=dic.parent, issued_on=D(2026, 1, 15)
    )
    activity = factories.ActivityFactory(
        plan=plan, section_code="2.1", title="Nâng cao năng lực cán bộ thông tin cơ sở", lead_unit=dic
    )
    output = OutputIndicator.objects.create(
        activity=activity, name="Lượt cán bộ được bồi dưỡng", unit_of_measure="lượt người", planned_quantity=1234
    )
    for unit in (unit_a, unit_b):
        ReportingRule.objects.create(
            plan=plan,
            title="Báo cáo tháng",
            reporter=unit,
            recipient=dic,
            frequency=ReportingRule.Frequency.MONTHLY,
            due_day=20,
            active_from=D(2026, 1, 1),
            active_to=D(2026, 12, 31),
        )
    task_a = factories.TaskFactory(
        activity=activity,
        unit=unit_a,
        area=unit_a.area,
        output_indicator=output,
        target_quantity=600,
        due_date=D(2026, 12, 31),
        deliverable="Cử cán bộ dự lớp bồi dưỡng",
    )
    task_b = factories.TaskFactory(
        activity=activity, unit=unit_b, area=unit_b.area, output_indicator=output, due_date=D(2026, 12, 31)
    )
    months = {period.start.month: period for period in periods_for_task(task_a)}
    march = progress_services.progress_save_draft(
        task=task_a,
        period=months[3],
        actor=officer_a,
        percent_complete=35,
        quantities={output: 417},
        narrative="Đã tổ chức 2 lớp bồi dưỡng tại xã.",
        difficulties="Thiếu phòng học có máy chiếu.",
        proposals="Đề nghị bổ sung kinh phí thuê hội trường.",
    )
    progress_services.progress_submit(report=march, actor=officer_a)
    progress_services.progress_accept(report=march, actor=manager)
    april = progress_services.progress_save_draft(
        task=task_a, period=months[4], actor=officer_a, percent_complete=40, quantities={output: 999}
    )
    progress_services.progress_submit(report=april, actor=officer_a)
    factories.accepted_report(task_a, officer=officer_a, manager=manager, quantities={output: 58}, period=months[9])
    may_b = {period.start.month: period for period in periods_for_task(task_b)}[5]
    factories.accepted_report(task_b, officer=officer_b, manager=manager, quantities={output: 12}, period=may_b)
    return {"plan": plan, "activity": activity, "output": output, "task_a": task_a, "task_b": task_b}


def progress_report(manager, world, **fields) -> GeneratedReport:
    values = {
        "kind": Kind.PROGRESS,
        "plan_id": world["plan"].pk,
        "issuer_id": world["activity"].lead_unit_id,
        "document_date": D(2026, 7, 5),
        "signing_authority": "KT. GIÁM ĐỐC",
        "signer_title": "Phó Giám đốc",
        "signer_name": "Hoàng Văn Bình",
        "recipients": "UBND tỉnh Lạng Sơn (b/c);\nBộ Khoa học và Công nghệ (b/c)",
        "recommendations": "Đề nghị UBND tỉnh bố trí kinh phí đối ứng năm 2026.",
    }
    values.update(fields)
    return produce(manager, **values)


# --- Figures ---------------------------------------------------------------------------------


def test_the_pdf_and_the_excel_file_show_the_accepted_figures_of_the_period(manager, plan_world):
    report = progress_report(manager, plan_world)

    assert report.status == Status.DONE, report.error_message
    text = pdf_text(report)
    # Planned 1.234; this half-year 417 (A, March) + 12 (B, May); the submitted 999 is not counted.
    assert "- Lượt cán bộ được bồi dưỡng lượt người 1.234 429 429 35" in text
    assert "999" not in text
    # Difficulties and proposals with the unit's name, the manager's recommendation.
    assert "UBND xã A: Thiếu phòng học có máy chiếu." in text
    assert "UBND xã A: Đề nghị bổ sung kinh phí thuê hội trường." in text
    assert "UBND xã A: Đã tổ chức 2 lớp bồi dưỡng tại xã." in text
    assert "V. KIẾN NGHỊ Đề nghị UBND tỉnh bố trí kinh phí đối ứng năm 2026." in text
    # The same figures in Excel, as numbers.
    sheet = workbook(report)["Kết quả"]
    assert row_starting(sheet, None, "- Lượt cán bộ được bồi dưỡng")[2:7] == ["lượt người", 1234, 429, 429, 35]


def test_the_register_entries_accepted_in_the_period_are_listed_in_an_appendix(manager, officer_a, plan_world):
    from tracker.models import TrainingCourse
    from tracker.registers import services as register_services

    def course(title, end, *, accept=True):
        entry = register_services.entry_save(
            entry=TrainingCourse(
                task=plan_world["task_a"], title=title, start_date=end, end_date=end, trainees_total=30
            ),
            actor=officer_a,
        )
        register_services.entry_submit(entry=entry, actor=officer_a)
        if accept:
            register_services.entry_accept(entry=entry, actor=manager)

    course("Lớp kỹ năng tuyên truyền cơ sở", D(2026, 3, 12))
    course("Lớp chưa được duyệt", D(2026, 4, 2), accept=False)
    course("Lớp tháng mười", D(2026, 10, 8))

    report = progress_report(manager, plan_world)

    text = pdf_text(report)
    assert "DANH MỤC CÔNG TRÌNH, LỚP BỒI DƯỠNG, SẢN PHẨM ĐÃ ĐƯỢC CHẤP NHẬN TRONG KỲ" in text
    assert "Lớp kỹ năng tuyên truyền cơ sở (30 học viên (nữ 0, DTTS 0))" in text
    assert "Lớp chưa được duyệt" not in text and "Lớp tháng mười" not in text
    sheet = workbook(report)["Danh mục sản phẩm"]
    listed = [row for row in sheet.iter_rows(values_only=True) if row[0] == 1]
    assert listed == [
        (
            1,
            "2.1",
            "Lớp bồi dưỡng, tập huấn",
            "Lớp kỹ năng tuyên truyền cơ sở (30 học viên (nữ 0, DTTS 0))",
            plan_world["task_a"].area.name,
            "UBND xã A",
            "12/03/2026",
        )
    ]


def test_cumulative_figures_run_to_the_end_of_the_period(manager, plan_world):
    report = progress_report(
        manager, plan_world, period_type="year", period_start=D(2026, 1, 1), period_end=D(2026, 12, 31)
    )
    sheet = workbook(report)["Kết quả"]
    # 417 + 12 + 58 over the year: 487 of 1.234 = 39 %.
    assert row_starting(sheet, None, "- Lượt cán bộ được bồi dưỡng")[3:7] == [1234, 487, 487, 39]
    third_quarter = progress_report(
        manager, plan_world, period_type="custom", period_start=D(2026, 7, 1), period_end=D(2026, 9, 30)
    )
    sheet = workbook(third_quarter)["Kết quả"]
    assert row_starting(sheet, None, "- Lượt cán bộ được bồi dưỡng")[3:7] == [1234, 58, 487, 39]


def test_period_figures_agree_with_the_tracker_roll_up(plan_world):
    from tracker.outputs import selectors as selectors_progress

    queryset = OutputIndicator.objects.filter(pk=plan_world["output"].pk)
    [whole] = data.outputs_with_period_figures(queryset, start=D(2000, 1, 1), end=D(2100, 12, 31))
    [rolled_up] = selectors_progress.outputs_with_achieved(queryset)
    assert whole.to_date == rolled_up.achieved == 487


def test_output_records_count_in_the_period_of_their_date(manager, dic):
    from tracker.models import OutputRecord

    activity = factories.ActivityFactory(lead_unit=dic, section_code="2.2")
    output = OutputIndicator.objects.create(
        activity=activity,
        name="Bài viết trên trang chiến dịch",
        unit_of_measure="bài",
        planned_quantity=40,
        counted_from=OutputIndicator.CountedFrom.RECORDS,
    )
    for number, day in enumerate((D(2026, 2, 3), D(2026, 5, 20), D(2026, 8, 1))):
        OutputRecord.objects.create(
            output_indicator=output, quantity=2, achieved_on=day, source=f"test:{number}", title=f"Bài {number}"
        )
    [figures] = data.outputs_with_period_figures(
        OutputIndicator.objects.filter(pk=output.pk), start=D(2026, 4, 1), end=D(2026, 6, 30)
    )
    assert (figures.in_period, figures.to_date, figures.percent) == (2, 4, 10)


def test_the_budget_section_shows_money_by_source_as_of_the_period_end(manager, finance, plan_world):
    activity = plan_world["activity"]
    allocation = AllocationFactory(activity=activity, amount=120_000_000, funding_source=source("central_budget"))
    budget_services.disbursement_record(
        allocation=allocation, amount=45_500_000, voucher_number="PC-01", voucher_date=D(2026, 5, 4), actor=finance
    )
    budget_services.disbursement_record(
        allocation=allocation, amount=10_000_000, voucher_number="PC-02", voucher_date=D(2026, 8, 4), actor=finance
    )

    report = progress_report(manager, plan_world)

    text = pdf_text(report)
    assert "Ngân sách trung ương (vốn sự nghiệp) 120.000.000 đ 45.500.000 đ 74.500.000 đ 37,9" in text
    sheet = workbook(report)["Kinh phí"]
    assert row_starting(sheet, 1, "Ngân sách trung ương (vốn sự nghiệp)")[2:6] == [
        120_000_000,
        45_500_000,
        74_500_000,
        37.9,
    ]
    assert row_starting(sheet, None, "Tổng cộng")[2:4] == [120_000_000, 45_500_000]
    assert sheet.cell(row=row_index(sheet, "Tổng cộng"), column=3).number_format == "#,##0"


def row_index(sheet, label: str) -> int:
    for row in sheet.iter_rows():
        if row[1].value == label:
            return row[1].row
    raise AssertionError(label)


def test_a_finance_officer_produces_the_budget_report(finance, plan_world):
    report = produce(
        finance, kind=Kind.BUDGET, plan_id=plan_world["plan"].pk, issuer_id=plan_world["activity"].lead_unit_id
    )
    assert report.status == Status.DONE, report.error_message
    assert "Tình hình giao và giải ngân kinh phí thực hiện Kế hoạch số 77/KH-UBND" in pdf_text(report)


def test_a_finance_officer_may_not_produce_the_progress_report(finance, plan_world):
    with pytest.raises(PermissionDenied):
        progress_report(finance, plan_world)
    assert not GeneratedReport.objects.exists()


# --- Seed 002's appendix ---------------------------------------------------------------------


@pytest.fixture
def seed_002_plan(db) -> Plan:
    """Plan 146/KH-UBND with its 35-row appendix, loaded by the demo loader itself."""
    ctx = Ctx(actor=ensure_admin(), today=D(2026, 11, 1))
    programme = load_programme(ctx)
    return seed_002.load(ctx, programme, seed_002.load_indicators(ctx))


def test_seed_002_table_gives_920_200_21_in_the_pdf_and_the_excel_file(manager, seed_002_plan):
    issuer = Unit.objects.get(name="Phòng Văn hóa Thông tin thành phố Thanh Hóa")
    report = produce(
        manager,
        kind=Kind.TARGETS,
        plan_id=seed_002_plan.pk,
        issuer_id=issuer.pk,
        period_type="custom",
        period_start=seed_002_plan.period_start,
        period_end=seed_002_plan.period_end,
        document_date=D(2019, 12, 20),
    )

    assert report.status == Status.DONE, report.error_message
    text = pdf_text(report)
    # Baseline 920; targets 200 and 21, nothing reported yet in the demo (0 achieved, 0 %).
    assert "Tổng cộng 920 200 0 0 21 0 0" in text
    assert "1 Phường Hàm Rồng 24 4 0 0" in text
    assert "35 Xã Quảng Phú 40 6 0 0 1 0 0" in text
    sheet = workbook(report)["Chỉ tiêu theo địa bàn"]
    assert row_starting(sheet, None, "Tổng cộng")[2:9] == [920, 200, 0, 0, 21, 0, 0]
    data_rows = [row for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert len(data_rows) == 35
    assert [sum(row[i] or 0 for row in data_rows) for i in (2, 3, 6)] == [920, 200, 21]
    # Issued by the city's culture office, under the city's People's Committee.
    assert "UBND THÀNH PHỐ THANH HÓA PHÒNG VĂN HÓA THÔNG TIN" in text
    assert "Thanh Hóa, ngày 20 tháng 12 năm 2019" in text


def test_seed_002_progress_report_carries_the_appendix(manager, seed_002_plan):
    issuer = Unit.objects.get(name="Phòng Văn hóa Thông tin thành phố Thanh Hóa")
    report = produce(
        manager,
        kind=Kind.PROGRESS,
        plan_id=seed_002_plan.pk,
        issuer_id=issuer.pk,
        period_start=D(2019, 1, 1),
        period_end=D(2019, 6, 30),
        document_date=D(2019, 6, 10),
    )
    pages = pdf_pages(report)
    appendix = flat(pages[-1])
    assert "PHỤ LỤC" in flat(" ".join(pages)).upper()
    assert "920" in appendix and "Tổng cộng" in flat(" ".join(pages))
    assert workbook(report)["Phụ lục chỉ tiêu"]
    assert "Kết quả thực hiện Kế hoạch số 146/KH-UBND ngày 18/02/2019 của UBND thành phố Thanh Hóa 6 tháng" in flat(
        " ".join(pages)
    )


# --- Layout: fonts, header, page numbers, repeated table headers -----------------------------


def test_fonts_are_embedded_and_cover_every_vietnamese_letter(manager, plan_world):
    report = progress_report(manager, plan_world, recommendations=f"Bảng chữ: {VIETNAMESE_LETTERS}")

    text = pdf_text(report)
    assert "cộng hòa xã hội chủ nghĩa việt nam" in text.lower()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert VIETNAMESE_LETTERS in text.replace(" ", "")
    fonts = pdf_fonts(report)
    # Liberation Serif (regular, bold, italic, bold italic), each embedded as a TrueType subset;
    # no fallback font was needed for any letter.
    families = {re.sub(r"^[A-Z]{6}\+", "", name.lstrip("/")) for name in fonts}
    assert families <= {
        "Liberation-Serif",
        "Liberation-Serif-Bold",
        "Liberation-Serif-Italic",
        "Liberation-Serif-Bold-Italic",
    }, families
    assert "Liberation-Serif-Bold" in families
    covered = set()
    for descriptor in fonts.values():
        embedded = descriptor["/FontFile2"].get_object().get_data()
        covered |= set(TTFont(io.BytesIO(embedded)).getBestCmap() or {})
    # The subsets carry glyphs for every letter printed (here every Vietnamese letter).
    assert {ord(letter) for letter in VIETNAMESE_LETTERS} <= covered


def test_page_numbers_start_on_page_two_in_the_top_margin(manager, plan_world):
    # A long recommendation makes the report run to several pages.
    report = progress_report(manager, plan_world, recommendations="\n".join(["Kiến nghị dài."] * 60))
    pages = pdf_pages(report)
    assert len(pages) >= 3
    tops = top_lines(report)
    assert not tops[0].isdigit()
    assert tops[1:] == [str(n) for n in range(2, len(pages) + 1)]
    assert report.page_count == len(pages)


def test_header_rows_repeat_on_every_page_of_a_long_table(manager, dic):
    plan = factories.PlanFactory(number_symbol="9/KH-UBND", issuer=dic.parent)
    indicator = factories.IndicatorFactory(name="Hộ nghèo được hỗ trợ điện thoại thông minh")
    for number in range(1, 121):
        area = factories.AreaFactory(name=f"Xã Thử Nghiệm {number:03d}")
        factories.TargetFactory(plan=plan, indicator=indicator, area=area, year=2026, planned_value=number)

    report = produce(
        manager,
        kind=Kind.TARGETS,
        plan_id=plan.pk,
        issuer_id=dic.successor_id,
        period_type="custom",
        period_start=plan.period_start,
        period_end=plan.period_end,
    )

    pages = [flat(page) for page in pdf_pages(report)]
    table_pages = [page for page in pages if "Xã Thử Nghiệm" in page]
    assert len(table_pages) >= 3
    header = "STT Địa bàn Hộ nghèo được hỗ trợ điện thoại thông minh (hộ) Chỉ tiêu Thực hiện Tỷ lệ (%)"
    assert all(header in page for page in table_pages), [page[:200] for page in table_pages]
    assert "Tổng cộng 7.260" in pages[-1] or "Tổng cộng 7.260" in " ".join(pages)
    # Excel repeats the header rows as print titles.
    sheet = workbook(report)["Chỉ tiêu theo địa bàn"]
    first, last = (int(n) for n in re.findall(r"\d+", sheet.print_title_rows))
    assert [sheet.cell(row=first, column=c).value for c in (1, 2, 3)] == ["STT", "Địa bàn", indicator.name + " (hộ)"]
    assert [sheet.cell(row=last, column=c).value for c in (3, 4, 5)] == ["Chỉ tiêu", "Thực hiện", "Tỷ lệ (%)"]


def test_the_header_names_the_dic_in_force_on_the_documents_date(manager, plan_world, dic):
    before = progress_report(manager, plan_world, issuer_id=dic.successor_id, document_date=D(2025, 2, 5))
    after = progress_report(manager, plan_world, issuer_id=dic.pk, document_date=D(2025, 3, 5))

    text = pdf_text(before)
    assert "UBND TỈNH LẠNG SƠN SỞ THÔNG TIN VÀ TRUYỀN THÔNG Số: /BC-STTTT" in text
    assert "Lạng Sơn, ngày 05 tháng 02 năm 2025" in text
    assert "BÁO CÁO Kết quả thực hiện Kế hoạch số 77/KH-UBND ngày 15/01/2026 của UBND tỉnh Lạng Sơn 6 tháng" in text
    text = pdf_text(after)
    assert "UBND TỈNH LẠNG SƠN SỞ KHOA HỌC VÀ CÔNG NGHỆ Số: /BC-SKHCN" in text
    assert "Lạng Sơn, ngày 05 tháng 3 năm 2025" in text
    assert "của Sở Khoa học và Công nghệ tỉnh Lạng Sơn./." in text


def test_recipients_and_signature_come_from_what_the_manager_typed(manager, plan_world):
    text = pdf_text(progress_report(manager, plan_world))
    assert (
        "Nơi nhận: - UBND tỉnh Lạng Sơn (b/c); - Bộ Khoa học và Công nghệ (b/c); - Lưu: VT. "
        "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Hoàng Văn Bình"
    ) in text


def test_date_lines_and_recipient_entries_follow_the_decree():
    assert document.date_line("Lạng Sơn", D(2023, 3, 5)) == "Lạng Sơn, ngày 05 tháng 3 năm 2023"
    assert document.date_line("Tp. Thanh Hóa", D(2019, 2, 18)) == "Tp. Thanh Hóa, ngày 18 tháng 02 năm 2019"
    assert document.date_line("Huế", D(2023, 12, 19)) == "Huế, ngày 19 tháng 12 năm 2023"
    assert document.recipient_lines("- Bộ TT&TT;\nUBND tỉnh (b/c).\n\n") == [
        "Bộ TT&TT;",
        "UBND tỉnh (b/c);",
        "Lưu: VT.",
    ]
    assert document.recipient_lines("Sở Tài chính\nLưu: VT, KGVX (HTHT)") == ["Sở Tài chính;", "Lưu: VT, KGVX (HTHT)."]
    assert document.signature_lines("TM. Ủy ban nhân dân / KT. Chủ tịch") == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert document.period_phrase("half_year", D(2023, 1, 1), D(2023, 6, 30)) == "6 tháng đầu năm 2023"
    assert document.period_phrase("month", D(2023, 3, 1), D(2023, 3, 31)) == "tháng 3 năm 2023"
    assert document.place_of(Area(name="Tỉnh Thừa Thiên Huế", level=1)) == "Thừa Thiên Huế"


def test_agency_symbols_are_the_initials_of_the_name():
    province = Area(name="Tỉnh Lạng Sơn", level=Area.Level.PROVINCE)
    dic = Unit(name="Sở Thông tin và Truyền thông tỉnh Lạng Sơn", kind=Unit.Kind.DEPARTMENT, area=province)
    labour = Unit(name="Sở Lao động - Thương binh và Xã hội", kind=Unit.Kind.DEPARTMENT)
    commune = Unit(name="UBND xã Mẫu Một", kind=Unit.Kind.PEOPLES_COMMITTEE)
    assert [document.report_symbol(unit) for unit in (dic, labour, commune)] == ["BC-STTTT", "BC-SLĐTBXH", "BC-UBND"]
    assert document.issuer_line(commune) == "ỦY BAN NHÂN DÂN XÃ MẪU MỘT"


# --- A unit's own report ---------------------------------------------------------------------


def test_a_unit_officer_produces_their_units_report_with_its_tasks_only(officer_a, plan_world):
    report = produce(
        officer_a, kind=Kind.UNIT, unit_id=officer_a.unit_id, plan_id=plan_world["plan"].pk, document_date=D(2026, 7, 2)
    )

    assert report.status == Status.DONE, report.error_message
    assert report.unit_id == officer_a.unit_id
    text = pdf_text(report)
    assert "ỦY BAN NHÂN DÂN XÃ A" in text and "Số: /BC-UBND" in text
    # Its task: target 600, 417 accepted in the half-year; unit B's 12 is not in it.
    assert "Cử cán bộ dự lớp bồi dưỡng" in text
    sheet = workbook(report)["Nhiệm vụ"]
    assert row_starting(sheet, 1)[4:8] == [600, 417, 417, 35]
    assert row_starting(sheet, 1)[1].startswith("Cử cán bộ dự lớp bồi dưỡng")
    assert not any(row[0] == 2 for row in sheet.iter_rows(values_only=True))
    assert "Thiếu phòng học có máy chiếu." in text
    # Sent up to the DIC, the recipient of its reporting rule.
    assert "Nơi nhận: - Sở Thông tin và Truyền thông tỉnh Lạng Sơn (b/c); - Lưu: VT." in text


def test_a_unit_officer_cannot_produce_another_units_report(officer_a, unit_b, plan_world):
    request = data.ReportRequest(
        kind=Kind.UNIT, unit_id=unit_b.pk, period_type="year", period_start=D(2026, 1, 1), period_end=D(2026, 12, 31)
    )
    with pytest.raises(PermissionDenied):
        services.generated_report_request(actor=officer_a, request=request)
    for kind in (Kind.PROGRESS, Kind.TARGETS, Kind.BUDGET):
        with pytest.raises(PermissionDenied):
            services.generated_report_request(
                actor=officer_a,
                request=data.ReportRequest(
                    kind=kind,
                    plan_id=plan_world["plan"].pk,
                    issuer_id=officer_a.unit_id,
                    period_type="year",
                    period_start=D(2026, 1, 1),
                    period_end=D(2026, 12, 31),
                ),
            )
    assert not GeneratedReport.objects.exists()


# --- Caps, time limit, failures, immutability -------------------------------------------------


def test_a_period_longer_than_the_cap_is_refused(manager, plan_world, settings):
    settings.REPORT_MAX_PERIOD_DAYS = 366
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        progress_report(
            manager, plan_world, period_type="custom", period_start=D(2025, 1, 1), period_end=D(2026, 6, 30)
        )
    assert "at most 366 days" in str(refused.value)
    assert not GeneratedReport.objects.exists()


def test_a_report_over_the_row_cap_fails_with_a_clear_message(manager, plan_world, settings):
    settings.REPORT_MAX_ROWS = 3
    report = progress_report(manager, plan_world)
    assert report.status == Status.FAILED
    assert report.error_message.startswith("This report would have ")
    assert "more than the 3 allowed. Choose one plan or a shorter period." in report.error_message
    assert not report.pdf and not report.pdf_sha256


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_error_message_is_in_the_language_of_who_asked(manager, plan_world, settings, language):
    settings.REPORT_TIME_LIMIT_SECONDS = 0
    report = services.generated_report_request(
        actor=manager,
        request=data.ReportRequest(
            kind=Kind.BUDGET,
            plan_id=plan_world["plan"].pk,
            issuer_id=plan_world["activity"].lead_unit_id,
            period_type="year",
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
        ),
        language=language,
    )
    services.generated_report_enqueue(report)
    report.refresh_from_db()
    with translation.override(language):
        expected = translation.gettext(
            "The report took longer than the %(seconds)s seconds allowed and was stopped. "
            "Choose one plan or a shorter period."
        ) % {"seconds": 0}
    assert report.error_message == expected


def test_a_report_over_the_time_limit_is_stopped(manager, plan_world, settings):
    settings.REPORT_TIME_LIMIT_SECONDS = 0
    report = progress_report(manager, plan_world)
    assert report.status == Status.FAILED
    assert report.error_message == (
        "The report took longer than the 0 seconds allowed and was stopped. Choose one plan or a shorter period."
    )


def test_an_unexpected_error_fails_the_report_and_is_logged(manager, plan_world, monkeypatch, caplog):
    def broken(snapshot):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr("tracker.reports.pdf.render_pdf", broken)
    report = progress_report(manager, plan_world)
    assert report.status == Status.FAILED
    assert report.error_message == (
        "The report could not be generated because of an error in the system. It was logged."
    )
    assert "renderer crashed" in caplog.text


def test_a_finished_report_is_never_generated_again(manager, plan_world):
    report = progress_report(manager, plan_world)
    fingerprint = (report.pdf.name, report.pdf_sha256, report.xlsx_sha256, report.finished_at, report.snapshot)
    pdf_before = file_bytes(report.pdf)

    # New data after the report was produced, and the job run again.
    factories.accepted_report(
        plan_world["task_a"],
        officer=plan_world["task_a"].unit.users.first(),
        manager=manager,
        quantities={plan_world["output"]: 100},
        period={p.start.month: p for p in periods_for_task(plan_world["task_a"])}[2],
    )
    again = report_jobs.generated_report_run(report_id=report.pk)

    assert (again.pdf.name, again.pdf_sha256, again.xlsx_sha256, again.finished_at, again.snapshot) == fingerprint
    assert file_bytes(again.pdf) == pdf_before
    assert report_jobs.sha256(pdf_before) == report.pdf_sha256
    assert report_jobs.sha256(file_bytes(report.xlsx)) == report.xlsx_sha256
