"""Excel imports finish or say why: an import whose worker died while checking or applying
(its lease expired) is handed out again by the sweeper and completes — applied once — or after
the last attempt fails with the reason and a "Thử lại" button; with the broker down an upload
or a confirmation leaves nothing half-made. Before leases, such an import stayed
`checking`/`applying` for ever and could never be applied."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from budgets import tasks
from budgets.excel import jobs
from budgets.models import ImportJob
from tests.budgets.test_excel import english, job_of, snapshot, upload, xlsx
from tests.budgets.test_execution import M, build_world

pytestmark = pytest.mark.django_db
Status = ImportJob.Status


@pytest.fixture
def world(unit_a, unit_b, finance):
    return build_world(unit_a, unit_b, finance)


@pytest.fixture
def content(world, unit_a):
    return xlsx(
        [[None, 2026, world.outreach.pk, unit_a.pk, "central_budget", 75 * M, "1966/QĐ-UBND", "12/12/2026", None]]
    )


def died(job: ImportJob, *, attempts: int = 1) -> None:
    """What a worker killed mid-job leaves: taken up, its lease run out a minute ago."""
    ImportJob.objects.filter(pk=job.pk).update(
        claimed_at=timezone.now() - datetime.timedelta(minutes=5),
        lease_expires_at=timezone.now() - datetime.timedelta(minutes=1),
        attempts=attempts,
    )


def recover() -> str:
    out = StringIO()
    call_command("recover_jobs", stdout=out)
    return out.getvalue()


def test_an_import_whose_worker_died_while_checking_is_checked_again(client, finance, content, monkeypatch):
    monkeypatch.setattr(tasks.import_check, "delay", lambda pk: None)  # a broker: the worker then dies
    job = job_of(upload(english(client, finance), content))
    died(job)
    monkeypatch.undo()
    assert f"re-queued import {job.pk}" in recover()
    job.refresh_from_db()
    assert job.status == Status.READY and job.attempts == 2


def test_an_import_whose_worker_died_while_applying_is_applied_once(client, finance, content, monkeypatch):
    job = job_of(upload(english(client, finance), content))
    before = snapshot()
    monkeypatch.setattr(tasks.import_apply, "delay", lambda pk: None)
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == Status.APPLYING
    died(job)  # its transaction was rolled back with the worker: nothing written
    monkeypatch.undo()
    assert f"re-queued import {job.pk}" in recover()
    job.refresh_from_db()
    assert job.status == Status.DONE
    applied = snapshot()
    assert applied != before and applied[2] == before[2] + 1  # one history row: written once
    assert "re-queued 0, failed 0" in recover()
    tasks.import_apply(job.pk)  # the lost message delivered again: nothing more
    assert snapshot() == applied


def test_a_worker_that_lost_its_job_writes_nothing(client, finance, content, monkeypatch):
    """A worker presumed dead (its lease taken over) that wakes up does not apply the file."""
    job = job_of(upload(english(client, finance), content))
    monkeypatch.setattr(tasks.import_apply, "delay", lambda pk: None)
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    mine = jobs.job_claim(job.pk, Status.APPLYING)
    ImportJob.objects.filter(pk=job.pk).update(claimed_at=timezone.now() + datetime.timedelta(seconds=1))
    before = snapshot()
    monkeypatch.setattr(jobs, "job_claim", lambda *args: mine)
    jobs.apply_job(job.pk)
    assert snapshot() == before
    job.refresh_from_db()
    assert job.status == Status.APPLYING


def test_after_the_last_attempt_the_import_fails_with_the_reason_and_can_be_tried_again(
    client, finance, content, monkeypatch, settings
):
    settings.JOB_MAX_ATTEMPTS = 2
    monkeypatch.setattr(tasks.import_check, "delay", lambda pk: None)
    job = job_of(upload(english(client, finance), content))
    died(job, attempts=2)
    monkeypatch.undo()
    assert f"failed import {job.pk}" in recover()
    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert job.errors[0]["text"].startswith("The background job was interrupted 2 times")
    page = client.get(reverse("budgets:import_job", args=[job.pk]))
    content_html = page.content.decode()
    retry = reverse("budgets:import_retry", args=[job.pk])
    assert "Refresh" not in page and f'action="{retry}"' in content_html and "Try again" in content_html
    client.post(retry)
    job.refresh_from_db()
    assert job.status == Status.READY and job.errors == []
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == Status.DONE


def test_only_a_failed_import_can_be_tried_again(client, finance, content):
    job = job_of(upload(english(client, finance), content))
    response = client.post(reverse("budgets:import_retry", args=[job.pk]), follow=True)
    assert "Only an import that failed can be tried again." in response.content.decode()
    job.refresh_from_db()
    assert job.status == Status.READY


def test_the_job_page_says_when_the_worker_stopped(client, finance, content, monkeypatch):
    monkeypatch.setattr(tasks.import_check, "delay", lambda pk: None)
    job = job_of(upload(english(client, finance), content))
    page = client.get(reverse("budgets:import_job", args=[job.pk])).content.decode()
    assert "Waiting for a background worker (attempt 1)." in page
    died(job)
    response = client.get(reverse("budgets:import_job", args=[job.pk]))
    assert "The background worker stopped while handling this import" in response.content.decode()
    assert response["Refresh"] == "2"


def broker_down(*args, **kwargs):
    raise OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")


def test_with_the_broker_down_an_upload_says_so_and_keeps_nothing(client, finance, content, monkeypatch):
    monkeypatch.setattr(tasks.import_check, "delay", broker_down)
    response = upload(english(client, finance), content)
    assert response.status_code == 200
    assert "The job cannot be queued right now" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_with_the_broker_down_a_confirmation_says_so_and_the_file_waits_for_it(client, finance, content, monkeypatch):
    job = job_of(upload(english(client, finance), content))
    before = snapshot()
    monkeypatch.setattr(tasks.import_apply, "delay", broker_down)
    response = client.post(reverse("budgets:import_apply", args=[job.pk]), follow=True)
    assert "The job cannot be queued right now" in response.content.decode()
    job.refresh_from_db()
    assert job.status == Status.READY and job.applied_by is None and snapshot() == before
    monkeypatch.undo()
    client.post(reverse("budgets:import_apply", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == Status.DONE


def test_the_import_tasks_are_acknowledged_late_and_put_back_when_the_worker_is_lost():
    for task in (tasks.import_check, tasks.import_apply):
        assert task.acks_late and task.reject_on_worker_lost
