"""Figures counted over every expected report, task or report of the country, cached.

A reader of every province (the ministry's national monitor) opens a dashboard whose reporting
figures count all the `Obligation` rows — 400k at national scale, 320 ms of the page for one
grouped query — for figures that change only when a report is written or reviewed, a task or
rule changes, or a plan is issued or closed. So those figures are kept in the cache under a
generation (`tracker.core.figure_cache`): every service that changes the rows goes through
`tracker.core.obligations`, which calls `obligation_figures_changed()` (as plan closing and
deletion do, which write no row). The same writes are all that change the counts of tasks and
reports (the API's count of every report) and the reports' timeliness by plan (the national
view), which are kept under the same generation. Cached figures also name units and areas and
roll areas up by province, so the services that save or end a unit or an area drop them too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from tracker.core.figure_cache import Generation, cached_figures

OBLIGATIONS = Generation("obligations:figures-generation:v1")

T = TypeVar("T")


def obligation_figures_changed() -> None:
    """Drop every cached figure: now, and once the caller's transaction has committed."""
    OBLIGATIONS.changed()


def cached_obligation_figures(name: str, compute: Callable[[], T]) -> T:
    """The figures `name` (say which scope and day they are for) from the cache, or
    `compute()`d and kept until the rows change."""
    return cached_figures(f"obligations:{name}", compute, OBLIGATIONS)
