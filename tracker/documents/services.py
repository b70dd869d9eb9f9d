"""Writes of the documents part: plans with their legal bases and duties, targets, deadlines
and reporting rules; the directory of areas, units and the people who belong to them.

Keyword-only, atomic, validated, recorded in history with the actor (`tracker.core.history`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from tracker.core import roles
from tracker.core.calendar import today
from tracker.core.deletion import delete_guarded
from tracker.core.grants import grants_sync, unit_officer_group
from tracker.core.history import delete_tracked, save_tracked
from tracker.core.obligation_figures import obligation_figures_changed
from tracker.core.obligations import obligations_sync, plans_of_collective
from tracker.core.public_figures import public_figures_changed
from tracker.core.text import vietnamese_collation_key
from tracker.models import (
    Activity,
    Area,
    Deadline,
    Indicator,
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
    obligation_figures_changed()  # cached figures name areas (the country's, by province)
    return save_tracked(area, actor=actor)


@transaction.atomic
def unit_save(*, unit: Unit, actor: User | None) -> Unit:
    unit.sort_key = vietnamese_collation_key(unit.name)
    obligation_figures_changed()  # cached figures name units (the due page's, the budget tables')
    return save_tracked(unit, actor=actor)


@transaction.atomic
def unit_end(*, unit: Unit, on: datetime.date, successor: Unit | None, actor: User | None) -> Unit:
    """End a unit on a date (merged, renamed, dissolved), naming what carries on its work.

    Old plans keep pointing at the ended unit; choice lists offer only units in force.
    """
    if successor is not None and successor.pk == unit.pk:
        raise ValidationError({"successor": _("A unit cannot be its own successor.")})
    if successor is not None and successor.valid_to is not None and successor.valid_to < on:
        raise ValidationError({"successor": _("The successor has itself ended before this date.")})
    unit.valid_to = on
    unit.successor = successor
    obligation_figures_changed()
    return save_tracked(unit, actor=actor, reason=_("Ended"))


def normalised_number(number_symbol: str) -> str:
    """A number-symbol as compared for duplicates: no spaces, one kind of dash, any case
    ("2269/QĐ-TTg" and "2269 / qđ–TTg" are the same document)."""
    text = "".join(number_symbol.split()).replace("–", "-").replace("—", "-")
    return text.upper()


def legal_document_duplicate(
    *, number_symbol: str, issued_on: datetime.date | None, exclude_pk: int | None = None
) -> LegalDocument | None:
    """The existing document with the same number-symbol and date, if any."""
    wanted = normalised_number(number_symbol)
    if not wanted:
        return None
    # Few documents share a date: compare their numbers in Python (SQLite cannot upper-case
    # Vietnamese letters, so the database could not compare "qđ" with "QĐ").
    candidates = LegalDocument.objects.filter(issued_on=issued_on).exclude(number_symbol="")
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    for candidate in candidates:
        if normalised_number(candidate.number_symbol) == wanted:
            return candidate
    return None


class DuplicateDocument(ValidationError):
    """A legal document that already exists; carries it, so a form can link to it."""

    def __init__(self, existing: LegalDocument):
        self.existing = existing
        super().__init__(
            {
                "number_symbol": ValidationError(
                    _("%(document)s already exists (same number and date)."),
                    code="duplicate",
                    params={"document": str(existing)},
                )
            }
        )


@transaction.atomic
def legal_document_save(*, document: LegalDocument, actor: User | None) -> LegalDocument:
    """Save a legal document; the same number-symbol and date is refused as a duplicate."""
    document.number_symbol = " ".join(document.number_symbol.split())
    existing = legal_document_duplicate(
        number_symbol=document.number_symbol, issued_on=document.issued_on, exclude_pk=document.pk
    )
    if existing is not None:
        raise DuplicateDocument(existing)
    return save_tracked(document, actor=actor)


@transaction.atomic
def legal_document_end(*, document: LegalDocument, on: datetime.date, actor: User | None) -> LegalDocument:
    """A document repealed or replaced: not offered for new plans; plans citing it keep it."""
    if document.issued_on and on < document.issued_on:
        raise ValidationError({"valid_to": _("A document cannot end before it was issued.")})
    document.valid_to = on
    return save_tracked(document, actor=actor, reason=_("Ended"))


@transaction.atomic
def indicator_save(*, indicator: Indicator, actor: User | None) -> Indicator:
    indicator.code = indicator.code.strip()
    return save_tracked(indicator, actor=actor)


@transaction.atomic
def indicator_end(*, indicator: Indicator, on: datetime.date, actor: User | None) -> Indicator:
    """An indicator no longer used for new targets; the targets set on it stay."""
    indicator.valid_to = on
    return save_tracked(indicator, actor=actor, reason=_("Ended"))


@transaction.atomic
def programme_component_save(*, component: ProgrammeComponent, actor: User | None) -> ProgrammeComponent:
    return save_tracked(component, actor=actor)


@transaction.atomic
def plan_save(*, plan: Plan, actor: User | None, legal_bases: Iterable[LegalDocument] | None = None) -> Plan:
    """Save a plan and, when given, its legal bases in the order they are cited."""
    previous_start = plan.__class__.objects.filter(pk=plan.pk).values_list("period_start", flat=True).first()
    save_tracked(plan, actor=actor)
    public_figures_changed()  # its status or sample flag decides whether the public counts it
    obligation_figures_changed()  # cached figures name plans and place them in provinces
    if previous_start is not None and previous_start != plan.period_start:
        # Tasks of activities with no start date report from the plan's start.
        obligations_sync(plan_ids=[plan.pk])
    if legal_bases is not None:
        _sync_legal_bases(plan, list(legal_bases), actor=actor)
    return plan


def _sync_legal_bases(
    plan: Plan, documents: list[LegalDocument | tuple[LegalDocument, str]], *, actor: User | None
) -> None:
    """Each item a document, or (document, the words the plan cites it with: "Thực hiện")."""
    items = [item if isinstance(item, tuple) else (item, None) for item in documents]
    existing = {link.document_id: link for link in plan.legal_basis_links.all()}
    wanted = {document.pk for document, _lead_in in items}
    for link in existing.values():
        if link.document_id not in wanted:
            delete_tracked(link, actor=actor)
    for order, (document, lead_in) in enumerate(items, start=1):
        link = existing.get(document.pk)
        if link is None:
            save_tracked(
                PlanLegalBasis(plan=plan, document=document, order=order, lead_in=(lead_in or "").strip()),
                actor=actor,
            )
        elif link.order != order or (lead_in is not None and link.lead_in != lead_in.strip()):
            link.order = order
            if lead_in is not None:
                link.lead_in = lead_in.strip()
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
def plan_duties_save(
    *, plan: Plan, duties: Iterable[PlanDuty], removed: Iterable[PlanDuty] = (), actor: User | None
) -> None:
    """Section IV of a plan: its duties in this order (numbered 1, 2, …), the removed ones
    deleted; a duty is written (and so in history) only when it changed."""
    for duty in removed:
        if duty.pk and duty.plan_id == plan.pk:
            delete_tracked(duty, actor=actor)
    for order, duty in enumerate(duties, start=1):
        duty.plan = plan
        unchanged = duty.pk and duty.order == order and not getattr(duty, "_changed_on_form", True)
        duty.order = order
        if not unchanged:
            save_tracked(duty, actor=actor)


@transaction.atomic
def target_save(*, target: Target, actor: User | None) -> Target:
    return save_tracked(target, actor=actor)


@transaction.atomic
def deadline_save(*, deadline: Deadline, actor: User | None) -> Deadline:
    return save_tracked(deadline, actor=actor)


@transaction.atomic
def reporting_rule_save(*, rule: ReportingRule, actor: User | None) -> ReportingRule:
    previous_plan_id = ReportingRule.objects.filter(pk=rule.pk).values_list("plan_id", flat=True).first()
    save_tracked(rule, actor=actor)
    obligations_sync(plan_ids={rule.plan_id, previous_plan_id})
    return rule


@transaction.atomic
def plan_delete(*, plan: Plan, actor: User | None) -> None:
    """Delete a plan with everything written for it; refused when reports, records, register
    entries, money or generated reports depend on it (close it instead)."""
    delete_guarded(instance=plan, actor=actor)
    obligation_figures_changed()  # its expected reports went with it


@transaction.atomic
def plan_close(*, plan: Plan, actor: User | None) -> Plan:
    plan.status = Plan.Status.CLOSED
    public_figures_changed()
    obligation_figures_changed()  # a closed plan's expected reports are no longer counted
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
    plan_id = rule.plan_id
    delete_guarded(instance=rule, actor=actor)
    obligations_sync(plan_ids=[plan_id])


@transaction.atomic
def reporting_rule_end(*, rule: ReportingRule, actor: User | None) -> ReportingRule:
    """A rule with reports cannot be deleted: it ends today (its past periods stay owed and
    reported; no new period is asked for)."""
    rule.active_to = max(min(rule.active_to, today()), rule.active_from)
    save_tracked(rule, actor=actor, reason="ended")
    obligations_sync(plan_ids=[rule.plan_id])
    return rule


@transaction.atomic
def user_save(*, user: User, actor: User | None, reason: str = "") -> User:
    """Create or edit a person's account (the people pages, the admin's user pages), with a
    history row; their unit, and with it their unit's rights group, is set by `user_set_unit`."""
    return save_tracked(user, actor=actor, reason=reason)


@transaction.atomic
def user_set_unit(*, user: User, unit: Unit | None, actor: User | None) -> User:
    """Move a person to a unit: as a unit officer they join that unit's officer group (and so
    gain its rights) and leave the old one's; someone no longer a unit officer leaves them all."""
    if user.unit_id != (unit.pk if unit else None):
        user.unit = unit
        save_tracked(user, actor=actor)
    is_officer = user.groups.filter(name=roles.UNIT_OFFICER).exists()
    keep = unit_officer_group(unit) if unit is not None and is_officer else None
    # Leave every other unit's group (not only the previous one: the admin saves the unit first).
    user.groups.remove(*user.groups.filter(unit__isnull=False).exclude(pk=keep.pk if keep else None))
    if keep is not None:
        user.groups.add(keep)
    return user


@transaction.atomic
def unit_members_set(*, unit: Unit, members: Iterable[Unit], actor: User | None) -> None:
    """Set a collective's member units; grants given to the collective now reach them. A change
    of members is a history row of the collective, naming them."""
    members = list(members)
    before = set(unit.members.values_list("pk", flat=True))
    unit.members.set(members)
    if before != {member.pk for member in members} and (before or members):
        names = ", ".join(sorted(member.name for member in members)) or "—"
        save_tracked(unit, actor=actor, reason=_("Members: %(names)s") % {"names": names})
    for activity in Activity.objects.filter(
        models.Q(lead_unit=unit) | models.Q(cooperations__unit=unit) | models.Q(tasks__unit=unit)
    ).distinct():
        grants_sync(activity=activity)
    # The members owe the reports of the rules the collective reports under.
    obligations_sync(plan_ids=plans_of_collective(unit))
