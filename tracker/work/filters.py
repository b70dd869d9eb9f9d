"""The activity board's filters and sort, as a django-filter FilterSet read from the GET query.

Units and areas are fetched as the user types (`tracker.choices`): the page holds only the
chosen one (a query each); plans and content types are short lists read once each.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.choices.filters import RemoteChoiceFilter, scope_remote_filters
from tracker.core import areas, calendar
from tracker.core.permissions import AnyUser
from tracker.core.search import accent_free
from tracker.core.widgets import DateInput
from tracker.models import Activity, Cooperation, Task
from tracker.models.plans import Progress
from tracker.work import selectors as selectors_work

DUE_CHOICES = [
    ("overdue", _("Overdue")),
    ("7", _("Due within 7 days")),
    ("30", _("Due within 30 days")),
]

SORT_CHOICES = [
    ("deadline", _("Deadline, earliest first")),
    ("-deadline", _("Deadline, latest first")),
    ("plan", _("Plan, oldest first")),
    ("-plan", _("Plan, newest first")),
    ("section", _("Section")),
    ("-section", _("Section, descending")),
    ("lead_unit", _("Lead unit, A–Z")),
    ("-lead_unit", _("Lead unit, Z–A")),
    ("status", _("Status")),
    ("-status", _("Status, descending")),
]
DEFAULT_SORT = "deadline"


class ActivityBoardFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_search", label=_("Search"), widget=forms.TextInput(attrs={"type": "search"})
    )
    plan = django_filters.ChoiceFilter(label=_("Plan"), empty_label=_("All plans"))  # a province's few plans
    activity_type = django_filters.ChoiceFilter(label=_("Content type"), empty_label=_("All content types"))
    # Units and areas are thousands in the country: fetched as the user types, never listed.
    lead_unit = RemoteChoiceFilter(label=_("Lead unit"), source="units", empty_label=_("Any lead unit"))
    unit = RemoteChoiceFilter(
        method="filter_unit", label=_("Unit (lead or cooperating)"), source="units", empty_label=_("Any unit")
    )
    area = RemoteChoiceFilter(method="filter_area", label=_("Area"), source="areas", empty_label=_("All areas"))
    status = django_filters.ChoiceFilter(choices=Progress.choices, label=_("Status"), empty_label=_("Any status"))
    due = django_filters.ChoiceFilter(
        method="filter_due", choices=DUE_CHOICES, label=_("Due"), empty_label=_("Any time")
    )
    due_from = django_filters.DateFilter(
        field_name="due_date", lookup_expr="gte", label=_("Deadline from"), widget=DateInput()
    )
    due_to = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", label=_("Deadline to"), widget=DateInput()
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue only"), widget=forms.CheckboxInput)
    sort = django_filters.ChoiceFilter(method="sort_rows", choices=SORT_CHOICES, label=_("Sort by"), empty_label=None)

    class Meta:
        model = Activity
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, user: AnyUser, today: datetime.date | None = None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.today = today or timezone.localdate()
        self.filters["plan"].extra["choices"] = selectors_work.plan_choices(user)
        self.filters["activity_type"].extra["choices"] = selectors_work.activity_type_choices()
        scope_remote_filters(self, user)

    @property
    def current_sort(self) -> str:
        """The sort in force: the one asked for when valid, the default otherwise."""
        if not self.form.is_bound or self.form.errors.get("sort"):
            return DEFAULT_SORT
        return self.form.cleaned_data.get("sort") or DEFAULT_SORT

    def filter_search(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        value = value.strip()
        return queryset.filter(accent_free(("title", "section_code"), value)) if value else queryset

    def filter_unit(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        # Exists, not a join: a unit cooperating twice must not list the activity twice.
        cooperates = Cooperation.objects.filter(activity=OuterRef("pk"), unit=value)
        return queryset.filter(Q(lead_unit=value) | Exists(cooperates))

    def filter_area(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        area_id = value.pk
        in_area_tasks = Task.objects.filter(areas.within_area(area_id), activity=OuterRef("pk"))
        return queryset.filter(areas.within_area(area_id) | Exists(in_area_tasks))

    def filter_due(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        if value == "overdue":
            return queryset.filter(calendar.overdue(self.today))
        return queryset.filter(calendar.due_within(self.today, int(value)))

    def filter_overdue(self, queryset: QuerySet[Activity], name: str, value: bool | None) -> QuerySet[Activity]:
        return queryset.filter(calendar.overdue(self.today)) if value else queryset

    def sort_rows(self, queryset: QuerySet[Activity], name: str, value: str) -> QuerySet[Activity]:
        key = value.removeprefix("-")
        return queryset.order_by(*selectors_work.board_ordering(key, descending=value.startswith("-")))

    def sort_links(self) -> dict[str, dict[str, str]]:
        """For each sortable column: the sort its header link asks for, and its aria-sort."""
        current = self.current_sort
        links = {}
        for key in selectors_work.SORT_FIELDS:
            if current == key:
                links[key] = {"next": f"-{key}", "aria": "ascending"}
            elif current == f"-{key}":
                links[key] = {"next": key, "aria": "descending"}
            else:
                links[key] = {"next": key, "aria": ""}
        return links
