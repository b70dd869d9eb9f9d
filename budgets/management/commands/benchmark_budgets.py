"""Measure the budget execution pages at the demo's size and at N times its size: SQL queries
and time, as `manage.py benchmark` does for the tracker's pages (which cannot list these: the
tracker does not know budgets). Everything it writes is rolled back.

    DEBUG=1 .venv/bin/python manage.py benchmark_budgets --scale 10 --repeat 5
"""

from __future__ import annotations

import statistics
import time

from django.core.management import BaseCommand, call_command
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budgets.models import Allocation, Estimate, EstimateLine
from tracker.models import Unit, User


class Rollback(Exception):
    """Raised to undo everything the benchmark wrote."""


class Command(BaseCommand):
    help = "Time the budget pages and count their SQL queries at the demo's size and at N times it."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10, help="Multiply the demo's budgets this many times.")
        parser.add_argument("--repeat", type=int, default=5, help="Requests per page; the median is shown.")

    def handle(self, *args, scale: int, repeat: int, **options):
        quiet = open("/dev/null", "w")  # noqa: SIM115 - closed below
        try:
            with transaction.atomic():
                call_command("load_demo", verbosity=0, stdout=quiet)
                call_command("load_demo_budgets", verbosity=0, stdout=quiet)
                pages = self._pages()
                before = self._measure(pages, repeat)
                rows = Allocation.objects.count()
                self._multiply(scale - 1)
                after = self._measure(pages, repeat)
                rows_after = Allocation.objects.count()
                raise Rollback
        except Rollback:
            pass
        finally:
            quiet.close()
        self.stdout.write(f"allocations: {rows} → {rows_after}")
        self.stdout.write(f"{'page':<36}{'queries 1×':>12}{f'queries {scale}×':>14}{'ms 1×':>10}{f'ms {scale}×':>10}")
        for name, (queries, ms) in before.items():
            queries_n, ms_n = after[name]
            self.stdout.write(f"{name:<36}{queries:>12}{queries_n:>14}{ms:>10.1f}{ms_n:>10.1f}")

    def _pages(self) -> dict[str, tuple[str, str]]:
        """(user, path) of each page measured; the activity and plan with the most allocations."""
        allocation = Allocation.objects.select_related("activity").order_by("-amount").first()
        officer = User.objects.filter(unit__allocations__isnull=False, groups__name="unit_officer").first()
        pages = {
            "execution (manager)": ("quanly", reverse("budgets:execution")),
            "execution, one year": ("quanly", reverse("budgets:execution") + f"?year={allocation.year}"),
            "execution export": ("quanly", reverse("budgets:execution_export")),
            "activity page with budget": ("quanly", reverse("tracker:activity_detail", args=[allocation.activity_id])),
            "plan page with budget": ("quanly", reverse("tracker:plan_detail", args=[allocation.activity.plan_id])),
        }
        if officer is not None:
            pages["execution (unit officer)"] = (officer.username, reverse("budgets:execution"))
        return pages

    def _measure(self, pages: dict[str, tuple[str, str]], repeat: int) -> dict[str, tuple[int, float]]:
        results = {}
        clients: dict[str, Client] = {}
        for name, (username, url) in pages.items():
            if username not in clients:
                clients[username] = Client()
                clients[username].force_login(User.objects.get(username=username))
            client = clients[username]
            timings = []
            for _ in range(repeat):
                reset_queries()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            results[name] = (len(queries), statistics.median(timings))
        return results

    def _multiply(self, copies: int) -> None:
        """Give every allocated unit `copies` twins (same area), each with the same approved
        estimates and allocations (already disbursed as far as the original)."""
        allocations = list(Allocation.objects.select_related("unit"))
        lines = list(EstimateLine.objects.filter(estimate__status=Estimate.Status.APPROVED).select_related("estimate"))
        units = {allocation.unit for allocation in allocations} | {line.estimate.unit for line in lines}
        for copy_number in range(1, copies + 1):
            twins = {}
            for unit in units:
                twin = Unit.objects.get(pk=unit.pk)
                twin.pk, twin.officer_group = None, None
                twin.name = f"{unit.name} – bản sao đo hiệu năng {copy_number}"
                twin.save()
                twins[unit.pk] = twin
            estimates = {}
            for line in lines:
                estimate = line.estimate
                if estimate.pk not in estimates:
                    clone = Estimate.objects.get(pk=estimate.pk)
                    clone.pk, clone.unit = None, twins[estimate.unit_id]
                    clone.save()
                    estimates[estimate.pk] = clone
                EstimateLine.objects.create(
                    estimate=estimates[estimate.pk],
                    description=line.description,
                    funding_source_id=line.funding_source_id,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    amount=line.amount,
                    appraised_amount=line.appraised_amount,
                )
            for allocation in allocations:
                Allocation.objects.create(
                    activity_id=allocation.activity_id,
                    unit=twins[allocation.unit_id],
                    funding_source_id=allocation.funding_source_id,
                    year=allocation.year,
                    amount=allocation.amount,
                    disbursed=allocation.disbursed,
                    decision_number=allocation.decision_number,
                    decision_date=allocation.decision_date,
                )
