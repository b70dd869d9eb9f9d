"""Own error pages in Vietnamese in the site's style, each with a way back; 500 and 503 render
without the database (503 when the database is unreachable, with Retry-After). Before, the 500
page was Django's built-in English one. CONN_HEALTH_CHECKS replaces a dropped connection."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import translation

from tracker.config import errors


@pytest.mark.django_db
def test_an_unknown_address_answers_404_with_the_sites_page_in_vietnamese(client):
    response = client.get("/this-page-does-not-exist/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Không tìm thấy trang" in content and 'href="/tracker/"' in content
    assert "/static/css/app.css" in content


@pytest.mark.django_db
def test_a_forbidden_page_answers_403_with_the_sites_page(client, monitor):
    client.force_login(monitor)
    response = client.get("/tracker/official-reports/new/")
    assert response.status_code == 403
    assert "Bạn không được phép thực hiện việc này" in response.content.decode()


def failing_request(error: Exception):
    request = RequestFactory().get("/tracker/dashboard/")
    try:
        raise error
    except Exception:
        return errors.server_error(request)


def test_the_500_page_is_vietnamese_and_needs_no_database():
    # No django_db mark: any query would fail the test.
    with translation.override("vi"):
        response = failing_request(ValueError("a bug"))
    assert response.status_code == 500
    content = response.content.decode()
    assert "Đã có lỗi xảy ra ở phía hệ thống" in content and 'href="/tracker/"' in content
    assert "Server Error (500)" not in content


def test_the_database_being_unreachable_answers_503_without_the_database():
    with translation.override("vi"):
        response = failing_request(OperationalError("connection to server at 127.0.0.1 failed"))
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Hệ thống tạm thời không hoạt động" in response.content.decode()


def test_the_project_uses_its_own_500_handler():
    from tracker.config import urls

    assert urls.handler500 == "tracker.config.errors.server_error"


def test_dropped_database_connections_are_replaced_before_use():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
