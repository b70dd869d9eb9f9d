"""The home page's figures counted from the tracker are cached, and a write that changes them
(a report accepted) shows on the next visit."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tracker.core import roles
from tracker.models import Plan

pytestmark = pytest.mark.django_db


def _accepted_figure(client) -> str | None:
    page = client.get("/").content.decode()
    found = re.search(
        r'<span class="figure-value">([^<]*)</span> <span class="figure-label">progress reports accepted<', page
    )
    return found and found.group(1)


def test_a_newly_accepted_report_changes_the_home_figure_which_is_otherwise_cached(client, manager):
    unit = factories.CommuneCommitteeFactory()
    officer = factories.UserFactory(unit=unit, role=roles.UNIT_OFFICER)
    activity = factories.ActivityFactory(plan=factories.PlanFactory(status=Plan.Status.ISSUED), lead_unit=unit)
    first, second = (factories.TaskFactory(activity=activity, unit=unit) for _ in range(2))
    factories.accepted_report(first, officer=officer, manager=manager)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert _accepted_figure(client) == "1"
    with CaptureQueriesContext(connection) as visit:
        assert _accepted_figure(client) == "1"
    assert not [query for query in visit.captured_queries if "tracker_progressreport" in query["sql"]]

    factories.accepted_report(second, officer=officer, manager=manager)
    assert _accepted_figure(client) == "2"
