"""`manage.py load_demo`: the five seed plans, a current-year sample plan and one login per role."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.core import roles
from tracker.demo import guard
from tracker.demo.loader import load_demo
from tracker.demo.users import DEMO_USERS, SAMPLE_OFFICERS, demo_password


class Command(BaseCommand):
    help = gettext_lazy("Load the demo data (idempotent: running it again changes nothing).")

    def add_arguments(self, parser):
        guard.add_flag(parser)

    def handle(self, *args, **options):
        guard.refuse_without_debug(options)
        started = time.monotonic()
        result = load_demo()
        message = _("Demo data loaded in %(seconds).1f s: %(rows)d rows added, %(history)d history rows.") % {
            "seconds": time.monotonic() - started,
            "rows": result.added_rows,
            "history": result.history_rows,
        }
        result.write(self, message, verbosity=options["verbosity"])

        header = (_("Username"), _("Password"), _("Role"), _("Unit"))
        rows = [
            (
                user.username,
                demo_password(),
                str(roles.LABELS[user.role]) if user.role else _("Superuser"),
                f"{user.unit or '—'}" + (f" ({user.note})" if user.note else ""),
            )
            for user in (*DEMO_USERS, *SAMPLE_OFFICERS)
        ]
        widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(_("Demo logins:"))
        for row in [header, *rows]:
            self.stdout.write(
                "  "
                + "  ".join(str(cell).ljust(width) for cell, width in zip(row[:3], widths, strict=True))
                + "  "
                + row[3]
            )
        self.stdout.write("")
        # The address the server was told it answers at (make run passes its HOST and PORT).
        login_url = settings.SITE_URL + resolve_url(settings.LOGIN_URL)
        self.stdout.write(_("Log in at %(url)s") % {"url": login_url})
