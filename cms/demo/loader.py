"""Load the campaign site's demo content: the seed 003 campaign, its sample articles with
locally drawn illustrations, and a sample extract in the document library.

Runs after the tracker's `load_demo` (it needs plan 421/KH-UBND, its activities and the
demo users). Idempotent: what exists is left as it is, so a second run writes nothing.

Articles are written the way people write them: the editor (`bientap`) saves a revision, the
moderator (`kiemduyet`) publishes it — which, through `cms.outputs`, counts each article as
an output of its activity in the tracker.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import LogContext
from wagtail.models import Collection, Page, Revision, Site

from cms.demo import content
from cms.demo.images import draw, sample_pdf
from cms.models import (
    ArticlePage,
    Audience,
    CampaignIndexPage,
    CampaignPage,
    ContactFormField,
    ContactPage,
    DocumentLibraryPage,
    LibraryAttachment,
    PortalSettings,
)
from cms.outputs import sync_article_output
from tracker.core import history as services
from tracker.models import Activity, OutputIndicator, OutputRecord, Plan, User

PLAN_NUMBER = "421/KH-UBND"
EDITOR, MODERATOR, ADMIN = "bientap", "kiemduyet", "admin"
COLLECTION_NAME = "Dữ liệu mẫu"

# The outputs the plan's methods 1 and 2 produce. The seed names the products ("tin, bài,
# phóng sự", "thông điệp, Infographic") but gives no quantity: the planned figure stays blank,
# and the names say these outputs were added for the demo.
OUTPUTS = {
    "1": ("Tin, bài, phóng sự đăng trên trang chiến dịch (mẫu)", "tin, bài"),
    "2": ("Thông điệp, infographic đăng trên trang chiến dịch (mẫu)", "sản phẩm"),
}


@dataclass
class CmsDemoResult:
    created: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.created.values())


def _counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "output indicators": OutputIndicator.history.count(),
        "output records": OutputRecord.history.count(),
    }


class MissingTrackerDemo(RuntimeError):
    pass


def _user(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise MissingTrackerDemo(f"User {username!r} is missing: run `manage.py load_demo` first.")
    return user


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _image(collection: Collection, theme: str, palette: str, title: str):
    model = get_image_model()
    image = model.objects.filter(title=title, collection=collection).first()
    if image is None:
        data = draw(theme, title, palette)
        image = model(
            title=title, collection=collection, file=ImageFile(io.BytesIO(data), name=f"{slugify(title)}.jpg")
        )
        image.save()
    return image


def _outputs(plan: Plan, actor: User) -> dict[str, OutputIndicator]:
    outputs = {}
    for section, (name, unit) in OUTPUTS.items():
        activity = Activity.objects.get(plan=plan, section_code=section)
        output, _changed = services.upsert(
            OutputIndicator,
            lookup={"activity": activity, "name": name},
            values={
                "unit_of_measure": unit,
                "planned_quantity": None,
                "indicator": None,
                "order": 1,
                "counted_from": OutputIndicator.CountedFrom.RECORDS,
            },
            actor=actor,
        )
        outputs[section] = output
    return outputs


def _publish(page: Page, *, editor: User, moderator: User) -> None:
    """The editor saves the content; the moderator publishes it (as the workflow would end)."""
    with LogContext(user=editor):
        revision = page.save_revision(user=editor, log_action=True)
    with LogContext(user=moderator):
        revision.publish(user=moderator)


def _campaign(index: CampaignIndexPage, plan: Plan, image, *, editor: User, moderator: User) -> CampaignPage:
    data = content.CAMPAIGN
    campaign = CampaignPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if campaign is not None:
        return campaign
    campaign = CampaignPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        period_start=data["period_start"],
        period_end=data["period_end"],
        plan=plan,
        lead_image=image,
        body=data["body"],
        topics=[("topic", {"title": title, "description": text}) for title, text in data["topics"]],
        live=False,
        owner=editor,
    )
    index.add_child(instance=campaign)
    _publish(campaign, editor=editor, moderator=moderator)
    return CampaignPage.objects.get(pk=campaign.pk)


def _body(blocks: list, collection: Collection) -> list:
    stream = []
    for kind, value in blocks:
        if kind == "paragraph":
            stream.append(("paragraph", value))
        elif kind == "quote":
            stream.append(("quote", {"quote": value[0], "attribution": value[1]}))
        elif kind == "image":
            theme, palette, title = value
            image = _image(collection, theme, palette, title)
            stream.append(("image", {"image": image, "alt_text": "", "caption": title, "credit": "Ảnh minh họa (mẫu)"}))
        elif kind == "table":
            stream.append(
                (
                    "table",
                    {
                        "data": value["rows"],
                        "table_caption": value["caption"],
                        "table_header_choice": "row",
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                )
            )
    return stream


def _articles(campaign: CampaignPage, outputs, collection, *, editor: User, moderator: User) -> None:
    audiences = {audience.name: audience for audience in Audience.objects.all()}
    for data in content.ARTICLES:
        existing = ArticlePage.objects.child_of(campaign).filter(slug=data["slug"]).first()
        if existing is not None:
            # Already there: only make sure its count in the tracker is right (no write if it is).
            sync_article_output(existing, actor=moderator)
            continue
        theme, palette, image_title = data["image"]
        output = outputs[data["section"]]
        published = timezone.make_aware(
            timezone.datetime.combine(data["published"], timezone.datetime.min.time().replace(hour=8))
        )
        article = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            kind=data["kind"],
            summary=data["summary"],
            lead_image=_image(collection, theme, palette, image_title),
            body=_body(data["body"], collection),
            author="Ban biên tập (mẫu)",
            language=ArticlePage.Language.VIETNAMESE,
            activity=output.activity,
            output_indicator=output,
            is_sample=True,
            live=False,
            owner=editor,
            first_published_at=published,
        )
        article.tags.add(*data["tags"])
        article.audiences = [audiences[name] for name in data["audiences"] if name in audiences]
        campaign.add_child(instance=article)
        _publish(article, editor=editor, moderator=moderator)
        # Demo articles "were published" on their date: not re-dated to the day the demo loads.
        ArticlePage.objects.filter(pk=article.pk).update(last_published_at=published)


def _library(plan: Plan, collection: Collection, *, editor: User, moderator: User) -> None:
    library = DocumentLibraryPage.objects.first()
    if library is None:
        return
    model = get_document_model()
    title = content.LIBRARY_EXTRACT["title"]
    document = model.objects.filter(title=title, collection=collection).first()
    if document is None:
        data = sample_pdf(title, content.LIBRARY_EXTRACT["lines"])
        document = model(
            title=title, collection=collection, file=ContentFile(data, name="ke-hoach-421-ban-trich-mau.pdf")
        )
        document.save()
    if library.attachments.filter(document=document).exists():
        return
    library.attachments.add(LibraryAttachment(document=document, plan=plan, title=title))
    _publish(library, editor=editor, moderator=moderator)


def _portal_frame() -> None:
    """The frame's fields the seeds give (plan 421/KH-UBND: issued by the province's People's
    Committee, the Department of Information and Communications leading it); the rest is left
    blank — an invented phone number or licence would read as an official fact — except the
    licence line, which says plainly that this is a demonstration site. Set once: what the site
    administrator changed later is kept."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    frame = PortalSettings.for_site(site)
    if frame.governing_body or frame.agency or frame.licence:
        return
    for name, value in content.PORTAL_FRAME.items():
        setattr(frame, name, value)
    frame.full_clean()
    frame.save()


def _contact_page(home: Page, *, editor: User, moderator: User) -> None:
    if ContactPage.objects.exists():
        return
    data = content.CONTACT_PAGE
    page = ContactPage(
        title=data["title"],
        slug=data["slug"],
        intro=data["intro"],
        thank_you_text=data["thank_you"],
        show_in_menus=True,
    )
    for order, (label, field_type, required, help_text) in enumerate(data["fields"]):
        page.form_fields.add(
            ContactFormField(
                sort_order=order, label=label, field_type=field_type, required=required, help_text=help_text
            )
        )
    home.specific.add_child(instance=page)
    _publish(page, editor=editor, moderator=moderator)


@transaction.atomic
def load_cms_demo() -> CmsDemoResult:
    before = _counts()
    plan = Plan.objects.filter(number_symbol=PLAN_NUMBER).first()
    if plan is None:
        raise MissingTrackerDemo(f"Plan {PLAN_NUMBER} is missing: run `manage.py load_demo` first.")
    editor, moderator, admin = _user(EDITOR), _user(MODERATOR), _user(ADMIN)
    index = CampaignIndexPage.objects.first()
    if index is None:
        raise MissingTrackerDemo("The campaign list page is missing: run `manage.py migrate`.")
    collection = _collection()
    outputs = _outputs(plan, admin)
    theme, palette, title = "smartphone", "blue", "Chuyển đổi số: điện thoại thông minh, nền tảng số"
    campaign = _campaign(index, plan, _image(collection, theme, palette, title), editor=editor, moderator=moderator)
    _articles(campaign, outputs, collection, editor=editor, moderator=moderator)
    _library(plan, collection, editor=editor, moderator=moderator)
    _portal_frame()
    _contact_page(index.get_parent(), editor=editor, moderator=moderator)
    after = _counts()
    return CmsDemoResult(created={label: after[label] - before[label] for label in after})
