"""`manage.py load_demo_budgets`: the demo budgets and donations, after `manage.py load_demo`."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budgets.demo.loader import TrackerDemoMissing, load_demo_budgets
from tracker.demo import guard


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the demo budgets and donations (run after load_demo; idempotent: running it again changes nothing)."
    )

    def add_arguments(self, parser):
        guard.add_flag(parser)

    def handle(self, *args, **options):
        guard.refuse_without_debug(options)
        started = time.monotonic()
        try:
            result = load_demo_budgets()
        except TrackerDemoMissing:
            raise CommandError(_("Load the tracker's demo data first: manage.py load_demo")) from None
        message = _("Demo budgets loaded in %(seconds)s s: %(rows)s rows added, %(history)s history rows.") % {
            "seconds": f"{time.monotonic() - started:.1f}",
            "rows": result.added_rows,
            "history": result.history_rows,
        }
        result.write(self, message, verbosity=options["verbosity"])
