""" "Sao chép kế hoạch": last year's plan as a draft for another year.

Contents, units, outputs, tasks, targets by area, reporting rules and deadlines are copied
with every date (and every year written in the title and timings) moved by the years between;
nothing reported, accepted or spent is copied — no progress report, output record, register
entry or money — and every task and content starts "not started". Written through the
services, in one transaction, with the manager in history.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from tracker.documents import services as document_services
from tracker.models import Activity, OutputIndicator, Plan, Progress, User
from tracker.work import services as work_services

SKIP = {"id", "pk", "created_at", "updated_at"}


def shift_date(day: datetime.date | None, years: int) -> datetime.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without it
        return day.replace(year=day.year + years, day=28)


def shift_years_in_text(text: str, first: int, last: int, years: int) -> str:
    """ "năm 2026", "giai đoạn 2023-2025", "31/3/2026": the plan's own years moved."""
    return re.sub(
        r"(?<!\d)(19|20)\d{2}(?!\d)",
        lambda m: str(int(m.group(0)) + years) if first <= int(m.group(0)) <= last else m.group(0),
        text,
    )


def _copy(instance: models.Model, years: int, first: int, last: int, **overrides) -> models.Model:
    """A new, unsaved row with the instance's own values, its dates moved and `overrides` applied."""
    model = type(instance)
    values = {}
    for field in model._meta.concrete_fields:
        if field.name in SKIP or field.primary_key:
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            value = shift_date(value, years)
        elif field.name in ("title", "schedule_note", "wording") and value:
            value = shift_years_in_text(value, first, last, years)
        values[field.attname] = value
    for name, value in overrides.items():
        values.pop(f"{name}_id", None)
        values[name] = value
    return model(**values)


@transaction.atomic
def plan_copy(*, plan: Plan, year: int, actor: User) -> Plan:
    """A draft of `plan` for `year` (the year its period starts in)."""
    years = year - plan.period_start.year
    if years == 0:
        raise ValidationError(_("Choose another year than the plan's own."))
    first, last = plan.period_start.year, plan.period_end.year
    copy = _copy(
        plan, years, first, last,
        number_symbol="", issued_on=None, issued_on_precision=Plan.DatePrecision.DAY, status=Plan.Status.DRAFT,
        signer_name="",
    )  # fmt: skip
    legal_bases = [link.document for link in plan.legal_basis_links.select_related("document")]
    document_services.plan_save(plan=copy, actor=actor, legal_bases=legal_bases)
    for duty in plan.duties.all():
        document_services.plan_duty_save(duty=_copy(duty, years, first, last, plan=copy), actor=actor)
    for target in plan.targets.all():
        document_services.target_save(
            target=_copy(target, years, first, last, plan=copy, year=target.year + years), actor=actor
        )

    activities: dict[int, Activity] = {}
    outputs: dict[int, OutputIndicator] = {}
    for activity in plan.activities.prefetch_related("cooperations", "output_indicators", "tasks"):
        new = _copy(activity, years, first, last, plan=copy, status=Progress.NOT_STARTED)
        cooperations = list(activity.cooperations.all())
        work_services.activity_save(activity=new, actor=actor, cooperating_units=[c.unit for c in cooperations])
        for cooperation in cooperations:
            if cooperation.note:
                row = new.cooperations.get(unit_id=cooperation.unit_id)
                row.note = cooperation.note
                work_services.cooperation_save(cooperation=row, actor=actor)
        activities[activity.pk] = new
        for output in activity.output_indicators.all():
            outputs[output.pk] = work_services.output_indicator_save(
                output=_copy(output, years, first, last, activity=new), actor=actor
            )
        for task in activity.tasks.all():
            work_services.task_assign(
                task=_copy(
                    task,
                    years,
                    first,
                    last,
                    activity=new,
                    output_indicator=outputs.get(task.output_indicator_id),
                    status=Progress.NOT_STARTED,
                    completed_on=None,
                ),  # fmt: skip
                actor=actor,
            )
    for deadline in plan.deadlines.all():
        document_services.deadline_save(
            deadline=_copy(deadline, years, first, last, plan=copy, activity=activities.get(deadline.activity_id)),
            actor=actor,
        )
    for rule in plan.reporting_rules.all():
        document_services.reporting_rule_save(rule=_copy(rule, years, first, last, plan=copy), actor=actor)
    return copy
