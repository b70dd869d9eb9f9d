"""Officers catch up in a few taps: every waiting period of a task reported from one form (all
or nothing), "nothing to report this period" in one tap, returned reports first on "My tasks",
and the report's photos shown as permission-checked thumbnails."""

from __future__ import annotations

import datetime
import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from tests import factories
from tracker.core.calendar import periods_for_task
from tracker.models import Progress, ProgressReport, ReportingRule
from tracker.outputs import selectors as output_selectors
from tracker.progress import selectors as selectors_progress
from tracker.progress import services as ps

pytestmark = pytest.mark.django_db
Status = ProgressReport.Status


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def _months_ago(day: datetime.date, months: int) -> datetime.date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    return datetime.date(year, (month - 1) % 12 + 1, 1)


@pytest.fixture
def monthly(unit_a):
    """Unit A's task under a monthly rule (due on the 20th) that started five months ago:
    five or six monthly reports are due or over and none is written."""
    today = timezone.localdate()
    start = _months_ago(today, 5)
    plan = factories.PlanFactory(period_start=start, period_end=today + datetime.timedelta(days=200))
    ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=unit_a,
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=20,
        active_from=plan.period_start,
        active_to=plan.period_end,
    )
    activity = factories.ActivityFactory(plan=plan, start_date=start, due_date=plan.period_end)
    speakers = factories.OutputIndicatorFactory(activity=activity, name="Cụm loa", planned_quantity=24)
    task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=today + datetime.timedelta(days=60))
    waiting = [p for p in periods_for_task(task) if p.due < today or p.end < today]
    return type("Monthly", (), {"task": task, "speakers": speakers, "waiting": waiting, "today": today})


def param(period) -> str:
    return selectors_progress.period_param(period)


def catch_up_url(task) -> str:
    return reverse("tracker:report_catch_up", args=[task.pk])


def rows_data(monthly, rows: list[dict], shared_note: str = "") -> dict:
    """The catch-up form's POST body: one row per waiting period, each {action, percent, …}."""
    data = {
        "periods-TOTAL_FORMS": str(len(rows)),
        "periods-INITIAL_FORMS": str(len(rows)),
        "periods-MIN_NUM_FORMS": "0",
        "periods-MAX_NUM_FORMS": "1000",
        "shared_note": shared_note,
    }
    for index, (period, row) in enumerate(zip(monthly.waiting, rows, strict=True)):
        data[f"periods-{index}-period"] = param(period)
        data[f"periods-{index}-action"] = row.get("action", "report")
        data[f"periods-{index}-percent_complete"] = row.get("percent", "")
        data[f"periods-{index}-note"] = row.get("note", "")
        data[f"periods-{index}-quantity_{monthly.speakers.pk}"] = row.get("speakers", "")
    return data


def png(name="anh.png", size=(640, 480)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# --- Catching up ----------------------------------------------------------------------------


def test_officer_reports_every_waiting_period_from_one_form(client, monthly, officer_a):
    assert len(monthly.waiting) >= 5
    client.force_login(officer_a)
    task_page = client.get(reverse("tracker:task_detail", args=[monthly.task.pk])).content.decode()
    assert f"Report the {len(monthly.waiting)} waiting periods at once" in task_page

    page = client.get(catch_up_url(monthly.task))
    assert page.status_code == 200
    assert [state.period for _form, state in page.context["rows"]] == monthly.waiting

    rows = [{"action": "report", "percent": "10", "speakers": "2", "note": "Lắp 2 cụm loa"}]
    rows += [{"action": "nothing"}]
    rows += [{"action": "report", "percent": "30"}]  # no note: takes the shared one
    rows += [{"action": "skip"}] * (len(monthly.waiting) - 3)
    response = client.post(catch_up_url(monthly.task), rows_data(monthly, rows, shared_note="Theo kế hoạch"))
    assert response.status_code == 302

    reports = list(ProgressReport.objects.order_by("period_end"))
    assert [(r.period_start, r.status, r.nothing_to_report) for r in reports] == [
        (monthly.waiting[0].start, Status.SUBMITTED, False),
        (monthly.waiting[1].start, Status.SUBMITTED, True),
        (monthly.waiting[2].start, Status.SUBMITTED, False),
    ]
    assert [r.narrative for r in reports] == ["Lắp 2 cụm loa", "Theo kế hoạch", "Theo kế hoạch"]
    assert [list(r.quantities.values_list("quantity", flat=True)) for r in reports] == [[2], [], []]
    # The month with nothing to report carries the earlier month's percentage over.
    assert [r.percent_complete for r in reports] == [10, 10, 30]
    for report in reports:
        assert [row.history_user for row in report.history.all()] == [officer_a, officer_a]
    # Reported on the periods that were already due: late, like any report sent after its day.
    assert all(r.was_late == (r.due_date < monthly.today) for r in reports)


def test_one_row_in_error_submits_no_period(client, monthly, officer_a):
    client.force_login(officer_a)
    rows = [{"action": "report", "percent": "10"}, {"action": "report", "percent": ""}]
    rows += [{"action": "nothing", "speakers": "3"}]
    rows += [{"action": "skip"}] * (len(monthly.waiting) - 3)
    response = client.post(catch_up_url(monthly.task), rows_data(monthly, rows))
    assert response.status_code == 200
    page = response.content.decode()
    assert "nothing has been saved" in page
    assert "Give the percentage complete" in page
    assert "takes no quantities" in page
    assert not ProgressReport.objects.exists()


def test_a_period_reported_meanwhile_refuses_the_whole_form(client, monthly, officer_a):
    """Another tab sent the second month after this form was opened: nothing of the form is
    written, and the page says which period no longer waits."""
    client.force_login(officer_a)
    client.get(catch_up_url(monthly.task))
    ps.progress_report_nothing(task=monthly.task, period=monthly.waiting[1], actor=officer_a)
    rows = [{"action": "report", "percent": "10"}, {"action": "report", "percent": "20"}]
    rows += [{"action": "skip"}] * (len(monthly.waiting) - 2)
    response = client.post(catch_up_url(monthly.task), rows_data(monthly, rows))
    assert response.status_code == 200
    assert "no longer waits for a report" in response.content.decode()
    assert list(ProgressReport.objects.values_list("period_start", flat=True)) == [monthly.waiting[1].start]


def test_skipping_every_period_writes_nothing(client, monthly, officer_a):
    client.force_login(officer_a)
    response = client.post(catch_up_url(monthly.task), rows_data(monthly, [{"action": "skip"}] * len(monthly.waiting)))
    assert response.status_code == 200
    assert "Choose at least one period" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_returned_report_is_corrected_in_the_catch_up_form(client, monthly, officer_a, manager):
    first = monthly.waiting[0]
    report = ps.progress_save_draft(
        task=monthly.task, period=first, actor=officer_a, percent_complete=15, quantities={monthly.speakers: 1}
    )
    ps.progress_submit(report=report, actor=officer_a)
    ps.progress_return(report=report, actor=manager, reason="Thiếu ảnh")
    client.force_login(officer_a)
    page = client.get(catch_up_url(monthly.task))
    form, state = page.context["rows"][0]
    assert (state.state, form.initial["percent_complete"], form.initial[f"quantity_{monthly.speakers.pk}"]) == (
        Status.RETURNED,
        15,
        1,
    )
    assert "Thiếu ảnh" in page.content.decode()
    rows = [{"action": "report", "percent": "20", "speakers": "2"}] + [{"action": "skip"}] * (len(monthly.waiting) - 1)
    assert client.post(catch_up_url(monthly.task), rows_data(monthly, rows)).status_code == 302
    report.refresh_from_db()
    assert (report.status, report.percent_complete) == (Status.SUBMITTED, 20)


def test_other_units_officer_cannot_catch_up(client, monthly, officer_b, manager):
    rows = [{"action": "report", "percent": "10"}] * len(monthly.waiting)
    client.force_login(officer_b)
    assert client.get(catch_up_url(monthly.task)).status_code == 404
    assert client.post(catch_up_url(monthly.task), rows_data(monthly, rows)).status_code == 404
    client.force_login(manager)
    assert client.post(catch_up_url(monthly.task), rows_data(monthly, rows)).status_code == 403
    assert not ProgressReport.objects.exists()


# --- Nothing to report ----------------------------------------------------------------------


def test_nothing_to_report_in_one_tap_is_reviewed_and_adds_no_quantity(client, monthly, officer_a, manager):
    first, second = monthly.waiting[:2]
    factories.accepted_report(
        monthly.task, officer=officer_a, manager=manager, quantities={monthly.speakers: 4}, percent=40, period=first
    )
    client.force_login(officer_a)
    response = client.post(reverse("tracker:report_nothing", args=[monthly.task.pk]), {"period": param(second)})
    assert response.status_code == 302
    report = ProgressReport.objects.get(period_start=second.start)
    assert (report.status, report.nothing_to_report, report.percent_complete, report.quantities.count()) == (
        Status.SUBMITTED,
        True,
        40,
        0,
    )
    assert report.history.latest().history_user == officer_a

    client.force_login(manager)
    queue = client.get(reverse("tracker:review_queue")).content.decode()
    assert "Nothing to report" in queue
    detail = client.get(reverse("tracker:report_detail", args=[report.pk])).content.decode()
    assert "data-nothing-to-report" in detail and "nothing was done in this period" in detail
    client.post(reverse("tracker:report_accept", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
    monthly.task.refresh_from_db()
    assert monthly.task.status == Progress.IN_PROGRESS  # as the first accepted report left it
    assert output_selectors.task_achieved(monthly.task) == {monthly.speakers.pk: 4}


def test_nothing_to_report_is_refused_to_others_and_for_a_period_the_task_does_not_have(
    client, monthly, officer_a, officer_b, manager
):
    url = reverse("tracker:report_nothing", args=[monthly.task.pk])
    client.force_login(officer_b)
    assert client.post(url, {"period": param(monthly.waiting[0])}).status_code == 404
    client.force_login(manager)
    assert client.post(url, {"period": param(monthly.waiting[0])}).status_code == 403
    client.force_login(officer_a)
    assert client.get(url).status_code == 405
    assert client.post(url, {"period": "2001-01-01_2001-01-31"}).status_code == 404
    assert not ProgressReport.objects.exists()


def test_report_form_refuses_quantities_with_nothing_to_report(client, monthly, officer_a):
    client.force_login(officer_a)
    url = reverse("tracker:report_edit", args=[monthly.task.pk]) + f"?period={param(monthly.waiting[0])}"
    data = {"percent_complete": "10", "nothing_to_report": "on", "action": "submit"}
    response = client.post(url, {**data, f"quantity_{monthly.speakers.pk}": "2"})
    assert response.status_code == 200
    assert not ProgressReport.objects.exists()
    assert client.post(url, data).status_code == 302
    assert ProgressReport.objects.get().nothing_to_report


# --- "My tasks": returned reports first -------------------------------------------------------


def test_returned_report_of_a_completed_task_is_the_first_thing_on_my_tasks(client, monthly, officer_a, manager):
    report = ps.progress_save_draft(task=monthly.task, period=monthly.waiting[0], actor=officer_a, percent_complete=90)
    ps.progress_submit(report=report, actor=officer_a)
    ps.progress_return(report=report, actor=manager, reason="Số liệu chưa khớp")
    monthly.task.status, monthly.task.completed_on = Progress.COMPLETED, monthly.today
    monthly.task.save()
    client.force_login(officer_a)
    response = client.get(reverse("tracker:my_tasks"))
    assert [(task.pk, state.report.pk) for task, state in response.context["returned"]] == [
        (monthly.task.pk, report.pk)
    ]
    page = response.content.decode()
    # The returned section comes before every other, with the reason and a link to correct it.
    assert page.index('id="returned"') < page.index('id="overdue"')
    assert "Số liệu chưa khớp" in page
    edit = reverse("tracker:report_edit", args=[monthly.task.pk]) + f"?period={param(monthly.waiting[0])}"
    assert edit in page
    # The report's own page leads to the same form.
    assert edit in client.get(reverse("tracker:report_detail", args=[report.pk])).content.decode()


# --- Photos and PDFs inline -------------------------------------------------------------------


def test_photo_shows_as_a_thumbnail_with_its_size_to_those_who_see_the_report(
    client, monthly, officer_a, officer_b, monitor
):
    report = ps.progress_save_draft(task=monthly.task, period=monthly.waiting[0], actor=officer_a, percent_complete=5)
    photo = ps.evidence_attach(report=report, upload=png("hiện trường.png", (640, 480)), actor=officer_a)
    pdf = ps.evidence_attach(
        report=report, upload=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n%%EOF\n"), actor=officer_a
    )
    assert (photo.width, photo.height, pdf.width) == (640, 480, None)

    client.force_login(monitor)
    page = client.get(reverse("tracker:report_detail", args=[report.pk])).content.decode()
    preview = reverse("tracker:evidence_preview", args=[photo.pk])
    assert f'<img src="{preview}" width="320" height="240" alt="Photo: hiện trường.png"' in page
    assert 'class="file-icon pdf"' in page and reverse("tracker:evidence_download", args=[pdf.pk]) in page

    response = client.get(preview)
    assert (response.status_code, response["Content-Type"], response["Content-Disposition"]) == (
        200,
        "image/jpeg",
        "inline",
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(response.content)).size == (320, 240)
    assert client.get(reverse("tracker:evidence_preview", args=[pdf.pk])).status_code == 404

    client.force_login(officer_b)
    assert client.get(preview).status_code == 404
    client.logout()
    assert client.get(preview).status_code == 302


def test_a_sideways_phone_photo_is_measured_and_shown_upright(client, monthly, officer_a):
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone turned: shown rotated a quarter turn
    Image.new("RGB", (400, 200), "blue").save(buffer, "JPEG", exif=exif)
    report = ps.progress_save_draft(task=monthly.task, period=monthly.waiting[0], actor=officer_a, percent_complete=5)
    photo = ps.evidence_attach(report=report, upload=SimpleUploadedFile("doc.jpg", buffer.getvalue()), actor=officer_a)
    assert (photo.width, photo.height) == (200, 400)
    client.force_login(officer_a)
    response = client.get(reverse("tracker:evidence_preview", args=[photo.pk]))
    assert Image.open(io.BytesIO(response.content)).size == (160, 320)


def test_catch_up_page_costs_the_same_for_2_or_8_waiting_periods(client, unit_a, officer_a):
    """session, user, the task (with activity, plan, unit), roles, the report right, the
    reports, their quantities, the rules, their reporters' members, the outputs (twice: the
    form's and the figures'), whatever the number of periods."""
    today = timezone.localdate()
    counts = []
    for months in (2, 8):
        plan = factories.PlanFactory(
            period_start=_months_ago(today, months), period_end=today + datetime.timedelta(days=90)
        )
        ReportingRule.objects.create(
            plan=plan,
            title="Báo cáo tháng",
            reporter=unit_a,
            frequency=ReportingRule.Frequency.MONTHLY,
            due_day=20,
            active_from=plan.period_start,
            active_to=plan.period_end,
        )
        activity = factories.ActivityFactory(plan=plan, start_date=plan.period_start, due_date=plan.period_end)
        factories.OutputIndicatorFactory(activity=activity)
        task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=today + datetime.timedelta(days=30))
        first = periods_for_task(task)[0]
        ps.progress_save_draft(task=task, period=first, actor=officer_a, percent_complete=5)
        client.force_login(officer_a)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(catch_up_url(task))
        assert len(response.context["rows"]) >= months
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 14, counts
