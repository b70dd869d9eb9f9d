"""Every write to tracked data ends here: validated, saved, and recorded in its history with
the person who made it (django-simple-history reads `_history_user`).

Each feature's services call these; nothing else saves a tracked row.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from django.db import models

from tracker.models import User

M = TypeVar("M", bound=models.Model)


def save_tracked(instance: M, *, actor: User | None, reason: str = "", at: datetime.datetime | None = None) -> M:
    """Validate every field and constraint, then save with the actor on the history row.

    `at`: when the change was made, if not now (a service told of a past date, which it has
    checked) — the history row is dated then, so history and the row's own dates agree."""
    instance.full_clean()
    instance._history_user = actor  # read by django-simple-history
    if at is not None:
        instance._history_date = at  # read by django-simple-history instead of now
    if reason:
        instance._change_reason = reason
    instance.save()
    if at is not None:
        del instance._history_date  # a later save of the same object is dated by its own call
    return instance


def delete_tracked(instance: models.Model, *, actor: User | None) -> None:
    instance._history_user = actor
    instance.delete()


def upsert(model: type[M], *, lookup: dict[str, Any], values: dict[str, Any], actor: User | None) -> tuple[M, bool]:
    """Create or update one row by its natural key; save nothing when nothing changed.

    This is what makes loading the demo data idempotent: a second run writes no row and so
    adds no history.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return save_tracked(model(**lookup, **values), actor=actor), True
    changed = False
    for field, value in values.items():
        current = getattr(instance, field)
        if isinstance(value, models.Model):
            current, value_key = getattr(instance, f"{field}_id"), value.pk
        else:
            value_key = value
        if current != value_key:
            setattr(instance, field, value)
            changed = True
    if changed:
        save_tracked(instance, actor=actor)
    return instance, changed
