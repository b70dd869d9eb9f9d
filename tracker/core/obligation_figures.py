"""Figures counted over every expected report of the country, cached.

A reader of every province (the ministry's national monitor) opens a dashboard whose reporting
figures count all the `Obligation` rows — 400k at national scale, 320 ms of the page for one
grouped query — for figures that change only when a report is written or reviewed, a task or
rule changes, or a plan is issued or closed. So those figures are kept in the cache under a
generation: every service that changes the rows goes through `tracker.core.obligations`, which
calls `obligation_figures_changed()` (as plan closing and deletion do, which write no row);
that drops the generation now and again when the transaction commits (a request in between may
have counted the old rows), and the next reader counts again under a new one. A time limit
catches a change made past the services. With the cache down (tracker/config/cache.py) every
request counts, as before.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "obligations:figures-generation:v1"
TIMEOUT_SECONDS = 15 * 60

T = TypeVar("T")


def obligation_figures_changed() -> None:
    """Drop every cached figure: now, and once the caller's transaction has committed."""
    cache.delete(GENERATION_KEY)
    transaction.on_commit(lambda: cache.delete(GENERATION_KEY))


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, TIMEOUT_SECONDS)
        # Another request may have added its own first: use whichever is there.
        generation = cache.get(GENERATION_KEY) or "none"
    return generation


def cached_obligation_figures(name: str, compute: Callable[[], T]) -> T:
    """The figures `name` (say which scope and day they are for) from the cache, or
    `compute()`d and kept until the rows change."""
    return cache.get_or_set(f"obligations:figures:{_generation()}:{name}", compute, TIMEOUT_SECONDS)
