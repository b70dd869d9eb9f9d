"""The expected reports kept as rows (`Obligation`): written by the services that change tasks,
rules, collectives and reports, rebuilt idempotently by `rebuild_obligations`, read by the due
page a page of units at a time; and the units' stored Vietnamese sort keys."""

from __future__ import annotations

import datetime
import io
import itertools

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests import factories
from tracker.core import obligations
from tracker.core.text import vietnamese_collation_key, vietnamese_sort_key
from tracker.documents import services as document_services
from tracker.due import selectors as selectors_due
from tracker.models import Obligation, ProgressReport, Unit
from tracker.progress import services as progress_services
from tracker.work import services as work_services

pytestmark = pytest.mark.django_db

D = datetime.date
State = Obligation.State


def rows(**filters) -> list[tuple]:
    return sorted(
        Obligation.objects.filter(**filters).values_list("unit_id", "rule_id", "period_start", "due", "state")
    )


@pytest.fixture
def monthly_world(unit_a, officer_a, manager):
    """Plan 2026, monthly by the 20th for unit A, one task of A's due at the end of June."""
    plan = factories.PlanFactory()
    rule = factories.ReportingRuleFactory(plan=plan, reporter=unit_a, due_day=20)
    activity = factories.ActivityFactory(plan=plan, start_date=D(2026, 1, 1))
    task = factories.TaskFactory(activity=activity, unit=unit_a, due_date=D(2026, 6, 30))
    return plan, rule, task


def test_assigning_a_task_writes_one_row_per_period_of_its_rule(monthly_world, unit_a):
    plan, rule, task = monthly_world
    assert rows(task=task) == [
        (unit_a.pk, rule.pk, D(2026, month, 1), D(2026, month, 20), "missing") for month in range(1, 7)
    ]
    # Moving its deadline through the service moves its periods.
    task.due_date = D(2026, 3, 31)
    work_services.task_assign(task=task, actor=None)
    assert [row[2].month for row in rows(task=task)] == [1, 2, 3]


def test_a_report_through_the_services_changes_the_rows_state(monthly_world, officer_a, manager):
    plan, rule, task = monthly_world
    (march,) = [p for p in selectors_due.expected_reports(manager, today=D(2026, 4, 1)) if p.period.start.month == 3]
    report = progress_services.progress_save_draft(task=task, period=march.period, actor=officer_a, percent_complete=10)
    assert Obligation.objects.get(task=task, period_start=D(2026, 3, 1)).state == State.DRAFT
    progress_services.progress_submit(report=report, actor=officer_a)
    row = Obligation.objects.get(task=task, period_start=D(2026, 3, 1))
    assert (row.state, row.report_id) == (State.SUBMITTED, report.pk)
    assert row.submitted_on is not None
    progress_services.progress_return(report=report, actor=manager, reason="Thiếu ảnh")
    assert Obligation.objects.get(task=task, period_start=D(2026, 3, 1)).state == State.RETURNED
    progress_services.progress_submit(report=report, actor=officer_a)
    progress_services.progress_accept(report=report, actor=manager)
    assert Obligation.objects.get(task=task, period_start=D(2026, 3, 1)).state == State.ACCEPTED
    # A correction in draft leaves the period reported (the accepted one is the most advanced).
    progress_services.progress_correct(report=report, actor=officer_a)
    assert Obligation.objects.get(task=task, period_start=D(2026, 3, 1)).state == State.ACCEPTED


def test_a_cancelled_task_keeps_its_rows_but_owes_nothing_on_the_pages(monthly_world, unit_a, manager):
    plan, rule, task = monthly_world
    work_services.task_cancel(task=task, actor=None)
    assert len(rows(task=task)) == 6
    assert selectors_due.expected_reports(manager, today=D(2026, 12, 1)) == []
    # With no task left in the plan, unit A sends the rule's reports itself (twelve months).
    owed = selectors_due.expected_dispatches(manager, today=D(2026, 12, 1))
    assert [(item.unit.pk, item.rule.pk) for item in owed] == [(unit_a.pk, rule.pk)] * 12
    assert selectors_due.overdue_report_count(manager, today=D(2026, 12, 1)) == 11


def test_ending_a_rule_and_changing_a_collective_rewrite_the_rows(monthly_world, unit_a, unit_b):
    plan, rule, task = monthly_world
    rule.active_to = D(2026, 2, 28)
    document_services.reporting_rule_save(rule=rule, actor=None)
    assert [row[2].month for row in rows(task=task)] == [1, 2]
    # A collective's new member owes the collective's reports (it has no task: sent reports).
    communes = factories.UnitFactory(name="UBND các xã", kind="peoples_committee", is_group=True)
    factories.ReportingRuleFactory(plan=plan, reporter=communes, frequency="annual", due_month=12, due_day=15)
    assert rows(task__isnull=True, unit=unit_b) == []
    factories.add_members(communes, unit_b)
    assert [row[4] for row in rows(task__isnull=True, unit=unit_b)] == ["missing"]


def test_rebuild_is_idempotent_and_restores_what_bypassed_the_services(monthly_world, unit_a):
    plan, rule, task = monthly_world
    before = rows()
    assert obligations.obligations_rebuild() == obligations.SyncResult()
    # Rows lost, and a report written straight into the table, come back from the rebuild.
    Obligation.objects.filter(period_start__month__in=[1, 2]).delete()
    ProgressReport.objects.create(
        task=task,
        period_start=D(2026, 4, 1),
        period_end=D(2026, 4, 30),
        due_date=D(2026, 4, 20),
        status=ProgressReport.Status.ACCEPTED,
        created_by=factories.UserFactory(),
    )
    call_command("rebuild_obligations", stdout=io.StringIO())
    after = rows()
    assert len(after) == len(before) == 6
    assert [row[4] for row in after if row[2].month == 4] == ["accepted"]
    assert obligations.obligations_rebuild() == obligations.SyncResult()


# --- The due page, twenty units at a time ------------------------------------------------------


def test_the_due_page_shows_twenty_units_a_page_and_counts_them_all(client, manager):
    plan = factories.PlanFactory()
    activity = factories.ActivityFactory(plan=plan, start_date=D(2026, 1, 1))
    today = datetime.date.today()
    units = [factories.CommuneCommitteeFactory(name=f"UBND xã Thử {n:02d}") for n in range(23)]
    for unit in units:
        factories.TaskFactory(activity=activity, unit=unit, due_date=today - datetime.timedelta(days=3))
    client.force_login(manager)
    first = client.get(reverse("tracker:due"))
    assert [section.unit.name for section in first.context["page"].sections] == [u.name for u in units[:20]]
    assert first.context["page"].totals["overdue_tasks"] == 23
    second = client.get(reverse("tracker:due"), {"page": 2})
    assert [section.unit.name for section in second.context["page"].sections] == [u.name for u in units[20:]]
    assert 'href="?page=1"' in second.content.decode()


# --- Sort keys ------------------------------------------------------------------------------------


NAMES = ["Ba Bể", "Bạch Thông", "Đà Nẵng", "Dak Lak", "An Giang", "Ăn", "Ân", "UBND xã A", "UBND xã Ă", "UBND xã"]
NAMES += ["UBND xã A1", "Sở KH&CN", "Ưu", "Uy", "Zeta", "wolf", "à", "á", "ả", "ã", "ạ", "x y", "xy", "Huyện 10"]


def test_the_stored_key_sorts_as_the_vietnamese_sort_key():
    for first, second in itertools.permutations(NAMES, 2):
        expected = vietnamese_sort_key(first) < vietnamese_sort_key(second)
        assert (vietnamese_collation_key(first) < vietnamese_collation_key(second)) == expected, (first, second)


def test_unit_save_stores_the_key_and_the_database_orders_by_it(manager):
    for name in NAMES:
        document_services.unit_save(unit=Unit(name=name, kind=Unit.Kind.DEPARTMENT), actor=manager)
    stored = list(Unit.objects.filter(name__in=NAMES).order_by("sort_key").values_list("name", flat=True))
    assert stored == sorted(NAMES, key=vietnamese_sort_key)
