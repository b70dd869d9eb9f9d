"""What changed for a person, shown under the bell in the header: a report of theirs returned
or accepted, a comment on a task they report on, a report due soon or overdue.

A notification stores what happened (its kind, the task, report or comment, who did it and a few
figures), never a sentence: the text is built when it is shown, in the reader's language
(`tracker.notifications.selectors`). It links only to a task the reader may still see; the
link is checked when the list is read, not trusted from when it was written.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .plans import Task
from .progress import ProgressReport, TaskComment


class Notification(models.Model):
    class Kind(models.TextChoices):
        RETURNED = "returned", _("Report returned")
        ACCEPTED = "accepted", _("Report accepted")
        COMMENT = "comment", _("New comment")
        DUE_SOON = "due_soon", _("Report due soon")
        OVERDUE = "overdue", _("Reports overdue")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What it is about: the link goes to the report, or the task (its comments, its periods).
    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(
        ProgressReport, verbose_name=_("report"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        TaskComment, verbose_name=_("comment"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Figures for the text (a reminder's period and due date, how many reports are overdue).
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period to"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    count = models.PositiveIntegerField(_("count"), default=1)
    # The daily reminders write each one once per recipient: "overdue:<task>:<period end>".
    key = models.CharField(_("key"), max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~Q(key=""),
                name="notification_once_per_key",
                violation_error_message=_("This reminder was already given to this person."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient_id}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
