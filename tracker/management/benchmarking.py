"""What `manage.py benchmark` and `manage.py benchmark_budgets` share: load the demo, measure
some pages (SQL queries and median time), multiply the data through the services, measure them
again, roll everything back and print the two measurements side by side.

Performance goals live in these commands, not in timed tests: the tests assert constant query
counts, and the commands show what a page costs on this machine.
"""

from __future__ import annotations

import os
import statistics
import time

from django.core.management import BaseCommand, call_command
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tracker.models import User

# Who writes the copies, as the DIC manager would (history, grants, checks), and reads the pages.
MANAGER = "quanly"


class Rollback(Exception):
    """Raised to undo everything the benchmark wrote."""


class BenchmarkCommand(BaseCommand):
    """A benchmark: say which demo commands to load (`demo_commands`), which pages to measure
    (`pages`) and how to multiply the data (`multiply`)."""

    demo_commands: tuple[str, ...] = ("load_demo",)
    scale_help = "Multiply the demo's data this many times."
    label_width = 56  # of the page column

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10, help=self.scale_help)
        parser.add_argument("--repeat", type=int, default=5, help="Requests per page; the median is shown.")

    def pages(self) -> dict[str, tuple[str, str]]:
        """(username, path) of each page measured, by its name in the table."""
        raise NotImplementedError

    def multiply(self, copies: int, *, actor: User) -> None:
        """Write `copies` more of the demo's data through the services, as `actor`."""
        raise NotImplementedError

    def row_counts(self) -> dict[str, int]:
        """Rows worth reporting before and after multiplying, by name (none by default)."""
        return {}

    def handle(self, *args, scale: int, repeat: int, **options):
        with open(os.devnull, "w") as quiet:
            try:
                with transaction.atomic():
                    for command in self.demo_commands:
                        call_command(command, verbosity=0, stdout=quiet)
                    pages = self.pages()
                    before, rows = measure(pages, repeat), self.row_counts()
                    self.multiply(scale - 1, actor=User.objects.get(username=MANAGER))
                    after, rows_after = measure(pages, repeat), self.row_counts()
                    raise Rollback
            except Rollback:
                pass
        for name, count in rows.items():
            self.stdout.write(f"{name}: {count} → {rows_after[name]}")
        width = self.label_width
        self.stdout.write(
            f"{'page':<{width}}{'queries 1×':>12}{f'queries {scale}×':>14}{'ms 1×':>10}{f'ms {scale}×':>10}"
        )
        for name, (queries, ms) in before.items():
            queries_n, ms_n = after[name]
            self.stdout.write(f"{name:<{width}}{queries:>12}{queries_n:>14}{ms:>10.1f}{ms_n:>10.1f}")


def measure(pages: dict[str, tuple[str, str]], repeat: int) -> dict[str, tuple[int, float]]:
    """(SQL queries, median milliseconds) of each page, each user logged in once."""
    results = {}
    clients: dict[str, Client] = {}
    for name, (username, url) in pages.items():
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(User.objects.get(username=username))
        timings = []
        for _ in range(repeat):
            reset_queries()  # the log holds 9000 queries at most; multiplying the data fills it
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = clients[username].get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        results[name] = (len(queries), statistics.median(timings))
    return results
