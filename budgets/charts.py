"""Budget charts drawn on the server as SVG: shown inline in the HTML pages, and reusable as
they are in WeasyPrint PDFs.

The drawing is `tracker.core.charts` (shared with the tracker's dashboard and reports); this module
turns budget rows (allocated, disbursed, rate) into its rows, with the money formatted as
``1.234.567 đ`` and the rates as ``62,5%``. Amounts arrive as whole đồng (ints) and are only
ever formatted, never turned into floats for display; the bar lengths are geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from django.utils.safestring import SafeString

from budgets.execution import format_rate
from budgets.money import format_vnd
from tracker.core import charts

CSS_CLASS = "budget-chart"


class ChartRow(Protocol):
    label: str
    allocated: int
    disbursed: int

    @property
    def rate(self) -> Decimal | None: ...


def _figures_sentence(row: ChartRow) -> str:
    return charts.money_sentence(
        row.label, allocated=row.allocated, disbursed=row.disbursed, rate=row.rate, money=format_vnd
    )


def allocation_bars(*, chart_id: str, title: str, rows: Sequence[ChartRow]) -> SafeString:
    """Horizontal bars, one per row: what was allocated (the light bar) and, inside it, what
    was disbursed (the dark bar), with the label, the rate and both amounts as text.

    The bars are scaled to the largest allocation among the rows. Empty ``rows`` draw nothing.
    """
    return charts.bars(
        chart_id=chart_id,
        title=title,
        rows=[
            charts.money_bar(
                row.label, allocated=row.allocated, disbursed=row.disbursed, rate=row.rate, money=format_vnd
            )
            for row in rows
        ],
        legend=charts.money_legend(),
        css_class=CSS_CLASS,
    )


def rate_columns(*, chart_id: str, title: str, rows: Sequence[ChartRow]) -> SafeString:
    """A column per row (a year) whose height is its disbursement rate, on a 0–100 % scale,
    with the rate printed above it and the label (the year) below. Rows with nothing
    allocated have no rate and are left out."""
    return charts.rate_columns(
        chart_id=chart_id,
        title=title,
        rows=[
            charts.Column(
                label=row.label, rate=row.rate, rate_text=format_rate(row.rate), sentence=_figures_sentence(row)
            )
            for row in rows
            if row.allocated
        ],
        css_class=CSS_CLASS,
    )
