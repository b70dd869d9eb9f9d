"""Reminder e-mails: who gets a digest and what it lists, escalations to DIC managers only,
the Celery tasks and the `send_reminders` command (dry run, one job, progress, totals)."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tracker.core import roles
from tracker.due import reminders, tasks
from tracker.models import Plan, User

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 3, 25)


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://tracker.example.gov.vn"
    settings.ESCALATION_AFTER_DAYS = 7
    # Start from the project's language whatever an earlier test in this worker activated.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def world(unit_a, unit_b, officer_a, officer_b, manager, finance, monitor, editor):
    """Monthly reports by the 20th for A and B from 1/2026.

    A: task "Lắp cụm loa thôn Nà Pàn" — February reported on time, March missing (due
    20/3, 5 days overdue on 25/3); task "Tuyên truyền 2G" due 30/3 (due soon), January
    and February missing (due 20/1 and 20/2: 64 and 33 days overdue).
    B: task "Hỗ trợ điện thoại" — everything reported up to March, due 30/6: nothing to say.
    """
    plan = factories.PlanFactory(number_symbol="12/KH-UBND")
    factories.ReportingRuleFactory(plan=plan, reporter=unit_a, active_to=D(2026, 3, 31))
    factories.ReportingRuleFactory(plan=plan, reporter=unit_b, active_to=D(2026, 3, 31))
    activity = factories.ActivityFactory(plan=plan, section_code="2.3", start_date=D(2026, 2, 1))
    loa = factories.TaskFactory(
        activity=activity, unit=unit_a, deliverable="Lắp cụm loa thôn Nà Pàn", due_date=D(2026, 3, 31)
    )
    old_activity = factories.ActivityFactory(plan=plan, section_code="2.6", start_date=D(2026, 1, 1))
    g2 = factories.TaskFactory(
        activity=old_activity, unit=unit_a, deliverable="Tuyên truyền 2G", due_date=D(2026, 3, 30)
    )
    phones = factories.TaskFactory(
        activity=old_activity, unit=unit_b, deliverable="Hỗ trợ điện thoại", due_date=D(2026, 6, 30)
    )
    sent = datetime.datetime(2026, 2, 19, 10, tzinfo=datetime.UTC)
    factories.ProgressReportFactory(
        task=loa, period_start=D(2026, 2, 1), period_end=D(2026, 2, 28), due_date=D(2026, 2, 20), submitted_at=sent
    )
    for month, end in ((1, 31), (2, 28), (3, 31)):
        factories.ProgressReportFactory(
            task=phones,
            period_start=D(2026, month, 1),
            period_end=D(2026, month, end),
            due_date=D(2026, month, 20),
            submitted_at=datetime.datetime(2026, month, 10, tzinfo=datetime.UTC),
        )
    for number, user in enumerate((officer_a, officer_b, manager, finance, monitor, editor)):
        user.email = f"{user.username}@example.gov.vn"
        user.last_name, user.first_name = "Nguyễn Văn", f"Người {number}"
        user.save()
    return {"plan": plan, "loa": loa, "g2": g2, "phones": phones}


def by_recipient() -> dict[str, mail.EmailMessage]:
    return {message.to[0]: message for message in mail.outbox}


def html_of(message) -> str:
    ((html, kind),) = message.alternatives
    assert kind == "text/html"
    return html


def test_officer_gets_their_units_overdue_and_due_soon_items_in_vietnamese(world, officer_a):
    outcome = reminders.send_due_digests(today=TODAY)
    message = by_recipient()["officer_a@example.gov.vn"]
    # Subject: "What is due for <unit>, <date>" (its Vietnamese wording is merged by the lead).
    assert "UBND xã A" in message.subject and "25/03/2026" in message.subject
    text, html = message.body, html_of(message)
    for part in (text, html):
        assert "Lắp cụm loa thôn Nà Pàn" in part and "Tuyên truyền 2G" in part
        assert "Hỗ trợ điện thoại" not in part  # B's
        # Period labels from the calendar, in Vietnamese: the e-mail is rendered in "vi".
        assert "Tháng 3/2026" in part and "Tháng 1/2026" in part and "Month" not in part
        assert "20/03/2026" in part and "30/03/2026" in part
        assert f"https://tracker.example.gov.vn{reverse('tracker:due')}" in part
        assert f"https://tracker.example.gov.vn{reverse('tracker:preferences')}" in part
    link = "https://tracker.example.gov.vn" + reminders.selectors_due.task_url(world["loa"])
    assert link in text and f'href="{link}"' in html
    assert '<html lang="vi">' in html
    # February of "loa" was sent on time: it is not listed.
    assert "Tháng 2/2026" in text  # the 2G task's February...
    assert text.count("Tháng 2/2026") == 1  # ...but not the loudspeakers' (reported)
    assert outcome.sent == len(mail.outbox)


def test_nothing_due_means_no_email(world, officer_b):
    reminders.send_due_digests(today=TODAY)
    assert "officer_b@example.gov.vn" not in by_recipient()


def test_manager_gets_a_province_wide_summary_and_other_roles_nothing(world, manager):
    reminders.send_due_digests(today=TODAY)
    received = by_recipient()
    assert set(received) == {"officer_a@example.gov.vn", "manager@example.gov.vn"}
    summary = received["manager@example.gov.vn"]
    assert "25/03/2026" in summary.subject
    assert "UBND xã A" in summary.body and "Tuyên truyền 2G" in summary.body
    assert "UBND xã B" not in summary.body  # nothing due for B
    assert "UBND xã A" in html_of(summary)


def test_no_digest_for_who_does_not_want_one_has_no_address_or_is_inactive(world, officer_a, manager, unit_a):
    officer_a.wants_digest = False
    officer_a.save()
    manager.email = ""
    manager.save()
    factories.UserFactory(
        username="gone", unit=unit_a, role=roles.UNIT_OFFICER, email="gone@example.gov.vn", is_active=False
    )
    outcome = reminders.send_due_digests(today=TODAY)
    assert mail.outbox == []
    assert (outcome.users, outcome.sent) == (4, 0)  # officer B, finance, monitor, editor


def test_digest_query_count_does_not_grow_with_users(world, unit_a):
    def count() -> int:
        mail.outbox.clear()
        User.objects.update(last_digest_on=None)  # as on a new day: everyone is due a digest
        with CaptureQueriesContext(connection) as captured:
            reminders.send_due_digests(today=TODAY)
        return len(captured)

    few = count()
    for number in range(10):
        factories.UserFactory(
            username=f"more{number}", unit=unit_a, role=roles.UNIT_OFFICER, email=f"more{number}@example.gov.vn"
        )
    # the expected reports due (rows kept by tracker.core.obligations), the open tasks,
    # deadlines, collectives, users, their groups, and the one update that marks who got their
    # digest today; the bell's reminders: the unit officers, the reminders already given, the
    # new ones (one insert) and their unread counts (one update)
    assert few == count() == 11
    assert len(mail.outbox) == 12


def test_escalation_lists_only_items_overdue_by_more_than_n_days_and_goes_to_managers(world, manager, settings):
    outcome = reminders.send_escalations(today=TODAY)
    assert [message.to for message in mail.outbox] == [["manager@example.gov.vn"]]
    assert outcome.sent == 1
    message = mail.outbox[0]
    text = message.body
    # 2G: January (64 days) and February (33 days) are escalated; loa's March (5 days) is not.
    assert "Tuyên truyền 2G" in text and "Tháng 1/2026" in text and "Tháng 2/2026" in text
    assert "Lắp cụm loa" not in text and "Tháng 3/2026" not in text
    assert "Tuyên truyền 2G" in html_of(message)
    assert "7" in message.subject and "2" in message.subject
    mail.outbox.clear()
    settings.ESCALATION_AFTER_DAYS = 40
    User.objects.update(last_escalation_on=None)  # as on another day
    reminders.send_escalations(today=TODAY)
    assert "Tháng 2/2026" not in mail.outbox[0].body and "Tháng 1/2026" in mail.outbox[0].body


def test_escalations_ignore_the_digest_preference_but_need_an_address(world, manager):
    manager.wants_digest = False
    manager.save()
    reminders.send_escalations(today=TODAY)
    assert len(mail.outbox) == 1
    mail.outbox.clear()
    manager.email = ""
    manager.save()
    reminders.send_escalations(today=TODAY)
    assert mail.outbox == []


def test_nothing_overdue_long_enough_sends_no_escalation(world, manager):
    reminders.send_escalations(today=TODAY, after_days=100)
    assert mail.outbox == []


def test_celery_tasks_run_inline_without_a_broker(world, monkeypatch):
    monkeypatch.setattr(reminders, "send_due_digests", lambda **kw: reminders.Outcome(users=1, sent=1))
    assert tasks.send_due_digests.delay().get() == {"users": 1, "sent": 1, "skipped": 0, "failed": 0}


def test_beat_runs_digests_at_7_and_escalations_at_7_30(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["due-digests"]["task"] == "tracker.due.tasks.send_due_digests"
    assert (schedule["due-digests"]["schedule"].hour, schedule["due-digests"]["schedule"].minute) == ({7}, {0})
    assert (schedule["escalations"]["schedule"].hour, schedule["escalations"]["schedule"].minute) == ({7}, {30})
    assert settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"


def run(*args) -> str:
    out = StringIO()
    call_command("send_reminders", *args, "--today", "25/03/2026", stdout=out)
    return out.getvalue()


def test_command_dry_run_says_who_would_get_what_and_sends_nothing(world):
    output = run("--dry-run")
    assert mail.outbox == []
    assert output.splitlines() == [
        "digests: 6/6 users",
        "digests: would send to officer_a@example.gov.vn",
        "digests: would send to manager@example.gov.vn",
        "digests: 6 users, would send 2, nothing to send 4, failed 0",
        "escalations: 1/1 users",
        "escalations: would send to manager@example.gov.vn",
        "escalations: 1 users, would send 1, nothing to send 0, failed 0",
    ]


def test_command_runs_one_job(world):
    output = run("--only", "escalations")
    assert output.splitlines() == [
        "escalations: 1/1 users",
        "escalations: 1 users, sent 1, nothing to send 0, failed 0",
    ]
    assert len(mail.outbox) == 1


def test_command_prints_progress_every_50_users(world, unit_b):
    for number in range(60):
        factories.UserFactory(username=f"b{number}", unit=unit_b, role=roles.UNIT_OFFICER, email=f"b{number}@x.vn")
    output = run("--only", "digests", "--dry-run")
    assert "digests: 50/66 users" in output and "digests: 66/66 users" in output


def test_command_rejects_a_badly_written_day(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_reminders", "--today", "2026-03-25")


def test_draft_plans_send_nothing(world):
    Plan.objects.update(status=Plan.Status.DRAFT)
    reminders.send_due_digests(today=TODAY)
    reminders.send_escalations(today=TODAY)
    assert mail.outbox == []


def test_a_second_run_on_the_same_day_sends_no_second_digest(officer_a, unit_a):
    from tracker.due.reminders import send_due_digests

    officer_a.email = "canbo.a@example.gov.vn"
    officer_a.save()
    today = timezone.localdate()
    factories.TaskFactory(unit=unit_a, due_date=today + datetime.timedelta(days=3))
    first = send_due_digests(today=today)
    second = send_due_digests(today=today)
    tomorrow = send_due_digests(today=today + datetime.timedelta(days=1))
    assert (first.sent, second.sent, tomorrow.sent) == (1, 0, 1)
    assert len(mail.outbox) == 2


# --- Not twice, and failures that show ---------------------------------------------------------


def test_an_escalation_is_recorded_when_sent_and_not_sent_again_the_same_day(world, manager):
    first = reminders.send_escalations(today=TODAY)
    second = reminders.send_escalations(today=TODAY)
    assert (first.sent, second.sent, len(mail.outbox)) == (1, 0, 1)
    manager.refresh_from_db()
    assert manager.last_escalation_on == TODAY
    next_day = reminders.send_escalations(today=TODAY + datetime.timedelta(days=1))
    assert next_day.sent == 1 and len(mail.outbox) == 2


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def test_the_command_exits_non_zero_when_any_message_failed(world, settings):
    settings.EMAIL_BACKEND = "tests.tracker.due.test_reminders.RefusingBackend"
    out = StringIO()
    with pytest.raises(CommandError, match="e-mails could not be sent"):
        call_command("send_reminders", "--today", "25/03/2026", stdout=out)
    assert "escalations: 1 users, sent 0, nothing to send 0, failed 1" in out.getvalue()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "failed 0" in run("--only", "escalations")  # the retry sends what failed, once
    assert len(mail.outbox) == 1


def test_the_celery_tasks_fail_and_retry_with_back_off_when_a_message_failed(monkeypatch):
    calls = []

    def failing(**kwargs):
        calls.append(kwargs)
        return reminders.Outcome(users=1, failed=1)

    monkeypatch.setattr(reminders, "send_escalations", failing)
    for task in (tasks.send_due_digests, tasks.send_escalations):
        assert task.autoretry_for == (tasks.RemindersFailed,) and task.retry_backoff == 60 and task.max_retries == 5
    # Inline (no broker) the retry is raised rather than scheduled: a failure, retried in 60 s.
    with pytest.raises(Retry, match="Retry in 60s"):
        tasks.send_escalations.delay()
    assert len(calls) == 1
