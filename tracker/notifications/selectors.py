"""Reads for the notifications page: the reader's notifications, newest first, each with its
text in the reader's language and its link, the link only to a task the reader may still see
(checked in the same query, as a subquery)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tracker.core import permissions
from tracker.core.permissions import AnyUser
from tracker.models import Notification

Kind = Notification.Kind


def notifications_for_page(user: AnyUser) -> QuerySet[Notification]:
    """The user's notifications with what their texts need, and `task_visible` (one query, or
    a count and a page's rows when paginated)."""
    visible = permissions.tasks_visible_to(user).filter(pk=OuterRef("task_id"))
    return (
        Notification.objects.filter(recipient=user)
        .select_related("task", "report", "actor", "comment")
        .annotate(task_visible=Exists(visible))
        .order_by("-created_at", "-pk")
    )


def _period(start, end) -> str:
    return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}" if start and end else ""


def describe(note: Notification) -> Notification:
    """Set `text` (in the active language) and `url` (None when the task is no longer
    visible to the reader: the text stays, the link goes)."""
    task = truncatechars(note.task.deliverable, 90)
    actor = str(note.actor) if note.actor else _("Someone")
    task_url = reverse("tracker:task_detail", args=[note.task_id])
    url = task_url
    if note.kind in (Kind.RETURNED, Kind.ACCEPTED) and note.report is not None:
        period = _period(note.report.period_start, note.report.period_end)
        url = reverse("tracker:report_detail", args=[note.report_id])
        if note.kind == Kind.RETURNED:
            # Straight to the form that corrects it (which shows the report once sent again).
            url = reverse("tracker:report_edit", args=[note.task_id]) + (
                f"?period={note.report.period_start:%Y-%m-%d}_{note.report.period_end:%Y-%m-%d}"
            )
            text = _("%(actor)s returned your report for %(period)s on “%(task)s”: %(reason)s") % {
                "actor": actor,
                "period": period,
                "task": task,
                "reason": truncatechars(note.report.return_reason, 140),
            }
        else:
            text = _("%(actor)s accepted your report for %(period)s on “%(task)s”.") % {
                "actor": actor,
                "period": period,
                "task": task,
            }
    elif note.kind == Kind.COMMENT:
        body = truncatechars(note.comment.body, 140) if note.comment else ""
        text = _("%(actor)s commented on “%(task)s”: %(comment)s") % {"actor": actor, "task": task, "comment": body}
        url = task_url + (f"#comment-{note.comment_id}" if note.comment_id else f"#comments-{note.task_id}")
    elif note.kind == Kind.DUE_SOON:
        text = _("The report for %(period)s on “%(task)s” is due on %(due)s.") % {
            "period": _period(note.period_start, note.period_end),
            "task": task,
            "due": f"{note.due_date:%d/%m/%Y}" if note.due_date else "",
        }
        url = task_url + "#periods"
    else:  # overdue
        text = ngettext(
            "%(count)d report on “%(task)s” is overdue (due on %(due)s).",
            "%(count)d reports on “%(task)s” are overdue (the latest due on %(due)s).",
            note.count,
        ) % {"count": note.count, "task": task, "due": f"{note.due_date:%d/%m/%Y}" if note.due_date else ""}
        url = task_url + "#periods"
    note.text = text
    note.url = url if getattr(note, "task_visible", False) else None
    return note
