"""Query-string filters of the read API (django-filter), one FilterSet per list endpoint.

Filters that name a plan or an activity only accept ones the user may see, so a filter cannot
be used to probe whether a hidden object exists (an invisible id answers 400 like an unknown one).
Units, areas and indicators are a directory every signed-in user sees.
"""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from tracker.core import calendar
from tracker.core.permissions import activities_visible_to, plans_visible_to
from tracker.models import (
    Activity,
    ActivityType,
    Area,
    Cooperation,
    Indicator,
    Plan,
    Progress,
    Target,
    Task,
    Unit,
)


def _visible_plans(request) -> QuerySet[Plan]:
    return plans_visible_to(request.user) if request else Plan.objects.none()


def _visible_activities(request) -> QuerySet[Activity]:
    return activities_visible_to(request.user) if request else Activity.objects.none()


def _filter_in_force(queryset: QuerySet, name: str, value: bool) -> QuerySet:
    """Rows valid today (in Vietnam) when true; rows ended or not yet started when false."""
    in_force = queryset.in_force(timezone.localdate())
    return in_force if value else queryset.exclude(pk__in=in_force.values("pk"))


def _filter_overdue(queryset: QuerySet, name: str, value: bool) -> QuerySet:
    """Past the deadline and still open (not started or in progress), today in Vietnam, in a
    plan not closed: the pages' rule (calendar.overdue)."""
    plan = "activity__plan__" if queryset.model is Task else "plan__"
    overdue = calendar.overdue(timezone.localdate(), plan=plan)
    return queryset.filter(overdue) if value else queryset.exclude(overdue)


class PlanFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=Plan.Status.choices, label=_("Status"))
    issuer = filters.ModelChoiceFilter(queryset=Unit.objects.all(), label=_("Issued by (unit id)"))
    year = filters.NumberFilter(
        method="filter_year", label=_("Year the plan's period overlaps"), min_value=1990, max_value=2100
    )
    is_sample = filters.BooleanFilter(label=_("Sample data"))

    class Meta:
        model = Plan
        fields = ["status", "issuer", "year", "is_sample"]

    @extend_schema_field(OpenApiTypes.INT)
    def filter_year(self, queryset: QuerySet[Plan], name: str, value) -> QuerySet[Plan]:
        year = int(value)
        return queryset.filter(period_start__lte=datetime.date(year, 12, 31), period_end__gte=datetime.date(year, 1, 1))


class DueDateFilterMixin(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=Progress.choices, label=_("Status"))
    overdue = filters.BooleanFilter(
        method=_filter_overdue, label=_("Overdue (past the deadline and still open, in a plan not closed)")
    )
    due_before = filters.DateFilter(field_name="due_date", lookup_expr="lte", label=_("Due on or before"))
    due_after = filters.DateFilter(field_name="due_date", lookup_expr="gte", label=_("Due on or after"))


class ActivityFilter(DueDateFilterMixin):
    plan = filters.ModelChoiceFilter(queryset=_visible_plans, label=_("Plan"))
    activity_type = filters.ModelChoiceFilter(
        field_name="activity_type",
        to_field_name="code",
        queryset=ActivityType.objects.all(),
        label=_("Content type (code)"),
    )
    lead_unit = filters.ModelChoiceFilter(queryset=Unit.objects.all(), label=_("Lead unit"))
    unit = filters.ModelChoiceFilter(
        queryset=Unit.objects.all(), method="filter_unit", label=_("Unit leading or cooperating")
    )
    area = filters.ModelChoiceFilter(
        queryset=Area.objects.all(), method="filter_area", label=_("Area of the activity or of one of its tasks")
    )

    class Meta:
        model = Activity
        fields = ["plan", "activity_type", "lead_unit", "unit", "area", "status", "overdue", "due_before", "due_after"]

    # The schema shows the parameter as what the client sends (a unit id), not the Unit it becomes.
    @extend_schema_field(OpenApiTypes.INT)
    def filter_unit(self, queryset: QuerySet[Activity], name: str, value: Unit) -> QuerySet[Activity]:
        cooperates = Cooperation.objects.filter(activity=OuterRef("pk"), unit=value)
        return queryset.filter(Q(lead_unit=value) | Exists(cooperates))

    @extend_schema_field(OpenApiTypes.INT)
    def filter_area(self, queryset: QuerySet[Activity], name: str, value: Area) -> QuerySet[Activity]:
        # A province-wide activity is often carried out commune by commune through its tasks.
        in_area = Task.objects.filter(activity=OuterRef("pk"), area=value)
        return queryset.filter(Q(area=value) | Exists(in_area))


class TaskFilter(DueDateFilterMixin):
    activity = filters.ModelChoiceFilter(queryset=_visible_activities, label=_("Activity"))
    plan = filters.ModelChoiceFilter(field_name="activity__plan", queryset=_visible_plans, label=_("Plan"))
    unit = filters.ModelChoiceFilter(queryset=Unit.objects.all(), label=_("Unit carrying out the task"))
    area = filters.ModelChoiceFilter(queryset=Area.objects.all(), label=_("Area"))

    class Meta:
        model = Task
        fields = ["activity", "plan", "unit", "area", "status", "overdue", "due_before", "due_after"]


class TargetFilter(filters.FilterSet):
    plan = filters.ModelChoiceFilter(queryset=_visible_plans, label=_("Plan"))
    indicator = filters.ModelChoiceFilter(
        field_name="indicator", to_field_name="code", queryset=Indicator.objects.all(), label=_("Indicator (code)")
    )
    area = filters.ModelChoiceFilter(queryset=Area.objects.all(), label=_("Area"))
    year = filters.NumberFilter(label=_("Year"))

    class Meta:
        model = Target
        fields = ["plan", "indicator", "area", "year"]


class AreaFilter(filters.FilterSet):
    level = filters.ChoiceFilter(choices=Area.Level.choices, label=_("Level"))
    parent = filters.ModelChoiceFilter(queryset=Area.objects.all(), label=_("Parent area"))
    # The classification in force today, as the view annotates it.
    region = filters.ChoiceFilter(choices=Area.Region.choices, label=_("Region (QĐ 861/QĐ-TTg)"))
    is_border = filters.BooleanFilter(label=_("Border commune"))
    is_extremely_difficult = filters.BooleanFilter(label=_("Extremely difficult (ĐBKK)"))
    is_digital_pilot = filters.BooleanFilter(label=_("Digital-transformation pilot"))
    in_force = filters.BooleanFilter(method=_filter_in_force, label=_("In force today"))

    class Meta:
        model = Area
        fields = ["level", "parent", "is_digital_pilot", "in_force"]


class UnitFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Unit.Kind.choices, label=_("Kind"))
    area = filters.ModelChoiceFilter(queryset=Area.objects.all(), label=_("Area"))
    is_group = filters.BooleanFilter(label=_("Group of units"))
    in_force = filters.BooleanFilter(method=_filter_in_force, label=_("In force today"))

    class Meta:
        model = Unit
        fields = ["kind", "area", "is_group", "in_force"]
