"""The campaign site's URLs outside Wagtail's page tree: search, feeds and the sitemap."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from cms import feeds, views

app_name = "cms"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/rss/", feeds.SiteFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.SiteAtomFeed(), name="feed_atom"),
    path("feeds/campaigns/<int:pk>/rss/", feeds.CampaignFeed(), name="campaign_feed_rss"),
    path("feeds/campaigns/<int:pk>/atom/", feeds.CampaignAtomFeed(), name="campaign_feed_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
]
