"""Budget charts drawn on the server as SVG: shown inline in the HTML pages, and reusable as
they are in WeasyPrint PDFs.

The Content Security Policy forbids inline styles and scripts, so everything is an SVG
presentation attribute (``x``, ``width``, ``fill``, ``font-size``); nothing needs JavaScript.
Each chart is an image to assistive technology (``role="img"``, ``aria-label``, ``<title>``)
whose ``<desc>`` reads out every figure, and every figure is also printed as text on the
chart, so nothing is conveyed by length or colour alone.

Coordinates are in the units of the viewBox; the browser scales the chart to its box.
Amounts arrive as whole đồng (ints) and are only ever formatted, never turned into floats for
display; the bar lengths are geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Protocol

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from budgets.execution import format_rate
from budgets.money import format_vnd

WIDTH = 380  # at a phone's width the text stays about 11 px, on a desktop the box is capped
PAD = 8
FONT = "system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif"
INK = "#1b1f23"
MUTED = "#5b6670"
TRACK = "#eef1f4"
ALLOCATED = "#a9c8ea"  # light blue: what was allocated
DISBURSED = "#0b5cab"  # the brand blue: what was paid out of it
LABEL_CHARS = 40  # SVG text does not wrap; a longer label is cut, the full one is in <title>


class ChartRow(Protocol):
    label: str
    allocated: int
    disbursed: int

    @property
    def rate(self) -> Decimal | None: ...


def _n(value: float) -> str:
    """A coordinate: at most one decimal, never localised (SVG wants '12.5', not '12,5')."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, content: str, *, size: int = 13, anchor: str = "start", fill: str = INK, bold=False):
    weight = ' font-weight="700"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}>'
        f"{escape(content)}</text>"
    )


def _svg(*, chart_id: str, title: str, description: str, height: float, body: list[str]) -> SafeString:
    # Safe: every text in it went through escape().
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="budget-chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {_n(height)}" width="100%" role="img" aria-label="{escape(title)}" '
        f'aria-describedby="{escape(chart_id)}-desc" font-family="{FONT}">'
        f"<title>{escape(title)}</title>"
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _figures_sentence(row: ChartRow) -> str:
    return _("%(label)s: allocated %(allocated)s, disbursed %(disbursed)s, disbursement rate %(rate)s") % {
        "label": row.label,
        "allocated": format_vnd(row.allocated),
        "disbursed": format_vnd(row.disbursed),
        "rate": format_rate(row.rate),
    }


# Layout of one row of the bar chart: its label and rate, the bar, its figures.
LEGEND_HEIGHT = 28
ROW_LABEL_Y = 14
BAR_Y = 22
BAR_HEIGHT = 16
FIGURES_Y = 54
ROW_HEIGHT = 68


def allocation_bars(*, chart_id: str, title: str, rows: Sequence[ChartRow]) -> SafeString:
    """Horizontal bars, one per row: what was allocated (the light bar) and, inside it, what
    was disbursed (the dark bar), with the label, the rate and both amounts as text.

    The bars are scaled to the largest allocation among the rows. Empty ``rows`` draw nothing.
    """
    rows = [row for row in rows if row.allocated or row.disbursed]
    if not rows:
        return mark_safe("")
    largest = max(row.allocated for row in rows) or 1
    track = WIDTH - 2 * PAD
    body = [
        # The legend: colour is explained in words, and each bar's amounts are printed too.
        f'<rect x="{PAD}" y="6" width="14" height="12" fill="{ALLOCATED}"/>',
        _text(PAD + 20, 16, _("Allocated"), size=12),
        f'<rect x="{PAD + 110}" y="6" width="14" height="12" fill="{DISBURSED}"/>',
        _text(PAD + 130, 16, _("Disbursed"), size=12),
        _text(WIDTH - PAD, 16, _("Disbursement rate"), size=12, anchor="end", fill=MUTED),
    ]
    for index, row in enumerate(rows):
        top = LEGEND_HEIGHT + index * ROW_HEIGHT
        allocated_width = track * row.allocated / largest
        disbursed_width = track * min(row.disbursed, row.allocated) / largest if row.allocated else 0
        body += [
            '<g class="chart-row">',
            f"<title>{escape(_figures_sentence(row))}</title>",
            _text(PAD, top + ROW_LABEL_Y, Truncator(row.label).chars(LABEL_CHARS)),
            _text(WIDTH - PAD, top + ROW_LABEL_Y, format_rate(row.rate), anchor="end", bold=True),
            f'<rect x="{PAD}" y="{top + BAR_Y}" width="{_n(track)}" height="{BAR_HEIGHT}" fill="{TRACK}"/>',
            f'<rect x="{PAD}" y="{top + BAR_Y}" width="{_n(allocated_width)}" height="{BAR_HEIGHT}" '
            f'fill="{ALLOCATED}"/>',
            f'<rect x="{PAD}" y="{top + BAR_Y}" width="{_n(disbursed_width)}" height="{BAR_HEIGHT}" '
            f'fill="{DISBURSED}"/>',
            _text(
                PAD,
                top + FIGURES_Y,
                _("Allocated %(amount)s") % {"amount": format_vnd(row.allocated)},
                size=12,
                fill=MUTED,
            ),
            _text(
                WIDTH - PAD,
                top + FIGURES_Y,
                _("Disbursed %(amount)s") % {"amount": format_vnd(row.disbursed)},
                size=12,
                anchor="end",
                fill=MUTED,
            ),
            "</g>",
        ]
    height = LEGEND_HEIGHT + len(rows) * ROW_HEIGHT
    description = "; ".join(_figures_sentence(row) for row in rows) + "."
    return _svg(chart_id=chart_id, title=title, description=description, height=height, body=body)


# Layout of the rate-by-year columns: a 0–100 % scale on the left, a column per year.
PLOT_TOP = 28
PLOT_HEIGHT = 150
AXIS_WIDTH = 44
YEAR_LABEL_GAP = 18


def rate_columns(*, chart_id: str, title: str, rows: Sequence[ChartRow]) -> SafeString:
    """A column per row (a year) whose height is its disbursement rate, on a 0–100 % scale,
    with the rate printed above it and the label (the year) below."""
    rows = [row for row in rows if row.allocated]
    if not rows:
        return mark_safe("")
    bottom = PLOT_TOP + PLOT_HEIGHT
    plot_left = PAD + AXIS_WIDTH
    plot_width = WIDTH - plot_left - PAD
    body = []
    for percent in (0, 50, 100):
        y = bottom - PLOT_HEIGHT * percent / 100
        body += [
            f'<line x1="{_n(plot_left)}" y1="{_n(y)}" x2="{_n(WIDTH - PAD)}" y2="{_n(y)}" stroke="#c9d0d6" '
            f'stroke-width="1"/>',
            _text(plot_left - 6, y + 4, f"{percent}%", size=11, anchor="end", fill=MUTED),
        ]
    slot = plot_width / len(rows)
    column = min(64, slot * 0.6)
    for index, row in enumerate(rows):
        rate = min(row.rate or Decimal(0), Decimal(100))
        height = PLOT_HEIGHT * float(rate) / 100
        x = plot_left + slot * index + (slot - column) / 2
        centre = x + column / 2
        body += [
            '<g class="chart-row">',
            f"<title>{escape(_figures_sentence(row))}</title>",
            f'<rect x="{_n(x)}" y="{_n(bottom - height)}" width="{_n(column)}" height="{_n(height)}" '
            f'fill="{DISBURSED}"/>',
            _text(centre, bottom - height - 6, format_rate(row.rate), size=12, anchor="middle", bold=True),
            _text(centre, bottom + YEAR_LABEL_GAP, row.label, size=12, anchor="middle"),
            "</g>",
        ]
    description = "; ".join(_figures_sentence(row) for row in rows) + "."
    return _svg(chart_id=chart_id, title=title, description=description, height=bottom + 28, body=body)
