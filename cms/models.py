"""The campaign site's pages and their grammar.

    Root
    └── HomePage (one)                       current campaigns, latest articles, headline figures
        ├── CampaignIndexPage (one)          "Chiến dịch"
        │   └── CampaignPage                 a topic, its period and the plan it belongs to
        │       └── ArticlePage              tin, bài, phóng sự, phỏng vấn, infographic, video
        ├── DocumentLibraryPage (one)        legal bases and plans from the tracker, downloadable
        ├── ProgressPage (one)               aggregate progress safe to publish
        └── ContactPage (one)                questions and feedback, read by the moderators

Around every page, the portal's frame (`PortalSettings`, a site setting): the governing body
and agency in the banner, and in the footer who runs the site, how to reach them, its licence.

An article may name the tracker activity it is an output of and the output it counts
towards; once published it counts there (see `cms.outputs`), and stops counting when it is
unpublished or deleted. The tracker's figures the site shows are read in `cms.public`; the pages own the queries
over their own subtree (at the end of this module).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q, QuerySet, Sum
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PagePermissionTester
from wagtail.search import index

from cms import public
from cms.blocks import ArticleBodyBlock, TopicBlock
from cms.richtext import INTRO_FEATURES, validate_safe_rich_text
from tracker.core import roles
from tracker.core.public_figures import cached_public_figures
from tracker.core.text import slugify_vi, strip_diacritics
from tracker.models import Activity, Language, LegalDocument, OutputIndicator, OutputRecord, Plan, User
from tracker.models.progress import ProgressReport
from tracker.work.selectors import plan_label

# Content types (tracker.ActivityType codes, migration tracker 0002) whose activities produce
# media or outreach products an article can be an output of.
PRODUCING_TYPES = ("media_production", "outreach", "border_information", "publications")

ARTICLES_PER_PAGE = 12


def normalise_for_search(text: str) -> str:
    """Lower case without Vietnamese diacritics ("Điện thoại" → "dien thoai"), so that a
    search typed without accents finds the accented text on SQLite and PostgreSQL alike."""
    return " ".join(strip_diacritics(text or "").lower().split())


def ascii_slug(slug: str) -> str:
    """ "người-cao-tuổi" → "nguoi-cao-tuoi": addresses without accents, đ kept as d (Django's
    slugify would drop it, and Wagtail's editor, told to avoid Unicode, mangles Vietnamese)."""
    return slug if slug.isascii() else slugify_vi(slug)


def counted_articles_under(page: Page) -> bool:
    """Whether the page, or an article below it, counts now as a tracker output."""
    ids = page.get_descendants(inclusive=True).type(ArticlePage).values_list("pk", flat=True)
    return OutputRecord.objects.filter(source__in=[f"cms.article:{pk}" for pk in ids]).exists()


class CampaignSitePermissionTester(PagePermissionTester):
    """The campaign site's own rights on top of the groups' page permissions (cms 0004):

    - editors (add_page) create pages and edit their own drafts, and submit them for moderation;
    - moderators (add, change, publish, lock, unlock) edit, approve, publish and unpublish;
    - only a site administrator (superuser) deletes, moves or reorders pages or changes their
      privacy — Wagtail would let anyone with "change" delete drafts, and with "publish" delete
      and move live pages and restrict them;
    - a page that is, or holds, an article counted as a tracker output is deleted by nobody
      while it counts: unpublish it first (the tracker's figure then drops, in its history).

    Wagtail asks `page.permissions_for_user` for every admin action and button (the page
    views, bulk actions, the listing's menus), so these rules live here alone.
    """

    def _site_admin(self) -> bool:
        return self.user.is_active and self.user.is_superuser

    def can_delete(self, ignore_bulk=False):
        if not self._site_admin() or counted_articles_under(self.page):
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._site_admin() and not self.page_is_root

    def can_move_to(self, destination):
        return self._site_admin() and super().can_move_to(destination)

    def can_reorder_children(self):
        return self._site_admin()

    def can_set_view_restrictions(self):
        return self._site_admin() and super().can_set_view_restrictions()


class SiteRightsMixin:
    """The campaign site's pages answer with `CampaignSitePermissionTester`."""

    def permissions_for_user(self, user):
        return CampaignSitePermissionTester(user, self)


class VietnameseSlugMixin:
    """Pages get addresses without accents, whether saved from the editor or from code."""

    def _ascii_slug(self) -> None:
        if not self.slug and self.title:
            self.slug = self._get_autogenerated_slug(slugify_vi(self.title) or "trang")
        elif self.slug and not self.slug.isascii():
            self.slug = ascii_slug(self.slug)

    def full_clean(self, *args, **kwargs):
        self._ascii_slug()
        return super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self._ascii_slug()
        return super().minimal_clean()


class CampaignSitePageForm(WagtailAdminPageForm):
    """The editor's form for every page of the site: the slug Wagtail's editor proposes from
    the title ("người-cao-tuổi") becomes "nguoi-cao-tuoi" before its uniqueness is checked."""

    def clean_slug(self):
        return ascii_slug(self.cleaned_data.get("slug") or "")


class Audience(models.Model):
    """Who an article is written for (people of poor households, ethnic minorities, …)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("order")]

    class Meta:
        verbose_name = _("target audience")
        verbose_name_plural = _("target audiences")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class SectionPage(SiteRightsMixin, VietnameseSlugMixin, Page):
    """A page the site has one of, with an introduction: a section under the home page (the
    home page itself says where it stands and what goes below it)."""

    base_form_class = CampaignSitePageForm
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES, validators=[validate_safe_rich_text])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        abstract = True


# --- Home -----------------------------------------------------------------------------------


class HomePage(SectionPage):
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.CampaignIndexPage", "cms.DocumentLibraryPage", "cms.ProgressPage", "cms.ContactPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["campaigns"] = current_campaigns(today=today)
        context["articles"] = latest_articles(limit=6)
        context["figures"] = headline_figures()
        context["sections"] = home_sections(self)
        return context


# --- Campaigns ------------------------------------------------------------------------------


class CampaignIndexPage(SectionPage):
    subpage_types = ["cms.CampaignPage"]

    class Meta:
        verbose_name = _("campaign list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(campaigns_by_state(self, today=timezone.localdate()))
        return context


class CampaignPage(SiteRightsMixin, VietnameseSlugMixin, Page):
    """A topic the department campaigns on, for a period, under one of the tracker's plans."""

    base_form_class = CampaignSitePageForm

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences: shown in lists, feeds and link previews.")
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The plan (Kế hoạch) the campaign carries out."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(
        _("description"),
        blank=True,
        features=INTRO_FEATURES + ["h2", "h3", "ol", "ul"],
        validators=[validate_safe_rich_text],
    )
    topics = StreamField([("topic", TopicBlock())], verbose_name=_("topics"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
        FieldPanel("plan"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        FieldPanel("topics"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.FilterField("period_start"),
        index.FilterField("period_end"),
    ]

    parent_page_types = ["cms.CampaignIndexPage"]
    subpage_types = ["cms.ArticlePage"]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    @property
    def search_text(self) -> str:
        topics = " ".join(f"{block.value['title']} {block.value['description']}" for block in self.topics)
        return normalise_for_search(f"{self.title} {self.summary} {strip_tags(self.body)} {topics}")

    def is_current(self, today: datetime.date) -> bool:
        return self.period_start <= today <= self.period_end

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_articles(self, request.GET))
        return context


# --- Articles -------------------------------------------------------------------------------


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("cms.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePageForm(CampaignSitePageForm):
    """The article editor: activities and outputs labelled with their plan, so that "1. Tuyên
    truyền …" of one plan cannot be mistaken for the same section of another."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "activity" in self.fields:
            field = self.fields["activity"]
            field.queryset = field.queryset.select_related("plan")
            field.label_from_instance = activity_label
        if "output_indicator" in self.fields:
            field = self.fields["output_indicator"]
            field.queryset = field.queryset.select_related("activity__plan")
            field.label_from_instance = output_label


def activity_label(activity: Activity) -> str:
    """ "421/KH-UBND (2023–2025) · 1. Tuyên truyền trên …", short enough for a dropdown."""
    title = Truncator(activity.title).chars(90)
    return f"{plan_label(activity.plan)} · {activity.section_code}. {title}"


def output_label(output: OutputIndicator) -> str:
    return f"{activity_label(output.activity)} → {output.name} ({output.unit_of_measure})"


class ArticlePage(SiteRightsMixin, VietnameseSlugMixin, Page):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ARTICLE = "article", _("Article")
        REPORTAGE = "reportage", _("Reportage")
        INTERVIEW = "interview", _("Interview")
        INFOGRAPHIC = "infographic", _("Infographic")
        VIDEO = "video", _("Video")

    # The languages of the campaign site are the tracker's (BCP 47 tags for the lang attribute).
    Language = Language

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.NEWS)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("The lead paragraph (sapo): shown in lists, feeds and link previews.")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("text alternative of the lead image"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Leave blank to use the image's title."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    author = models.CharField(_("author"), max_length=120, blank=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, verbose_name=_("tags"), blank=True)
    audiences = ParentalManyToManyField(Audience, verbose_name=_("target audience"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices, default=Language.VIETNAMESE)
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity it is an output of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"activity_type__code__in": PRODUCING_TYPES},
        help_text=_("The plan's activity that commissioned the article (media production or outreach)."),
    )
    output_indicator = models.ForeignKey(
        OutputIndicator,
        verbose_name=_("counts towards output"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        # Outputs counted from records one by one; an output a register counts is the register's.
        limit_choices_to={
            "counted_from": OutputIndicator.CountedFrom.RECORDS,
            "register_measure": "",
            "activity__activity_type__code__in": PRODUCING_TYPES,
        },
        help_text=_(
            "Once published, the article counts as one product of this output; it stops counting if unpublished."
        ),
    )
    is_sample = models.BooleanField(
        _("sample article"), default=False, help_text=_("Written for the demo; the page says so to every reader.")
    )

    base_form_class = ArticlePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")),
        FieldPanel("body"),
        FieldPanel("author"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("audiences", widget=forms.CheckboxSelectMultiple), FieldPanel("language")],
            heading=_("Readers"),
        ),
        MultiFieldPanel(
            [FieldPanel("activity"), FieldPanel("output_indicator")],
            heading=_("Counts in the tracker"),
            help_text=_(
                "Only outputs counted from records are offered, so an article is never counted twice "
                "(once here and once in a unit's progress report)."
            ),
        ),
        FieldPanel("is_sample"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("first_published_at"),
    ]

    parent_page_types = ["cms.CampaignPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self):
        super().clean()
        errors: dict[str, str] = {}
        for block in self.body:
            if block.block_type == "paragraph":
                try:
                    validate_safe_rich_text(block.value)
                except ValidationError as error:
                    errors["body"] = error.messages[0]
        output, activity = self.output_indicator, self.activity
        if activity is not None and activity.activity_type.code not in PRODUCING_TYPES:
            errors["activity"] = _("Choose an activity that produces media or outreach products.")
        elif output is not None and activity is None:
            self.activity = activity = output.activity
        if activity is not None and "activity" not in errors:
            if output is None:
                counted = list(
                    activity.output_indicators.filter(
                        counted_from=OutputIndicator.CountedFrom.RECORDS, register_measure=""
                    )
                )
                if len(counted) == 1:
                    self.output_indicator = output = counted[0]
                elif counted:
                    errors["output_indicator"] = _(
                        "This activity has several outputs: choose the one the article counts towards."
                    )
                else:
                    errors["activity"] = _(
                        "This activity has no output counted from published records; ask the DIC to add one."
                    )
            elif output.activity_id != activity.pk:
                errors["output_indicator"] = _("Choose an output of the activity above.")
            elif not output.is_counted_from_records:
                errors["output_indicator"] = _(
                    "This output is counted from the units' progress reports; an article cannot count towards it."
                )
            elif output.register_measure:
                errors["output_indicator"] = _(
                    "This output is counted from a register; an article cannot count towards it."
                )
        if errors:
            raise ValidationError(errors)

    @cached_property
    def body_text(self) -> str:
        """The body as plain text (search, feeds)."""
        parts = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(strip_tags(block.value.source))
            elif block.block_type == "quote":
                parts.append(block.value["quote"])
            elif block.block_type in ("image",):
                parts.append(block.value["caption"] or "")
            elif block.block_type == "video":
                parts.append(f"{block.value['title']} {block.value['transcript']}")
            elif block.block_type == "table":
                parts.extend(str(cell) for row in (block.value or {}).get("data", []) for cell in row if cell)
        return " ".join(part for part in parts if part)

    @property
    def search_text(self) -> str:
        tags = " ".join(tag.name for tag in self.tags.all())
        return normalise_for_search(f"{self.title} {self.summary} {self.body_text} {tags}")

    @property
    def lead_alt(self) -> str:
        return self.lead_image_alt or (self.lead_image.title if self.lead_image else "")

    @property
    def output_source(self) -> str:
        """The key of the article's output record in the tracker."""
        return f"cms.article:{self.pk}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = related_articles(self)
        return context


# --- Document library -----------------------------------------------------------------------


class DocumentLibraryPage(SectionPage):
    content_panels = [
        *SectionPage.content_panels,
        InlinePanel("attachments", heading=_("Files to download"), label=_("File")),
    ]

    class Meta:
        verbose_name = _("document library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["library"] = public.document_library(self)
        return context


class LibraryAttachment(Orderable):
    """A downloadable file in the library: a plan's or a legal document's text, or another paper."""

    page = ParentalKey(DocumentLibraryPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"), max_length=300, blank=True, help_text=_("Leave blank to use the file's title.")
    )
    legal_document = models.ForeignKey(
        LegalDocument,
        verbose_name=_("legal document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The tracker's legal document this file is the text of, if any."),
    )
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The tracker's plan this file is the text of, if any."),
    )

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("legal_document"), FieldPanel("plan")]

    class Meta(Orderable.Meta):
        verbose_name = _("file to download")
        verbose_name_plural = _("files to download")

    def clean(self):
        super().clean()
        if self.legal_document_id and self.plan_id:
            raise ValidationError(_("A file is the text of a legal document or of a plan, not both."))

    @property
    def label(self) -> str:
        return self.title or self.document.title


# --- Public progress --------------------------------------------------------------------------


class ProgressPage(SectionPage):
    class Meta:
        verbose_name = _("public progress page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["progress"] = public.public_progress()
        context["articles_published"] = live_articles().count()
        return context


# --- The portal's frame and the contact page --------------------------------------------------


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """What a Vietnamese government portal shows around every page: the governing body and the
    agency in its banner; who runs it, how to reach them and its licence in its footer. Edited
    by the site administrator (Settings → Portal frame in /cms/); a blank field is left out."""

    governing_body = models.CharField(
        _("governing body"),
        max_length=200,
        blank=True,
        help_text=_("Cơ quan chủ quản, e.g. the province's People's Committee."),
    )
    agency = models.CharField(
        _("agency running the site"), max_length=200, blank=True, help_text=_("The department that runs the site.")
    )
    responsible_person = models.CharField(
        _("person responsible"), max_length=200, blank=True, help_text=_("Name and title of the person responsible.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=300, blank=True, help_text=_("The licence number, its date and who issued it.")
    )

    panels = [
        MultiFieldPanel([FieldPanel("governing_body"), FieldPanel("agency")], heading=_("Banner")),
        MultiFieldPanel(
            [
                FieldPanel("responsible_person"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("licence"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("portal frame")


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPageForm(WagtailAdminFormPageForm):
    """Wagtail's form-page editor (it checks the fields' names) with the site's slugs."""

    def clean_slug(self):
        return ascii_slug(self.cleaned_data.get("slug") or "")


# A field people never see (it is off-screen and skipped by the keyboard): a robot that fills
# every field is thanked and nothing is kept. And at most CONTACT_LIMIT messages an hour from
# one address, so a flood neither fills the moderators' list nor their mailboxes.
HONEYPOT = "website"
CONTACT_LIMIT = 5
CONTACT_WINDOW = 3600


def contact_allowed(request) -> bool:
    """Counts this POST against its address's hourly allowance; False once it is spent."""
    key = f"cms:contact:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, CONTACT_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, CONTACT_WINDOW)
        count = 1
    return count <= CONTACT_LIMIT


class ContactPage(SiteRightsMixin, VietnameseSlugMixin, AbstractEmailForm):
    """Hỏi đáp – Góp ý: a citizen asks a question or sends feedback. The message is kept as a
    form submission that the moderators (and the site administrator) read in /cms/ (Forms),
    and each moderator with an e-mail address, and the page's own "to" addresses, get it by
    e-mail. Editors write the page but do not read the messages (cms/wagtail_hooks.py)."""

    base_form_class = ContactPageForm
    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES, validators=[validate_safe_rich_text])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=INTRO_FEATURES, validators=[validate_safe_rich_text]
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("E-mail"),
        ),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "cms/contact_page.html"
    landing_page_template = "cms/contact_page_landing.html"

    class Meta:
        verbose_name = _("contact page")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.fields[HONEYPOT] = forms.CharField(required=False, label=_("Leave this field empty"))
        return form

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if request.POST.get(HONEYPOT):
                return self.render_landing_page(request, None, *args, **kwargs)
            if not contact_allowed(request):
                form = self.get_form(request.POST, page=self, user=request.user)
                form.add_error(None, _("Too many messages from your connection: please try again in an hour."))
                context = self.get_context(request)
                context["form"] = form
                return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT, None)
        submission = self.get_submission_class().objects.create(form_data=form.cleaned_data, page=self)
        self.send_mail(form)
        return submission

    def recipients(self) -> list[str]:
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        moderators = User.objects.filter(groups__name=roles.CMS_MODERATOR, is_active=True).exclude(email="")
        return list(dict.fromkeys([*addresses, *moderators.values_list("email", flat=True)]))

    def send_mail(self, form):
        recipients = self.recipients()
        if not recipients:
            return
        subject = self.subject or str(_("New question or feedback from the campaign site"))
        # The message is kept whatever the mail server says: the moderators read it in /cms/.
        send_mail(subject, self.render_email(form), recipients, self.from_address or None, fail_silently=True)


# --- Queries over the page tree (the pages own them, as bakerydemo's BlogIndexPage.get_posts) ---


def live_articles() -> QuerySet[ArticlePage]:
    """Published articles anyone may read, newest first, with what a card shows."""
    return (
        ArticlePage.objects.live()
        .public()
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-first_published_at", "-pk")
    )


def latest_articles(*, limit: int) -> list[ArticlePage]:
    return list(live_articles()[:limit])


def live_campaigns() -> QuerySet[CampaignPage]:
    return CampaignPage.objects.live().public().select_related("lead_image", "plan").order_by("-period_start", "title")


def current_campaigns(*, today: datetime.date, limit: int = 3) -> list[CampaignPage]:
    """Campaigns under way today, then those about to start, then the most recent ones."""
    campaigns = list(live_campaigns())
    campaigns.sort(
        key=lambda c: (0 if c.is_current(today) else 1 if c.period_start > today else 2, -c.period_start.toordinal())
    )
    return campaigns[:limit]


def campaigns_by_state(index, *, today: datetime.date) -> dict[str, list[CampaignPage]]:
    campaigns = list(live_campaigns().child_of(index))
    return {
        "current_campaigns": [c for c in campaigns if c.is_current(today)],
        "upcoming_campaigns": [c for c in campaigns if c.period_start > today],
        "past_campaigns": [c for c in campaigns if c.period_end < today],
    }


@dataclass
class KindFilter:
    value: str
    label: str
    count: int
    selected: bool


def campaign_articles(campaign: CampaignPage, params: QueryDict) -> dict:
    """The campaign's articles, optionally of one kind or tag, twelve to a page."""
    articles = live_articles().child_of(campaign)
    counts = dict(articles.order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    kind = params.get("kind", "")
    if kind in ArticlePage.Kind.values:
        articles = articles.filter(kind=kind)
    else:
        kind = ""
    tag = params.get("tag", "").strip()
    if tag:
        articles = articles.filter(tags__slug=slugify(tag)).distinct()
    paginator = Paginator(articles, ARTICLES_PER_PAGE)
    page = paginator.get_page(params.get("page"))
    return {
        "articles": page,
        "kinds": [
            KindFilter(value, label, counts[value], value == kind)
            for value, label in ArticlePage.Kind.choices
            if counts.get(value)
        ],
        "selected_kind": kind,
        "selected_tag": tag,
    }


def related_articles(article: ArticlePage, limit: int = 3) -> list[ArticlePage]:
    """Other articles of the same campaign, newest first."""
    parent = article.get_parent()
    return list(live_articles().child_of(parent).exclude(pk=article.pk)[:limit])


def home_sections(home) -> dict[str, object]:
    """The home page's links to its sections (the campaign list, the library, progress)."""
    children = {page.specific_class.__name__: page for page in home.get_children().live().public().specific()}
    return {
        "campaigns": children.get("CampaignIndexPage"),
        "library": children.get("DocumentLibraryPage"),
        "progress": children.get("ProgressPage"),
    }


@dataclass
class SearchResults:
    query: str
    campaigns: list[CampaignPage]
    articles: PaginatorPage | None


def search(query: str, page_number: str | None) -> SearchResults:
    """Campaigns and articles matching every word of the query, accents or not.

    Pages index a copy of their text without diacritics (`search_text`), and the query is
    stripped the same way, so "dien thoai thong minh" and "điện thoại thông minh" find the
    same pages on SQLite (FTS5) and PostgreSQL (full-text search) alike.
    """
    query = " ".join(query.split())[:200]
    normalised = normalise_for_search(query)
    if not normalised:
        return SearchResults(query, [], None)
    campaigns = list(CampaignPage.objects.live().public().search(normalised, operator="and")[:5])
    articles = ArticlePage.objects.live().public().search(normalised, operator="and")
    paginator = Paginator(articles, ARTICLES_PER_PAGE)
    page = paginator.get_page(page_number)
    # Search results come back without their images: fetch those for the page shown in one go.
    ids = [article.pk for article in page.object_list]
    by_id = {article.pk: article for article in live_articles().filter(pk__in=ids)}
    page.object_list = [by_id[pk] for pk in ids if pk in by_id]
    return SearchResults(query, campaigns, page)


@dataclass
class HeadlineFigure:
    value: int
    label: str


def _tracker_figures() -> tuple[int, int]:
    """Products counted towards the public plans and their accepted progress reports: scans of
    the tracker's largest tables, cached (tracker.core.public_figures, refreshed by the services
    that change them)."""
    records = OutputRecord.objects.filter(output_indicator__activity__plan__in=public.public_plans()).aggregate(
        n=Sum("quantity")
    )["n"]
    accepted_reports = ProgressReport.objects.filter(
        Q(status=ProgressReport.Status.ACCEPTED), task__activity__plan__in=public.public_plans()
    ).count()
    return records or 0, accepted_reports


def headline_figures() -> list[HeadlineFigure]:
    """The home page's few numbers: published articles, campaigns, and outreach achieved."""
    from django.utils.translation import gettext as _

    articles = ArticlePage.objects.live().public().count()
    campaigns = CampaignPage.objects.live().public().count()
    records, accepted_reports = cached_public_figures(_tracker_figures)
    figures = [
        HeadlineFigure(articles, _("articles published")),
        HeadlineFigure(campaigns, _("campaigns")),
        HeadlineFigure(records or 0, _("products counted towards the plans")),
        HeadlineFigure(accepted_reports, _("progress reports accepted")),
    ]
    # A zero says nothing on a front page (except that no article is out yet).
    return [figures[0], *(item for item in figures[1:] if item.value)]
