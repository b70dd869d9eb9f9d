"""`manage.py clean_orphan_files [--dry-run]`: remove the private files no row points at."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.core import files


class Command(BaseCommand):
    help = gettext_lazy(
        "Remove the private files (evidence, generated reports) that no row points at — left by a "
        "process killed mid-upload or mid-report. Files younger than the grace period are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("List them; remove nothing."))
        parser.add_argument(
            "--grace-minutes", type=int, default=60, help=gettext_lazy("Keep files younger than this (default 60).")
        )

    def handle(self, *args, dry_run: bool, grace_minutes: int, **options):
        orphans = files.clean_orphan_files(dry_run=dry_run, grace=datetime.timedelta(minutes=grace_minutes))
        for name in orphans:
            self.stdout.write(f"  {name}")
        if dry_run:
            self.stdout.write(_("%(count)d orphan files found; none removed (--dry-run).") % {"count": len(orphans)})
        else:
            self.stdout.write(_("%(count)d orphan files removed.") % {"count": len(orphans)})
