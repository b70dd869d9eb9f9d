"""Measure the main pages at the demo's size and at N times its size: SQL queries and time.

Performance goals live here, not in timed tests: the tests assert constant query counts, and
this command shows what a page costs on this machine. Everything it writes is rolled back.

    DEBUG=1 .venv/bin/python manage.py benchmark --scale 10 --repeat 5
"""

from __future__ import annotations

import statistics
import time

from django.core.management import BaseCommand, call_command
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.models import REGISTER_MODELS, Activity, Cooperation, OutputIndicator, Plan, RegisterEntry, Task, User
from tracker.registers.services import URL_PREFIX


class Rollback(Exception):
    """Raised to undo everything the benchmark wrote."""


class Command(BaseCommand):
    help = "Time the main pages and count their SQL queries at the demo's size and at N times it."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=10, help="Multiply the sample plan this many times.")
        parser.add_argument("--repeat", type=int, default=5, help="Requests per page; the median is shown.")

    def handle(self, *args, scale: int, repeat: int, **options):
        try:
            with transaction.atomic():
                call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
                before = self._measure(repeat)
                self._multiply_sample_plan(scale - 1)
                self._multiply_register_entries(scale - 1)
                after = self._measure(repeat)
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(f"{'page':<56}{'queries 1×':>12}{f'queries {scale}×':>14}{'ms 1×':>10}{f'ms {scale}×':>10}")
        for name, (queries, ms) in before.items():
            queries_n, ms_n = after[name]
            self.stdout.write(f"{name:<56}{queries:>12}{queries_n:>14}{ms:>10.1f}{ms_n:>10.1f}")

    def _pages(self) -> dict[str, str]:
        seed_002 = Plan.objects.get(number_symbol="146/KH-UBND")
        return {
            "activity board": reverse("tracker:board"),
            "board, overdue only": reverse("tracker:board") + "?overdue=on",
            "plan list": reverse("tracker:plan_list"),
            "plan 146/KH-UBND": reverse("tracker:plan_detail", args=[seed_002.pk]),
            "unit list": reverse("tracker:unit_list"),
            "area list": reverse("tracker:area_list"),
            "what is due": reverse("tracker:due"),
            "timeliness scoreboard": reverse("tracker:timeliness"),
            "review queue": reverse("tracker:review_queue"),
            "dashboard": reverse("tracker:dashboard"),
            "registers index": reverse("tracker:register_index"),
            **{f"register: {kind.label}": reverse(f"tracker:{URL_PREFIX[kind]}_list") for kind in RegisterEntry.Kind},
            "radio stations": reverse("tracker:radio_station_list"),
            "API activities": "/api/v1/activities/",
            "API tasks": "/api/v1/tasks/",
        }

    def _measure(self, repeat: int) -> dict[str, tuple[int, float]]:
        client = Client()
        client.force_login(User.objects.get(username="quanly"))
        results = {}
        for name, url in self._pages().items():
            timings = []
            for _ in range(repeat):
                reset_queries()  # the log holds 9000 queries at most; copying the plan fills it
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            results[name] = (len(queries), statistics.median(timings))
        return results

    def _multiply_sample_plan(self, copies: int) -> None:
        """Copy the sample plan with its activities, cooperations, outputs and tasks."""
        original = Plan.objects.get(is_sample=True)
        activities = list(original.activities.prefetch_related("cooperations", "output_indicators", "tasks"))
        for copy_number in range(1, copies + 1):
            plan = Plan.objects.get(pk=original.pk)
            plan.pk = None
            plan.title = f"{original.title} – bản sao đo hiệu năng {copy_number}"
            plan.save()
            for activity in activities:
                clone = Activity.objects.get(pk=activity.pk)
                clone.pk, clone.plan = None, plan
                clone.save()
                for cooperation in activity.cooperations.all():
                    Cooperation.objects.create(activity=clone, unit_id=cooperation.unit_id)
                for output in activity.output_indicators.all():
                    OutputIndicator.objects.create(
                        activity=clone,
                        name=output.name,
                        unit_of_measure=output.unit_of_measure,
                        planned_quantity=output.planned_quantity,
                    )
                for task in activity.tasks.all():
                    Task.objects.create(
                        activity=clone,
                        unit_id=task.unit_id,
                        area_id=task.area_id,
                        deliverable=task.deliverable,
                        due_date=task.due_date,
                        status=task.status,
                        completed_on=task.completed_on,
                    )

    def _multiply_register_entries(self, copies: int) -> None:
        """Copy every register entry of the demo (with its lines) this many times."""
        for model in REGISTER_MODELS.values():
            originals = list(model.objects.values_list("pk", flat=True))
            for _copy in range(copies):
                for pk in originals:
                    entry = model.objects.get(pk=pk)
                    # A multi-table child is copied by clearing both keys (Django's documented way).
                    entry.pk = entry.id = None
                    entry._state.adding = True
                    entry.save()
