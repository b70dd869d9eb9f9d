"""Sample progress reports on the current-year sample plan, written by the demo's own people.

Commune officer `canbo.xa` and radio officer `canbo.dai` write and submit; DIC manager
`quanly` accepts and returns — through the same services as the pages, so the history names
who did what. Only tasks already in progress or completed are used, so accepting leaves the
sample plan's task statuses as they are. A task that already has a report is left alone:
a second run writes nothing.

Then the year's other reports (`load_year`): each sample commune's officer has reported most
past months on time, a few late, and the latest month is a mix — awaiting review, returned,
not yet sent — so the dashboard's on-time rate and overdue count look like a province at work
rather than a wall of red. Each report is sent, and reviewed, on the day the demo says
(`at=`, relative to the load date), so on time and late are what the dates say. Who does
what, and when, follows from the task and the month alone: no randomness, the same on every
run, and a period that has a report is never written again.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from tracker.core.calendar import ReportingPeriod, periods_for_rule, periods_for_task
from tracker.due import services as due_services
from tracker.models import Notification, Plan, Progress, ProgressReport, ReportingRule, Task, User
from tracker.notifications import services as notification_services
from tracker.progress import services as ps

from .base import Ctx, committee_name
from .sample_plan import COMMUNES, SAMPLE
from .users import SAMPLE_OFFICERS


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


def moment(day: datetime.date, hour: int) -> datetime.datetime:
    """A time of the working day, in the demo's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _draft(
    task: Task, officer: User, today: datetime.date, percent: int, quantity: int, at: datetime.datetime | None, **text
) -> ProgressReport:
    output = task.output_indicator
    return ps.progress_save_draft(
        task=task,
        period=_past_period(task, today),
        actor=officer,
        percent_complete=percent,
        quantities={output: quantity} if output else {},
        at=at,
        **text,
    )


def _showcase_dates(task: Task, today: datetime.date) -> list[datetime.datetime | None]:
    """Working days around the period's due date for a showcase report's steps: sent two days
    before it, then one day apart — all before today (a monthly period ends at least ten
    days after its due date and before today; a task's own period ends on its due date)."""
    due = _past_period(task, today).due
    first = due - datetime.timedelta(days=2)
    days = [min(first + datetime.timedelta(days=n), today - datetime.timedelta(days=1)) for n in range(4)]
    if days[-1] >= timezone.localdate():
        # Loaded as of a day still to come (a test of next year's sample): nothing can be
        # recorded as done then, so the steps are dated when they are written.
        return [None] * 4
    return [moment(day, 9 + n) for n, day in enumerate(days)]


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
        sent, accepted, corrected, reaccepted = _showcase_dates(speakers, today)
        report = _draft(
            speakers,
            commune_officer,
            today,
            40,
            3,
            sent,
            narrative="Đã lắp đặt 3 cụm loa tại thôn Nà Pàn, Khòn Khiên, Bản Chắt (mẫu).",
            difficulties="Đường vào thôn Bản Chắt bị sạt lở, vận chuyển thiết bị chậm.",
            proposals="Đề nghị Sở hỗ trợ thêm kinh phí vận chuyển.",
        )
        ps.evidence_attach(
            report=report, upload=sample_photo("cum-loa-na-pan.png", "#4a7a3a", "Cum loa Na Pan"), actor=commune_officer
        )
        ps.progress_submit(report=report, actor=commune_officer, at=sent)
        ps.progress_accept(report=report, actor=manager, at=accepted)
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
            at=corrected,
        )
        ps.progress_submit(report=correction, actor=commune_officer, at=corrected)
        ps.progress_accept(report=correction, actor=manager, at=reaccepted)

    # Accepted at 100 % on tasks already completed.
    training = _task(plan, commune, "Cử cán bộ thông tin cơ sở tham dự lớp bồi dưỡng")
    if fresh(training):
        sent, accepted, *_ = _showcase_dates(training, today)
        report = _draft(
            training, commune_officer, today, 100, 4, sent, narrative="Đã cử 4 lượt cán bộ tham dự lớp (mẫu)."
        )
        ps.progress_submit(report=report, actor=commune_officer, at=sent)
        ps.progress_accept(report=report, actor=manager, at=accepted)
    documentary = _task(plan, radio, "Sản xuất phóng sự truyền hình về giảm nghèo về thông tin")
    if fresh(documentary):
        sent, accepted, *_ = _showcase_dates(documentary, today)
        report = _draft(documentary, radio_officer, today, 100, 12, sent, narrative="Đã phát sóng 12 phóng sự (mẫu).")
        ps.progress_submit(report=report, actor=radio_officer, at=sent)
        ps.progress_accept(report=report, actor=manager, at=accepted)

    # Submitted, waiting in the DIC's review queue, with a photo.
    postal = _task(plan, commune, "Báo cáo hoạt động điểm bưu chính công cộng được hỗ trợ")
    if fresh(postal):
        # Sent on the day the rest of the month's reports were accepted: still awaiting review.
        sent = _showcase_dates(postal, today)[-1]
        report = _draft(
            postal, commune_officer, today, 60, 1, sent, narrative="Điểm bưu chính xã hoạt động ổn định (mẫu)."
        )
        ps.evidence_attach(
            report=report, upload=sample_photo("diem-buu-chinh.png", "#2f5d8a", "Diem buu chinh"), actor=commune_officer
        )
        ps.progress_submit(report=report, actor=commune_officer, at=sent)

    # Returned with a reason, for the radio station to correct.
    content = _task(plan, radio, "Sản xuất nội dung cho hệ thống cụm thông tin điện tử")
    if fresh(content):
        sent, returned, *_ = _showcase_dates(content, today)
        report = _draft(content, radio_officer, today, 30, 4, sent, narrative="Đã sản xuất 4 nội dung (mẫu).")
        ps.progress_submit(report=report, actor=radio_officer, at=sent)
        ps.progress_return(
            report=report,
            actor=manager,
            reason="Đề nghị bổ sung danh sách nội dung đã đăng phát và ảnh chụp màn hình (mẫu).",
            at=returned,
        )


# --- The year's other reports ----------------------------------------------------------------

ACCEPTED, LATE, SUBMITTED, RETURNED, MISSING = "accepted", "late", "submitted", "returned", "missing"

# What is still open in the latest past months, by commune (index in COMMUNES) and task: the
# latest month first, then the one before. Every other past month is in and accepted, about
# one month in seven sent late (`_fate`).
OPEN_WORK: dict[tuple[int, str], tuple[str, ...]] = {
    # canbo.xa has two months to catch up on a task not started (the catch-up flow shows it).
    (0, "Cập nhật nội dung trên cụm thông tin điện tử xã biên giới"): (MISSING, MISSING),
    (1, "Cung cấp nội dung thông tin cho cụm thông tin điện tử cửa khẩu"): (MISSING,),
    (1, "Thiết lập mới đài truyền thanh xã"): (RETURNED,),
    (2, "Thay thế cụm loa FM hỏng bằng cụm loa ứng dụng CNTT-VT"): (LATE,),
    (3, "Mở rộng cụm loa ứng dụng CNTT-VT đến các thôn chưa có loa"): (SUBMITTED,),
    (4, "Duy trì dịch vụ thông tin công cộng tại điểm bưu chính công cộng"): (MISSING,),
}
RETURN_REASON = f"Đề nghị bổ sung số liệu cụ thể của tháng và ảnh chụp hiện trường {SAMPLE}."


@dataclass(frozen=True)
class Step:
    """One report of the year: what became of it, when it was sent and when the DIC reviewed it."""

    fate: str
    sent: datetime.datetime | None  # None: not sent (yet)
    reviewed: datetime.datetime | None  # None: awaiting review


def _fate(commune: int, deliverable: str, period: ReportingPeriod, age: int) -> str:
    """What became of a past month's report: the exceptions of OPEN_WORK, else accepted — late
    in about one month in seven, a different month for each commune (a commune sends its
    month's reports together, so all its tasks' are late that month)."""
    open_work = OPEN_WORK.get((commune, deliverable), ())
    if age < len(open_work):
        return open_work[age]
    return LATE if (5 * period.start.month + 2 * commune) % 7 == 0 else ACCEPTED


def _step(fate: str, period: ReportingPeriod, seed: int, today: datetime.date) -> Step:
    """The days of a report's fate: on time, one to five days before the due date; late, two
    to eight days after it; reviewed one to three days after sending. A day not yet come
    leaves the report where it is by today (not yet sent, or awaiting review)."""
    if fate == MISSING:
        return Step(fate, None, None)
    if fate == LATE:
        sent_on = period.due + datetime.timedelta(days=2 + seed % 7)
    else:
        sent_on = max(period.start, period.due - datetime.timedelta(days=1 + seed % 5))
    if sent_on >= today:
        return Step(MISSING, None, None)
    reviewed_on = sent_on + datetime.timedelta(days=1 + seed % 3)
    sent = moment(sent_on, 8 + seed % 3)
    if fate == SUBMITTED or reviewed_on >= today:
        return Step(SUBMITTED, sent, None)
    return Step(fate, sent, moment(reviewed_on, 14 + seed % 3))


def _commune_officers() -> dict[str, User]:
    """Each sample commune's People's Committee name -> its officer (canbo.xa's, then the
    sample officers')."""
    usernames = ["canbo.xa", *(spec.username for spec in SAMPLE_OFFICERS)]
    users = {user.username: user for user in User.objects.filter(username__in=usernames)}
    return {committee_name(row[0]): users[name] for row, name in zip(COMMUNES, usernames, strict=True)}


def load_year(ctx: Ctx, plan: Plan) -> None:
    """The sample communes' monthly reports of the year so far, and the DIC's own reports to
    the province (recorded as sent), each on its day; then the officers have read the news of
    reviews older than three weeks."""
    # Never after today as the clock has it: a load as of a later day (a test of next year's
    # sample) records nothing as sent on a day still to come.
    today = min(ctx.today, timezone.localdate())
    manager = User.objects.get(username="quanly")
    officers = _commune_officers()
    communes = [committee_name(row[0]) for row in COMMUNES]
    tasks = (
        Task.objects.filter(activity__plan=plan, unit__name__in=communes)
        .select_related("activity", "activity__plan", "unit")
        .order_by("pk")
    )
    for task in tasks:
        commune = communes.index(task.unit.name)
        officer = officers[task.unit.name]
        periods = [period for period in periods_for_task(task) if period.due < today]
        done = set(ProgressReport.objects.filter(task=task).values_list("period_start", "period_end").distinct())
        for n, period in enumerate(periods):
            if (period.start, period.end) in done:
                continue  # written by the showcase above, or by an earlier run
            age = len(periods) - 1 - n
            seed = 3 * period.start.month + 5 * commune  # the commune's day for the month
            step = _step(_fate(commune, task.deliverable, period, age), period, seed, today)
            if step.sent is None:
                continue
            report = _month_report(task, period, officer, step.sent, n, len(periods_for_task(task)))
            if step.reviewed is None:
                continue
            if step.fate == RETURNED:
                ps.progress_return(report=report, actor=manager, reason=RETURN_REASON, at=step.reviewed)
            else:
                ps.progress_accept(report=report, actor=manager, at=step.reviewed)
    _dispatches(plan, manager, today)
    _read_old_news(plan, today)


def _month_report(
    task: Task, period: ReportingPeriod, officer: User, sent: datetime.datetime, n: int, periods: int
) -> ProgressReport:
    """A month's report, sent: "nothing to report" on a task not started (its status stays),
    else a percentage that grows over the year (to 100 on a completed task, below half on one
    in progress) with a short note — no quantities, which the showcase reports carry."""
    if task.status == Progress.NOT_STARTED:
        return ps.progress_report_nothing(
            task=task, period=period, actor=officer, note=f"Chưa triển khai trong tháng {SAMPLE}.", at=sent
        )
    cap = 100 if task.status == Progress.COMPLETED else 45
    percent = max(5, round(cap * (n + 1) / periods))
    report = ps.progress_save_draft(
        task=task,
        period=period,
        actor=officer,
        percent_complete=percent,
        narrative=f"Tháng {period.start:%m/%Y}: tiếp tục triển khai theo kế hoạch, đạt khoảng {percent}% {SAMPLE}.",
        at=sent,
    )
    return ps.progress_submit(report=report, actor=officer, at=sent)


def _dispatches(plan: Plan, manager: User, today: datetime.date) -> None:
    """The DIC's own reports to the provincial People's Committee (its half-year and annual
    reports under the plan's rules), recorded as sent three days before each due date."""
    science = manager.unit
    for rule in ReportingRule.objects.filter(plan=plan, reporter=science).order_by("pk"):
        for period in (period for period in periods_for_rule(rule) if period.due < today):
            if rule.dispatches.filter(unit=science, period_start=period.start, period_end=period.end).exists():
                continue
            due_services.report_dispatch_record(
                rule=rule,
                unit=science,
                period_start=period.start,
                period_end=period.end,
                sent_on=period.due - datetime.timedelta(days=3),
                number_symbol="",
                note=f"Báo cáo gửi UBND tỉnh {SAMPLE}",
                actor=manager,
            )


def _read_old_news(plan: Plan, today: datetime.date) -> None:
    """The officers opened the news of reviews more than three weeks old (as they would have
    at the time); the bell shows the recent ones."""
    before = moment(today - datetime.timedelta(days=21), 0)
    old = Notification.objects.filter(
        read_at__isnull=True, report__task__activity__plan=plan, created_at__lt=before
    ).select_related("recipient")
    for notification in old.order_by("pk"):
        notification_services.notification_open(notification=notification, actor=notification.recipient)
