"""Money figures counted over every allocation of the country, cached.

The national view's money by plan and a reader of every province's budget execution tables
add up every allocation (30,000 at national scale, their disbursed totals kept on them) for
figures that change only when money is written: an allocation saved or imported, a
disbursement recorded or reversed, an estimate approved (its appraised amounts count as
approved) or changed. Each of those services (budgets.services) calls `money_figures_changed()`;
the figures are kept under that generation (`tracker.core.figure_cache`) and under the
expected reports' one as well, which every change of an activity drops (an activity moved to
another plan or given another content type moves its money with it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from tracker.core.figure_cache import Generation, cached_figures
from tracker.core.obligation_figures import OBLIGATIONS

MONEY = Generation("budgets:money-generation:v1")

T = TypeVar("T")


def money_figures_changed() -> None:
    """Drop every cached money figure: now, and once the caller's transaction has committed."""
    MONEY.changed()


def cached_money_figures(name: str, compute: Callable[[], T]) -> T:
    """The figures `name` from the cache, or `compute()`d and kept until money is written or
    an activity changes."""
    return cached_figures(f"money:{name}", compute, MONEY, OBLIGATIONS)
