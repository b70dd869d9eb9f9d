"""Idempotent building blocks for the demo loader, all writing through `tracker.work.services`.

Each helper looks a row up by its natural key and passes the remaining fields to
`core_history.upsert`, which saves (and so writes history) only when a value differs. Values
are given in the types the model returns (dates as `datetime.date`, foreign keys as model
instances, blank text as "") so that a second run compares equal and writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.core import history as core_history
from tracker.documents import services as document_services
from tracker.models import (
    Activity,
    ActivityType,
    Area,
    AreaClassification,
    Cooperation,
    Deadline,
    Indicator,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    ProgrammeComponent,
    ReportingRule,
    Target,
    Task,
    Unit,
    User,
)
from tracker.models.organisation import kind_from_name
from tracker.work import services

D = datetime.date


@dataclass
class Ctx:
    """What every loader step needs: who writes, and which day "today" is."""

    actor: User
    today: datetime.date


# A cooperating unit, optionally with its role as the plan words it ("Đồng chủ trì", …).
CoopSpec = Unit | tuple[Unit, str]


def committee_name(area_name: str) -> str:
    """'Xã Thiệu Khánh' -> 'UBND xã Thiệu Khánh' (the level word in lower case, as in prose)."""
    return f"UBND {area_name[:1].lower()}{area_name[1:]}"


def lines(*items: str) -> str:
    """Join paragraphs with newlines (recipients, bullet lists) without trailing blanks."""
    return "\n".join(item.strip() for item in items)


def area(ctx: Ctx, name: str, level: int, parent: Area | None = None, **values: Any) -> Area:
    # Official codes are never invented (truth rule): the demo writes none, and leaves those
    # `load_admin_map` took from the official list alone. The kind is what the name says.
    values.setdefault("kind", kind_from_name(name, level))
    obj, _ = core_history.upsert(
        Area, lookup={"name": name, "level": level, "parent": parent}, values=values, actor=ctx.actor
    )
    return obj


def sample_commune(ctx: Ctx, province: Area, name: str, region: str, border: bool, difficult: bool) -> Area:
    """A commune made up for the demonstration, with the classification its figures depend on
    (region, border commune, extremely difficult)."""
    commune = area(ctx, name, Area.Level.COMMUNE, province, is_sample=True)
    # Its classification is made up too: sample rows, with no deciding document and no period.
    wanted = {AreaClassification.Kind.REGION: region} if region else {}
    if border:
        wanted[AreaClassification.Kind.BORDER] = ""
    if difficult:
        wanted[AreaClassification.Kind.EXTREMELY_DIFFICULT] = ""
    for kind, value in wanted.items():
        core_history.upsert(
            AreaClassification,
            lookup={"area": commune, "kind": kind, "valid_from": None},
            values={"region": value, "is_sample": True},
            actor=ctx.actor,
        )
    return commune


def unit(ctx: Ctx, name: str, kind: str, **values: Any) -> Unit:
    values["kind"] = kind
    values.setdefault("is_group", False)
    obj, _ = core_history.upsert(Unit, lookup={"name": name}, values=values, actor=ctx.actor)
    return obj


def committee(ctx: Ctx, area_obj: Area, *, parent: Unit | None = None, **values: Any) -> Unit:
    """The People's Committee of an area."""
    return unit(
        ctx,
        committee_name(area_obj.name),
        Unit.Kind.PEOPLES_COMMITTEE,
        area=area_obj,
        parent=parent,
        is_sample=area_obj.is_sample,
        **values,
    )


def group(ctx: Ctx, name: str, kind: str, members: Iterable[Unit] = (), **values: Any) -> Unit:
    """A collective a plan names ("UBND các phường, xã"); its members are units."""
    obj = unit(ctx, name, kind, is_group=True, **values)
    members = list(members)
    if set(obj.members.values_list("pk", flat=True)) != {member.pk for member in members}:
        # Through the service: grants given to the collective must reach its new members.
        document_services.unit_members_set(unit=obj, members=members, actor=ctx.actor)
    return obj


def document(ctx: Ctx, kind: str, number_symbol: str, issued_on: D | None, issuer: str, title: str) -> LegalDocument:
    obj, _ = core_history.upsert(
        LegalDocument,
        lookup={"number_symbol": number_symbol, "issued_on": issued_on},
        values={"kind": kind, "issuer": issuer, "title": title},
        actor=ctx.actor,
    )
    return obj


def component(ctx: Ctx, code: str, **values: Any) -> ProgrammeComponent:
    obj, _ = core_history.upsert(ProgrammeComponent, lookup={"code": code}, values=values, actor=ctx.actor)
    return obj


PLAN_TEXT_FIELDS = (
    "number_symbol",
    "place",
    "purpose",
    "funding",
    "signing_authority",
    "signer_title",
    "signer_name",
    "recipients",
)


def plan(
    ctx: Ctx,
    *,
    issuer: Unit,
    title: str,
    legal_bases: Sequence[LegalDocument],
    lookup: dict[str, Any] | None = None,
    **values: Any,
) -> Plan:
    """A plan keyed by issuer and title (or `lookup`), with its legal bases in the order they are cited."""
    for field in PLAN_TEXT_FIELDS:
        values.setdefault(field, "")
    values.setdefault("is_sample", False)
    # A plan whose period is over is closed in the tracker: it was issued (the seed says so),
    # and no one follows it any more, so its unreported work does not crowd "what is due".
    period_end = values.get("period_end")
    over = period_end is not None and period_end < ctx.today
    values.setdefault("status", Plan.Status.CLOSED if over else Plan.Status.ISSUED)
    if lookup is None:
        lookup = {"issuer": issuer, "title": title}
    else:
        values.update(issuer=issuer, title=title)
        values = {field: value for field, value in values.items() if field not in lookup}
    existing = Plan.objects.filter(**lookup).first()
    if existing is None:
        return document_services.plan_save(plan=Plan(**lookup, **values), actor=ctx.actor, legal_bases=legal_bases)
    obj, _ = core_history.upsert(Plan, lookup=lookup, values=values, actor=ctx.actor)
    cited = list(obj.legal_basis_links.order_by("order").values_list("document_id", flat=True))
    if cited != [doc.pk for doc in legal_bases]:
        document_services.plan_save(plan=obj, actor=ctx.actor, legal_bases=legal_bases)
    return obj


def activity_type(code: str) -> ActivityType:
    # Content types are reference data from migration 0002; the demo only reads them.
    return ActivityType.objects.get(code=code)


def activity(
    ctx: Ctx,
    *,
    plan: Plan,
    section_code: str,
    type_code: str,
    cooperating: Sequence[CoopSpec] = (),
    **values: Any,
) -> Activity:
    """One content of a plan, with its one lead unit (in values) and its cooperating units."""
    values["activity_type"] = activity_type(type_code)
    values.setdefault("description", "")
    values.setdefault("schedule_note", "")
    values.setdefault("area", None)
    specs = [spec if isinstance(spec, tuple) else (spec, "") for spec in cooperating]
    units = [spec_unit for spec_unit, _ in specs]
    lookup = {"plan": plan, "section_code": section_code}
    obj = Activity.objects.filter(**lookup).first()
    if obj is None:
        obj = services.activity_save(activity=Activity(**lookup, **values), actor=ctx.actor, cooperating_units=units)
    else:
        obj, _ = core_history.upsert(Activity, lookup=lookup, values=values, actor=ctx.actor)
        if set(obj.cooperations.values_list("unit_id", flat=True)) != {u.pk for u in units}:
            services.activity_save(activity=obj, actor=ctx.actor, cooperating_units=units)
    for spec_unit, note in specs:
        # The role note is not part of activity_save; set it on the row that service created.
        core_history.upsert(
            Cooperation, lookup={"activity": obj, "unit": spec_unit}, values={"note": note}, actor=ctx.actor
        )
    return obj


def duty(ctx: Ctx, plan: Plan, order: int, unit_obj: Unit, heading: str, text: str) -> PlanDuty:
    obj, _ = core_history.upsert(
        PlanDuty,
        lookup={"plan": plan, "order": order},
        values={"unit": unit_obj, "heading": heading, "text": text},
        actor=ctx.actor,
    )
    return obj


def output(
    ctx: Ctx,
    activity_obj: Activity,
    order: int,
    name: str,
    unit_of_measure: str,
    planned_quantity: int | None = None,
    indicator: Indicator | None = None,
) -> OutputIndicator:
    obj, _ = core_history.upsert(
        OutputIndicator,
        lookup={"activity": activity_obj, "name": name},
        values={
            "unit_of_measure": unit_of_measure,
            "planned_quantity": planned_quantity,
            "indicator": indicator,
            "order": order,
        },
        actor=ctx.actor,
    )
    return obj


def indicator(ctx: Ctx, code: str, name: str, unit_of_measure: str, role: str, order: int) -> Indicator:
    obj, _ = core_history.upsert(
        Indicator,
        lookup={"code": code},
        values={"name": name, "unit_of_measure": unit_of_measure, "role": role, "order": order},
        actor=ctx.actor,
    )
    return obj


def target(ctx: Ctx, plan: Plan, indicator_obj: Indicator, area_obj: Area, year: int, value: int) -> Target:
    obj, _ = core_history.upsert(
        Target,
        lookup={"plan": plan, "indicator": indicator_obj, "area": area_obj, "year": year},
        values={"planned_value": value},
        actor=ctx.actor,
    )
    return obj


def task(ctx: Ctx, activity_obj: Activity, unit_obj: Unit, deliverable: str, **values: Any) -> Task:
    values.setdefault("area", None)
    values.setdefault("output_indicator", None)
    values.setdefault("target_quantity", None)
    values.setdefault("completed_on", None)
    obj, _ = core_history.upsert(
        Task,
        lookup={"activity": activity_obj, "unit": unit_obj, "deliverable": deliverable},
        values=values,
        actor=ctx.actor,
    )
    return obj


def deadline(ctx: Ctx, plan: Plan, title: str, kind: str, **values: Any) -> Deadline:
    values["kind"] = kind
    for field in ("activity", "responsible_unit", "due_date", "window_start", "window_end"):
        values.setdefault(field, None)
    values.setdefault("wording", "")
    obj, _ = core_history.upsert(Deadline, lookup={"plan": plan, "title": title}, values=values, actor=ctx.actor)
    return obj


def reporting_rule(ctx: Ctx, plan: Plan, title: str, frequency: str, **values: Any) -> ReportingRule:
    values["frequency"] = frequency
    values.setdefault("due_month", None)
    values.setdefault("due_following_month", False)
    values.setdefault("recipient", None)
    values.setdefault("wording", "")
    obj, _ = core_history.upsert(ReportingRule, lookup={"plan": plan, "title": title}, values=values, actor=ctx.actor)
    return obj
