"""What an area and the areas it was formed from have: targets with what was achieved,
smartphones handed over and accepted register entries — by the old units (one row each) or by
the new one (their sum, a split predecessor counting by its share).

"What did the communes that now form this ward receive in 2023–2025?" is read here: the
predecessors come from `tracker.core.successions` (transitively, with shares), achieved
quantities from `tracker.outputs.selectors.targets_with_actuals` (the one place they are
counted). Money passed on (donations) is the budgets app's: it adds its own panel to the page
(`tracker.core.extensions.AREA_PAGE`) from the same `AreaFigures`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from tracker.core import permissions
from tracker.core.permissions import AnyUser
from tracker.core.successions import round_half_up, succession_map
from tracker.models import Area, RegisterEntry, SmartphoneHandover, Target
from tracker.outputs import selectors as output_selectors
from tracker.registers import permissions as register_permissions

BY_OLD = "old"
BY_NEW = "new"
BY_CHOICES = [(BY_NEW, _("By this unit (sums)")), (BY_OLD, _("By the old units"))]


@dataclass
class SourceRow:
    """One of the areas whose figures are shown: the area itself or one it was formed from."""

    area: Area
    weight: Fraction
    targets: list[Target] = field(default_factory=list)
    phones: int = 0
    households: int = 0
    entries: dict[str, int] = field(default_factory=dict)  # register label → accepted entries

    @property
    def share_percent(self) -> int:
        return round_half_up(self.weight * 100)

    @property
    def is_itself(self) -> bool:
        return self.weight == 1 and not self.area.valid_to


@dataclass
class TargetTotal:
    indicator_name: str
    unit_of_measure: str
    year: int
    planned: int
    actual: int


@dataclass
class AreaFigures:
    area: Area
    on: datetime.date
    by: str
    rows: list[SourceRow]
    # By the new unit: targets summed by indicator and year, handovers and entries in total.
    target_totals: list[TargetTotal] = field(default_factory=list)
    phones: int = 0
    households: int = 0
    entries: list[tuple[str, int]] = field(default_factory=list)

    @property
    def weights(self) -> dict[int, Fraction]:
        """Area id → the part of its figures that belongs here (for the budgets panel)."""
        return {row.area.pk: row.weight for row in self.rows}

    @property
    def has_predecessors(self) -> bool:
        return len(self.rows) > 1

    @property
    def is_empty(self) -> bool:
        return not any(row.targets or row.phones or row.entries for row in self.rows)


def area_figures(user: AnyUser, area: Area, *, on: datetime.date, by: str = BY_NEW) -> AreaFigures:
    """The area's figures with those of every area it was formed from by `on` (transitively),
    in seven queries whatever their number: successions, predecessors, targets, their
    achieved figures (two: a UNION and the successions), handovers, register entries."""
    weights = {area.pk: Fraction(1)}
    weights.update(succession_map(on).predecessors(area.pk))
    areas = {area.pk: area}
    others = [area_id for area_id in weights if area_id != area.pk]
    areas.update({other.pk: other for other in Area.objects.filter(pk__in=others).select_related("parent")})
    rows = {area_id: SourceRow(area=areas[area_id], weight=weights[area_id]) for area_id in weights}

    targets = list(
        permissions.targets_visible_to(user)
        .filter(area__in=list(weights))
        .select_related("plan", "indicator")
        .order_by("year", "indicator__order", "indicator__name", "plan_id", "pk")
    )
    # Each target's own actual figure (its area's tasks); the successor's totals below add
    # the predecessors' targets and actuals, weighted, rather than counting them again.
    _own_actuals(targets)
    for target in targets:
        rows[target.area_id].targets.append(target)

    handovers = (
        register_permissions.entries_visible_to(user, SmartphoneHandover.objects.all())
        .filter(status=RegisterEntry.Status.ACCEPTED, area__in=list(weights))
        .values("area")
        .annotate(phones=Sum("phones"), households=Sum("households"))
        .order_by()
    )
    for row in handovers:
        rows[row["area"]].phones = row["phones"] or 0
        rows[row["area"]].households = row["households"] or 0

    labels = dict(RegisterEntry.Kind.choices)
    entries = (
        register_permissions.entries_visible_to(user, RegisterEntry.objects.all())
        .filter(Q(area__in=list(weights)) | Q(area__parent__in=list(weights)), status=RegisterEntry.Status.ACCEPTED)
        .values("area", "area__parent", "kind")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in entries:
        # An entry in a village counts for its commune.
        area_id = row["area"] if row["area"] in rows else row["area__parent"]
        label = str(labels.get(row["kind"], row["kind"]))
        rows[area_id].entries[label] = rows[area_id].entries.get(label, 0) + row["count"]

    ordered = [rows[area.pk]] + sorted(
        (row for area_id, row in rows.items() if area_id != area.pk), key=lambda row: row.area.sort_key
    )
    figures = AreaFigures(area=area, on=on, by=by, rows=ordered)
    _sum_up(figures)
    return figures


def _own_actuals(targets: list[Target]) -> None:
    """Achieved figures of each target on its own area only (the predecessors' come in as
    their own rows): `targets_with_actuals` without the inherited part."""
    output_selectors.targets_with_actuals(targets, inherit=False)


def _sum_up(figures: AreaFigures) -> None:
    planned: dict[tuple, Fraction] = defaultdict(Fraction)
    actual: dict[tuple, Fraction] = defaultdict(Fraction)
    names: dict[tuple, tuple[str, str]] = {}
    phones = households = Fraction(0)
    entries: dict[str, Fraction] = defaultdict(Fraction)
    for row in figures.rows:
        for target in row.targets:
            key = (target.year, target.indicator.order, target.indicator.name, target.indicator_id)
            names[key] = (target.indicator.name, target.indicator.unit_of_measure)
            planned[key] += row.weight * target.planned_value
            actual[key] += row.weight * target.actual
        phones += row.weight * row.phones
        households += row.weight * row.households
        for label, count in row.entries.items():
            entries[label] += row.weight * count
    figures.target_totals = [
        TargetTotal(names[key][0], names[key][1], key[0], round_half_up(planned[key]), round_half_up(actual[key]))
        for key in sorted(planned)
    ]
    figures.phones = round_half_up(phones)
    figures.households = round_half_up(households)
    figures.entries = sorted((label, round_half_up(count)) for label, count in entries.items())
