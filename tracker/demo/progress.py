"""Sample progress reports on the current-year sample plan, written by the demo's own people.

Commune officer `canbo.xa` and radio officer `canbo.dai` write and submit; DIC manager
`quanly` accepts and returns — through the same services as the pages, so the history names
who did what. Only tasks already in progress or completed are used, so accepting leaves the
sample plan's task statuses as they are. A task that already has a report is left alone:
a second run writes nothing.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from tracker.core.calendar import ReportingPeriod, periods_for_task
from tracker.models import Plan, ProgressReport, Task, User
from tracker.progress import services as ps

from .base import Ctx


def sample_photo(name: str, colour: str, caption: str) -> SimpleUploadedFile:
    """A small photo-like PNG drawn locally (no download)."""
    image = Image.new("RGB", (320, 200), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 120, 300, 180), fill="white")
    draw.text((30, 140), caption, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def _past_period(task: Task, today: datetime.date) -> ReportingPeriod:
    """The latest period already over (or else the first one)."""
    periods = periods_for_task(task)
    ended = [period for period in periods if period.end < today]
    return ended[-1] if ended else periods[0]


def _task(plan: Plan, unit_name: str, deliverable: str) -> Task:
    return Task.objects.select_related("activity", "activity__plan").get(
        activity__plan=plan, unit__name=unit_name, deliverable=deliverable
    )


def _draft(task: Task, officer: User, today: datetime.date, percent: int, quantity: int, **text) -> ProgressReport:
    output = task.output_indicator
    return ps.progress_save_draft(
        task=task,
        period=_past_period(task, today),
        actor=officer,
        percent_complete=percent,
        quantities={output: quantity} if output else {},
        **text,
    )


def load(ctx: Ctx, plan: Plan) -> None:
    commune_officer = User.objects.get(username="canbo.xa")
    radio_officer = User.objects.get(username="canbo.dai")
    manager = User.objects.get(username="quanly")
    commune = commune_officer.unit.name
    radio = radio_officer.unit.name
    today = ctx.today

    def fresh(task: Task) -> bool:
        return not ProgressReport.objects.filter(task=task).exists()

    # Accepted, then corrected: 3 speaker clusters reported, corrected to 4 (the 3 stays, superseded).
    speakers = _task(plan, commune, "Lắp đặt cụm loa ứng dụng CNTT-VT tại các thôn, bản")
    if fresh(speakers):
        report = _draft(
            speakers,
            commune_officer,
            today,
            40,
            3,
            narrative="Đã lắp đặt 3 cụm loa tại thôn Nà Pàn, Khòn Khiên, Bản Chắt (mẫu).",
            difficulties="Đường vào thôn Bản Chắt bị sạt lở, vận chuyển thiết bị chậm.",
            proposals="Đề nghị Sở hỗ trợ thêm kinh phí vận chuyển.",
        )
        ps.evidence_attach(
            report=report, upload=sample_photo("cum-loa-na-pan.png", "#4a7a3a", "Cum loa Na Pan"), actor=commune_officer
        )
        ps.progress_submit(report=report, actor=commune_officer)
        ps.progress_accept(report=report, actor=manager)
        correction = ps.progress_correct(report=report, actor=commune_officer)
        ps.progress_save_draft(
            task=speakers,
            period=_past_period(speakers, today),
            actor=commune_officer,
            percent_complete=50,
            quantities={speakers.output_indicator: 4},
            narrative="Đã lắp đặt 4 cụm loa (bổ sung thôn Pò Mả, báo cáo trước bị sót) (mẫu).",
            difficulties=correction.difficulties,
            proposals=correction.proposals,
        )
        ps.progress_submit(report=correction, actor=commune_officer)
        ps.progress_accept(report=correction, actor=manager)

    # Accepted at 100 % on tasks already completed.
    training = _task(plan, commune, "Cử cán bộ thông tin cơ sở tham dự lớp bồi dưỡng")
    if fresh(training):
        report = _draft(training, commune_officer, today, 100, 4, narrative="Đã cử 4 lượt cán bộ tham dự lớp (mẫu).")
        ps.progress_submit(report=report, actor=commune_officer)
        ps.progress_accept(report=report, actor=manager)
    documentary = _task(plan, radio, "Sản xuất phóng sự truyền hình về giảm nghèo về thông tin")
    if fresh(documentary):
        report = _draft(documentary, radio_officer, today, 100, 12, narrative="Đã phát sóng 12 phóng sự (mẫu).")
        ps.progress_submit(report=report, actor=radio_officer)
        ps.progress_accept(report=report, actor=manager)

    # Submitted, waiting in the DIC's review queue, with a photo.
    postal = _task(plan, commune, "Báo cáo hoạt động điểm bưu chính công cộng được hỗ trợ")
    if fresh(postal):
        report = _draft(postal, commune_officer, today, 60, 1, narrative="Điểm bưu chính xã hoạt động ổn định (mẫu).")
        ps.evidence_attach(
            report=report, upload=sample_photo("diem-buu-chinh.png", "#2f5d8a", "Diem buu chinh"), actor=commune_officer
        )
        ps.progress_submit(report=report, actor=commune_officer)

    # Returned with a reason, for the radio station to correct.
    content = _task(plan, radio, "Sản xuất nội dung cho hệ thống cụm thông tin điện tử")
    if fresh(content):
        report = _draft(content, radio_officer, today, 30, 4, narrative="Đã sản xuất 4 nội dung (mẫu).")
        ps.progress_submit(report=report, actor=radio_officer)
        ps.progress_return(
            report=report,
            actor=manager,
            reason="Đề nghị bổ sung danh sách nội dung đã đăng phát và ảnh chụp màn hình (mẫu).",
        )
