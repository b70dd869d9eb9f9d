"""Measure the main pages at the demo's size and at N times its size: SQL queries and time.

Performance goals live here, not in timed tests: the tests assert constant query counts, and
this command shows what a page costs on this machine. Everything it writes is rolled back.

    DEBUG=1 .venv/bin/python manage.py benchmark --scale 10 --repeat 5

With --national it builds (or reuses) the national-scale dataset of a fraction and measures
the main pages over HTTP against gunicorn, writing JSON (tracker/management/national_run.py):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_bench \
        .venv/bin/python manage.py benchmark --national --fraction 0.1 --json bench-0.1.json
"""

from __future__ import annotations

from django.urls import reverse

from tracker.documents import services as document_services
from tracker.management import national_run
from tracker.management.benchmarking import MANAGER, BenchmarkCommand
from tracker.models import (
    REGISTER_MODELS,
    Activity,
    OutputIndicator,
    Plan,
    RadioWork,
    RadioWorkVillage,
    RegisterEntry,
    Task,
    Trainee,
    TrainingCourse,
    TrainingMaterial,
    User,
)
from tracker.registers import services as register_services
from tracker.registers.services import URL_PREFIX
from tracker.work import services as work_services

# The lines each register's entries carry: (line model, its key to the entry).
ENTRY_LINES = {
    RadioWork: [(RadioWorkVillage, "work")],
    TrainingCourse: [(TrainingMaterial, "course"), (Trainee, "course")],
}


class Command(BenchmarkCommand):
    help = "Time the main pages and count their SQL queries at the demo's size and at N times it."
    scale_help = "Multiply the sample plan this many times."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        national = parser.add_argument_group("national benchmark")
        national.add_argument("--national", action="store_true", help="The national-scale benchmark over HTTP.")
        national.add_argument("--fraction", type=float, default=0.1, help="Of the national scale (0 < F ≤ 1).")
        national.add_argument("--json", dest="json_path", default="benchmark-national.json", help="Write results here.")
        national.add_argument("--rebuild", action="store_true", help="Build the fraction's dataset again.")
        national.add_argument(
            "--build-only", action="store_true", help="Build (or reuse) the dataset; measure nothing."
        )
        national.add_argument("--here", action="store_true", help="Build and measure in this very database.")
        national.add_argument("--client", action="store_true", help="Measure with Django's test client, no gunicorn.")
        national.add_argument(
            "--burst-seconds", type=float, default=2.0, help="Length of each page's throughput burst."
        )
        national.add_argument(
            "--pages",
            default="",
            help="Measure only these pages (names as in the table, comma-separated, e.g. 'dashboard,due').",
        )

    def handle(self, *args, **options):
        if not options["national"]:
            return super().handle(*args, scale=options["scale"], repeat=options["repeat"])
        national_run.run(
            self,
            fraction=options["fraction"],
            json_path=options["json_path"],
            repeat=options["repeat"],
            rebuild=options["rebuild"],
            build_only=options["build_only"],
            here=options["here"],
            client=options["client"],
            burst_seconds=options["burst_seconds"],
            page_names=[name.strip() for name in options["pages"].split(",") if name.strip()],
        )

    def multiply(self, copies: int, *, actor: User) -> None:
        # The copies are written as the DIC manager would write them, through the services
        # (grants, counted records and history included), so the pages measured at scale
        # read what real use leaves behind.
        self._multiply_sample_plan(copies, actor=actor)
        self._multiply_register_entries(copies, actor=actor)

    def pages(self) -> dict[str, tuple[str, str]]:
        seed_002 = Plan.objects.get(number_symbol="146/KH-UBND")
        urls = {
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
        return {name: (MANAGER, url) for name, url in urls.items()}

    def _multiply_sample_plan(self, copies: int, *, actor: User) -> None:
        """Copy the sample plan with its activities, cooperations, outputs and tasks."""
        original = Plan.objects.get(is_sample=True)
        activities = list(original.activities.prefetch_related("cooperations__unit", "output_indicators", "tasks"))
        for copy_number in range(1, copies + 1):
            plan = Plan.objects.get(pk=original.pk)
            plan.pk = None
            plan.title = f"{original.title} – bản sao đo hiệu năng {copy_number}"
            document_services.plan_save(plan=plan, actor=actor)
            for activity in activities:
                clone = Activity.objects.get(pk=activity.pk)
                clone.pk, clone.plan = None, plan
                work_services.activity_save(
                    activity=clone,
                    actor=actor,
                    cooperating_units=[cooperation.unit for cooperation in activity.cooperations.all()],
                )
                for output in activity.output_indicators.all():
                    work_services.output_indicator_save(
                        output=OutputIndicator(
                            activity=clone,
                            name=output.name,
                            unit_of_measure=output.unit_of_measure,
                            planned_quantity=output.planned_quantity,
                        ),
                        actor=actor,
                    )
                for task in activity.tasks.all():
                    work_services.task_assign(
                        task=Task(
                            activity=clone,
                            unit_id=task.unit_id,
                            area_id=task.area_id,
                            deliverable=task.deliverable,
                            due_date=task.due_date,
                            status=task.status,
                            completed_on=task.completed_on,
                        ),
                        actor=actor,
                    )

    def _multiply_register_entries(self, copies: int, *, actor: User) -> None:
        """Copy every register entry of the demo, with its lines, this many times; each copy
        goes through the review its original went through (so an accepted copy counts)."""
        for model in REGISTER_MODELS.values():
            originals = list(model.objects.order_by("pk"))
            for _copy in range(copies):
                for original in originals:
                    entry = model.objects.get(pk=original.pk)
                    # A multi-table child is copied by clearing both keys (Django's documented way).
                    entry.pk = entry.id = None
                    entry._state.adding = True
                    entry.submitted_at = entry.submitted_by = entry.reviewed_at = entry.reviewed_by = None
                    entry.return_reason = ""
                    register_services.entry_save(entry=entry, actor=actor)
                    for line_model, key in ENTRY_LINES.get(model, []):
                        fields = [f.attname for f in line_model._meta.concrete_fields if f.name not in ("id", key)]
                        register_services.lines_replace(
                            entry=entry,
                            model=line_model,
                            parent_field=key,
                            rows=list(line_model.objects.filter(**{key: original}).order_by("pk").values(*fields)),
                            actor=actor,
                        )
                    self._review_as(original, entry, actor=actor)

    def _review_as(self, original: RegisterEntry, entry: RegisterEntry, *, actor: User) -> None:
        Status = RegisterEntry.Status
        if original.status == Status.DRAFT:
            return
        register_services.entry_submit(entry=entry, actor=actor)
        if original.status == Status.ACCEPTED:
            register_services.entry_accept(entry=entry, actor=actor)
        elif original.status == Status.RETURNED:
            register_services.entry_return(entry=entry, reason=original.return_reason or "–", actor=actor)
