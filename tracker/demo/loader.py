"""Load all the demo data in one transaction: the five seed plans, then the sample plan and the logins."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from tracker.core import grants as services
from tracker.core.obligations import obligations_rebuild
from tracker.models import Activity

from . import history_2025, progress, registers, sample_plan, seed_000, seed_001, seed_002, seed_003, seed_004
from .base import Ctx
from .common import load_programme
from .hue import load_hue
from .users import ensure_admin, ensure_users


@dataclass
class LoadResult:
    """What a demo load wrote (this one, and the budgets demo's)."""

    created: dict[str, int]  # model label -> rows added by this run (0 on a re-run)
    totals: dict[str, int]  # model label -> rows in the database after the run

    @classmethod
    def between(cls, before: dict[str, int], after: dict[str, int]) -> LoadResult:
        return cls(created={label: after[label] - before[label] for label in after}, totals=after)

    @property
    def history_rows(self) -> int:
        return sum(n for label, n in self.created.items() if label.split(".")[1].startswith("Historical"))

    @property
    def added_rows(self) -> int:
        """Rows added, history rows not counted."""
        return sum(self.created.values()) - self.history_rows

    def write(self, command: BaseCommand, message: str, *, verbosity: int) -> None:
        """Say how the load went on the command's output; at verbosity 2, a line per table with
        the rows it holds now and how many this run added."""
        command.stdout.write(command.style.SUCCESS(message))
        if verbosity >= 2:
            for label, total in sorted(self.totals.items()):
                command.stdout.write(f"  {label:<36} {total:>6}  (+{self.created[label]})")


def count_rows(app_label: str) -> dict[str, int]:
    """Rows in each table of an app, its history tables included: what a demo load writes."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.auto_created
    }


@transaction.atomic
def load_demo(today: datetime.date | None = None) -> LoadResult:
    """Create or update the demo data; a second run on the same day writes nothing."""
    before = count_rows("tracker")
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
    history_2025.load(ctx)  # Huế a city, the DICs into the Sở KH&CN, Bắc Kạn into Thái Nguyên
    sample = sample_plan.load(ctx, programme, lang_son, indicators)
    # Rows written through upsert skip the assigning services when unchanged; recomputing the
    # object rights of every activity is idempotent and keeps them exact either way.
    for activity in Activity.objects.select_related("lead_unit"):
        services.grants_sync(activity=activity)
    ensure_users()
    # Reports are written by the demo's officers and reviewed by its manager, so after the users.
    progress.load(ctx, sample.plan)
    progress.load_year(ctx, sample.plan)  # the rest of the year's reports, on their days
    registers.load(ctx, lang_son, sample.plan)  # register entries, entered and reviewed by the demo's people
    # Plans, rules and tasks written through upsert skip the services that keep the expected
    # reports; rebuilding them is idempotent (a second run writes nothing).
    obligations_rebuild()
    return LoadResult.between(before, count_rows("tracker"))
