"""The shared world the permission tables build their URLs from.

plan (issued) ─ activity (led by the DIC) ─ task_a (unit A's), with a submitted report, a
draft report and a comment; plan_b ─ activity_b (led by the DIC) ─ task_b (unit B's). So
officer A sees plan/activity/task_a but not plan_b's work, and officer B the reverse. The
plan also has a target, a deadline and a reporting rule; a legal document and an indicator
exist for the directory endpoints.

tests/test_url_permissions.py builds the world once per test module (per xdist worker) and
gives each test a deep copy of it, as Django's TestCase does with setUpTestData.

Province scope: both plans cover "Tỉnh A". The personas of `PERSONAS` have no unit area (they
read every province); `build_province_personas` adds a DIC manager, finance officer and monitor
of Tỉnh A (who see what the personas see) and of "Tỉnh B" (who get 404 on every object).
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from tests import factories
from tracker.core import roles
from tracker.models import Deadline, LegalDocument, ProgressReport, ReportingRule, Unit


def build_personas() -> tuple[Unit, Unit, dict]:
    """Units A and B and the six personas' users, as the fixtures of tests/conftest.py make them."""
    unit_a = factories.CommuneCommitteeFactory(name="UBND xã A")
    unit_b = factories.CommuneCommitteeFactory(name="UBND xã B")
    users = {
        "manager": factories.UserFactory(username="manager", role=roles.DIC_MANAGER),
        "officer_a": factories.UserFactory(username="officer_a", unit=unit_a, role=roles.UNIT_OFFICER),
        "officer_b": factories.UserFactory(username="officer_b", unit=unit_b, role=roles.UNIT_OFFICER),
        "finance": factories.UserFactory(username="finance", role=roles.FINANCE_OFFICER),
        "monitor": factories.UserFactory(username="monitor", role=roles.MONITOR),
        "editor": factories.UserFactory(username="editor", role=roles.CMS_EDITOR),
    }
    return unit_a, unit_b, users


# The province personas: (name, role, province) — see build_province_personas.
PROVINCE_PERSONAS = {
    "manager_home": (roles.DIC_MANAGER, "home"),
    "finance_home": (roles.FINANCE_OFFICER, "home"),
    "monitor_home": (roles.MONITOR, "home"),
    "manager_elsewhere": (roles.DIC_MANAGER, "elsewhere"),
    "finance_elsewhere": (roles.FINANCE_OFFICER, "elsewhere"),
    "monitor_elsewhere": (roles.MONITOR, "elsewhere"),
}


def build_province_personas() -> tuple[dict, dict]:
    """Tỉnh A (the world's plans) and Tỉnh B, each with a department whose DIC manager, finance
    officer and monitor read that province only."""
    provinces = {
        "home": factories.ProvinceFactory(name="Tỉnh A"),
        "elsewhere": factories.ProvinceFactory(name="Tỉnh B"),
    }
    departments = {
        key: factories.UnitFactory(name=f"Sở Khoa học và Công nghệ {province.name}", area=province)
        for key, province in provinces.items()
    }
    users = {
        name: factories.UserFactory(username=name, unit=departments[where], role=role)
        for name, (role, where) in PROVINCE_PERSONAS.items()
    }
    return provinces, users


def build_world(*, unit_a, unit_b, users: dict) -> SimpleNamespace:
    provinces, province_users = build_province_personas()
    users = {**users, **province_users}
    for unit in (unit_a, unit_b):  # communes A and B lie in Tỉnh A
        unit.area.parent = provinces["home"]
        unit.area.save(update_fields=["parent"])
    dic = factories.UnitFactory(name="Sở Thông tin và Truyền thông", kind=Unit.Kind.DEPARTMENT)
    plan = factories.PlanFactory(
        number_symbol="146/KH-UBND", title="Kế hoạch giảm nghèo về thông tin", area=provinces["home"]
    )
    activity = factories.ActivityFactory(plan=plan, lead_unit=dic, section_code="2.1")
    task_a = factories.TaskFactory(activity=activity, unit=unit_a, area=unit_a.area)
    plan_b = factories.PlanFactory(number_symbol="200/KH-UBND", title="Kế hoạch của xã B", area=provinces["home"])
    activity_b = factories.ActivityFactory(plan=plan_b, lead_unit=dic, section_code="1.1")
    task_b = factories.TaskFactory(activity=activity_b, unit=unit_b, area=unit_b.area)
    indicator = factories.IndicatorFactory()
    target = factories.TargetFactory(plan=plan, indicator=indicator, area=unit_a.area)
    deadline = Deadline.objects.create(
        plan=plan, activity=activity, title="Gửi báo cáo sơ kết", due_date=datetime.date(2026, 7, 31)
    )
    reporting_rule = ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=unit_a,
        recipient=dic,
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=25,
        active_from=plan.period_start,
        active_to=plan.period_end,
    )
    legal_document = LegalDocument.objects.create(
        kind=LegalDocument.Kind.DECISION,
        number_symbol="1719/QĐ-TTg",
        issued_on=datetime.date(2021, 10, 14),
        issuer="Thủ tướng Chính phủ",
        title="Phê duyệt Chương trình mục tiêu quốc gia",
    )
    report = factories.ProgressReportFactory(
        task=task_a,
        created_by=users["officer_a"],
        status=ProgressReport.Status.SUBMITTED,
        submitted_by=users["officer_a"],
        submitted_at=datetime.datetime(2026, 2, 3, 9, 0, tzinfo=datetime.UTC),
    )
    draft_report = factories.ProgressReportFactory(
        task=task_a,
        created_by=users["officer_a"],
        period_start=datetime.date(2026, 2, 1),
        period_end=datetime.date(2026, 2, 28),
        due_date=datetime.date(2026, 3, 5),
        status=ProgressReport.Status.DRAFT,
    )
    comment = factories.TaskCommentFactory(task=task_a, author=users["officer_a"])
    return SimpleNamespace(
        users=users,
        provinces=provinces,
        dic=dic,
        unit_a=unit_a,
        unit_b=unit_b,
        area=unit_a.area,
        plan=plan,
        activity=activity,
        task_a=task_a,
        plan_b=plan_b,
        activity_b=activity_b,
        task_b=task_b,
        indicator=indicator,
        target=target,
        deadline=deadline,
        reporting_rule=reporting_rule,
        legal_document=legal_document,
        report=report,
        draft_report=draft_report,
        comment=comment,
    )
