"""The security log the DIC reads: what is recorded, who may read it, and its query count."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.models import AuthEvent
from tracker.security import services

pytestmark = pytest.mark.django_db

LOG = "/accounts/security-log/"


def test_login_logout_and_failed_login_are_recorded(client, unit_a):
    officer = factories.UserFactory(username="canbo", unit=unit_a, role=roles.UNIT_OFFICER, password="demo")
    client.post(reverse("login"), {"username": "canbo", "password": "nope"}, HTTP_USER_AGENT="Firefox")
    client.post(reverse("login"), {"username": "nobody", "password": "nope"})
    client.post(reverse("login"), {"username": "canbo", "password": "demo"})
    client.post(reverse("logout"))
    rows = list(AuthEvent.objects.order_by("pk").values_list("kind", "username", "user"))
    assert rows[-4:] == [
        (AuthEvent.Kind.LOGIN_FAILED, "canbo", officer.pk),
        (AuthEvent.Kind.LOGIN_FAILED, "nobody", None),
        (AuthEvent.Kind.LOGIN, "canbo", officer.pk),
        (AuthEvent.Kind.LOGOUT, "canbo", officer.pk),
    ]
    assert AuthEvent.objects.filter(kind=AuthEvent.Kind.LOGIN_FAILED, username="canbo").get().user_agent == "Firefox"


def test_role_changes_are_recorded_with_who_made_them(client, manager, officer_a):
    target = factories.UserFactory(username="target")
    target.groups.add(Group.objects.get(name=roles.FINANCE_OFFICER))
    event = AuthEvent.objects.filter(user=target, kind=AuthEvent.Kind.ROLES_CHANGED).latest("pk")
    assert event.detail == f"+{roles.FINANCE_OFFICER}"
    target.groups.remove(Group.objects.get(name=roles.FINANCE_OFFICER))
    assert AuthEvent.objects.filter(user=target, kind=AuthEvent.Kind.ROLES_CHANGED).latest("pk").detail == (
        f"-{roles.FINANCE_OFFICER}"
    )


def test_role_change_through_the_admin_names_the_actor(client, db):
    root = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    target = factories.UserFactory(username="target")
    client.force_login(root)
    group = Group.objects.get(name=roles.DIC_MANAGER)
    response = client.post(
        reverse("admin:tracker_user_change", args=[target.pk]),
        {
            "username": "target",
            "groups": [group.pk],
            "is_active": "on",
            "date_joined_0": "01/01/2026",
            "date_joined_1": "08:00:00",
            "wants_digest": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    event = AuthEvent.objects.filter(user=target, kind=AuthEvent.Kind.ROLES_CHANGED).latest("pk")
    assert event.actor == root


def test_only_dic_managers_read_the_log(client, manager, officer_a, finance, monitor, editor):
    for user in (officer_a, finance, monitor, editor):
        client.force_login(user)
        assert client.get(LOG).status_code == 403
        client.logout()
    client.force_login(manager)
    response = client.get(LOG)
    assert response.status_code == 200
    assert "officer_a" in response.content.decode()


def test_the_log_filters_by_event_and_user_name(client, manager):
    services.auth_event_record(kind=AuthEvent.Kind.LOGIN_FAILED, username="ke-la")
    client.force_login(manager)
    page = client.get(LOG, {"kind": AuthEvent.Kind.LOGIN_FAILED, "username": "KE-LA"}).context["page"]
    assert [event.username for event in page] == ["ke-la"]


def _events(count: int) -> None:
    users = [factories.UserFactory() for _ in range(3)]
    AuthEvent.objects.bulk_create(
        AuthEvent(kind=AuthEvent.Kind.ROLES_CHANGED, user=users[n % 3], actor=users[(n + 1) % 3], username="u")
        for n in range(count)
    )


def test_the_log_is_paginated_with_a_constant_query_count(client, manager, django_assert_max_num_queries):
    client.force_login(manager)
    _events(5)
    with django_assert_max_num_queries(9) as small:
        assert client.get(LOG).status_code == 200
    _events(120)
    with django_assert_max_num_queries(9) as large:
        response = client.get(LOG, {"page": 2})
    assert len(large.captured_queries) == len(small.captured_queries)
    assert response.context["page"].number == 2 and len(response.context["page"]) == 50
