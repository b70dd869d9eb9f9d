"""The campaign site's share of the national benchmark (`manage.py benchmark --national`),
registered in `tracker.core.extensions` by `CmsConfig.ready()`: one campaign under the
first province's plan with F × 200 sample articles (at least one), each saved as a revision
and published as an editor and a moderator would, and the pages measured (the home page and
an article)."""

from __future__ import annotations

import datetime

from wagtail.models import Page

from cms.models import ArticlePage, CampaignIndexPage, CampaignPage, HomePage

PARAGRAPH = (
    "<p>Bài viết mẫu dùng để đo hiệu năng: nội dung tuyên truyền về giảm nghèo thông tin, "
    "chuyển đổi số và thông tin thiết yếu cho người dân vùng sâu, vùng xa (không phải số liệu chính thức).</p>"
)
SLUG = "chien-dich-mau-do-hieu-nang"


def _publish(page: Page, user) -> None:
    # Saved and published in the manager's name; the benchmark's manager holds no CMS role, so
    # the publishing right is not asked (a moderator would have it).
    revision = page.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)


def build(dataset) -> None:
    index = CampaignIndexPage.objects.first()
    if index is None:  # no campaign site (its migration made none): nothing to add
        return
    user = dataset.personas["manager"]
    plan = dataset.first.plans[0]
    campaign = CampaignPage(
        title="Chiến dịch mẫu (đo hiệu năng)",
        slug=SLUG,
        summary="Chiến dịch mẫu của bộ dữ liệu đo hiệu năng; không phải nội dung chính thức.",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        plan=plan,
        live=False,
        owner=user,
    )
    index.add_child(instance=campaign)
    _publish(campaign, user)
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    for number in range(1, dataset.counts["articles"] + 1):
        article = ArticlePage(
            title=f"Bài viết mẫu số {number} (đo hiệu năng)",
            slug=f"bai-viet-mau-{number}",
            summary="Bài viết mẫu của bộ dữ liệu đo hiệu năng.",
            body=[("paragraph", PARAGRAPH * 4)],
            author="Ban biên tập (mẫu)",
            is_sample=True,
            live=False,
            owner=user,
        )
        campaign.add_child(instance=article)
        _publish(article, user)


def pages(dataset) -> dict[str, str]:
    home = HomePage.objects.first()
    article = ArticlePage.objects.live().filter(slug="bai-viet-mau-1").first()
    result = {}
    if home is not None:
        result["cms home"] = home.url or "/"
    if article is not None:
        result["article"] = article.url
    return result


def row_counts() -> dict[str, int]:
    return {"articles": ArticlePage.objects.live().filter(slug__startswith="bai-viet-mau-").count()}
