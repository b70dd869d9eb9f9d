"""Who may do what in Wagtail's admin, as the data migration sets it up: an editor drafts and
submits, a moderator approves and publishes; unit officers and the other tracker roles cannot
reach the admin; editors get no right on tracker data."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ArticlePage
from tests import factories
from tests.cms.conftest import make_article
from tracker.core import roles
from tracker.models import OutputRecord

pytestmark = pytest.mark.django_db


def article_form(output, **overrides) -> dict:
    """What the article editor posts (Wagtail's own form-data helpers build the stream)."""
    data = {
        "title": "Điện thoại thông minh cho hộ nghèo",
        "slug": "dien-thoai-thong-minh-cho-ho-ngheo",
        "kind": "news",
        "summary": "Hộ nghèo được hỗ trợ điện thoại thông minh.",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết về điện thoại thông minh.</p>"))]),
        "author": "",
        "lead_image_alt": "",
        "tags": "điện thoại thông minh",
        "language": "vi",
        "activity": output.activity_id,
        "output_indicator": output.pk,
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_and_moderator_reach_the_admin_officers_and_others_do_not(client, editor, moderator, officer_a, manager):
    for user, expected in [(editor, 200), (moderator, 200), (officer_a, 302), (manager, 302)]:
        client.force_login(user)
        response = client.get("/cms/")
        assert response.status_code == expected, user
        if expected == 302:
            assert response["Location"].startswith(reverse("login"))
    client.logout()
    assert client.get("/cms/")["Location"].startswith(reverse("login"))


def test_only_the_cms_roles_hold_wagtail_admin_access():
    from django.contrib.auth.models import Group

    holders = set(Group.objects.filter(permissions__codename="access_admin").values_list("name", flat=True))
    assert holders == {roles.CMS_EDITOR, roles.CMS_MODERATOR}
    # Wagtail's own default groups are retired: nobody gets in by being put in "Editors".
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_editor_may_edit_but_not_publish_moderator_may_publish(campaign, editor, moderator, officer_a):
    assert campaign.permissions_for_user(editor).can_add_subpage()
    # Editors edit the pages they created (tests/cms/test_cms_rights.py), not the moderator's.
    assert not campaign.permissions_for_user(editor).can_edit()
    assert campaign.permissions_for_user(moderator).can_edit()
    assert not campaign.permissions_for_user(editor).can_publish()
    assert not campaign.permissions_for_user(editor).can_unpublish()
    assert campaign.permissions_for_user(moderator).can_publish()
    assert campaign.permissions_for_user(moderator).can_unpublish()
    assert not campaign.permissions_for_user(officer_a).can_edit()


def test_editors_have_no_right_on_tracker_data(editor):
    assert not [perm for perm in editor.get_all_permissions() if perm.startswith("tracker.")]


def test_an_editors_publish_request_does_not_publish(client, editor, campaign, output):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["cms", "articlepage", campaign.pk]),
        article_form(output, **{"action-publish": "Publish"}),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="dien-thoai-thong-minh-cho-ho-ngheo")
    assert not article.live
    assert not OutputRecord.objects.exists()


def test_editor_submits_and_moderator_approves_which_publishes_and_counts(client, editor, moderator, campaign, output):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["cms", "articlepage", campaign.pk]),
        article_form(output, **{"action-submit": "Submit"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="dien-thoai-thong-minh-cho-ho-ngheo")
    state = WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Biên tập – Kiểm duyệt"
    assert not article.live
    assert not OutputRecord.objects.exists()

    # The editor cannot approve their own submission.
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    client.post(approve, {"comment": ""})
    assert not Page.objects.get(pk=article.pk).live

    client.force_login(moderator)
    response = client.post(approve, {"comment": "Đồng ý đăng."})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    record = OutputRecord.objects.get(source=f"cms.article:{article.pk}")
    assert record.output_indicator == output and record.quantity == 1
    assert record.url == article.url
    # The tracker's history names the moderator who published.
    assert record.history.get().history_user == moderator


def test_moderator_can_unpublish_and_the_article_stops_counting(client, moderator, campaign, output):
    article = make_article(campaign, output=output, user=moderator)
    assert OutputRecord.objects.filter(source=article.output_source).exists()
    client.force_login(moderator)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert not OutputRecord.objects.filter(source=article.output_source).exists()


def test_editor_cannot_unpublish_a_published_article(client, editor, moderator, campaign, output):
    article = make_article(campaign, output=output, user=moderator)
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk]))
    assert ArticlePage.objects.get(pk=article.pk).live
    assert OutputRecord.objects.filter(source=article.output_source).exists()


def test_the_editor_form_offers_only_outputs_counted_from_records(client, editor, campaign, output, activity):
    reports_output = factories.OutputIndicatorFactory(activity=activity, name="Báo cáo của đơn vị")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:add", args=["cms", "articlepage", campaign.pk]))
    choices = dict(response.context["form"].fields["output_indicator"].choices)
    assert output.pk in {int(str(value)) for value in choices if value}
    assert reports_output.pk not in {int(str(value)) for value in choices if value}
    # Labelled with the plan, so that two plans' "1." cannot be confused.
    assert any("421/KH-UBND" in str(label) for label in choices.values())
