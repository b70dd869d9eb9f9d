"""Public information points at public postal points (điểm Bưu điện - Văn hóa xã): the entry
form, the list's filters and totals, and the service that saves an entry.

The point's commune is the entry's `area` (required here: a task's area may be a district), so
the commune's ĐBKK flag and its district come with it.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db import transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from tracker.core.classifications import annotate_classification
from tracker.core.widgets import DateInput
from tracker.models import InfoPoint, User
from tracker.registers import selectors, services
from tracker.registers.forms import EntryFilterSet, EntryForm


class InfoPointForm(EntryForm):
    class Meta:
        model = InfoPoint
        fields = [*EntryForm.COMMON, "name", "services", "equipment", "opened_on", "people_served_per_month", "note"]
        widgets = {
            "opened_on": DateInput(),
            "services": forms.Textarea(attrs={"rows": 3}),
            "equipment": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        area = self.fields["area"]
        area.required = True
        area.help_text = _("The commune of the postal point.")


class InfoPointFilterSet(EntryFilterSet):
    DATE_FIELD = "opened_on"
    SEARCH_FIELDS = ("name", "services", "equipment", "area__name")

    extremely_difficult = django_filters.BooleanFilter(
        label=_("Extremely difficult (ĐBKK) communes only"),
        method="filter_extremely_difficult",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = InfoPoint
        fields: list[str] = []

    def filter_extremely_difficult(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(area_is_extremely_difficult=True) if value else queryset


def points_for_list(user) -> QuerySet[InfoPoint]:
    """The points the user may see, each with its commune's classification in force on the
    day the point opened (`area_is_extremely_difficult` …)."""
    points = selectors.entries_for_list(user, InfoPoint)
    return annotate_classification(points, OuterRef("opened_on"), path="area", prefix="area_")


def info_point_totals(queryset: QuerySet[InfoPoint]) -> dict:
    """Points, points in ĐBKK communes and people served per month of the filtered list (1 query)."""
    totals = queryset.order_by().aggregate(
        points=Count("pk"),
        extremely_difficult=Count("pk", filter=Q(area_is_extremely_difficult=True)),
        people=Sum("people_served_per_month"),
    )
    totals["people"] = totals["people"] or 0
    return totals


@transaction.atomic
def info_point_save(*, entry: InfoPoint, actor: User) -> InfoPoint:
    """Create or update a draft or returned information point (the core rules in `entry_save`)."""
    return services.entry_save(entry=entry, actor=actor)
