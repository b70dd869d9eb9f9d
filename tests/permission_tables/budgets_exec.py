"""Budget execution, its exports, and the Excel import.

Everyone budgets concern reads the execution page and the exports, over what they may see (a
unit officer: their own unit's allocations); the CMS editor is refused (403). The import is
the finance officers' alone: its pages answer 403 to others, and an import job — something
only finance officers see — answers 404 to everyone else. The DIC manager approves estimates
but does not record money, so the import refuses them too.
"""

from __future__ import annotations

import datetime
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from budgets.models import Estimate, EstimateLine, FundingSource, ImportJob
from tests.permission_tables import Entry, answers

READERS = answers(editor=403, others=200)
FINANCE_PAGE = answers(finance=200, others=403)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["Mã phân bổ", "Năm", "Mã nội dung", "Mã đơn vị", "Mã nguồn vốn", "Số tiền", "Số quyết định"]


def _file(world) -> bytes:
    """An import file allocating 1.000.000 đ of the world's activity to unit A, with the
    approved estimate that allows it (made once per world, before any request is counted)."""
    if not hasattr(world, "import_file"):
        source = FundingSource.objects.get(code="central_budget")
        estimate = Estimate.objects.create(
            activity=world.activity,
            unit=world.unit_a,
            year=2026,
            title="Dự toán truyền thông 2026",
            status=Estimate.Status.APPROVED,
            decision_number="1181/QĐ-UBND",
            decision_date=datetime.date(2026, 2, 1),
            created_by=world.users["finance"],
        )
        EstimateLine.objects.create(
            estimate=estimate,
            description="Sản xuất phóng sự",
            funding_source=source,
            unit_price=5_000_000,
            amount=5_000_000,
            appraised_amount=5_000_000,
        )
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Phân bổ"
        sheet.append([*HEADERS, "Ngày quyết định", "Ghi chú"])
        sheet.append(
            [
                "",
                2026,
                world.activity.pk,
                world.unit_a.pk,
                "central_budget",
                1_000_000,
                "1966/QĐ-UBND",
                "12/12/2026",
                "",
            ]
        )
        buffer = BytesIO()
        workbook.save(buffer)
        world.import_file = buffer.getvalue()
    return world.import_file


def _job(world) -> ImportJob:
    """A checked import waiting for confirmation."""
    if not hasattr(world, "import_job"):
        world.import_job = ImportJob.objects.create(
            created_by=world.users["finance"],
            file_name="phan-bo.xlsx",
            content=_file(world),
            status=ImportJob.Status.READY,
            total_rows=1,
        )
    return world.import_job


def _upload_path(world) -> str:
    _file(world)
    return reverse("budgets:import_upload")


ENTRIES = {
    "budgets:execution": Entry(path=lambda w: reverse("budgets:execution") + "?year=2026", methods={"GET": READERS}),
    "budgets:execution_export": Entry(
        path=lambda w: reverse("budgets:execution_export") + f"?plan={w.plan.pk}", methods={"GET": READERS}
    ),
    "budgets:allocation_export": Entry(path=lambda w: reverse("budgets:allocation_export"), methods={"GET": READERS}),
    "budgets:disbursement_export": Entry(
        path=lambda w: reverse("budgets:disbursement_export"), methods={"GET": READERS}
    ),
    "budgets:import_template": Entry(path=lambda w: reverse("budgets:import_template"), methods={"GET": FINANCE_PAGE}),
    # The finance officer's upload is checked at once (no broker in the tests) and kept as a job.
    "budgets:import_upload": Entry(
        path=_upload_path,
        methods={"GET": FINANCE_PAGE, "POST": answers(finance=302, others=403)},
        data=lambda w: {"file": SimpleUploadedFile("phan-bo.xlsx", _file(w), content_type=XLSX)},
    ),
    "budgets:import_job": Entry(
        path=lambda w: reverse("budgets:import_job", args=[_job(w).pk]),
        methods={"GET": answers(finance=200, others=404)},
    ),
    # The finance officer's confirmation writes the allocation; nobody else sees the job.
    "budgets:import_apply": Entry(
        path=lambda w: reverse("budgets:import_apply", args=[_job(w).pk]),
        methods={"POST": answers(finance=302, others=404)},
    ),
    # "Thử lại" on a job that has not failed: back to its page with a message.
    "budgets:import_retry": Entry(
        path=lambda w: reverse("budgets:import_retry", args=[_job(w).pk]),
        methods={"POST": answers(finance=302, others=404)},
    ),
}
