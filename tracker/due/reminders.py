"""Reminder e-mails: the morning digest of what is due, and escalations to DIC managers.

Both jobs read everything once (a fixed number of queries, however many users), then build
one e-mail per recipient in Vietnamese with a text and an HTML part and absolute links to
`SITE_URL`. The Celery tasks in `tracker.due.tasks` and the `send_reminders` command call these
same functions, so reminders work with no broker at all.

Beat runs each job once a day. Each recipient's last digest and last escalation are recorded
when sent (`User.last_digest_on`, `User.last_escalation_on`), so a second run the same day — a
retry after a failure, a manual `send_reminders` — sends only what did not go out.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tracker.core import calendar, roles
from tracker.due import selectors as selectors_due
from tracker.models import Notification, Unit, User
from tracker.notifications.services import notify_due

logger = logging.getLogger(__name__)

EMAIL_LANGUAGE = "vi"  # users do not choose a language yet: every e-mail is in Vietnamese
PROGRESS_EVERY = 50

Progress = Callable[[int, int], None]


@dataclass
class Outcome:
    """What a run did: recipients considered, e-mails sent (or that would be), failures."""

    users: int = 0
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    recipients: list[str] = field(default_factory=list)
    sent_user_ids: list[int] = field(default_factory=list)
    notified: int = 0  # in-app notifications written (due soon, overdue), e-mail or not


@dataclass
class Snapshot:
    """Everything due, read once for a run."""

    today: datetime.date
    sections: dict[int, selectors_due.UnitDue]  # by unit
    collectives_of: dict[int, list[int]]  # unit → collectives it belongs to


def snapshot(today: datetime.date) -> Snapshot:
    """Six queries: the expected reports due, the open tasks, deadlines, collective
    memberships (and the recipients, apart).

    Read in the e-mails' language: period labels ("Tháng 3/2026") are made here.
    """
    with translation.override(EMAIL_LANGUAGE):
        return _snapshot(today)


def _snapshot(today: datetime.date) -> Snapshot:
    # Every unit's: the reports on tasks and those units send under the rules.
    rows = selectors_due.obligations_for_due(None)
    deadlines = selectors_due.deadlines_for_due(None, start=today, end=calendar.due_soon_end(today))
    sections = selectors_due.due_sections(rows, selectors_due.all_tasks_for_due(), deadlines, today=today)
    collectives_of: dict[int, list[int]] = defaultdict(list)
    for member_id, group_id in Unit.members.through.objects.values_list("to_unit_id", "from_unit_id"):
        collectives_of[member_id].append(group_id)
    return Snapshot(today, {section.unit.pk: section for section in sections}, collectives_of)


def _recipients(**filters) -> list[User]:
    """Active users with an e-mail address, with their roles and unit (two queries)."""
    users = list(
        User.objects.filter(is_active=True, **filters)
        .exclude(email="")
        .select_related("unit")
        .prefetch_related(Prefetch("groups"))
        .order_by("pk")
    )
    for user in users:
        # Fill the role cache `permissions.role_names` reads, from the prefetched groups.
        user._role_names = frozenset(group.name for group in user.groups.all())
    return users


def _is_manager(user: User) -> bool:
    return user.is_superuser or roles.DIC_MANAGER in user._role_names


def _is_officer(user: User) -> bool:
    return roles.UNIT_OFFICER in user._role_names and user.unit_id is not None


def _only_urgent(section: selectors_due.UnitDue) -> selectors_due.UnitDue:
    """A unit's items for a digest: overdue, returned, due within 7 days (not the 30-day ones)."""
    return selectors_due.UnitDue(
        unit=section.unit,
        overdue_reports=section.overdue_reports,
        overdue_tasks=section.overdue_tasks,
        returned=section.returned,
        reports_7=section.reports_7,
        tasks_7=section.tasks_7,
        deadlines=section.deadlines,
    )


def _message(user: User, template: str, subject: str, context: dict) -> EmailMultiAlternatives:
    context = {**context, "user": user, "site_url": settings.SITE_URL}
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.attach_alternative(html, "text/html")
    return message


def digest_for(user: User, snap: Snapshot) -> EmailMultiAlternatives | None:
    """The user's digest, or None when there is nothing to tell them."""
    with translation.override(EMAIL_LANGUAGE):
        if _is_manager(user):
            sections = [section for section in snap.sections.values() if section.has_urgent]
            if not sections:
                return None
            context = {
                "today": snap.today,
                "manager": True,
                "summary": [_only_urgent(section) for section in sections],
                "totals": {
                    "overdue": sum(section.overdue_count for section in sections),
                    "returned": sum(len(section.returned) for section in sections),
                    "due_7": sum(len(section.reports_7) + len(section.tasks_7) for section in sections),
                },
            }
            subject = _("Province-wide: what is due, %(day)s") % {"day": f"{snap.today:%d/%m/%Y}"}
            return _message(user, "due_digest", subject, context)
        if _is_officer(user):
            units = [user.unit_id, *snap.collectives_of.get(user.unit_id, [])]
            sections = [_only_urgent(snap.sections[pk]) for pk in units if pk in snap.sections]
            sections = [section for section in sections if section.has_urgent or section.deadlines]
            if not any(section.has_urgent for section in sections):
                return None
            context = {"today": snap.today, "manager": False, "sections": sections}
            subject = _("What is due for %(unit)s, %(day)s") % {
                "unit": user.unit.name,
                "day": f"{snap.today:%d/%m/%Y}",
            }
            return _message(user, "due_digest", subject, context)
    return None


def _run(
    users: list[User],
    build: Callable[[User], EmailMultiAlternatives | None],
    *,
    dry_run: bool,
    progress: Progress | None,
) -> Outcome:
    outcome = Outcome(users=len(users))
    connection = None if dry_run else mail.get_connection()
    for number, user in enumerate(users, start=1):
        message = build(user)
        if message is None:
            outcome.skipped += 1
        elif dry_run:
            outcome.sent += 1
            outcome.recipients.append(user.email)
        else:
            try:
                message.connection = connection  # one connection for the whole run
                message.send()
            except Exception:  # one bad address must not stop everyone else's reminder
                logger.exception("Could not send a reminder to user %s", user.pk)
                outcome.failed += 1
            else:
                outcome.sent += 1
                outcome.recipients.append(user.email)
                outcome.sent_user_ids.append(user.pk)
        if progress and (number % PROGRESS_EVERY == 0 or number == len(users)):
            progress(number, len(users))
    return outcome


def due_notifications(snap: Snapshot) -> list[tuple]:
    """The in-app reminders of the day for every active unit officer, with or without an
    e-mail address: each task's reports due within 7 days, one by one, and its overdue
    reports as one notification (counted, named by the latest period). Reports a unit sends
    with no task carrying them stay in the digest and on the due page. Two queries."""
    officers = (
        User.objects.filter(is_active=True, groups__name=roles.UNIT_OFFICER, unit__isnull=False)
        .distinct()
        .order_by("pk")
    )
    items = []
    for user in officers:
        for unit_id in [user.unit_id, *snap.collectives_of.get(user.unit_id, [])]:
            section = snap.sections.get(unit_id)
            if section is None:
                continue
            overdue: dict[int, list[selectors_due.ExpectedReport]] = defaultdict(list)
            for item in section.overdue_reports:
                if item.task is not None:
                    overdue[item.task.pk].append(item)
            for group in overdue.values():
                latest = max(group, key=lambda item: (item.period.end, item.period.start))
                period = latest.period
                items.append(
                    (user, Notification.Kind.OVERDUE, latest.task, period.start, period.end, period.due, len(group))
                )
            for item in section.reports_7:
                if item.task is not None:
                    period = item.period
                    items.append((user, Notification.Kind.DUE_SOON, item.task, period.start, period.end, period.due, 1))
    return items


def send_due_digests(*, today: datetime.date, dry_run: bool = False, progress: Progress | None = None) -> Outcome:
    """One digest per active user who wants it, has an e-mail address and has something
    overdue, returned or due in the next 7 days: officers their units' items, DIC managers
    the province-wide summary. Before the e-mails, every unit officer's in-app reminders
    (the bell), each written once."""
    snap = snapshot(today)
    notified = 0 if dry_run else notify_due(due_notifications(snap))
    recipients = [user for user in _recipients(wants_digest=True) if user.last_digest_on != today]
    outcome = _run(recipients, lambda user: digest_for(user, snap), dry_run=dry_run, progress=progress)
    outcome.notified = notified
    if outcome.sent_user_ids:
        # Not history-tracked plumbing; one query for the whole run.
        User.objects.filter(pk__in=outcome.sent_user_ids).update(last_digest_on=today)
    return outcome


def escalation_items(snap: Snapshot, after_days: int) -> list[selectors_due.UnitDue]:
    """Per unit, the reports and tasks overdue by more than `after_days` days."""
    limit = snap.today - datetime.timedelta(days=after_days)
    result = []
    for section in snap.sections.values():
        reports = [item for item in section.overdue_reports if item.due < limit]
        tasks = [task for task in section.overdue_tasks if task.due_date < limit]
        if reports or tasks:
            result.append(selectors_due.UnitDue(section.unit, overdue_reports=reports, overdue_tasks=tasks))
    return result


def send_escalations(
    *,
    today: datetime.date,
    after_days: int | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Outcome:
    """Tell every active DIC manager with an e-mail address what has been overdue for more
    than ESCALATION_AFTER_DAYS days. Escalations are not a digest: `wants_digest` does not
    silence them."""
    after_days = settings.ESCALATION_AFTER_DAYS if after_days is None else after_days
    snap = snapshot(today)
    sections = escalation_items(snap, after_days)
    managers = [user for user in _recipients() if _is_manager(user) and user.last_escalation_on != today]

    def build(user: User) -> EmailMultiAlternatives | None:
        if not sections:
            return None
        with translation.override(EMAIL_LANGUAGE):
            subject = _("Overdue by more than %(days)d days: %(count)d items") % {
                "days": after_days,
                "count": sum(section.overdue_count for section in sections),
            }
            return _message(user, "escalation", subject, {"today": today, "days": after_days, "sections": sections})

    outcome = _run(managers, build, dry_run=dry_run, progress=progress)
    if outcome.sent_user_ids:
        User.objects.filter(pk__in=outcome.sent_user_ids).update(last_escalation_on=today)
    return outcome
