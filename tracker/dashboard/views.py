"""The dashboard (trang tổng quan): the tracker's front page for everyone who follows the work.

Thin: `selectors_dashboard.dashboard` reads every figure (and refuses, 403, a role with no
work to follow); this module only turns its rows into the SVG charts of `tracker.core.charts`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tracker.core import charts
from tracker.dashboard import selectors as selectors_dashboard
from tracker.templatetags.tracker_format import number, vnd

CHART_UNITS = 10


def progress_chart(rows: list[selectors_dashboard.ProgressRow], *, chart_id: str, title: str) -> SafeString:
    """Planned against achieved per row, each bar on its own scale (units of measure differ)."""
    return charts.bars(
        chart_id=chart_id,
        title=title,
        rows=[
            charts.Bar(
                # The unit of measure goes with the figures: a long label is cut on the chart.
                # One bar per indicator, so the indicator is named beside its group.
                label=f"{row.label}: {row.indicator}" if row.indicator else row.label,
                whole=row.planned,
                part=row.achieved,
                rate_text=charts.format_percent(row.percent),
                whole_text=_("Planned %(quantity)s %(unit)s")
                % {"quantity": number(row.planned), "unit": row.unit_of_measure},
                part_text=_("Achieved %(quantity)s %(unit)s")
                % {"quantity": number(row.achieved), "unit": row.unit_of_measure},
                sentence=_("%(label)s: planned %(planned)s %(unit)s, achieved %(achieved)s, %(percent)s of plan")
                % {
                    "label": f"{row.label}: {row.indicator}" if row.indicator else row.label,
                    "planned": number(row.planned),
                    "unit": row.unit_of_measure,
                    "achieved": number(row.achieved),
                    "percent": charts.format_percent(row.percent),
                },
                href=row.href,
            )
            for row in rows
        ],
        legend=charts.Legend(whole=_("Planned"), part=_("Achieved"), rate=_("Share of plan")),
        each_full=True,
    )


def money_chart(rows: list[selectors_dashboard.MoneyRow], *, chart_id: str, title: str) -> SafeString:
    return charts.bars(
        chart_id=chart_id,
        title=title,
        rows=[
            charts.money_bar(
                row.source, allocated=row.allocated, disbursed=row.disbursed, rate=row.rate, money=vnd, href=row.href
            )
            for row in rows
        ],
        legend=charts.money_legend(),
    )


def reporting_chart(rows: list[selectors_dashboard.UnitReporting], *, chart_id: str, title: str) -> SafeString:
    """Per unit (or province): the reports due so far (the light bar) and those sent on time (the dark one)."""
    return charts.bars(
        chart_id=chart_id,
        title=title,
        rows=[
            charts.Bar(
                label=row.label,
                whole=row.expected_due,
                part=row.on_time,
                rate_text=charts.format_percent(row.percent_on_time),
                whole_text=_("Due %(count)s") % {"count": number(row.expected_due)},
                part_text=_("On time %(on_time)s, late %(late)s, missing %(missing)s")
                % {"on_time": number(row.on_time), "late": number(row.late), "missing": number(row.missing)},
                sentence=_(
                    "%(unit)s: %(due)s reports due, %(on_time)s on time, %(late)s late, %(missing)s missing; "
                    "%(percent)s on time"
                )
                % {
                    "unit": row.label,
                    "due": number(row.expected_due),
                    "on_time": number(row.on_time),
                    "late": number(row.late),
                    "missing": number(row.missing),
                    "percent": charts.format_percent(row.percent_on_time),
                },
                href=row.href,
            )
            for row in rows
        ],
        legend=charts.Legend(whole=_("Due"), part=_("On time"), rate=_("Share on time")),
    )


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    page = selectors_dashboard.dashboard(request.user, today=today)
    return render(
        request,
        "tracker/dashboard/dashboard.html",
        {
            "page": page,
            "links": page.links,
            "today": today,
            "type_chart": progress_chart(
                page.by_type, chart_id="chart-progress-type", title=_("Progress by content type")
            ),
            # No money registered (tracker.core.extensions): no section, no chart.
            "money_chart": money_chart(
                page.money, chart_id="chart-money-source", title=_("Disbursement by funding source")
            )
            if page.money
            else "",
            # The units with the most missing reports; the table below lists them all.
            "reporting_chart": reporting_chart(
                page.reporting[:CHART_UNITS],
                chart_id="chart-reporting-unit",
                title=_("Reports on time by province") if page.national else _("Reports on time by unit"),
            ),
            # The navigation badge: the overdue reports this page already counted.
            "overdue_badge": page.overdue_report_count,
        },
    )


urlpatterns = [
    path("dashboard/", dashboard, name="dashboard"),
]
