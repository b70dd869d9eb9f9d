"""Writes of the documents part: plans with their legal bases and duties, targets, deadlines
and reporting rules; the directory of areas, units and the people who belong to them.

Keyword-only, atomic, validated, recorded in history with the actor (`tracker.core.history`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction

from tracker.core import roles
from tracker.core.calendar import today
from tracker.core.deletion import delete_guarded
from tracker.core.grants import grants_sync, unit_officer_group
from tracker.core.history import delete_tracked, save_tracked
from tracker.models import (
    Activity,
    Area,
    Deadline,
    LegalDocument,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    ProgrammeComponent,
    ReportingRule,
    Target,
    Unit,
    User,
)


@transaction.atomic
def area_save(*, area: Area, actor: User | None) -> Area:
    return save_tracked(area, actor=actor)


@transaction.atomic
def unit_save(*, unit: Unit, actor: User | None) -> Unit:
    return save_tracked(unit, actor=actor)


@transaction.atomic
def legal_document_save(*, document: LegalDocument, actor: User | None) -> LegalDocument:
    return save_tracked(document, actor=actor)


@transaction.atomic
def programme_component_save(*, component: ProgrammeComponent, actor: User | None) -> ProgrammeComponent:
    return save_tracked(component, actor=actor)


@transaction.atomic
def plan_save(*, plan: Plan, actor: User | None, legal_bases: Iterable[LegalDocument] | None = None) -> Plan:
    """Save a plan and, when given, its legal bases in the order they are cited."""
    save_tracked(plan, actor=actor)
    if legal_bases is not None:
        _sync_legal_bases(plan, list(legal_bases), actor=actor)
    return plan


def _sync_legal_bases(plan: Plan, documents: list[LegalDocument], *, actor: User | None) -> None:
    existing = {link.document_id: link for link in plan.legal_basis_links.all()}
    wanted = {document.pk for document in documents}
    for link in existing.values():
        if link.document_id not in wanted:
            delete_tracked(link, actor=actor)
    for order, document in enumerate(documents, start=1):
        link = existing.get(document.pk)
        if link is None:
            save_tracked(PlanLegalBasis(plan=plan, document=document, order=order), actor=actor)
        elif link.order != order:
            link.order = order
            save_tracked(link, actor=actor)


@transaction.atomic
def plan_legal_basis_save(*, link: PlanLegalBasis, actor: User | None) -> PlanLegalBasis:
    """Cite one document as a legal basis of a plan, or move it in the order (the admin's
    rows; the plan pages give the whole list to `plan_save`)."""
    return save_tracked(link, actor=actor)


@transaction.atomic
def plan_duty_save(*, duty: PlanDuty, actor: User | None) -> PlanDuty:
    return save_tracked(duty, actor=actor)


@transaction.atomic
def target_save(*, target: Target, actor: User | None) -> Target:
    return save_tracked(target, actor=actor)


@transaction.atomic
def deadline_save(*, deadline: Deadline, actor: User | None) -> Deadline:
    return save_tracked(deadline, actor=actor)


@transaction.atomic
def reporting_rule_save(*, rule: ReportingRule, actor: User | None) -> ReportingRule:
    return save_tracked(rule, actor=actor)


@transaction.atomic
def plan_delete(*, plan: Plan, actor: User | None) -> None:
    """Delete a plan with everything written for it; refused when reports, records, register
    entries, money or generated reports depend on it (close it instead)."""
    delete_guarded(instance=plan, actor=actor)


@transaction.atomic
def plan_close(*, plan: Plan, actor: User | None) -> Plan:
    plan.status = Plan.Status.CLOSED
    return save_tracked(plan, actor=actor, reason="closed")


@transaction.atomic
def target_delete(*, target: Target, actor: User | None) -> None:
    delete_guarded(instance=target, actor=actor)


@transaction.atomic
def deadline_delete(*, deadline: Deadline, actor: User | None) -> None:
    delete_guarded(instance=deadline, actor=actor)


@transaction.atomic
def reporting_rule_delete(*, rule: ReportingRule, actor: User | None) -> None:
    """Refused when reports were written or sent under the rule (end it instead)."""
    delete_guarded(instance=rule, actor=actor)


@transaction.atomic
def reporting_rule_end(*, rule: ReportingRule, actor: User | None) -> ReportingRule:
    """A rule with reports cannot be deleted: it ends today (its past periods stay owed and
    reported; no new period is asked for)."""
    rule.active_to = max(min(rule.active_to, today()), rule.active_from)
    return save_tracked(rule, actor=actor, reason="ended")


@transaction.atomic
def user_save(*, user: User, actor: User | None) -> User:
    """Create or edit a person's account (the admin's user pages). People are not tracked in
    history; their unit, and with it their unit's rights group, is set by `user_set_unit`."""
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def user_set_unit(*, user: User, unit: Unit | None, actor: User | None) -> User:
    """Move a person to a unit: as a unit officer they join that unit's officer group (and so
    gain its rights) and leave the old one's."""
    user.unit = unit
    user.full_clean()
    user.save()
    # Leave every other unit's group (not only the previous one: the admin saves the unit first).
    user.groups.remove(*user.groups.filter(unit__isnull=False).exclude(unit=unit))
    if unit is not None and user.groups.filter(name=roles.UNIT_OFFICER).exists():
        user.groups.add(unit_officer_group(unit))
    return user


@transaction.atomic
def unit_members_set(*, unit: Unit, members: Iterable[Unit], actor: User | None) -> None:
    """Set a collective's member units; grants given to the collective now reach them."""
    unit.members.set(members)
    for activity in Activity.objects.filter(
        models.Q(lead_unit=unit) | models.Q(cooperations__unit=unit) | models.Q(tasks__unit=unit)
    ).distinct():
        grants_sync(activity=activity)
