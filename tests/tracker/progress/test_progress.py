"""Units report progress, the DIC reviews it: the services' workflow and rules, evidence
checked by content, and the pages (who may see and do what, what a refusal leaves behind)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from tests import factories
from tracker.core import roles
from tracker.core.calendar import ReportingPeriod
from tracker.models import Evidence, Progress, ProgressReport, ReportedQuantity, Task
from tracker.progress import services as ps

pytestmark = pytest.mark.django_db
Status = ProgressReport.Status


@pytest.fixture(autouse=True)
def _service_messages_in_english():
    """Service errors are asserted in English; the Vietnamese catalogue is tested elsewhere."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(unit_a, unit_b):
    """An activity led by the DIC with a cooperating unit C; a task of commune A."""
    today = timezone.localdate()
    cooperating = factories.UnitFactory(name="Đài PT-TH")
    activity = factories.ActivityFactory(
        start_date=today - datetime.timedelta(days=60), due_date=today + datetime.timedelta(days=60)
    )
    factories.CooperationFactory(activity=activity, unit=cooperating)
    speakers = factories.OutputIndicatorFactory(activity=activity, name="Cụm loa", planned_quantity=24)
    stations = factories.OutputIndicatorFactory(activity=activity, name="Đài truyền thanh", planned_quantity=3)
    task = factories.TaskFactory(
        activity=activity, unit=unit_a, area=unit_a.area, due_date=today + datetime.timedelta(days=10)
    )
    other = factories.OutputIndicatorFactory(name="Đầu ra khác")  # another activity's output
    officer_c = factories.UserFactory(username="officer_c", unit=cooperating, role=roles.UNIT_OFFICER)
    return type("World", (), locals())


def draft(world, officer, **values):
    values.setdefault("percent_complete", 40)
    values.setdefault("quantities", {world.speakers: 6})
    return ps.progress_save_draft(task=world.task, period=factories.whole_period(world.task), actor=officer, **values)


def png(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def history_users(report: ProgressReport) -> list[str]:
    return [row.history_user.username for row in report.history.order_by("history_id")]


# --- The workflow ---------------------------------------------------------------------------


def test_draft_submit_return_resubmit_accept_records_each_actor(world, officer_a, manager):
    report = draft(world, officer_a, narrative="Đã lắp 6 cụm loa", difficulties="Thiếu kinh phí")
    assert (report.status, report.percent_complete, report.created_by) == (Status.DRAFT, 40, officer_a)
    assert list(report.quantities.values_list("output_indicator__name", "quantity")) == [("Cụm loa", 6)]

    ps.progress_submit(report=report, actor=officer_a)
    assert (report.status, report.submitted_by) == (Status.SUBMITTED, officer_a)
    ps.progress_return(report=report, actor=manager, reason="Thiếu ảnh minh chứng")
    report.refresh_from_db()
    assert (report.status, report.return_reason, report.reviewed_by) == (
        Status.RETURNED,
        "Thiếu ảnh minh chứng",
        manager,
    )

    again = draft(world, officer_a, percent_complete=50, quantities={world.speakers: 7, world.stations: 1})
    assert again.pk == report.pk and again.status == Status.RETURNED
    ps.progress_submit(report=again, actor=officer_a)
    ps.progress_accept(report=again, actor=manager)
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
    assert dict(report.quantities.values_list("output_indicator__name", "quantity")) == {
        "Cụm loa": 7,
        "Đài truyền thanh": 1,
    }
    assert history_users(report) == ["officer_a", "officer_a", "manager", "officer_a", "officer_a", "manager"]
    assert [row.status for row in report.history.order_by("history_id")] == [
        "draft",
        "submitted",
        "returned",
        "returned",
        "submitted",
        "accepted",
    ]
    quantity = ReportedQuantity.objects.get(report=report, output_indicator=world.speakers)
    assert [row.history_user.username for row in quantity.history.all()] == ["officer_a", "officer_a"]
    # Accepting 50 % moved the task from "not started" to "in progress", recorded by the manager.
    world.task.refresh_from_db()
    assert world.task.status == Progress.IN_PROGRESS
    assert world.task.history.latest().history_user == manager


def test_steps_recorded_afterwards_carry_their_own_day_in_the_report_history_and_expected_report(
    world, officer_a, manager
):
    """The demo loader writes a year of reports on the days they were sent (`at=`)."""
    from tracker.models import Notification, Obligation

    written = timezone.now() - datetime.timedelta(days=12)
    sent, accepted = written + datetime.timedelta(hours=2), written + datetime.timedelta(days=3)
    report = draft(world, officer_a, at=written)
    ps.progress_submit(report=report, actor=officer_a, at=sent)
    ps.progress_accept(report=report, actor=manager, at=accepted)
    report.refresh_from_db()
    assert (report.submitted_at, report.reviewed_at) == (sent, accepted)
    assert [(row.status, row.history_date) for row in report.history.order_by("history_id")] == [
        ("draft", written),
        ("submitted", sent),
        ("accepted", accepted),
    ]
    assert ReportedQuantity.objects.get(report=report).history.get().history_date == written
    # The expected report is judged by the day it was sent; the officer is told on the day.
    row = Obligation.objects.get(report=report)
    assert row.submitted_on == timezone.localdate(sent)
    assert Notification.objects.get(recipient=officer_a, report=report).created_at == accepted


def test_a_step_cannot_be_recorded_in_the_future_or_before_the_step_it_follows(world, officer_a, manager):
    report = draft(world, officer_a)
    future = timezone.now() + datetime.timedelta(hours=1)
    with pytest.raises(ValidationError, match="future"):
        ps.progress_submit(report=report, actor=officer_a, at=future)
    with pytest.raises(ValidationError, match="future"):
        draft(world, officer_a, at=future)
    sent = timezone.now() - datetime.timedelta(days=2)
    ps.progress_submit(report=report, actor=officer_a, at=sent)
    with pytest.raises(ValidationError, match="before it was sent"):
        ps.progress_accept(report=report, actor=manager, at=sent - datetime.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="before it was sent"):
        ps.progress_return(report=report, actor=manager, reason="Thiếu ảnh", at=sent - datetime.timedelta(days=1))
    with pytest.raises(ValueError, match="timezone"):
        ps.progress_accept(report=report, actor=manager, at=datetime.datetime(2026, 1, 1, 9))
    report.refresh_from_db()
    assert (report.status, report.submitted_at, report.reviewed_at) == (Status.SUBMITTED, sent, None)


def test_accepted_report_cannot_be_edited_submitted_or_reviewed_again(world, officer_a, manager):
    report = factories.accepted_report(world.task, officer=officer_a, manager=manager, quantities={world.speakers: 5})
    with pytest.raises(ValidationError, match="accepted"):
        draft(world, officer_a)
    with pytest.raises(ValidationError):
        ps.progress_submit(report=report, actor=officer_a)
    with pytest.raises(ValidationError, match="Only a submitted report can be accepted"):
        ps.progress_accept(report=report, actor=manager)
    with pytest.raises(ValidationError, match="Only a submitted report can be returned"):
        ps.progress_return(report=report, actor=manager, reason="x")
    with pytest.raises(ValidationError):
        ps.evidence_attach(report=report, upload=png(), actor=officer_a)
    assert report.history.count() == 3


def test_correction_supersedes_the_accepted_report_which_keeps_its_figures(world, officer_a, manager):
    old = factories.accepted_report(world.task, officer=officer_a, manager=manager, quantities={world.speakers: 5})
    correction = ps.progress_correct(report=old, actor=officer_a)
    assert (correction.status, correction.revises, correction.percent_complete) == (Status.DRAFT, old, 50)
    assert list(correction.quantities.values_list("quantity", flat=True)) == [5]
    with pytest.raises(ValidationError, match="already in progress"):
        ps.progress_correct(report=old, actor=officer_a)

    edited = draft(world, officer_a, percent_complete=100, quantities={world.speakers: 8})
    assert edited.pk == correction.pk
    ps.progress_submit(report=edited, actor=officer_a)
    old.refresh_from_db()
    assert old.status == Status.ACCEPTED  # still the accepted figure while the correction waits
    ps.progress_accept(report=edited, actor=manager)
    old.refresh_from_db()
    assert old.status == Status.SUPERSEDED
    assert list(old.quantities.values_list("quantity", flat=True)) == [5]
    assert old.history.latest().history_user == manager
    # 100 % accepted: the task is completed, on the period's end or today, whichever is first.
    world.task.refresh_from_db()
    assert world.task.status == Progress.COMPLETED
    assert world.task.completed_on == min(world.task.due_date, timezone.localdate())


def test_figures_are_validated(world, officer_a):
    with pytest.raises(ValidationError) as error:
        draft(world, officer_a, percent_complete=101)
    assert "percent_complete" in error.value.error_dict
    with pytest.raises(ValidationError) as error:
        draft(world, officer_a, quantities={world.speakers: -1})
    assert "cannot be negative" in str(error.value)
    with pytest.raises(ValidationError) as error:
        draft(world, officer_a, quantities={world.other: 1})
    assert "not an output of this task's activity" in str(error.value)
    wrong = ReportingPeriod(None, datetime.date(2001, 1, 1), datetime.date(2001, 1, 31), datetime.date(2001, 2, 5), "")
    with pytest.raises(ValidationError, match="no reporting period"):
        ps.progress_save_draft(task=world.task, period=wrong, actor=officer_a, percent_complete=1)
    assert not ProgressReport.objects.exists()


def test_return_needs_a_reason(world, officer_a, manager):
    report = draft(world, officer_a)
    ps.progress_submit(report=report, actor=officer_a)
    with pytest.raises(ValidationError) as error:
        ps.progress_return(report=report, actor=manager, reason="   ")
    assert "reason" in error.value.error_dict
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


# --- Who may do what (services) -------------------------------------------------------------


def test_only_the_tasks_unit_reports_and_only_managers_review(world, officer_a, officer_b, manager, finance):
    for outsider in (officer_b, world.officer_c, manager, finance):
        with pytest.raises(PermissionDenied):
            draft(world, outsider)
    report = draft(world, officer_a)
    for outsider in (officer_b, world.officer_c, manager):
        with pytest.raises(PermissionDenied):
            ps.progress_submit(report=report, actor=outsider)
    ps.progress_submit(report=report, actor=officer_a)
    for outsider in (officer_a, world.officer_c, finance):
        with pytest.raises(PermissionDenied):
            ps.progress_accept(report=report, actor=outsider)
        with pytest.raises(PermissionDenied):
            ps.progress_return(report=report, actor=outsider, reason="x")
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert report.history.count() == 2


# --- Evidence -------------------------------------------------------------------------------


def test_photo_is_attached_with_its_type_found_by_content(world, officer_a):
    report = draft(world, officer_a)
    evidence = ps.evidence_attach(report=report, upload=png("anh-hien-truong.jpg"), actor=officer_a)
    assert (evidence.original_name, evidence.content_type, evidence.uploaded_by) == (
        "anh-hien-truong.jpg",
        "image/png",
        officer_a,
    )
    assert evidence.history.get().history_user == officer_a


def test_pdf_named_jpg_is_accepted_as_a_pdf(world, officer_a):
    report = draft(world, officer_a)
    upload = SimpleUploadedFile("photo.jpg", b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")
    assert ps.evidence_attach(report=report, upload=upload, actor=officer_a).content_type == "application/pdf"


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200,
        b"<!doctype html><script>alert(1)</script>",
    ],
    ids=["exe", "html"],
)
def test_exe_or_html_named_jpg_is_refused_naming_the_file(world, officer_a, content):
    report = draft(world, officer_a)
    with pytest.raises(ValidationError, match="photo.jpg"):
        ps.evidence_attach(report=report, upload=SimpleUploadedFile("photo.jpg", content), actor=officer_a)
    assert not Evidence.objects.exists()


def test_office_documents_are_recognised_by_their_zip_folders(world, officer_a):
    import zipfile

    report = draft(world, officer_a)
    for folder, expected in [("word/document.xml", "wordprocessingml"), ("xl/workbook.xml", "spreadsheetml")]:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(folder, "<x/>")
        evidence = ps.evidence_attach(
            report=report, upload=SimpleUploadedFile("bao-cao.bin", buffer.getvalue()), actor=officer_a
        )
        assert expected in evidence.content_type
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("virus.exe", "MZ")
    with pytest.raises(ValidationError, match="archive.docx"):
        ps.evidence_attach(
            report=report, upload=SimpleUploadedFile("archive.docx", plain_zip.getvalue()), actor=officer_a
        )


def test_size_limit_comes_from_the_setting(world, officer_a, settings):
    settings.EVIDENCE_MAX_BYTES = 20
    report = draft(world, officer_a)
    with pytest.raises(ValidationError, match="too large"):
        ps.evidence_attach(report=report, upload=png("big.png"), actor=officer_a)


def test_one_bad_file_attaches_none(world, officer_a):
    report = draft(world, officer_a)
    with pytest.raises(ValidationError, match="evil.jpg"):
        ps.evidence_attach_many(
            report=report,
            uploads=[png("a.png"), SimpleUploadedFile("evil.jpg", b"MZ" + b"\x00" * 100)],
            actor=officer_a,
        )
    assert not Evidence.objects.exists()


def test_evidence_remove_only_on_an_editable_report(world, officer_a, officer_b, manager):
    report = draft(world, officer_a)
    evidence = ps.evidence_attach(report=report, upload=png(), actor=officer_a)
    with pytest.raises(PermissionDenied):
        ps.evidence_remove(evidence=evidence, actor=officer_b)
    ps.evidence_remove(evidence=evidence, actor=officer_a)
    assert not Evidence.objects.exists()


# --- Pages ----------------------------------------------------------------------------------


def period_param(task: Task) -> str:
    period = factories.whole_period(task)
    return f"{period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}"


def report_url(task: Task) -> str:
    return reverse("tracker:report_edit", args=[task.pk]) + f"?period={period_param(task)}"


def test_officer_writes_and_submits_a_report_with_a_photo(client, world, officer_a):
    client.force_login(officer_a)
    assert client.get(report_url(world.task)).status_code == 200
    response = client.post(
        report_url(world.task),
        {
            "percent_complete": "30",
            f"quantity_{world.speakers.pk}": "4",
            "narrative": "Đã lắp 4 cụm loa",
            "evidence": [png("a.png"), png("b.png")],
            "action": "submit",
        },
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert (report.status, report.percent_complete, report.evidence.count()) == (Status.SUBMITTED, 30, 2)
    assert report.history.latest().history_user == officer_a


def test_a_bad_file_in_the_form_writes_nothing(client, world, officer_a):
    client.force_login(officer_a)
    response = client.post(
        report_url(world.task),
        {
            "percent_complete": "30",
            "evidence": [png("a.png"), SimpleUploadedFile("photo.jpg", b"MZ" + b"\x00" * 100)],
            "action": "submit",
        },
    )
    assert response.status_code == 200
    assert "photo.jpg" in response.content.decode()
    assert not ProgressReport.objects.exists() and not Evidence.objects.exists()


def test_other_units_officer_gets_404_and_changes_nothing(client, world, officer_a, officer_b):
    report = draft(world, officer_a)
    client.force_login(officer_b)
    assert client.get(reverse("tracker:task_detail", args=[world.task.pk])).status_code == 404
    assert client.get(report_url(world.task)).status_code == 404
    assert client.post(report_url(world.task), {"percent_complete": "90", "action": "submit"}).status_code == 404
    assert client.get(reverse("tracker:report_detail", args=[report.pk])).status_code == 404
    report.refresh_from_db()
    assert (report.status, report.percent_complete) == (Status.DRAFT, 40)


def test_cooperating_unit_sees_the_task_but_cannot_report(client, world, officer_a):
    client.force_login(world.officer_c)
    response = client.get(reverse("tracker:task_detail", args=[world.task.pk]))
    assert response.status_code == 200
    assert not response.context["can_report"]
    assert client.post(report_url(world.task), {"percent_complete": "90", "action": "submit"}).status_code == 403
    assert not ProgressReport.objects.exists()


def test_officer_cannot_accept_and_manager_reviews(client, world, officer_a, manager):
    report = draft(world, officer_a)
    ps.progress_submit(report=report, actor=officer_a)
    client.force_login(officer_a)
    assert client.post(reverse("tracker:report_accept", args=[report.pk])).status_code == 403
    assert client.get(reverse("tracker:review_queue")).status_code == 403
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED

    client.force_login(manager)
    queue = client.get(reverse("tracker:review_queue"))
    assert [r.pk for r in queue.context["reports"]] == [report.pk]
    assert client.get(reverse("tracker:report_accept", args=[report.pk])).status_code == 405
    response = client.post(reverse("tracker:report_return", args=[report.pk]), {"reason": ""})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    client.post(reverse("tracker:report_return", args=[report.pk]), {"reason": "Thiếu ảnh"})
    report.refresh_from_db()
    assert (report.status, report.return_reason) == (Status.RETURNED, "Thiếu ảnh")


def test_task_page_shows_periods_reports_and_superseded_versions(client, world, officer_a, manager):
    old = factories.accepted_report(world.task, officer=officer_a, manager=manager, quantities={world.speakers: 5})
    correction = ps.progress_correct(report=old, actor=officer_a)
    ps.progress_submit(report=correction, actor=officer_a)
    ps.progress_accept(report=correction, actor=manager)
    client.force_login(officer_a)
    response = client.get(reverse("tracker:task_detail", args=[world.task.pk]))
    assert [r.status for r in response.context["reports"]] == [Status.ACCEPTED, Status.SUPERSEDED]
    assert [s.state for s in response.context["states"]] == [Status.ACCEPTED]
    assert "Superseded" in response.content.decode()


def test_evidence_download_is_an_attachment_for_those_who_see_the_task(client, world, officer_a, officer_b, monitor):
    evidence = ps.evidence_attach(report=draft(world, officer_a), upload=png("ảnh.png"), actor=officer_a)
    url = reverse("tracker:evidence_download", args=[evidence.pk])
    client.force_login(monitor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    client.force_login(officer_b)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_my_tasks_groups_the_units_tasks(client, world, officer_a, unit_a):
    today = timezone.localdate()
    activity = world.activity
    factories.TaskFactory(activity=activity, unit=unit_a, due_date=today - datetime.timedelta(days=3))
    factories.TaskFactory(activity=activity, unit=unit_a, due_date=today + datetime.timedelta(days=40))
    factories.TaskFactory(
        activity=activity,
        unit=unit_a,
        due_date=today - datetime.timedelta(days=1),
        status=Progress.COMPLETED,
        completed_on=today,
    )
    factories.TaskFactory(activity=activity, unit=unit_a, due_date=today + datetime.timedelta(days=3))
    factories.TaskFactory(activity=activity, due_date=today)  # another unit's
    client.force_login(officer_a)
    response = client.get(reverse("tracker:my_tasks"))
    counts = {key: len(tasks) for key, _label, tasks in response.context["sections"]}
    # world.task is due in 10 days: "later" with the one due in 40.
    assert counts == {"overdue": 1, "soon": 1, "later": 2, "done": 1}


# --- Query counts ---------------------------------------------------------------------------


def build(size: int, unit, officer, manager) -> None:
    today = timezone.localdate()
    rule_plan = factories.PlanFactory(
        period_start=today.replace(month=1, day=1), period_end=today.replace(month=12, day=31)
    )
    factories_rule(rule_plan, unit)
    for _ in range(size):
        activity = factories.ActivityFactory(
            plan=rule_plan, start_date=rule_plan.period_start, due_date=rule_plan.period_end
        )
        output = factories.OutputIndicatorFactory(activity=activity)
        task = factories.TaskFactory(activity=activity, unit=unit, due_date=rule_plan.period_end)
        period = factories.whole_period(task)
        report = ps.progress_save_draft(
            task=task, period=period, actor=officer, percent_complete=10, quantities={output: 1}
        )
        ps.evidence_attach(report=report, upload=png(), actor=officer)
        ps.progress_submit(report=report, actor=officer)


def factories_rule(plan, unit):
    from tracker.models import ReportingRule

    ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=unit,
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=20,
        active_from=plan.period_start,
        active_to=plan.period_end,
    )


def count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# my_tasks: session, user, roles, the tasks with activity, plan and area, their reports, the
# plans' reporting rules, the rules' reporters' members, the reporters (+1 spare for the nav);
# the reports the unit sends under the rules: rules, members, lead units and units with tasks,
# reports sent.
MY_TASKS_QUERIES = 13
# task_detail: 1 session, 2 user, 3 roles, 4 the task with activity, plan, unit, area and output,
# 5 the plan's rules, 6 their reporters, 7 the reporters' members, 8 the outputs, 9 the reports,
# 10 their quantities, 11 their evidence, 12 the accepted sums, 13 the comments, 14 the report
# right, 15 the comment right, 16 the header's unit.
TASK_DETAIL_QUERIES = 16
# review_queue: session, user, roles, the submitted reports' count and page, the register
# entries' count and page (none when there are none).
REVIEW_QUERIES = 7


def test_page_query_counts_do_not_grow(client, unit_a, officer_a, manager):
    counts = []
    for size in (2, 8):  # 2, then 10 in all
        build(size, unit_a, officer_a, manager)
        task = Task.objects.filter(unit=unit_a).last()
        client.force_login(officer_a)
        mine = count_queries(client, reverse("tracker:my_tasks"))
        detail = count_queries(client, reverse("tracker:task_detail", args=[task.pk]))
        client.force_login(manager)
        queue = count_queries(client, reverse("tracker:review_queue"))
        counts.append((mine, detail, queue))
    assert counts[0] == counts[1]
    mine, detail, queue = counts[1]
    assert mine <= MY_TASKS_QUERIES and detail <= TASK_DETAIL_QUERIES and queue <= REVIEW_QUERIES, counts
