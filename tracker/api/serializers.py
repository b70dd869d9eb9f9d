"""Read-only representations of the tracker's data for /api/v1/.

Related objects appear as small references (id and name) so a client can show a list without
a second request; the querysets in views.py load them with select_related/prefetch_related so
no serializer here triggers a query per row.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tracker.models import (
    Activity,
    ActivityType,
    Area,
    AreaSuccession,
    Indicator,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    ProgrammeComponent,
    Target,
    Task,
    Unit,
)


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name"]


class AreaRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Area
        fields = ["id", "name"]


class ActivityTypeRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityType
        fields = ["code", "name"]


class ProgrammeComponentRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgrammeComponent
        fields = ["id", "code", "name"]


class LegalDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalDocument
        fields = ["id", "kind", "number_symbol", "issued_on", "issuer", "title"]


class LegalBasisSerializer(serializers.ModelSerializer):
    """A "Căn cứ …" line of a plan: the cited document, in the plan's order."""

    document = serializers.IntegerField(source="document_id", read_only=True)
    kind = serializers.CharField(source="document.kind", read_only=True)
    number_symbol = serializers.CharField(source="document.number_symbol", read_only=True)
    issued_on = serializers.DateField(source="document.issued_on", read_only=True, allow_null=True)
    title = serializers.CharField(source="document.title", read_only=True)

    class Meta:
        model = PlanLegalBasis
        fields = ["document", "kind", "number_symbol", "issued_on", "title"]


class PlanSerializer(serializers.ModelSerializer):
    issuer = UnitRefSerializer(read_only=True)
    programme_component = ProgrammeComponentRefSerializer(read_only=True, allow_null=True)
    legal_bases = LegalBasisSerializer(source="legal_basis_links", many=True, read_only=True)
    # Annotated by the view: counts of what the requesting user may see.
    activity_count = serializers.IntegerField(read_only=True, help_text=_("Activities of the plan you may see."))
    task_count = serializers.IntegerField(read_only=True, help_text=_("Tasks of the plan you may see."))
    target_count = serializers.IntegerField(read_only=True, help_text=_("Targets set by the plan."))

    class Meta:
        model = Plan
        fields = [
            "id",
            "issuer",
            "number_symbol",
            "place",
            "issued_on",
            "issued_on_precision",
            "title",
            "period_start",
            "period_end",
            "status",
            "is_sample",
            "programme_component",
            "legal_bases",
            "activity_count",
            "task_count",
            "target_count",
        ]


class PlanDutySerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True)

    class Meta:
        model = PlanDuty
        fields = ["unit", "heading", "text"]


class PlanDetailSerializer(PlanSerializer):
    """A plan with the text of its sections, as on its page."""

    area = AreaRefSerializer(read_only=True, allow_null=True)
    duties = PlanDutySerializer(many=True, read_only=True)

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields,
            "area",
            "purpose",
            "funding",
            "duties",
            "signing_authority",
            "signer_title",
            "signer_name",
            "recipients",
        ]


class OutputIndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = OutputIndicator
        fields = ["id", "name", "unit_of_measure", "planned_quantity", "counted_from"]


def _today(serializer: serializers.Serializer):
    """Today in the project's time zone (Asia/Ho_Chi_Minh), fixed once per request by the view."""
    return serializer.context.get("today") or timezone.localdate()


class ActivitySerializer(serializers.ModelSerializer):
    activity_type = ActivityTypeRefSerializer(read_only=True)
    lead_unit = UnitRefSerializer(read_only=True)
    cooperating_units = UnitRefSerializer(many=True, read_only=True)
    area = AreaRefSerializer(read_only=True, allow_null=True)
    output_indicators = OutputIndicatorSerializer(many=True, read_only=True)
    is_overdue = serializers.SerializerMethodField(
        help_text=_("Past its deadline, neither completed nor cancelled, in a plan not closed (today in Vietnam).")
    )

    class Meta:
        model = Activity
        fields = [
            "id",
            "plan",
            "section_code",
            "activity_type",
            "title",
            "description",
            "lead_unit",
            "cooperating_units",
            "area",
            "start_date",
            "due_date",
            "schedule_note",
            "status",
            "is_overdue",
            "output_indicators",
        ]

    def get_is_overdue(self, activity: Activity) -> bool:
        # A closed plan's open work is not late any more (calendar.plan_followed).
        return activity.is_overdue(_today(self)) and activity.plan.status != Plan.Status.CLOSED


class ActivityRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Activity
        fields = ["id", "plan", "section_code", "title"]


class TaskSerializer(serializers.ModelSerializer):
    activity = ActivityRefSerializer(read_only=True)
    unit = UnitRefSerializer(read_only=True)
    area = AreaRefSerializer(read_only=True, allow_null=True)
    is_overdue = serializers.SerializerMethodField(
        help_text=_("Past its due date, neither completed nor cancelled, in a plan not closed (today in Vietnam).")
    )

    class Meta:
        model = Task
        fields = [
            "id",
            "activity",
            "unit",
            "area",
            "deliverable",
            "output_indicator",
            "target_quantity",
            "due_date",
            "status",
            "completed_on",
            "is_overdue",
        ]

    def get_is_overdue(self, task: Task) -> bool:
        return task.is_overdue(_today(self)) and task.activity.plan.status != Plan.Status.CLOSED


class UnitSerializer(serializers.ModelSerializer):
    parent = UnitRefSerializer(read_only=True, allow_null=True)
    area = AreaRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Unit
        fields = [
            "id",
            "name",
            "short_name",
            "kind",
            "parent",
            "area",
            "is_group",
            "members",
            "valid_from",
            "valid_to",
            "successor",
            "is_sample",
        ]


class AreaSuccessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = AreaSuccession
        fields = ["successor", "took_over_on", "decision", "share"]


class AreaSerializer(serializers.ModelSerializer):
    parent = AreaRefSerializer(read_only=True, allow_null=True)
    # What the area passed to when it ended: one row per successor (a split has several).
    successors = AreaSuccessionSerializer(source="successions_out", many=True, read_only=True)
    # The classification in force today (`AreaClassification`, annotated by the view).
    region = serializers.CharField(read_only=True, allow_null=True, default="")
    is_border = serializers.BooleanField(read_only=True)
    is_extremely_difficult = serializers.BooleanField(read_only=True)
    is_island = serializers.BooleanField(read_only=True)
    is_ethnic_minority = serializers.BooleanField(read_only=True)

    class Meta:
        model = Area
        fields = [
            "id",
            "name",
            "level",
            "parent",
            "code",
            "region",
            "is_border",
            "is_extremely_difficult",
            "is_island",
            "is_ethnic_minority",
            "is_digital_pilot",
            "valid_from",
            "valid_to",
            "kind",
            "successors",
            "is_sample",
        ]


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "code", "name", "unit_of_measure", "role", "order"]


class IndicatorRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "code", "name", "unit_of_measure"]


class TargetSerializer(serializers.ModelSerializer):
    indicator = IndicatorRefSerializer(read_only=True)
    area = AreaRefSerializer(read_only=True)

    class Meta:
        model = Target
        fields = ["id", "plan", "indicator", "area", "year", "planned_value"]


class TargetTableColumnSerializer(serializers.Serializer):
    indicator = IndicatorSerializer(read_only=True)
    year = serializers.IntegerField(read_only=True)


class TargetTableRowSerializer(serializers.Serializer):
    area = AreaRefSerializer(read_only=True)
    values = serializers.ListField(
        child=serializers.IntegerField(allow_null=True),
        read_only=True,
        help_text=_("One value per column, in the order of the columns; null where the plan gives none."),
    )


class TargetTableSerializer(serializers.Serializer):
    """tracker.outputs.targets.TargetTable: the plan's targets as its appendix prints them."""

    columns = TargetTableColumnSerializer(
        many=True, read_only=True, help_text=_("An indicator in a year, in the indicators' order.")
    )
    rows = TargetTableRowSerializer(many=True, read_only=True)
    totals = serializers.ListField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text=_("The sum of each column, in the order of the columns."),
    )
