"""Excel: the exports (execution tables, allocation list, disbursement ledger), the import
template, and the import of allocations and disbursements — checked in full first, every error
named by row and column, nothing written unless the whole file is valid, then written in one
transaction through the services with the importing user on the history."""

from __future__ import annotations

import datetime
from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from budgets import excel, services, tasks
from budgets.models import Allocation, Disbursement, ImportJob
from tests import factories
from tests.budgets.factories import approved_estimate, source
from tests.budgets.test_execution import M, allocate, build_world

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ALLOCATION_HEADERS = [
    "Mã phân bổ",
    "Năm",
    "Mã nội dung",
    "Mã đơn vị",
    "Mã nguồn vốn",
    "Số tiền",
    "Số quyết định",
    "Ngày quyết định",
    "Ghi chú",
]
DISBURSEMENT_HEADERS = [
    "Mã phân bổ",
    "Năm",
    "Mã nội dung",
    "Mã đơn vị",
    "Mã nguồn vốn",
    "Số chứng từ",
    "Ngày chứng từ",
    "Số tiền",
    "Ghi chú",
]


@pytest.fixture
def world(unit_a, unit_b, finance):
    return build_world(unit_a, unit_b, finance)


def english(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def workbook_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith('attachment; filename="')
    return load_workbook(BytesIO(response.content))


def values(sheet, row: int) -> list:
    return [cell.value for cell in sheet[row]]


def xlsx(allocations=(), disbursements=(), *, allocation_headers=ALLOCATION_HEADERS) -> bytes:
    """An import file as someone might type it: header in the first row, then the rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phân bổ"
    sheet.append(allocation_headers)
    for row in allocations:
        sheet.append(row)
    if disbursements:
        ledger = workbook.create_sheet("Giải ngân")
        ledger.append(DISBURSEMENT_HEADERS)
        for row in disbursements:
            ledger.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, content: bytes, name: str = "phan-bo.xlsx"):
    return client.post(reverse("budgets:import_upload"), {"file": SimpleUploadedFile(name, content, content_type=XLSX)})


def job_of(response) -> ImportJob:
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ImportJob.objects.latest("pk")
    assert response["Location"] == reverse("budgets:import_job", args=[job.pk])
    return job


def texts(job: ImportJob) -> list[str]:
    return [error["text"] for error in job.errors]


def snapshot() -> tuple:
    """Every allocation's figures and every history row count: what an import may change."""
    return (
        list(Allocation.objects.order_by("pk").values_list("pk", "amount", "disbursed", "decision_number")),
        Disbursement.objects.count(),
        Allocation.history.count(),
        Disbursement.history.count(),
    )


# --- Exports -----------------------------------------------------------------------------------


def test_the_execution_export_has_a_sheet_per_table_with_title_rows_and_a_bold_total(client, manager, world):
    book = workbook_of(english(client, manager).get(reverse("budgets:execution_export"), {"year": 2026}))
    assert book.sheetnames == ["By funding source", "By content type", "By unit", "By area", "By year"]
    sheet = book["By unit"]
    assert sheet["A1"].value == "Budget execution – By unit"
    assert sheet["A2"].value == "Filters: Year: 2026; Plan: All plans; Funding source: All funding sources"
    assert sheet["A3"].value.startswith("Exported on ") and sheet["A3"].value.endswith(" by manager.")
    assert values(sheet, 5) == ["Unit", "Approved", "Allocated", "Disbursed", "Remaining", "Disbursement rate"]
    assert all(cell.font.bold for cell in sheet[5])
    assert sheet.freeze_panes == "B6"
    assert sheet.column_dimensions["A"].width == 48
    # 2026: the DIC's only allocation is of 2025.
    assert values(sheet, 6)[:5] == ["Báo Lạng Sơn", 0, 10 * M, 5 * M, 5 * M]
    assert values(sheet, 8)[:5] == ["UBND xã A", 100 * M, 80 * M, 50 * M, 30 * M]
    assert sheet["F8"].value == pytest.approx(0.625)
    assert (sheet["C8"].number_format, sheet["F8"].number_format) == ('#,##0 "đ"', "0.0%")
    total = values(sheet, 10)
    assert total[:5] == ["Total", 150 * M, 160 * M, 65 * M, 95 * M]
    assert total[5] == pytest.approx(0.406)
    assert all(cell.font.bold for cell in sheet[10])
    areas = book["By area"]
    assert areas["A6"].value == "Huyện Văn Quan (District)"


def test_a_unit_officers_execution_export_holds_only_their_figures(client, officer_a, world):
    book = workbook_of(english(client, officer_a).get(reverse("budgets:execution_export")))
    sheet = book["By funding source"]
    assert sheet["A3"].value.endswith("Only the allocations and estimates of UBND xã A.")
    assert values(sheet, 7)[:5] == ["Total", 100 * M, 80 * M, 50 * M, 30 * M]


def test_the_allocation_export_is_an_import_file_with_the_lists_filtered_as_the_list(client, finance, world, unit_a):
    response = english(client, finance).get(reverse("budgets:allocation_export"), {"plan": world.plan.pk})
    book = workbook_of(response)
    assert book.sheetnames == ["Phân bổ", "Giải ngân", "Danh mục"]
    sheet = book["Phân bổ"]
    assert sheet["A2"].value == "Filters: Plan: 146/KH-UBND (2026)"
    assert values(sheet, 5) == [
        "Mã phân bổ",
        "Năm",
        "Mã nội dung",
        "Nội dung",
        "Mã đơn vị",
        "Đơn vị",
        "Mã nguồn vốn",
        "Nguồn vốn",
        "Số tiền",
        "Số quyết định",
        "Ngày quyết định",
        "Ghi chú",
        "Đã giải ngân",
        "Còn lại",
    ]
    rows = [values(sheet, row) for row in range(6, 10)]
    # The allocations of plan 146/KH-UBND by section (2.1, 2.2), then unit name.
    assert [(row[0], row[4], row[8], row[12], row[13]) for row in rows] == [
        (world.allocations.village.pk, world.village_team.pk, 20 * M, 0, 20 * M),
        (world.allocations.a.pk, unit_a.pk, 80 * M, 50 * M, 30 * M),
        (world.allocations.newspaper.pk, world.newspaper.pk, 10 * M, 5 * M, 5 * M),
        (world.allocations.b.pk, world.allocations.b.unit_id, 50 * M, 10 * M, 40 * M),
    ]
    assert rows[0][6] == "central_budget"
    assert rows[0][10] == datetime.datetime(2026, 2, 1)
    assert sheet["I6"].number_format == '#,##0 "đ"' and sheet["K6"].number_format == "DD/MM/YYYY"
    assert values(sheet, 11)[0] == "Tổng cộng" and values(sheet, 11)[8] == 160 * M
    lists = book["Danh mục"]
    assert values(lists, 2)[:3] == [
        "central_budget",
        "Ngân sách trung ương (vốn sự nghiệp)",
        "central_budget – Ngân sách trung ương (vốn sự nghiệp)",
    ]
    assert len(sheet.data_validations.dataValidation) == 4  # allocation, activity, unit and source codes


def test_a_unit_officer_exports_only_their_allocations_without_the_lists(client, officer_a, world):
    book = workbook_of(english(client, officer_a).get(reverse("budgets:allocation_export")))
    assert book.sheetnames == ["Phân bổ"]
    assert values(book["Phân bổ"], 6)[0] == world.allocations.a.pk
    assert values(book["Phân bổ"], 7) == [None] * 14  # the blank row above the total


def test_the_disbursement_export_lists_payments_and_reversals_with_a_net_total(client, finance, manager, world):
    payment = world.allocations.a.disbursements.get()
    services.disbursement_reverse(disbursement=payment, actor=manager, reason="Sai số tiền", voucher_number="PC-99")
    response = english(client, finance).get(
        reverse("budgets:disbursement_export"), {"unit": world.allocations.a.unit_id}
    )
    sheet = workbook_of(response)["Sổ giải ngân"]
    assert values(sheet, 5)[:6] == ["Voucher date", "Voucher number", "Amount", "Entry", "Reverses", "Allocation code"]
    assert [values(sheet, row)[1:6] for row in (6, 7)] == [
        [payment.voucher_number, 50 * M, "Payment", None, world.allocations.a.pk],
        ["PC-99", -50 * M, "Reversal", payment.voucher_number, world.allocations.a.pk],
    ]
    assert values(sheet, 8)[:3] == ["Total (payments less reversals)", None, 0]


def test_the_template_has_a_guide_both_sheets_with_a_marked_example_and_the_code_lists(client, finance, world):
    book = workbook_of(english(client, finance).get(reverse("budgets:import_template")))
    assert book.sheetnames == ["Hướng dẫn", "Phân bổ", "Giải ngân", "Danh mục"]
    assert book.active.title == "Phân bổ"
    sheet = book["Phân bổ"]
    assert values(sheet, 5)[0] == "Mã phân bổ"
    example = values(sheet, 6)
    assert example[0] == "VÍ DỤ" and example[9] == "1181/QĐ-UBND"
    assert sheet["A6"].fill.fgColor.rgb.endswith("FFF4D6") and sheet["A6"].font.italic
    assert values(book["Giải ngân"], 5) == DISBURSEMENT_HEADERS
    lists = book["Danh mục"]
    codes = [lists.cell(row=row, column=1).value for row in range(2, 8)]
    assert codes == [
        "central_budget",
        "local_budget",
        "public_telecom_fund",
        "socialisation",
        "enterprise",
        "integrated",
    ]
    units = {lists.cell(row=row, column=5).value for row in range(2, lists.max_row + 1)}
    assert {world.newspaper.pk, world.dic.pk} <= units


def test_the_template_itself_imports_nothing_but_says_why(client, finance, world):
    content = english(client, finance).get(reverse("budgets:import_template")).content
    response = upload(client, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "The file has no row to import (rows marked 'VÍ DỤ' are examples)."
    ]
    assert not ImportJob.objects.exists()


# --- The round trip ----------------------------------------------------------------------------


def test_export_edit_import_changes_the_figures_with_history_of_the_importing_user(client, finance, world, unit_a):
    english(client, finance)
    approved_estimate(activity=world.outreach, year=2026, amount=15 * M, funding_source=source("local_budget"))
    approved_estimate(activity=world.outreach, year=2026, amount=15 * M, funding_source=source())
    book = load_workbook(BytesIO(client.get(reverse("budgets:allocation_export"), {"year": 2026}).content))
    sheet = book["Phân bổ"]
    row_a = next(row for row in range(6, 12) if sheet.cell(row=row, column=1).value == world.allocations.a.pk)
    sheet.cell(row=row_a, column=9).value = "95.000.000"  # unit A: 80 M → 95 M, typed as text
    sheet.cell(row=row_a, column=10).value = "1966/QĐ-UBND"
    new = sheet.max_row + 1
    for column, value in enumerate(
        ["", 2026, f"{world.outreach.pk} – 2.1. Truyền thông", "", f"{unit_a.pk} – UBND xã A", ""], start=1
    ):
        sheet.cell(row=new, column=column, value=value)
    sheet.cell(row=new, column=7, value="local_budget – Ngân sách địa phương (đối ứng)")
    sheet.cell(row=new, column=9, value=15_000_000)
    sheet.cell(row=new, column=10, value="1966/QĐ-UBND")
    sheet.cell(row=new, column=11, value=datetime.datetime(2026, 12, 12))
    ledger = book["Giải ngân"]
    # Paid from the allocation added in this same file, named by its year, activity, unit, source.
    ledger.append([None, 2026, world.outreach.pk, unit_a.pk, "local_budget", "PC-21", "20/12/2026", 4_000_000, None])
    ledger.append([world.allocations.b.pk, None, None, None, None, "PC-22", "21/12/2026", "1,000,000", "Đợt 2"])
    buffer = BytesIO()
    book.save(buffer)

    job = job_of(upload(client, buffer.getvalue()))
    job.refresh_from_db()
    assert (job.status, job.errors, job.total_rows) == (ImportJob.Status.READY, [], 7)
    summary = job.summary
    assert (summary["created"], summary["changed"], summary["unchanged"]) == (1, 1, 3)
    assert (summary["disbursements"], summary["disbursed"]) == (2, 5 * M)
    assert Allocation.objects.get(pk=world.allocations.a.pk).amount == 80 * M  # only checked so far
    page = client.get(reverse("budgets:import_job", args=[job.pk])).content.decode()
    assert "Changed: 2026 – 2.1 – UBND xã A – Ngân sách trung ương (vốn sự nghiệp), 80.000.000 đ → 95.000.000 đ" in page
    assert 'action="' + reverse("budgets:import_apply", args=[job.pk]) + '"' in page
    assert "Refresh" not in client.get(reverse("budgets:import_job", args=[job.pk]))

    response = client.post(reverse("budgets:import_apply", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.applied_by, job.errors) == (ImportJob.Status.DONE, finance, [])
    changed = Allocation.objects.get(pk=world.allocations.a.pk)
    assert (changed.amount, changed.decision_number, changed.disbursed) == (95 * M, "1966/QĐ-UBND", 50 * M)
    added = Allocation.objects.get(activity=world.outreach, unit=unit_a, funding_source=source("local_budget"))
    assert (added.amount, added.disbursed, added.decision_date) == (15 * M, 4 * M, datetime.date(2026, 12, 12))
    assert Allocation.objects.get(pk=world.allocations.b.pk).disbursed == 11 * M
    assert changed.history.latest().history_user == finance
    assert {history.history_user for history in added.history.all()} == {finance}
    assert Disbursement.objects.get(voucher_number="PC-22").note == "Đợt 2"
    # The execution page moves with it: 200 + 15 + 15 allocated, 105 + 5 disbursed.
    tables = {table.name: table for table in client.get(reverse("budgets:execution")).context["tables"]}
    assert (tables["unit"].total.allocated, tables["unit"].total.disbursed) == (230 * M, 110 * M)


def test_importing_an_unchanged_export_writes_nothing(client, finance, world):
    content = english(client, finance).get(reverse("budgets:allocation_export")).content
    before = snapshot()
    job = job_of(upload(client, content))
    job.refresh_from_db()
    assert (job.status, job.summary["unchanged"], job.summary["created"], job.summary["changed"]) == ("ready", 5, 0, 0)
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert snapshot() == before


# --- A bad file changes nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (
            b"Nam;So tien\n2026;1000\n",
            "This is not an Excel workbook (.xlsx). Download the template, fill it in and upload it.",
        ),
        (
            b"%PDF-1.4 not a workbook",
            "This is not an Excel workbook (.xlsx). Download the template, fill it in and upload it.",
        ),
    ],
)
def test_a_file_that_is_not_an_excel_workbook_is_refused_at_once(client, finance, world, content, message):
    before = snapshot()
    response = upload(english(client, finance), content, name="phan-bo.csv")
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    assert not ImportJob.objects.exists()
    assert snapshot() == before


def test_wrong_headers_are_refused_naming_each_missing_column(client, finance, world):
    headers = ["Mã phân bổ", "Năm", "Nội dung", "Đơn vị", "Nguồn", "Số tiền (đồng)", "Số quyết định", "Ngày quyết định"]
    response = upload(
        english(client, finance), xlsx([[None, 2026, 1, 1, "x", 1, "1", "01/01/2026"]], allocation_headers=headers)
    )
    assert response.context["form"].errors["file"] == [
        "The sheet 'Phân bổ' has no column 'Mã nội dung' in its header row.",
        "The sheet 'Phân bổ' has no column 'Mã đơn vị' in its header row.",
        "The sheet 'Phân bổ' has no column 'Mã nguồn vốn' in its header row.",
        "The sheet 'Phân bổ' has no column 'Số tiền' in its header row.",
    ]
    assert not ImportJob.objects.exists()


def test_a_workbook_without_the_import_sheets_is_refused(client, finance):
    workbook = Workbook()
    workbook.active.title = "Sheet1"
    buffer = BytesIO()
    workbook.save(buffer)
    response = upload(english(client, finance), buffer.getvalue())
    assert response.context["form"].errors["file"] == [
        "The workbook has no sheet named 'Phân bổ' or 'Giải ngân'. Use the template."
    ]


def test_every_bad_cell_is_reported_by_row_and_column_and_nothing_is_written(client, finance, world, unit_a):
    outreach, good = world.outreach.pk, [None, 2026, world.outreach.pk, unit_a.pk, "central_budget"]
    content = xlsx(
        [
            [*good, 75 * M, "1966/QĐ-UBND", "12/12/2026", None],  # row 2: valid, within the approval
            [None, 2026, outreach, unit_a.pk, "local_budget", 1 * M, "1966/QĐ-UBND", "31/02/2026", None],
            [None, 2026, outreach, world.dic.pk, "central_budget", "1.234,5", "1966/QĐ-UBND", "12/12/2026", None],
            [None, 2026, outreach, 999999, "central_budget", 1 * M, "1966/QĐ-UBND", "12/12/2026", None],
            [None, "2026a", outreach, world.dic.pk, "ngan-sach-xa", 1.5, None, None, None],
        ]
    )
    before = snapshot()
    job = job_of(upload(english(client, finance), content))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.INVALID
    assert texts(job) == [
        "Row 3, column 'Ngày quyết định': '31/02/2026' is not a date; write it as dd/mm/yyyy (e.g. 15/07/2022).",
        "Row 4, column 'Số tiền': '1.234,5' is not a whole amount of đồng; write it as 1234567 or 1.234.567.",
        "Row 5, column 'Mã đơn vị': No unit has the code '999999' (see the sheet 'Danh mục').",
        "Row 6, column 'Năm': '2026a' is not a year.",
        "Row 6, column 'Mã nguồn vốn': No funding source has the code 'ngan-sach-xa' (see the sheet 'Danh mục').",
        "Row 6, column 'Số tiền': '1.5' is not a whole amount of đồng; write it as 1234567 or 1.234.567.",
        "Row 6, column 'Số quyết định': This column must be filled in.",
        "Row 6, column 'Ngày quyết định': This column must be filled in.",
    ]
    assert snapshot() == before  # not even the valid row 2
    page = client.get(reverse("budgets:import_job", args=[job.pk])).content.decode()
    assert "Nothing was written." in page and "Sheet 'Phân bổ'" in page
    # An invalid file cannot be confirmed.
    response = client.post(reverse("budgets:import_apply", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.INVALID
    assert snapshot() == before


def test_the_services_refusals_are_reported_by_row_and_column_too(client, finance, world, unit_a):
    content = xlsx(
        # Unit A already has 80 M of the 100 M approved; the village team 20 M: none is left.
        [
            [
                world.allocations.a.pk,
                2026,
                world.outreach.pk,
                unit_a.pk,
                "central_budget",
                81 * M,
                "1181/QĐ-UBND",
                "01/02/2026",
                None,
            ]
        ],
        disbursements=[
            [world.allocations.b.pk, None, None, None, None, "PC-30", "05/06/2026", 30 * M, None],
            [world.allocations.b.pk, None, None, None, None, "PC-31", "06/06/2026", 15 * M, None],  # 40 M remained
            [None, 2026, world.phones.pk, unit_a.pk, "central_budget", "PC-32", "06/06/2026", 1 * M, None],
            [None, None, None, None, None, "PC-33", "06/06/2026", 1 * M, None],
        ],
    )
    before = snapshot()
    job = job_of(upload(english(client, finance), content))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.INVALID
    assert texts(job) == [
        "Row 2, column 'Số tiền': Approved estimates give this activity 100.000.000 đ from this source in 2026;"
        " 20.000.000 đ is already allocated, so at most 80.000.000 đ can be allocated here.",
        "Row 3, column 'Số tiền': This would exceed the allocation: only 10.000.000 đ remain to be disbursed.",
        "Row 4, column 'Mã phân bổ': No allocation matches this year, activity, unit and funding source.",
        "Row 5, column 'Mã phân bổ': Give the allocation's code, or its year, activity, unit and funding source codes.",
    ]
    assert [error["sheet"] for error in job.errors] == ["Phân bổ", "Giải ngân", "Giải ngân", "Giải ngân"]
    assert snapshot() == before


def test_the_same_allocation_twice_in_a_file_is_reported_on_the_second_row(client, finance, world, unit_a):
    row = [None, 2026, world.outreach.pk, unit_a.pk, "central_budget", 75 * M, "1966/QĐ-UBND", "12/12/2026", None]
    job = job_of(upload(english(client, finance), xlsx([row, row])))
    job.refresh_from_db()
    assert texts(job) == ["Row 3: Row 2 already sets this allocation (same year, activity, unit and funding source)."]


def test_a_payment_already_recorded_is_not_recorded_twice(client, finance, world):
    payment = world.allocations.b.disbursements.get()
    row = [
        world.allocations.b.pk,
        None,
        None,
        None,
        None,
        payment.voucher_number,
        payment.voucher_date.strftime("%d/%m/%Y"),
        payment.amount,
        None,
    ]
    job = job_of(upload(english(client, finance), xlsx(disbursements=[row])))
    job.refresh_from_db()
    assert texts(job) == [
        f"Row 2, column 'Số chứng từ': This payment is already recorded on this allocation (voucher"
        f" {payment.voucher_number} of 01/03/2026, 10.000.000 đ)."
    ]


def test_a_file_that_no_longer_fits_when_confirmed_is_undone_entirely(client, finance, world, unit_a):
    content = xlsx(
        [[None, 2026, world.radio.pk, world.dic.pk, "enterprise", 3 * M, "1966/QĐ-UBND", "12/12/2026", None]],
        disbursements=[[world.allocations.b.pk, None, None, None, None, "PC-40", "05/06/2026", 40 * M, None]],
    )
    approved_estimate(activity=world.radio, year=2026, amount=3 * M, funding_source=source("enterprise"))
    job = job_of(upload(english(client, finance), content))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READY
    # Meanwhile someone pays 1 M out of unit B's allocation: the last row no longer fits.
    services.disbursement_record(
        allocation=world.allocations.b,
        amount=M,
        voucher_number="PC-39",
        voucher_date=datetime.date(2026, 6, 1),
        actor=finance,
    )
    before = snapshot()
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert texts(job) == [
        "Row 2, column 'Số tiền': This would exceed the allocation: only 39.000.000 đ remain to be disbursed."
    ]
    assert snapshot() == before  # the new allocation of row 2 in "Phân bổ" was undone too
    assert "Nothing was written." in client.get(reverse("budgets:import_job", args=[job.pk])).content.decode()


def test_a_job_is_applied_once_only(client, finance, world, unit_a):
    content = xlsx(
        [[None, 2026, world.outreach.pk, unit_a.pk, "central_budget", 75 * M, "1966/QĐ-UBND", "12/12/2026", None]]
    )
    job = job_of(upload(english(client, finance), content))
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    history = Allocation.history.count()
    response = client.post(reverse("budgets:import_apply", args=[job.pk]), follow=True)
    assert "This import cannot be applied now: Imported." in response.content.decode()
    assert Allocation.history.count() == history


# --- In the background -------------------------------------------------------------------------


def test_with_a_broker_the_job_page_shows_progress_and_refreshes_itself_until_done(
    client, finance, world, unit_a, monkeypatch
):
    queued = []
    monkeypatch.setattr(tasks.import_check, "delay", queued.append)  # a broker: nothing runs now
    content = xlsx(
        [[None, 2026, world.outreach.pk, unit_a.pk, "central_budget", 75 * M, "1966/QĐ-UBND", "12/12/2026", None]]
    )
    job = job_of(upload(english(client, finance), content))
    assert queued == [job.pk]
    response = client.get(reverse("budgets:import_job", args=[job.pk]))
    assert response["Refresh"] == "2"
    content_html = response.content.decode()
    assert "Checking the file" in content_html and "<script" not in content_html and "style=" not in content_html
    excel.jobs._progress_for(job)(25, 100)  # as the worker reports it
    assert (
        '<progress id="import-progress" max="100" value="25">'
        in client.get(reverse("budgets:import_job", args=[job.pk])).content.decode()
    )
    tasks.import_check(job.pk)  # the worker runs the task
    response = client.get(reverse("budgets:import_job", args=[job.pk]))
    assert "Refresh" not in response
    assert response.context["job"].status == ImportJob.Status.READY


def test_the_upload_page_lists_recent_imports(client, finance, world, unit_a):
    content = xlsx(
        [[None, 2026, world.outreach.pk, unit_a.pk, "central_budget", 75 * M, "1966/QĐ-UBND", "12/12/2026", None]]
    )
    job = job_of(upload(english(client, finance), content, name="dot-1.xlsx"))
    page = client.get(reverse("budgets:import_upload")).content.decode()
    assert f'<a href="{reverse("budgets:import_job", args=[job.pk])}">dot-1.xlsx</a>' in page
    assert 'enctype="multipart/form-data"' in page and "style=" not in page


def test_a_new_units_allocation_can_be_imported_against_an_approval(client, finance):
    activity = factories.ActivityFactory()
    unit = factories.CommuneCommitteeFactory()
    approved_estimate(activity=activity, year=2026, amount=10 * M, funding_source=source())
    allocate(activity, factories.CommuneCommitteeFactory(), 4 * M)
    content = xlsx(
        [
            [
                None,
                2026,
                activity.pk,
                unit.pk,
                "Ngân sách trung ương (vốn sự nghiệp)",
                "6000000",
                "12/QĐ",
                "01/03/2026",
                None,
            ]
        ]
    )
    job = job_of(upload(english(client, finance), content))
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    assert Allocation.objects.get(unit=unit).amount == 6 * M


# --- Set-wise: the same queries for 2 rows as for 40 -------------------------------------------


def test_the_imports_python_checks_cover_every_constraint_of_allocations_and_payments(world):
    """The import checks rows without a query, constraint by constraint: a constraint added to
    the models must get its check there too (else the import would let the database refuse it)."""
    from budgets.excel.imports import ImportState, allocation_checks, disbursement_checks

    state = ImportState(allocations={}, allocated={}, approved={}, disbursed={}, vouchers=set(), recorded=set())
    assert set(allocation_checks(state)) == {constraint.name for constraint in Allocation._meta.constraints}
    assert set(disbursement_checks(state, ())) == {constraint.name for constraint in Disbursement._meta.constraints}


def _import_queries(finance, rows: int, activity, units) -> tuple[int, int, int]:
    from django.db import connection

    from tracker.models import User

    finance = User.objects.get(pk=finance.pk)  # a fresh request's user: nothing read yet
    from django.test.utils import CaptureQueriesContext

    from budgets.excel.imports import apply_file, check_file

    content = xlsx(
        [[None, 2026, activity.pk, unit.pk, "central_budget", M, "12/QĐ", "01/03/2026", None] for unit in units[:rows]],
        disbursements=[
            [None, 2026, activity.pk, unit.pk, "central_budget", f"PC-{unit.pk}", "02/03/2026", M // 2, None]
            for unit in units[:rows]
        ],
    )
    with CaptureQueriesContext(connection) as checked:
        outcome = check_file(content, actor=finance, progress=lambda *_: None)
    assert outcome.problems == [] and outcome.created == rows and outcome.disbursements == rows
    with CaptureQueriesContext(connection) as applied:
        outcome = apply_file(content, actor=finance, progress=lambda *_: None)
    assert outcome.problems == []
    return len(checked), len(applied), Allocation.history.filter(history_user=finance, unit__in=units[:rows]).count()


def test_an_import_checks_and_writes_set_wise_with_a_history_row_per_change(finance):
    """Two rows or forty: the same number of queries to check the file and to write it, and
    still a history row for each allocation created and each payment on it."""
    activity = factories.ActivityFactory()
    approved_estimate(activity=activity, year=2026, amount=100 * M, funding_source=source())
    units = [factories.CommuneCommitteeFactory() for _ in range(42)]
    small = _import_queries(finance, 2, activity, units[:2])
    large = _import_queries(finance, 40, activity, units[2:])
    assert small[:2] == large[:2]
    assert (small[2], large[2]) == (2 * 2, 40 * 2)  # created, then paid from
    paid = Allocation.objects.get(unit=units[5])
    assert (paid.amount, paid.disbursed) == (M, M // 2)
    assert [(row.history_type, row.disbursed, row.history_change_reason) for row in paid.history.order_by("pk")] == [
        ("+", 0, None),
        ("~", M // 2, f"Disbursement PC-{units[5].pk}"),
    ]
    assert Disbursement.objects.get(allocation=paid).history.get().history_user == finance


# --- What makes a national file fast: its own history rows, dates, one reading, no collector ------


def _history_columns(row) -> dict:
    names = [field.attname for field in type(row)._meta.concrete_fields if field.attname not in ("history_id",)]
    return {name: getattr(row, name) for name in names if name != "history_date"}


def test_the_imports_history_rows_are_those_simple_history_writes(world, finance):
    """budgets.bulk writes history rows without building a model per row: column for column
    the row simple-history's bulk_history_create writes for the same object (but its id and
    moment), and the rows of one object a microsecond apart in the order they were added."""
    from budgets.bulk import HistoryRows

    allocation = Allocation.objects.order_by("pk").first()
    payment = Disbursement.objects.order_by("pk").first()
    rows = HistoryRows(Allocation, actor=finance)
    rows.add(allocation, history_type="~", reason="Disbursement PC-1", disbursed=allocation.disbursed + 1)
    rows.add(allocation, history_type="~", reason="Disbursement PC-2", disbursed=allocation.disbursed + 3)
    rows.write()
    payments = HistoryRows(Disbursement, actor=finance)
    payments.add(payment, history_type="+")
    payments.write()
    ours, ours_first = Allocation.history.filter(id=allocation.pk).order_by("-history_id")[:2]
    our_payment = Disbursement.history.filter(id=payment.pk).latest("history_id")

    allocation.disbursed += 3
    allocation._change_reason = "Disbursement PC-2"
    Allocation.history.bulk_history_create([allocation], update=True, default_user=finance)
    # as bulk_create_with_history calls it (which says None, not "", for no reason)
    Disbursement.history.bulk_history_create([payment], default_user=finance, default_change_reason=None)
    theirs = Allocation.history.filter(id=allocation.pk).latest("history_id")
    their_payment = Disbursement.history.filter(id=payment.pk).latest("history_id")

    assert _history_columns(ours) == _history_columns(theirs)
    assert _history_columns(our_payment) == _history_columns(their_payment)
    assert (ours.history_user, ours.history_type, our_payment.history_type) == (finance, "~", "+")
    assert ours.history_date - ours_first.history_date == datetime.timedelta(microseconds=1)
    assert ours.prev_record == ours_first


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("15/07/2022", datetime.date(2022, 7, 15)),
        ("1/7/2022", datetime.date(2022, 7, 1)),
        (" 2022-07-15 ", datetime.date(2022, 7, 15)),
        ("31/02/2022", None),
        ("15/07/22", None),
        ("2022-13-01", None),
        ("15.07.2022", None),
    ],
)
def test_dates_read_as_strptime_reads_them(text, read):
    from budgets.excel.imports import CellError, read_date

    def strptime(value):
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return datetime.datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
        return None

    assert strptime(text) == read
    if read is None:
        with pytest.raises(CellError):
            read_date(text)
    else:
        assert read_date(text) == read


def test_a_file_checked_then_applied_is_read_once(world, finance, unit_a, monkeypatch):
    """The check keeps the rows it read (by the file's digest) for the apply of the same bytes."""
    from budgets.excel import imports

    opened = []
    real_open = imports.open_workbook
    monkeypatch.setattr(imports, "open_workbook", lambda content: opened.append(1) or real_open(content))
    allocation = Allocation.objects.get(unit=unit_a)
    row = [allocation.pk, 2026, allocation.activity_id, allocation.unit_id, "central_budget", 75 * M]
    content = xlsx([[*row, "12/QĐ", "01/03/2026", None]])
    assert imports.check_file(content, actor=finance, progress=lambda *_: None).problems == []
    assert imports.apply_file(content, actor=finance, progress=lambda *_: None).problems == []
    assert (len(opened), Allocation.objects.get(pk=allocation.pk).amount) == (1, 75 * M)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_as_it_was_after_an_import(world, finance, enabled):
    import gc

    from budgets.excel.imports import check_file

    seen = []
    (gc.enable if enabled else gc.disable)()
    try:
        check_file(
            xlsx([[None, 2026, 1, 1, "x", M, "1", "01/01/2026", None]]),
            actor=finance,
            progress=lambda *_: seen.append(gc.isenabled()),
        )
        assert (gc.isenabled(), set(seen)) == (enabled, {False})
    finally:
        gc.enable()
