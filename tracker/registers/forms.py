"""The part of every register's entry form that says whose entry it is, and the part of every
register's list filters that every register shares.

A unit officer picks one of their unit's tasks (the activity, unit and, by default, the area
follow from it); a DIC manager picks the activity, and may pick a task or else the unit the
entry is for. Each register's form subclasses `EntryForm` with its own fields in `Meta.fields`
(after `EntryForm.COMMON`), and its filters subclass `EntryFilterSet`.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tracker.choices.filters import RemoteChoiceFilter, scope_remote_filters
from tracker.core import permissions as tracker_permissions
from tracker.core.forms import set_choices
from tracker.core.permissions import AnyUser
from tracker.core.search import accent_free
from tracker.core.widgets import DateInput
from tracker.models import Area, RegisterEntry, Task, Unit
from tracker.registers import permissions
from tracker.work.selectors import activity_label


def _task_label(task: Task) -> str:
    return f"{task.activity.section_code} · {task.activity.title[:60]} — {task.deliverable[:60]} ({task.unit.name})"


def area_with_parent(area: Area) -> str:
    parent = f", {area.parent.name}" if area.parent_id else ""
    return f"{area.name}{parent}"


class EntryForm(forms.ModelForm):
    COMMON = ["task", "activity", "unit", "area"]

    def __init__(self, *args, user: AnyUser, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.is_manager = tracker_permissions.can_manage_plans(user)
        tasks = (
            permissions.tasks_to_register_on(user)
            .select_related("activity", "unit")
            .order_by("activity__plan__period_start", "activity__section_code", "pk")
        )
        task = self.fields["task"]
        task.queryset = tasks
        task.label_from_instance = _task_label
        area = self.fields["area"]
        set_choices(area, Area.objects.filter(level=Area.Level.COMMUNE).select_related("parent"))
        area.label_from_instance = area_with_parent
        area.help_text = _("The commune where it was done; blank: the task's area.")
        if self.is_manager:
            task.required = False
            task.help_text = _("Blank for an entry the DIC makes itself; then choose the activity and the unit.")
            activities = tracker_permissions.activities_visible_to(user).select_related("plan")
            set_choices(self.fields["activity"], activities, vietnamese_order=False)
            self.fields["activity"].label_from_instance = activity_label
            set_choices(self.fields["unit"], Unit.objects.filter(is_group=False))
            self.fields["activity"].required = False
            self.fields["unit"].required = False
        else:
            task.required = True
            task.help_text = _("The task of your unit this entry reports on.")
            del self.fields["activity"]
            del self.fields["unit"]

    def clean(self):
        cleaned = super().clean()
        task = cleaned.get("task")
        if self.is_manager and not task:
            if not cleaned.get("activity"):
                self.add_error("activity", _("Choose the activity, or a task of it."))
            if not cleaned.get("unit"):
                self.add_error("unit", _("Choose the unit the entry is for, or a task."))
        if task and self.is_manager and cleaned.get("activity") and cleaned["activity"].pk != task.activity_id:
            self.add_error("task", _("The task belongs to another activity."))
        return cleaned


class EntryFilterSet(django_filters.FilterSet):
    """Filters every register list has: free text, status, plan, activity, unit, area (a
    district or commune and everything in it), date range on the register's own date field
    (`DATE_FIELD`), and sample data."""

    DATE_FIELD = ""  # e.g. "accepted_on"; set by each register
    SEARCH_FIELDS: tuple[str, ...] = ()  # e.g. ("title", "station__commune__name")

    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RegisterEntry.Status.choices)
    plan = RemoteChoiceFilter(label=_("Plan"), field_name="activity__plan", source="plans", empty_label=_("All plans"))
    activity = django_filters.NumberFilter(label=_("Activity"), field_name="activity", widget=forms.HiddenInput)
    # Units and areas are thousands in the country: fetched as the user types, never listed.
    unit = RemoteChoiceFilter(label=_("Unit"), field_name="unit", source="units", empty_label=_("Any unit"))
    area = RemoteChoiceFilter(label=_("Area"), method="filter_area", source="areas", empty_label=_("All areas"))
    date_from = django_filters.DateFilter(label=_("From"), method="filter_date_from", widget=DateInput)
    date_to = django_filters.DateFilter(label=_("To"), method="filter_date_to", widget=DateInput)
    sample = django_filters.BooleanFilter(label=_("Sample data"), field_name="is_sample")

    def __init__(self, data=None, queryset=None, *, user: AnyUser, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # No list of options on the page: only the chosen plan, unit or area (one query each).
        scope_remote_filters(self, user)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(accent_free(self.SEARCH_FIELDS, value)) if self.SEARCH_FIELDS else queryset

    def filter_area(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        return queryset.filter(Q(area=value) | Q(area__parent=value) | Q(area__parent__parent=value))

    def filter_date_from(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(**{f"{self.DATE_FIELD}__gte": value})

    def filter_date_to(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(**{f"{self.DATE_FIELD}__lte": value})
