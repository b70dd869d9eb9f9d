"""The campaign site's demo content: the seed 003 campaign with sample articles linked to the
plan's activities, counted in the tracker; loading twice writes nothing the second time."""

from __future__ import annotations

import pytest

from cms.demo.loader import load_cms_demo
from cms.models import ArticlePage, CampaignPage, ContactPage, PortalSettings
from tracker.demo.loader import load_demo
from tracker.models import OutputIndicator, OutputRecord, Plan

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_counts_its_articles_and_a_second_run_writes_nothing():
    load_demo()
    first = load_cms_demo()
    assert first.created["pages"] == 8  # the campaign, six articles and the contact page
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

    # The portal's frame holds only what the seeds say, and says that the site is a sample.
    frame = PortalSettings.objects.get()
    assert (frame.governing_body, frame.agency) == (
        "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
        "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế",
    )
    assert "(mẫu)" in frame.licence
    assert frame.responsible_person == frame.address == frame.phone == frame.email == ""
    assert ContactPage.objects.live().get().form_fields.count() == 4

    second = load_cms_demo()
    assert second.total == 0
