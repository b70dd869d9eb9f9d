"""Funding sources, estimates (dự toán), allocations (giao dự toán / phân bổ), disbursements
(giải ngân) and donations (xã hội hóa: cash or in kind).

Money is whole đồng in ``BigIntegerField``. Each allocation keeps its running total
``disbursed``; the database itself refuses a total below zero or above the allocation (named
CHECK constraints), and the services change it only under a row lock. Disbursements are an
append-only ledger: a mistake is corrected by a reversing entry, never by editing or deleting.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from tracker.models import Activity, Area, Plan, Unit
from tracker.models.fields import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH, actor_field, limited_text, sample_flag


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


class Estimate(models.Model):
    """A unit's cost estimate (dự toán) for one activity and year, with its lines.

    Workflow: the unit drafts and submits it; the finance department appraises it (thẩm định:
    an appraised amount per line and comments); the DIC records its approval with the
    approving decision (phê duyệt) — or returns it with a reason at either step, after which
    the unit edits and submits again. Only approved estimates can be allocated against.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("status", "Draft")
        SUBMITTED = "submitted", _("Submitted for appraisal")
        APPRAISED = "appraised", _("Appraised")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.PROTECT, related_name="estimates"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit drawing it up"),
        on_delete=models.PROTECT,
        related_name="estimates",
        help_text=_("The unit that draws up and carries out the estimate."),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    explanation = limited_text(
        LONG_TEXT_MAX_LENGTH, _("explanation"), blank=True, help_text=_("Basis of the figures (thuyết minh).")
    )
    created_by = actor_field(_("created by"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = actor_field(_("submitted by"), optional=True)
    appraisal_comments = limited_text(NOTE_MAX_LENGTH, _("appraisal comments"), blank=True)
    appraised_at = models.DateTimeField(_("appraised at"), null=True, blank=True)
    appraised_by = actor_field(_("appraised by"), optional=True)
    decision_number = models.CharField(
        _("approving decision number"), max_length=50, blank=True, help_text=_("E.g. '1181/QĐ-UBND'.")
    )
    decision_date = models.DateField(_("approving decision date"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = actor_field(_("approval recorded by"), optional=True)
    return_reason = limited_text(NOTE_MAX_LENGTH, _("reason for returning"), blank=True)
    is_sample = sample_flag(_("Figures made up for the demonstration, not official."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("estimate")
        verbose_name_plural = _("estimates")
        ordering = ["-year", "activity__order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="approved") | (Q(decision_date__isnull=False) & ~Q(decision_number="")),
                name="estimate_approved_has_decision",
                violation_error_message=_("An approved estimate needs the approving decision's number and date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class EstimateLine(models.Model):
    """One line of an estimate: what, how many, at what price, from which source."""

    estimate = models.ForeignKey(Estimate, on_delete=models.CASCADE, related_name="lines")
    description = models.CharField(pgettext_lazy("line item", "item"), max_length=300)
    funding_source = models.ForeignKey(
        FundingSource, verbose_name=_("funding source"), on_delete=models.PROTECT, related_name="estimate_lines"
    )
    unit_of_measure = models.CharField(_("unit of measure"), max_length=50, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    unit_price = models.BigIntegerField(_("unit price (VND)"))
    amount = models.BigIntegerField(_("amount (VND)"), editable=False, help_text=_("Quantity × unit price."))
    appraised_amount = models.BigIntegerField(
        _("appraised amount (VND)"),
        null=True,
        blank=True,
        help_text=_("Set by the finance department; the approved amount of the line."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("estimate line")
        verbose_name_plural = _("estimate lines")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit_price__gt=0) & Q(quantity__gt=0),
                name="estimateline_price_and_quantity_positive",
                violation_error_message=_("Quantity and unit price must be positive."),
            ),
            models.CheckConstraint(
                condition=Q(appraised_amount__isnull=True) | Q(appraised_amount__gte=0),
                name="estimateline_appraised_not_negative",
                violation_error_message=_("An appraised amount cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        return self.description

    def clean(self) -> None:
        if self.unit_price is not None and self.quantity is not None:
            self.amount = self.quantity * self.unit_price


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
    note = limited_text(NOTE_MAX_LENGTH, _("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["-year", "id"]
        indexes = [
            # The allocation list's order (newest year and decision first): a page of 25 read
            # from the index, not every allocation joined and sorted (100 ms at national scale).
            models.Index(F("year").desc(), F("decision_date").desc(), F("id").desc(), name="allocation_newest"),
        ]
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
    note = limited_text(NOTE_MAX_LENGTH, _("note"), blank=True)
    recorded_by = actor_field(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        # No default ordering: hundreds of thousands of rows at national scale, summed far more
        # often than listed; the ledger, the exports and the admin each say their order.
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
            # One payment per voucher on an allocation (a reversing entry repeats the voucher
            # it reverses): the same voucher recorded twice is a payment made twice.
            models.UniqueConstraint(
                fields=["allocation", "voucher_number"],
                condition=Q(reverses__isnull=True),
                name="disbursement_voucher_unique_per_allocation",
                violation_error_message=_(
                    "A payment with this voucher number is already recorded on this allocation; check the "
                    "ledger below instead of recording it again."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voucher_number} ({self.voucher_date:%d/%m/%Y})"


# Cast so that PostgreSQL can type the product when model validation evaluates the CHECK over
# plain values (NULL × NULL for cash was "operator is not unique: unknown * unknown").
QUANTITY_TIMES_UNIT_VALUE = Cast(F("quantity"), models.BigIntegerField()) * Cast(
    F("unit_value"), models.BigIntegerField()
)


class Donation(models.Model):
    """Support received for the programme (xã hội hóa), in cash or in kind (e.g. phones).

    Received at province, district or commune level by a unit, then passed on to units or
    communes (``DonationTransfer``). ``transferred_quantity`` / ``transferred_amount`` are
    running totals changed only under a row lock, with CHECK constraints as for allocations.
    """

    class Kind(models.TextChoices):
        CASH = "cash", _("Cash")
        IN_KIND = "in_kind", _("In kind")

    class DonorKind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        ORGANISATION = "organisation", _("Agency or organisation")
        INDIVIDUAL = "individual", _("Individual")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), null=True, blank=True, on_delete=models.PROTECT, related_name="donations"
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="donations",
    )
    donor = models.CharField(_("donor"), max_length=255)
    donor_kind = models.CharField(_("donor kind"), max_length=20, choices=DonorKind.choices)
    received_by = models.ForeignKey(
        Unit, verbose_name=_("received by"), on_delete=models.PROTECT, related_name="donations_received"
    )
    received_on = models.DateField(_("received on"))
    receipt_number = models.CharField(_("receipt number"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    item = models.CharField(
        pgettext_lazy("line item", "item"),
        max_length=200,
        blank=True,
        help_text=_("For support in kind, e.g. 'smartphone'."),
    )
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    unit_value = models.BigIntegerField(_("unit value (VND)"), null=True, blank=True)
    amount = models.BigIntegerField(
        _("value (VND)"), help_text=_("The cash amount, or quantity × unit value for support in kind.")
    )
    transferred_quantity = models.PositiveIntegerField(_("quantity passed on"), default=0, editable=False)
    transferred_amount = models.BigIntegerField(_("value passed on (VND)"), default=0, editable=False)
    note = limited_text(NOTE_MAX_LENGTH, _("note"), blank=True)
    is_sample = sample_flag(_("Made up for the demonstration, not official."))
    recorded_by = actor_field(_("recorded by"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        ordering = ["-received_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="donation_amount_positive",
                violation_error_message=_("A donation must have a positive value."),
            ),
            models.CheckConstraint(
                condition=Q(kind="cash", item="", quantity__isnull=True, unit_value__isnull=True)
                | Q(kind="in_kind", quantity__gt=0, unit_value__gt=0, amount=QUANTITY_TIMES_UNIT_VALUE) & ~Q(item=""),
                name="donation_kind_fields",
                violation_error_message=_(
                    "Cash is an amount only; support in kind needs an item, a quantity and a unit value."
                ),
            ),
            models.CheckConstraint(
                condition=Q(transferred_amount__gte=0, transferred_amount__lte=F("amount")),
                name="donation_transferred_within_amount",
                violation_error_message=_("More has been passed on than was received."),
            ),
            models.CheckConstraint(
                condition=Q(quantity__isnull=True, transferred_quantity=0) | Q(transferred_quantity__lte=F("quantity")),
                name="donation_transferred_within_quantity",
                violation_error_message=_("More items have been passed on than were received."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.donor} ({self.received_on:%d/%m/%Y})"

    def clean(self) -> None:
        if self.kind == self.Kind.IN_KIND and self.quantity and self.unit_value:
            self.amount = self.quantity * self.unit_value

    @property
    def remaining_amount(self) -> int:
        return self.amount - self.transferred_amount

    @property
    def remaining_quantity(self) -> int | None:
        return None if self.quantity is None else self.quantity - self.transferred_quantity


class DonationTransfer(models.Model):
    """Part of a donation passed on (phân bổ) to a unit, optionally for one commune."""

    donation = models.ForeignKey(
        Donation, verbose_name=_("donation"), on_delete=models.PROTECT, related_name="transfers"
    )
    recipient = models.ForeignKey(
        Unit, verbose_name=_("recipient unit"), on_delete=models.PROTECT, related_name="donations_transferred"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    transferred_on = models.DateField(_("date"))
    document_number = models.CharField(_("document number"), max_length=50, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    amount = models.BigIntegerField(_("value (VND)"))
    note = limited_text(NOTE_MAX_LENGTH, _("note"), blank=True)
    # The register entry in which these phones were handed over (tracker's smartphone
    # register); the link lives here because budgets imports tracker, never the reverse.
    handover = models.ForeignKey(
        "tracker.SmartphoneHandover",
        verbose_name=_("smartphone handover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="donation_transfers",
        help_text=_("The smartphone register entry in which these phones were handed over."),
    )
    recorded_by = actor_field(_("recorded by"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("donation passed on")
        verbose_name_plural = _("donations passed on")
        ordering = ["transferred_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0) & (Q(quantity__isnull=True) | Q(quantity__gt=0)),
                name="donationtransfer_positive",
                violation_error_message=_("What is passed on must be positive."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} ({self.transferred_on:%d/%m/%Y})"


class ImportJob(models.Model):
    """One Excel import of allocations and disbursements, from upload to the rows written.

    The uploaded file is kept in the row (a worker on another machine needs no shared disk,
    and the file stays as the record of what was imported). The job is checked first — every
    row, against the same services that will write it, inside a transaction that is rolled
    back — and applied only when a finance officer confirms a file without errors; applying
    is again one transaction, so either every row is written or none. Not a tracked model:
    the rows it writes carry their own history with the importing user.
    """

    class Status(models.TextChoices):
        CHECKING = "checking", _("Checking the file")
        INVALID = "invalid", _("The file has errors")
        READY = "ready", _("Checked, waiting for confirmation")
        APPLYING = "applying", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    created_by = actor_field(_("uploaded by"))
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("file"), editable=False)
    language = models.CharField(_("language of the messages"), max_length=10, default="vi")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CHECKING)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    applied_by = actor_field(_("imported by"), optional=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The job's lease (tracker.core.jobs): while checking or applying, unclaimed (claimed_at
    # empty) it is the time by which a worker must pick the job up; claimed, the worker's
    # heartbeat renews it. Expired: the sweeper (`recover_jobs`) hands it out again, at most
    # JOB_MAX_ATTEMPTS times (counted in `attempts`), then fails it with a message.
    claimed_at = models.DateTimeField(_("taken up by a worker at"), null=True, blank=True)
    lease_expires_at = models.DateTimeField(_("lease expires at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("Excel import")
        verbose_name_plural = _("Excel imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.APPLYING)

    @property
    def is_waiting(self) -> bool:
        """Handed to the queue, not yet taken up by a worker."""
        return self.is_running and self.claimed_at is None

    def is_stale(self, now=None) -> bool:
        """Checking or applying with an expired lease: the sweeper will hand it out again or
        fail it with a message."""
        if not self.is_running or self.lease_expires_at is None:
            return False
        return self.lease_expires_at < (now or timezone.now())


class FormSubmission(models.Model):
    """A money form's one-time token, spent by the first post that carried it.

    Every money form (disbursement, reversal, allocation, estimate and its steps, donation,
    donation transfer) carries a fresh token (`{% submission_token %}`). The post that spends
    it records this row in the same transaction as the money it writes, with the page it led
    to; the same form posted again — a finance officer retrying after a gateway error, a
    double click — finds the row and is shown that first result instead of writing again
    (budgets.once). Not a tracked model: a technical receipt, not a record of the programme.
    """

    token = models.UUIDField(_("token"), unique=True)
    user = actor_field(_("posted by"))
    path = models.CharField(_("address"), max_length=300)
    result_url = models.CharField(_("result"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.path} {self.token}"
