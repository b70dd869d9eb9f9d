"""No dead ends: every link of the top bar of every demo persona opens (no 403, no 404), and
someone whose only work is the campaign site lands in Wagtail's admin after logging in.

Before, the demo's editor and moderator (who belong to the DIC's unit) saw the registers, what
is due and the official reports in the menu, each answering 403, and landed on an empty
activity board."""

from __future__ import annotations

import re
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from tracker.demo.users import ADMIN, DEMO_USERS
from tracker.models import User

PERSONAS = [spec.username for spec in DEMO_USERS] + [ADMIN.username]
pytestmark = pytest.mark.xdist_group(__name__)  # one demo load: see the Makefile
HREF = re.compile(r'<a\b[^>]*\bhref="([^"#]+)"')


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield SimpleNamespace()
        transaction.set_rollback(True)


def header_links(html: str) -> list[str]:
    """The addresses the top bar links to (brand, menu, account), in order, each once."""
    header = html[html.index('<header class="topbar"') : html.index("</header>")]
    links = []
    for href in HREF.findall(header):
        if href.startswith("/") and href not in links:
            links.append(href)
    return links


@pytest.mark.django_db
@pytest.mark.parametrize("username", PERSONAS)
def test_no_link_of_a_personas_top_bar_answers_403_or_404(demo, client, username):
    client.force_login(User.objects.get(username=username))
    page = client.get(reverse("tracker:account"))
    assert page.status_code == 200
    links = header_links(page.content.decode())
    assert reverse("tracker:account") in links and "/" in links
    dead = []
    for href in links:
        response = client.get(href, follow=True)
        if response.status_code in (403, 404):
            dead.append(f"{href} → {response.status_code}")
    assert not dead, f"{username}: {dead}"


@pytest.mark.django_db
def test_the_cms_personas_menus_hold_no_tracker_work_pages(demo, client):
    for username in ("bientap", "kiemduyet"):
        client.force_login(User.objects.get(username=username))
        links = header_links(client.get(reverse("tracker:account")).content.decode())
        assert "/cms/" in links, username
        for name in ("tracker:board", "tracker:register_index", "tracker:due", "tracker:generated_report_list"):
            assert reverse(name) not in links, (username, name)


@pytest.mark.django_db
def test_a_cms_editor_lands_in_the_cms_after_logging_in(demo, client):
    editor = User.objects.get(username="bientap")
    editor.set_password("mật khẩu dài 123")
    editor.save()
    response = client.post(reverse("login"), {"username": "bientap", "password": "mật khẩu dài 123"}, follow=True)
    assert [url for url, _status in response.redirect_chain][-1] == "/cms/"
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username, landing",
    [("kiemduyet", "/cms/"), ("quanly", "/tracker/dashboard/"), ("canbo.xa", "/tracker/dashboard/")],
)
def test_the_tracker_home_sends_each_role_to_its_own_start(demo, client, username, landing):
    client.force_login(User.objects.get(username=username))
    response = client.get(reverse("tracker:home"))
    assert response.status_code == 302 and response["Location"] == landing
