"""Object rights follow assignments: granted by the services, revoked when work moves away."""

import pytest

from tests import factories
from tracker.core import permissions, roles
from tracker.documents import services as document_services
from tracker.models import ActivityGroupObjectPermission, Task, TaskGroupObjectPermission
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
