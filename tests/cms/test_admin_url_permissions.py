"""The URL permission walk over Wagtail's admin (/cms/): every persona, a moderator and the
site administrator included, against a table of expected answers, for the page list, edit,
delete, move, privacy and unpublish pages, images, documents, workflows and the admin's
settings. (tests/test_url_permissions.py walks the project's own URLs and leaves /cms/ to
this table.) A refused POST leaves the page tree as it was."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from tests import factories
from tests.cms.conftest import make_article
from tracker.core import roles

pytestmark = pytest.mark.django_db

LOGIN, DENIED, MOVED = "login", "denied", "302"
PERSONAS = ("anonymous", "officer_a", "finance", "monitor", "manager", "editor", "moderator", "site_admin")
# The tracker's roles have no access to Wagtail's admin: its login page, as for anonymous.
OUTSIDERS = {"anonymous": LOGIN, "officer_a": LOGIN, "finance": LOGIN, "monitor": LOGIN, "manager": LOGIN}


def row(editor, moderator, site_admin):
    return {**OUTSIDERS, "editor": editor, "moderator": moderator, "site_admin": site_admin}


# (name, method, path built from the world, expected answers)
TABLE = [
    ("admin home", "GET", lambda w: reverse("wagtailadmin_home"), row(200, 200, 200)),
    # The root of the page list sends editors and moderators on to the part of the tree they work in.
    ("page list (root)", "GET", lambda w: reverse("wagtailadmin_explore_root"), row(MOVED, MOVED, 200)),
    (
        "page list (campaign)",
        "GET",
        lambda w: reverse("wagtailadmin_explore", args=[w.campaign.pk]),
        row(200, 200, 200),
    ),
    (
        "edit own draft",
        "GET",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w.editors_draft.pk]),
        row(200, 200, 200),
    ),
    (
        "edit another's draft",
        "GET",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w.moderators_draft.pk]),
        row(DENIED, 200, 200),
    ),
    (
        "delete a draft (page)",
        "GET",
        lambda w: reverse("wagtailadmin_pages:delete", args=[w.moderators_draft.pk]),
        row(DENIED, DENIED, 200),
    ),
    (
        "delete another's draft",
        "POST",
        lambda w: reverse("wagtailadmin_pages:delete", args=[w.moderators_draft.pk]),
        row(DENIED, DENIED, MOVED),
    ),
    (
        "delete own draft",
        "POST",
        lambda w: reverse("wagtailadmin_pages:delete", args=[w.editors_draft.pk]),
        row(DENIED, DENIED, MOVED),
    ),
    (
        "delete a published article",
        "POST",
        lambda w: reverse("wagtailadmin_pages:delete", args=[w.published.pk]),
        row(DENIED, DENIED, MOVED),
    ),
    (
        "delete a counted article",
        "POST",
        lambda w: reverse("wagtailadmin_pages:delete", args=[w.counted.pk]),
        row(DENIED, DENIED, DENIED),
    ),
    ("move", "GET", lambda w: reverse("wagtailadmin_pages:move", args=[w.published.pk]), row(DENIED, DENIED, 200)),
    (
        "move (confirm)",
        "POST",
        lambda w: reverse("wagtailadmin_pages:move_confirm", args=[w.published.pk, w.other_campaign.pk]),
        row(DENIED, DENIED, MOVED),
    ),
    (
        "privacy",
        "GET",
        lambda w: reverse("wagtailadmin_pages:set_privacy", args=[w.published.pk]),
        row(DENIED, DENIED, 200),
    ),
    (
        "unpublish (page)",
        "GET",
        lambda w: reverse("wagtailadmin_pages:unpublish", args=[w.published.pk]),
        row(DENIED, 200, 200),
    ),
    ("images", "GET", lambda w: reverse("wagtailimages:index"), row(200, 200, 200)),
    ("documents", "GET", lambda w: reverse("wagtaildocs:index"), row(200, 200, 200)),
    ("workflows", "GET", lambda w: reverse("wagtailadmin_workflows:index"), row(DENIED, DENIED, 200)),
    ("workflow tasks", "GET", lambda w: reverse("wagtailadmin_workflows:task_index"), row(DENIED, DENIED, 200)),
    ("users", "GET", lambda w: reverse("wagtailusers_users:index"), row(DENIED, DENIED, 200)),
    ("groups", "GET", lambda w: reverse("wagtailusers_groups:index"), row(DENIED, DENIED, 200)),
    ("sites", "GET", lambda w: reverse("wagtailsites:index"), row(DENIED, DENIED, 200)),
]


class World:
    pass


@pytest.fixture
def world(campaign, campaign_index, output, moderator):
    import datetime

    from cms.models import CampaignPage

    w = World()
    w.users = {
        "officer_a": factories.UserFactory(
            username="officer_a", unit=factories.CommuneCommitteeFactory(), role=roles.UNIT_OFFICER
        ),
        "finance": factories.UserFactory(username="finance", role=roles.FINANCE_OFFICER),
        "monitor": factories.UserFactory(username="monitor", role=roles.MONITOR),
        "manager": factories.UserFactory(username="manager", role=roles.DIC_MANAGER),
        "editor": factories.UserFactory(username="editor", role=roles.CMS_EDITOR),
        "moderator": moderator,
        "site_admin": factories.UserFactory(username="admin", is_superuser=True, is_staff=True),
    }
    w.campaign = campaign
    w.other_campaign = CampaignPage(
        title="Chiến dịch khác",
        slug="chien-dich-khac",
        summary="Một chiến dịch khác.",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    campaign_index.add_child(instance=w.other_campaign)
    w.editors_draft = make_article(campaign, title="Bản nháp của biên tập viên")
    w.moderators_draft = make_article(campaign, title="Bản nháp của kiểm duyệt viên")
    Page.objects.filter(pk=w.editors_draft.pk).update(owner=w.users["editor"])
    Page.objects.filter(pk=w.moderators_draft.pk).update(owner=moderator)
    w.published = make_article(campaign, title="Bài đã đăng", user=moderator)
    w.counted = make_article(campaign, title="Bài được tính", output=output, user=moderator)
    return w


def answer_of(response) -> int | str:
    location = response.get("Location", "").split("?")[0] if response.status_code == 302 else ""
    if location == resolve_url(settings.LOGIN_URL) or location == reverse("wagtailadmin_login"):
        return LOGIN
    if response.status_code == 403 or location == reverse("wagtailadmin_home"):
        return DENIED
    return MOVED if response.status_code == 302 else response.status_code


def test_every_persona_has_an_answer_for_every_admin_url():
    for name, _method, _path, expected in TABLE:
        assert set(expected) == set(PERSONAS), name


@pytest.mark.parametrize("name, method, path, expected", TABLE, ids=[entry[0] for entry in TABLE])
def test_wagtail_admin_url_answers_every_persona_as_the_table_says(name, method, path, expected, world, client):
    failures = []
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(world.users[persona])
        url = path(world)
        pages_before = (
            Page.objects.count(),
            PageViewRestriction.objects.count(),
            list(Page.objects.values_list("pk", "path", "live").order_by("pk")),
        )
        response = client.post(url, {}) if method == "POST" else client.get(url)
        actual = answer_of(response)
        if actual != expected[persona]:
            failures.append(f"{method} {url} as {persona}: expected {expected[persona]}, got {actual}")
        if method == "POST" and expected[persona] in (LOGIN, DENIED):
            after = (
                Page.objects.count(),
                PageViewRestriction.objects.count(),
                list(Page.objects.values_list("pk", "path", "live").order_by("pk")),
            )
            if after != pages_before:
                failures.append(f"{method} {url} as {persona} was refused but changed the page tree")
        if method == "POST" and actual == MOVED:
            break  # the site administrator (last) did it: nothing left to ask
    assert not failures, "\n".join(failures)
