"""EXPLAIN ANALYZE of a unit officer's permission filters on PostgreSQL, on a generated dataset.

    DEBUG=1 DATABASE_URL=postgres://…/db .venv/bin/python manage.py migrate
    DEBUG=1 DATABASE_URL=postgres://…/db .venv/bin/python manage.py explain_grants [--build]

--build adds 34 plans × 36 activities × ~33 tasks (≈40k tasks) over 3,000 communes' units with
their officer groups and guardian grants (bulk_create: this measures the planner, not the
services). Then, for an officer of one commune, it prints the planner's estimate against the
actual rows, the cost and time of the task list filter (old: OR of two EXISTS; new: IN over a
UNION of both grant tables) with JIT on, PostgreSQL's default.
"""

from __future__ import annotations

import datetime
import os
import re
import time

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Exists, OuterRef

from tracker.core import permissions, roles
from tracker.models import (
    Activity,
    ActivityGroupObjectPermission,
    ActivityType,
    Plan,
    Task,
    TaskGroupObjectPermission,
    Unit,
    User,
)

UNITS, PLANS, ACTIVITIES_PER_PLAN, TASKS_PER_ACTIVITY = 3000, 34, 36, 33


def build() -> None:
    kind = ActivityType.objects.get(code="outreach")
    units = Unit.objects.bulk_create(Unit(name=f"Đơn vị sinh {n}", kind=Unit.Kind.DEPARTMENT) for n in range(UNITS))
    groups = Group.objects.bulk_create(Group(name=f"unit-officers-{unit.pk}") for unit in units)
    for unit, group in zip(units, groups, strict=True):
        unit.officer_group = group
    Unit.objects.bulk_update(units, ["officer_group"], batch_size=1000)
    issuers = units[:PLANS]
    plans = Plan.objects.bulk_create(
        Plan(
            issuer=issuer,
            title=f"Kế hoạch sinh {n}",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
            status=Plan.Status.ISSUED,
        )
        for n, issuer in enumerate(issuers)
    )
    activities = Activity.objects.bulk_create(
        Activity(
            plan=plan,
            section_code=f"{n}.1",
            activity_type=kind,
            title=f"Nội dung sinh {n}",
            lead_unit=units[(p * ACTIVITIES_PER_PLAN + n) % UNITS],
            start_date=datetime.date(2026, 1, 1),
            due_date=datetime.date(2026, 12, 31),
        )
        for p, plan in enumerate(plans)
        for n in range(ACTIVITIES_PER_PLAN)
    )
    tasks = Task.objects.bulk_create(
        (
            Task(
                activity=activity,
                unit=units[(a * 7 + n * 91) % UNITS],
                deliverable=f"Sản phẩm sinh {a}.{n}",
                due_date=datetime.date(2026, 6, 30),
            )
            for a, activity in enumerate(activities)
            for n in range(TASKS_PER_ACTIVITY)
        ),
        batch_size=2000,
    )
    perm = {p.codename: p.pk for p in Permission.objects.filter(content_type__app_label="tracker")}
    group_of = {unit.pk: unit.officer_group_id for unit in units}
    task_grants = [
        TaskGroupObjectPermission(content_object_id=task.pk, group_id=group_of[task.unit_id], permission_id=perm[code])
        for task in tasks
        for code in ("view_task", "report_task", "comment_task")
    ]
    TaskGroupObjectPermission.objects.bulk_create(task_grants, batch_size=5000)
    wanted = set()
    for activity in activities:
        for code in ("view_activity", "oversee_activity"):
            wanted.add((activity.pk, group_of[activity.lead_unit_id], perm[code]))
    for task in tasks:
        wanted.add((task.activity_id, group_of[task.unit_id], perm["view_activity"]))
    ActivityGroupObjectPermission.objects.bulk_create(
        (ActivityGroupObjectPermission(content_object_id=a, group_id=g, permission_id=p) for a, g, p in wanted),
        batch_size=5000,
    )
    officer_role = Group.objects.get(name=roles.UNIT_OFFICER)
    for unit in (units[100], units[5]):  # a commune with tasks only; a lead unit (unit 5 leads activities)
        user = User.objects.create(username=f"canbo.sinh.{unit.pk}", unit=unit)
        user.groups.add(officer_role, unit.officer_group_id)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"built: {len(units)} units, {len(activities)} activities, {len(tasks)} tasks, "
        f"{len(task_grants)} task grants, {len(wanted)} activity grants"
    )


def old_tasks_visible_to(user):
    def granted(model, codename, **match):
        return Exists(model.objects.filter(group__user=user, permission__codename=codename, **match))

    own = granted(TaskGroupObjectPermission, "view_task", content_object=OuterRef("pk"))
    oversees = granted(ActivityGroupObjectPermission, "oversee_activity", content_object=OuterRef("activity"))
    return Task.objects.filter(own | oversees)


def explain(label: str, queryset) -> None:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET jit = on")
        cursor.execute("EXPLAIN (ANALYZE, FORMAT TEXT) " + sql, params)
        plan = [row[0] for row in cursor.fetchall()]
        started = time.perf_counter()
        cursor.execute(sql, params)
        rows = len(cursor.fetchall())
        elapsed = (time.perf_counter() - started) * 1000
    top = plan[0]
    estimate = re.search(r"cost=[\d.]+\.\.([\d.]+) rows=(\d+)", top)
    actual = re.search(r"actual time=[\d.]+\.\.([\d.]+) rows=(\d+)", top)
    jit = any(line.strip().startswith("JIT:") for line in plan)
    print(
        f"{label:<44} estimated rows {estimate.group(2):>6}  actual {actual.group(2):>6}  "
        f"cost {float(estimate.group(1)):>12,.0f}  JIT {'yes' if jit else 'no '}  "
        f"{elapsed:7.1f} ms ({rows} rows)"
    )
    if os.environ.get("PLANS"):
        print("\n".join(plan))


def main(*, build_first: bool) -> None:
    if build_first:
        build()
    print(
        f"{Task.objects.count()} tasks, {TaskGroupObjectPermission.objects.count()} task grants, "
        f"{ActivityGroupObjectPermission.objects.count()} activity grants"
    )
    for user in User.objects.filter(username__startswith="canbo.sinh.").order_by("pk"):
        print(f"-- {user.username}")
        for label, queryset in [
            ("tasks: old, OR of two EXISTS", old_tasks_visible_to(user)),
            ("tasks: new, IN (grants UNION overseen)", permissions.tasks_visible_to(user)),
            ("activities (new)", permissions.activities_visible_to(user)),
            ("plans (new)", permissions.plans_visible_to(user)),
        ]:
            explain(label, queryset.order_by())
            explain(
                label + ", first 25 by due date", queryset.order_by("due_date", "pk")[:25]
            ) if queryset.model is Task else None


class Command(BaseCommand):
    help = "EXPLAIN ANALYZE of a unit officer's permission filters on PostgreSQL (--build adds a dataset)."

    def add_arguments(self, parser):
        parser.add_argument("--build", action="store_true", help="add the generated dataset first (scratch database)")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("EXPLAIN ANALYZE is measured on PostgreSQL: set DATABASE_URL.")
        main(build_first=options["build"])
