"""Object rights follow assignments: granted by the services, revoked when work moves away."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tracker.core import grants, permissions, roles
from tracker.documents import services as document_services
from tracker.models import ActivityGroupObjectPermission, Progress, ProgressReport, Task, TaskGroupObjectPermission
from tracker.progress import services as progress_services
from tracker.work import services

pytestmark = pytest.mark.django_db


def task_rights(task: Task) -> set[tuple[str, str]]:
    return {
        (row.group.name, row.permission.codename)
        for row in TaskGroupObjectPermission.objects.filter(content_object=task).select_related("group", "permission")
    }


def test_assigning_a_task_lets_the_units_officers_see_and_report_on_it(manager, officer_a, officer_b, unit_a):
    activity = factories.ActivityFactory()
    task = services.task_assign(
        task=Task(activity=activity, unit=unit_a, deliverable="Báo cáo", due_date=activity.due_date), actor=manager
    )
    group = unit_a.officer_group.name
    assert task_rights(task) == {(group, "view_task"), (group, "report_task"), (group, "comment_task")}
    assert list(permissions.tasks_visible_to(officer_a)) == [task]
    assert list(permissions.activities_visible_to(officer_a)) == [activity]
    assert permissions.can_report_on(officer_a, task)
    assert not permissions.can_report_on(officer_b, task)
    assert not permissions.tasks_visible_to(officer_b).exists()


def test_reassigning_moves_the_rights_to_the_new_unit(manager, officer_a, officer_b, unit_a, unit_b):
    task = factories.TaskFactory(unit=unit_a)
    task.unit = unit_b
    services.task_assign(task=task, actor=manager)
    assert {group for group, _ in task_rights(task)} == {unit_b.officer_group.name}
    assert not permissions.tasks_visible_to(officer_a).exists()
    assert not permissions.activities_visible_to(officer_a).exists()
    assert permissions.can_report_on(officer_b, task)


def test_removing_a_task_revokes_the_activity_view_it_gave(manager, officer_a, unit_a):
    task = factories.TaskFactory(unit=unit_a)
    services.task_remove(task=task, actor=manager)
    assert not ActivityGroupObjectPermission.objects.filter(group=unit_a.officer_group).exists()
    assert not permissions.activities_visible_to(officer_a).exists()


def test_cooperating_unit_sees_every_task_and_may_comment_but_not_report(manager, officer_a, unit_a, unit_b):
    activity = factories.ActivityFactory()
    task = factories.TaskFactory(activity=activity, unit=unit_b)
    services.activity_save(activity=activity, actor=manager, cooperating_units=[unit_a])
    assert list(permissions.tasks_visible_to(officer_a)) == [task]
    assert permissions.can_comment_on(officer_a, task)
    assert not permissions.can_report_on(officer_a, task)
    services.activity_save(activity=activity, actor=manager, cooperating_units=[])
    assert not permissions.tasks_visible_to(officer_a).exists()


def test_rights_given_to_a_collective_reach_its_members_officers(manager, officer_a, unit_a):
    collective = factories.UnitFactory(name="UBND các xã", is_group=True)
    activity = factories.ActivityFactory(lead_unit=collective)
    assert not permissions.activities_visible_to(officer_a).exists()
    document_services.unit_members_set(unit=collective, members=[unit_a], actor=manager)
    assert list(permissions.activities_visible_to(officer_a)) == [activity]


def test_an_officer_who_moves_unit_takes_no_rights_along(manager, officer_a, unit_a, unit_b):
    task = factories.TaskFactory(unit=unit_a)
    document_services.user_set_unit(user=officer_a, unit=unit_b, actor=manager)
    assert not permissions.tasks_visible_to(officer_a).exists()
    document_services.user_set_unit(user=officer_a, unit=unit_a, actor=manager)
    assert list(permissions.tasks_visible_to(officer_a)) == [task]


def test_a_manager_without_the_officer_role_gets_no_unit_group(manager, unit_a):
    document_services.user_set_unit(user=manager, unit=unit_a, actor=manager)
    assert not manager.groups.filter(name__startswith="unit-officers-").exists()
    assert manager.groups.filter(name=roles.DIC_MANAGER).exists()


def _grant_writes(queries) -> list[str]:
    """The statements that wrote guardian's object-permission rows."""
    return [
        query["sql"]
        for query in queries
        if "objectpermission" in query["sql"].lower() and not query["sql"].lstrip().upper().startswith("SELECT")
    ]


def test_a_status_change_that_keeps_the_unit_rewrites_no_grant(manager, officer_a, unit_a):
    task = factories.TaskFactory(unit=unit_a)
    rights_before = task_rights(task)
    task.status = Progress.IN_PROGRESS
    with CaptureQueriesContext(connection) as queries:
        services.task_assign(task=task, actor=manager)
    assert _grant_writes(queries.captured_queries) == []
    # Not even read: the unit did not change, so no right can have changed.
    assert not any("objectpermission" in query["sql"].lower() for query in queries.captured_queries)
    assert task_rights(task) == rights_before
    assert task.history.first().history_user == manager


def test_accepting_a_report_moves_the_task_on_without_touching_grants(manager, officer_a, unit_a):
    task = factories.TaskFactory(unit=unit_a)
    report = factories.ProgressReportFactory(task=task, status=ProgressReport.Status.SUBMITTED, percent_complete=40)
    rights_before = task_rights(task)
    with CaptureQueriesContext(connection) as queries:
        progress_services.progress_accept(report=report, actor=manager)
    task.refresh_from_db()
    assert task.status == Progress.IN_PROGRESS
    assert not any("objectpermission" in query["sql"].lower() for query in queries.captured_queries)
    assert task_rights(task) == rights_before


def test_moving_a_task_to_another_unit_still_rewrites_the_grants(manager, officer_a, officer_b, unit_a, unit_b):
    task = factories.TaskFactory(unit=unit_a)
    task.status = Progress.IN_PROGRESS
    task.unit = unit_b
    services.task_assign(task=task, actor=manager)
    assert {group for group, _ in task_rights(task)} == {unit_b.officer_group.name}
    assert not permissions.tasks_visible_to(officer_a).exists()


def all_rights() -> tuple[set, set]:
    return (
        set(ActivityGroupObjectPermission.objects.values_list("content_object_id", "group_id", "permission_id")),
        set(TaskGroupObjectPermission.objects.values_list("content_object_id", "group_id", "permission_id")),
    )


def test_the_set_wise_sync_grants_what_syncing_one_activity_at_a_time_grants(manager, unit_a, unit_b):
    """grants_sync_many (bulk loads) leaves exactly the rights grants_sync leaves: leads,
    cooperating units, task units and a collective's members; stale rights are removed."""
    collective = factories.UnitFactory(is_group=True, kind="peoples_committee")
    collective.members.set([unit_a, unit_b])
    first = factories.ActivityFactory()
    second = factories.ActivityFactory(lead_unit=unit_b)
    services.activity_save(activity=first, actor=manager, cooperating_units=[unit_a])
    factories.TaskFactory(activity=first, unit=unit_b)
    factories.TaskFactory(activity=second, unit=collective)
    factories.TaskFactory(activity=second, unit=unit_a)
    for activity in (first, second):
        grants.grants_sync(activity=activity)
    expected = all_rights()
    # A stale right (as if a task had moved away) and missing ones (as after a bulk insert).
    TaskGroupObjectPermission.objects.filter(content_object__activity=second).delete()
    ActivityGroupObjectPermission.objects.filter(content_object=first).delete()
    stale = TaskGroupObjectPermission.objects.filter(content_object__activity=first).first()
    TaskGroupObjectPermission.objects.create(
        content_object=stale.content_object,
        group=grants.unit_officer_group(factories.UnitFactory()),
        permission=stale.permission,
    )

    grants.grants_sync_many(activities=[first, second])

    assert all_rights() == expected
