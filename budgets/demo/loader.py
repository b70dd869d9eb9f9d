"""Load the budgets demo in one transaction, after the tracker's demo it builds on."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from budgets.figures import money_figures_changed
from tracker.demo.loader import LoadResult, count_rows
from tracker.demo.users import ADMIN
from tracker.models import Plan, User

from . import sample_plan, seed_001
from .base import Ctx


class TrackerDemoMissing(Exception):
    """The tracker's demo (plans, units, users) is not loaded yet."""


@transaction.atomic
def load_demo_budgets(today: datetime.date | None = None) -> LoadResult:
    """Create the demo budgets that are missing; a second run writes nothing."""
    # The tracker's demo actor, as tracker.demo.loader picks it: every row is written by admin.
    actor = User.objects.filter(username=ADMIN.username, is_superuser=True).first()
    if actor is None or not Plan.objects.filter(is_sample=True).exists():
        raise TrackerDemoMissing
    before = count_rows("budgets")
    ctx = Ctx(actor=actor, today=today or timezone.localdate())
    seed_001.load(ctx)
    sample_plan.load(ctx)
    money_figures_changed()  # rows may have been written past the services (upserts)
    return LoadResult.between(before, count_rows("budgets"))
