"""factory_boy factories for the tracker's models (saved through the ORM, as fixtures)."""

import datetime

import factory
from django.contrib.auth.models import Group

from tracker import models
from tracker.core import grants, obligations, roles
from tracker.core.text import vietnamese_collation_key
from tracker.documents import services as document_services

CLASSIFICATION_ARGUMENTS = {
    "is_border": models.AreaClassification.Kind.BORDER,
    "is_extremely_difficult": models.AreaClassification.Kind.EXTREMELY_DIFFICULT,
    "is_island": models.AreaClassification.Kind.ISLAND,
    "is_ethnic_minority": models.AreaClassification.Kind.ETHNIC_MINORITY,
}


class AreaFactory(factory.django.DjangoModelFactory):
    """An area; `region="III"`, `is_border=True` … add classification rows with no period (in
    force on any date) and no decision, as the tests of what reads them need."""

    class Meta:
        model = models.Area

    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    level = models.Area.Level.COMMUNE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        region = kwargs.pop("region", "")
        flags = [kind for name, kind in CLASSIFICATION_ARGUMENTS.items() if kwargs.pop(name, False)]
        area = super()._create(model_class, *args, **kwargs)
        if region:
            models.AreaClassification.objects.create(area=area, kind="region", region=region)
        for kind in flags:
            models.AreaClassification.objects.create(area=area, kind=kind)
        return area


class ProvinceFactory(AreaFactory):
    name = factory.Sequence(lambda n: f"Tỉnh Thử {n}")
    level = models.Area.Level.PROVINCE


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Unit

    name = factory.Sequence(lambda n: f"Đơn vị thử {n}")
    kind = models.Unit.Kind.DEPARTMENT
    # As `unit_save` stores it.
    sort_key = factory.LazyAttribute(lambda unit: vietnamese_collation_key(unit.name))


class CommuneCommitteeFactory(UnitFactory):
    name = factory.Sequence(lambda n: f"UBND xã Thử {n}")
    kind = models.Unit.Kind.PEOPLES_COMMITTEE
    area = factory.SubFactory(AreaFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if extracted == roles.UNIT_OFFICER and self.unit_id:
            # As document_services.user_set_unit does: the unit's rights reach its officers.
            self.groups.add(grants.unit_officer_group(self.unit))


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Plan

    issuer = factory.SubFactory(UnitFactory, kind=models.Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    title = factory.Sequence(lambda n: f"Kế hoạch thử {n}")
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 12, 31)
    status = models.Plan.Status.ISSUED
    issued_on = datetime.date(2026, 1, 15)


class _SyncsGrants:
    """Rows that change who may see an activity recompute its object rights, as the services
    do, so tests that build data with factories see what users of the app would."""

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if create:
            grants.grants_sync(activity=instance if isinstance(instance, models.Activity) else instance.activity)


class _SyncsObligations:
    """Rows that change what units must report (tasks, activities, reporting rules) or whether
    they reported (progress reports) bring the expected reports up to date, as the services do."""

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        if not create:
            return
        if isinstance(instance, models.ProgressReport):
            obligations.obligation_states_refresh(task_ids=[instance.task_id])
        elif isinstance(instance, models.Task):
            obligations.obligations_sync_task(instance)
        elif isinstance(instance, models.Activity):
            obligations.obligations_sync(plan_ids=[instance.plan_id], task_ids=[])
        else:
            obligations.obligations_sync(plan_ids=[instance.plan_id])


class ActivityFactory(_SyncsObligations, _SyncsGrants, factory.django.DjangoModelFactory):
    class Meta:
        model = models.Activity

    plan = factory.SubFactory(PlanFactory)
    section_code = factory.Sequence(lambda n: f"{n}.1")
    activity_type = factory.LazyFunction(lambda: models.ActivityType.objects.get(code="outreach"))
    title = factory.Sequence(lambda n: f"Nội dung thử {n}")
    lead_unit = factory.SubFactory(UnitFactory)
    start_date = datetime.date(2026, 1, 1)
    due_date = datetime.date(2026, 12, 31)


class CooperationFactory(_SyncsGrants, factory.django.DjangoModelFactory):
    class Meta:
        model = models.Cooperation

    activity = factory.SubFactory(ActivityFactory)
    unit = factory.SubFactory(UnitFactory)


def add_members(group: models.Unit, *members: models.Unit) -> None:
    """Add member units to a collective, re-granting what the collective was given."""
    document_services.unit_members_set(unit=group, members=[*group.members.all(), *members], actor=None)


class TaskFactory(_SyncsObligations, _SyncsGrants, factory.django.DjangoModelFactory):
    class Meta:
        model = models.Task

    activity = factory.SubFactory(ActivityFactory)
    unit = factory.SubFactory(UnitFactory)
    deliverable = factory.Sequence(lambda n: f"Sản phẩm thử {n}")
    due_date = datetime.date(2026, 6, 30)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Indicator

    code = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.Sequence(lambda n: f"Chỉ tiêu thử {n}")
    unit_of_measure = "hộ"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Target

    plan = factory.SubFactory(PlanFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.SubFactory(AreaFactory)
    year = 2026
    planned_value = 10


ROLE_NAMES = roles.ALL


class TaskCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.TaskComment

    task = factory.SubFactory(TaskFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Ý kiến thử {n}")


# --- Progress reports (appended by the progress work) ---------------------------------------


class OutputIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OutputIndicator

    activity = factory.SubFactory(ActivityFactory)
    name = factory.Sequence(lambda n: f"Sản phẩm đầu ra thử {n}")
    unit_of_measure = "cái"
    planned_quantity = 10


def whole_period(task: models.Task):
    """The single reporting period of a task no reporting rule covers."""
    from tracker.core.calendar import periods_for_task

    return periods_for_task(task)[0]


def accepted_report(task: models.Task, *, officer, manager, quantities=None, percent=50, period=None):
    """A report written, submitted and accepted through the services (history included)."""
    from tracker.progress import services as progress_services

    report = progress_services.progress_save_draft(
        task=task,
        period=period or whole_period(task),
        actor=officer,
        percent_complete=percent,
        quantities=quantities or {},
    )
    progress_services.progress_submit(report=report, actor=officer)
    return progress_services.progress_accept(report=report, actor=manager)


class ReportingRuleFactory(_SyncsObligations, factory.django.DjangoModelFactory):
    class Meta:
        model = models.ReportingRule

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Báo cáo thử {n}")
    reporter = factory.SubFactory(UnitFactory)
    frequency = models.ReportingRule.Frequency.MONTHLY
    due_day = 20
    active_from = datetime.date(2026, 1, 1)
    active_to = datetime.date(2026, 12, 31)


class ProgressReportFactory(_SyncsObligations, factory.django.DjangoModelFactory):
    """A report as the progress services leave it; pass `status` and `submitted_at`."""

    class Meta:
        model = models.ProgressReport

    task = factory.SubFactory(TaskFactory)
    period_start = datetime.date(2026, 3, 1)
    period_end = datetime.date(2026, 3, 31)
    due_date = datetime.date(2026, 3, 20)
    status = models.ProgressReport.Status.SUBMITTED
    created_by = factory.SubFactory(UserFactory)
    return_reason = factory.LazyAttribute(
        lambda report: "Thiếu số liệu" if report.status == models.ProgressReport.Status.RETURNED else ""
    )
