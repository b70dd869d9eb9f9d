"""Writes of the area pages: create and edit an area, end it with its successor(s).

Keyword-only, atomic, validated, recorded in history with the actor (`tracker.core.history`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tracker.core.history import save_tracked
from tracker.core.obligation_figures import obligation_figures_changed
from tracker.models import Area, AreaClassification, AreaSuccession, User
from tracker.models.organisation import KIND_LEVEL


@transaction.atomic
def area_save(*, area: Area, actor: User | None) -> Area:
    """Create or change an area; its level follows from its kind when one is given."""
    if area.kind:
        area.level = KIND_LEVEL[area.kind]
    obligation_figures_changed()  # cached figures name areas and roll them up by province
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
    obligation_figures_changed()  # cached figures count an ended province for its successor
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


def _overlapping(classification: AreaClassification):
    """Rows of the same area and kind whose period meets this one's (open ends reach forever)."""
    others = AreaClassification.objects.filter(area=classification.area, kind=classification.kind).exclude(
        pk=classification.pk
    )
    if classification.valid_to is not None:
        others = others.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=classification.valid_to))
    if classification.valid_from is not None:
        others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=classification.valid_from))
    return others


@transaction.atomic
def classification_add(*, classification: AreaClassification, actor: User | None) -> AreaClassification:
    """Record a commune's classification for a period, as its decision set it. A period that
    meets another of the same kind is refused: end the old one first (the 2021–2025 region
    ends on 31/12/2025 before the 2026–2030 one starts)."""
    classification.full_clean()
    clash = _overlapping(classification).first()
    if clash is not None:
        raise ValidationError(
            _("%(area)s already has this classification for a period that meets this one (%(period)s): end it first.")
            % {"area": classification.area.name, "period": _period(clash)}
        )
    return save_tracked(classification, actor=actor)


@transaction.atomic
def classification_end(
    *, classification: AreaClassification, last_day: datetime.date, actor: User | None, decision: str = ""
) -> AreaClassification:
    """End a classification on `last_day` (a new decision replaced it, or the period ran out);
    it stays in the history and in force for the dates before."""
    classification = AreaClassification.objects.select_for_update().get(pk=classification.pk)
    if classification.valid_to is not None:
        raise ValidationError(_("This classification has already ended."))
    if classification.valid_from and last_day < classification.valid_from:
        raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})
    classification.valid_to = last_day
    reason = _("Ended by %(decision)s") % {"decision": decision} if decision else ""
    return save_tracked(classification, actor=actor, reason=reason)


def _period(classification: AreaClassification) -> str:
    start = f"{classification.valid_from:%d/%m/%Y}" if classification.valid_from else "…"
    end = f"{classification.valid_to:%d/%m/%Y}" if classification.valid_to else "…"
    return f"{start} – {end}"
