"""Time the budgets Excel import of a national-size file against openpyxl's bare read of it.

    DEBUG=1 .venv/bin/python manage.py benchmark_import --rows 3321

On the current database (after `make run`'s demo data): one activity of the demo gets
`--rows` new communes' committees and an approval that covers them, then two files are timed:
one that allocates to every commune (new allocations), and one that pays a part of each
allocation (payments), then one that changes every allocation. For each, in rounds: openpyxl's
read of the file alone, the import's check, its apply after the check and its apply of a file
read again, with the SQL queries of each (medians of the rounds). Everything it writes is
rolled back.
"""

from __future__ import annotations

import datetime
import statistics
import time
from io import BytesIO

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from budgets.excel.imports import apply_file, check_file, sheets_key
from budgets.excel.layout import SHEETS
from budgets.models import Estimate, EstimateLine, FundingSource
from tracker.models import Activity, Unit, User

YEAR = 2031
AMOUNT = 10_000_000


class Rollback(Exception):
    pass


def _workbook(sheet: str, rows: list[list]) -> bytes:
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append([column.header for column in SHEETS[sheet]])
    for row in rows:
        worksheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _bare_read(content: bytes) -> int:
    """What openpyxl alone costs: open the file and read every cell's value."""
    workbook = load_workbook(BytesIO(content), read_only=True, data_only=True)
    cells = sum(len(row) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True))
    workbook.close()
    return cells


class Command(BaseCommand):
    help = "Time the budgets Excel import of N rows against openpyxl's bare read of the same file."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=3321)
        parser.add_argument("--repeat", type=int, default=5, help="Rounds: the median of this many runs of each step.")

    def handle(self, *args, rows: int, repeat: int, **options):
        actor = User.objects.filter(is_superuser=True).order_by("pk").first()
        activity = Activity.objects.order_by("pk").first()
        source = FundingSource.objects.order_by("pk").first()
        if actor is None or activity is None or source is None:
            raise CommandError("Load the demo data first (make run, or load_demo and load_demo_budgets).")
        try:
            with transaction.atomic():
                self._measure(rows, repeat, actor=actor, activity=activity, source=source)
                raise Rollback
        except Rollback:
            pass

    def _file(self, label: str, content: bytes, repeat: int, *, actor: User) -> None:
        """``repeat`` rounds, each timing in turn: openpyxl's bare read, the check of the file
        as uploaded (nothing kept of it), the apply after that check (the rows it read kept,
        as when a file is checked and then confirmed) and the apply of a file whose rows are
        not kept. Medians of each, and of each round's ratios to that round's bare read."""
        self.stdout.write(f"{label} ({len(content):,} bytes)")
        progress = lambda *_: None  # noqa: E731

        def check():
            outcome = check_file(content, actor=actor, progress=progress)
            assert not outcome.problems, [problem.text for problem in outcome.problems[:5]]

        def apply_and_undo():
            with transaction.atomic():
                outcome = apply_file(content, actor=actor, progress=progress)
                assert not outcome.problems, [problem.text for problem in outcome.problems[:5]]
                transaction.set_rollback(True)

        def forget():
            cache.delete(sheets_key(content))

        steps = [
            ("openpyxl bare read", lambda: _bare_read(content), None),
            ("check_file", check, forget),
            ("apply_file after the check", apply_and_undo, None),
            ("apply_file, file not kept", apply_and_undo, forget),
        ]
        times: dict[str, list[float]] = {name: [] for name, _run, _before in steps}
        queries: dict[str, int] = {}
        for _round in range(repeat):
            for name, run, before in steps:
                if before:
                    before()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    run()
                    times[name].append(time.perf_counter() - started)
                queries[name] = len(captured)
        for name, _run, _before in steps:
            self.stdout.write(
                f"  {name:<28} {statistics.median(times[name]) * 1000:9.0f} ms  {queries[name]:5d} queries"
                f"  (runs: {', '.join(f'{value * 1000:.0f}' for value in times[name])})"
            )
        bare, check_times = times["openpyxl bare read"], times["check_file"]

        def ratio(apply_name: str) -> str:
            rounds = [(c + a) / b for b, c, a in zip(bare, check_times, times[apply_name], strict=True)]
            return f"{statistics.median(rounds):.1f} (rounds: {', '.join(f'{value:.1f}' for value in rounds)})"

        self.stdout.write(
            f"  check ÷ bare = {statistics.median(c / b for b, c in zip(bare, check_times, strict=True)):.1f};"
            f" (check + apply) ÷ bare = {ratio('apply_file after the check')};"
            f" with the file read again = {ratio('apply_file, file not kept')}"
        )

    def _measure(self, rows: int, repeat: int, *, actor: User, activity: Activity, source: FundingSource) -> None:
        parent = activity.lead_unit
        units = Unit.objects.bulk_create(
            Unit(name=f"UBND xã đo hiệu năng {number}", kind=Unit.Kind.PEOPLES_COMMITTEE, area=parent.area)
            for number in range(1, rows + 1)
        )
        estimate = Estimate.objects.create(
            activity=activity,
            unit=parent,
            year=YEAR,
            title="Dự toán đo hiệu năng",
            created_by=actor,
            status=Estimate.Status.APPROVED,
            decision_number="1/QĐ-ĐO",
            decision_date=datetime.date(YEAR, 1, 2),
        )
        EstimateLine.objects.create(
            estimate=estimate,
            description="Đo hiệu năng",
            funding_source=source,
            quantity=rows,
            unit_price=AMOUNT,
            amount=rows * AMOUNT,
            appraised_amount=rows * AMOUNT,
        )
        self.stdout.write(f"{rows} rows; activity {activity.section_code} ({activity.pk}); source {source.code}")
        allocations = _workbook(
            "Phân bổ",
            [
                [None, YEAR, activity.pk, activity.title, unit.pk, unit.name, source.code, source.name]
                + [AMOUNT, "2/QĐ-ĐO", f"03/01/{YEAR}", None]
                for unit in units
            ],
        )
        self._file("Allocations (new)", allocations, repeat, actor=actor)
        # Write them once, so that the payments have something to pay from.
        outcome = apply_file(allocations, actor=actor, progress=lambda *_: None)
        assert not outcome.problems, [problem.text for problem in outcome.problems[:5]]
        payments = _workbook(
            "Giải ngân",
            [
                [None, YEAR, activity.pk, unit.pk, source.code, f"PC-{unit.pk}", f"04/01/{YEAR}", AMOUNT // 2, None]
                for unit in units
            ],
        )
        self._file("Payments", payments, repeat, actor=actor)
        changes = _workbook(
            "Phân bổ",
            [
                [None, YEAR, activity.pk, activity.title, unit.pk, unit.name, source.code, source.name]
                + [AMOUNT - 1, "3/QĐ-ĐO", f"05/01/{YEAR}", None]
                for unit in units
            ],
        )
        self._file("Allocations (changed)", changes, repeat, actor=actor)
