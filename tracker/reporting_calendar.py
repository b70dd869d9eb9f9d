"""Reporting periods and their due dates, computed from a plan's reporting rules."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tracker.models import ReportingRule


@dataclass(frozen=True)
class ReportingPeriod:
    rule_id: int
    start: datetime.date
    end: datetime.date
    due: datetime.date
    label: str


def _clamped(year: int, month: int, day: int) -> datetime.date:
    """Day N of a month, or its last day when the month is shorter (day 31 in June → 30)."""
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


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
                    rule.pk,
                    start,
                    end,
                    _clamped(year, month, rule.due_day),
                    _("Month %(m)d/%(y)d") % {"m": month, "y": year},
                )
            )
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return periods
    for year in range(first.year, last.year + 1):
        if rule.frequency == ReportingRule.Frequency.HALF_YEAR:
            start, end = datetime.date(year, 1, 1), datetime.date(year, 6, 30)
            label = _("First six months of %(y)d") % {"y": year}
        else:
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            label = _("Year %(y)d") % {"y": year}
        if end < first or start > last:
            continue
        periods.append(ReportingPeriod(rule.pk, start, end, _clamped(year, rule.due_month, rule.due_day), label))
    return periods
