"""Writes of the due part: a person's own reminder settings, and the periodic reports units
record as sent."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.core.history import save_tracked
from tracker.core.obligations import dispatch_states_refresh
from tracker.models import ReportDispatch, ReportingRule, Unit, User


@transaction.atomic
def user_preferences_save(*, user: User, wants_digest: bool, email: str, actor: User | None) -> User:
    """A person's own reminder settings: the daily digest on or off, and where it goes.

    Only these two fields are written (`update_fields`), so a stale copy of the user cannot
    undo a change an administrator made meanwhile to anything else.
    """
    email = email.strip()
    if wants_digest and not email:
        raise ValidationError({"email": _("Give an e-mail address to receive the digest.")})
    user.wants_digest = wants_digest
    user.email = email
    user.full_clean(exclude=["password"])
    user.save(update_fields=["wants_digest", "email"])
    return user


@transaction.atomic
def report_dispatch_record(
    *,
    rule: ReportingRule,
    unit: Unit,
    period_start: datetime.date,
    period_end: datetime.date,
    sent_on: datetime.date,
    number_symbol: str,
    note: str,
    actor: User,
) -> ReportDispatch:
    """Record that a unit sent its report for one period of a rule (or correct the record):
    the obligation is then met, on time when sent by its due date."""
    if unit.pk not in rule.reporting_unit_ids():
        raise ValidationError(_("This unit does not report under this rule."))
    dispatch = (
        ReportDispatch.objects.select_for_update()
        .filter(rule=rule, unit=unit, period_start=period_start, period_end=period_end)
        .first()
    )
    if dispatch is None:
        dispatch = ReportDispatch(
            rule=rule, unit=unit, period_start=period_start, period_end=period_end, recorded_by=actor
        )
    dispatch.sent_on = sent_on
    dispatch.number_symbol = number_symbol.strip()
    dispatch.note = note.strip()
    save_tracked(dispatch, actor=actor)
    dispatch_states_refresh(rule_ids=[rule.pk])
    return dispatch
