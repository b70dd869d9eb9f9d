"""A filled plan template written as a new plan: all or nothing, through the existing services.

Every row goes through the service that writes its kind (history rows name the manager), each
in a savepoint so that one refusal still lets the others be checked and every error be listed
with its sheet, row and column; if there is any, the whole transaction is rolled back and
nothing is written.

Decisions:
- The import always creates a new plan. A file whose issuer already has a plan with the same
  number in the same year is refused (the message names the plan): replacing a plan would
  have to keep or drop what its units reported, which is the plan pages' work, not a file's.
  Leave the number blank to import a draft.
- A file imported once is not imported twice: the file's SHA-256 is kept on its `PlanImport`
  record, and a second upload of the same file (a resent form, a double click) leads to the
  plan made the first time. Imports for one issuer are serialised by locking the issuer's row,
  so two uploads at the same moment cannot both pass the checks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.documents import services as document_services
from tracker.models import (
    Activity,
    Deadline,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanImport,
    ReportingRule,
    Target,
    Task,
    Unit,
    User,
)
from tracker.work import services as work_services

from .layout import (
    ACTIVITY_SHEET,
    DEADLINE_SHEET,
    DUTY_SHEET,
    HEADER_SHEET,
    LEGAL_SHEET,
    OUTPUT_SHEET,
    RULE_SHEET,
    TARGET_SHEET,
    TASK_SHEET,
    VALUE_HEADER,
)
from .reading import Item, PlanFile, Problem, read_plan

# Where a service's message about a model field goes: the column the field is read from.
FIELD_COLUMNS: dict[str, dict[str, str]] = {
    HEADER_SHEET: {
        name: name
        for name in (
            "number_symbol",
            "issued_on",
            "issued_on_precision",
            "place",
            "issuer",
            "title",
            "period_start",
            "period_end",
            "status",
            "programme_component",
            "area",
            "purpose",
            "funding",
            "signing_authority",
            "signer_title",
            "signer_name",
            "recipients",
            "is_sample",
        )
    },  # fmt: skip
    LEGAL_SHEET: {"document": "number_symbol", "lead_in": "lead_in"},
    ACTIVITY_SHEET: {
        "section_code": "section",
        "activity_type": "activity_type",
        "title": "title",
        "description": "description",
        "lead_unit": "lead_unit",
        "cooperating_units": "cooperating",
        "unit": "cooperating",
        "note": "cooperating",
        "area": "area",
        "start_date": "start_date",
        "due_date": "due_date",
        "schedule_note": "schedule_note",
    },
    OUTPUT_SHEET: {
        name: name
        for name in ("name", "unit_of_measure", "planned_quantity", "indicator", "counted_from", "register_measure")
    },
    TASK_SHEET: {
        "unit": "unit",
        "area": "area",
        "deliverable": "deliverable",
        "output_indicator": "output",
        "target_quantity": "target_quantity",
        "due_date": "due_date",
    },
    TARGET_SHEET: {name: name for name in ("indicator", "area", "year", "planned_value")},
    RULE_SHEET: {
        name: name
        for name in (
            "title",
            "reporter",
            "recipient",
            "frequency",
            "due_day",
            "due_month",
            "due_following_month",
            "active_from",
            "active_to",
            "wording",
            "is_default",
        )
    },  # fmt: skip
    DEADLINE_SHEET: {
        "title": "title",
        "activity": "section",
        "responsible_unit": "responsible_unit",
        "kind": "kind",
        "due_date": "due_date",
        "window_start": "window_start",
        "window_end": "window_end",
        "wording": "wording",
    },
    DUTY_SHEET: {"unit": "unit", "heading": "heading", "text": "text"},
}


def _problems(error: ValidationError, item: Item) -> list[Problem]:
    """A service's refusal as problems on the row, in the column of each field it names."""
    row = item.row
    header = row.sheet == HEADER_SHEET
    mapping = FIELD_COLUMNS[row.sheet]
    found: list[Problem] = []
    fields = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    for name, messages in fields.items():
        key = mapping.get(name)
        if header:
            number = row.values["_rows"].get(key) if key else None
            column = VALUE_HEADER if number else None
        else:
            number = row.number
            column = next((c.header for c in row.columns if c.key == key), None) if key else None
        for message in dict.fromkeys(messages):
            found.append(Problem(row.sheet, number, column, message))
    return found


@dataclass
class Result:
    plan: Plan | None = None
    problems: list[Problem] = field(default_factory=list)
    earlier: Plan | None = None  # the plan this same file was imported as before

    @property
    def ok(self) -> bool:
        return self.plan is not None


class _Writer:
    def __init__(self, parsed: PlanFile, actor: User):
        self.parsed, self.actor = parsed, actor
        self.problems: list[Problem] = []

    def attempt(self, item: Item, write: Callable[[], Any]) -> Any:
        """Write one row in a savepoint; a refusal becomes problems on its row."""
        try:
            with transaction.atomic():
                return write()
        except ValidationError as error:
            self.problems += _problems(error, item)
            return None

    def run(self) -> Plan | None:
        parsed, actor = self.parsed, self.actor
        header = dict(parsed.header.data)
        legal_bases = [(item.data["document"], item.data["lead_in"]) for item in parsed.legal_bases]
        plan = self.attempt(
            parsed.header,
            lambda: document_services.plan_save(plan=Plan(**header), actor=actor, legal_bases=legal_bases),
        )
        if plan is None:
            return None
        for order, item in enumerate(parsed.duties, start=1):
            self.attempt(
                item,
                lambda item=item, order=order: document_services.plan_duty_save(
                    duty=PlanDuty(plan=plan, order=order, **item.data), actor=actor
                ),
            )
        for item in parsed.targets:
            self.attempt(
                item,
                lambda item=item: document_services.target_save(target=Target(plan=plan, **item.data), actor=actor),
            )
        activities = self._activities(plan)
        outputs = self._outputs(activities)
        for item in parsed.tasks:
            activity = activities.get(id(item.data["activity"]))
            if activity is None:
                continue  # its content was refused, and said so
            data = {key: value for key, value in item.data.items() if key not in ("activity", "output")}
            output = outputs.get(id(item.data["output"])) if item.data["output"] is not None else None
            self.attempt(
                item,
                lambda data=data, activity=activity, output=output: work_services.task_assign(
                    task=Task(activity=activity, output_indicator=output, **data), actor=actor
                ),
            )
        for item in parsed.deadlines:
            if item.data["activity"] is not None and id(item.data["activity"]) not in activities:
                continue
            data = {key: value for key, value in item.data.items() if key != "activity"}
            activity = activities.get(id(item.data["activity"])) if item.data["activity"] is not None else None
            self.attempt(
                item,
                lambda data=data, activity=activity: document_services.deadline_save(
                    deadline=Deadline(plan=plan, activity=activity, **data), actor=actor
                ),
            )
        for item in parsed.rules:
            data = dict(item.data)
            data["active_from"] = data["active_from"] or plan.period_start
            data["active_to"] = data["active_to"] or plan.period_end
            self.attempt(
                item,
                lambda data=data: document_services.reporting_rule_save(
                    rule=ReportingRule(plan=plan, **data), actor=actor
                ),
            )
        return plan

    def _activities(self, plan: Plan) -> dict[int, Activity]:
        from tracker.intake.services import guess_activity_type

        saved: dict[int, Activity] = {}
        for order, item in enumerate(self.parsed.activities, start=1):
            data = dict(item.data)
            cooperating = list(dict((unit.pk, (unit, role)) for unit, role in data.pop("cooperating")).values())
            data["section_code"] = data.pop("section")
            data["activity_type"] = data["activity_type"] or guess_activity_type(data["title"])

            def write(data=data, cooperating=cooperating, order=order):
                activity = work_services.activity_save(
                    activity=Activity(plan=plan, order=order, **data),
                    actor=self.actor,
                    cooperating_units=[unit for unit, _role in cooperating],
                )
                roles = {unit.pk: role for unit, role in cooperating if role}
                if roles:
                    for row in activity.cooperations.filter(unit_id__in=roles):
                        row.note = roles[row.unit_id]
                        work_services.cooperation_save(cooperation=row, actor=self.actor)
                return activity

            activity = self.attempt(item, write)
            if activity is not None:
                saved[id(item)] = activity
        return saved

    def _outputs(self, activities: dict[int, Activity]) -> dict[int, OutputIndicator]:
        saved: dict[int, OutputIndicator] = {}
        orders: dict[int, int] = {}
        for item in self.parsed.outputs:
            activity = activities.get(id(item.data["activity"]))
            if activity is None:
                continue
            orders[activity.pk] = orders.get(activity.pk, 0) + 1
            data = {key: value for key, value in item.data.items() if key != "activity"}
            output = self.attempt(
                item,
                lambda data=data, activity=activity, order=orders[activity.pk]: work_services.output_indicator_save(
                    output=OutputIndicator(activity=activity, order=order, **data), actor=self.actor
                ),
            )
            if output is not None:
                saved[id(item)] = output
        return saved


def _same_number(parsed: PlanFile) -> Plan | None:
    data = parsed.header.data
    if not data["number_symbol"] or data["issuer"] is None:
        return None
    wanted = document_services.normalised_number(data["number_symbol"])
    year = data["issued_on"].year if data["issued_on"] else None
    for plan in Plan.objects.filter(issuer=data["issuer"]).exclude(number_symbol=""):
        same_year = year is None or plan.issued_on is None or plan.issued_on.year == year
        if same_year and document_services.normalised_number(plan.number_symbol) == wanted:
            return plan
    return None


def digest_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def plan_workbook_import(*, content: bytes, filename: str, actor: User) -> Result:
    """Read the file and write it as a new plan, or nothing (FileRefused: not a plan template)."""
    parsed = read_plan(content, actor=actor)
    if parsed.problems:
        return Result(problems=parsed.problems)
    digest = digest_of(content)
    with transaction.atomic():
        issuer = parsed.header.data["issuer"]
        # One import at a time per issuer: the checks below see what the previous one wrote.
        list(Unit.objects.select_for_update().filter(pk=issuer.pk).values_list("pk", flat=True))
        earlier = (
            PlanImport.objects.filter(read_as=PlanImport.ReadAs.XLSX, draft__sha256=digest, plan__isnull=False)
            .select_related("plan")
            .first()
        )
        if earlier is not None:
            return Result(earlier=earlier.plan)
        existing = _same_number(parsed)
        if existing is not None:
            row = parsed.header.row.values["_rows"].get("number_symbol")
            message = _(
                "%(issuer)s already has plan %(number)s (%(title)s); the import creates a new plan and "
                "does not replace it. Change the number, or leave it blank to import a draft."
            ) % {"issuer": existing.issuer, "number": existing.number_symbol, "title": existing.title[:80]}
            return Result(problems=[Problem(HEADER_SHEET, row, VALUE_HEADER, message)])
        writer = _Writer(parsed, actor)
        plan = writer.run()
        if writer.problems or plan is None:
            transaction.set_rollback(True)
            return Result(problems=_sorted(writer.problems))
        counts = parsed.counts()
        record = PlanImport(
            created_by=actor,
            filename=filename[:255],
            read_as=PlanImport.ReadAs.XLSX,
            text=summary(counts),
            draft={"sha256": digest, "counts": counts},
            status=PlanImport.Status.CONFIRMED,
            plan=plan,
        )
        record.full_clean()
        record.save()
        return Result(plan=plan)


SHEET_ORDER = [
    HEADER_SHEET, LEGAL_SHEET, ACTIVITY_SHEET, OUTPUT_SHEET, TASK_SHEET, TARGET_SHEET, RULE_SHEET,
    DEADLINE_SHEET, DUTY_SHEET,
]  # fmt: skip


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (SHEET_ORDER.index(p.sheet) if p.sheet in SHEET_ORDER else -1, p.row or 0))


def summary(counts: dict[str, int]) -> str:
    return (
        _(
            "Imported from the Excel template: %(activities)d contents, %(outputs)d outputs, %(tasks)d tasks, "
            "%(targets)d targets, %(rules)d reporting rules, %(deadlines)d deadlines, %(duties)d duties, "
            "%(legal_bases)d legal bases."
        )
        % counts
    )
