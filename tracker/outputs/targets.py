"""A plan's targets as the table its appendix prints: one row per area, one column per indicator.

Seed 002's appendix is such a table: 35 wards and communes × poor households at the end of
2018 (a baseline) and two targets for 2019, with totals 920 / 200 / 21. A column is therefore
an indicator *in a year*: the baseline of 2018 and the targets of 2019 sit side by side in one
row, and a plan for 2023–2025 gets a column per indicator and year. The web page, the API and
the reports show the same pivot, so it is computed here, once, from a single query.
"""

from __future__ import annotations

import dataclasses

from tracker.models import Area, Indicator, Plan, Target


@dataclasses.dataclass(frozen=True)
class TargetColumn:
    indicator: Indicator
    year: int


@dataclasses.dataclass(frozen=True)
class TargetRow:
    area: Area
    # Aligned with TargetTable.columns; None where the plan gives no figure (a blank cell).
    values: list[int | None]


@dataclasses.dataclass(frozen=True)
class TargetTable:
    columns: list[TargetColumn]
    rows: list[TargetRow]
    # Aligned with columns: the sum of each column, blank cells counting as nothing.
    totals: list[int]

    @property
    def indicators(self) -> list[Indicator]:
        """The indicator of each column (repeated when a plan sets it for several years)."""
        return [column.indicator for column in self.columns]


def target_table(plan: Plan, *, year: int | None = None) -> TargetTable:
    """The plan's targets pivoted: areas down, (indicator, year) across, totals at the foot.

    Columns follow the indicators' configured order, then the year. Rows keep the order the
    targets were entered in, because appendices list areas in their own order (STT), which
    is neither alphabetical nor by official code. Pass ``year`` for one year's figures only.
    """
    targets = Target.objects.filter(plan=plan).select_related("indicator", "area").order_by("id")
    if year is not None:
        targets = targets.filter(year=year)
    targets = list(targets)

    keys = {(t.indicator_id, t.year): TargetColumn(t.indicator, t.year) for t in targets}
    columns = sorted(keys.values(), key=lambda c: (c.indicator.order, c.indicator.name, c.indicator.pk, c.year))
    position = {(column.indicator.pk, column.year): index for index, column in enumerate(columns)}

    # dicts keep insertion order: an area's first target places its row.
    rows: dict[int, TargetRow] = {}
    for target in targets:
        if target.area_id not in rows:
            rows[target.area_id] = TargetRow(area=target.area, values=[None] * len(columns))
        rows[target.area_id].values[position[(target.indicator_id, target.year)]] = target.planned_value

    totals = [sum(row.values[index] or 0 for row in rows.values()) for index in range(len(columns))]
    return TargetTable(columns=columns, rows=list(rows.values()), totals=totals)
