"""Every write to tracked data goes through here: validated, atomic, recorded with its actor.

Views, the admin, management commands and imports all call these functions, so the rules
(and the history row naming who did it) are the same whichever path a change takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from tracker.models import (
    Activity,
    Area,
    Cooperation,
    Deadline,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    ReportingRule,
    Target,
    Task,
    Unit,
    User,
)

M = TypeVar("M", bound=models.Model)


def _save(instance: M, *, actor: User | None, reason: str = "") -> M:
    """Validate every field and constraint, then save with the actor on the history row."""
    instance.full_clean()
    instance._history_user = actor  # read by django-simple-history
    if reason:
        instance._change_reason = reason
    instance.save()
    return instance


def _delete(instance: models.Model, *, actor: User | None) -> None:
    instance._history_user = actor
    instance.delete()


def upsert(model: type[M], *, lookup: dict[str, Any], values: dict[str, Any], actor: User | None) -> tuple[M, bool]:
    """Create or update one row by its natural key; save nothing when nothing changed.

    This is what makes loading the demo data idempotent: a second run writes no row and so
    adds no history.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return _save(model(**lookup, **values), actor=actor), True
    changed = False
    for field, value in values.items():
        current = getattr(instance, field)
        if isinstance(value, models.Model):
            current, value_key = getattr(instance, f"{field}_id"), value.pk
        else:
            value_key = value
        if current != value_key:
            setattr(instance, field, value)
            changed = True
    if changed:
        _save(instance, actor=actor)
    return instance, changed


@transaction.atomic
def area_save(*, area: Area, actor: User | None) -> Area:
    return _save(area, actor=actor)


@transaction.atomic
def unit_save(*, unit: Unit, actor: User | None) -> Unit:
    return _save(unit, actor=actor)


@transaction.atomic
def legal_document_save(*, document: LegalDocument, actor: User | None) -> LegalDocument:
    return _save(document, actor=actor)


@transaction.atomic
def plan_save(*, plan: Plan, actor: User | None, legal_bases: Iterable[LegalDocument] | None = None) -> Plan:
    """Save a plan and, when given, its legal bases in the order they are cited."""
    _save(plan, actor=actor)
    if legal_bases is not None:
        _sync_legal_bases(plan, list(legal_bases), actor=actor)
    return plan


def _sync_legal_bases(plan: Plan, documents: list[LegalDocument], *, actor: User | None) -> None:
    existing = {link.document_id: link for link in plan.legal_basis_links.all()}
    wanted = {document.pk for document in documents}
    for link in existing.values():
        if link.document_id not in wanted:
            _delete(link, actor=actor)
    for order, document in enumerate(documents, start=1):
        link = existing.get(document.pk)
        if link is None:
            _save(PlanLegalBasis(plan=plan, document=document, order=order), actor=actor)
        elif link.order != order:
            link.order = order
            _save(link, actor=actor)


@transaction.atomic
def plan_duty_save(*, duty: PlanDuty, actor: User | None) -> PlanDuty:
    return _save(duty, actor=actor)


@transaction.atomic
def activity_save(
    *, activity: Activity, actor: User | None, cooperating_units: Iterable[Unit] | None = None
) -> Activity:
    """Save an activity with its one lead unit and, when given, its cooperating units."""
    units = list(cooperating_units) if cooperating_units is not None else None
    if units is not None and any(unit.pk == activity.lead_unit_id for unit in units):
        raise ValidationError({"cooperating_units": _("A unit cannot both lead and cooperate on the same activity.")})
    # Changing the lead to a unit that already cooperates would break the same rule.
    if activity.pk and units is None and activity.cooperations.filter(unit_id=activity.lead_unit_id).exists():
        message = _("This unit already cooperates on the activity; remove it from the cooperating units first.")
        raise ValidationError({"lead_unit": message})
    _save(activity, actor=actor)
    if units is not None:
        _sync_cooperations(activity, units, actor=actor)
    return activity


def _sync_cooperations(activity: Activity, units: list[Unit], *, actor: User | None) -> None:
    existing = {cooperation.unit_id: cooperation for cooperation in activity.cooperations.all()}
    wanted = {unit.pk for unit in units}
    for cooperation in existing.values():
        if cooperation.unit_id not in wanted:
            _delete(cooperation, actor=actor)
    for unit in units:
        if unit.pk not in existing:
            _save(Cooperation(activity=activity, unit=unit), actor=actor)


@transaction.atomic
def output_indicator_save(*, output: OutputIndicator, actor: User | None) -> OutputIndicator:
    return _save(output, actor=actor)


@transaction.atomic
def task_save(*, task: Task, actor: User | None) -> Task:
    """Assign (or change) a unit's share of an activity."""
    return _save(task, actor=actor)


@transaction.atomic
def target_save(*, target: Target, actor: User | None) -> Target:
    return _save(target, actor=actor)


@transaction.atomic
def deadline_save(*, deadline: Deadline, actor: User | None) -> Deadline:
    return _save(deadline, actor=actor)


@transaction.atomic
def reporting_rule_save(*, rule: ReportingRule, actor: User | None) -> ReportingRule:
    return _save(rule, actor=actor)


@transaction.atomic
def delete(*, instance: models.Model, actor: User | None) -> None:
    """Delete a row, recording who did it in its history."""
    _delete(instance, actor=actor)
