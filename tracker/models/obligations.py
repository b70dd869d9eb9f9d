"""Expected reports kept as rows: what each unit owes for each reporting period.

An obligation is derived data, never typed in: `tracker.due.obligations` writes it from the
plans' reporting rules, tasks and activities whenever a service changes them, and records on
it the state of the reports that fulfil it (progress reports on a task, or the report a unit
sent under a rule). Pages read and count these rows in SQL instead of rebuilding every
(task, period) pair in Python on each request. No history: it is recomputed, not edited.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .calendar import ReportDispatch, ReportingRule
from .organisation import Unit
from .plans import Plan, Task
from .progress import ProgressReport


class Obligation(models.Model):
    class State(models.TextChoices):
        # The most advanced report of the period; a superseded report counts as accepted.
        ACCEPTED = "accepted", _("Accepted")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for correction")
        DRAFT = "draft", _("Draft")
        MISSING = "missing", _("Missing")

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+")
    # Who owes it: the task's unit, or the unit reporting under the rule.
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    # A task's report (progress report), or — no task — a report sent under the rule.
    task = models.ForeignKey(
        Task, verbose_name=_("task"), null=True, blank=True, on_delete=models.CASCADE, related_name="obligations"
    )
    # The rule whose period it is; none for a task no rule covers (one period, its whole span).
    rule = models.ForeignKey(
        ReportingRule,
        verbose_name=_("reporting rule"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due = models.DateField(_("due date"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.MISSING)
    # The local date the period was first sent in (submitted, or the dispatch's date sent).
    submitted_on = models.DateField(_("first sent on"), null=True, blank=True)
    report = models.ForeignKey(
        ProgressReport, verbose_name=_("report"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dispatch = models.ForeignKey(
        ReportDispatch,
        verbose_name=_("report sent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("expected report")
        verbose_name_plural = _("expected reports")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "rule", "period_start", "period_end"],
                condition=Q(task__isnull=False),
                name="obligation_one_per_task_period",
            ),
            models.UniqueConstraint(
                fields=["rule", "unit", "period_start", "period_end"],
                condition=Q(task__isnull=True),
                name="obligation_one_per_rule_unit_period",
            ),
        ]
        indexes = [
            # A unit's items by date (the due page's sections, the digests).
            models.Index(fields=["unit", "due"], name="obligation_unit_due"),
            # What is overdue or due soon, by date (counts, the dashboard's list, reminders).
            models.Index(fields=["due", "state"], name="obligation_due_state"),
            # A plan's columns (the scoreboard) and a plan's rebuild.
            models.Index(fields=["plan", "rule", "period_start"], name="obligation_plan_rule"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"
