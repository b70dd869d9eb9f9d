"""`manage.py load_demo_budgets`: the demo budgets and donations, after `manage.py load_demo`."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budgets.demo.loader import TrackerDemoMissing, load_demo_budgets


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the demo budgets and donations (run after load_demo; idempotent: running it again changes nothing)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            result = load_demo_budgets()
        except TrackerDemoMissing:
            raise CommandError(_("Load the tracker's demo data first: manage.py load_demo")) from None
        elapsed = time.monotonic() - started
        history = sum(n for label, n in result.created.items() if label.split(".")[1].startswith("Historical"))
        added = sum(result.created.values()) - history
        message = _("Demo budgets loaded in %(seconds)s s: %(rows)s rows added, %(history)s history rows.") % {
            "seconds": f"{elapsed:.1f}",
            "rows": added,
            "history": history,
        }
        self.stdout.write(self.style.SUCCESS(message))
        if options["verbosity"] >= 2:
            for label, total in sorted(result.totals.items()):
                self.stdout.write(f"  {label:<36} {total:>6}  (+{result.created[label]})")
