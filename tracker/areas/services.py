"""Writes of the area pages: create and edit an area, end it with its successor(s).

Keyword-only, atomic, validated, recorded in history with the actor (`tracker.core.history`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.core.history import save_tracked
from tracker.models import Area, AreaSuccession, User
from tracker.models.organisation import KIND_LEVEL


@transaction.atomic
def area_save(*, area: Area, actor: User | None) -> Area:
    """Create or change an area; its level follows from its kind when one is given."""
    if area.kind:
        area.level = KIND_LEVEL[area.kind]
    return save_tracked(area, actor=actor)


@dataclass(frozen=True)
class SuccessorShare:
    successor: Area
    share: int | None = None


@transaction.atomic
def area_end(
    *,
    area: Area,
    last_day: datetime.date,
    successors: Iterable[SuccessorShare],
    decision: str = "",
    note: str = "",
    actor: User | None,
) -> list[AreaSuccession]:
    """End an area on `last_day`; each successor takes over (all or a share of) it the next day."""
    successors = list(successors)
    if area.valid_to is not None:
        raise ValidationError(_("This area has already ended."))
    if area.valid_from and last_day < area.valid_from:
        raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})
    if any(item.successor.pk == area.pk for item in successors):
        raise ValidationError(_("An area cannot be its own successor."))
    shares = [item.share for item in successors if item.share is not None]
    if sum(shares) > 100:
        raise ValidationError(_("The shares of the successors add up to more than 100%."))
    took_over_on = last_day + datetime.timedelta(days=1)
    for item in successors:
        if not item.successor.in_force_on(took_over_on):
            raise ValidationError(
                _("%(name)s is not in force on %(day)s.")
                % {"name": item.successor.name, "day": took_over_on.strftime("%d/%m/%Y")}
            )
    area.valid_to = last_day
    save_tracked(area, actor=actor)
    rows = []
    for item in successors:
        succession = AreaSuccession(
            predecessor=area,
            successor=item.successor,
            took_over_on=took_over_on,
            decision=decision,
            share=item.share,
            note=note,
        )
        rows.append(save_tracked(succession, actor=actor))
    return rows
