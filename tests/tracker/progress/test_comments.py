"""Comment threads on tasks: who may post, what is refused, what is written and shown."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from tests import factories
from tracker.models import TaskComment
from tracker.progress import services
from tracker.progress.comments import comments_for_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """The language middleware leaves the request's language active in the thread: put the
    default back, so tests that run next in this worker read Vietnamese as they expect."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def task(unit_a):
    return factories.TaskFactory(unit=unit_a, activity=factories.ActivityFactory(lead_unit=factories.UnitFactory()))


def post(client, task, body="Đề nghị bổ sung ảnh.", **extra):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.post(reverse("tracker:task_comment", args=[task.pk]), {"body": body, **extra})


def test_officer_of_the_tasks_unit_can_comment(client, officer_a, task):
    client.force_login(officer_a)

    response = post(client, task)

    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:activity_detail", args=[task.activity_id]) + "#tasks"
    comment = TaskComment.objects.get()
    assert (comment.task, comment.author, comment.body) == (task, officer_a, "Đề nghị bổ sung ảnh.")
    assert comment.history.get().history_user == officer_a


def test_officer_of_a_cooperating_unit_can_comment(client, task):
    partner = factories.UnitFactory(name="Báo Lạng Sơn")
    factories.CooperationFactory(activity=task.activity, unit=partner)
    officer = factories.UserFactory(unit=partner, role="unit_officer")
    client.force_login(officer)

    assert post(client, task).status_code == 302
    assert TaskComment.objects.get().author == officer


def test_officer_of_another_unit_cannot_see_nor_comment(client, officer_b, task):
    client.force_login(officer_b)

    assert post(client, task).status_code == 404
    assert not TaskComment.objects.exists()
    assert not TaskComment.history.exists()


def test_monitor_reads_but_cannot_comment(client, monitor, task):
    client.force_login(monitor)

    assert post(client, task).status_code == 403
    assert not TaskComment.objects.exists()


def test_the_service_refuses_empty_too_long_and_unallowed(task, officer_a, finance):
    with pytest.raises(ValidationError):
        services.comment_post(task=task, author=officer_a, body="   ")
    with pytest.raises(ValidationError):
        services.comment_post(task=task, author=officer_a, body="x" * 5001)
    with pytest.raises(PermissionDenied):
        services.comment_post(task=task, author=finance, body="Ý kiến")
    assert services.comment_post(task=task, author=officer_a, body="x" * 5000).body == "x" * 5000
    assert TaskComment.objects.count() == 1


def test_an_empty_comment_is_refused_with_a_message(client, officer_a, task):
    client.force_login(officer_a)

    response = post(client, task, body="", next="/tracker/activities/")
    follow = client.get(response["Location"])

    assert not TaskComment.objects.exists()
    assert "Write a comment before posting it." in follow.content.decode()


def test_next_goes_back_to_a_page_of_this_site(client, officer_a, task):
    client.force_login(officer_a)

    response = post(client, task, next="/tracker/activities/?page=2")

    assert response["Location"] == "/tracker/activities/?page=2"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_next_to_another_site_is_refused(client, officer_a, task, target):
    client.force_login(officer_a)

    response = post(client, task, next=target)

    assert response["Location"] == reverse("tracker:activity_detail", args=[task.activity_id]) + "#tasks"


def test_the_thread_escapes_html_and_shows_author_unit_and_time(officer_a, task, monitor):
    officer_a.first_name, officer_a.last_name = "Thị Lan", "Trần"
    officer_a.save()
    services.comment_post(task=task, author=officer_a, body="<script>alert(1)</script>\nDòng hai")
    comments = comments_for_tasks([task.pk])[task.pk]
    request = RequestFactory().get("/tracker/tasks/1/")
    request.user = officer_a

    html = render_to_string(
        "tracker/progress/comments_thread.html",
        {"task": task, "comments": comments, "can_comment": True},
        request=request,
    )

    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;<br>Dòng hai" in html
    assert "Trần Thị Lan" in html and task.unit.name in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="next" value="/tracker/tasks/1/#comments-' in html
    read_only = render_to_string(
        "tracker/progress/comments_thread.html",
        {"task": task, "comments": comments, "can_comment": False},
        request=request,
    )
    assert "<form" not in read_only


def test_comments_for_tasks_is_one_query(task, officer_a, django_assert_num_queries):
    other = factories.TaskFactory(activity=task.activity, unit=officer_a.unit)
    for target in (task, other, task):
        services.comment_post(task=target, author=officer_a, body="Ý kiến")

    with django_assert_num_queries(1):
        threads = comments_for_tasks([task.pk, other.pk])
        names = [comment.author.unit.name for thread in threads.values() for comment in thread]

    assert [len(threads[task.pk]), len(threads[other.pk])] == [2, 1]
    assert names == [officer_a.unit.name] * 3
