"""Model rules and services: what a user expects the tracker to refuse, and what it records."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests import factories
from tracker.core import history as core_history
from tracker.core.calendar import periods_for_rule
from tracker.documents import services as document_services
from tracker.models import Activity, Area, Cooperation, Deadline, Plan, ReportingRule, Target, Task, Unit
from tracker.work import services

pytestmark = pytest.mark.django_db


def messages_of(error: pytest.ExceptionInfo, field: str) -> list[str]:
    return error.value.message_dict[field]


def test_activity_deadline_before_start_is_refused_and_nothing_is_written(manager):
    plan = factories.PlanFactory()
    activity = Activity(
        plan=plan,
        section_code="1",
        activity_type=factories.ActivityFactory.activity_type.function(),
        title="Tập huấn",
        lead_unit=factories.UnitFactory(),
        start_date=datetime.date(2026, 5, 1),
        due_date=datetime.date(2026, 4, 30),
    )
    with pytest.raises(ValidationError) as error:
        services.activity_save(activity=activity, actor=manager)
    assert messages_of(error, "due_date") == ["Hạn hoàn thành không được trước ngày bắt đầu."]
    assert Activity.objects.count() == 0


def test_unit_cannot_lead_and_cooperate_on_one_activity(manager):
    activity = factories.ActivityFactory()
    with pytest.raises(ValidationError) as error:
        services.activity_save(activity=activity, actor=manager, cooperating_units=[activity.lead_unit])
    assert messages_of(error, "cooperating_units") == [
        "Một đơn vị không thể vừa chủ trì vừa phối hợp cùng một hoạt động."
    ]
    assert not Cooperation.objects.exists()


def test_changing_lead_to_a_cooperating_unit_is_refused(manager):
    activity = factories.ActivityFactory()
    partner = factories.UnitFactory()
    services.activity_save(activity=activity, actor=manager, cooperating_units=[partner])
    activity.lead_unit = partner
    with pytest.raises(ValidationError) as error:
        services.activity_save(activity=activity, actor=manager)
    assert "lead_unit" in error.value.message_dict
    assert Activity.objects.get().lead_unit_id != partner.pk


def test_cooperating_units_are_synced_with_history_naming_the_actor(manager):
    activity = factories.ActivityFactory()
    first, second, third = factories.UnitFactory.create_batch(3)
    services.activity_save(activity=activity, actor=manager, cooperating_units=[first, second])
    services.activity_save(activity=activity, actor=manager, cooperating_units=[second, third])
    assert set(activity.cooperating_units.values_list("pk", flat=True)) == {second.pk, third.pk}
    history = Cooperation.history.order_by("history_id")
    assert [(row.unit_id, row.history_type) for row in history] == [
        (first.pk, "+"),
        (second.pk, "+"),
        (first.pk, "-"),
        (third.pk, "+"),
    ]
    assert {row.history_user_id for row in history} == {manager.pk}


def test_negative_target_is_refused(manager):
    target = factories.TargetFactory.build(
        plan=factories.PlanFactory(),
        indicator=factories.IndicatorFactory(),
        area=factories.AreaFactory(),
        planned_value=-1,
    )
    with pytest.raises(ValidationError) as error:
        document_services.target_save(target=target, actor=manager)
    assert "Chỉ tiêu không được âm." in error.value.messages
    assert Target.objects.count() == 0


def test_duplicate_target_names_the_clash(manager):
    target = factories.TargetFactory()
    clone = Target(plan=target.plan, indicator=target.indicator, area=target.area, year=target.year, planned_value=3)
    with pytest.raises(ValidationError) as error:
        document_services.target_save(target=clone, actor=manager)
    assert error.value.messages == ["Địa bàn này đã có giá trị cho chỉ tiêu và năm này trong kế hoạch."]


def test_database_refuses_negative_quantity_even_without_validation():
    task = factories.TaskFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.filter(pk=task.pk).update(target_quantity=-5)


def test_area_code_is_unique_among_areas_in_force_only(manager):
    document_services.area_save(
        area=Area(name="Xã Cũ", level=Area.Level.COMMUNE, code="00118", valid_to=datetime.date(2025, 6, 30)),
        actor=manager,
    )
    document_services.area_save(area=Area(name="Xã Mới", level=Area.Level.COMMUNE, code="00118"), actor=manager)
    with pytest.raises(ValidationError) as error:
        document_services.area_save(area=Area(name="Xã Khác", level=Area.Level.COMMUNE, code="00118"), actor=manager)
    assert error.value.messages == ["Một địa bàn khác đang có hiệu lực đã dùng mã này."]


def test_area_code_keeps_leading_zeros_and_refuses_letters(manager):
    area = document_services.area_save(area=Area(name="Tỉnh A", level=Area.Level.PROVINCE, code="02"), actor=manager)
    assert Area.objects.get(pk=area.pk).code == "02"
    with pytest.raises(ValidationError) as error:
        document_services.area_save(area=Area(name="Tỉnh B", level=Area.Level.PROVINCE, code="2A"), actor=manager)
    assert "code" in error.value.message_dict


def test_commune_cannot_sit_above_its_parent(manager):
    commune = factories.AreaFactory()
    with pytest.raises(ValidationError) as error:
        document_services.area_save(
            area=Area(name="Tỉnh sai", level=Area.Level.PROVINCE, parent=commune), actor=manager
        )
    assert "parent" in error.value.message_dict


def test_peoples_committee_needs_an_area(manager):
    with pytest.raises(ValidationError) as error:
        document_services.unit_save(
            unit=Unit(name="UBND xã Không Tên", kind=Unit.Kind.PEOPLES_COMMITTEE), actor=manager
        )
    assert "area" in error.value.message_dict


def test_merged_unit_points_to_its_successor_and_drops_out_of_force(manager):
    new = document_services.unit_save(
        unit=Unit(name="Sở KH&CN", kind=Unit.Kind.DEPARTMENT, valid_from=datetime.date(2025, 3, 1)), actor=manager
    )
    old = document_services.unit_save(
        unit=Unit(name="Sở TT&TT", kind=Unit.Kind.DEPARTMENT, valid_to=datetime.date(2025, 2, 28), successor=new),
        actor=manager,
    )
    assert list(Unit.objects.in_force(datetime.date(2025, 2, 28))) == [old]
    assert list(Unit.objects.in_force(datetime.date(2025, 3, 1))) == [new]


def test_completed_task_needs_its_completion_date(manager):
    task = factories.TaskFactory.build(
        activity=factories.ActivityFactory(), unit=factories.UnitFactory(), status="completed"
    )
    with pytest.raises(ValidationError) as error:
        services.task_assign(task=task, actor=manager)
    assert "completed_on" in error.value.message_dict


def test_task_output_must_belong_to_its_activity(manager):
    task = factories.TaskFactory()
    other_activity = factories.ActivityFactory()
    output = other_activity.output_indicators.create(name="Lớp", unit_of_measure="lớp", planned_quantity=2)
    task.output_indicator = output
    with pytest.raises(ValidationError) as error:
        services.task_assign(task=task, actor=manager)
    assert "output_indicator" in error.value.message_dict


def test_window_deadline_needs_ordered_dates(manager):
    plan = factories.PlanFactory()
    deadline = Deadline(
        plan=plan,
        title="Đợt cao điểm",
        kind=Deadline.Kind.WINDOW,
        window_start=datetime.date(2023, 12, 31),
        window_end=datetime.date(2023, 8, 1),
    )
    with pytest.raises(ValidationError) as error:
        document_services.deadline_save(deadline=deadline, actor=manager)
    assert "window_end" in error.value.message_dict


def test_on_issue_deadline_is_due_on_the_issue_date_only_when_the_day_is_known():
    plan = factories.PlanFactory(issued_on=datetime.date(2023, 3, 1), issued_on_precision=Plan.DatePrecision.MONTH)
    deadline = Deadline(plan=plan, title="Tuyên truyền", kind=Deadline.Kind.ON_ISSUE)
    assert deadline.effective_due_date is None
    plan.issued_on_precision = Plan.DatePrecision.DAY
    assert deadline.effective_due_date == datetime.date(2023, 3, 1)


def test_upsert_writes_nothing_when_nothing_changed(manager):
    area, created = core_history.upsert(
        Area, lookup={"name": "Tỉnh Lạng Sơn"}, values={"level": Area.Level.PROVINCE}, actor=manager
    )
    assert created
    again, changed = core_history.upsert(
        Area, lookup={"name": "Tỉnh Lạng Sơn"}, values={"level": Area.Level.PROVINCE}, actor=manager
    )
    assert (again.pk, changed) == (area.pk, False)
    assert Area.history.count() == 1
    _, changed = core_history.upsert(
        Area, lookup={"name": "Tỉnh Lạng Sơn"}, values={"level": Area.Level.PROVINCE, "code": "20"}, actor=manager
    )
    assert changed
    assert list(Area.history.values_list("code", "history_user_id")) == [("20", manager.pk), ("", manager.pk)]


def _rule(**fields) -> ReportingRule:
    plan = factories.PlanFactory()
    return ReportingRule(plan=plan, title="Báo cáo", reporter=plan.issuer, **fields)


def test_monthly_rule_is_due_on_day_n_of_each_month_of_its_span():
    rule = _rule(
        frequency="monthly", due_day=20, active_from=datetime.date(2023, 8, 1), active_to=datetime.date(2023, 12, 31)
    )
    periods = periods_for_rule(rule)
    assert [p.due for p in periods] == [datetime.date(2023, m, 20) for m in range(8, 13)]
    assert (periods[0].start, periods[0].end) == (datetime.date(2023, 8, 1), datetime.date(2023, 8, 31))


def test_monthly_rule_due_on_the_31st_falls_on_the_last_day_of_short_months():
    rule = _rule(
        frequency="monthly", due_day=31, active_from=datetime.date(2024, 1, 1), active_to=datetime.date(2024, 4, 30)
    )
    assert [p.due for p in periods_for_rule(rule)] == [
        datetime.date(2024, 1, 31),
        datetime.date(2024, 2, 29),
        datetime.date(2024, 3, 31),
        datetime.date(2024, 4, 30),
    ]


def test_half_year_and_annual_rules_of_seed_002():
    half = _rule(
        frequency="half_year",
        due_day=15,
        due_month=6,
        active_from=datetime.date(2019, 1, 1),
        active_to=datetime.date(2019, 12, 31),
    )
    year = _rule(
        frequency="annual",
        due_day=5,
        due_month=10,
        active_from=datetime.date(2019, 1, 1),
        active_to=datetime.date(2019, 12, 31),
    )
    [h1] = periods_for_rule(half)
    [y] = periods_for_rule(year)
    assert (h1.start, h1.end, h1.due) == (
        datetime.date(2019, 1, 1),
        datetime.date(2019, 6, 30),
        datetime.date(2019, 6, 15),
    )
    assert (y.start, y.end, y.due) == (
        datetime.date(2019, 1, 1),
        datetime.date(2019, 12, 31),
        datetime.date(2019, 10, 5),
    )


def test_rule_without_month_for_annual_report_is_refused(manager):
    rule = _rule(
        frequency="annual", due_day=5, active_from=datetime.date(2019, 1, 1), active_to=datetime.date(2019, 12, 31)
    )
    with pytest.raises(ValidationError) as error:
        document_services.reporting_rule_save(rule=rule, actor=manager)
    assert "due_month" in error.value.message_dict


def test_a_commune_in_a_reporting_collective_reports_monthly_within_its_task_span(manager):
    from tracker.core.calendar import periods_for_task

    commune = factories.CommuneCommitteeFactory()
    collective = factories.UnitFactory(name="UBND các xã", is_group=True)
    collective.members.add(commune)
    activity = factories.ActivityFactory(start_date=datetime.date(2026, 3, 1), due_date=datetime.date(2026, 12, 31))
    task = factories.TaskFactory(activity=activity, unit=commune, due_date=datetime.date(2026, 5, 31))
    ReportingRule.objects.create(
        plan=activity.plan,
        title="Báo cáo tháng",
        reporter=collective,
        frequency="monthly",
        due_day=20,
        active_from=datetime.date(2026, 1, 1),
        active_to=datetime.date(2026, 12, 31),
    )
    assert [p.due for p in periods_for_task(task)] == [datetime.date(2026, m, 20) for m in (3, 4, 5)]


def test_a_task_no_rule_covers_reports_once_by_its_due_date():
    from tracker.core.calendar import periods_for_task

    task = factories.TaskFactory(due_date=datetime.date(2026, 6, 30))
    [period] = periods_for_task(task)
    assert (period.rule_id, period.start, period.end, period.due) == (
        None,
        datetime.date(2026, 1, 1),
        datetime.date(2026, 6, 30),
        datetime.date(2026, 6, 30),
    )
