"""Progress reports units send on their tasks, the evidence behind them, and task comments.

A report moves draft → submitted → accepted, or submitted → returned (with a reason) →
submitted again. An accepted report is never edited: a correction is a new report that
`revises` it, and the old one becomes `superseded` but stays visible.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from tracker.core.files import evidence_upload_to, private_storage

from .calendar import ReportingRule
from .fields import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH, actor_field, limited_text, sample_flag
from .organisation import Area
from .plans import Activity, OutputIndicator, Task


class ProgressReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("status", "Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for correction")
        SUPERSEDED = "superseded", _("Superseded by a correction")

    # PROTECT: a task or rule with reports cannot be deleted, by any path ("nothing accepted
    # is lost"); it is cancelled or ended instead (`tracker.core.deletion`).
    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="progress_reports")
    reporting_rule = models.ForeignKey(
        ReportingRule, verbose_name=_("reporting rule"), null=True, blank=True, on_delete=models.PROTECT
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    due_date = models.DateField(_("due date"))
    percent_complete = models.PositiveSmallIntegerField(_("Percent complete"), default=0)
    narrative = limited_text(LONG_TEXT_MAX_LENGTH, _("what was done"), blank=True)
    difficulties = limited_text(LONG_TEXT_MAX_LENGTH, _("difficulties and obstacles"), blank=True)
    proposals = limited_text(LONG_TEXT_MAX_LENGTH, _("proposals"), blank=True)
    # "Nothing happened in this period": the report is sent (so the period counts as reported,
    # on time or late like any other) but carries no quantities, and the official reports
    # leave it out of their figures and texts (`tracker.progress.services.progress_report_nothing`).
    nothing_to_report = models.BooleanField(
        _("nothing to report"),
        default=False,
        help_text=_("Nothing was done in the period: the report carries no quantities."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    revises = models.ForeignKey(
        "self",
        verbose_name=_("corrects report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    created_by = actor_field(_("written by"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = actor_field(_("submitted by"), optional=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = actor_field(_("reviewed by"), optional=True)
    return_reason = limited_text(NOTE_MAX_LENGTH, _("reason for returning"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        # No default ordering: the table is the largest of the tracker (hundreds of thousands
        # of rows at national scale) and a default order makes every read — counts by period,
        # the expected reports' states — sort it. Each list says its own order.
        indexes = [
            # The API's list order (`/api/v1/progress-reports/`), so a page is read, not sorted.
            models.Index(F("period_end").desc(), F("created_at").desc(), F("id").desc(), name="progressreport_newest"),
            # The expected reports' states: a task's reports of one period.
            models.Index(fields=["task", "period_start", "period_end"], name="progressreport_task_period"),
            # The dashboard's recent activity: the latest reports sent or accepted, newest first
            # (a page of ten read from the index, not 500k rows sorted at national scale).
            models.Index(
                Coalesce("reviewed_at", "submitted_at").desc(),
                F("id").desc(),
                name="progressreport_latest_moment",
                condition=Q(status__in=["submitted", "accepted"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100),
                name="progressreport_percent_at_most_100",
                violation_error_message=_("The percentage complete is between 0 and 100."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="progressreport_period_ordered",
                violation_error_message=_("The period cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""),
                name="progressreport_returned_has_reason",
                violation_error_message=_("Say why the report is returned."),
            ),
            # One live report per task and period; accepted ones are corrected by a revision.
            models.UniqueConstraint(
                fields=["task", "period_start", "period_end"],
                condition=Q(status__in=["draft", "submitted", "returned"]),
                name="progressreport_one_open_per_period",
                violation_error_message=_("This task already has a report for this period that is not yet accepted."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} – {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def was_late(self) -> bool:
        """Submitted after its due date (in the local time zone)."""
        from django.utils import timezone

        return bool(self.submitted_at and timezone.localdate(self.submitted_at) > self.due_date)


class ReportedQuantity(models.Model):
    """The quantity achieved for one output indicator in a report's period."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="quantities")
    output_indicator = models.ForeignKey(
        OutputIndicator, verbose_name=_("output"), on_delete=models.PROTECT, related_name="reported_quantities"
    )
    quantity = models.BigIntegerField(_("quantity achieved"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reported quantity")
        verbose_name_plural = _("reported quantities")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "output_indicator"],
                name="reportedquantity_unique",
                violation_error_message=_("This output already has a quantity in the report."),
            ),
            models.CheckConstraint(
                condition=Q(quantity__gte=0),
                name="reportedquantity_not_negative",
                violation_error_message=_("A quantity cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.output_indicator}: {self.quantity}"


def validate_record_url(value: str) -> None:
    """A path on this site ("/chien-dich/…") or an http(s) address; nothing a browser would run."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"], message=_("Give a path on this site or an http(s) address."))(value)


class OutputRecord(models.Model):
    """One product that counts towards an output by itself, such as an article published on
    the campaign site: the output's achieved quantity is the sum of accepted reported
    quantities and of these records (an output takes one or the other, see
    `OutputIndicator.counted_from`).

    `source` names what the record stands for ("cms.article:42"), so that the system that
    produced it can set it again (idempotently) or clear it when the product is withdrawn.
    """

    output_indicator = models.ForeignKey(
        OutputIndicator, verbose_name=_("output"), on_delete=models.PROTECT, related_name="records"
    )
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    achieved_on = models.DateField(
        _("achieved on"), help_text=_("The period a record counts in is the one containing this date.")
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where the product was achieved (a commune); blank: the activity's or plan's area."),
    )
    source = models.CharField(
        _("source"), max_length=100, unique=True, help_text=_("What the record stands for, e.g. cms.article:42.")
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("address"), max_length=500, blank=True, validators=[validate_record_url])
    # Copied from what the record stands for (a sample register entry or article): a figure
    # it adds to is then a sample figure wherever it is shown, and the public site leaves it out.
    is_sample = sample_flag(_("Counts a product made up for the demonstration; not an official figure."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("output record")
        verbose_name_plural = _("output records")
        ordering = ["-achieved_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1),
                name="outputrecord_quantity_positive",
                violation_error_message=_("A record counts at least one."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.quantity})"


# Photos a browser shows, and the box their thumbnails fit in (pixels).
PREVIEW_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
PREVIEW_BOX = 320


class Evidence(models.Model):
    """A photo, PDF or Office document attached to a report; its type is checked by content."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_upload_to, storage=private_storage, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    # A photo's size in pixels as it shows (after its EXIF rotation), read when it is attached:
    # the pages give its thumbnail a width and height without opening the file.
    width = models.PositiveIntegerField(_("width (pixels)"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height (pixels)"), null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def has_preview(self) -> bool:
        """A photo the browser can show (HEIC is not one): the pages show its thumbnail."""
        return self.content_type in PREVIEW_TYPES

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf"

    @property
    def preview_size(self) -> tuple[int, int] | None:
        """The thumbnail's width and height (the photo fitted in PREVIEW_BOX), when known."""
        if not (self.width and self.height):
            return None
        scale = min(1.0, PREVIEW_BOX / max(self.width, self.height))
        return max(1, round(self.width * scale)), max(1, round(self.height * scale))


class TaskComment(models.Model):
    """A message on a task's thread, between the units involved and the DIC."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="comments")
    author = actor_field(_("author"))
    body = limited_text(NOTE_MAX_LENGTH, _("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


# django-guardian's direct foreign-key permission tables: no generic relations, so no orphaned
# grants when a row is deleted, and joins instead of string-typed object ids.
class ActivityGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Activity, on_delete=models.CASCADE)


class ActivityUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Activity, on_delete=models.CASCADE)


class TaskGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Task, on_delete=models.CASCADE)


class TaskUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Task, on_delete=models.CASCADE)
