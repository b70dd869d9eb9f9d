"""Deadlines and reporting rules, per plan: plans differ by province and reporting chain."""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .fields import TITLE_MAX_LENGTH, actor_field, limited_text
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
    title = limited_text(TITLE_MAX_LENGTH, _("what is due"))
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
    # "trước ngày 20 hằng tháng" is read two ways: the month's report by the 20th of that same
    # month (figures to mid-month, as NĐ 09/2019 closes monthly figures on the 14th), or the
    # report of a complete month by the 20th of the next. The rule says which; every page,
    # report and reminder reads it through tracker.core.calendar.
    due_following_month = models.BooleanField(
        _("due in the following month"),
        default=False,
        help_text=_(
            "For monthly reports: the report of a month is due on that day of the next month "
            "(e.g. September's report by 20 October)."
        ),
    )
    active_from = models.DateField(_("from"))
    active_to = models.DateField(_("until"))
    wording = models.CharField(_("as written"), max_length=255, blank=True)
    # Plans often name a few reporters and let "the other units" follow the same calendar; a
    # unit with tasks that no rule names follows the plan's default rule(s).
    is_default = models.BooleanField(
        _("default rule of the plan"),
        default=False,
        help_text=_("Also applies to every unit with tasks in the plan that no other rule names."),
    )
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
            models.CheckConstraint(
                condition=Q(frequency="monthly") | Q(due_following_month=False),
                name="reportingrule_following_month_monthly",
                violation_error_message=_(
                    "Only a monthly report is due in the following month; give the others their month."
                ),
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
        self._check_due_date_exists()

    def _check_due_date_exists(self) -> None:
        """A six-monthly or annual due date must exist in every year of the rule: 31/02 or
        31/04 is refused rather than quietly moved to the month's last day. (A monthly rule's
        day 31 means "by the month's last day" and is kept.)"""
        if self.frequency == self.Frequency.MONTHLY or not self.due_month or not self.due_day:
            return
        if not 1 <= self.due_month <= 12 or not 1 <= self.due_day <= 31:
            return  # the field validators say so
        first = self.active_from.year if self.active_from else 2001
        last = self.active_to.year if self.active_to and self.active_to.year >= first else first
        for year in range(first, last + 1):
            if self.due_day > calendar.monthrange(year, self.due_month)[1]:
                raise ValidationError(
                    {
                        "due_day": _(
                            "%(day)02d/%(month)02d is not a date in %(year)d: month %(month)d has %(days)d days."
                        )
                        % {
                            "day": self.due_day,
                            "month": self.due_month,
                            "year": year,
                            "days": calendar.monthrange(year, self.due_month)[1],
                        }
                    }
                )

    def reporting_unit_ids(self) -> list[int]:
        """Who owes a report under the rule: the reporter, or each member of a collective
        (reads `reporter.members`; prefetch it for lists)."""
        if self.reporter.is_group:
            members = [member.pk for member in self.reporter.members.all()]
            return members or [self.reporter_id]
        return [self.reporter_id]


class ReportDispatch(models.Model):
    """A periodic report a unit sent under a reporting rule ("Báo cáo số …/BC-… ngày …").

    It fulfils the obligations that no task's progress report carries: the lead unit's own
    report to the province, or a report owed by a member of a collective with no task of its own.
    """

    rule = models.ForeignKey(
        ReportingRule, verbose_name=_("reporting rule"), on_delete=models.PROTECT, related_name="dispatches"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="report_dispatches")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    sent_on = models.DateField(_("sent on"))
    number_symbol = models.CharField(
        _("number and symbol"), max_length=60, blank=True, help_text=_("E.g. 45/BC-SKHCN; blank if it has none.")
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    recorded_by = actor_field(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("periodic report sent")
        verbose_name_plural = _("periodic reports sent")
        ordering = ["-period_end", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "unit", "period_start", "period_end"],
                name="reportdispatch_one_per_period",
                violation_error_message=_("This unit's report for this period is already recorded."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="reportdispatch_period_ordered",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule} – {self.unit} – {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"

    def clean(self):
        super().clean()
        if self.sent_on and self.sent_on > datetime.date.today() + datetime.timedelta(days=1):
            raise ValidationError({"sent_on": _("The date sent cannot be in the future.")})
