"""Deadlines and reporting rules, per plan: plans differ by province and reporting chain."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .organisation import Unit
from .plans import Activity, Plan


class Deadline(models.Model):
    """A one-off deadline: a date, a window, or "as soon as the plan is issued"."""

    class Kind(models.TextChoices):
        DATE = "date", _("By a date")
        WINDOW = "window", _("During a window")
        ON_ISSUE = "on_issue", _("As soon as the plan is issued")

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="deadlines")
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deadlines",
    )
    responsible_unit = models.ForeignKey(
        Unit, verbose_name=_("responsible unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.TextField(_("what is due"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DATE)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    window_start = models.DateField(_("window from"), null=True, blank=True)
    window_end = models.DateField(_("window to"), null=True, blank=True)
    wording = models.CharField(_("as written"), max_length=255, blank=True, help_text=_("E.g. 'trước ngày 31/7/2023'."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_date", "window_start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="date") | Q(due_date__isnull=False),
                name="deadline_date_has_due_date",
                violation_error_message=_("A deadline by a date needs the date."),
            ),
            models.CheckConstraint(
                condition=~Q(kind="window") | (Q(window_start__isnull=False) & Q(window_end__gte=F("window_start"))),
                name="deadline_window_ordered",
                violation_error_message=_("A window needs a start and an end that is not before it."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.kind == self.Kind.DATE and not self.due_date:
            raise ValidationError({"due_date": _("A deadline by a date needs the date.")})
        if self.kind == self.Kind.WINDOW:
            if not self.window_start or not self.window_end:
                raise ValidationError(_("A window needs a start and an end."))
            if self.window_end < self.window_start:
                raise ValidationError({"window_end": _("The window cannot end before it starts.")})
        if self.activity_id and self.plan_id and self.activity.plan_id != self.plan_id:
            raise ValidationError({"activity": _("Choose an activity of the same plan.")})

    @property
    def effective_due_date(self):
        """The date by which it must be done, if one can be known yet."""
        if self.kind == self.Kind.DATE:
            return self.due_date
        if self.kind == self.Kind.WINDOW:
            return self.window_end
        return self.plan.issued_on if self.plan.issued_on_precision == Plan.DatePrecision.DAY else None


class ReportingRule(models.Model):
    """A recurring report: monthly by day N, the first half-year by a date, the year by a date."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        HALF_YEAR = "half_year", _("Six-monthly (first half of the year)")
        ANNUAL = "annual", _("Annual")

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="reporting_rules")
    title = models.CharField(_("report"), max_length=255)
    reporter = models.ForeignKey(
        Unit, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="reporting_rules"
    )
    recipient = models.ForeignKey(
        Unit, verbose_name=_("reported to"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    due_day = models.PositiveSmallIntegerField(
        _("due by day"), validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    due_month = models.PositiveSmallIntegerField(
        _("due in month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("For six-monthly and annual reports."),
    )
    active_from = models.DateField(_("from"))
    active_to = models.DateField(_("until"))
    wording = models.CharField(_("as written"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting rule")
        verbose_name_plural = _("reporting rules")
        ordering = ["plan", "frequency", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__gte=F("active_from")),
                name="reportingrule_active_ordered",
                violation_error_message=_("The rule cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(frequency="monthly") | Q(due_month__isnull=False),
                name="reportingrule_month_given",
                violation_error_message=_("Six-monthly and annual reports need the month they are due in."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.frequency != self.Frequency.MONTHLY and not self.due_month:
            raise ValidationError({"due_month": _("Six-monthly and annual reports need the month they are due in.")})
        if self.active_from and self.active_to and self.active_to < self.active_from:
            raise ValidationError({"active_to": _("The rule cannot end before it starts.")})
