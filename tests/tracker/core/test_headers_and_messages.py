"""Headers and small things: Permissions-Policy on every response, Swagger UI served from the
installed package under the CSP, the framework's messages in Vietnamese, and length limits on
free text."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests import factories
from tracker.core import roles
from tracker.models import LegalDocument, ProgressReport
from tracker.models.fields import LONG_TEXT_MAX_LENGTH

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/tracker/dashboard/", "/api/v1/plans/", "/nowhere/"])
def test_every_response_carries_permissions_policy(client, path):
    response = client.get(path)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_api_docs_use_only_self_hosted_assets_and_no_inline_script_or_style(client, manager):
    client.force_login(manager)
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/") and not url.startswith("//") for url in assets), assets
    assert any("swagger-ui-dist" in url for url in assets)
    assert "<style" not in html
    assert re.search(r"<script>(?!</script>)", html) is None  # no inline script
    # The start-up script is served by the view itself, and the assets by our static files.
    script = next(url for url in assets if "script=" in url or url.endswith(".js") and "dist" not in url)
    assert client.get(script).status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_null_characters_are_refused_in_vietnamese():
    class Probe(forms.Form):
        text = forms.CharField()

    with translation.override("vi"):
        assert Probe({"text": "a\x00"}).errors["text"] == ["Không được chứa ký tự rỗng (NUL)."]


def test_the_api_says_csrf_failed_in_vietnamese(manager):
    api = Client(enforce_csrf_checks=True)
    api.force_login(manager)
    report_url = "/api/v1/progress-reports/"
    response = api.post(report_url, {}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert "mã bảo mật (CSRF) bị thiếu hoặc sai" in response.json()["detail"]


def test_free_text_is_limited_in_the_model_and_the_form(client, settings):
    from django.core.exceptions import ValidationError

    document = LegalDocument(title="x" * 100_001)
    with pytest.raises(ValidationError) as refused:
        document.full_clean()
    assert "title" in refused.value.message_dict
    assert ProgressReport._meta.get_field("narrative").max_length == LONG_TEXT_MAX_LENGTH


def test_a_progress_report_with_100000_characters_is_refused_by_the_form(client):
    from tests.tracker.progress.test_progress import report_url

    unit = factories.UnitFactory()
    officer = factories.UserFactory(unit=unit, role=roles.UNIT_OFFICER)
    task = factories.TaskFactory(unit=unit, area=unit.area)
    client.force_login(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    response = client.post(report_url(task), {"percent_complete": "10", "narrative": "x" * 100_000, "action": "save"})
    assert response.status_code == 200
    assert not ProgressReport.objects.exists()
    assert "20000" in response.content.decode().replace(".", "")
