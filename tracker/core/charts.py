"""Charts drawn on the server as SVG: shown inline in the HTML pages (the dashboard, the
budgets pages) and, as they are, in WeasyPrint PDFs (the periodic progress report).

The Content Security Policy forbids inline styles and scripts, so everything is an SVG
presentation attribute (``x``, ``width``, ``fill``, ``font-size``); nothing needs JavaScript.
Each chart is an image to assistive technology (``role="img"``, ``aria-label``, ``<title>``)
whose ``<desc>`` reads out every figure, and every figure is also printed as text on the
chart, so nothing is conveyed by length or colour alone.

The charts are generic: a row carries its label, its numbers (for the geometry) and the texts
to print, already formatted by the caller (money by budgets, quantities by the tracker), so
this module knows nothing of đồng or of outputs. A row may carry a link (``href``) to the list
behind the figure: the links are listed under the chart, named by their rows' labels, not put
inside it (an image, ``role="img"``, has no interactive content for assistive technology).

Coordinates are in the units of the viewBox; the browser scales the chart to its box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

WIDTH = 380  # at a phone's width the text stays about 11 px, on a desktop the box is capped
PAD = 8
FONT = "system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif"
INK = "#1b1f23"
MUTED = "#5b6670"
TRACK = "#eef1f4"
GRID = "#c9d0d6"
LIGHT = "#a9c8ea"  # light blue: the whole (allocated, planned)
DARK = "#0b5cab"  # the brand blue: the part of it (disbursed, achieved)
LABEL_CHARS = 40  # SVG text does not wrap; a longer label is cut, the full one is in <title>


def format_percent(rate: Decimal | int | float | None) -> str:
    """``62,5%`` (the active language's decimal separator), ``100%`` for a whole number, ``—``
    for no rate (nothing planned or allocated)."""
    if rate is None:
        return "—"
    rate = Decimal(str(rate))
    places = 0 if rate == rate.to_integral_value() else 1
    return f"{number_format(rate, places, use_l10n=True, force_grouping=False)}%"


@dataclass
class Bar:
    """One row of `bars`: a whole (the light bar) and the part of it reached (the dark bar)."""

    label: str
    whole: int  # planned, allocated
    part: int  # achieved, disbursed
    rate_text: str  # printed at the right of the label, e.g. "62,5%"
    whole_text: str  # printed under the bar at the left, e.g. "Allocated 8.000.000 đ"
    part_text: str  # printed under the bar at the right
    sentence: str  # every figure of the row in words: the row's <title> and part of the <desc>
    href: str = ""


@dataclass
class Column:
    """One column of `rate_columns`: its height is `rate` on a 0–100 % scale."""

    label: str
    rate: Decimal | int | None
    rate_text: str
    sentence: str
    href: str = ""


@dataclass
class Legend:
    whole: str
    part: str
    rate: str


# --- Money rows: allocated (the whole) and disbursed (the part) --------------------------------
# The same words on the dashboard's money chart and the budgets pages' charts; the caller
# formats the amounts (`money`), so this module still knows nothing of đồng.


def money_sentence(
    label: str, *, allocated: int, disbursed: int, rate: Decimal | float | None, money: Callable[[int], str]
) -> str:
    """Every figure of a money row in words (a row's <title>, part of the chart's <desc>)."""
    return _("%(label)s: allocated %(allocated)s, disbursed %(disbursed)s, disbursement rate %(rate)s") % {
        "label": label,
        "allocated": money(allocated),
        "disbursed": money(disbursed),
        "rate": format_percent(rate),
    }


def money_bar(
    label: str,
    *,
    allocated: int,
    disbursed: int,
    rate: Decimal | float | None,
    money: Callable[[int], str],
    href: str = "",
) -> Bar:
    """A row of `bars`: what was allocated (the light bar) and, inside it, what was disbursed."""
    return Bar(
        label=label,
        whole=allocated,
        part=disbursed,
        rate_text=format_percent(rate),
        whole_text=_("Allocated %(amount)s") % {"amount": money(allocated)},
        part_text=_("Disbursed %(amount)s") % {"amount": money(disbursed)},
        sentence=money_sentence(label, allocated=allocated, disbursed=disbursed, rate=rate, money=money),
        href=href,
    )


def money_legend() -> Legend:
    return Legend(whole=_("Allocated"), part=_("Disbursed"), rate=_("Disbursement rate"))


def n(value: float) -> str:
    """A coordinate: at most one decimal, never localised (SVG wants '12.5', not '12,5')."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text(x: float, y: float, content: str, *, size: int = 13, anchor: str = "start", fill: str = INK, bold=False):
    weight = ' font-weight="700"' if bold else ""
    return (
        f'<text x="{n(x)}" y="{n(y)}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}>'
        f"{escape(content)}</text>"
    )


def svg(
    *,
    chart_id: str,
    title: str,
    description: str,
    height: float,
    body: list[str],
    css_class: str,
    width: str = "100%",
    font: str = FONT,
    links: Sequence[tuple[str, str]] = (),
) -> SafeString:
    # Safe: every text in it went through escape().
    listed = "".join(f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for href, label in links)
    after = f'<ul class="chart-links" aria-label="{escape(title)}">{listed}</ul>' if listed else ""
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {n(height)}" width="{escape(width)}" role="img" aria-label="{escape(title)}" '
        f'aria-describedby="{escape(chart_id)}-desc" font-family="{escape(font)}">'
        f"<title>{escape(title)}</title>"
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>" + after
    )


def _row_group(sentence: str, body: list[str]) -> list[str]:
    """A row's elements in a group titled with its figures."""
    return ['<g class="chart-row">', f"<title>{escape(sentence)}</title>", *body, "</g>"]


# Layout of one row of the bar chart: its label and rate, the bar, its figures.
LEGEND_HEIGHT = 28
ROW_LABEL_Y = 14
BAR_Y = 22
BAR_HEIGHT = 16
FIGURES_Y = 54
ROW_HEIGHT = 68


def bars(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[Bar],
    legend: Legend,
    each_full: bool = False,
    css_class: str = "chart",
    width: str = "100%",
    font: str = FONT,
) -> SafeString:
    """Horizontal bars, one per row: the whole (the light bar) and, inside it, the part reached
    (the dark bar), with the label, the rate and both figures as text.

    ``width`` is the drawing's width on the page ("100%" of its box; a length such as "120mm"
    in a printed document), ``font`` its font family (a document's own, in a PDF). The bars
    are scaled to the largest whole among the rows, or, with ``each_full``, every
    whole fills the track (rows in different units: phones and articles cannot share a scale).
    A part larger than its whole fills its bar. Rows with neither are left out; no row, no chart.
    """
    rows = [row for row in rows if row.whole or row.part]
    if not rows:
        return mark_safe("")
    largest = max(row.whole for row in rows) or 1
    track = WIDTH - 2 * PAD
    body = [
        # The legend: colour is explained in words, and each bar's figures are printed too.
        f'<rect x="{PAD}" y="6" width="14" height="12" fill="{LIGHT}"/>',
        text(PAD + 20, 16, legend.whole, size=12),
        f'<rect x="{PAD + 110}" y="6" width="14" height="12" fill="{DARK}"/>',
        text(PAD + 130, 16, legend.part, size=12),
        text(WIDTH - PAD, 16, legend.rate, size=12, anchor="end", fill=MUTED),
    ]
    for index, row in enumerate(rows):
        top = LEGEND_HEIGHT + index * ROW_HEIGHT
        scale = (row.whole or 1) if each_full else largest
        whole_width = track * row.whole / scale
        part_width = track * min(row.part, row.whole) / scale if row.whole else 0
        body += _row_group(
            row.sentence,
            [
                text(PAD, top + ROW_LABEL_Y, Truncator(row.label).chars(LABEL_CHARS)),
                text(WIDTH - PAD, top + ROW_LABEL_Y, row.rate_text, anchor="end", bold=True),
                f'<rect x="{PAD}" y="{top + BAR_Y}" width="{n(track)}" height="{BAR_HEIGHT}" fill="{TRACK}"/>',
                f'<rect x="{PAD}" y="{top + BAR_Y}" width="{n(whole_width)}" height="{BAR_HEIGHT}" fill="{LIGHT}"/>',
                f'<rect x="{PAD}" y="{top + BAR_Y}" width="{n(part_width)}" height="{BAR_HEIGHT}" fill="{DARK}"/>',
                text(PAD, top + FIGURES_Y, row.whole_text, size=12, fill=MUTED),
                text(WIDTH - PAD, top + FIGURES_Y, row.part_text, size=12, anchor="end", fill=MUTED),
            ],
        )
    height = LEGEND_HEIGHT + len(rows) * ROW_HEIGHT
    description = "; ".join(row.sentence for row in rows) + "."
    return svg(
        chart_id=chart_id,
        title=title,
        description=description,
        height=height,
        body=body,
        css_class=css_class,
        width=width,
        font=font,
        links=[(row.href, row.label) for row in rows if row.href],
    )


# Layout of the rate columns: a 0–100 % scale on the left, a column per row.
PLOT_TOP = 28
PLOT_HEIGHT = 150
AXIS_WIDTH = 44
LABEL_GAP = 18


def rate_columns(*, chart_id: str, title: str, rows: Sequence[Column], css_class: str = "chart") -> SafeString:
    """A column per row whose height is its rate, on a 0–100 % scale (a rate above 100 % fills
    it), with the rate printed above it and the label below. No row, no chart."""
    if not rows:
        return mark_safe("")
    bottom = PLOT_TOP + PLOT_HEIGHT
    plot_left = PAD + AXIS_WIDTH
    plot_width = WIDTH - plot_left - PAD
    body = []
    for percent in (0, 50, 100):
        y = bottom - PLOT_HEIGHT * percent / 100
        body += [
            f'<line x1="{n(plot_left)}" y1="{n(y)}" x2="{n(WIDTH - PAD)}" y2="{n(y)}" stroke="{GRID}" '
            f'stroke-width="1"/>',
            text(plot_left - 6, y + 4, f"{percent}%", size=11, anchor="end", fill=MUTED),
        ]
    slot = plot_width / len(rows)
    column = min(64, slot * 0.6)
    for index, row in enumerate(rows):
        rate = min(Decimal(str(row.rate or 0)), Decimal(100))
        height = PLOT_HEIGHT * float(rate) / 100
        x = plot_left + slot * index + (slot - column) / 2
        centre = x + column / 2
        body += _row_group(
            row.sentence,
            [
                f'<rect x="{n(x)}" y="{n(bottom - height)}" width="{n(column)}" height="{n(height)}" fill="{DARK}"/>',
                text(centre, bottom - height - 6, row.rate_text, size=12, anchor="middle", bold=True),
                text(centre, bottom + LABEL_GAP, Truncator(row.label).chars(12), size=12, anchor="middle"),
            ],
        )
    description = "; ".join(row.sentence for row in rows) + "."
    return svg(
        chart_id=chart_id,
        title=title,
        description=description,
        height=bottom + 28,
        body=body,
        css_class=css_class,
        links=[(row.href, row.label) for row in rows if row.href],
    )
