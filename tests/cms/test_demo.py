"""The campaign site's demo content: the seed 003 campaign with sample articles linked to the
plan's activities, counted in the tracker; loading twice writes nothing the second time."""

from __future__ import annotations

import pytest

from cms.demo.loader import load_cms_demo
from cms.models import ArticlePage, CampaignPage
from tracker.demo.loader import load_demo
from tracker.models import OutputIndicator, OutputRecord, Plan

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_counts_its_articles_and_a_second_run_writes_nothing():
    load_demo()
    first = load_cms_demo()
    assert first.created["pages"] == 7  # the campaign and six articles
    plan = Plan.objects.get(number_symbol="421/KH-UBND")
    campaign = CampaignPage.objects.get()
    assert campaign.plan == plan and len(campaign.topics) == 6
    articles = list(ArticlePage.objects.live())
    assert len(articles) == 6 and all(article.is_sample for article in articles)
    assert all("mẫu" in article.title for article in articles)
    # Each article counts once towards an output of the plan's activities 1 or 2.
    # (The plan's register outputs count its media products register, not articles.)
    assert OutputRecord.objects.filter(source__startswith="cms.").count() == 6
    outputs = OutputIndicator.objects.filter(activity__plan=plan, counted_from="records", register_measure="")
    assert {o.activity.section_code for o in outputs} == {"1", "2"}
    assert all(o.planned_quantity is None and "(mẫu)" in o.name for o in outputs)
    # The articles were written by the editor and published by the moderator.
    articles_counted = OutputRecord.objects.filter(source__startswith="cms.")
    assert {r.history.get().history_user.username for r in articles_counted} == {"kiemduyet"}

    second = load_cms_demo()
    assert second.total == 0
