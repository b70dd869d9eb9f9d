"""The national benchmark's dataset: a fraction F of the national scale, built in bulk.

At F = 1: 34 provinces, 3,321 communes, 49,000 activities and tasks (3,100 + 45,900),
500,000 progress reports, 30,000 allocations with 300,000 disbursements (built by `budgets`,
registered in `tracker.core.extensions`), 1,200,000 history rows in all. Every count is
F × its national figure (at least one province, one commune per province, one activity per
plan), so a small F keeps the proportions.

Rows are written with simple-history's `bulk_create_with_history` (each row with its history
row, as the services would leave it), the object rights through the project's own
`grants_sync` (one call per activity) and the unit officers' groups as `unit_officer_group`
names them. Everything is made-up data: the areas, units and plans are flagged as samples.

The whole build is one transaction and ends by creating the marker group `benchmark:national:F`,
so a database holds a finished dataset of one fraction or nothing (`dataset_state`).
"""

from __future__ import annotations

import calendar
import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.urls import reverse
from simple_history.models import registered_models
from simple_history.utils import bulk_create_with_history

from tracker.core import extensions, grants, obligations, roles
from tracker.core.obligations import obligations_rebuild
from tracker.models import (
    Activity,
    ActivityType,
    Area,
    Plan,
    ProgressReport,
    ReportingRule,
    Task,
    Unit,
    User,
)
from tracker.models.plans import Progress

# The national scale (issue 16): what F = 1 builds.
NATIONAL = {
    "provinces": 34,
    "communes": 3321,
    "activities": 3100,
    "tasks": 45900,
    "progress_reports": 500_000,
    "allocations": 30_000,
    "disbursements": 300_000,
    "history_rows": 1_200_000,
    "articles": 200,
}
PLANS_PER_PROVINCE = 3
MARKER_PREFIX = "benchmark:national:"
BATCH = 5000
# The reporting year: monthly reports from January up to the month before the one the
# benchmark pretends to run in, further back when a task carries more of them.
YEAR = 2026
LAST_REPORTED_MONTH = datetime.date(YEAR, 11, 1)

# The three personas measured (issue 16): a province's DIC manager, an officer of one of that
# province's communes, and the ministry's national monitor.
MANAGER, OFFICER, NATIONAL_MONITOR = "manager", "officer", "national monitor"
PERSONA_USERNAMES = {MANAGER: "bench.quanly", OFFICER: "bench.canbo", NATIONAL_MONITOR: "bench.giamsat"}


def scaled(fraction: float) -> dict[str, int]:
    """Each count of the dataset at this fraction of the national scale."""
    counts = {name: round(value * fraction) for name, value in NATIONAL.items()}
    counts["provinces"] = max(1, counts["provinces"])
    counts["communes"] = max(counts["provinces"], counts["communes"])
    counts["activities"] = max(counts["provinces"] * PLANS_PER_PROVINCE, counts["activities"])
    counts["tasks"] = max(counts["activities"], counts["tasks"])
    counts["articles"] = max(1, counts["articles"])
    return counts


def marker_name(fraction: float) -> str:
    return f"{MARKER_PREFIX}{fraction:g}"


def dataset_state(fraction: float) -> str:
    """ "built" (a finished dataset of this fraction), "empty" (no dataset yet) or "other" (a
    dataset of another fraction, or one that never finished)."""
    if Group.objects.filter(name=marker_name(fraction)).exists():
        return "built"
    if (
        Group.objects.filter(name__startswith=MARKER_PREFIX).exists()
        or Unit.objects.filter(name__startswith=MINISTRY_NAME).exists()
    ):
        return "other"
    return "empty"


MINISTRY_NAME = "Bộ Thông tin và Truyền thông (mẫu đo hiệu năng)"


@dataclass
class Province:
    area: Area
    department: Unit
    manager: User
    communes: list[Area] = field(default_factory=list)
    committees: list[Unit] = field(default_factory=list)
    officers: list[User] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)


@dataclass
class Dataset:
    """What the parts build on: the fraction, its counts, the provinces and the personas."""

    fraction: float
    counts: dict[str, int]
    provinces: list[Province]
    personas: dict[str, User]
    rng: random.Random

    @property
    def first(self) -> Province:
        return self.provinces[0]


def _spread(total: int, buckets: int) -> list[int]:
    """`total` split over `buckets` as evenly as whole numbers allow."""
    base, extra = divmod(total, buckets)
    return [base + (1 if index < extra else 0) for index in range(buckets)]


def _month(first: datetime.date, back: int) -> tuple[datetime.date, datetime.date]:
    year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
    start = datetime.date(year, month + 1, 1)
    return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])


def _aware(day: datetime.date, hour: int = 9) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def build(fraction: float, *, log=print) -> Dataset:
    """Build the dataset of this fraction in the current database (one transaction)."""
    with transaction.atomic():
        dataset = _build_tracker(fraction, log=log)
        for part in extensions.benchmark_parts():
            log(f"building {part.name}")
            part.build(dataset)
        _top_up_history(dataset, log=log)
        # Rows written with bulk_create skip the services that keep the expected reports and
        # the units' sort keys: built once here, set-wise, plan by plan.
        log("expected reports")
        obligations_rebuild()
        Group.objects.create(name=marker_name(fraction))
    return dataset


def _with_history(objects: list, model, actor: User | None = None) -> list:
    return bulk_create_with_history(objects, model, batch_size=BATCH, default_user=actor)


def _build_tracker(fraction: float, *, log) -> Dataset:
    counts = scaled(fraction)
    rng = random.Random(20261205)
    role_groups = {group.name: group for group in Group.objects.filter(name__in=roles.ALL)}
    unusable = make_password(None)
    log(f"building tracker rows for fraction {fraction:g}: {counts}")

    ministry = _with_history([Unit(name=MINISTRY_NAME, short_name="Bộ TT&TT (mẫu)", kind=Unit.Kind.MINISTRY)], Unit)[0]
    province_areas = _with_history(
        [
            Area(name=f"Tỉnh Mẫu {number:02d}", level=Area.Level.PROVINCE, kind=Area.Kind.PROVINCE, is_sample=True)
            for number in range(1, counts["provinces"] + 1)
        ],
        Area,
    )
    departments = _with_history(
        [
            Unit(
                name=f"Sở Khoa học và Công nghệ tỉnh {area.name[5:]}",
                short_name=f"Sở KH&CN {area.name[5:]}",
                kind=Unit.Kind.DEPARTMENT,
                area=area,
                is_sample=True,
            )
            for area in province_areas
        ],
        Unit,
    )
    communes_per_province = _spread(counts["communes"], counts["provinces"])
    commune_areas = _with_history(
        [
            Area(
                name=f"Xã Mẫu {p + 1:02d}-{c + 1:03d}",
                level=Area.Level.COMMUNE,
                kind=Area.Kind.COMMUNE,
                parent=province,
                is_sample=True,
            )
            for p, (province, number) in enumerate(zip(province_areas, communes_per_province, strict=True))
            for c in range(number)
        ],
        Area,
    )
    committees = _with_history(
        [
            Unit(name=f"UBND {area.name}", kind=Unit.Kind.PEOPLES_COMMITTEE, area=area, is_sample=True)
            for area in commune_areas
        ],
        Unit,
    )
    # Each unit's officer group, as `grants.unit_officer_group` names it (created here in bulk;
    # officer_group is plumbing left out of the unit's history).
    officer_units = [*departments, *committees, ministry]
    Group.objects.bulk_create([Group(name=f"unit-officers-{unit.pk}") for unit in officer_units], batch_size=BATCH)
    groups_by_name = {
        group.name: group for group in Group.objects.filter(name__startswith="unit-officers-").only("id", "name")
    }
    for unit in officer_units:
        unit.officer_group = groups_by_name[f"unit-officers-{unit.pk}"]
    Unit.objects.bulk_update(officer_units, ["officer_group"], batch_size=BATCH)

    # People: a manager per province, an officer per commune (no usable password: nobody logs
    # in as them), and the three personas (who get a password when they are measured).
    managers = _with_history(
        [
            User(
                username=PERSONA_USERNAMES[MANAGER] if index == 0 else f"bench.quanly.{index + 1:02d}",
                first_name="Quản lý",
                last_name=f"Mẫu {index + 1:02d}",
                unit=department,
                password=unusable,
            )
            for index, department in enumerate(departments)
        ],
        User,
    )
    officers = _with_history(
        [
            User(
                username=PERSONA_USERNAMES[OFFICER] if index == 0 else f"bench.canbo.{unit.pk}",
                first_name="Cán bộ",
                last_name=unit.name[5:],
                unit=unit,
                password=unusable,
            )
            for index, unit in enumerate(committees)
        ],
        User,
    )
    monitor = _with_history(
        [
            User(
                username=PERSONA_USERNAMES[NATIONAL_MONITOR],
                first_name="Giám sát",
                last_name="Toàn quốc",
                unit=ministry,
                password=unusable,
            )
        ],
        User,
    )[0]
    memberships = [
        *((manager.pk, role_groups[roles.DIC_MANAGER].pk) for manager in managers),
        *((officer.pk, role_groups[roles.UNIT_OFFICER].pk) for officer in officers),
        *((officer.pk, officer.unit.officer_group_id) for officer in officers),
        (monitor.pk, role_groups[roles.NATIONAL_MONITOR].pk),
    ]
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=user_id, group_id=group_id) for user_id, group_id in memberships],
        batch_size=BATCH,
    )

    provinces = [
        Province(area=area, department=department, manager=manager)
        for area, department, manager in zip(province_areas, departments, managers, strict=True)
    ]
    by_province = {province.area.pk: province for province in provinces}
    for area, unit, officer in zip(commune_areas, committees, officers, strict=True):
        province = by_province[area.parent_id]
        province.communes.append(area)
        province.committees.append(unit)
        province.officers.append(officer)

    # Plans, their reporting rule (monthly, by the 20th), activities and tasks.
    plans = []
    for province in provinces:
        for number in range(1, PLANS_PER_PROVINCE + 1):
            plan = Plan(
                issuer=province.department,
                number_symbol=f"{number}/KH-MAU",
                place=province.area.name[5:],
                issued_on=datetime.date(YEAR - 1, 12, number),
                title=f"Kế hoạch mẫu {number} (đo hiệu năng) – {province.area.name}",
                period_start=datetime.date(YEAR, 1, 1),
                period_end=datetime.date(YEAR, 12, 31),
                area=province.area,
                status=Plan.Status.ISSUED,
                is_sample=True,
            )
            plan._history_user = province.manager
            plans.append(plan)
    plans = _with_history(plans, Plan)
    for plan in plans:
        by_province[plan.area_id].plans.append(plan)
    rules = _with_history(
        [
            ReportingRule(
                plan=plan,
                title="Báo cáo tiến độ hằng tháng",
                reporter=plan.issuer,
                frequency=ReportingRule.Frequency.MONTHLY,
                due_day=20,
                active_from=plan.period_start,
                active_to=plan.period_end,
                wording="trước ngày 20 hằng tháng",
                is_default=True,
            )
            for plan in plans
        ],
        ReportingRule,
    )
    rule_of_plan = {rule.plan_id: rule for rule in rules}

    activity_types = list(ActivityType.objects.order_by("order", "pk"))
    activities = []
    for plan, number in zip(plans, _spread(counts["activities"], len(plans)), strict=True):
        for index in range(number):
            activity = Activity(
                plan=plan,
                section_code=f"{index + 1}",
                order=index + 1,
                activity_type=activity_types[index % len(activity_types)],
                title=f"Nội dung mẫu {index + 1} của {plan.number_symbol}",
                lead_unit=plan.issuer,
                start_date=plan.period_start,
                due_date=plan.period_end,
                status=Progress.IN_PROGRESS,
            )
            activity._history_user = by_province[plan.area_id].manager
            activities.append(activity)
    activities = _with_history(activities, Activity)
    log(f"{len(activities)} activities")

    plan_province = {plan.pk: by_province[plan.area_id] for plan in plans}
    activities_by_province: dict[int, list[Activity]] = {}
    for activity in activities:
        activities_by_province.setdefault(plan_province[activity.plan_id].area.pk, []).append(activity)
    tasks = []
    statuses = (
        [Progress.IN_PROGRESS] * 10 + [Progress.COMPLETED] * 6 + [Progress.NOT_STARTED] * 3 + [Progress.CANCELLED]
    )
    for province, number in zip(provinces, _spread(counts["tasks"], len(provinces)), strict=True):
        province_activities = activities_by_province[province.area.pk]
        for index in range(number):
            activity = province_activities[index % len(province_activities)]
            commune = index % len(province.committees)
            status = statuses[rng.randrange(len(statuses))]
            due = datetime.date(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(30, 540))
            task = Task(
                activity=activity,
                unit=province.committees[commune],
                area=province.communes[commune],
                deliverable=f"Phần việc mẫu {index + 1} tại {province.communes[commune].name}",
                target_quantity=rng.randrange(1, 50),
                due_date=due,
                status=status,
                completed_on=min(due, datetime.date(YEAR, 11, 30)) if status == Progress.COMPLETED else None,
            )
            task._history_user = province.manager
            tasks.append(task)
    tasks = _with_history(tasks, Task)
    log(f"{len(tasks)} tasks")

    # Object rights through the project's grant helper (the set-wise form of what the services
    # leave after assigning each task), a few hundred activities at a time.
    for start in range(0, len(activities), 250):
        grants.grants_sync_many(activities=activities[start : start + 250])
    log("object rights granted")

    _build_reports(tasks, counts["progress_reports"], activities, plan_province, rule_of_plan, by_province, rng, log)
    # The expected reports (Obligation rows) and the units' sort keys, which the services keep
    # and bulk_create bypasses: rebuilt as `manage.py rebuild_obligations` does.
    result = obligations.obligations_rebuild()
    log(f"expected reports: {result.created} created")
    dataset = Dataset(
        fraction=fraction,
        counts=counts,
        provinces=provinces,
        personas={MANAGER: managers[0], OFFICER: officers[0], NATIONAL_MONITOR: monitor},
        rng=rng,
    )
    return dataset


def _build_reports(tasks, total, activities, plan_province, rule_of_plan, by_province, rng, log) -> None:
    """Monthly progress reports, `total` of them spread over the tasks, the latest month first:
    most accepted, the latest month's submitted (the review queue), some returned or drafts."""
    activity_plan = {activity.pk: activity.plan_id for activity in activities}
    officer_of_unit = {
        unit.pk: officer
        for province in by_province.values()
        for unit, officer in zip(province.committees, province.officers, strict=True)
    }
    Status = ProgressReport.Status
    batch: list[ProgressReport] = []
    written = 0
    for task, number in zip(tasks, _spread(total, len(tasks)), strict=True):
        plan_id = activity_plan[task.activity_id]
        manager = plan_province[plan_id].manager
        officer = officer_of_unit[task.unit_id]
        for back in range(number):
            start, end = _month(LAST_REPORTED_MONTH, back)
            due = start.replace(day=20)
            if back == 0:
                status = rng.choice([Status.SUBMITTED, Status.SUBMITTED, Status.DRAFT, Status.RETURNED])
            else:
                status = Status.ACCEPTED
            submitted = status != Status.DRAFT
            late = rng.random() < 0.2
            report = ProgressReport(
                task=task,
                reporting_rule=rule_of_plan[plan_id],
                period_start=start,
                period_end=end,
                due_date=due,
                percent_complete=min(100, 10 * (number - back)),
                narrative="Đã triển khai theo kế hoạch (số liệu mẫu).",
                status=status,
                created_by=officer,
                submitted_at=_aware(due + datetime.timedelta(days=3 if late else -2)) if submitted else None,
                submitted_by=officer if submitted else None,
                reviewed_at=_aware(due + datetime.timedelta(days=5))
                if status in (Status.ACCEPTED, Status.RETURNED)
                else None,
                reviewed_by=manager if status in (Status.ACCEPTED, Status.RETURNED) else None,
                return_reason="Bổ sung số liệu (mẫu)." if status == Status.RETURNED else "",
            )
            report._history_user = officer
            batch.append(report)
        if len(batch) >= BATCH:
            _with_history(batch, ProgressReport)
            written += len(batch)
            batch = []
            if written % 50_000 < BATCH:
                log(f"{written} progress reports")
    if batch:
        _with_history(batch, ProgressReport)


def history_rows() -> int:
    """Rows in every history table of the project's models."""
    return sum(model.history.count() for model in registered_models.values() if hasattr(model, "history"))


def _top_up_history(dataset: Dataset, *, log) -> None:
    """Bring the history tables to the dataset's count: the reports' later versions (a report
    submitted, then reviewed), oldest reports first, as many rounds as it takes."""
    missing = dataset.counts["history_rows"] - history_rows()
    log(f"adding {max(missing, 0)} history rows of progress reports")
    users = {user.pk: user for user in User.objects.filter(username__startswith="bench.")}
    while missing > 0:
        last = 0
        while missing > 0:
            reports = list(ProgressReport.objects.filter(pk__gt=last).order_by("pk")[: min(BATCH, missing)])
            if not reports:
                break
            for report in reports:
                actor = report.reviewed_by_id or report.submitted_by_id or report.created_by_id
                report._history_user = users.get(actor)
            ProgressReport.history.bulk_history_create(reports, update=True, batch_size=BATCH)
            missing -= len(reports)
            last = reports[-1].pk


def vacuum_analyze() -> None:
    """Fresh planner statistics after a bulk load (PostgreSQL; nothing elsewhere)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def pages(dataset_or_none=None) -> dict[str, str]:
    """The tracker's pages measured, name → path (the apps' parts add theirs)."""
    plan = (
        Plan.objects.filter(issuer__users__username=PERSONA_USERNAMES[MANAGER], is_sample=True).order_by("pk").first()
    )
    return {
        "dashboard": reverse("tracker:dashboard"),
        "board": reverse("tracker:board"),
        "plan": reverse("tracker:plan_detail", args=[plan.pk]),
        "my tasks": reverse("tracker:my_tasks"),
        "due": reverse("tracker:due"),
        "scoreboard": reverse("tracker:timeliness"),
        "review queue": reverse("tracker:review_queue"),
        "register list": reverse("tracker:radio_work_list"),
        "national view": reverse("tracker:national"),
        "api activities": "/api/v1/activities/",
        "api tasks": "/api/v1/tasks/",
        "api progress reports": "/api/v1/progress-reports/",
    }


def all_pages(dataset_or_none=None) -> dict[str, str]:
    result = pages(dataset_or_none)
    for part in extensions.benchmark_parts():
        result.update(part.pages(dataset_or_none))
    return result


def row_counts() -> dict[str, int]:
    """The dataset's rows, by the names of `NATIONAL` (the apps' parts count theirs)."""
    counts = {
        "provinces": Area.objects.filter(
            level=Area.Level.PROVINCE, is_sample=True, name__startswith="Tỉnh Mẫu"
        ).count(),
        "communes": Area.objects.filter(level=Area.Level.COMMUNE, is_sample=True, name__startswith="Xã Mẫu").count(),
        "activities": Activity.objects.filter(plan__is_sample=True, plan__number_symbol__endswith="/KH-MAU").count(),
        "tasks": Task.objects.filter(activity__plan__number_symbol__endswith="/KH-MAU").count(),
        "progress_reports": ProgressReport.objects.filter(
            task__activity__plan__number_symbol__endswith="/KH-MAU"
        ).count(),
        "history_rows": history_rows(),
    }
    return counts
