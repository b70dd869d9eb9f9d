"""Published articles count as outputs of their activity in the tracker: publishing adds one,
unpublishing, deleting or scheduling for later does not count, a scheduled publication counts
when `publish_scheduled` puts it live — and the tracker's pages and roll-ups show it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import LogContext

from cms.models import ArticlePage
from tests import factories
from tests.cms.conftest import make_article, publish
from tracker.models import ActivityType, OutputIndicator, OutputRecord
from tracker.outputs import selectors as selectors_progress

pytestmark = pytest.mark.django_db


def achieved(output: OutputIndicator) -> int:
    return {o.pk: o.achieved for o in selectors_progress.activity_progress(output.activity)}[output.pk]


def test_publishing_counts_one_and_unpublishing_takes_it_back(campaign, output, moderator):
    article = make_article(campaign, output=output)
    assert achieved(output) == 0  # a draft does not count
    publish(article, moderator)
    assert achieved(output) == 1
    record = OutputRecord.objects.get(source=f"cms.article:{article.pk}")
    assert (record.title, record.url, record.achieved_on) == (article.title, article.url, timezone.localdate())
    with LogContext(user=moderator):
        ArticlePage.objects.get(pk=article.pk).unpublish(user=moderator)
    assert achieved(output) == 0
    rows = OutputRecord.history.filter(source=record.source).order_by("history_id")
    assert list(rows.values_list("history_type", "history_user")) == [("+", moderator.pk), ("-", moderator.pk)]


def test_republishing_is_idempotent_and_follows_title_and_output_changes(campaign, output, activity, moderator):
    article = make_article(campaign, output=output, user=moderator)
    publish(ArticlePage.objects.get(pk=article.pk), moderator)
    assert OutputRecord.objects.count() == 1
    assert OutputRecord.history.count() == 1  # same values: nothing written
    other = factories.OutputIndicatorFactory(activity=activity, counted_from="records", name="Phóng sự")
    article = ArticlePage.objects.get(pk=article.pk)
    article.title = "Tiêu đề mới"
    article.output_indicator = other
    publish(article, moderator)
    record = OutputRecord.objects.get()
    assert (record.title, record.output_indicator) == ("Tiêu đề mới", other)
    assert achieved(output) == 0 and achieved(other) == 1


def test_removing_the_link_stops_the_count(campaign, output, moderator):
    article = make_article(campaign, output=output, user=moderator)
    article = ArticlePage.objects.get(pk=article.pk)
    article.activity = article.output_indicator = None
    publish(article, moderator)
    assert not OutputRecord.objects.exists()


def test_deleting_a_published_article_stops_the_count(campaign, output, moderator):
    article = make_article(campaign, output=output, user=moderator)
    with LogContext(user=moderator):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert not OutputRecord.objects.exists()
    assert OutputRecord.history.filter(history_type="-").get().history_user == moderator


def test_moving_a_live_article_updates_its_address(campaign, campaign_index, output, moderator, plan):
    article = make_article(campaign, output=output, user=moderator)
    second = type(campaign)(
        title="Chiến dịch thứ hai",
        slug="chien-dich-2",
        summary="…",
        period_start=campaign.period_start,
        period_end=campaign.period_end,
        live=False,
    )
    campaign_index.add_child(instance=second)
    publish(second, moderator)
    # Only a site administrator moves pages (tests/cms/test_cms_rights.py).
    site_admin = factories.UserFactory(username="admin", is_superuser=True, is_staff=True)
    with LogContext(user=site_admin):
        ArticlePage.objects.get(pk=article.pk).move(second, pos="last-child", user=site_admin)
    article = ArticlePage.objects.get(pk=article.pk)
    assert OutputRecord.objects.get().url == article.url
    assert "/chien-dich-2/" in article.url


def test_a_scheduled_article_counts_only_when_publish_scheduled_puts_it_live(
    campaign, output, moderator, editor, monkeypatch
):
    article = make_article(campaign, output=output)
    article.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    with LogContext(user=moderator):
        article.save_revision(user=editor).publish(user=moderator)
    article.refresh_from_db()
    assert not article.live
    assert achieved(output) == 0
    call_command("publish_scheduled")
    assert achieved(output) == 0  # not yet time
    # Three hours later the command (run by cron) makes it live, and it counts.
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(hours=3))
    call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=article.pk).live
    assert achieved(output) == 1
    # No request: the record is written in the name of the moderator who scheduled it.
    assert OutputRecord.history.get().history_user == moderator


def test_the_article_takes_the_activitys_only_records_output_when_none_is_chosen(campaign, output, activity):
    article = make_article(campaign)
    article.activity = activity
    article.full_clean()
    assert article.output_indicator == output


def test_an_article_cannot_count_towards_an_output_counted_from_reports(campaign, activity):
    reports_output = factories.OutputIndicatorFactory(activity=activity)  # counted from reports
    article = make_article(campaign)
    article.activity, article.output_indicator = activity, reports_output
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "output_indicator" in error.value.message_dict


def test_an_article_cannot_count_towards_an_output_a_register_counts(campaign, output, activity):
    register_output = factories.OutputIndicatorFactory(
        activity=activity, counted_from="records", register_measure="media.products"
    )
    article = make_article(campaign)
    article.activity, article.output_indicator = activity, register_output
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "output_indicator" in error.value.message_dict
    # With no output chosen, the article takes the one output it may count towards.
    article.output_indicator = None
    article.full_clean()
    assert article.output_indicator == output


def test_an_article_cannot_count_towards_another_activitys_output(campaign, output, plan):
    other_activity = factories.ActivityFactory(plan=plan, activity_type=ActivityType.objects.get(code="outreach"))
    article = make_article(campaign)
    article.activity, article.output_indicator = other_activity, output
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "output_indicator" in error.value.message_dict


def test_an_activity_that_produces_no_media_is_refused(campaign, plan):
    radio = factories.ActivityFactory(plan=plan, activity_type=ActivityType.objects.get(code="commune_radio"))
    factories.OutputIndicatorFactory(activity=radio, counted_from="records")
    article = make_article(campaign)
    article.activity = radio
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "activity" in error.value.message_dict


def test_an_activity_without_a_records_output_says_to_ask_the_dic(campaign, activity):
    article = make_article(campaign)
    article.activity = activity
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "activity" in error.value.message_dict


def test_the_tracker_activity_page_lists_the_published_articles(client, manager, campaign, output, moderator):
    first = make_article(campaign, output=output, user=moderator, title="Bài thứ nhất")
    make_article(campaign, output=output, title="Bản nháp chưa đăng")
    client.force_login(manager)
    response = client.get(reverse("tracker:activity_detail", args=[output.activity_id]))
    page = response.content.decode()
    assert [record.title for record in response.context["records"]] == ["Bài thứ nhất"]
    assert f'href="{first.url}"' in page
    assert "Bản nháp chưa đăng" not in page
    assert {o.pk: o.achieved for o in response.context["progress"]}[output.pk] == 1


def test_the_plan_page_counts_the_published_articles(client, manager, campaign, output, moderator):
    make_article(campaign, output=output, user=moderator, title="Bài một")
    make_article(campaign, output=output, user=moderator, title="Bài hai")
    plan = selectors_progress.plan_progress(output.activity.plan)
    assert [(o.pk, o.achieved) for o in plan.outputs] == [(output.pk, 2)]
