"""The campaign site's views outside Wagtail's page tree: search, feeds, the sitemap and
document downloads are public, for every persona alike. (Wagtail's admin and its page
catch-all answer to Wagtail's own permissions: tests/cms checks those.)"""

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.permission_tables import Entry, answers

PUBLIC = {"GET": answers(anonymous=200, others=200)}


def _campaign(world):
    """A live campaign page, made once per world."""
    if not hasattr(world, "campaign"):
        import datetime

        from cms.models import CampaignIndexPage, CampaignPage

        campaign = CampaignPage(
            title="Chiến dịch thử",
            slug="chien-dich-thu",
            summary="Chiến dịch để kiểm tra quyền truy cập.",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 12, 31),
        )
        CampaignIndexPage.objects.get().add_child(instance=campaign)
        world.campaign = campaign
    return world.campaign


def _document(world):
    if not hasattr(world, "document"):
        from wagtail.documents import get_document_model

        world.document = get_document_model().objects.create(
            title="Kế hoạch", file=ContentFile(b"%PDF-1.4 thu", name="ke-hoach.pdf")
        )
    return world.document


def _restriction(world):
    """A password-protected collection (Wagtail's document privacy) and its password form."""
    if not hasattr(world, "restriction"):
        from wagtail.models import Collection, CollectionViewRestriction

        collection = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
        world.restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="bí mật"
        )
    return world.restriction


ENTRIES = {
    "cms:search": Entry(path=lambda w: reverse("cms:search") + "?q=dien+thoai", methods=PUBLIC),
    "cms:feed_rss": Entry(path=lambda w: reverse("cms:feed_rss"), methods=PUBLIC),
    "cms:feed_atom": Entry(path=lambda w: reverse("cms:feed_atom"), methods=PUBLIC),
    "cms:campaign_feed_rss": Entry(
        path=lambda w: reverse("cms:campaign_feed_rss", args=[_campaign(w).pk]), methods=PUBLIC
    ),
    "cms:campaign_feed_atom": Entry(
        path=lambda w: reverse("cms:campaign_feed_atom", args=[_campaign(w).pk]), methods=PUBLIC
    ),
    "cms:sitemap": Entry(path=lambda w: reverse("cms:sitemap"), methods=PUBLIC),
    "wagtaildocs_serve": Entry(
        # The stored name, which the storage may have suffixed to keep it unique.
        path=lambda w: reverse("wagtaildocs_serve", args=[_document(w).pk, _document(w).filename]),
        methods=PUBLIC,
    ),
    "wagtaildocs_authenticate_with_password": Entry(
        path=lambda w: reverse("wagtaildocs_authenticate_with_password", args=[_restriction(w).pk]), methods=PUBLIC
    ),
}
