"""Every page type renders for anonymous readers, in Vietnamese, with link-preview metadata,
at a number of queries that does not grow with the number of articles."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from cms.demo.images import draw
from cms.models import DocumentLibraryPage, LibraryAttachment
from tests.cms.conftest import make_article, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(db):
    import io

    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    model = get_image_model()
    return model.objects.create(
        title="Ảnh thử", file=ImageFile(io.BytesIO(draw("smartphone", "Ảnh thử")), name="thu.jpg")
    )


def test_home_campaign_and_article_pages_render_with_open_graph(client, campaign, output, moderator, image):
    article = make_article(campaign, output=output, user=moderator, lead_image=image, kind="reportage", is_sample=True)
    home = client.get("/")
    assert home.status_code == 200
    assert article.title in home.content.decode()
    page = client.get(article.url).content.decode()
    assert '<meta property="og:type" content="article">' in page
    assert f'<meta property="og:title" content="{article.title}">' in page
    assert '<meta property="og:image" content="http://testserver/media/' in page
    assert f'<meta property="og:url" content="http://testserver{article.url}">' in page
    assert '<html lang="vi">' in page and f'<article class="article" lang="{article.language}">' in page
    assert "<picture>" in page and "image/webp" in page  # responsive renditions
    assert 'class="sample-note"' in page  # a sample article says so
    campaign_page = client.get(campaign.url).content.decode()
    assert f'href="/feeds/campaigns/{campaign.pk}/rss/"' in campaign_page


def test_an_article_in_a_minority_language_is_marked_for_screen_readers(client, campaign, moderator):
    article = make_article(campaign, user=moderator, language="ktv", title="Bài tiếng Cơ Tu", slug="co-tu")
    page = client.get(article.url).content.decode()
    assert '<article class="article" lang="ktv">' in page
    assert "Tiếng Cơ Tu" in page


def test_the_library_lists_plans_legal_bases_and_downloads(client, plan, moderator):
    from tracker.models import LegalDocument, PlanLegalBasis

    basis = LegalDocument.objects.create(
        kind=LegalDocument.Kind.DECISION,
        number_symbol="2269/QĐ-TTg",
        issuer="Thủ tướng Chính phủ",
        title="Chương trình",
    )
    PlanLegalBasis.objects.create(plan=plan, document=basis, order=1)
    hidden = type(plan).objects.create(
        issuer=plan.issuer,
        title="Kế hoạch mẫu không công bố",
        period_start=plan.period_start,
        period_end=plan.period_end,
        is_sample=True,
    )
    document = get_document_model().objects.create(
        title="Toàn văn 2269", file=ContentFile(b"%PDF-1.4", name="2269.pdf")
    )
    library = DocumentLibraryPage.objects.get()
    library.attachments.add(LibraryAttachment(document=document, legal_document=basis))
    publish(library, moderator)
    page = client.get(library.url).content.decode()
    assert "421/KH-UBND" in page and "2269/QĐ-TTg" in page
    assert f'href="{document.url}"' in page
    assert hidden.title not in page


@pytest.mark.parametrize("count", [2, 12])
def test_home_and_campaign_pages_cost_the_same_whatever_the_number_of_articles(
    client, campaign, moderator, image, count, django_assert_max_num_queries
):
    for number in range(count):
        make_article(campaign, user=moderator, title=f"Bài số {number}", slug=f"bai-{number}", lead_image=image)
    client.get("/")  # renditions are made on the first view; what is measured is a reader's visit
    client.get(campaign.url)
    with django_assert_max_num_queries(HOME_QUERIES):
        assert client.get("/").status_code == 200
    with django_assert_max_num_queries(CAMPAIGN_QUERIES):
        assert client.get(campaign.url).status_code == 200


# A reader's visit to the home page: the site and the page (2), the campaigns, the latest
# articles with their images and renditions (2 + 2), the two headline counts of pages (2; the
# tracker's two are cached), the sections and the navigation (2 + 1), the portal's frame (1:
# cms.PortalSettings, read once for the banner and the footer), and a few of Wagtail's own
# lookups.
HOME_QUERIES = 23
# The campaign page: site and page (2), kind counts, articles with images and renditions,
# the page count, topics, the navigation, parent for the crumbs, the portal's frame.
CAMPAIGN_QUERIES = 19


def test_pages_speak_vietnamese_by_default(client, campaign):
    assert settings.LANGUAGE_CODE == "vi"
    page = client.get(campaign.url).content.decode()
    assert '<html lang="vi">' in page
