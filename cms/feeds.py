"""RSS and Atom feeds of published articles: the whole site, and one per campaign."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms import models as pages
from cms.models import ArticlePage, CampaignPage

FEED_LENGTH = 30


class SiteFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return None

    def title(self) -> str:
        site = Site.find_for_request(self.request)
        return site.site_name if site and site.site_name else _("Campaign site")

    def link(self) -> str:
        return "/"

    def description(self) -> str:
        return _("The latest articles of the campaign site.")

    def items(self):
        return pages.latest_articles(limit=FEED_LENGTH)

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.summary

    def item_link(self, item: ArticlePage) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item: ArticlePage):
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage):
        return item.last_published_at

    def item_author_name(self, item: ArticlePage) -> str | None:
        return item.author or None

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [item.get_kind_display()]


class SiteAtomFeed(SiteFeed):
    feed_type = Atom1Feed
    subtitle = SiteFeed.description


class CampaignFeed(SiteFeed):
    def get_object(self, request: HttpRequest, pk: int):
        self.request = request
        campaign = CampaignPage.objects.live().public().filter(pk=pk).first()
        if campaign is None:
            raise Http404
        return campaign

    def title(self, campaign: CampaignPage) -> str:
        return campaign.title

    def link(self, campaign: CampaignPage) -> str:
        return campaign.get_url(self.request)

    def description(self, campaign: CampaignPage) -> str:
        return campaign.summary

    def items(self, campaign: CampaignPage):
        return list(pages.live_articles().child_of(campaign)[:FEED_LENGTH])


class CampaignAtomFeed(CampaignFeed):
    feed_type = Atom1Feed
    subtitle = CampaignFeed.description
