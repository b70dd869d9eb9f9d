"""Official reports: DIC managers produce any report, finance officers the budget report, unit
officers their own unit's report; managers, finance officers and monitors read every report,
a unit officer only their unit's; the CMS editor none (403 on the pages without an object,
404 on a report). The world's report is unit A's own report, so officer B gets 404 on it.

The POST asks for unit A's report: the manager and officer A produce it (302); officer B and
the finance officer may not, and the form refuses the choice (200, nothing written); the
monitor and the editor produce nothing (403).
"""

import datetime

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import GeneratedReport, SignedReportCopy
from tracker.reports import data
from tracker.reports.jobs import sha256

READERS = answers(manager=200, finance=200, monitor=200, officer_a=200, others=404)


def _report(world) -> GeneratedReport:
    """Unit A's report for 2026, stored as the job leaves it (made once per world)."""
    if not hasattr(world, "generated_report"):
        request = data.ReportRequest(
            kind=GeneratedReport.Kind.UNIT,
            unit_id=world.unit_a.pk,
            period_type=GeneratedReport.PeriodType.YEAR,
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
        )
        snapshot = data.build_snapshot(request, today=datetime.date(2026, 7, 1))
        pdf, xlsx = b"%PDF-1.7 permission table", b"PK permission table"
        world.generated_report = GeneratedReport.objects.create(
            kind=request.kind,
            unit=world.unit_a,
            period_type=request.period_type,
            period_start=request.period_start,
            period_end=request.period_end,
            parameters=request.to_json(),
            title=snapshot["frame"]["summary"],
            status=GeneratedReport.Status.DONE,
            progress=100,
            snapshot=snapshot,
            pdf=ContentFile(pdf, name="bao-cao.pdf"),
            pdf_sha256=sha256(pdf),
            xlsx=ContentFile(xlsx, name="bao-cao.xlsx"),
            xlsx_sha256=sha256(xlsx),
            created_by=world.users["officer_a"],
        )
    return world.generated_report


def _signed(world) -> SignedReportCopy:
    """A signed copy of that report (its file need not be signed for the rights)."""
    if not hasattr(world, "signed_copy"):
        content = b"%PDF-1.7 signed copy"
        world.signed_copy = SignedReportCopy.objects.create(
            report=_report(world),
            file=ContentFile(content, name="ky-so.pdf"),
            sha256=sha256(content),
            verdict=SignedReportCopy.Verdict.UNSIGNED,
            uploaded_by=world.users["officer_a"],
        )
    return world.signed_copy


def _unit_a_report(world) -> dict:
    return {
        "kind": "unit",
        "unit": world.unit_a.pk,
        "period_type": "year",
        "year": "2026",
        "document_date": "05/07/2026",
        "signer_name": "Nguyễn Văn A",
    }


ENTRIES = {
    "tracker:generated_report_list": Entry(
        path=lambda w: reverse("tracker:generated_report_list"),
        methods={"GET": answers(editor=403, others=200)},
    ),
    "tracker:generated_report_new": Entry(
        path=lambda w: reverse("tracker:generated_report_new"),
        methods={
            "GET": answers(manager=200, finance=200, officer_a=200, officer_b=200, monitor=403, editor=403),
            "POST": answers(manager=302, officer_a=302, officer_b=200, finance=200, monitor=403, editor=403),
        },
        data=_unit_a_report,
    ),
    "tracker:generated_report_job": Entry(
        path=lambda w: reverse("tracker:generated_report_job", args=[_report(w).pk]), methods={"GET": READERS}
    ),
    "tracker:generated_report_preview": Entry(
        path=lambda w: reverse("tracker:generated_report_preview", args=[_report(w).pk]), methods={"GET": READERS}
    ),
    # "Thử lại" on a report that has not failed: back to its page with a message, nothing made;
    # a report one may not see answers 404.
    "tracker:generated_report_retry": Entry(
        path=lambda w: reverse("tracker:generated_report_retry", args=[_report(w).pk]),
        methods={"POST": answers(manager=302, finance=302, monitor=302, officer_a=302, others=404)},
    ),
    # Attaching the signed copy: those who may produce the report (an empty form: 400),
    # readers who may not (403), those who do not see it (404).
    "tracker:generated_report_signed_attach": Entry(
        path=lambda w: reverse("tracker:generated_report_signed_attach", args=[_report(w).pk]),
        methods={"POST": answers(manager=400, officer_a=400, finance=403, monitor=403, others=404)},
    ),
    "tracker:generated_report_signed_download": Entry(
        path=lambda w: reverse("tracker:generated_report_signed_download", args=[_report(w).pk, _signed(w).pk]),
        methods={"GET": READERS},
    ),
    "tracker:generated_report_download": Entry(
        path=lambda w: reverse("tracker:generated_report_download", args=[_report(w).pk, "pdf"]),
        methods={"GET": READERS},
    ),
}
