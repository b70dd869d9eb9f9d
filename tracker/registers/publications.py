"""Publications (xuất bản phẩm): the entry form, the list's filters and totals, the service
that saves an entry, and the duplicate check of seed 004 ("không được trùng lặp").

A title that already appears under ANOTHER plan or in ANOTHER year is flagged, not refused:
two plans may legitimately reprint a title, but the DIC must see it. Titles are compared by
`title_key` — without case, Vietnamese accents (đ → d), punctuation or repeated spaces — which
the service sets before every save.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import django_filters
from django import forms
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tracker.core.permissions import AnyUser
from tracker.core.text import strip_diacritics
from tracker.core.widgets import DateInput
from tracker.models import Language, MediumFormat, Publication, User
from tracker.registers import permissions, selectors, services
from tracker.registers.forms import EntryFilterSet, EntryForm

_NOT_WORD = re.compile(r"[\W_]+")


def title_key(title: str) -> str:
    """'Sổ tay: Chuyển đổi số!' and 'so tay  chuyen-doi SO' compare equal: lower case, no
    accents (đ → d), punctuation as spaces, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", strip_diacritics(title).lower()).split())


@transaction.atomic
def publication_save(*, entry: Publication, actor: User) -> Publication:
    """Create or update a draft or returned publication, with its comparison key."""
    entry.title_key = title_key(entry.title or "")
    return services.entry_save(entry=entry, actor=actor)


# --- Duplicates -------------------------------------------------------------------------------


def _other_publications_of_key() -> QuerySet[Publication]:
    """Publications with the outer row's key in another plan or another year (for Exists)."""
    return (
        Publication.objects.annotate(year=ExtractYear("published_on"))
        .filter(title_key=OuterRef("title_key"))
        .exclude(pk=OuterRef("pk"))
        .exclude(title_key="")
        .filter(~Q(activity__plan=OuterRef("activity__plan")) | ~Q(year=OuterRef("published_year")))
    )


def with_duplicate_flag(queryset: QuerySet[Publication]) -> QuerySet[Publication]:
    """Each publication annotated `is_duplicate`: its title appears in another plan or year
    (one EXISTS subquery in the list's query, no query per row). An entry without a key (saved
    around the service) is never flagged."""
    return queryset.annotate(published_year=ExtractYear("published_on")).annotate(
        is_duplicate=Exists(_other_publications_of_key())
    )


def duplicates_of(publication: Publication) -> QuerySet[Publication]:
    """The other publications that make this one a duplicate (all registers, whoever sees them)."""
    if not publication.title_key:
        return Publication.objects.none()
    return (
        Publication.objects.filter(title_key=publication.title_key)
        .exclude(pk=publication.pk)
        .filter(
            ~Q(activity__plan_id=publication.activity.plan_id) | ~Q(published_on__year=publication.published_on.year)
        )
        .select_related("activity__plan", "unit")
        .order_by("published_on", "pk")
    )


def duplicates_for_detail(user: AnyUser, publication: Publication) -> dict:
    """The duplicates the user may open (with links) and how many others exist in registers
    they do not see (2 queries)."""
    others = list(duplicates_of(publication))
    visible_ids = set(
        permissions.entries_visible_to(user, Publication.objects.filter(pk__in=[p.pk for p in others])).values_list(
            "pk", flat=True
        )
    )
    return {
        "visible": [p for p in others if p.pk in visible_ids],
        "hidden": len(others) - len(visible_ids),
    }


def duplicate_labels(rows: Iterable[Publication]) -> dict[int, str]:
    """For the Excel export: row pk → "#12 (146/KH-UBND, 2025); …", the publications it
    duplicates (1 query for all rows)."""
    rows = list(rows)
    keys = {row.title_key for row in rows if row.title_key}
    by_key: dict[str, list] = defaultdict(list)
    for other in (
        Publication.objects.filter(title_key__in=keys)
        .values("pk", "title_key", "published_on", "activity__plan_id", "activity__plan__number_symbol")
        .order_by("published_on", "pk")
    ):
        by_key[other["title_key"]].append(other)
    labels = {}
    for row in rows:
        found = [
            other
            for other in by_key.get(row.title_key, [])
            if other["pk"] != row.pk
            and (
                other["activity__plan_id"] != row.activity.plan_id
                or other["published_on"].year != row.published_on.year
            )
        ]
        labels[row.pk] = "; ".join(
            f"#{o['pk']} ({o['activity__plan__number_symbol'] or '—'}, {o['published_on'].year})" for o in found
        )
    return labels


# --- Pages ------------------------------------------------------------------------------------


def publications_for_list(user: AnyUser) -> QuerySet[Publication]:
    return with_duplicate_flag(selectors.entries_for_list(user, Publication))


def publication_for_detail(user: AnyUser, pk: int) -> Publication:
    return selectors.entry_for_detail(user, Publication, pk)


class PublicationForm(EntryForm):
    class Meta:
        model = Publication
        fields = [
            *EntryForm.COMMON,
            "title",
            "medium",
            "publisher",
            "published_on",
            "copies",
            "language",
            "distribution",
            "note",
        ]
        widgets = {
            "published_on": DateInput(),
            "distribution": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class PublicationFilterSet(EntryFilterSet):
    DATE_FIELD = "published_on"
    SEARCH_FIELDS = ("title", "publisher", "distribution")

    medium = django_filters.ChoiceFilter(label=pgettext_lazy("medium", "Form"), choices=MediumFormat.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)
    duplicates = django_filters.BooleanFilter(
        label=_("Duplicates only"), method="filter_duplicates", widget=forms.CheckboxInput
    )

    class Meta:
        model = Publication
        fields: list[str] = []

    def filter_duplicates(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(is_duplicate=True) if value else queryset


def publication_totals(queryset: QuerySet[Publication]) -> dict:
    """Titles, printed copies and flagged duplicates of the filtered list (1 query)."""
    totals = queryset.order_by().aggregate(
        titles=Count("pk"),
        copies=Sum("copies"),
        duplicates=Count("pk", filter=Q(is_duplicate=True)),
    )
    totals["copies"] = totals["copies"] or 0
    return totals
