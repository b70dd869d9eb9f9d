"""/api/v1/progress-reports/: the progress workflow over HTTP, through the same services as the
pages (`tracker.progress.services`), so the rules, permissions and history are the same.

    GET  progress-reports/              reports on tasks the user may see (?task=, ?status=)
    GET  progress-reports/{id}/
    POST progress-reports/              create or update the draft of a task and period
    PATCH/PUT progress-reports/{id}/    update a draft or returned report
    POST progress-reports/{id}/submit/ | accept/ | return/ {reason} | correct/
    POST progress-reports/{id}/evidence/   multipart, one or more "files"

A service's PermissionDenied answers 403; its ValidationError answers 400 with field errors.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.core import permissions
from tracker.core.calendar import ReportingPeriod
from tracker.core.obligation_figures import cached_obligation_figures
from tracker.models import Evidence, OutputIndicator, ProgressReport, ReportedQuantity, Task
from tracker.progress import selectors as selectors_progress
from tracker.progress import services as progress_services

from .views import ApiPagination


class QuantitySerializer(serializers.ModelSerializer):
    output_indicator = serializers.PrimaryKeyRelatedField(queryset=OutputIndicator.objects.all())
    quantity = serializers.IntegerField(min_value=0)

    class Meta:
        model = ReportedQuantity
        fields = ["output_indicator", "quantity"]


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ["id", "original_name", "content_type", "size", "uploaded_at"]


class ProgressReportSerializer(serializers.ModelSerializer):
    task = serializers.PrimaryKeyRelatedField(queryset=Task.objects.none())
    quantities = QuantitySerializer(many=True, required=False)
    evidence = EvidenceSerializer(many=True, read_only=True)
    percent_complete = serializers.IntegerField(min_value=0, max_value=100)

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "task",
            "period_start",
            "period_end",
            "due_date",
            "percent_complete",
            "narrative",
            "difficulties",
            "proposals",
            "status",
            "return_reason",
            "revises",
            "submitted_at",
            "reviewed_at",
            "quantities",
            "evidence",
        ]
        read_only_fields = ["due_date", "status", "return_reason", "revises", "submitted_at", "reviewed_at"]
        # The service finds the open report of a task and period and updates it: no
        # "already exists" check from the model's unique constraint here.
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            # A task the user may not see is "not found", as on the pages.
            self.fields["task"].queryset = permissions.tasks_visible_to(request.user)


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)


class EvidenceUploadSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), allow_empty=False)


def _as_drf(error: DjangoValidationError) -> ValidationError:
    if hasattr(error, "error_dict"):
        return ValidationError(
            {field: [m for e in errors for m in e.messages] for field, errors in error.error_dict.items()}
        )
    return ValidationError({"non_field_errors": error.messages})


class ReportPagination(ApiPagination):
    """The API's pages, with the count of a reader of every province's list read once per
    change of the reports: that count is a COUNT(*) over every report of the country (500k at
    national scale, 50 ms of a 55 ms page). Every service that writes a report (a draft, a
    submission, a review, a correction) or removes tasks and so their reports goes through
    `tracker.core.obligations`, which drops the cached figures (`obligation_figures`). The key
    is the list's SQL, so each filter (?task=, ?status=) has its own count. A province's list
    is counted each time: by its plans' ids, read from an index, it does not grow with the
    country."""

    def django_paginator_class(self, object_list: QuerySet, per_page: int) -> Paginator:
        paginator = Paginator(object_list, per_page)
        if permissions.reads_every_province(self.request.user):
            sql, params = object_list.query.sql_with_params()
            digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
            # An instance attribute wins over Paginator.count (a cached_property).
            paginator.count = cached_obligation_figures(f"api:progress-reports:count:{digest}", object_list.count)
        return paginator


class ProgressReportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ProgressReportSerializer
    pagination_class = ReportPagination
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self) -> QuerySet[ProgressReport]:
        queryset = selectors_progress.reports_visible_to(self.request.user).prefetch_related(
            Prefetch("quantities", queryset=ReportedQuantity.objects.order_by("output_indicator_id")),
            "evidence",
        )
        params = self.request.query_params
        if params.get("task", "").isdigit():
            queryset = queryset.filter(task_id=int(params["task"]))
        if params.get("status") in ProgressReport.Status.values:
            queryset = queryset.filter(status=params["status"])
        return selectors_progress.newest_first(self.request.user, queryset)

    def _save_draft(self, serializer: ProgressReportSerializer, instance: ProgressReport | None) -> ProgressReport:
        data = serializer.validated_data
        task = data.get("task") or instance.task
        start = data.get("period_start") or instance.period_start
        end = data.get("period_end") or instance.period_end
        if instance is not None and (task.pk, start, end) != (
            instance.task_id,
            instance.period_start,
            instance.period_end,
        ):
            raise ValidationError({"non_field_errors": [_("A report's task and period cannot be changed.")]})
        if instance is not None and not instance.is_editable:
            raise ValidationError({"non_field_errors": [_("Only a draft or returned report can be changed.")]})

        def current(name: str, default=""):
            return data[name] if name in data else (getattr(instance, name) if instance else default)

        if "quantities" in data:
            quantities = {row["output_indicator"]: row["quantity"] for row in data["quantities"]}
        elif instance is not None:
            quantities = {
                row.output_indicator: row.quantity for row in instance.quantities.select_related("output_indicator")
            }
        else:
            quantities = {}
        try:
            return progress_services.progress_save_draft(
                task=task,
                period=ReportingPeriod(None, start, end, end, ""),
                actor=self.request.user,
                percent_complete=current("percent_complete", 0),
                narrative=current("narrative"),
                difficulties=current("difficulties"),
                proposals=current("proposals"),
                quantities=quantities,
            )
        except DjangoValidationError as error:
            raise _as_drf(error) from error

    def create(self, request: Request, *args, **kwargs) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        for name in ("period_start", "period_end"):
            if name not in serializer.validated_data:
                raise ValidationError({name: [_("This field is required.")]})
        report = self._save_draft(serializer, None)
        return Response(self.get_serializer(self._fresh(report)).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, *args, **kwargs) -> Response:
        instance = self.get_object()
        # PUT and PATCH both change only the fields sent; the rest stays as saved.
        serializer = self.get_serializer(instance, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        report = self._save_draft(serializer, instance)
        return Response(self.get_serializer(self._fresh(report)).data)

    def _fresh(self, report: ProgressReport) -> ProgressReport:
        return self.get_queryset().get(pk=report.pk)

    def _run(self, service, **kwargs) -> Response:
        report = self.get_object()
        try:
            service(report=report, actor=self.request.user, **kwargs)
        except DjangoValidationError as error:
            raise _as_drf(error) from error
        return Response(self.get_serializer(self._fresh(report)).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk=None) -> Response:
        return self._run(progress_services.progress_submit)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def accept(self, request: Request, pk=None) -> Response:
        return self._run(progress_services.progress_accept)

    @extend_schema(request=ReturnSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request: Request, pk=None) -> Response:
        body = ReturnSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._run(progress_services.progress_return, reason=body.validated_data["reason"])

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def correct(self, request: Request, pk=None) -> Response:
        report = self.get_object()
        try:
            correction = progress_services.progress_correct(report=report, actor=request.user)
        except DjangoValidationError as error:
            raise _as_drf(error) from error
        return Response(self.get_serializer(self._fresh(correction)).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": EvidenceUploadSerializer})
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser])
    def evidence(self, request: Request, pk=None) -> Response:
        report = self.get_object()
        if not permissions.can_report_on(request.user, report.task):
            raise PermissionDenied  # before reading the upload: refuse without a word on its content
        body = EvidenceUploadSerializer(data={"files": request.FILES.getlist("files")})
        body.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                progress_services.evidence_attach_many(
                    report=report, uploads=body.validated_data["files"], actor=request.user
                )
        except DjangoValidationError as error:
            raise _as_drf(error) from error
        return Response(self.get_serializer(self._fresh(report)).data, status=status.HTTP_201_CREATED)
