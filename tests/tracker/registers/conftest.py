"""Fixtures the register tests share: a commune where unit A has a task, outputs of its
activity counted from a register, and pages in English for the tests that read labels.

A test module overrides `commune` (or `task_a`) where its story needs another place; the
fixtures here then use that one.
"""

from __future__ import annotations

import pytest
from django.conf import settings

from tests import factories
from tracker.models import Area, OutputIndicator


@pytest.fixture
def english(client):
    """Pages in English: `pytestmark = pytest.mark.usefixtures("english")` in a module."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def commune(db):
    district = factories.AreaFactory(name="Huyện Thử", level=Area.Level.DISTRICT, parent=factories.ProvinceFactory())
    return factories.AreaFactory(name="Xã Thử Một", parent=district)


@pytest.fixture
def task_a(unit_a, commune):
    return factories.TaskFactory(unit=unit_a, area=commune)


@pytest.fixture
def register_output(task_a):
    """Makes an output of task A's activity counted from a register (`register_output(measure)`)."""

    def make(measure):
        return factories.OutputIndicatorFactory(
            activity=task_a.activity, counted_from=OutputIndicator.CountedFrom.RECORDS, register_measure=measure
        )

    return make
