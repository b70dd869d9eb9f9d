"""`manage.py load_subproject_catalogue [--user USERNAME]`: the contents of Tiểu dự án 1 and
their output indicators from Thông tư 06/2022/TT-BTTTT, as the province's indicator list
(tracker.programme.catalogue). Safe to run again: a second run writes nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from tracker.models import User
from tracker.programme.catalogue import load_catalogue


class Command(BaseCommand):
    help = "Load the output indicators of Tiểu dự án 1's contents (Thông tư 06/2022/TT-BTTTT) as indicators."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="The person recorded in the history as having loaded them.")

    def handle(self, *args, user=None, **options):
        actor = None
        if user:
            actor = User.objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user {user!r}.")
        result = load_catalogue(actor=actor)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indicators of Tiểu dự án 1 (TT 06/2022/TT-BTTTT): {len(result.created)} created, "
                f"{len(result.updated)} updated, {len(result.unchanged)} unchanged."
            )
        )
        for code in result.missing_content_types:
            self.stdout.write(f"  no content type {code!r}: run manage.py migrate")
