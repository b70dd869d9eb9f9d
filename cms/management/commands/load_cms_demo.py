"""`manage.py load_cms_demo`: the seed 003 campaign and its sample articles (after `load_demo`)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.demo.loader import MissingTrackerDemo, load_cms_demo
from tracker.demo import guard


class Command(BaseCommand):
    help = gettext_lazy("Load the campaign site's demo content (idempotent: running it again changes nothing).")

    def add_arguments(self, parser):
        guard.add_flag(parser)

    def handle(self, *args, **options):
        guard.refuse_without_debug(options)
        started = time.monotonic()
        try:
            result = load_cms_demo()
        except MissingTrackerDemo as error:
            raise CommandError(str(error)) from error
        message = _("Campaign site demo loaded in %(seconds).1f s: %(rows)d rows added.") % {
            "seconds": time.monotonic() - started,
            "rows": result.total,
        }
        self.stdout.write(self.style.SUCCESS(message))
        if options["verbosity"] >= 2:
            for label, count in result.created.items():
                self.stdout.write(f"  {label:<20} +{count}")
