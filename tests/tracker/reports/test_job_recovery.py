"""Report jobs finish or say why: a job whose worker died (its lease expired) is queued again
by the sweeper (`manage.py recover_jobs`, Celery beat's "recover-jobs") and completes, or after
the last attempt fails with a Vietnamese message and a "Thử lại" button; with the broker down
nothing is left half-made. Before leases, such a report stayed `running` for ever."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from tests import factories
from tracker.core import jobs as leases
from tracker.models import GeneratedReport, OutputIndicator
from tracker.reports import data, jobs, services, tasks

pytestmark = pytest.mark.django_db
D = datetime.date
Status = GeneratedReport.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def dic(db):
    return factories.UnitFactory(name="Sở Thông tin và Truyền thông")


@pytest.fixture
def plan(dic, unit_a):
    plan = factories.PlanFactory(number_symbol="12/KH-UBND")
    activity = factories.ActivityFactory(plan=plan, lead_unit=dic, section_code="2.1")
    OutputIndicator.objects.create(activity=activity, name="Lớp bồi dưỡng", unit_of_measure="lớp", planned_quantity=4)
    return plan


def requested(actor, plan, issuer, language="vi") -> GeneratedReport:
    return services.generated_report_request(
        actor=actor,
        request=data.ReportRequest(
            kind=GeneratedReport.Kind.PROGRESS,
            plan_id=plan.pk,
            issuer_id=issuer.pk,
            period_type="year",
            period_start=D(2026, 1, 1),
            period_end=D(2026, 12, 31),
        ),
        language=language,
    )


def died_while_running(report: GeneratedReport, *, attempts: int = 1) -> None:
    """What a worker killed mid-job leaves: running, its lease run out a minute ago."""
    GeneratedReport.objects.filter(pk=report.pk).update(
        status=Status.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=5),
        progress=50,
        attempts=attempts,
        lease_expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )


def recover() -> str:
    out = StringIO()
    call_command("recover_jobs", stdout=out)
    return out.getvalue()


def test_a_running_report_whose_lease_expired_is_queued_again_and_completes(manager, plan, dic):
    report = requested(manager, plan, dic)
    died_while_running(report)
    output = recover()  # no broker in the tests: the re-queued job runs right here
    assert f"re-queued report {report.pk}" in output and "re-queued 1, failed 0" in output
    report.refresh_from_db()
    assert report.status == Status.DONE and report.attempts == 2 and report.pdf_sha256


def test_a_queued_report_no_worker_took_up_is_handed_out_again(manager, plan, dic, monkeypatch):
    report = requested(manager, plan, dic)
    sent = []
    monkeypatch.setattr(tasks, "send", sent.append)  # a broker: nothing runs now
    GeneratedReport.objects.filter(pk=report.pk).update(lease_expires_at=timezone.now() - datetime.timedelta(1))
    assert "re-queued 1" in recover()
    report.refresh_from_db()
    assert sent == [report.pk] and report.status == Status.QUEUED and report.attempts == 2
    assert report.lease_expires_at > timezone.now()
    assert "re-queued 0, failed 0" in recover()  # its new lease runs: left alone


def test_after_the_last_attempt_the_report_fails_in_vietnamese_with_a_retry_button(
    client, manager, plan, dic, settings
):
    settings.JOB_MAX_ATTEMPTS = 3
    report = requested(manager, plan, dic, language="vi")
    died_while_running(report, attempts=3)
    assert f"failed report {report.pk}" in recover()
    report.refresh_from_db()
    assert report.status == Status.FAILED and report.finished_at
    assert report.error_message.startswith("Công việc chạy nền bị gián đoạn 3 lần")
    client.force_login(manager)
    page = client.get(reverse("tracker:generated_report_job", args=[report.pk]))
    content = page.content.decode()
    assert "Refresh" not in page and report.error_message in content
    retry = reverse("tracker:generated_report_retry", args=[report.pk])
    assert f'action="{retry}"' in content and "Thử lại" in content

    response = client.post(retry)
    again = GeneratedReport.objects.latest("pk")
    assert again.pk != report.pk and response["Location"] == reverse("tracker:generated_report_job", args=[again.pk])
    assert again.status == Status.DONE and again.parameters == report.parameters
    report.refresh_from_db()
    assert report.status == Status.FAILED  # the failed record is kept as it was


def test_only_a_failed_report_can_be_tried_again_and_only_by_who_may_produce_it(client, manager, officer_a, plan, dic):
    report = requested(manager, plan, dic)
    jobs.generated_report_run(report_id=report.pk)
    client.force_login(manager)
    count = GeneratedReport.objects.count()
    client.post(reverse("tracker:generated_report_retry", args=[report.pk]))
    assert GeneratedReport.objects.count() == count
    GeneratedReport.objects.filter(pk=report.pk).update(status=Status.FAILED)
    client.force_login(officer_a)
    assert client.post(reverse("tracker:generated_report_retry", args=[report.pk])).status_code == 404
    assert GeneratedReport.objects.count() == count


def test_a_message_delivered_again_does_not_generate_a_report_twice(manager, plan, dic):
    report = requested(manager, plan, dic)
    GeneratedReport.objects.filter(pk=report.pk).update(
        status=Status.RUNNING, started_at=timezone.now(), lease_expires_at=leases.running_until()
    )
    jobs.generated_report_run(report_id=report.pk)  # its worker is alive: its lease runs
    report.refresh_from_db()
    assert report.status == Status.RUNNING and not report.pdf_sha256
    assert "re-queued 0, failed 0" in recover()


def test_each_progress_step_renews_the_lease(manager, plan, dic, monkeypatch):
    report = requested(manager, plan, dic)
    leases_seen = []
    real_render = jobs.pdf.render_pdf

    def render(snapshot):
        leases_seen.append(GeneratedReport.objects.get(pk=report.pk).lease_expires_at)
        return real_render(snapshot)

    monkeypatch.setattr(jobs.pdf, "render_pdf", render)
    before = timezone.now()
    jobs.generated_report_run(report_id=report.pk)
    assert leases_seen[0] > before + datetime.timedelta(seconds=60)


def test_the_heartbeat_thread_renews_the_lease_until_the_job_leaves_running(settings):
    settings.JOB_HEARTBEAT_THREAD = True
    settings.JOB_LEASE_SECONDS = 3  # a beat every second
    renewals = []

    class Running:
        def update(self, **fields):
            renewals.append(fields["lease_expires_at"])
            return 1 if len(renewals) < 2 else 0  # the job ends after the second beat

    import time

    with leases.heartbeat(lambda: Running()):
        time.sleep(3.5)
    assert len(renewals) == 2


def test_the_report_tasks_are_acknowledged_late_and_put_back_when_the_worker_is_lost():
    task = tasks.generate_official_report
    assert task.acks_late and task.reject_on_worker_lost


def test_with_the_broker_down_the_form_says_so_and_keeps_nothing(client, manager, plan, dic, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr(tasks.generate_official_report, "apply_async", down)
    client.force_login(manager)
    form = {
        "kind": "progress",
        "plan": plan.pk,
        "issuer": dic.pk,
        "period_type": "year",
        "year": "2026",
        "month": "1",
        "document_date": "05/01/2027",
        "signing_authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Lê Văn Cường",
    }
    response = client.post(reverse("tracker:generated_report_new"), form)
    assert response.status_code == 200
    assert "Chưa thể đưa công việc vào hàng đợi" in response.content.decode()
    assert not GeneratedReport.objects.exists()
