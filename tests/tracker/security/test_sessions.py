"""Sessions end after the idle timeout and after their lifetime; the settings parse strictly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tracker.models import AuthEvent
from tracker.security import sessions

pytestmark = pytest.mark.django_db

DASHBOARD = "/tracker/dashboard/"


def _age(client, *, idle_seconds: int = 0, since_login_seconds: int = 0) -> None:
    session = client.session
    now = sessions.now()
    session[sessions.SEEN_AT] = now - idle_seconds
    session[sessions.AUTH_AT] = now - max(since_login_seconds, idle_seconds)
    session.save()


def test_defaults_are_thirty_idle_minutes_and_ten_hours():
    assert django_settings.SESSION_IDLE_TIMEOUT_MINUTES == 30
    assert django_settings.SESSION_MAX_AGE_HOURS == 10
    assert django_settings.SESSION_COOKIE_AGE == 10 * 3600


def test_a_session_idle_past_the_timeout_is_ended_and_logged(client, manager):
    client.force_login(manager)
    _age(client, idle_seconds=29 * 60)
    assert client.get(DASHBOARD).status_code == 200
    _age(client, idle_seconds=31 * 60)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert client.get(DASHBOARD)["Location"].startswith(reverse("login"))  # really logged out
    event = AuthEvent.objects.get(user=manager, kind=AuthEvent.Kind.SESSION_EXPIRED)
    assert event.detail == "idle"


def test_a_used_session_still_ends_after_its_lifetime(client, manager, settings):
    settings.SESSION_MAX_AGE_HOURS = 2
    client.force_login(manager)
    _age(client, idle_seconds=60, since_login_seconds=2 * 3600 + 5)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("login"))
    assert AuthEvent.objects.get(user=manager, kind=AuthEvent.Kind.SESSION_EXPIRED).detail == "lifetime"


def test_the_idle_timeout_is_configurable(client, officer_a, settings):
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 5
    client.force_login(officer_a)
    _age(client, idle_seconds=6 * 60)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("login"))


def test_an_ordinary_request_does_not_write_the_session(client, officer_a, django_assert_max_num_queries):
    client.force_login(officer_a)
    key = client.session.session_key
    before = client.session[sessions.SEEN_AT]
    client.get(DASHBOARD)
    assert client.session.session_key == key
    assert client.session[sessions.SEEN_AT] == before  # stamped at most once a minute


def test_using_the_session_keeps_it_alive(client, officer_a):
    client.force_login(officer_a)
    _age(client, idle_seconds=20 * 60)
    client.get(DASHBOARD)
    assert sessions.now() - client.session[sessions.SEEN_AT] < 5


@pytest.mark.parametrize(
    "variable, value",
    [("SESSION_IDLE_TIMEOUT_MINUTES", "thirty"), ("SESSION_IDLE_TIMEOUT_MINUTES", "0"), ("TRUSTED_PROXY_COUNT", "-1")],
)
def test_session_and_proxy_settings_refuse_nonsense(variable, value):
    env = {**os.environ, "DEBUG": "1", variable: value}
    result = subprocess.run(
        [sys.executable, "-c", "import tracker.config.settings"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert variable in result.stderr
