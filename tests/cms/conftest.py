"""The campaign site's fixtures: the page tree the data migration builds, a seed-003-like plan
with a media-production activity whose output is counted from records, and a helper that
writes articles the way the editors and moderators do (a revision, then a publication)."""

from __future__ import annotations

import datetime

import pytest
from wagtail.log_actions import LogContext

from cms.models import ArticlePage, CampaignIndexPage, CampaignPage, HomePage
from tests import factories
from tracker.core import roles
from tracker.models import ActivityType, OutputIndicator

RECORDS = OutputIndicator.CountedFrom.RECORDS


@pytest.fixture
def moderator(db):
    return factories.UserFactory(username="moderator", role=roles.CMS_MODERATOR, first_name="Dũng")


@pytest.fixture
def home(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def campaign_index(db) -> CampaignIndexPage:
    return CampaignIndexPage.objects.get()


@pytest.fixture
def plan(db):
    return factories.PlanFactory(
        number_symbol="421/KH-UBND",
        title="Phổ biến, hướng dẫn, tuyên truyền về chuyển đổi sang sử dụng điện thoại thông minh",
        area=factories.ProvinceFactory(name="Tỉnh Thừa Thiên Huế"),
    )


@pytest.fixture
def activity(plan):
    return factories.ActivityFactory(
        plan=plan,
        section_code="1",
        title="Tuyên truyền trên các phương tiện thông tin đại chúng",
        activity_type=ActivityType.objects.get(code="media_production"),
    )


@pytest.fixture
def output(activity) -> OutputIndicator:
    return factories.OutputIndicatorFactory(
        activity=activity, name="Tin, bài đăng trên trang", unit_of_measure="tin, bài", counted_from=RECORDS
    )


def publish(page, user) -> None:
    """Save a revision and publish it as `user`, inside Wagtail's log context as the admin does."""
    with LogContext(user=user):
        page.save_revision(user=user).publish(user=user)


@pytest.fixture
def campaign(campaign_index, plan, moderator) -> CampaignPage:
    page = CampaignPage(
        title="Chuyển đổi sang điện thoại thông minh",
        slug="chuyen-doi-so",
        summary="Tuyên truyền về điện thoại thông minh và nền tảng số.",
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2030, 12, 31),
        plan=plan,
        live=False,
    )
    campaign_index.add_child(instance=page)
    publish(page, moderator)
    return CampaignPage.objects.get(pk=page.pk)


def make_article(
    campaign: CampaignPage,
    *,
    title: str = "Hỗ trợ điện thoại thông minh cho hộ nghèo",
    text: str = "Hộ nghèo được hỗ trợ điện thoại thông minh.",
    output: OutputIndicator | None = None,
    user=None,
    slug: str | None = None,
    **fields,
) -> ArticlePage:
    """An article under the campaign; published by `user` when given, else left a draft."""
    article = ArticlePage(
        title=title,
        slug=slug or factories_slug(title),
        summary=fields.pop("summary", text[:200]),
        body=[("paragraph", f"<p>{text}</p>")],
        activity=output.activity if output else None,
        output_indicator=output,
        live=False,
        **fields,
    )
    campaign.add_child(instance=article)
    if user is not None:
        publish(article, user)
    return ArticlePage.objects.get(pk=article.pk)


def factories_slug(title: str) -> str:
    from tracker.core.text import slugify_vi

    return slugify_vi(title)[:80]
