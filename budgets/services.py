"""Writes to budgets: validated, atomic, recorded with their actor (as tracker.work.services).

The running total ``Allocation.disbursed`` changes only here, under a lock on the allocation
row (``SELECT … FOR NO KEY UPDATE`` on PostgreSQL), so concurrent disbursements are serialised
and can never take the total past the allocated amount. The CHECK constraints on the table
are the last line of defence if anything else tries.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from budgets.bulk import HistoryRows, create_rows, set_columns
from budgets.figures import money_figures_changed
from budgets.models import Allocation, Disbursement, Donation, DonationTransfer, Estimate, EstimateLine
from budgets.money import format_vnd
from tracker.core.history import save_tracked
from tracker.models import Activity, User


def _lock(allocation: Allocation) -> Allocation:
    """Re-read the allocation inside the transaction, holding its row lock until commit."""
    return Allocation.objects.select_for_update(no_key=True).get(pk=allocation.pk)


def _add_with_history(instance, *, actor: User, reason: str, **deltas: int) -> None:
    """Move running totals (e.g. ``disbursed=+amount``) with ``F()`` and write the history
    row for it deliberately.

    ``save()`` cannot carry an ``F()`` into the history row, so the row is updated in SQL,
    read back (still under the caller's lock, so the values are exact) and its history row
    written with the actor — one UPDATE, one history row, as a save would have left.
    """
    model = type(instance)
    model.objects.filter(pk=instance.pk).update(**{field: F(field) + delta for field, delta in deltas.items()})
    instance.refresh_from_db(fields=list(deltas))
    model.history.bulk_history_create([instance], update=True, default_user=actor, default_change_reason=reason)


def approved_amount(*, activity_id: int, year: int, funding_source_id: int) -> int:
    """What approved estimates give the activity from one source in one year."""
    total = EstimateLine.objects.filter(
        estimate__activity_id=activity_id,
        estimate__year=year,
        estimate__status=Estimate.Status.APPROVED,
        funding_source_id=funding_source_id,
    ).aggregate(total=Sum("appraised_amount"))["total"]
    return total or 0


@transaction.atomic
def allocation_save(*, allocation: Allocation, actor: User | None) -> Allocation:
    """Create or edit an allocation. ``disbursed`` is never taken from the caller: a new
    allocation starts at 0 and an edit keeps the stored total (read under the lock, so an
    amount cut below what is already disbursed is refused).

    The allocations of an activity, year and source together may not exceed what approved
    estimates give it. The activity's row is locked first, so two finance officers
    allocating the same approval at once are serialised and cannot both take the last of it.
    """
    money_figures_changed()  # the cached totals (budgets.figures)
    if allocation.pk is None or not Allocation.objects.filter(pk=allocation.pk).exists():
        allocation.disbursed = 0
    else:
        allocation.disbursed = _lock(allocation).disbursed
    if allocation.activity_id and allocation.funding_source_id and allocation.year and allocation.amount:
        Activity.objects.select_for_update(no_key=True).filter(pk=allocation.activity_id).first()
        approved = approved_amount(
            activity_id=allocation.activity_id, year=allocation.year, funding_source_id=allocation.funding_source_id
        )
        others = (
            Allocation.objects.filter(
                activity_id=allocation.activity_id, year=allocation.year, funding_source_id=allocation.funding_source_id
            )
            .exclude(pk=allocation.pk)
            .aggregate(total=Sum("amount"))["total"]
            or 0
        )
        if others + allocation.amount > approved:
            raise over_approval_error(approved=approved, others=others, year=allocation.year)
    return save_tracked(allocation, actor=actor)


def over_approval_error(*, approved: int, others: int, year: int) -> ValidationError:
    """An allocation that would take an activity's allocations from a source past what
    approved estimates give it (here and in the import's set-wise check)."""
    return ValidationError(
        {
            "amount": _(
                "Approved estimates give this activity %(approved)s from this source in %(year)s;"
                " %(others)s is already allocated, so at most %(left)s can be allocated here."
            )
            % {
                "approved": format_vnd(approved),
                "year": year,
                "others": format_vnd(others),
                "left": format_vnd(max(approved - others, 0)),
            }
        }
    )


def not_positive_error() -> ValidationError:
    return ValidationError({"amount": _("A disbursement must be a positive amount.")})


def over_remaining_error(remaining: int) -> ValidationError:
    return ValidationError(
        {
            "amount": _("This would exceed the allocation: only %(remaining)s remain to be disbursed.")
            % {"remaining": format_vnd(remaining)}
        }
    )


def payment_reason(voucher_number: str) -> str:
    """The reason on the allocation's history row that a payment's running total leaves."""
    return _("Disbursement %(voucher)s") % {"voucher": voucher_number}


@transaction.atomic
def disbursement_record(
    *,
    allocation: Allocation,
    amount: int,
    voucher_number: str,
    voucher_date: datetime.date,
    actor: User,
    note: str = "",
) -> Disbursement:
    """Record one payment against an allocation and raise its running total."""
    money_figures_changed()  # the cached totals (budgets.figures)
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError({"amount": _("The amount must be a whole number of đồng.")})
    if amount <= 0:
        raise not_positive_error()
    locked = _lock(allocation)
    if amount > locked.remaining:
        raise over_remaining_error(locked.remaining)
    disbursement = Disbursement(
        allocation=locked,
        amount=amount,
        voucher_number=voucher_number,
        voucher_date=voucher_date,
        note=note,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    disbursement.full_clean()  # before touching the total, so a bad voucher writes nothing
    _add_with_history(locked, disbursed=amount, actor=actor, reason=payment_reason(voucher_number))
    save_tracked(disbursement, actor=actor)
    allocation.disbursed = locked.disbursed
    return disbursement


@transaction.atomic
def import_write(
    *,
    created: list[Allocation],
    changed: list[Allocation],
    payments: list[Disbursement],
    actor: User,
) -> None:
    """Write an Excel import's rows set-wise, in chunks, with a history row for each change
    as ``allocation_save`` and ``disbursement_record`` would have left one by one.

    The caller has checked every row as those services would (budgets.excel.imports) and
    holds the locks they take (the allocations and activities concerned). ``payments`` name
    their allocation by the very objects in ``created``/``changed`` or read under the lock,
    whose ``disbursed`` is the total before this import; each payment leaves its own
    history row on the allocation with the running total, as ``_add_with_history`` does.
    The rows, the running totals and every history row are written by budgets.bulk (see
    why there).
    """
    money_figures_changed()  # the cached totals (budgets.figures)
    allocation_history = HistoryRows(Allocation, actor=actor)
    if created:
        for allocation in created:
            allocation.disbursed = 0
        create_rows(Allocation, created)
        for allocation in created:
            allocation_history.add(allocation, history_type="+")
    if changed:
        set_columns(Allocation, changed, ["amount", "decision_number", "decision_date", "note"])
        for allocation in changed:  # "" for no reason, as bulk_history_create leaves it
            allocation_history.add(allocation, history_type="~", reason="")
    if payments:
        _payments_write(payments, allocation_history, actor=actor)
    allocation_history.write()


def _payments_write(payments: list[Disbursement], allocation_history: HistoryRows, *, actor: User) -> None:
    totals: dict[int, list] = {}  # allocation id: [allocation, running total]
    now = timezone.now()
    reason = payment_reason("%(voucher)s")  # translated once, not per payment
    for payment in payments:
        allocation = payment.allocation
        payment.allocation_id = allocation.pk  # the id it has now that a new allocation is written
        total = totals.get(allocation.pk)
        if total is None:
            total = totals[allocation.pk] = [allocation, allocation.disbursed]
        total[1] += payment.amount
        allocation_history.add(
            allocation,
            history_type="~",
            reason=reason.replace("%(voucher)s", payment.voucher_number),
            disbursed=total[1],
        )
        payment.recorded_by_id, payment.recorded_at = actor.pk, now
    # The running totals are set, not added: their rows are locked since they were read.
    for allocation, disbursed in totals.values():
        allocation.disbursed = disbursed
    set_columns(Allocation, [allocation for allocation, _total in totals.values()], ["disbursed"])
    create_rows(Disbursement, payments)
    payment_history = HistoryRows(Disbursement, actor=actor)
    for payment in payments:
        payment_history.add(payment, history_type="+")
    payment_history.write()


@transaction.atomic
def disbursement_reverse(
    *,
    disbursement: Disbursement,
    actor: User,
    reason: str,
    voucher_number: str = "",
    voucher_date: datetime.date | None = None,
) -> Disbursement:
    """Correct a disbursement with a reversing entry (minus its amount) and lower the total."""
    money_figures_changed()  # the cached totals (budgets.figures)
    if not reason.strip():
        raise ValidationError({"note": _("Say why the disbursement is reversed.")})
    locked = _lock(disbursement.allocation)
    original = Disbursement.objects.get(pk=disbursement.pk)
    if original.reverses_id is not None:
        raise ValidationError(_("A reversing entry cannot itself be reversed."))
    if Disbursement.objects.filter(reverses=original).exists():
        raise ValidationError(_("This disbursement has already been reversed."))
    reversal = Disbursement(
        allocation=locked,
        amount=-original.amount,
        reverses=original,
        voucher_number=voucher_number or original.voucher_number,
        voucher_date=voucher_date or timezone.localdate(),
        note=reason,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    reversal.full_clean()
    _add_with_history(
        locked,
        disbursed=-original.amount,
        actor=actor,
        reason=_("Reversal of %(voucher)s: %(reason)s") % {"voucher": original.voucher_number, "reason": reason},
    )
    return save_tracked(reversal, actor=actor, reason=reason)


# --- Estimates: draft → submitted → appraised → approved (or returned at either step) -------


def _require_status(estimate: Estimate, *allowed: str) -> None:
    if estimate.status not in allowed:
        raise ValidationError(
            _("This estimate is %(status)s; that cannot be done now.") % {"status": estimate.get_status_display()}
        )


def _locked_estimate(estimate: Estimate) -> Estimate:
    return Estimate.objects.select_for_update(no_key=True).get(pk=estimate.pk)


@transaction.atomic
def estimate_save(*, estimate: Estimate, lines: list[EstimateLine], actor: User) -> Estimate:
    """Create or edit a draft (or returned) estimate with its lines, replacing the old lines."""
    money_figures_changed()  # the cached totals (budgets.figures)
    if estimate.pk is not None:
        _require_status(_locked_estimate(estimate), Estimate.Status.DRAFT, Estimate.Status.RETURNED)
    else:
        estimate.created_by = actor
        estimate.status = Estimate.Status.DRAFT
    if not lines:
        raise ValidationError(_("An estimate needs at least one line."))
    save_tracked(estimate, actor=actor)
    kept = {line.pk for line in lines if line.pk}
    for old in estimate.lines.exclude(pk__in=kept):
        old._history_user = actor
        old.delete()
    for order, line in enumerate(lines):
        line.estimate = estimate
        line.order = order
        line.appraised_amount = None
        save_tracked(line, actor=actor)
    return estimate


@transaction.atomic
def estimate_submit(*, estimate: Estimate, actor: User) -> Estimate:
    money_figures_changed()  # the cached totals (budgets.figures)
    locked = _locked_estimate(estimate)
    _require_status(locked, Estimate.Status.DRAFT, Estimate.Status.RETURNED)
    if not locked.lines.exists():
        raise ValidationError(_("An estimate needs at least one line."))
    locked.status = Estimate.Status.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = actor
    locked.return_reason = ""
    return save_tracked(locked, actor=actor, reason=_("Submitted for appraisal"))


@transaction.atomic
def estimate_appraise(*, estimate: Estimate, appraised: dict[int, int], comments: str, actor: User) -> Estimate:
    """The finance department's appraisal: an amount for every line (by line id)."""
    money_figures_changed()  # the cached totals (budgets.figures)
    locked = _locked_estimate(estimate)
    _require_status(locked, Estimate.Status.SUBMITTED)
    lines = list(locked.lines.all())
    missing = [line.description for line in lines if line.pk not in appraised]
    if missing:
        raise ValidationError(
            _("Give an appraised amount for every line (missing: %(lines)s).") % {"lines": ", ".join(missing)}
        )
    for line in lines:
        amount = appraised[line.pk]
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
            raise ValidationError(
                _("The appraised amount of '%(line)s' must be a whole number of đồng, not negative.")
                % {"line": line.description}
            )
        if line.appraised_amount != amount:
            line.appraised_amount = amount
            save_tracked(line, actor=actor)
    locked.status = Estimate.Status.APPRAISED
    locked.appraisal_comments = comments
    locked.appraised_at = timezone.now()
    locked.appraised_by = actor
    return save_tracked(locked, actor=actor, reason=_("Appraised"))


@transaction.atomic
def estimate_approve(
    *, estimate: Estimate, decision_number: str, decision_date: datetime.date, actor: User
) -> Estimate:
    """Record the approval (phê duyệt) with its decision; the appraised amounts become approved."""
    money_figures_changed()  # the cached totals (budgets.figures)
    locked = _locked_estimate(estimate)
    _require_status(locked, Estimate.Status.APPRAISED)
    locked.status = Estimate.Status.APPROVED
    locked.decision_number = decision_number.strip()
    locked.decision_date = decision_date
    locked.approved_at = timezone.now()
    locked.approved_by = actor
    return save_tracked(locked, actor=actor, reason=_("Approved by %(decision)s") % {"decision": decision_number})


@transaction.atomic
def estimate_return(*, estimate: Estimate, reason: str, actor: User) -> Estimate:
    """Send a submitted or appraised estimate back to its unit with the reason."""
    money_figures_changed()  # the cached totals (budgets.figures)
    if not reason.strip():
        raise ValidationError({"return_reason": _("Say why the estimate is returned.")})
    locked = _locked_estimate(estimate)
    _require_status(locked, Estimate.Status.SUBMITTED, Estimate.Status.APPRAISED)
    locked.status = Estimate.Status.RETURNED
    locked.return_reason = reason.strip()
    return save_tracked(locked, actor=actor, reason=_("Returned: %(reason)s") % {"reason": reason.strip()})


# --- Donations: received, then passed on ------------------------------------------------------


@transaction.atomic
def donation_save(*, donation: Donation, actor: User) -> Donation:
    """Record or correct a donation. The passed-on totals are kept, never taken from the caller."""
    if donation.pk is None:
        donation.recorded_by = actor
        donation.transferred_amount = 0
        donation.transferred_quantity = 0
    else:
        locked = Donation.objects.select_for_update(no_key=True).get(pk=donation.pk)
        donation.transferred_amount = locked.transferred_amount
        donation.transferred_quantity = locked.transferred_quantity
    if donation.kind == Donation.Kind.CASH:
        donation.item, donation.quantity, donation.unit_value = "", None, None
    return save_tracked(donation, actor=actor)


@transaction.atomic
def donation_transfer(
    *,
    donation: Donation,
    recipient,
    transferred_on: datetime.date,
    actor: User,
    quantity: int | None = None,
    amount: int | None = None,
    area=None,
    document_number: str = "",
    note: str = "",
    handover=None,
) -> DonationTransfer:
    """Pass part of a donation on: items (in kind, valued at the unit value) or cash."""
    locked = Donation.objects.select_for_update(no_key=True).get(pk=donation.pk)
    if locked.kind == Donation.Kind.IN_KIND:
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity <= 0:
            raise ValidationError({"quantity": _("Say how many items are passed on.")})
        if quantity > locked.remaining_quantity:
            raise ValidationError(
                {"quantity": _("Only %(left)s items remain to be passed on.") % {"left": locked.remaining_quantity}}
            )
        amount = quantity * locked.unit_value
    else:
        quantity = None
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise ValidationError({"amount": _("Say how much is passed on.")})
        if amount > locked.remaining_amount:
            raise ValidationError(
                {"amount": _("Only %(left)s remain to be passed on.") % {"left": format_vnd(locked.remaining_amount)}}
            )
    if handover is not None and (handover.source != handover.Source.DONATIONS or handover.unit_id != recipient.pk):
        raise ValidationError(
            {"handover": _("Link a smartphone handover from donations entered by the recipient unit.")}
        )
    transfer = DonationTransfer(
        donation=locked,
        recipient=recipient,
        area=area,
        transferred_on=transferred_on,
        document_number=document_number,
        quantity=quantity,
        amount=amount,
        note=note,
        handover=handover,
        recorded_by=actor,
    )
    transfer.full_clean()
    _add_with_history(
        locked,
        transferred_amount=amount,
        transferred_quantity=quantity or 0,
        actor=actor,
        reason=_("Passed on to %(unit)s") % {"unit": recipient},
    )
    save_tracked(transfer, actor=actor)
    donation.transferred_amount, donation.transferred_quantity = locked.transferred_amount, locked.transferred_quantity
    return transfer
