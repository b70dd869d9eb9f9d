"""Progress reports: the task's unit (officer_a) writes and submits, DIC managers review; the
province-wide readers (finance, monitor) see but do not write; officer_b and the CMS editor do
not see unit A's task (404)."""

import io

from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from tests.permission_tables import Entry, answers
from tracker.models import Evidence

SEEN = answers(manager=200, officer_a=200, finance=200, monitor=200, others=404)
UNIT_WRITES = answers(officer_a=302, manager=403, finance=403, monitor=403, others=404)
REVIEW = answers(manager=302, officer_a=403, finance=403, monitor=403, others=404)


def _evidence(world) -> Evidence:
    """A photo on unit A's submitted report, made once per world."""
    if not hasattr(world, "evidence"):
        world.evidence = Evidence.objects.create(
            report=world.draft_report,
            file=ContentFile(b"\x89PNG\r\n\x1a\n", name="anh.png"),
            original_name="anh.png",
            content_type="image/png",
            size=8,
            uploaded_by=world.users["officer_a"],
        )
    return world.evidence


def _photo(world) -> Evidence:
    """A real photo on unit A's draft report, for its thumbnail."""
    if not hasattr(world, "photo"):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "green").save(buffer, "PNG")
        world.photo = Evidence.objects.create(
            report=world.draft_report,
            file=ContentFile(buffer.getvalue(), name="anh-that.png"),
            original_name="anh-that.png",
            content_type="image/png",
            size=len(buffer.getvalue()),
            width=40,
            height=30,
            uploaded_by=world.users["officer_a"],
        )
    return world.photo


def _catch_up(world) -> dict:
    """One waiting month of unit A's task (May 2026), reported with figures."""
    return {
        "periods-TOTAL_FORMS": "1",
        "periods-INITIAL_FORMS": "1",
        "periods-MIN_NUM_FORMS": "0",
        "periods-MAX_NUM_FORMS": "1000",
        "periods-0-period": "2026-05-01_2026-05-31",
        "periods-0-action": "report",
        "periods-0-percent_complete": "30",
        "shared_note": "Đã lắp đặt 2 cụm loa.",
    }


def _period(world) -> str:
    report = world.draft_report
    return f"{report.period_start:%Y-%m-%d}_{report.period_end:%Y-%m-%d}"


ENTRIES = {
    "tracker:my_tasks": Entry(path=lambda w: reverse("tracker:my_tasks"), methods={"GET": answers(others=200)}),
    "tracker:task_detail": Entry(
        path=lambda w: reverse("tracker:task_detail", args=[w.task_a.pk]), methods={"GET": SEEN}
    ),
    "tracker:report_detail": Entry(
        path=lambda w: reverse("tracker:report_detail", args=[w.report.pk]), methods={"GET": SEEN}
    ),
    "tracker:report_edit": Entry(
        path=lambda w: reverse("tracker:report_edit", args=[w.task_a.pk]) + f"?period={_period(w)}",
        methods={
            "GET": answers(officer_a=200, manager=403, finance=403, monitor=403, others=404),
            "POST": UNIT_WRITES,
        },
        data=lambda w: {"percent_complete": "40", "narrative": "Đã lắp đặt 2 cụm loa.", "action": "save"},
    ),
    "tracker:report_catch_up": Entry(
        path=lambda w: reverse("tracker:report_catch_up", args=[w.task_a.pk]),
        methods={
            "GET": answers(officer_a=200, manager=403, finance=403, monitor=403, others=404),
            "POST": UNIT_WRITES,
        },
        data=_catch_up,
    ),
    "tracker:report_nothing": Entry(
        path=lambda w: reverse("tracker:report_nothing", args=[w.task_a.pk]),
        methods={"GET": answers(others=405), "POST": UNIT_WRITES},
        data=lambda w: {"period": "2026-06-01_2026-06-30"},
    ),
    "tracker:review_queue": Entry(
        path=lambda w: reverse("tracker:review_queue"), methods={"GET": answers(manager=200, others=403)}
    ),
    "tracker:report_accept": Entry(
        path=lambda w: reverse("tracker:report_accept", args=[w.report.pk]),
        methods={"POST": REVIEW},
    ),
    "tracker:report_return": Entry(
        path=lambda w: reverse("tracker:report_return", args=[w.report.pk]),
        methods={"POST": REVIEW},
        data=lambda w: {"reason": "Thiếu ảnh nghiệm thu."},
    ),
    "tracker:report_correct": Entry(
        path=lambda w: reverse("tracker:report_correct", args=[w.report.pk]),
        methods={"POST": UNIT_WRITES},
    ),
    "tracker:evidence_download": Entry(
        path=lambda w: reverse("tracker:evidence_download", args=[_evidence(w).pk]), methods={"GET": SEEN}
    ),
    "tracker:evidence_preview": Entry(
        path=lambda w: reverse("tracker:evidence_preview", args=[_photo(w).pk]), methods={"GET": SEEN}
    ),
    # officer_a's POST removes the file, so the personas after them find nothing (404).
    "tracker:evidence_remove": Entry(
        path=lambda w: reverse("tracker:evidence_remove", args=[_evidence(w).pk]),
        methods={"POST": answers(officer_a=302, others=404)},
    ),
    "api:progressreport-list": Entry(
        path=lambda w: reverse("api:progressreport-list"),
        methods={
            "GET": answers(anonymous=403, others=200),
            "POST": answers(anonymous=403, officer_a=201, officer_b=400, editor=400, others=403),
        },
        data=lambda w: {
            "task": w.task_a.pk,
            "period_start": "2026-04-01",
            "period_end": "2026-04-30",
            "percent_complete": 10,
        },
    ),
    "api:progressreport-detail": Entry(
        path=lambda w: reverse("api:progressreport-detail", args=[w.draft_report.pk]),
        methods={
            "GET": answers(anonymous=403, manager=200, officer_a=200, finance=200, monitor=200, others=404),
            "PATCH": answers(anonymous=403, officer_a=200, manager=403, finance=403, monitor=403, others=404),
        },
        data=lambda w: {"percent_complete": 55},
    ),
    "api:progressreport-submit": Entry(
        path=lambda w: reverse("api:progressreport-submit", args=[w.draft_report.pk]),
        methods={"POST": answers(anonymous=403, officer_a=200, manager=403, finance=403, monitor=403, others=404)},
    ),
    "api:progressreport-accept": Entry(
        path=lambda w: reverse("api:progressreport-accept", args=[w.report.pk]),
        methods={"POST": answers(anonymous=403, manager=200, officer_a=403, finance=403, monitor=403, others=404)},
    ),
    "api:progressreport-return": Entry(
        path=lambda w: reverse("api:progressreport-return", args=[w.report.pk]),
        methods={"POST": answers(anonymous=403, manager=200, officer_a=403, finance=403, monitor=403, others=404)},
        data=lambda w: {"reason": "Thiếu ảnh nghiệm thu."},
    ),
    # Only an accepted report is corrected; the world's report is still submitted (400).
    "api:progressreport-correct": Entry(
        path=lambda w: reverse("api:progressreport-correct", args=[w.report.pk]),
        methods={"POST": answers(anonymous=403, officer_a=400, manager=403, finance=403, monitor=403, others=404)},
    ),
    "api:progressreport-evidence": Entry(
        path=lambda w: reverse("api:progressreport-evidence", args=[w.draft_report.pk]),
        methods={"POST": answers(anonymous=403, officer_a=400, manager=403, finance=403, monitor=403, others=404)},
        data=lambda w: {},
    ),
}
