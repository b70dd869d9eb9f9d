"""Finding things: search that ignores Vietnamese diacritics (on SQLite and PostgreSQL alike),
RSS/Atom feeds for the site and per campaign, and the sitemap — each listing only what is live."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from wagtail.log_actions import LogContext

from cms.models import ArticlePage, normalise_for_search
from tests.cms.conftest import make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def articles(campaign, moderator):
    published = make_article(
        campaign,
        title="Hướng dẫn dùng điện thoại thông minh",
        text="Cách cài đặt ứng dụng trên điện thoại thông minh cho người cao tuổi.",
        user=moderator,
    )
    other = make_article(
        campaign, title="Tắt sóng 2G", text="Đổi máy 2G sang máy 4G theo lộ trình.", user=moderator, slug="tat-song-2g"
    )
    draft = make_article(
        campaign, title="Bản nháp về điện thoại thông minh", text="Điện thoại thông minh (nháp).", slug="ban-nhap"
    )
    return published, other, draft


def result_titles(client, query: str) -> list[str]:
    response = client.get(reverse("cms:search"), {"q": query})
    assert response.status_code == 200
    return [article.title for article in response.context["results"].articles or []]


def test_normalising_drops_tones_and_maps_d_bar():
    assert normalise_for_search("  Điện THOẠI  thông minh ") == "dien thoai thong minh"
    assert normalise_for_search("Đà Nẵng, Huế") == "da nang, hue"


@pytest.mark.parametrize("query", ["dien thoai thong minh", "điện thoại thông minh", "ĐIỆN THOẠI", "Dien Thoai"])
def test_search_finds_the_article_with_or_without_accents(client, articles, query):
    assert result_titles(client, query) == ["Hướng dẫn dùng điện thoại thông minh"]


def test_search_needs_every_word_and_skips_drafts(client, articles):
    assert result_titles(client, "tat song 2G") == ["Tắt sóng 2G"]
    assert result_titles(client, "dien thoai 2G") == []
    assert "Bản nháp về điện thoại thông minh" not in result_titles(client, "nhap")


def test_an_unpublished_article_leaves_the_search(client, articles, moderator):
    published = articles[0]
    with LogContext(user=moderator):
        ArticlePage.objects.get(pk=published.pk).unpublish(user=moderator)
    assert result_titles(client, "dien thoai thong minh") == []


def test_an_empty_search_shows_the_form_only(client, articles):
    response = client.get(reverse("cms:search"))
    assert response.status_code == 200 and response.context["results"].articles is None


def test_the_site_rss_feed_parses_and_lists_live_articles(client, articles):
    response = client.get(reverse("cms:feed_rss"))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert sorted(titles) == ["Hướng dẫn dùng điện thoại thông minh", "Tắt sóng 2G"]
    links = [item.findtext("link") for item in channel.findall("item")]
    assert all(link.startswith("http://testserver/") for link in links)


def test_the_atom_feed_parses(client, articles):
    root = ET.fromstring(client.get(reverse("cms:feed_atom")).content)
    assert root.tag == f"{ATOM}feed"
    assert len(root.findall(f"{ATOM}entry")) == 2


def test_a_campaign_feed_lists_its_own_live_articles(client, articles, campaign, campaign_index, moderator):
    from tests.cms.conftest import publish

    other = type(campaign)(
        title="Chiến dịch khác",
        slug="khac",
        summary="…",
        period_start=campaign.period_start,
        period_end=campaign.period_end,
    )
    campaign_index.add_child(instance=other)
    publish(other, moderator)
    make_article(other, title="Bài của chiến dịch khác", user=moderator, slug="khac-bai")
    for name in ("cms:campaign_feed_rss", "cms:campaign_feed_atom"):
        response = client.get(reverse(name, args=[campaign.pk]))
        root = ET.fromstring(response.content)
        titles = [e.findtext("title") for e in root.iter("item")] or [
            e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")
        ]
        assert sorted(titles) == ["Hướng dẫn dùng điện thoại thông minh", "Tắt sóng 2G"]
    assert client.get(reverse("cms:campaign_feed_rss", args=[999999])).status_code == 404


def test_the_sitemap_parses_and_lists_live_pages_only(client, articles, campaign):
    response = client.get(reverse("cms:sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [url.findtext(f"{ns}loc") for url in root.findall(f"{ns}url")]
    published, other, draft = articles
    assert any(loc.endswith(published.url) for loc in locations)
    assert any(loc.endswith(campaign.url) for loc in locations)
    assert not any(loc.endswith(draft.url or "/ban-nhap/") for loc in locations)
