"""/api/v1/progress-reports/: the workflow through the API, with the pages' rules."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from rest_framework.test import APIClient

from tests import factories
from tracker.core import roles
from tracker.models import Evidence, ProgressReport

pytestmark = pytest.mark.django_db
URL = "/api/v1/progress-reports/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(unit_a):
    activity = factories.ActivityFactory()
    output = factories.OutputIndicatorFactory(activity=activity, planned_quantity=10)
    task = factories.TaskFactory(activity=activity, unit=unit_a)
    period = factories.whole_period(task)
    return type("World", (), locals())


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def body(world, **extra):
    return {
        "task": world.task.pk,
        "period_start": world.period.start.isoformat(),
        "period_end": world.period.end.isoformat(),
        "percent_complete": 40,
        "narrative": "Đã lắp 4 cụm loa",
        "quantities": [{"output_indicator": world.output.pk, "quantity": 4}],
        **extra,
    }


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return SimpleUploadedFile("anh.jpg", buffer.getvalue())


def test_officer_drafts_attaches_submits_and_manager_returns_then_accepts(world, officer_a, manager):
    officer = api(officer_a)
    response = officer.post(URL, body(world), format="json")
    assert response.status_code == 201, response.data
    report_id = response.data["id"]
    assert (response.data["status"], response.data["quantities"]) == (
        "draft",
        [{"output_indicator": world.output.pk, "quantity": 4}],
    )
    response = officer.patch(f"{URL}{report_id}/", {"percent_complete": 60}, format="json")
    assert (response.status_code, response.data["percent_complete"], len(response.data["quantities"])) == (200, 60, 1)
    response = officer.post(f"{URL}{report_id}/evidence/", {"files": [png()]}, format="multipart")
    assert response.status_code == 201, response.data
    assert response.data["evidence"][0]["content_type"] == "image/png"
    assert officer.post(f"{URL}{report_id}/submit/").data["status"] == "submitted"
    assert officer.post(f"{URL}{report_id}/accept/").status_code == 403

    reviewer = api(manager)
    response = reviewer.post(f"{URL}{report_id}/return/", {}, format="json")
    assert response.status_code == 400 and "reason" in response.data
    response = reviewer.post(f"{URL}{report_id}/return/", {"reason": "Thiếu ảnh"}, format="json")
    assert (response.data["status"], response.data["return_reason"]) == ("returned", "Thiếu ảnh")
    officer.post(f"{URL}{report_id}/submit/")
    assert reviewer.post(f"{URL}{report_id}/accept/").data["status"] == "accepted"
    response = officer.patch(f"{URL}{report_id}/", {"percent_complete": 70}, format="json")
    assert response.status_code == 400
    response = officer.post(f"{URL}{report_id}/correct/")
    assert (response.status_code, response.data["revises"], response.data["status"]) == (201, report_id, "draft")
    report = ProgressReport.objects.get(pk=report_id)
    assert [h.history_user.username for h in report.history.order_by("history_id")] == [
        "officer_a",
        "officer_a",
        "officer_a",
        "manager",
        "officer_a",
        "manager",
    ]


def test_bad_input_answers_400_with_field_errors(world, officer_a):
    officer = api(officer_a)
    response = officer.post(URL, body(world, percent_complete=120), format="json")
    assert response.status_code == 400 and "percent_complete" in response.data
    response = officer.post(
        URL, body(world, quantities=[{"output_indicator": world.output.pk, "quantity": -1}]), format="json"
    )
    assert response.status_code == 400 and "quantities" in response.data
    other = factories.OutputIndicatorFactory()
    response = officer.post(URL, body(world, quantities=[{"output_indicator": other.pk, "quantity": 1}]), format="json")
    assert response.status_code == 400 and "quantities" in response.data
    response = officer.post(URL, body(world, period_start="2001-01-01"), format="json")
    assert response.status_code == 400 and "non_field_errors" in response.data
    assert not ProgressReport.objects.exists()


def test_bad_file_is_refused_and_nothing_attached(world, officer_a):
    officer = api(officer_a)
    report_id = officer.post(URL, body(world), format="json").data["id"]
    files = [png(), SimpleUploadedFile("photo.jpg", b"MZ" + b"\x00" * 300)]
    response = officer.post(f"{URL}{report_id}/evidence/", {"files": files}, format="multipart")
    assert response.status_code == 400
    assert "photo.jpg" in str(response.data["evidence"])
    assert not Evidence.objects.exists()


def test_other_units_and_cooperating_units_cannot_report(world, officer_a, officer_b, unit_b):
    response = api(officer_b).post(URL, body(world), format="json")
    assert response.status_code == 400 and "task" in response.data  # a task they cannot see
    report_id = api(officer_a).post(URL, body(world), format="json").data["id"]
    assert api(officer_b).get(f"{URL}{report_id}/").status_code == 404
    assert api(officer_b).post(f"{URL}{report_id}/submit/").status_code == 404
    cooperating = factories.UnitFactory()
    factories.CooperationFactory(activity=world.activity, unit=cooperating)
    officer_c = factories.UserFactory(unit=cooperating, role=roles.UNIT_OFFICER)
    assert api(officer_c).get(f"{URL}{report_id}/").status_code == 200
    assert api(officer_c).post(f"{URL}{report_id}/submit/").status_code == 403
    assert api(officer_c).post(URL, body(world), format="json").status_code == 403
    assert ProgressReport.objects.get().status == "draft"


def test_list_holds_only_visible_reports(world, officer_a, officer_b, monitor, unit_b):
    api(officer_a).post(URL, body(world), format="json")
    task_b = factories.TaskFactory(unit=unit_b)
    period_b = factories.whole_period(task_b)
    api(officer_b).post(
        URL,
        {"task": task_b.pk, "period_start": period_b.start, "period_end": period_b.end, "percent_complete": 5},
        format="json",
    )
    assert api(officer_a).get(URL).data["count"] == 1
    assert api(monitor).get(URL).data["count"] == 2
    assert APIClient().get(URL).status_code in (401, 403)


def _count_queries(queries) -> int:
    return sum("COUNT(" in query["sql"] for query in queries.captured_queries)


def test_a_reader_of_every_provinces_count_is_kept_and_a_written_report_shows_up(world, officer_a, officer_b, unit_b):
    """The count of every report of the country is read once per change of the reports (each
    filter its own); a report written, submitted or returned through the services shows up at
    once. A province's manager and a unit officer are counted each time."""
    national = api(factories.UserFactory(username="giamsat", role=roles.NATIONAL_MONITOR))
    officer = api(officer_a)
    assert national.get(URL).data["count"] == 0
    with CaptureQueriesContext(connection) as queries:
        assert national.get(URL).data["count"] == 0
    assert _count_queries(queries) == 0  # read from the cache
    report_id = officer.post(URL, body(world), format="json").data["id"]
    assert national.get(URL).data["count"] == 1
    assert national.get(URL, {"status": "submitted"}).data["count"] == 0
    officer.post(f"{URL}{report_id}/submit/")
    assert national.get(URL, {"status": "submitted"}).data["count"] == 1
    assert national.get(URL, {"status": "draft"}).data["count"] == 0
    task_b = factories.TaskFactory(unit=unit_b)
    period_b = factories.whole_period(task_b)
    api(officer_b).post(
        URL, {"task": task_b.pk, "period_start": period_b.start, "period_end": period_b.end, "percent_complete": 5}
    )
    assert national.get(URL).data["count"] == 2
    assert national.get(URL, {"task": task_b.pk}).data["count"] == 1
    with CaptureQueriesContext(connection) as queries:
        assert officer.get(URL).data["count"] == 1  # their own unit's, counted
    assert _count_queries(queries) == 1
