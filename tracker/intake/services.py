"""Writes of the plan intake: keep a document's draft for review, and confirm it into a plan.

Confirmation creates everything in one transaction through the existing services (so every
row has its history, with the manager as author). A part that fails stops it: nothing is
written, and `ConfirmError` says which part and why. Confirming twice creates nothing twice.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.documents import services as document_services
from tracker.models import (
    Activity,
    ActivityType,
    Deadline,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanImport,
    ProgrammeComponent,
    ReportingRule,
    Unit,
    User,
)
from tracker.work import services as work_services

from . import extract
from .parser import normalise, parse_text

FREQUENCIES = {"monthly": "monthly", "semiannual": "half_year", "annual": "annual"}


@transaction.atomic
def import_create(*, data: bytes | None, filename: str, pasted: str, actor: User) -> PlanImport:
    """Read the file (or the pasted text) and keep its draft for review."""
    if data:
        extracted = extract.extract(data, filename)
        text, read_as = extracted.text, extracted.method
    else:
        text, read_as, filename = pasted, PlanImport.ReadAs.TEXT, ""
    text = normalise(text)
    draft = parse_text(text)
    plan_import = PlanImport(
        created_by=actor, filename=filename[:255], read_as=read_as, text=text, draft=draft.to_dict()
    )
    plan_import.full_clean()
    plan_import.save()
    return plan_import


# --- what the reviewer decided ------------------------------------------------------------------


@dataclass
class NewUnit:
    name: str
    kind: str


@dataclass
class Reviewed:
    """The draft as the manager corrected it: names resolved to units, dropped parts left out."""

    issuer: Unit
    plan: dict  # Plan fields
    units: dict[str, Unit | NewUnit]  # name as written -> existing unit or one to create
    legal_bases: list[dict] = field(default_factory=list)  # number, kind, date, issuer, title
    activities: list[dict] = field(default_factory=list)
    duties: list[dict] = field(default_factory=list)
    deadlines: list[dict] = field(default_factory=list)
    rules: list[dict] = field(default_factory=list)


class ConfirmError(Exception):
    def __init__(self, part: str, messages: list[str]):
        super().__init__(f"{part}: {'; '.join(messages)}")
        self.part = part
        self.messages = messages


@contextlib.contextmanager
def _part(label: str):
    try:
        yield
    except ValidationError as error:
        raise ConfirmError(label, list(dict.fromkeys(error.messages))) from error


def _unit_name_in_area(name: str, unit_area) -> str:
    """A new unit is named with its area, as the tracker names units ("Sở Tài chính tỉnh Lạng Sơn")."""
    if unit_area is None:
        return name
    bare = unit_area.name.split(" ", 1)[-1] if unit_area.name.lower().startswith(("tỉnh ", "xã ", "huyện ")) else ""
    bare = bare or unit_area.name.replace("Thành phố ", "").replace("Phường ", "")
    if bare.lower() in name.lower():
        return name
    return f"{name} {unit_area.name[:1].lower()}{unit_area.name[1:]}"


@transaction.atomic
def import_confirm(*, plan_import: PlanImport, reviewed: Reviewed, actor: User) -> Plan:
    """Create the plan and all its parts; on a repeated confirmation return the plan made the first time."""
    locked = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    if locked.status == PlanImport.Status.CONFIRMED and locked.plan_id:
        return locked.plan

    units: dict[str, Unit] = {}
    for name, target in reviewed.units.items():
        if isinstance(target, Unit):
            units[name] = target
            continue
        with _part(_("New unit “%(name)s”") % {"name": name}):
            full_name = _unit_name_in_area(target.name, reviewed.issuer.area)
            existing = Unit.objects.filter(name=full_name, valid_to__isnull=True).first()
            units[name] = existing or document_services.unit_save(
                unit=Unit(
                    name=full_name,
                    kind=target.kind,
                    area=reviewed.issuer.area,
                    is_group=target.name.lower().startswith("các ") or " các " in target.name.lower(),
                ),
                actor=actor,
            )

    documents = []
    for basis in reviewed.legal_bases:
        with _part(_("Legal basis %(number)s") % {"number": basis["number"]}):
            doc = (
                basis.get("document")
                or LegalDocument.objects.filter(number_symbol=basis["number"], issued_on=basis["date"]).first()
            )
            if doc is None:
                doc = document_services.legal_document_save(
                    document=LegalDocument(
                        kind=basis["kind"],
                        number_symbol=basis["number"],
                        issued_on=basis["date"],
                        issuer=basis["issuer"],
                        title=basis["title"] or basis["number"],
                    ),
                    actor=actor,
                )
            documents.append(doc)

    with _part(_("Header of the plan")):
        plan = document_services.plan_save(
            plan=Plan(issuer=reviewed.issuer, area=reviewed.issuer.area, **reviewed.plan),
            actor=actor,
            legal_bases=documents,
        )

    for order, duty in enumerate(reviewed.duties, start=1):
        with _part(_("Duty %(n)d (%(heading)s)") % {"n": order, "heading": duty["heading"]}):
            document_services.plan_duty_save(
                duty=PlanDuty(
                    plan=plan, order=order, unit=units[duty["unit"]], heading=duty["heading"], text=duty["text"]
                ),
                actor=actor,
            )

    activities: dict[str, Activity] = {}
    for order, item in enumerate(reviewed.activities, start=1):
        with _part(_("Content %(section)s") % {"section": item["section"]}):
            if not item["lead"]:
                raise ValidationError(_("Choose the unit that leads it."))
            lead = units[item["lead"]]
            cooperating = [units[name] for name in item["cooperating"] if units[name].pk != lead.pk]
            activity = work_services.activity_save(
                activity=Activity(
                    plan=plan,
                    section_code=item["section"],
                    order=order,
                    activity_type=item["activity_type"],
                    title=item["title"],
                    description=item["description"],
                    lead_unit=lead,
                    start_date=item["start"],
                    due_date=item["end"],
                    schedule_note=item["timing_text"][:255],
                ),
                actor=actor,
                cooperating_units=list(dict.fromkeys(cooperating)),
            )
            activities[item["section"]] = activity
            for output_order, (quantity, unit_of_measure, name) in enumerate(item["outputs"], start=1):
                work_services.output_indicator_save(
                    output=OutputIndicator(
                        activity=activity,
                        name=name[:300],
                        unit_of_measure=unit_of_measure[:50],
                        planned_quantity=quantity,
                        order=output_order,
                    ),
                    actor=actor,
                )

    for item in reviewed.deadlines:
        with _part(_("Deadline “%(text)s”") % {"text": item["text"][:60]}):
            document_services.deadline_save(
                deadline=Deadline(
                    plan=plan,
                    activity=activities.get(item["activity_section"]),
                    responsible_unit=units.get(item["unit"]),
                    title=item["text"],
                    kind=item["kind"],
                    due_date=item["date"] if item["kind"] == Deadline.Kind.DATE else None,
                    window_start=item["window_start"] if item["kind"] == Deadline.Kind.WINDOW else None,
                    window_end=item["date"] if item["kind"] == Deadline.Kind.WINDOW else None,
                    wording=item["wording"][:255],
                ),
                actor=actor,
            )

    for item in reviewed.rules:
        with _part(_("Reporting rule “%(text)s”") % {"text": item["title"][:60]}):
            if item["frequency"] not in FREQUENCIES:
                raise ValidationError(
                    _("The tracker keeps monthly, six-monthly and annual reports; change the frequency or drop it.")
                )
            document_services.reporting_rule_save(
                rule=ReportingRule(
                    plan=plan,
                    title=item["title"][:255],
                    reporter=units[item["reporter"]],
                    recipient=units.get(item["recipient"]),
                    frequency=FREQUENCIES[item["frequency"]],
                    due_day=item["due_day"],
                    due_month=item["due_month"],
                    due_following_month=item.get("due_following_month", False),
                    active_from=plan.period_start,
                    active_to=plan.period_end,
                    wording=item["wording"][:255],
                ),
                actor=actor,
            )

    locked.status = PlanImport.Status.CONFIRMED
    locked.plan = plan
    locked.save(update_fields=["status", "plan"])
    return plan


# --- guesses the review form starts from ---------------------------------------------------------

ACTIVITY_TYPE_WORDS = [
    ("resource_mobilisation", ("huy động", "quyên góp", "ủng hộ", "tiếp nhận")),
    ("inspection", ("kiểm tra", "giám sát")),
    ("capacity_building", ("bồi dưỡng", "tập huấn", "năng lực")),
    ("commune_radio", ("truyền thanh",)),
    ("border_information", ("biên giới",)),
    ("public_information_points", ("bưu chính", "thông tin công cộng")),
    ("publications", ("xuất bản",)),
    ("media_production", ("tác phẩm báo chí", "sản phẩm truyền thông", "tin, bài", "phóng sự")),
    ("outreach", ("tuyên truyền", "truyền thông", "hướng dẫn sử dụng", "phổ biến")),
    ("smartphone_support", ("điện thoại thông minh",)),
    ("household_access", ("hộ nghèo",)),
]


def guess_activity_type(title: str) -> ActivityType | None:
    lowered = title.lower()
    for code, words in ACTIVITY_TYPE_WORDS:
        if any(word in lowered for word in words):
            found = ActivityType.objects.filter(code=code).first()
            if found:
                return found
    return ActivityType.objects.filter(code="outreach").first() or ActivityType.objects.first()


UNIT_KIND_WORDS = [
    (Unit.Kind.PEOPLES_COMMITTEE, ("ubnd", "ủy ban nhân dân", "uỷ ban nhân dân")),
    (Unit.Kind.MASS_ORGANISATION, ("mặt trận", "đoàn thể", "hội liên hiệp", "đoàn thanh niên")),
    (Unit.Kind.RADIO_TV, ("đài phát thanh", "đài truyền thanh", "truyền hình")),
    (Unit.Kind.NEWSPAPER, ("báo ",)),
    (Unit.Kind.MEDIA_CENTRE, ("trung tâm văn hóa", "trung tâm truyền thông")),
    (Unit.Kind.TELECOM, ("viễn thông", "bưu điện", "viettel", "vnpt")),
    (Unit.Kind.BUSINESS_ASSOCIATION, ("hiệp hội", "hội doanh")),
    (Unit.Kind.MINISTRY, ("bộ ",)),
    (Unit.Kind.DEPARTMENT, ("sở ", "phòng ", "văn phòng", "ban ")),
]


def guess_unit_kind(name: str) -> str:
    lowered = name.lower() + " "
    for kind, words in UNIT_KIND_WORDS:
        if any(lowered.startswith(word) or f" {word}" in lowered[:40] for word in words):
            return kind
    return Unit.Kind.OTHER


def parse_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def programme_component_for(period_start: datetime.date | None) -> ProgrammeComponent | None:
    """The sub-project in force when the plan starts, else the programme in force."""
    if period_start is None:
        return None
    components = ProgrammeComponent.objects.filter(valid_from__lte=period_start, valid_to__gte=period_start)
    return components.order_by("-level").first()
