"""The shared world the permission tables build their URLs from.

plan (issued) ─ activity (led by the DIC) ─ task_a (unit A's), with a submitted report, a
draft report and a comment; plan_b ─ activity_b (led by the DIC) ─ task_b (unit B's). So
officer A sees plan/activity/task_a but not plan_b's work, and officer B the reverse. The
plan also has a target, a deadline and a reporting rule; a legal document and an indicator
exist for the directory endpoints.

tests/test_url_permissions.py builds the world once per test module (per xdist worker) and
gives each test a deep copy of it, as Django's TestCase does with setUpTestData.
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


def build_world(*, unit_a, unit_b, users: dict) -> SimpleNamespace:
    dic = factories.UnitFactory(name="Sở Thông tin và Truyền thông", kind=Unit.Kind.DEPARTMENT)
    plan = factories.PlanFactory(number_symbol="146/KH-UBND", title="Kế hoạch giảm nghèo về thông tin")
    activity = factories.ActivityFactory(plan=plan, lead_unit=dic, section_code="2.1")
    task_a = factories.TaskFactory(activity=activity, unit=unit_a, area=unit_a.area)
    plan_b = factories.PlanFactory(number_symbol="200/KH-UBND", title="Kế hoạch của xã B")
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
