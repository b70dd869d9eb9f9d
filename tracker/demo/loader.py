"""Load all the demo data in one transaction: the five seed plans, then the sample plan and the logins."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from tracker.core import grants as services
from tracker.models import Activity

from . import progress, registers, sample_plan, seed_000, seed_001, seed_002, seed_003, seed_004
from .base import Ctx
from .common import load_programme
from .hue import load_hue
from .users import ensure_admin, ensure_users


@dataclass
class LoadResult:
    created: dict[str, int]  # model label -> rows added by this run (0 on a re-run)
    totals: dict[str, int]  # model label -> rows in the database after the run


def _counted_models() -> list[type[models.Model]]:
    # The tracker's tables and their history tables: what the demo writes.
    return [model for model in apps.get_app_config("tracker").get_models() if not model._meta.auto_created]


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in _counted_models()}


@transaction.atomic
def load_demo(today: datetime.date | None = None) -> LoadResult:
    """Create or update the demo data; a second run on the same day writes nothing."""
    before = _counts()
    admin = ensure_admin()
    ctx = Ctx(actor=admin, today=today or timezone.localdate())
    programme = load_programme(ctx)
    hue = load_hue(ctx)
    seed_000.load(ctx, programme, hue)
    seed_001.load(ctx, programme)
    indicators = seed_002.load_indicators(ctx)
    seed_002.load(ctx, programme, indicators)
    seed_003.load(ctx, programme, hue)
    lang_son = seed_004.load_lang_son(ctx)
    seed_004.load(ctx, programme, lang_son)
    sample = sample_plan.load(ctx, programme, lang_son, indicators)
    # Rows written through upsert skip the assigning services when unchanged; recomputing the
    # object rights of every activity is idempotent and keeps them exact either way.
    for activity in Activity.objects.select_related("lead_unit"):
        services.grants_sync(activity=activity)
    ensure_users()
    # Reports are written by the demo's officers and reviewed by its manager, so after the users.
    progress.load(ctx, sample.plan)
    registers.load(ctx, lang_son, sample.plan)  # register entries, entered and reviewed by the demo's people
    after = _counts()
    return LoadResult(created={label: after[label] - before[label] for label in after}, totals=after)
