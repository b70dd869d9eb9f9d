"""The register of media products: its form, list filters and totals by kind, the service that
saves a product, the campaign-site articles shown beside the list, and the export columns.

An article published on the campaign site already counts towards its activity through the
CMS's own output record ("cms.article:<id>"); entering it here too would count it twice. So a
product whose link is a page already counted as an article is refused, naming the article —
whether the link is given as a path on this site or as an absolute address with any host
(the site may be reached under several names) — and the list shows those articles in a
section of their own so that nobody looks for them in vain.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.core import permissions as tracker_permissions
from tracker.core.forms import set_choices
from tracker.core.permissions import AnyUser
from tracker.core.search import accent_free
from tracker.core.widgets import DateInput
from tracker.models import Language, MediaProduct, OutputRecord, Unit, User
from tracker.registers import services
from tracker.registers.export import Column
from tracker.registers.forms import EntryFilterSet, EntryForm

CMS_ARTICLE_SOURCE = "cms.article:"
ARTICLES_SHOWN = 100


# --- The campaign site's articles -------------------------------------------------------------


def link_path(url: str) -> str:
    """The page a link points to, for comparing links: its path without a trailing slash
    (query and fragment dropped; "" for the site's root)."""
    return urlsplit(url.strip()).path.rstrip("/")


def counted_article_for_link(url: str) -> OutputRecord | None:
    """The campaign-site article already counted (an output record of the CMS) whose page is
    the one `url` points to, or None (1 query)."""
    path = link_path(url)
    if not path:
        return None
    candidates = OutputRecord.objects.filter(source__startswith=CMS_ARTICLE_SOURCE).filter(
        Q(url__endswith=path) | Q(url__endswith=f"{path}/") | Q(url__contains=f"{path}?") | Q(url__contains=f"{path}#")
    )
    for record in candidates.order_by("pk"):
        if link_path(record.url) == path:
            return record
    return None


def articles_for_list(user: AnyUser, *, plan=None, activity=None, date_from=None, date_to=None, search=""):
    """The campaign-site articles counted for the activities the user sees, newest first, with
    the list's plan, activity, date and search filters (1 query; at most ARTICLES_SHOWN + 1
    rows, so the page can say there are more)."""
    records = OutputRecord.objects.filter(
        source__startswith=CMS_ARTICLE_SOURCE,
        output_indicator__activity__in=tracker_permissions.activities_visible_to(user),
    ).select_related("output_indicator__activity__plan")
    if plan is not None:
        records = records.filter(output_indicator__activity__plan=plan)
    if activity:
        records = records.filter(output_indicator__activity=activity)
    if date_from:
        records = records.filter(achieved_on__gte=date_from)
    if date_to:
        records = records.filter(achieved_on__lte=date_to)
    if search:
        records = records.filter(accent_free(("title",), search))
    return list(records.order_by("-achieved_on", "-pk")[: ARTICLES_SHOWN + 1])


# --- Forms ------------------------------------------------------------------------------------


class LinkField(forms.CharField):
    """An http(s) address, or a path on this site ("/chien-dich/…") made absolute with the
    site's address."""

    def to_python(self, value):
        value = super().to_python(value)
        if value.startswith("/") and not value.startswith("//"):
            return settings.SITE_URL + value
        return value

    def validate(self, value):
        super().validate(value)
        if value:
            URLValidator(schemes=["http", "https"], message=_("Give an http(s) address or a path on this site."))(value)


class MediaProductForm(EntryForm):
    url = LinkField(
        label=gettext_lazy("Link"),
        max_length=500,
        required=False,
        help_text=gettext_lazy(
            "Where it can be seen or heard. An article of the campaign site is not entered here: it already counts."
        ),
    )

    class Meta:
        model = MediaProduct
        fields = [
            *EntryForm.COMMON,
            "title",
            "product_kind",
            "producer",
            "channel",
            "published_on",
            "language",
            "duration_minutes",
            "length",
            "url",
            "note",
        ]
        widgets = {"published_on": DateInput, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self.fields["producer"], Unit.objects.filter(is_group=False))
        self.fields["producer"].help_text = _("Blank: the unit that registers the product.")


# --- Writes -----------------------------------------------------------------------------------


@transaction.atomic
def product_save(*, product: MediaProduct, actor: User) -> MediaProduct:
    """Create or update a draft or returned media product; one whose link is a campaign-site
    article already counted is refused, naming the article."""
    if product.url:
        article = counted_article_for_link(product.url)
        if article is not None:
            raise ValidationError(
                {
                    "url": _(
                        "This link is the campaign-site article “%(title)s” (%(url)s), which already counts "
                        "towards its activity; it is not entered a second time."
                    )
                    % {"title": article.title, "url": article.url}
                }
            )
    return services.entry_save(entry=product, actor=actor)


# --- Reads ------------------------------------------------------------------------------------


def totals_by_kind(queryset: QuerySet[MediaProduct]) -> list[dict]:
    """How many products of each kind the filtered list holds, in the kinds' order (1 query)."""
    counts = dict(queryset.order_by().values_list("product_kind").annotate(n=Count("pk")))
    return [
        {"kind": kind, "label": label, "count": counts[kind]}
        for kind, label in MediaProduct.ProductKind.choices
        if counts.get(kind)
    ]


# --- Filters ----------------------------------------------------------------------------------


class MediaProductFilterSet(EntryFilterSet):
    DATE_FIELD = "published_on"
    SEARCH_FIELDS = ("title", "url", "producer__name", "length")

    product_kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=MediaProduct.ProductKind.choices)
    channel = django_filters.ChoiceFilter(label=gettext_lazy("Channel"), choices=MediaProduct.Channel.choices)
    language = django_filters.ChoiceFilter(label=gettext_lazy("Language"), choices=Language.choices)

    class Meta:
        model = MediaProduct
        fields = []


# --- Excel ------------------------------------------------------------------------------------


def export_columns() -> list[Column]:
    return [
        Column(_("No."), lambda p: p.pk, 8),
        Column(_("Title"), lambda p: p.title, 40),
        Column(_("Kind"), lambda p: p.get_product_kind_display(), 16),
        Column(_("Channel"), lambda p: p.get_channel_display(), 16),
        Column(_("Published or broadcast on"), lambda p: p.published_on, 14),
        Column(_("Language"), lambda p: p.get_language_display(), 16),
        Column(_("Duration (minutes)"), lambda p: p.duration_minutes, 10),
        Column(_("Length"), lambda p: p.length, 16),
        Column(_("Producer"), lambda p: p.producer.name if p.producer_id else p.unit.name, 28),
        Column(_("Plan"), lambda p: p.activity.plan.number_symbol or p.activity.plan.title, 20),
        Column(_("Activity"), lambda p: f"{p.activity.section_code} {p.activity.title}".strip(), 36),
        Column(_("Unit"), lambda p: p.unit.name, 28),
        Column(_("Area"), lambda p: p.area.name if p.area_id else "", 22),
        Column(_("Link"), lambda p: p.url, 40),
        Column(_("Status"), lambda p: p.get_status_display(), 16),
        Column(_("Sample data"), lambda p: p.is_sample, 10),
        Column(_("Note"), lambda p: p.note, 30),
    ]
