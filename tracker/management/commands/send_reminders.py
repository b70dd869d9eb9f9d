"""Send the reminder e-mails now: what celery beat does each morning, without a broker."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.due import reminders


class Command(BaseCommand):
    help = "Send the due digests and the escalations to DIC managers (as celery beat does daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say who would get an e-mail; send nothing.")
        parser.add_argument("--only", choices=["digests", "escalations"], help="Run one of the two jobs.")
        parser.add_argument("--today", help="Look from this day (dd/mm/yyyy) instead of today.")

    def handle(self, *args, dry_run: bool = False, only: str | None = None, today: str | None = None, **options):
        day = timezone.localdate()
        if today:
            try:
                day = datetime.datetime.strptime(today, "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError("--today takes a date as dd/mm/yyyy") from exc
        jobs = [
            ("digests", reminders.send_due_digests),
            ("escalations", reminders.send_escalations),
        ]
        verb = "would send" if dry_run else "sent"
        failed = 0
        for name, job in jobs:
            if only and only != name:
                continue

            def progress(done: int, total: int, name=name) -> None:
                self.stdout.write(f"{name}: {done}/{total} users")

            outcome = job(today=day, dry_run=dry_run, progress=progress)
            failed += outcome.failed
            if dry_run:
                for address in outcome.recipients:
                    self.stdout.write(f"{name}: would send to {address}")
            self.stdout.write(
                self.style.SUCCESS(
                    f"{name}: {outcome.users} users, {verb} {outcome.sent}, "
                    f"nothing to send {outcome.skipped}, failed {outcome.failed}"
                )
            )
        if failed:
            # cron and systemd see the failure (exit status 1); a run later the same day sends
            # only what did not go out.
            raise CommandError(f"{failed} e-mails could not be sent")
