"""The page tree's grammar: one home page at the root with one campaign list, one library and
one progress page under it; campaigns only in the campaign list; articles only in campaigns."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from cms.models import (
    ArticlePage,
    CampaignIndexPage,
    CampaignPage,
    DocumentLibraryPage,
    HomePage,
    ProgressPage,
)

pytestmark = pytest.mark.django_db


def test_the_migration_builds_the_site_with_its_sections(home):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == home
    assert [type(page.specific) for page in home.get_children()] == [
        CampaignIndexPage,
        DocumentLibraryPage,
        ProgressPage,
    ]
    assert all(page.live and page.show_in_menus for page in home.get_children())
    # Wagtail's placeholder "Welcome" page is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HomePage, Page, True),
        (CampaignIndexPage, HomePage, True),
        (DocumentLibraryPage, HomePage, True),
        (ProgressPage, HomePage, True),
        (CampaignPage, CampaignIndexPage, True),
        (ArticlePage, CampaignPage, True),
        (CampaignPage, HomePage, False),
        (ArticlePage, HomePage, False),
        (ArticlePage, CampaignIndexPage, False),
        (ArticlePage, ArticlePage, False),
        (CampaignIndexPage, CampaignPage, False),
        (HomePage, HomePage, False),
    ],
)
def test_which_page_may_live_under_which(child, parent, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_home_library_progress_and_campaign_list_exist_once(home, campaign_index):
    root = Page.objects.get(depth=1)
    assert not HomePage.can_create_at(root)
    assert not CampaignIndexPage.can_create_at(home)
    assert not DocumentLibraryPage.can_create_at(home)
    assert not ProgressPage.can_create_at(home)
    assert CampaignPage.can_create_at(campaign_index)


def test_a_campaign_cannot_end_before_it_starts(campaign_index):
    import datetime

    page = CampaignPage(
        title="Sai thời gian",
        slug="sai",
        summary="…",
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2024, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        campaign_index.add_child(instance=page)
    assert "period_end" in error.value.message_dict


def test_an_editor_is_offered_only_the_page_types_the_tree_allows(client, editor, campaign):
    client.force_login(editor)
    # Under a campaign only an article can be added: Wagtail goes straight to its form.
    response = client.get(f"/cms/pages/{campaign.pk}/add_subpage/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/cms/pages/add/cms/articlepage/{campaign.pk}/")
