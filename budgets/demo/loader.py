"""Load the budgets demo in one transaction, after the tracker's demo it builds on."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from tracker.demo.users import ADMIN
from tracker.models import Plan, User

from . import sample_plan, seed_000, seed_001, seed_004
from .base import Ctx


class TrackerDemoMissing(Exception):
    """The tracker's demo (plans, units, users) is not loaded yet."""


@dataclass
class LoadResult:
    created: dict[str, int]  # model label -> rows added by this run (0 on a re-run)
    totals: dict[str, int]  # model label -> rows in the database after the run


def _counts() -> dict[str, int]:
    # The budgets tables and their history tables: what this demo writes.
    return {model._meta.label: model.objects.count() for model in apps.get_app_config("budgets").get_models()}


@transaction.atomic
def load_demo_budgets(today: datetime.date | None = None) -> LoadResult:
    """Create the demo budgets that are missing; a second run writes nothing."""
    # The tracker's demo actor, as tracker.demo.loader picks it: every row is written by admin.
    actor = User.objects.filter(username=ADMIN.username, is_superuser=True).first()
    if actor is None or not Plan.objects.filter(is_sample=True).exists():
        raise TrackerDemoMissing
    before = _counts()
    ctx = Ctx(actor=actor, today=today or timezone.localdate())
    seed_004.load(ctx)
    seed_000.load(ctx)
    seed_001.load(ctx)
    sample_plan.load(ctx)
    after = _counts()
    return LoadResult(created={label: after[label] - before[label] for label in after}, totals=after)
