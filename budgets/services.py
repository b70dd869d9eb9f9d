"""Writes to budgets: validated, atomic, recorded with their actor (as tracker.services).

The running total ``Allocation.disbursed`` changes only here, under a lock on the allocation
row (``SELECT … FOR NO KEY UPDATE`` on PostgreSQL), so concurrent disbursements are serialised
and can never take the total past the allocated amount. The CHECK constraints on the table
are the last line of defence if anything else tries.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from budgets.models import Allocation, Disbursement
from budgets.money import format_vnd
from tracker.models import User
from tracker.services import _save


def _lock(allocation: Allocation) -> Allocation:
    """Re-read the allocation inside the transaction, holding its row lock until commit."""
    return Allocation.objects.select_for_update(no_key=True).get(pk=allocation.pk)


def _add_to_disbursed_with_history(allocation: Allocation, delta: int, *, actor: User, reason: str) -> None:
    """Move the running total with ``F()`` and write the history row for it deliberately.

    ``save()`` cannot carry an ``F()`` into the history row, so the row is updated in SQL,
    read back (still under our lock, so the value is exact) and its history row written with
    the actor — one UPDATE, one history row, as a save would have left.
    """
    Allocation.objects.filter(pk=allocation.pk).update(disbursed=F("disbursed") + delta)
    allocation.refresh_from_db(fields=["disbursed"])
    Allocation.history.bulk_history_create([allocation], update=True, default_user=actor, default_change_reason=reason)


@transaction.atomic
def allocation_save(*, allocation: Allocation, actor: User | None) -> Allocation:
    """Create or edit an allocation. ``disbursed`` is never taken from the caller: a new
    allocation starts at 0 and an edit keeps the stored total (read under the lock, so an
    amount cut below what is already disbursed is refused)."""
    if allocation.pk is None or not Allocation.objects.filter(pk=allocation.pk).exists():
        allocation.disbursed = 0
    else:
        allocation.disbursed = _lock(allocation).disbursed
    return _save(allocation, actor=actor)


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
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError({"amount": _("The amount must be a whole number of đồng.")})
    if amount <= 0:
        raise ValidationError({"amount": _("A disbursement must be a positive amount.")})
    locked = _lock(allocation)
    if amount > locked.remaining:
        raise ValidationError(
            {
                "amount": _("This would exceed the allocation: only %(remaining)s remain to be disbursed.")
                % {"remaining": format_vnd(locked.remaining)}
            }
        )
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
    _add_to_disbursed_with_history(
        locked, amount, actor=actor, reason=_("Disbursement %(voucher)s") % {"voucher": voucher_number}
    )
    _save(disbursement, actor=actor)
    allocation.disbursed = locked.disbursed
    return disbursement


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
    _add_to_disbursed_with_history(
        locked,
        -original.amount,
        actor=actor,
        reason=_("Reversal of %(voucher)s: %(reason)s") % {"voucher": original.voucher_number, "reason": reason},
    )
    return _save(reversal, actor=actor, reason=reason)
