"""Personas as fixtures: the people who use the tracker, each with their own rights."""

import pytest
from django.test import Client
from django.utils import translation

from tests import factories, mfa
from tracker.core import roles


@pytest.fixture(autouse=True, scope="session")
def _force_login_gives_the_second_factor():
    """`client.force_login(user)` verifies the session with a real device for the users whose
    login owes a second factor (tests/mfa.py); `second_factor=False` leaves it owed."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "force_login", mfa.force_login)
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the local-memory cache outlives a test's rolled-
    back data: a figure cached by one test must not be read by the next)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def unit_a(db):
    return factories.CommuneCommitteeFactory(name="UBND xã A")


@pytest.fixture
def unit_b(db):
    return factories.CommuneCommitteeFactory(name="UBND xã B")


@pytest.fixture
def manager(db):
    return factories.UserFactory(username="manager", role=roles.DIC_MANAGER)


@pytest.fixture
def officer_a(unit_a):
    return factories.UserFactory(username="officer_a", unit=unit_a, role=roles.UNIT_OFFICER)


@pytest.fixture
def officer_b(unit_b):
    return factories.UserFactory(username="officer_b", unit=unit_b, role=roles.UNIT_OFFICER)


@pytest.fixture
def finance(db):
    return factories.UserFactory(username="finance", role=roles.FINANCE_OFFICER)


@pytest.fixture
def monitor(db):
    return factories.UserFactory(username="monitor", role=roles.MONITOR)


@pytest.fixture
def editor(db):
    return factories.UserFactory(username="editor", role=roles.CMS_EDITOR)


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def officer_a_client(client, officer_a):
    client.force_login(officer_a)
    return client


@pytest.fixture(autouse=True)
def _language_reset():
    """The language middleware leaves the last request's language active in the test thread;
    put the default (Vietnamese) back so one test's English cannot leak into the next."""
    yield
    translation.deactivate()
