"""Writes of the notifications: the progress services tell the people concerned when a report
of theirs is returned or accepted or their task gets a comment, the daily reminders job when a
report is due soon or overdue; the reader marks them read.

A notification goes only to someone who may see its task when it is written (and the list
checks again when it is read). Each write recounts its recipients' unread notifications on
their user row (`User.unread_notifications`), which the header's bell shows with no query.
Notifications are plumbing, not tracked history: the report, comment or reminder they point
to carries the history.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from tracker.core import permissions
from tracker.models import Notification, ProgressReport, Task, TaskComment, User

Kind = Notification.Kind


def _recount(user_ids: Iterable[int]) -> None:
    """Set each user's unread count from their rows (one UPDATE, whatever the number)."""
    user_ids = set(user_ids)
    if not user_ids:
        return
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    User.objects.filter(pk__in=user_ids).update(unread_notifications=Coalesce(Subquery(unread), 0))


def _who_may_see(task: Task, people: Iterable[User | None], *, actor: User | None) -> list[User]:
    """The active people (not the actor, each once) who may see the task."""
    seen, result = set(), []
    for person in people:
        if person is None or person.pk in seen or (actor is not None and person.pk == actor.pk):
            continue
        seen.add(person.pk)
        if person.is_active and permissions.tasks_visible_to(person).filter(pk=task.pk).exists():
            result.append(person)
    return result


def _write(recipients: list[User], *, at: datetime.datetime | None = None, **fields) -> list[Notification]:
    notes = [Notification.objects.create(recipient=person, **fields) for person in recipients]
    if at is not None and notes:
        # Told when it happened (a review recorded afterwards): `created_at` is set on insert
        # to now, so it is moved back in one UPDATE (notifications keep no history).
        Notification.objects.filter(pk__in=[note.pk for note in notes]).update(created_at=at)
        for note in notes:
            note.created_at = at
    _recount(person.pk for person in recipients)
    return notes


@transaction.atomic
def notify_report_reviewed(
    *, report: ProgressReport, actor: User, at: datetime.datetime | None = None
) -> list[Notification]:
    """Tell the report's writer and submitter that it was returned or accepted (`at`: when,
    if the review is recorded afterwards)."""
    kind = {ProgressReport.Status.RETURNED: Kind.RETURNED, ProgressReport.Status.ACCEPTED: Kind.ACCEPTED}[report.status]
    task = Task.objects.get(pk=report.task_id)
    people = User.objects.filter(pk__in=[report.created_by_id, report.submitted_by_id]).order_by("pk")
    return _write(_who_may_see(task, people, actor=actor), kind=kind, actor=actor, task=task, report=report, at=at)


@transaction.atomic
def notify_comment(*, comment: TaskComment) -> list[Notification]:
    """Tell those who wrote or sent the task's reports, and those who took part in its thread,
    that someone commented (not the author; only those who may see the task)."""
    task = comment.task
    report_people = ProgressReport.objects.filter(task=task).values_list("created_by_id", "submitted_by_id")
    ids = {pk for pair in report_people for pk in pair if pk}
    ids |= set(TaskComment.objects.filter(task=task).values_list("author_id", flat=True))
    people = User.objects.filter(pk__in=ids).order_by("pk")
    return _write(
        _who_may_see(task, people, actor=comment.author),
        kind=Kind.COMMENT,
        actor=comment.author,
        task=task,
        comment=comment,
    )


def notify_due(items: Iterable[tuple[User, str, Task, datetime.date, datetime.date, datetime.date, int]]) -> int:
    """Write the daily reminders: (recipient, kind, task, period start, period end, due, count)
    each once per recipient (a key per task and period: a second run, or the next day's, adds
    nothing). Returns how many were new. Three queries for the whole run: the keys already
    given, one INSERT and one UPDATE of the unread counts (none of the last two when nothing
    is new)."""
    rows = [
        Notification(
            recipient=person,
            kind=kind,
            task=task,
            period_start=start,
            period_end=end,
            due_date=due,
            count=count,
            key=f"{kind}:{task.pk}:{end:%Y-%m-%d}",
        )
        for person, kind, task, start, end, due, count in items
    ]
    if not rows:
        return 0
    given = set(Notification.objects.filter(key__in={row.key for row in rows}).values_list("recipient_id", "key"))
    new = []
    for row in rows:
        if (row.recipient.pk, row.key) not in given:
            given.add((row.recipient.pk, row.key))  # twice in one run (a collective's): once
            new.append(row)
    # One INSERT; a run at the same moment (a retried beat) may have written some: theirs stay.
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    _recount(row.recipient.pk for row in new)
    return len(new)


@transaction.atomic
def notification_open(*, notification: Notification, actor: User) -> Notification:
    """Mark one of the actor's notifications read (opening it)."""
    if notification.recipient_id != actor.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        _recount([actor.pk])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor: User) -> int:
    count = Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
    _recount([actor.pk])
    return count
