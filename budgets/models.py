"""Funding sources, allocations (giao dự toán / phân bổ) and disbursements (giải ngân).

Money is whole đồng in ``BigIntegerField``. Each allocation keeps its running total
``disbursed``; the database itself refuses a total below zero or above the allocation (named
CHECK constraints), and the services change it only under a row lock. Disbursements are an
append-only ledger: a mistake is corrected by a reversing entry, never by editing or deleting.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.models import Activity, Unit


class FundingSource(models.Model):
    """Where money comes from (nguồn vốn); the list is data, created by a migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Allocation(models.Model):
    """An amount of one source given to one unit for one activity and year, by a decision."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.PROTECT, related_name="allocations"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="allocations")
    funding_source = models.ForeignKey(
        FundingSource, verbose_name=_("funding source"), on_delete=models.PROTECT, related_name="allocations"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    amount = models.BigIntegerField(_("amount (VND)"), help_text=_("Whole đồng."))
    disbursed = models.BigIntegerField(
        _("disbursed (VND)"),
        default=0,
        editable=False,
        help_text=_("Running total of the disbursements; changed only by recording or reversing one."),
    )
    decision_number = models.CharField(_("decision number"), max_length=50, help_text=_("E.g. '1181/QĐ-UBND'."))
    decision_date = models.DateField(_("decision date"))
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["-year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="allocation_amount_positive",
                violation_error_message=_("An allocation must be a positive amount."),
            ),
            models.CheckConstraint(
                condition=Q(disbursed__gte=0),
                name="allocation_disbursed_not_negative",
                violation_error_message=_("The disbursed total cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(disbursed__lte=F("amount")),
                name="allocation_disbursed_within_amount",
                violation_error_message=_("The disbursed total cannot exceed the allocated amount."),
            ),
            models.UniqueConstraint(
                fields=["activity", "unit", "funding_source", "year"],
                name="allocation_unique_per_activity_unit_source_year",
                violation_error_message=_(
                    "This unit already has an allocation from this source for this activity and year."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision_number} – {self.unit} – {self.year}"

    @property
    def remaining(self) -> int:
        return self.amount - self.disbursed


class Disbursement(models.Model):
    """One payment against an allocation (append-only: never edited or deleted).

    A correction is a reversing entry: ``reverses`` points at the original and the amount is
    minus the original's. An entry can be reversed once, and a reversal is not reversed.
    """

    allocation = models.ForeignKey(
        Allocation, verbose_name=_("allocation"), on_delete=models.PROTECT, related_name="disbursements"
    )
    voucher_number = models.CharField(_("voucher number"), max_length=50)
    voucher_date = models.DateField(_("voucher date"))
    amount = models.BigIntegerField(_("amount (VND)"))
    reverses = models.ForeignKey(
        "self",
        verbose_name=_("reverses"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversals",
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        ordering = ["voucher_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(amount=0),
                name="disbursement_amount_not_zero",
                violation_error_message=_("A disbursement cannot be zero."),
            ),
            models.CheckConstraint(
                condition=Q(reverses__isnull=True, amount__gt=0) | Q(reverses__isnull=False, amount__lt=0),
                name="disbursement_sign_matches_kind",
                violation_error_message=_("A disbursement is positive; only a reversing entry is negative."),
            ),
            models.UniqueConstraint(
                fields=["reverses"],
                name="disbursement_reversed_once",
                violation_error_message=_("This disbursement has already been reversed."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voucher_number} ({self.voucher_date:%d/%m/%Y})"
