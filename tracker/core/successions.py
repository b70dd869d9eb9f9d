"""Who became whom on a date: the areas in force that older areas rolled into, and back.

Figures recorded on an area that has since ended (a 2023 target on "Xã Thượng Giáo", a
handover in "Phường Tân Sơn") belong, for a period after the change, to the area(s) in force
that took it over. The successions are a graph (`AreaSuccession`); this module reads the part
of it in force on a date in one query and answers both ways:

- `forward(area_id)`: the areas in force the area's figures go to, each with its weight;
- `predecessors(area_id)`: the older areas whose figures come into this one, with theirs.

Weights. A merger or renaming passes everything on (1). A split passes each successor its
recorded share (normalised over the successors that have one); a split recorded without
shares (the conversion data gives none) passes everything to its main successor — the
largest share, else the one the data marks as the main part ("Phần chính"), else the first —
so a figure is never counted twice, and `area_in_force` names the same successor. Chains are
followed transitively (Xã Hoằng Lý → Phường Tào Xuyên → Phường Hàm Rồng).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import F

from tracker.models import Area, AreaSuccession

MAIN_PART = "Phần chính"
# Longer chains than this are a data error (a cycle would never end).
MAX_STEPS = 12


@dataclass(frozen=True)
class Step:
    successor_id: int
    share: int | None
    is_main: bool


@dataclass
class SuccessionMap:
    """The successions that took effect on or before `on`, resolved lazily and memoised."""

    on: datetime.date
    steps: dict[int, list[Step]]
    _forward: dict[int, dict[int, Fraction]] = field(default_factory=dict)
    _backward: dict[int, dict[int, Fraction]] | None = None

    def weights_of(self, steps: list[Step]) -> dict[int, Fraction]:
        """How one area's figures divide among its direct successors."""
        if len(steps) == 1:
            return {steps[0].successor_id: Fraction(1)}
        shared = [step for step in steps if step.share]
        if shared:
            total = sum(step.share for step in shared)
            return {step.successor_id: Fraction(step.share, total) for step in shared}
        main = [step for step in steps if step.is_main] or steps
        return {main[0].successor_id: Fraction(1)}

    def forward(self, area_id: int, _depth: int = 0) -> dict[int, Fraction]:
        """The areas in force on `on` that this area's figures go to ({itself: 1} when it did
        not end by then)."""
        if area_id in self._forward:
            return self._forward[area_id]
        steps = self.steps.get(area_id)
        if not steps or _depth > MAX_STEPS:
            result = {area_id: Fraction(1)}
        else:
            result: dict[int, Fraction] = defaultdict(Fraction)
            for successor_id, weight in self.weights_of(steps).items():
                for final_id, final_weight in self.forward(successor_id, _depth + 1).items():
                    result[final_id] += weight * final_weight
            result = dict(result)
        self._forward[area_id] = result
        return result

    def predecessors(self, area_id: int) -> dict[int, Fraction]:
        """Every older area (transitively) whose figures come into `area_id`, with the part
        that does; the area itself is not in it."""
        if self._backward is None:
            backward: dict[int, dict[int, Fraction]] = defaultdict(dict)
            for old_id in self.steps:
                for final_id, weight in self.forward(old_id).items():
                    if final_id != old_id:
                        backward[final_id][old_id] = weight
            self._backward = dict(backward)
        return self._backward.get(area_id, {})

    def roll_up(self, values: dict[int, int]) -> dict[int, int]:
        """Figures by area → figures by the area in force they went to (rounded half up once,
        at the end, so a split's parts add up to what was recorded as far as whole numbers can)."""
        totals: dict[int, Fraction] = defaultdict(Fraction)
        for area_id, value in values.items():
            for final_id, weight in self.forward(area_id).items():
                totals[final_id] += weight * value
        return {area_id: round_half_up(total) for area_id, total in totals.items()}


def round_half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2)) if value >= 0 else -int(-value + Fraction(1, 2))


def succession_map(on: datetime.date) -> SuccessionMap:
    """The successions in effect on `on` (1 query, a few thousand small rows for the whole
    country; nothing is resolved until asked)."""
    return succession_maps([on])[on]


def succession_maps(days) -> dict[datetime.date, SuccessionMap]:
    """One map per date, from one query (a plan's targets span several years)."""
    days = sorted(set(days))
    if not days:
        return {}
    rows = list(
        AreaSuccession.objects.filter(took_over_on__lte=days[-1])
        .order_by("predecessor_id", F("share").desc(nulls_last=True), "pk")
        .values_list("predecessor_id", "successor_id", "share", "note", "took_over_on")
    )
    maps = {}
    for day in days:
        steps: dict[int, list[Step]] = defaultdict(list)
        for predecessor_id, successor_id, share, note, took_over_on in rows:
            if took_over_on <= day:
                steps[predecessor_id].append(Step(successor_id, share, MAIN_PART in note))
        maps[day] = SuccessionMap(on=day, steps=dict(steps))
    return maps


def province_successors() -> dict[int, int]:
    """Each province that ended → the province in force that took it over, following a chain
    of mergers to its end (one query); where a province was split, its largest share's."""
    steps: dict[int, list[int]] = defaultdict(list)
    for succession in AreaSuccession.objects.filter(
        predecessor__level=Area.Level.PROVINCE, successor__level=Area.Level.PROVINCE
    ).order_by("-share", "pk"):
        steps[succession.predecessor_id].append(succession.successor_id)
    result = {}
    for start in steps:
        current, seen = start, {start}
        while current in steps and steps[current][0] not in seen:
            current = steps[current][0]
            seen.add(current)
        result[start] = current
    return result
