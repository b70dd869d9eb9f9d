"""(Re)build the expected reports (`Obligation` rows) from the plans, rules, tasks and reports,
and the units' sort keys. Idempotent: a second run writes nothing. Run it after loading data
with `bulk_create` (anything that bypassed the services).

    .venv/bin/python manage.py rebuild_obligations [--plan ID ...]
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from tracker.core.obligations import obligations_rebuild


class Command(BaseCommand):
    help = "Rebuild the expected reports from the plans, rules, tasks and reports (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--plan", type=int, action="append", dest="plans", help="Only this plan (repeatable).")

    def handle(self, *args, **options):
        started = time.monotonic()
        result = obligations_rebuild(plan_ids=options["plans"])
        self.stdout.write(
            f"Expected reports: {result.created} created, {result.updated} updated, {result.deleted} deleted "
            f"in {time.monotonic() - started:.1f} s."
        )
