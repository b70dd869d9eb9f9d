"""The expected reports (`Obligation` rows) kept in step with what they are derived from.

What a unit owes follows from a plan's reporting rules (their periods, reporters and the
members of a collective reporter), its activities (start dates, lead units) and its tasks
(unit, due date, cancelled or not); whether it is met follows from the progress reports on a
task or the report a unit sent under a rule. The services that change any of these call this
module — as they call `tracker.core.grants.grants_sync` for object rights — and so the due
page, the dashboard, the scoreboard and the reminders read rows instead of recomputing every
(task, period) pair on each request:

- `obligations_sync(plan_ids=…, task_ids=…)`: rules, activities, tasks or a plan changed —
  recompute the plans' rows (only those of `task_ids` for tasks, plus every report sent under
  the plans' rules), writing only the differences;
- `obligation_states_refresh(task_ids=…)`: a progress report changed — the state of the tasks'
  rows; `dispatch_states_refresh(rule_ids=…)`: a report was recorded as sent;
- `obligations_rebuild()`: everything, plan by plan (`manage.py rebuild_obligations`, the demo
  loader, data written with `bulk_create`). Idempotent: a second run writes nothing.

Rows exist for every plan and task whatever their status: the pages keep issued plans and
tasks not cancelled in their queries, so issuing, closing or cancelling needs no rewrite.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tracker.core.calendar import ReportingPeriod, periods_for_rule, rule_reporters, task_periods
from tracker.core.obligation_figures import obligation_figures_changed
from tracker.core.text import vietnamese_collation_key
from tracker.models import (
    Activity,
    Obligation,
    Plan,
    Progress,
    ProgressReport,
    ReportDispatch,
    ReportingRule,
    Task,
    Unit,
)

State = Obligation.State
Status = ProgressReport.Status
CHUNK = 2000

# The most advanced report of a period decides its state (a superseded one was accepted).
_RANK = {Status.ACCEPTED: 0, Status.SUPERSEDED: 1, Status.SUBMITTED: 2, Status.RETURNED: 3, Status.DRAFT: 4}
_STATE_OF = {
    Status.ACCEPTED: State.ACCEPTED,
    Status.SUPERSEDED: State.ACCEPTED,
    Status.SUBMITTED: State.SUBMITTED,
    Status.RETURNED: State.RETURNED,
    Status.DRAFT: State.DRAFT,
}
_SENT = (Status.ACCEPTED, Status.SUPERSEDED, Status.SUBMITTED)
_FIELDS = ("plan_id", "unit_id", "due", "state", "submitted_on", "report_id", "dispatch_id")


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    def __iadd__(self, other: SyncResult) -> SyncResult:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted
        return self


def report_state(reports: list[dict]) -> tuple[str, int | None, datetime.date | None]:
    """(state, the most advanced report's id, the local date the period was first sent in)
    from the reports written for one task and period (dicts with pk, status, submitted_at).
    Lateness is judged on the first sending: correcting an accepted report does not make it
    late after the fact."""
    if not reports:
        return State.MISSING, None, None
    best = min(reports, key=lambda report: _RANK.get(report["status"], 9))
    sent = [r["submitted_at"] for r in reports if r["submitted_at"] and r["status"] in _SENT]
    return (
        _STATE_OF.get(best["status"], State.MISSING),
        best["pk"],
        timezone.localdate(min(sent)) if sent else None,
    )


def _reports_by_period(queryset) -> dict[tuple, list[dict]]:
    by_period: dict[tuple, list[dict]] = defaultdict(list)
    for report in queryset.order_by().values("pk", "task_id", "period_start", "period_end", "status", "submitted_at"):
        by_period[(report["task_id"], report["period_start"], report["period_end"])].append(report)
    return by_period


def _dispatches_by_period(queryset) -> dict[tuple, dict]:
    return {
        (d["rule_id"], d["unit_id"], d["period_start"], d["period_end"]): d
        for d in queryset.order_by().values("pk", "rule_id", "unit_id", "period_start", "period_end", "sent_on")
    }


def _task_key(task_id, rule_id, start, end) -> tuple:
    return ("t", task_id, rule_id, start, end)


def _dispatch_key(rule_id, unit_id, start, end) -> tuple:
    return ("d", rule_id, unit_id, start, end)


def _key_of(row: dict) -> tuple:
    if row["task_id"] is not None:
        return _task_key(row["task_id"], row["rule_id"], row["period_start"], row["period_end"])
    return _dispatch_key(row["rule_id"], row["unit_id"], row["period_start"], row["period_end"])


def _wanted(plan_ids: set[int], task_ids: set[int] | None) -> dict[tuple, dict]:
    """Every row the plans should have (those of `task_ids` only, for tasks), with its state:
    six queries whatever the size — rules, their reporters' members, tasks, lead units and
    units with tasks, reports, reports sent."""
    rules = list(
        ReportingRule.objects.filter(plan_id__in=plan_ids)
        .select_related("reporter")
        .prefetch_related("reporter__members")
        .order_by("plan_id", "frequency", "id")
    )
    # Each rule's periods and reporters once, not once per task (labels are not stored).
    by_plan: dict[int, list[tuple[ReportingRule, set[int], list[ReportingPeriod]]]] = defaultdict(list)
    periods_of: dict[int, list[ReportingPeriod]] = {}
    for rule in rules:
        periods_of[rule.pk] = periods_for_rule(rule)
        by_plan[rule.plan_id].append((rule, rule_reporters(rule), periods_of[rule.pk]))
    tasks = Task.objects.filter(activity__plan_id__in=plan_ids)
    if task_ids is not None:
        tasks = tasks.filter(pk__in=task_ids)
    wanted: dict[tuple, dict] = {}
    task_rows = list(
        tasks.order_by().values(
            "pk", "unit_id", "due_date", "activity__plan_id", "activity__start_date", "activity__plan__period_start"
        )
    )
    reports = _reports_by_period(
        ProgressReport.objects.filter(task_id__in=[task["pk"] for task in task_rows])
        if task_ids is not None
        else ProgressReport.objects.filter(task__activity__plan_id__in=plan_ids)
    )
    for task in task_rows:
        plan_id = task["activity__plan_id"]
        periods = task_periods(
            unit_id=task["unit_id"],
            span_start=task["activity__start_date"] or task["activity__plan__period_start"],
            due_date=task["due_date"],
            rules=by_plan.get(plan_id, []),
        )
        for period in periods:
            state, report_id, sent = report_state(reports.get((task["pk"], period.start, period.end), []))
            wanted[_task_key(task["pk"], period.rule_id, period.start, period.end)] = {
                "plan_id": plan_id,
                "unit_id": task["unit_id"],
                "due": period.due,
                "state": state,
                "submitted_on": sent,
                "report_id": report_id,
                "dispatch_id": None,
            }
    if not rules:
        return wanted
    # The reports units send under the rules that no task's report carries: the lead unit's
    # own report to the province, and a collective's member with no task in the plan.
    leads, with_tasks = set(), set()
    for plan_id, unit_id in (
        Activity.objects.filter(plan_id__in=plan_ids).order_by().values_list("plan_id", "lead_unit_id")
    ):
        leads.add((plan_id, unit_id))
    live = Task.objects.filter(activity__plan_id__in=plan_ids).exclude(status=Progress.CANCELLED).order_by()
    for plan_id, unit_id in live.values_list("activity__plan_id", "unit_id").distinct():
        with_tasks.add((plan_id, unit_id))
    sent_reports = _dispatches_by_period(ReportDispatch.objects.filter(rule__plan_id__in=plan_ids))
    for rule in rules:
        members = [member.pk for member in rule.reporter.members.all()] if rule.reporter.is_group else []
        for unit_id in members or [rule.reporter_id]:
            if (rule.plan_id, unit_id) in with_tasks and (rule.plan_id, unit_id) not in leads:
                continue  # its progress reports on its tasks are its reports
            for period in periods_of[rule.pk]:
                dispatch = sent_reports.get((rule.pk, unit_id, period.start, period.end))
                wanted[_dispatch_key(rule.pk, unit_id, period.start, period.end)] = {
                    "plan_id": rule.plan_id,
                    "unit_id": unit_id,
                    "due": period.due,
                    "state": State.ACCEPTED if dispatch else State.MISSING,
                    "submitted_on": dispatch["sent_on"] if dispatch else None,
                    "report_id": None,
                    "dispatch_id": dispatch["pk"] if dispatch else None,
                }
    return wanted


def _apply(existing, wanted: dict[tuple, dict]) -> SyncResult:
    """Write the differences between the rows there are and the rows there should be."""
    obligation_figures_changed()
    result = SyncResult()
    stale, changed = [], []
    seen = set()
    for row in existing.order_by().values("pk", "task_id", "rule_id", "period_start", "period_end", *_FIELDS):
        key = _key_of(row)
        values = wanted.get(key)
        if values is None or key in seen:
            stale.append(row["pk"])
            continue
        seen.add(key)
        if any(row[name] != values[name] for name in _FIELDS):
            changed.append(Obligation(pk=row["pk"], **values))
    for start in range(0, len(stale), CHUNK):
        Obligation.objects.filter(pk__in=stale[start : start + CHUNK]).delete()
    result.deleted = len(stale)
    if changed:
        Obligation.objects.bulk_update(changed, list(_FIELDS), batch_size=CHUNK)
        result.updated = len(changed)
    new = [
        Obligation(
            task_id=key[1] if key[0] == "t" else None,
            rule_id=key[2] if key[0] == "t" else key[1],
            period_start=key[3],
            period_end=key[4],
            **values,
        )
        for key, values in wanted.items()
        if key not in seen
    ]
    Obligation.objects.bulk_create(new, batch_size=CHUNK)
    result.created = len(new)
    return result


@transaction.atomic
def obligations_sync(*, plan_ids: Iterable[int], task_ids: Iterable[int] | None = None) -> SyncResult:
    """Bring the plans' expected reports up to date: all of them, or — `task_ids` — those of
    these tasks and the reports sent under the plans' rules (which depend on who has tasks)."""
    plan_ids = {pk for pk in plan_ids if pk is not None}
    if not plan_ids:
        return SyncResult()
    tasks = set(task_ids) if task_ids is not None else None
    existing = Obligation.objects.filter(plan_id__in=plan_ids)
    if tasks is not None:
        existing = Obligation.objects.filter(plan_id__in=plan_ids, task__isnull=True) | Obligation.objects.filter(
            task_id__in=tasks
        )
    return _apply(existing, _wanted(plan_ids, tasks))


def obligations_sync_task(task: Task) -> SyncResult:
    """After a task was assigned, changed, cancelled or removed (its rows go with it)."""
    return obligations_sync(plan_ids=[task.activity.plan_id], task_ids=[task.pk] if task.pk else [])


@transaction.atomic
def obligation_states_refresh(*, task_ids: Iterable[int]) -> int:
    """After a progress report was written, submitted, reviewed or corrected: the state of the
    tasks' expected reports (three queries). Returns how many rows changed."""
    task_ids = set(task_ids)
    obligation_figures_changed()
    rows = list(Obligation.objects.filter(task_id__in=task_ids).order_by())
    reports = _reports_by_period(ProgressReport.objects.filter(task_id__in=task_ids))
    changed = []
    for row in rows:
        state, report_id, sent = report_state(reports.get((row.task_id, row.period_start, row.period_end), []))
        if (row.state, row.report_id, row.submitted_on) != (state, report_id, sent):
            row.state, row.report_id, row.submitted_on = state, report_id, sent
            changed.append(row)
    Obligation.objects.bulk_update(changed, ["state", "report_id", "submitted_on"], batch_size=CHUNK)
    return len(changed)


@transaction.atomic
def dispatch_states_refresh(*, rule_ids: Iterable[int]) -> int:
    """After a unit's report under a rule was recorded as sent (or corrected)."""
    rule_ids = set(rule_ids)
    obligation_figures_changed()
    rows = list(Obligation.objects.filter(rule_id__in=rule_ids, task__isnull=True).order_by())
    sent = _dispatches_by_period(ReportDispatch.objects.filter(rule_id__in=rule_ids))
    changed = []
    for row in rows:
        dispatch = sent.get((row.rule_id, row.unit_id, row.period_start, row.period_end))
        values = (State.ACCEPTED, dispatch["sent_on"], dispatch["pk"]) if dispatch else (State.MISSING, None, None)
        if (row.state, row.submitted_on, row.dispatch_id) != values:
            row.state, row.submitted_on, row.dispatch_id = values
            changed.append(row)
    Obligation.objects.bulk_update(changed, ["state", "submitted_on", "dispatch_id"], batch_size=CHUNK)
    return len(changed)


def plans_of_collective(unit: Unit) -> set[int]:
    """The plans whose rules a collective reports under (its members owe their reports)."""
    return set(ReportingRule.objects.filter(reporter=unit).values_list("plan_id", flat=True))


def unit_sort_keys_refresh() -> int:
    """Store the collation key of every unit whose name changed without `unit_save` (rows
    written with `bulk_create` or `upsert`). Returns how many were written."""
    changed = []
    for unit in Unit.objects.order_by().only("pk", "name", "sort_key"):
        key = vietnamese_collation_key(unit.name)
        if unit.sort_key != key:
            unit.sort_key = key
            changed.append(unit)
    Unit.objects.bulk_update(changed, ["sort_key"], batch_size=CHUNK)
    return len(changed)


def obligations_rebuild(*, plan_ids: Iterable[int] | None = None) -> SyncResult:
    """Recompute every plan's expected reports (or those of `plan_ids`), one plan at a time
    so that memory stays bounded, and the units' sort keys; writes only what differs."""
    unit_sort_keys_refresh()
    ids = list(Plan.objects.order_by("pk").values_list("pk", flat=True)) if plan_ids is None else list(plan_ids)
    result = SyncResult()
    for plan_id in ids:
        result += obligations_sync(plan_ids=[plan_id])
    # Rows of plans that no longer exist went with them (CASCADE); none can be left over.
    return result
