"""Figures kept in the cache under generations, dropped by the writes that change them.

A figure counted over a whole table (every expected report, report or allocation of the
country) is kept in the cache under the current token of each *generation* it depends on. A
service that changes the rows calls its generation's `changed()`, which drops the token now and
again when the transaction commits (a request in between may have counted the old rows); the
next reader counts again under a new token, and the old entries expire unread. A time limit
catches a change made past the services. With the cache down (tracker/config/cache.py) every
request counts, as before.

Generations in use: the expected reports, tasks, reports and followed plans
(`tracker.core.obligation_figures`), and the money (`budgets.figures`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

TIMEOUT_SECONDS = 15 * 60

T = TypeVar("T")


@dataclass(frozen=True)
class Generation:
    key: str  # where the current token is kept

    def changed(self) -> None:
        """Drop every figure kept under this generation: now, and once the caller's
        transaction has committed."""
        cache.delete(self.key)
        transaction.on_commit(lambda: cache.delete(self.key))

    def token(self) -> str:
        token = cache.get(self.key)
        if token is None:
            cache.add(self.key, uuid.uuid4().hex, TIMEOUT_SECONDS)
            # Another request may have added its own first: use whichever is there.
            token = cache.get(self.key) or "none"
        return token


def cached_figures(name: str, compute: Callable[[], T], *generations: Generation) -> T:
    """The figures `name` (say which scope and day they are for) from the cache, or
    `compute()`d and kept until one of the generations changes."""
    tokens = ":".join(generation.token() for generation in generations)
    return cache.get_or_set(f"figures:{tokens}:{name}", compute, TIMEOUT_SECONDS)
