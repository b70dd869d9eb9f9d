"""Plans (Kế hoạch), their contents as activities, the tasks units carry out, and targets."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .fields import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH, TITLE_MAX_LENGTH, limited_text, sample_flag
from .organisation import Area, Unit
from .programme import LegalDocument, ProgrammeComponent


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("status", "Draft")
        ISSUED = "issued", _("Issued")
        CLOSED = "closed", _("Closed")

    class DatePrecision(models.TextChoices):
        # Plans are sometimes known only as "ngày … tháng 3 năm 2023".
        DAY = "day", _("Day")
        MONTH = "month", _("Month only")
        YEAR = "year", _("Year only")

    issuer = models.ForeignKey(Unit, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="plans")
    number_symbol = models.CharField(
        _("number and symbol"), max_length=60, blank=True, help_text=_("E.g. 146/KH-UBND; blank for a draft.")
    )
    place = models.CharField(_("place"), max_length=100, blank=True, help_text=_("As in the header, e.g. Lạng Sơn."))
    issued_on = models.DateField(_("date"), null=True, blank=True)
    issued_on_precision = models.CharField(
        _("date known to the"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    title = limited_text(TITLE_MAX_LENGTH, pgettext_lazy("document title", "title"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    programme_component = models.ForeignKey(
        ProgrammeComponent,
        verbose_name=_("programme component"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area covered"), null=True, blank=True, on_delete=models.PROTECT, related_name="plans"
    )
    legal_bases = models.ManyToManyField(
        LegalDocument, verbose_name=_("legal bases"), through="PlanLegalBasis", blank=True, related_name="plans"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    purpose = limited_text(LONG_TEXT_MAX_LENGTH, _("purpose and requirements"), blank=True)
    funding = limited_text(LONG_TEXT_MAX_LENGTH, _("funding"), blank=True)
    signing_authority = models.CharField(
        _("signing authority"), max_length=120, blank=True, help_text=_("E.g. TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH.")
    )
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    recipients = limited_text(NOTE_MAX_LENGTH, _("recipients"), blank=True, help_text=_("One recipient per line."))
    is_sample = sample_flag()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-period_start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="plan_period_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["issuer", "number_symbol", "issued_on"],
                condition=~Q(number_symbol=""),
                name="plan_number_unique_per_issuer",
                violation_error_message=_("This issuer already has a plan with this number and date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_symbol} – {self.title}" if self.number_symbol else self.title

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})
        if self.status == self.Status.ISSUED and not self.issued_on:
            raise ValidationError({"issued_on": _("An issued plan needs its date (at least the year).")})

    @property
    def signature_lines(self) -> list[str]:
        return [line.strip() for line in self.signing_authority.split("/") if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class PlanLegalBasis(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="legal_basis_links")
    document = models.ForeignKey(
        LegalDocument, verbose_name=pgettext_lazy("legal document", "document"), on_delete=models.PROTECT
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # The words the plan cites the document with: most say "Căn cứ", some "Thực hiện" or "Theo".
    lead_in = models.CharField(
        _("cited with"), max_length=60, blank=True, default="", help_text=_("E.g. Căn cứ, Thực hiện; blank: Căn cứ.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "document"],
                name="planlegalbasis_unique",
                violation_error_message=_("This document is already a legal basis of the plan."),
            )
        ]

    def __str__(self) -> str:
        return str(self.document)

    @property
    def lead_in_words(self) -> str:
        return self.lead_in.strip() or "Căn cứ"


class PlanDuty(models.Model):
    """A paragraph of section IV "Tổ chức thực hiện": what one unit (or group) must do."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="duties")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="duties")
    heading = models.CharField(_("heading as written"), max_length=300, blank=True)
    text = limited_text(LONG_TEXT_MAX_LENGTH, _("duties"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("duty")
        verbose_name_plural = _("duties")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.heading or str(self.unit)


class ActivityType(models.Model):
    """A kind of content of the sub-project (DOMAIN.md's table), kept as data."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    output_measure = models.CharField(_("output measured in"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("content type")
        verbose_name_plural = _("content types")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (Progress.NOT_STARTED, Progress.IN_PROGRESS)


class ActivityQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date):
        """Open and past the due date, in a plan still followed (not closed: a closed plan's
        work shows how it ended; `tracker.core.calendar.plan_followed`)."""
        return self.filter(due_date__lt=today, status__in=OPEN_STATUSES).exclude(plan__status=Plan.Status.CLOSED)


class Activity(models.Model):
    """One content of a plan (e.g. "2.3 Tăng cường cơ sở vật chất cho đài truyền thanh xã")."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="activities")
    section_code = models.CharField(_("section"), max_length=20, help_text=_("As numbered in the plan, e.g. 2.3."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    activity_type = models.ForeignKey(
        ActivityType, verbose_name=_("content type"), on_delete=models.PROTECT, related_name="activities"
    )
    title = limited_text(TITLE_MAX_LENGTH, pgettext_lazy("document title", "title"))
    description = limited_text(LONG_TEXT_MAX_LENGTH, _("description"), blank=True)
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="led_activities"
    )
    cooperating_units = models.ManyToManyField(
        Unit,
        verbose_name=_("cooperating units"),
        through="Cooperation",
        blank=True,
        related_name="cooperating_activities",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="activities"
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("deadline"), null=True, blank=True)
    schedule_note = models.CharField(
        _("timing as written"), max_length=255, blank=True, help_text=_("E.g. 'Năm 2023 – 2025'.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED)
    history = HistoricalRecords()

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        # Granted per object by the services that assign work (never by hand).
        permissions = [("oversee_activity", _("Can see and comment on every task of the activity"))]
        ordering = ["plan", "order", "section_code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=True) | Q(start_date__isnull=True) | Q(due_date__gte=F("start_date")),
                name="activity_deadline_after_start",
                violation_error_message=_("The deadline cannot be before the start."),
            ),
            models.UniqueConstraint(
                fields=["plan", "section_code"],
                name="activity_section_unique_in_plan",
                violation_error_message=_("This plan already has a content with this section number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.section_code}. {self.title}"

    def clean(self):
        super().clean()
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValidationError({"due_date": _("The deadline cannot be before the start.")})

    def is_overdue(self, today: datetime.date) -> bool:
        return bool(self.due_date and self.due_date < today and self.status in OPEN_STATUSES)


class Cooperation(models.Model):
    """A cooperating unit (phối hợp) of an activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="cooperations")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="cooperations")
    note = models.CharField(_("role"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cooperating unit")
        verbose_name_plural = _("cooperating units")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "unit"],
                name="cooperation_unique",
                violation_error_message=_("This unit already cooperates on the activity."),
            )
        ]

    def __str__(self) -> str:
        return str(self.unit)

    def clean(self):
        super().clean()
        if self.activity_id and self.unit_id and self.activity.lead_unit_id == self.unit_id:
            raise ValidationError({"unit": _("A unit cannot both lead and cooperate on the same activity.")})


class Indicator(models.Model):
    """A measured quantity targets are set on, e.g. poor households lacking telecom access."""

    class Role(models.TextChoices):
        TARGET = "target", _("Target")
        BASELINE = "baseline", _("Baseline figure")

    # Optional: the DIC enters indicators as a plan words them; a code is for the API and imports.
    code = models.SlugField(_("code"), max_length=60, blank=True)
    name = models.CharField(_("name"), max_length=300)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=50)
    description = models.TextField(
        _("what it counts"), blank=True, help_text=_("E.g. poor households that have no telephone or internet.")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.TARGET)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # An indicator no longer used for new targets; old targets keep pointing at it.
    valid_to = models.DateField(_("no longer used from"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=~Q(code=""),
                name="indicator_code_unique",
                violation_error_message=_("Another indicator already has this code."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RegisterMeasure(models.TextChoices):
    """What a register counts for an output counted from records (see `tracker.registers`)."""

    RADIO_STATIONS_ESTABLISHED = "radio.stations_established", _("Commune radio stations newly established")
    RADIO_WORKS = "radio.works", _("Commune radio works accepted")
    RADIO_IP_CLUSTERS = "radio.ip_clusters", _("IP loudspeaker clusters added")
    TRAINING_COURSES = "training.courses", _("Training courses held")
    TRAINING_TRAINEES = "training.trainees", _("Trainees (attendances)")
    TRAINING_MATERIALS = "training.materials", _("Training materials produced")
    MEDIA_PRODUCTS = "media.products", _("Media products produced")
    INFO_POINTS = "info_points.points", _("Public information points supported")
    PUBLICATION_TITLES = "publications.titles", _("Publication titles")
    PUBLICATION_COPIES = "publications.copies", _("Publication copies")
    SMARTPHONES = "smartphones.phones", _("Smartphones handed over")


class OutputIndicator(models.Model):
    """What an activity must produce: a quantity in a unit of measure.

    Its achieved quantity is counted either from the quantities units enter in their progress
    reports, or from records of products that count by themselves (an article published on
    the campaign site, later a register of media products) — never from both, so that nothing
    is counted twice: a report cannot carry a quantity for an output counted from records,
    and a record cannot be written against an output counted from reports.
    """

    class CountedFrom(models.TextChoices):
        REPORTS = "reports", _("Progress reports")
        RECORDS = "records", _("Records of published products")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="output_indicators")
    name = models.CharField(_("output"), max_length=300)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=50)
    planned_quantity = models.BigIntegerField(
        _("planned quantity"), null=True, blank=True, help_text=_("Leave blank where the plan gives no figure.")
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("counts towards indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="outputs",
    )
    counted_from = models.CharField(
        _("counted from"),
        max_length=10,
        choices=CountedFrom.choices,
        default=CountedFrom.REPORTS,
        help_text=_(
            "Progress reports: units enter the quantity in their reports. Records: counted automatically "
            "from published products (e.g. articles on the campaign site); units do not enter it."
        ),
    )
    register_measure = models.CharField(
        _("counted from the register"),
        max_length=30,
        choices=RegisterMeasure.choices,
        blank=True,
        help_text=_(
            "For an output counted from records: which accepted register entries of the activity count "
            "towards it, and how. Leave blank for products linked one by one (articles on the campaign site)."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("output indicator")
        verbose_name_plural = _("output indicators")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_quantity__isnull=True) | Q(planned_quantity__gte=0),
                name="outputindicator_quantity_not_negative",
                violation_error_message=_("A quantity cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(register_measure="") | Q(counted_from="records"),
                name="outputindicator_register_measure_needs_records",
                violation_error_message=_("Only an output counted from records can be counted from a register."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_counted_from_records(self) -> bool:
        return self.counted_from == self.CountedFrom.RECORDS


class Task(models.Model):
    """A share of an activity assigned to one unit (and optionally one area)."""

    activity = models.ForeignKey(Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="tasks")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="tasks")
    area = models.ForeignKey(
        Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="tasks"
    )
    deliverable = limited_text(TITLE_MAX_LENGTH, _("deliverable"))
    output_indicator = models.ForeignKey(
        OutputIndicator,
        verbose_name=_("output indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    target_quantity = models.BigIntegerField(_("target quantity"), null=True, blank=True)
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        permissions = [
            ("report_task", _("Can report progress on the task")),
            ("comment_task", _("Can comment on the task")),
        ]
        ordering = ["due_date", "id"]
        indexes = [
            # The default order, which the API's task list pages by: a page of 50 read from the
            # index, not every task of the country joined and sorted (150 ms at national scale).
            models.Index(fields=["due_date", "id"], name="task_due_date_id"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_quantity__isnull=True) | Q(target_quantity__gte=0),
                name="task_quantity_not_negative",
                violation_error_message=_("A quantity cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(status="completed") | Q(completed_on__isnull=True),
                name="task_completed_on_only_when_completed",
                violation_error_message=_("Only a completed task has a completion date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.deliverable[:80]}"

    def clean(self):
        super().clean()
        errors = {}
        if self.output_indicator_id and self.activity_id and self.output_indicator.activity_id != self.activity_id:
            errors["output_indicator"] = _("Choose an output of this task's own activity.")
        if self.activity_id and self.due_date and self.activity.start_date and self.due_date < self.activity.start_date:
            errors["due_date"] = _("The due date cannot be before the activity starts.")
        if self.status == Progress.COMPLETED and not self.completed_on:
            errors["completed_on"] = _("Give the date the task was completed.")
        if self.status != Progress.COMPLETED and self.completed_on:
            errors["completed_on"] = _("Only a completed task has a completion date.")
        if errors:
            raise ValidationError(errors)

    def is_overdue(self, today: datetime.date) -> bool:
        return self.due_date < today and self.status in OPEN_STATUSES


class Target(models.Model):
    """Indicator × area × year → planned value (seed 002's appendix is a table of these)."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="targets"
    )
    area = models.ForeignKey(Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    planned_value = models.BigIntegerField(_("planned value"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["plan", "indicator__order", "area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "indicator", "area", "year"],
                name="target_unique",
                violation_error_message=_("This area already has a value for this indicator and year in the plan."),
            ),
            models.CheckConstraint(
                condition=Q(planned_value__gte=0),
                name="target_value_not_negative",
                violation_error_message=_("A target cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1990) & Q(year__lte=2100),
                name="target_year_plausible",
                violation_error_message=_("Give a year between 1990 and 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.area} – {self.year}: {self.planned_value}"
