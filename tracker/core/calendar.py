"""The calendar of the work: what "due soon" means, and the reporting periods and their due
dates computed from a plan's reporting rules."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models import Plan, ReportingRule, Task
from tracker.models.plans import OPEN_STATUSES

# A deadline or a report due within this many days is "due soon" on every page, list, count
# and e-mail. The pages and e-mails say "7 days" in their (translated) text, so the window is
# one constant here rather than a deployment setting that could contradict them.
DUE_SOON_DAYS = 7


def today() -> datetime.date:
    """Today in the product's time zone (Asia/Ho_Chi_Minh)."""
    return timezone.localdate()


def due_soon_end(on: datetime.date) -> datetime.date:
    """The last day that is still "due soon" seen from `on`."""
    return on + datetime.timedelta(days=DUE_SOON_DAYS)


def due_within(on: datetime.date, days: int) -> Q:
    """Open work due from `on` to `days` days ahead (both included)."""
    return Q(status__in=OPEN_STATUSES, due_date__gte=on, due_date__lte=on + datetime.timedelta(days=days))


def plan_followed(plan: str = "plan__") -> Q:
    """The plan (reached by the `plan` path) is still followed: not closed. A closed plan —
    the demo closes the seeds, whose periods are over — asks for no report (the expected
    reports count issued plans only) and its open work is no longer late: its pages show how
    it ended. By status, not by the period's end, as the expected reports are: a plan is
    closed by the DIC, reports may still be due after its period."""
    return ~Q(**{f"{plan}status": Plan.Status.CLOSED})


def overdue(on: datetime.date, *, plan: str = "plan__") -> Q:
    """Open work whose deadline has passed, in a plan still followed (the same rule as
    `ActivityQuerySet.overdue`); `plan` is the path to the plan ("activity__plan__" for tasks)."""
    return Q(status__in=OPEN_STATUSES, due_date__lt=on) & plan_followed(plan)


def deadline_state(status: str, due_date: datetime.date | None, on: datetime.date) -> str:
    """'overdue', 'soon' (within DUE_SOON_DAYS) or '' — the badge an open row carries."""
    if due_date is None or status not in OPEN_STATUSES:
        return ""
    if due_date < on:
        return "overdue"
    if due_date <= due_soon_end(on):
        return "soon"
    return ""


@dataclass(frozen=True)
class ReportingPeriod:
    rule_id: int | None  # None: the task's own single period, where no rule applies
    start: datetime.date
    end: datetime.date
    due: datetime.date
    label: str


def _clamped(year: int, month: int, day: int) -> datetime.date:
    """Day N of a month, or its last day when the month is shorter (day 31 in June → 30)."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def monthly_due_date(rule: ReportingRule, year: int, month: int) -> datetime.date:
    """When a monthly rule's report of month/year is due: its day of that month, or of the
    following month when the rule says so ("trước ngày 20 tháng sau"). The one place this is
    computed: the due pages, reminders, scoreboard, plan calendar and the donations report
    all come here."""
    if rule.due_following_month:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _clamped(year, month, rule.due_day)


def period_of_rule(rule: ReportingRule, day: datetime.date) -> ReportingPeriod | None:
    """The rule's period that contains `day` (None outside the rule's span)."""
    return next((period for period in periods_for_rule(rule) if period.start <= day <= period.end), None)


def periods_for_rule(rule: ReportingRule) -> list[ReportingPeriod]:
    """Every period the rule asks a report for between its start and end dates.

    Vietnamese plans set report dates before the period closes ("6 tháng trước 15/6",
    "cả năm trước 05/10", "trước 20 hàng tháng"), so a period's due date may precede its end.
    """
    periods: list[ReportingPeriod] = []
    first, last = rule.active_from, rule.active_to
    if rule.frequency == ReportingRule.Frequency.MONTHLY:
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            start = datetime.date(year, month, 1)
            end = _clamped(year, month, 31)
            periods.append(
                ReportingPeriod(
                    rule.pk, start, end, monthly_due_date(rule, year, month), period_label(rule.frequency, start)
                )
            )
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return periods
    for year in range(first.year, last.year + 1):
        if rule.frequency == ReportingRule.Frequency.HALF_YEAR:
            start, end = datetime.date(year, 1, 1), datetime.date(year, 6, 30)
        else:
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if end < first or start > last:
            continue
        due = _clamped(year, rule.due_month, rule.due_day)
        periods.append(ReportingPeriod(rule.pk, start, end, due, period_label(rule.frequency, start)))
    return periods


def period_label(frequency: str | None, start: datetime.date) -> str:
    """A period's name on pages and in e-mails, from its rule's frequency (None: a task's
    whole span, no rule) and its first day; the expected reports kept as rows are named so."""
    if frequency == ReportingRule.Frequency.MONTHLY:
        return _("Month %(m)d/%(y)d") % {"m": start.month, "y": start.year}
    if frequency == ReportingRule.Frequency.HALF_YEAR:
        return _("First six months of %(y)d") % {"y": start.year}
    if frequency == ReportingRule.Frequency.ANNUAL:
        return _("Year %(y)d") % {"y": start.year}
    return _("Whole task")


def periods_for_task(task: Task, rules: list[ReportingRule] | None = None) -> list[ReportingPeriod]:
    """The periods a task's unit must report on: those of the plan's reporting rules whose
    reporter is the task's unit or a collective it belongs to, within the task's span (from the
    activity's start, or the plan's, to the task's due date). A unit no rule names follows the
    plan's default rule(s); a task with no rule at all reports once, for its whole span, by its
    due date.

    `rules` are the plan's rules with `reporter.members` prefetched, to spare a query per task.
    """
    plan = task.activity.plan
    if rules is None:
        rules = list(plan.reporting_rules.prefetch_related("reporter__members"))
    span_start = task.activity.start_date or plan.period_start
    return task_periods(
        unit_id=task.unit_id,
        span_start=span_start,
        due_date=task.due_date,
        rules=[(rule, rule_reporters(rule), periods_for_rule(rule)) for rule in rules],
    )


def task_periods(
    *,
    unit_id: int,
    span_start: datetime.date,
    due_date: datetime.date,
    rules: list[tuple[ReportingRule, set[int], list[ReportingPeriod]]],
) -> list[ReportingPeriod]:
    """`periods_for_task` from plain values and each rule with its reporters and periods
    computed once (the expected reports' rebuild calls it for thousands of tasks)."""
    span_end = max(due_date, span_start)
    own = [item for item in rules if unit_id in item[1]]
    chosen = own or [item for item in rules if item[0].is_default]
    periods = [
        period
        for _rule, _reporters, periods in chosen
        for period in periods
        if period.end >= span_start and period.start <= span_end
    ]
    if not periods:
        periods = [ReportingPeriod(None, span_start, span_end, due_date, period_label(None, span_start))]
    return sorted(periods, key=lambda period: (period.due, period.start))


def rule_reporters(rule: ReportingRule) -> set[int]:
    """The rule's reporter and, for a collective, its members (reads `reporter.members`)."""
    return {rule.reporter_id, *(member.pk for member in rule.reporter.members.all())}
