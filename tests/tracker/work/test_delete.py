"""Delete with guards: a plan, activity, task, deadline, rule or target is deleted through its
confirmation page while nothing depends on it (with history naming the actor); with accepted
work behind it, no path deletes it — the page, the services, the ORM and the Django admin all
refuse — and it can only be closed, cancelled or ended."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation

from tests import factories
from tracker.models import Activity, Deadline, Plan, Progress, ProgressReport, ReportingRule, Target, Task, TaskComment
from tracker.work import services as work_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def work(unit_a):
    plan = factories.PlanFactory()
    activity = factories.ActivityFactory(plan=plan)
    task = factories.TaskFactory(activity=activity, unit=unit_a)
    return plan, activity, task


@pytest.fixture
def accepted(work, officer_a, manager):
    plan, activity, task = work
    factories.accepted_report(task, officer=officer_a, manager=manager)
    return work


def test_confirmation_page_lists_what_goes_with_a_task_and_deleting_records_the_actor(manager_client, manager, work):
    plan, activity, task = work
    factories.TaskCommentFactory(task=task, author=manager)
    url = reverse("tracker:task_delete", args=[task.pk])
    page = manager_client.get(url)
    assert page.status_code == 200
    assert page.context["check"].goes_with == [("Comment", 1)]
    assert page.context["check"].allowed
    response = manager_client.post(url, {"action": "delete"})
    assert response.status_code == 302
    assert not Task.objects.exists() and not TaskComment.objects.exists()
    (deleted,) = Task.history.filter(history_type="-")
    assert deleted.history_user == manager
    assert TaskComment.history.get(history_type="-").history_user == manager


def test_plan_without_dependants_is_deleted_with_its_parts(manager_client, manager, work):
    plan, activity, task = work
    factories.TargetFactory(plan=plan)
    Deadline.objects.create(plan=plan, title="Nộp kế hoạch", due_date=plan.period_end)
    factories.ReportingRuleFactory(plan=plan)
    page = manager_client.get(reverse("tracker:plan_delete", args=[plan.pk]))
    labels = dict(page.context["check"].goes_with)
    assert labels["Activity"] == 1 and labels["Task"] == 1 and labels["Target"] == 1
    assert labels["Deadline"] == 1 and labels["Reporting rule"] == 1
    response = manager_client.post(reverse("tracker:plan_delete", args=[plan.pk]), {"action": "delete"})
    assert response.status_code == 302
    assert not Plan.objects.exists() and not Activity.objects.exists() and not Target.objects.exists()
    assert Plan.history.get(history_type="-").history_user == manager
    assert Activity.history.get(history_type="-").history_user == manager


@pytest.mark.parametrize("what", ["plan", "activity", "task"])
def test_work_with_an_accepted_report_cannot_be_deleted_from_its_page(manager_client, accepted, what):
    plan, activity, task = accepted
    obj = {"plan": plan, "activity": activity, "task": task}[what]
    url = reverse(f"tracker:{what}_delete", args=[obj.pk])
    page = manager_client.get(url)
    assert not page.context["check"].allowed
    assert ("Progress report", 1) in page.context["check"].blocked_by
    assert "cannot be deleted" in page.content.decode()
    response = manager_client.post(url, {"action": "delete"}, follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert Task.objects.filter(pk=task.pk).exists()
    assert ProgressReport.objects.filter(task=task, status=ProgressReport.Status.ACCEPTED).count() == 1


def test_blocked_task_can_be_cancelled_instead(manager_client, manager, accepted):
    plan, activity, task = accepted
    response = manager_client.post(reverse("tracker:task_delete", args=[task.pk]), {"action": "archive"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Progress.CANCELLED
    assert task.history.first().history_user == manager


def test_blocked_plan_can_be_closed_and_rule_ended(manager_client, accepted):
    plan, activity, task = accepted
    manager_client.post(reverse("tracker:plan_delete", args=[plan.pk]), {"action": "archive"})
    plan.refresh_from_db()
    assert plan.status == Plan.Status.CLOSED


def test_rule_with_reports_under_it_is_ended_not_deleted(manager_client, manager, work, officer_a):
    plan, activity, task = work
    rule = factories.ReportingRuleFactory(plan=plan, reporter=task.unit)
    report = factories.accepted_report(task, officer=officer_a, manager=manager)
    ProgressReport.objects.filter(pk=report.pk).update(reporting_rule=rule)
    url = reverse("tracker:reporting_rule_delete", args=[rule.pk])
    manager_client.post(url, {"action": "delete"})
    assert ReportingRule.objects.filter(pk=rule.pk).exists()
    manager_client.post(url, {"action": "archive"})
    rule.refresh_from_db()
    assert rule.active_to <= plan.period_end


def test_no_path_deletes_a_task_with_accepted_reports(accepted, manager):
    plan, activity, task = accepted
    with pytest.raises(ValidationError):
        work_services.delete(instance=task, actor=manager)
    with pytest.raises(ValidationError):
        work_services.activity_delete(activity=activity, actor=manager)
    with pytest.raises(ProtectedError):
        task.delete()  # the database rule itself (PROTECT)
    with pytest.raises(ProtectedError):
        plan.delete()
    assert ProgressReport.objects.count() == 1


def test_admin_cannot_delete_a_task_with_accepted_reports(client, accepted):
    plan, activity, task = accepted
    superuser = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    url = reverse("admin:tracker_task_delete", args=[task.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["protected"]  # the admin lists what keeps it
    client.post(url, {"post": "yes"})
    assert Task.objects.filter(pk=task.pk).exists()
    changelist = reverse("admin:tracker_task_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [task.pk], "post": "yes"})
    assert Task.objects.filter(pk=task.pk).exists()
    assert ProgressReport.objects.count() == 1


def test_activity_with_money_cannot_be_deleted_and_the_page_says_why(manager_client, work, unit_a):
    # The test may name budgets; tracker learns about the money only through PROTECT.
    from budgets import models as budget_models

    plan, activity, task = work
    source = budget_models.FundingSource.objects.create(code="nstw-thu", name="Ngân sách thử")
    budget_models.Allocation.objects.create(
        activity=activity,
        unit=unit_a,
        funding_source=source,
        year=2026,
        amount=1_000_000,
        decision_number="1/QĐ-UBND",
        decision_date=plan.period_start,
    )
    page = manager_client.get(reverse("tracker:activity_delete", args=[activity.pk]))
    assert [label for label, _ in page.context["check"].blocked_by] == ["Allocation"]
    manager_client.post(reverse("tracker:activity_delete", args=[activity.pk]), {"action": "delete"})
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_unit_officer_cannot_delete(client, officer_a, work):
    plan, activity, task = work
    client.force_login(officer_a)
    assert client.get(reverse("tracker:task_delete", args=[task.pk])).status_code == 403
    assert client.post(reverse("tracker:task_delete", args=[task.pk]), {"action": "delete"}).status_code == 403
    assert Task.objects.filter(pk=task.pk).exists()
