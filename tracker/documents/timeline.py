"""The geometry of a plan's timeline (Gantt chart), computed on the server as SVG coordinates.

The page's Content Security Policy forbids inline styles, so bars cannot be placed with
``style="left: 12%"``. SVG attributes (``x``, ``width``) are not styles: the chart is drawn as
inline SVG from the numbers below, needs no JavaScript and prints (and converts to PDF) as is.
Everything is in the units of the SVG's viewBox; the browser scales it to the page width.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# Layout of the viewBox: a label column on the left, the time axis on the right.
WIDTH = 1000
LABEL_WIDTH = 330
CHART_X = LABEL_WIDTH + 10
CHART_WIDTH = WIDTH - CHART_X - 10
HEADER_HEIGHT = 34
ROW_HEIGHT = 26
BAR_HEIGHT = 14
LABEL_CHARS = 48  # SVG text does not wrap; longer labels are cut, the full text is in <title>


@dataclass(frozen=True)
class Tick:
    x: float
    label: str  # blank for minor ticks (months between labelled ones)
    label_x: float = 0  # monthly labels sit mid-month; quarterly and yearly ones at their start
    anchor: str = "middle"


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    css: str
    description: str  # read by screen readers and shown as a tooltip


@dataclass(frozen=True)
class Mark:
    x: float
    css: str
    description: str


@dataclass
class Row:
    label: str
    full_label: str
    css: str = ""
    activity_id: int | None = None
    bars: list[Bar] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    # Filled in by Timeline.layout().
    y: int = 0
    text_y: int = 0
    bar_y: int = 0
    mark_y: int = 0


@dataclass
class Timeline:
    start: datetime.date
    end: datetime.date  # inclusive
    rows: list[Row] = field(default_factory=list)
    today: datetime.date | None = None

    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    chart_x: int = CHART_X
    chart_width: int = CHART_WIDTH
    header_height: int = HEADER_HEIGHT
    row_height: int = ROW_HEIGHT
    bar_height: int = BAR_HEIGHT

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def x_of(self, day: datetime.date) -> float:
        """The x of the start of a day, clamped to the chart."""
        offset = min(max((day - self.start).days, 0), self.days)
        return round(CHART_X + CHART_WIDTH * offset / self.days, 2)

    def bar(self, first: datetime.date, last: datetime.date, css: str, description: str) -> Bar:
        """A bar covering the days first..last inclusive, at least a few units wide to be seen."""
        x = self.x_of(first)
        width = max(self.x_of(last + datetime.timedelta(days=1)) - x, 3)
        return Bar(x=x, width=round(width, 2), css=css, description=description)

    def mark(self, day: datetime.date, css: str, description: str) -> Mark:
        return Mark(x=self.x_of(day), css=css, description=description)

    @property
    def height(self) -> int:
        return HEADER_HEIGHT + ROW_HEIGHT * max(len(self.rows), 1) + 4

    @property
    def chart_bottom(self) -> int:
        return self.height - 4

    @property
    def today_x(self) -> float | None:
        if self.today and self.start <= self.today <= self.end:
            return self.x_of(self.today)
        return None

    @property
    def ticks(self) -> list[Tick]:
        """A line at every month start; labels every month, quarter or year to stay legible."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        step = 1 if months <= 14 else 3 if months <= 40 else 12
        ticks = []
        year, month = self.start.year, self.start.month
        for index in range(months):
            day = datetime.date(year, month, 1)
            labelled = (month - 1) % step == 0 if step > 1 else True
            if index == 0 and step > 1:
                labelled = True
            label = (f"{month:02d}/{year}" if step < 12 else f"{year}") if labelled else ""
            x = self.x_of(max(day, self.start))
            if step == 1:
                middle = self.x_of(min(month_ceiling(day), self.end) + datetime.timedelta(days=1))
                ticks.append(Tick(x=x, label=label, label_x=round((x + middle) / 2, 2)))
            else:
                ticks.append(Tick(x=x, label=label, label_x=x + 3, anchor="start"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return ticks

    def layout(self) -> Timeline:
        for index, row in enumerate(self.rows):
            # Whole numbers: nothing here may be printed with a decimal comma by the locale.
            row.y = HEADER_HEIGHT + index * ROW_HEIGHT
            row.text_y = row.y + ROW_HEIGHT // 2 + 4
            row.bar_y = row.y + (ROW_HEIGHT - BAR_HEIGHT) // 2
            row.mark_y = row.y + 3
        return self


def month_floor(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_ceiling(day: datetime.date) -> datetime.date:
    """The last day of the day's month."""
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
