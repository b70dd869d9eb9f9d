"""`manage.py load_admin_map [--province NAME ...]`: the official map since 1/7/2025 (see
tracker.areas.admin_map). Safe to run again: a second run changes nothing."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from tracker.areas.admin_map import load_admin_map


class Command(BaseCommand):
    help = (
        "Load the 34 provinces and 3,321 communes, wards and special zones in force since 1/7/2025 "
        "(official codes and kinds), and end the older areas with their successions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="NAME",
            help='Load only this province (e.g. "Thái Nguyên"); repeat for several.',
        )

    def handle(self, *args, provinces=None, verbosity=1, **options):
        started = time.monotonic()
        try:
            result = load_admin_map(provinces=provinces)
        except ValueError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrative map: {result.created} areas created, {result.updated} updated, "
                f"{result.ended} ended, {result.successions} successions added ({seconds:.1f} s)."
            )
        )
        for name in result.unmatched:
            self.stdout.write(f"  no successor found in the conversion data: {name}")
