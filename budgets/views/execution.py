"""Budget execution (tình hình thực hiện ngân sách): approved, allocated, disbursed, remaining
and the disbursement rate by funding source, content type, unit, area and year, with charts.

DIC managers, finance officers and monitors see the whole programme; a unit officer sees the
same page over their own unit's allocations and estimates (budgets.permissions); anyone else
is refused (403). The page costs a fixed number of queries whatever the data
(tests/budgets/test_execution.py counts them).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from budgets import charts, execution, permissions
from budgets.models import FundingSource
from budgets.views import require_budget_reader
from tracker.core.pagination import paginate


def execution_filter_form(request: HttpRequest) -> execution.ExecutionFilterForm:
    """The filter form with its choices (three queries: years, plans, funding sources)."""
    return execution.ExecutionFilterForm(
        request.GET,
        years=execution.execution_years(request.user),
        plans=execution.execution_plans(request.user),
        sources=FundingSource.objects.all(),
    )


EXECUTION_ROWS_PER_PAGE = 50


@login_required
@require_safe
def execution_page(request: HttpRequest) -> HttpResponse:
    require_budget_reader(request)
    form = execution_filter_form(request)
    filters = form.filters()
    tables = execution.execution_tables(request.user, filters)
    by_source, by_type, _by_unit, _by_area, by_year = tables
    chart_list = [
        (_("Allocated and disbursed by funding source"), charts.allocation_bars, "chart-source", by_source),
        (_("Allocated and disbursed by content type"), charts.allocation_bars, "chart-type", by_type),
        (_("Disbursement rate by year"), charts.rate_columns, "chart-year", by_year),
    ]
    drawn = [
        {"title": title, "svg": draw(chart_id=chart_id, title=title, rows=table.rows)}
        for title, draw, chart_id, table in chart_list
    ]
    current_year = timezone.localdate().year
    return render(
        request,
        "budgets/execution/execution.html",
        {
            "form": form,
            "filters": filters,
            "tables": tables,
            # Each table a page of rows at a time (its total counts them all; the export has
            # every row); each table's links keep the filters and the other tables' pages.
            "sections": [
                (table, paginate(request, table.rows, EXECUTION_ROWS_PER_PAGE, param=f"{table.name}_page"))
                for table in tables
            ],
            "total": by_source.total,
            "charts": [chart for chart in drawn if chart["svg"]],
            "current_year": current_year,
            "year_links": [year for year in form.fields["year"].choices if year[0] != ""][:6],
            "whole_programme": permissions.sees_whole_programme(request.user),
            "has_sample": execution.execution_has_sample(request.user, filters),
            "can_record_finance": permissions.can_record_finance(request.user),
        },
    )


urlpatterns = [
    path("execution/", execution_page, name="execution"),
]
