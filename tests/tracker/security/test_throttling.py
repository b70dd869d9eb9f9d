"""django-axes behind the reverse proxy: it locks the user name together with the attacker's
own address (the one the trusted proxy saw), so an attacker elsewhere cannot lock out a manager."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.models import AuthEvent
from tracker.security.client_ip import client_ip

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
ATTACKER = "203.0.113.9"
MANAGER_DESK = "198.51.100.7"


@pytest.fixture
def behind_one_proxy(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1


def _post(client, *, password: str, forwarded_for: str):
    return client.post(
        reverse("login"),
        {"username": "quanly", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_attacker_locks_only_their_own_address_and_the_manager_still_logs_in(client, behind_one_proxy):
    manager = factories.UserFactory(username="quanly", role=roles.DIC_MANAGER, password="demo")
    for _ in range(3):
        _post(client, password="wrong", forwarded_for=ATTACKER)
    assert _post(client, password="wrong", forwarded_for=ATTACKER).status_code == 429
    # Even the right password from the attacker's address is refused while locked…
    assert _post(client, password="demo", forwarded_for=ATTACKER).status_code == 429
    # …but the manager, from their own desk through the same proxy, logs in.
    response = _post(client, password="demo", forwarded_for=MANAGER_DESK)
    assert response.status_code == 302
    failures = AuthEvent.objects.filter(kind=AuthEvent.Kind.LOGIN_FAILED, username="quanly")
    assert set(failures.values_list("ip_address", flat=True)) == {ATTACKER}
    assert failures.filter(user=manager).count() == 5  # 3, then 2 more while locked out
    assert AuthEvent.objects.filter(kind=AuthEvent.Kind.LOCKED_OUT, ip_address=ATTACKER).exists()
    assert AuthEvent.objects.get(kind=AuthEvent.Kind.LOGIN, user=manager).ip_address == MANAGER_DESK


def test_an_address_the_attacker_writes_into_the_header_is_not_believed(client, behind_one_proxy):
    factories.UserFactory(username="quanly", role=roles.DIC_MANAGER, password="demo")
    # The attacker sends "X-Forwarded-For: <the manager's address>"; the proxy appends theirs.
    for _ in range(4):
        _post(client, password="wrong", forwarded_for=f"{MANAGER_DESK}, {ATTACKER}")
    assert _post(client, password="demo", forwarded_for=MANAGER_DESK).status_code == 302


@pytest.mark.parametrize(
    "count, remote, forwarded, expected",
    [
        (0, "10.0.0.2", "198.51.100.7", "10.0.0.2"),  # no proxy configured: the header is ignored
        (1, "10.0.0.2", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        (2, "10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (1, "10.0.0.2", "", "10.0.0.2"),  # not through the proxy
        (1, "10.0.0.2", "not-an-address", "10.0.0.2"),
        (1, "10.0.0.2", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_is_counted_from_the_right(settings, count, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
