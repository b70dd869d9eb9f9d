"""The read API: one read-only viewset per kind of object, visibility from tracker.core.permissions.

Every queryset starts from the permission helpers, so a unit officer's list holds only their
unit's work and an object they may not see answers 404. Each list loads its related objects
up front (select_related / prefetch_related), so its query count does not grow with its
length; tests/tracker/api/test_api.py holds the counts.
"""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.core.classifications import annotate_classification
from tracker.core.permissions import (
    activities_visible_to,
    plans_visible_to,
    province_plan_ids,
    sees_whole_programme,
    targets_visible_to,
    tasks_visible_to,
)
from tracker.models import (
    Activity,
    Area,
    Indicator,
    LegalDocument,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    Target,
    Task,
    Unit,
)
from tracker.outputs.targets import target_table

from . import filters
from . import serializers as api_serializers


class ApiPagination(PageNumberPagination):
    """?page=N, and ?page_size=N up to 200 for clients that fetch a whole table at once."""

    page_size_query_param = "page_size"
    max_page_size = 200


class StableOrderingFilter(OrderingFilter):
    """?ordering=…, with the id as the last key so pages never overlap or skip rows on ties."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering and not {"id", "-id", "pk", "-pk"} & set(ordering):
            ordering = [*ordering, "id"]
        return ordering


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    filter_backends = [DjangoFilterBackend, StableOrderingFilter]
    pagination_class = ApiPagination

    def get_serializer_context(self):
        # One "today" per request (in Asia/Ho_Chi_Minh), so every row is judged on the same day.
        return {**super().get_serializer_context(), "today": timezone.localdate()}


def _count_by_plan(queryset: QuerySet, plan_path: str) -> Coalesce:
    """How many rows of a queryset correlated to the outer plan, as a subquery (0 if none).

    Subqueries rather than Count() over joins: joining activities, tasks and targets at once
    would multiply the rows and need DISTINCT over the whole product.
    """
    counted = queryset.order_by().values(plan_path).annotate(rows=Count("pk")).values("rows")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class PlanViewSet(ReadOnlyViewSet):
    """Plans (Kế hoạch) the user may see: all for province-wide roles, their unit's otherwise."""

    filterset_class = filters.PlanFilter
    ordering_fields = ["issued_on", "period_start", "title"]
    ordering = ["-period_start", "title", "id"]

    def get_serializer_class(self):
        return api_serializers.PlanDetailSerializer if self.action == "retrieve" else api_serializers.PlanSerializer

    def get_queryset(self) -> QuerySet[Plan]:
        user = self.request.user
        plans = plans_visible_to(user)
        if self.action == "target_table":
            return plans  # the table makes its own query; the plan row is all it needs
        # Counts of what this user may see, so a unit officer's plan does not hint at others' work.
        activities = activities_visible_to(user).filter(plan=OuterRef("pk"))
        tasks = tasks_visible_to(user).filter(activity__plan=OuterRef("pk"))
        plans = (
            plans.select_related("issuer", "programme_component")
            .prefetch_related(Prefetch("legal_basis_links", queryset=PlanLegalBasis.objects.select_related("document")))
            .annotate(
                activity_count=_count_by_plan(activities, "plan"),
                task_count=_count_by_plan(tasks, "activity__plan"),
                target_count=_count_by_plan(Target.objects.filter(plan=OuterRef("pk")), "plan"),
            )
        )
        if self.action == "retrieve":
            plans = plans.select_related("area").prefetch_related(
                Prefetch("duties", queryset=PlanDuty.objects.select_related("unit"))
            )
        return plans

    @extend_schema(
        summary=_("The plan's targets as a table"),
        description=_(
            "One row per area, in the order the plan's appendix gives them; one column per "
            "indicator and year; totals per column."
        ),
        parameters=[
            OpenApiParameter("year", OpenApiTypes.INT, description=_("Only the targets of this year."), required=False)
        ],
        responses=api_serializers.TargetTableSerializer,
    )
    @action(detail=True, url_path="target-table", url_name="target-table", filter_backends=[], pagination_class=None)
    def target_table(self, request: Request, pk=None) -> Response:
        plan = self.get_object()
        year = request.query_params.get("year")
        if year is not None:
            year = serializers.IntegerField(min_value=1990, max_value=2100).run_validation(year)
        table = target_table(plan, year=year)
        return Response(api_serializers.TargetTableSerializer(table).data)


class ActivityViewSet(ReadOnlyViewSet):
    """Contents of plans (activities) the user may see, with their lead and cooperating units."""

    serializer_class = api_serializers.ActivitySerializer
    filterset_class = filters.ActivityFilter
    ordering_fields = ["due_date", "start_date", "section_code", "title"]
    ordering = ["plan", "order", "section_code", "id"]

    def get_queryset(self) -> QuerySet[Activity]:
        return (
            activities_visible_to(self.request.user)
            .select_related("plan", "activity_type", "lead_unit", "area")
            .prefetch_related("cooperating_units", "output_indicators")
        )


class TaskViewSet(ReadOnlyViewSet):
    """Tasks the user may see: their unit's own, and all tasks of activities it leads or joins."""

    serializer_class = api_serializers.TaskSerializer
    filterset_class = filters.TaskFilter
    ordering_fields = ["due_date", "status"]
    ordering = ["due_date", "id"]

    def get_queryset(self) -> QuerySet[Task]:
        user = self.request.user
        plan_ids = province_plan_ids(user) if sees_whole_programme(user) else None
        # A province's tasks by its plans' ids (the same tasks as `tasks_visible_to`), which
        # PostgreSQL estimates: through the province filter's joins it guessed half the
        # country's tasks and read all of them to count a province's 1,350 (at national scale).
        tasks = Task.objects.filter(activity__plan_id__in=plan_ids) if plan_ids is not None else tasks_visible_to(user)
        return tasks.select_related("activity__plan", "unit", "area")


class TargetViewSet(ReadOnlyViewSet):
    """Targets (indicator × area × year) of the plans the user may see."""

    serializer_class = api_serializers.TargetSerializer
    filterset_class = filters.TargetFilter
    ordering_fields = ["year", "planned_value", "area__name"]
    ordering = ["plan", "indicator__order", "area__name", "id"]

    def get_queryset(self) -> QuerySet[Target]:
        return targets_visible_to(self.request.user).select_related("indicator", "area")


class UnitViewSet(ReadOnlyViewSet):
    """The directory of organisations, past and present (filter with in_force)."""

    serializer_class = api_serializers.UnitSerializer
    filterset_class = filters.UnitFilter
    ordering_fields = ["name"]
    ordering = ["name", "id"]

    def get_queryset(self) -> QuerySet[Unit]:
        return Unit.objects.select_related("parent", "area").prefetch_related(
            Prefetch("members", queryset=Unit.objects.only("id"))
        )


class AreaViewSet(ReadOnlyViewSet):
    """The directory of places, past and present (filter with in_force)."""

    serializer_class = api_serializers.AreaSerializer
    filterset_class = filters.AreaFilter
    ordering_fields = ["name", "level", "code"]
    ordering = ["level", "name", "id"]

    def get_queryset(self) -> QuerySet[Area]:
        areas = Area.objects.select_related("parent").prefetch_related("successions_out")
        return annotate_classification(areas, timezone.localdate())


class LegalDocumentViewSet(ReadOnlyViewSet):
    """Documents cited as legal bases (public law, visible to every signed-in user)."""

    serializer_class = api_serializers.LegalDocumentSerializer
    queryset = LegalDocument.objects.all()
    filterset_fields = ["kind"]
    ordering_fields = ["issued_on", "number_symbol"]
    ordering = ["-issued_on", "number_symbol", "id"]


class IndicatorViewSet(ReadOnlyViewSet):
    """Indicators targets are set on."""

    serializer_class = api_serializers.IndicatorSerializer
    queryset = Indicator.objects.all()
    filterset_fields = ["role"]
    ordering_fields = ["order", "name", "code"]
    ordering = ["order", "name", "id"]
