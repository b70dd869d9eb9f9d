"""The CMS's own rights: editors create and edit their own drafts and submit them; moderators
approve, publish and unpublish; only a site administrator deletes or moves pages or changes
their privacy; an article that counts as a tracker output is deleted by nobody (unpublish)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from cms.models import ArticlePage
from tests import factories
from tests.cms.conftest import make_article
from tracker.core import roles
from tracker.models import OutputRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def bientap(db):
    return factories.UserFactory(username="bientap", role=roles.CMS_EDITOR)


@pytest.fixture
def site_admin(db):
    return factories.UserFactory(username="admin", is_superuser=True, is_staff=True)


def draft_of(user, campaign, **fields) -> ArticlePage:
    article = make_article(campaign, **fields)
    Page.objects.filter(pk=article.pk).update(owner=user)
    return ArticlePage.objects.get(pk=article.pk)


def refused(response) -> bool:
    """Wagtail's admin refuses with 403, or (for a page in the admin) a redirect to its home
    with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_bientap_cannot_delete_another_users_draft(client, bientap, moderator, campaign):
    draft = draft_of(moderator, campaign, title="Bản nháp của kiểm duyệt viên")
    client.force_login(bientap)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert refused(response)
    assert Page.objects.filter(pk=draft.pk).exists()


def test_editor_edits_and_submits_own_draft_but_not_anothers(client, bientap, moderator, campaign):
    own = draft_of(bientap, campaign, title="Bài của biên tập viên")
    other = draft_of(moderator, campaign, title="Bài của người khác")
    client.force_login(bientap)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[other.pk])))
    assert own.permissions_for_user(bientap).can_submit_for_moderation()
    # Not even their own draft is theirs to delete: they ask the site administrator.
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[own.pk])))
    assert Page.objects.filter(pk=own.pk).exists()


def test_moderator_cannot_delete_a_published_article_or_open_move_and_privacy(client, moderator, campaign, output):
    article = make_article(campaign, output=output, user=moderator)
    plain = make_article(campaign, title="Bài không tính vào chỉ tiêu", user=moderator)
    client.force_login(moderator)
    for page in (article, plain):
        assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
        assert refused(client.get(reverse("wagtailadmin_pages:move", args=[page.pk])))
        assert refused(client.get(reverse("wagtailadmin_pages:set_privacy", args=[page.pk])))
        assert refused(
            client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), {"restriction_type": "login"})
        )
        assert Page.objects.get(pk=page.pk).live
    assert not PageViewRestriction.objects.exists()
    assert OutputRecord.objects.filter(source=article.output_source).exists()
    # What moderators do: edit, and unpublish.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[plain.pk])).status_code == 200
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[plain.pk])).status_code == 302
    assert not Page.objects.get(pk=plain.pk).live


def test_site_admin_deletes_a_draft_but_not_a_counted_article_until_unpublished(
    client, site_admin, moderator, campaign, output
):
    draft = draft_of(moderator, campaign, title="Bản nháp bỏ đi")
    counted = make_article(campaign, output=output, user=moderator, title="Bài đang được tính")
    client.force_login(site_admin)
    assert client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])).status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()

    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[counted.pk])))
    assert Page.objects.filter(pk=counted.pk).exists()
    assert OutputRecord.objects.filter(source=counted.output_source).exists()
    # Nor with the campaign that holds it.
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[campaign.pk])))

    client.post(reverse("wagtailadmin_pages:unpublish", args=[counted.pk]))
    assert not OutputRecord.objects.filter(source=counted.output_source).exists()
    assert client.post(reverse("wagtailadmin_pages:delete", args=[counted.pk])).status_code == 302
    assert not Page.objects.filter(pk=counted.pk).exists()


def test_site_admin_moves_and_sets_privacy(client, site_admin, moderator, campaign):
    page = make_article(campaign, title="Bài cần chuyển", user=moderator)
    client.force_login(site_admin)
    assert client.get(reverse("wagtailadmin_pages:move", args=[page.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:set_privacy", args=[page.pk])).status_code == 200


def test_the_groups_page_permissions_after_the_data_migration():
    def codenames(role):
        return set(
            GroupPagePermission.objects.filter(group=Group.objects.get(name=role)).values_list(
                "permission__codename", flat=True
            )
        )

    assert codenames(roles.CMS_EDITOR) == {"add_page"}
    assert codenames(roles.CMS_MODERATOR) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
