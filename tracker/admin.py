"""Django admin for every tracker model; history is recorded with the admin user."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker import models
from tracker.core import grants
from tracker.documents import services as document_services
from tracker.work import services


class TrackedAdmin(SimpleHistoryAdmin):
    """Admin saves go through full_clean in the form; the request user lands in history."""


@admin.register(models.User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Unit"), {"fields": ("unit", "phone")}))
    list_display = ("username", "get_full_name", "unit", "is_active")
    list_filter = ("groups", "is_active")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Roles and unit are saved by now: put the officer in their unit's rights group.
        document_services.user_set_unit(user=form.instance, unit=form.instance.unit, actor=request.user)


@admin.register(models.Area)
class AreaAdmin(TrackedAdmin):
    list_display = ("name", "level", "code", "parent", "region", "is_border", "is_extremely_difficult", "valid_to")
    list_filter = ("level", "region", "is_border", "is_extremely_difficult", "is_digital_pilot", "is_sample")
    search_fields = ("name", "code")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent", "successor")


@admin.register(models.Unit)
class UnitAdmin(TrackedAdmin):
    list_display = ("name", "kind", "area", "is_group", "valid_to")
    list_filter = ("kind", "is_group", "is_sample")
    search_fields = ("name", "short_name")
    list_select_related = ("area",)
    autocomplete_fields = ("parent", "area", "successor", "members")


@admin.register(models.LegalDocument)
class LegalDocumentAdmin(TrackedAdmin):
    list_display = ("number_symbol", "kind", "issued_on", "issuer")
    list_filter = ("kind",)
    search_fields = ("number_symbol", "title", "issuer")


@admin.register(models.ProgrammeComponent)
class ProgrammeComponentAdmin(TrackedAdmin):
    list_display = ("code", "name", "level", "parent", "valid_from", "valid_to")
    autocomplete_fields = ("parent", "legal_basis", "lead_agency")
    search_fields = ("code", "name")


class PlanLegalBasisInline(admin.TabularInline):
    model = models.PlanLegalBasis
    autocomplete_fields = ("document",)
    extra = 0


class PlanDutyInline(admin.StackedInline):
    model = models.PlanDuty
    autocomplete_fields = ("unit",)
    extra = 0


@admin.register(models.Plan)
class PlanAdmin(TrackedAdmin):
    list_display = ("__str__", "issuer", "issued_on", "status", "is_sample")
    list_filter = ("status", "is_sample")
    search_fields = ("title", "number_symbol")
    list_select_related = ("issuer",)
    autocomplete_fields = ("issuer", "programme_component", "area")
    inlines = (PlanLegalBasisInline, PlanDutyInline)


@admin.register(models.ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "output_measure", "order")
    search_fields = ("name",)


class CooperationInline(admin.TabularInline):
    model = models.Cooperation
    autocomplete_fields = ("unit",)
    extra = 0


class OutputIndicatorInline(admin.TabularInline):
    model = models.OutputIndicator
    extra = 0


@admin.register(models.Activity)
class ActivityAdmin(TrackedAdmin):
    list_display = ("__str__", "plan", "lead_unit", "due_date", "status")
    list_filter = ("status", "activity_type")
    search_fields = ("title", "section_code")
    list_select_related = ("plan", "lead_unit")
    autocomplete_fields = ("plan", "lead_unit", "area")
    inlines = (CooperationInline, OutputIndicatorInline)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        grants.grants_sync(activity=form.instance)  # lead and cooperating units may have changed


@admin.register(models.OutputRecord)
class OutputRecordAdmin(TrackedAdmin):
    """Read-only: records are written by the system that owns the product (the campaign site
    publishes and withdraws articles) through `progress_services.output_record_set/clear`."""

    list_display = ("title", "output_indicator", "quantity", "achieved_on", "source")
    list_select_related = ("output_indicator",)
    search_fields = ("title", "source")
    date_hierarchy = "achieved_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Task)
class TaskAdmin(TrackedAdmin):
    list_display = ("deliverable", "unit", "activity", "due_date", "status")
    list_filter = ("status",)
    search_fields = ("deliverable",)
    list_select_related = ("unit", "activity")
    autocomplete_fields = ("activity", "unit", "area")

    def save_model(self, request, obj, form, change):
        services.task_assign(task=obj, actor=request.user)

    def delete_model(self, request, obj):
        services.task_remove(task=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for task in queryset:
            services.task_remove(task=task, actor=request.user)


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "unit_of_measure", "role")
    search_fields = ("name", "code")


@admin.register(models.Target)
class TargetAdmin(TrackedAdmin):
    list_display = ("area", "indicator", "year", "planned_value", "plan")
    list_filter = ("indicator", "year")
    list_select_related = ("area", "indicator", "plan")
    autocomplete_fields = ("plan", "area", "indicator")


@admin.register(models.Deadline)
class DeadlineAdmin(TrackedAdmin):
    list_display = ("title", "plan", "kind", "due_date", "window_start", "window_end")
    list_select_related = ("plan",)
    autocomplete_fields = ("plan", "activity", "responsible_unit")


@admin.register(models.ReportingRule)
class ReportingRuleAdmin(TrackedAdmin):
    list_display = ("title", "plan", "frequency", "due_day", "due_month", "reporter")
    list_select_related = ("plan", "reporter")
    autocomplete_fields = ("plan", "reporter", "recipient")


@admin.register(models.GeneratedReport)
class GeneratedReportAdmin(admin.ModelAdmin):
    """Generated reports are immutable records of what was sent: the admin only reads them.
    They are produced by `tracker.reports.services` (the reports pages), never by hand here."""

    list_display = (
        "__str__",
        "kind",
        "period_type",
        "period_start",
        "period_end",
        "status",
        "created_by",
        "created_at",
    )
    list_filter = ("kind", "period_type", "status", "created_at")
    list_select_related = ("created_by", "plan", "unit")
    search_fields = ("title", "pdf_sha256", "xlsx_sha256")
    date_hierarchy = "created_at"
    readonly_fields = (
        "kind",
        "plan",
        "unit",
        "period_type",
        "period_start",
        "period_end",
        "title",
        "status",
        "progress",
        "error_message",
        "parameters",
        "pdf",
        "pdf_sha256",
        "xlsx",
        "xlsx_sha256",
        "page_count",
        "created_by",
        "created_at",
        "started_at",
        "finished_at",
    )
    # The snapshot is large (every figure of the report); the preview page shows it.
    exclude = ("snapshot",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyRegisterAdmin(SimpleHistoryAdmin):
    """Register entries are entered, reviewed and counted through `tracker.registers.services`
    (their pages under /tracker/registers/): a save here would skip the review and the output
    records, so the admin only reads them, with their history."""

    list_display = ("__str__", "activity", "unit", "area", "status", "is_sample", "created_at")
    list_filter = ("status", "is_sample", "created_at")
    list_select_related = ("activity", "unit", "area")
    search_fields = ("activity__title", "unit__name", "area__name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for _model in models.REGISTER_MODELS.values():
    admin.site.register(_model, ReadOnlyRegisterAdmin)


@admin.register(models.RadioStation)
class RadioStationAdmin(ReadOnlyRegisterAdmin):
    """Stations and their surveyed states are kept on the radio stations' pages."""

    list_display = ("__str__", "commune", "is_sample")
    list_filter = ("is_sample",)
    list_select_related = ("commune",)
    search_fields = ("name", "commune__name")
