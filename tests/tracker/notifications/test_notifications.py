"""The bell: what changed for me (a report returned or accepted, a comment on my task, a report
due soon or overdue), read and unread, each linked to the thing, never to a task I may no
longer see; the count in the header costs no query."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tracker.core import obligations, roles
from tracker.due import reminders
from tracker.models import Notification, ReportingRule
from tracker.progress import services as ps
from tracker.work.services import task_assign

pytestmark = pytest.mark.django_db
Kind = Notification.Kind


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def task(unit_a):
    today = timezone.localdate()
    activity = factories.ActivityFactory(
        start_date=today - datetime.timedelta(days=60), due_date=today + datetime.timedelta(days=60)
    )
    return factories.TaskFactory(
        activity=activity, unit=unit_a, area=unit_a.area, deliverable="Lắp cụm loa thôn Nà Pàn", due_date=today
    )


def submitted(task, officer):
    report = ps.progress_save_draft(task=task, period=factories.whole_period(task), actor=officer, percent_complete=40)
    return ps.progress_submit(report=report, actor=officer)


def bell(client) -> str:
    """The header's bell as the page shows it."""
    page = client.get(reverse("tracker:my_tasks")).content.decode()
    start = page.index('class="bell"')
    return page[start : page.index("</a>", start)]


def test_officer_is_told_when_the_dic_returns_then_accepts_their_report(client, task, officer_a, manager):
    report = submitted(task, officer_a)
    client.force_login(manager)
    client.post(reverse("tracker:report_return", args=[report.pk]), {"reason": "Thiếu ảnh nghiệm thu"})
    assert Notification.objects.filter(recipient=manager).count() == 0  # not told of their own act

    client.force_login(officer_a)
    assert 'bell-count">1<' in bell(client)
    page = client.get(reverse("tracker:notification_list"))
    [note] = page.context["notes"]
    assert note.text == (
        f"manager returned your report for {report.period_start:%d/%m/%Y}–{report.period_end:%d/%m/%Y} "
        "on “Lắp cụm loa thôn Nà Pàn”: Thiếu ảnh nghiệm thu"
    )
    assert note.is_unread
    # Opening it marks it read and goes to the form that corrects the report.
    response = client.post(reverse("tracker:notification_open", args=[note.pk]))
    period = f"{report.period_start:%Y-%m-%d}_{report.period_end:%Y-%m-%d}"
    assert response["Location"] == reverse("tracker:report_edit", args=[task.pk]) + f"?period={period}"
    note.refresh_from_db()
    assert note.read_at is not None
    officer_a.refresh_from_db()
    assert officer_a.unread_notifications == 0
    assert "bell-count" not in bell(client)

    report = ps.progress_submit(report=report, actor=officer_a)
    client.force_login(manager)
    client.post(reverse("tracker:report_accept", args=[report.pk]))
    accepted = Notification.objects.get(recipient=officer_a, kind=Kind.ACCEPTED)
    assert (accepted.report, accepted.actor, accepted.read_at) == (report, manager, None)


def test_the_vietnamese_text_is_built_when_it_is_read(client, task, officer_a, manager):
    report = submitted(task, officer_a)
    ps.progress_accept(report=report, actor=manager)
    client.force_login(officer_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    with translation.override("vi"):
        page = client.get(reverse("tracker:notification_list")).content.decode()
    assert "đã chấp nhận báo cáo kỳ" in page


def test_a_comment_tells_those_who_report_on_the_task_and_took_part_in_its_thread(
    client, task, officer_a, officer_b, manager
):
    submitted(task, officer_a)
    colleague = factories.UserFactory(username="officer_a2", unit=task.unit, role=roles.UNIT_OFFICER)
    client.force_login(manager)
    url = reverse("tracker:task_comment", args=[task.pk])
    client.post(url, {"body": "Đề nghị bổ sung ảnh.", "next": reverse("tracker:task_detail", args=[task.pk])})
    assert list(Notification.objects.values_list("recipient__username", "kind")) == [("officer_a", Kind.COMMENT)]

    client.force_login(officer_a)
    client.post(url, {"body": "Đã bổ sung.", "next": reverse("tracker:task_detail", args=[task.pk])})
    # The manager took part in the thread; the officer who wrote is not told of their own comment,
    # the colleague who neither reported nor commented is not told, nor is another unit.
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == ["manager", "officer_a"]
    assert not Notification.objects.filter(recipient__in=[colleague, officer_b]).exists()
    note = Notification.objects.get(recipient=manager)
    client.force_login(manager)
    response = client.post(reverse("tracker:notification_open", args=[note.pk]))
    assert response["Location"] == reverse("tracker:task_detail", args=[task.pk]) + f"#comment-{note.comment_id}"


def test_a_notification_never_links_to_a_task_no_longer_visible(client, task, officer_a, manager, unit_b):
    report = submitted(task, officer_a)
    ps.progress_return(report=report, actor=manager, reason="Sai số liệu")
    task.unit = unit_b  # reassigned to commune B: unit A no longer sees it
    task_assign(task=task, actor=manager)
    client.force_login(officer_a)
    page = client.get(reverse("tracker:notification_list"))
    [note] = page.context["notes"]
    assert note.url is None
    assert reverse("tracker:notification_open", args=[note.pk]) not in page.content.decode()
    assert "Sai số liệu" in page.content.decode()  # the text stays
    response = client.post(reverse("tracker:notification_open", args=[note.pk]))
    assert response["Location"] == reverse("tracker:notification_list")


def test_nobody_opens_another_persons_notification(client, task, officer_a, officer_b, manager):
    ps.progress_return(report=submitted(task, officer_a), actor=manager, reason="Thiếu ảnh")
    note = Notification.objects.get()
    for other in (officer_b, manager):
        client.force_login(other)
        assert client.post(reverse("tracker:notification_open", args=[note.pk])).status_code == 404
        assert client.get(reverse("tracker:notification_list")).context["notes"] == []
    note.refresh_from_db()
    assert note.read_at is None


def test_mark_all_read(client, task, officer_a, manager):
    report = submitted(task, officer_a)
    ps.progress_return(report=report, actor=manager, reason="Thiếu ảnh")
    ps.progress_submit(report=report, actor=officer_a)
    ps.progress_accept(report=report, actor=manager)
    officer_a.refresh_from_db()
    assert officer_a.unread_notifications == 2
    client.force_login(officer_a)
    assert client.post(reverse("tracker:notifications_read_all")).status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    officer_a.refresh_from_db()
    assert officer_a.unread_notifications == 0


def test_the_daily_reminders_tell_officers_once_what_is_due_soon_and_overdue(task, officer_a, unit_a):
    """A monthly rule five months old: one notification for the task's overdue reports
    (counted), one per report due within 7 days; the next run adds nothing; the e-mail
    digest still goes out, and an officer with no e-mail address gets the bell all the same."""
    today = timezone.localdate()
    plan = task.activity.plan
    ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=unit_a,
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=min(28, (today + datetime.timedelta(days=3)).day),
        active_from=plan.period_start,
        active_to=plan.period_end,
    )
    task.due_date = today + datetime.timedelta(days=40)
    task.save()
    # The rule and the due date were written directly: bring the expected reports up to date
    # as the services that write them do.
    obligations.obligations_sync(plan_ids=[plan.pk])
    officer_a.email = ""
    officer_a.save()
    outcome = reminders.send_due_digests(today=today)
    notes = list(Notification.objects.filter(recipient=officer_a))
    kinds = sorted(note.kind for note in notes)
    assert Kind.OVERDUE in kinds
    overdue = next(note for note in notes if note.kind == Kind.OVERDUE)
    assert overdue.count >= 1 and overdue.due_date < today
    assert outcome.notified == len(notes)
    officer_a.refresh_from_db()
    assert officer_a.unread_notifications == len(notes)

    again = reminders.send_due_digests(today=today)
    assert again.notified == 0
    assert Notification.objects.filter(recipient=officer_a).count() == len(notes)


def test_the_bell_costs_no_query(client, task, officer_a, manager):
    ps.progress_return(report=submitted(task, officer_a), actor=manager, reason="Thiếu ảnh")
    client.force_login(officer_a)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("tracker:my_tasks")).content.decode()
    assert 'bell-count">1<' in page
    assert not [query for query in queries if "tracker_notification" in query["sql"]]


def test_the_notifications_page_costs_the_same_for_3_or_30(client, task, officer_a, manager):
    def make(number):
        for _ in range(number):
            Notification.objects.create(
                recipient=officer_a, kind=Kind.RETURNED, actor=manager, task=task, report=report
            )

    report = submitted(task, officer_a)
    ps.progress_return(report=report, actor=manager, reason="Thiếu ảnh")
    client.force_login(officer_a)
    counts = []
    for number in (2, 27):
        make(number)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("tracker:notification_list")).status_code == 200
        counts.append(len(queries))
    # session, user, the count, the page's rows (with task, report, actor, comment and the
    # visibility subquery), the user's roles (for the visibility and the navigation).
    assert counts[0] == counts[1] <= 6, counts
