"""Limits before work: an over-large request body is refused before anything reads it, with
more room for signed-in users on the upload pages; an over-large file is refused before it is
stored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.tracker.progress.test_progress import png, report_url, world  # noqa: F401
from tracker.models import Evidence

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path


def test_an_anonymous_over_large_body_is_refused_before_it_is_read(client):
    # 150 MB declared, nothing sent: the answer comes without reading the body.
    response = client.post(
        reverse("login"), data=b"x", content_type="application/octet-stream", CONTENT_LENGTH=str(150 * MB)
    )
    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()
    assert response["Connection"] == "close"


def test_an_ordinary_form_is_not_limited(client):
    assert client.post(reverse("login"), {"username": "x", "password": "y"}).status_code == 200


def test_upload_pages_allow_more_to_signed_in_users_only(client, world, officer_a, settings):  # noqa: F811
    settings.REQUEST_MAX_BODY_BYTES = 1 * MB  # the middleware reads the limits at each request
    body = b"x" * (2 * MB)
    url = report_url(world.task)
    anonymous = client.post(url, data=body, content_type="application/octet-stream")
    assert anonymous.status_code == 413
    client.force_login(officer_a)
    # Signed in, the report page takes it (and says what is wrong with the form instead).
    assert client.post(url, data=body, content_type="application/octet-stream").status_code != 413
    # Not on any other page.
    other = client.post(reverse("tracker:preferences"), data=body, content_type="application/octet-stream")
    assert other.status_code == 413


def test_an_over_large_file_is_refused_before_it_is_stored(client, world, officer_a, settings, folders):  # noqa: F811
    settings.EVIDENCE_MAX_BYTES = 50
    client.force_login(officer_a)
    client.cookies["django_language"] = "en"
    response = client.post(
        report_url(world.task), {"percent_complete": "30", "evidence": [png("big.png")], "action": "save"}
    )
    assert response.status_code == 200
    assert "is too large" in response.content.decode()
    assert not Evidence.objects.exists()
    assert not (folders / "private").exists() or not any((folders / "private").rglob("*.png"))
