"""The campaign site's figures counted from the tracker, cached.

The public home shows how many progress reports were accepted and how many products were
counted towards the plans. Counting them is a scan of the progress reports (204 of the home's
225 ms at national scale) on every anonymous visit, for figures that change a few times a day;
so the counts are kept in the cache, and the services that change what they count (accepting or
superseding a report, a product's record, a plan's status or deletion) call
`public_figures_changed()`. The cache entry is dropped at once and again when their transaction
commits (a visit in between may have counted the old figures). A time limit catches a change
made past the services (a deletion in the database by hand). With the cache down (Redis, see
tracker/config/cache.py) every visit counts again, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

FIGURES_KEY = "public:tracker-figures:v1"
TIMEOUT_SECONDS = 15 * 60

T = TypeVar("T")


def public_figures_changed() -> None:
    """Drop the cached figures: now, and once the caller's transaction has committed."""
    cache.delete(FIGURES_KEY)
    transaction.on_commit(lambda: cache.delete(FIGURES_KEY))


def cached_public_figures(compute: Callable[[], T]) -> T:
    """The figures from the cache, or `compute()`d and kept."""
    return cache.get_or_set(FIGURES_KEY, compute, TIMEOUT_SECONDS)
