"""The report pages: asking for a report, following its job, previewing and downloading it —
who may do what, that a produced report is kept exactly as it was, and that no page's query
count grows with the number of reports."""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories
from tests.tracker.reports.helpers import produce
from tracker.models import GeneratedReport, OutputIndicator
from tracker.reports import data, services
from tracker.reports import jobs as report_jobs

pytestmark = pytest.mark.django_db
D = datetime.date
Kind = GeneratedReport.Kind
Status = GeneratedReport.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def url(name: str, *args) -> str:
    return reverse(f"tracker:generated_report_{name}", args=args)


@pytest.fixture
def dic(db):
    return factories.UnitFactory(name="Sở Thông tin và Truyền thông")


@pytest.fixture
def plan(dic, unit_a):
    plan = factories.PlanFactory(number_symbol="12/KH-UBND")
    activity = factories.ActivityFactory(plan=plan, lead_unit=dic, section_code="2.1")
    OutputIndicator.objects.create(activity=activity, name="Lớp bồi dưỡng", unit_of_measure="lớp", planned_quantity=4)
    factories.TaskFactory(activity=activity, unit=unit_a, area=unit_a.area)
    return plan


def form_data(**changes) -> dict:
    values = {
        "kind": Kind.PROGRESS,
        "period_type": "half_year",
        "year": "2026",
        "month": "1",
        "document_date": "05/07/2026",
        "signing_authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Lê Văn Cường",
        "recipients": "UBND tỉnh (b/c)",
        "recommendations": "Đề nghị bố trí kinh phí.",
    }
    values.update(changes)
    return values


def unit_report(officer) -> GeneratedReport:
    return produce(officer, kind=Kind.UNIT, unit_id=officer.unit_id)


def requested_year_report(actor, plan, issuer) -> GeneratedReport:
    """The plan's progress report for 2026, asked for and not generated yet."""
    return services.generated_report_request(
        actor=actor,
        request=data.ReportRequest(
            kind=Kind.PROGRESS,
            plan_id=plan.pk,
            issuer_id=issuer.pk,
            period_type="year",
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
        ),
    )


# --- Asking for a report ---------------------------------------------------------------------


def test_a_manager_produces_the_six_month_report_of_a_plan(client, manager, plan, dic):
    client.force_login(manager)
    page = client.get(url("new"), {"plan": plan.pk, "kind": "progress"})
    assert page.status_code == 200
    content = page.content.decode()
    for kind in ("progress", "targets", "unit", "budget"):
        assert f'value="{kind}"' in content

    response = client.post(url("new"), form_data(plan=plan.pk, issuer=dic.pk))

    report = GeneratedReport.objects.get()
    assert response.status_code == 302 and response["Location"] == url("job", report.pk)
    assert (report.kind, report.plan, report.created_by, report.status) == (Kind.PROGRESS, plan, manager, Status.DONE)
    assert (report.period_start, report.period_end) == (D(2026, 1, 1), D(2026, 6, 30))
    assert report.parameters["signer_name"] == "Lê Văn Cường"
    assert report.title == "Kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2026 của " + (
        f"{plan.issuer.name} 6 tháng đầu năm 2026"
    )
    job = client.get(url("job", report.pk))
    assert job.status_code == 200
    assert "Refresh" not in job
    assert url("download", report.pk, "pdf") in job.content.decode()
    assert report.pdf_sha256 in job.content.decode()


def test_a_month_needs_its_month_and_another_period_its_dates(client, manager, plan, dic):
    client.force_login(manager)
    response = client.post(url("new"), form_data(plan=plan.pk, issuer=dic.pk, period_type="custom"))
    assert response.status_code == 200
    assert "Give the period the report covers." in response.content.decode()
    response = client.post(
        url("new"),
        form_data(plan=plan.pk, issuer=dic.pk, period_type="custom", date_from="01/07/2026", date_to="30/06/2026"),
    )
    assert "The period cannot end before it starts." in response.content.decode()
    assert not GeneratedReport.objects.exists()


def test_the_period_cap_is_checked_by_the_form(client, manager, plan, dic, settings):
    settings.REPORT_MAX_PERIOD_DAYS = 100
    client.force_login(manager)
    response = client.post(url("new"), form_data(plan=plan.pk, issuer=dic.pk))
    assert "A report covers at most 100 days" in response.content.decode()
    assert not GeneratedReport.objects.exists()


def test_a_unit_officer_gets_only_their_own_units_report(client, officer_a, unit_a, unit_b, plan):
    client.force_login(officer_a)
    content = client.get(url("new")).content.decode()
    assert 'value="unit"' in content
    assert 'value="progress"' not in content and 'value="budget"' not in content
    unit_choices = re.search(r'<select name="unit".*?</select>', content, re.S).group(0)
    assert f'value="{unit_a.pk}"' in unit_choices and f'value="{unit_b.pk}"' not in unit_choices

    response = client.post(url("new"), form_data(kind="unit", unit=unit_a.pk))
    report = GeneratedReport.objects.get()
    assert response.status_code == 302
    assert (report.kind, report.unit, report.status) == (Kind.UNIT, unit_a, Status.DONE)


def test_a_unit_officer_cannot_produce_another_units_report(client, officer_a, unit_b, plan):
    client.force_login(officer_a)
    for data_ in (form_data(kind="unit", unit=unit_b.pk), form_data(kind="progress", plan=plan.pk)):
        response = client.post(url("new"), data_)
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
    assert not GeneratedReport.objects.exists()


def test_monitors_and_editors_produce_nothing(client, monitor, editor):
    for user, listing in ((monitor, 200), (editor, 403)):
        client.force_login(user)
        assert client.get(url("new")).status_code == 403
        assert client.post(url("new"), form_data()).status_code == 403
        assert client.get(url("list")).status_code == listing
    assert not GeneratedReport.objects.exists()


# --- Who sees which report --------------------------------------------------------------------


def test_officers_see_only_their_units_reports_and_readers_see_all(
    client, manager, officer_a, officer_b, finance, monitor, editor, plan, dic
):
    mine = unit_report(officer_a)
    theirs = unit_report(officer_b)
    province = produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)

    def listed(user) -> set[int]:
        client.force_login(user)
        content = client.get(url("list")).content.decode()
        return {int(pk) for pk in re.findall(r"/official-reports/(\d+)/\"", content)}

    assert listed(officer_a) == {mine.pk}
    assert listed(officer_b) == {theirs.pk}
    assert listed(manager) == listed(finance) == listed(monitor) == {mine.pk, theirs.pk, province.pk}
    client.force_login(officer_a)
    for report, expected in ((mine, 200), (theirs, 404), (province, 404)):
        assert client.get(url("job", report.pk)).status_code == expected
        assert client.get(url("preview", report.pk)).status_code == expected
        assert client.get(url("download", report.pk, "pdf")).status_code == expected
    client.force_login(editor)
    assert client.get(url("job", mine.pk)).status_code == 404


def test_the_list_filters_by_kind_status_and_year(client, manager, officer_a, plan, dic, settings):
    unit_report(officer_a)
    produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)
    settings.REPORT_MAX_ROWS = 0
    failed = produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)
    client.force_login(manager)

    def found(**query) -> int:
        content = client.get(url("list"), query).content.decode()
        return len(set(re.findall(r"/official-reports/(\d+)/\"", content)))

    assert found() == 3
    assert found(kind="unit") == 1
    assert found(status="failed") == 1 and failed.status == Status.FAILED
    assert found(year="2026") == 3 and found(year="2024") == 0


# --- The job page, the preview, the downloads ----------------------------------------------------


def test_the_job_page_refreshes_itself_while_the_report_is_generated(client, manager, plan, dic):
    report = requested_year_report(manager, plan, dic)
    client.force_login(manager)
    response = client.get(url("job", report.pk))
    content = response.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in content
    assert response["Refresh"] == "3"
    assert "<script" not in content and "style=" not in content
    assert client.get(url("preview", report.pk))["Location"] == url("job", report.pk)
    assert client.get(url("download", report.pk, "pdf")).status_code == 404

    report_jobs.generated_report_run(report_id=report.pk)
    response = client.get(url("job", report.pk))
    assert "http-equiv" not in response.content.decode() and "Refresh" not in response


def test_a_job_whose_worker_stopped_says_so_and_refreshes_until_the_sweeper_ends_it(client, manager, plan, dic):
    report = requested_year_report(manager, plan, dic)
    GeneratedReport.objects.filter(pk=report.pk).update(lease_expires_at=report.created_at - datetime.timedelta(1))
    client.force_login(manager)
    response = client.get(url("job", report.pk))
    assert "The background worker stopped while handling this report." in response.content.decode()
    assert response["Refresh"] == "3"


def test_a_failed_report_shows_why(client, manager, plan, dic, settings):
    settings.REPORT_MAX_ROWS = 0
    report = produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)
    client.force_login(manager)
    content = client.get(url("job", report.pk)).content.decode()
    assert "more than the 0 allowed. Choose one plan or a shorter period." in content


def test_the_preview_is_the_document_without_inline_style_or_script(client, manager, plan, dic):
    report = produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)
    client.force_login(manager)
    response = client.get(url("preview", report.pk))
    content = response.content.decode()
    assert response.status_code == 200
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in content and "Lớp bồi dưỡng" in content
    assert "/static/css/report.css" in content
    assert "<script" not in content and "style=" not in content and "<style" not in content
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_downloads_are_the_stored_files_checked_against_their_fingerprints(client, manager, plan, dic):
    report = produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)
    client.force_login(manager)

    pdf = client.get(url("download", report.pk, "pdf"))
    xlsx = client.get(url("download", report.pk, "xlsx"))

    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert report_jobs.sha256(pdf.content) == report.pdf_sha256 == pdf["X-Content-SHA256"]
    assert report_jobs.sha256(xlsx.content) == report.xlsx_sha256
    assert pdf["Content-Disposition"].startswith(f'attachment; filename="bao-cao-{report.pk}-ket-qua-thuc-hien')
    assert client.get(url("download", report.pk, "docx")).status_code == 404


def test_an_altered_file_is_not_served(client, manager, plan, dic):
    report = produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)
    with open(report.pdf.path, "ab") as stored:
        stored.write(b"% altered")
    client.force_login(manager)
    response = client.get(url("download", report.pk, "pdf"))
    assert response.status_code == 500
    assert b"%PDF" not in response.content
    assert "no longer matches the fingerprint" in response.content.decode()


def test_no_page_edits_or_deletes_a_produced_report(client, manager, plan, dic):
    report = produce(manager, kind=Kind.PROGRESS, plan_id=plan.pk, issuer_id=dic.pk)
    before = GeneratedReport.objects.values().get(pk=report.pk)
    client.force_login(manager)
    for name, args in (("job", [report.pk]), ("preview", [report.pk]), ("download", [report.pk, "pdf"])):
        assert client.post(url(name, *args), {"status": "queued", "title": "Sửa"}).status_code == 405
        assert client.delete(url(name, *args)).status_code == 405
    assert GeneratedReport.objects.values().get(pk=report.pk) == before


# --- Query counts at two data sizes --------------------------------------------------------------

# session, user, the user's roles (read once for the rights and the navigation), the count of
# reports, the page of reports (plan, unit and author joined), the user's unit in the top bar
LIST_QUERIES = 6
# session, user, roles, the report (plan, unit and author joined), the user's unit in the top bar;
# the download has no page, so one fewer
JOB_QUERIES = 5


def _many_reports(officer, size: int) -> None:
    report = unit_report(officer)
    template = GeneratedReport.objects.values().get(pk=report.pk)
    del template["id"]
    GeneratedReport.objects.bulk_create([GeneratedReport(**template) for _ in range(size - 1)])


@pytest.mark.parametrize("size", [1, 12])
def test_list_query_count_does_not_grow_with_the_reports(
    client, manager, officer_a, plan, size, django_assert_max_num_queries
):
    _many_reports(officer_a, size)
    client.force_login(manager)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(url("list"))
    assert response.content.decode().count("/download/pdf/") == size


@pytest.mark.parametrize("size", [1, 12])
def test_officers_list_query_count_does_not_grow_with_the_reports(
    client, officer_a, plan, size, django_assert_max_num_queries
):
    _many_reports(officer_a, size)
    client.force_login(officer_a)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(url("list")).status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_job_and_preview_query_counts_do_not_grow(
    client, manager, officer_a, plan, size, django_assert_max_num_queries
):
    _many_reports(officer_a, size)
    report = GeneratedReport.objects.last()
    client.force_login(manager)
    with django_assert_max_num_queries(JOB_QUERIES):
        assert client.get(url("job", report.pk)).status_code == 200
    with django_assert_max_num_queries(JOB_QUERIES):
        assert client.get(url("preview", report.pk)).status_code == 200
    with django_assert_max_num_queries(JOB_QUERIES):
        assert client.get(url("download", report.pk, "xlsx")).status_code == 200
