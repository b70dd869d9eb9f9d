"""Django admin for every tracker model: each save and delete goes through the model's service
(`tracker.core.service_admin`), so the admin keeps the same rules as the pages, writes the same
history with the admin user, and shows a service's refusal on the form. Rows written only by a
workflow (output records, register entries, generated reports) are read-only here."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker import models
from tracker.core.obligation_figures import obligation_figures_changed
from tracker.core.service_admin import ServiceAdminMixin, ServiceHistoryAdmin, ServiceInlineMixin
from tracker.documents import services as document_services
from tracker.work import services


class TrackedAdmin(ServiceHistoryAdmin):
    """Deletes through the generic service, recording the admin user in the history."""

    def delete_model(self, request, obj):
        services.delete(instance=obj, actor=request.user)


@admin.register(models.User)
class UserAdmin(ServiceAdminMixin, BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Unit"), {"fields": ("unit", "phone")}))
    list_display = ("username", "get_full_name", "unit", "is_active")
    list_filter = ("groups", "is_active")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)

    def save_model(self, request, obj, form, change):
        document_services.user_save(user=obj, actor=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # roles: auth's own groups
        # Roles and unit are saved by now: put the officer in their unit's rights group.
        document_services.user_set_unit(user=form.instance, unit=form.instance.unit, actor=request.user)

    def delete_model(self, request, obj):
        services.delete(instance=obj, actor=request.user)


@admin.register(models.Area)
class AreaAdmin(TrackedAdmin):
    list_display = ("name", "level", "code", "parent", "valid_to")
    list_filter = ("level", "is_digital_pilot", "is_sample")
    search_fields = ("name", "code")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)

    def save_model(self, request, obj, form, change):
        document_services.area_save(area=obj, actor=request.user)


@admin.register(models.Unit)
class UnitAdmin(TrackedAdmin):
    list_display = ("name", "kind", "area", "is_group", "valid_to")
    list_filter = ("kind", "is_group", "is_sample")
    search_fields = ("name", "short_name")
    list_select_related = ("area",)
    autocomplete_fields = ("parent", "area", "successor", "members")

    def save_model(self, request, obj, form, change):
        document_services.unit_save(unit=obj, actor=request.user)

    def save_related(self, request, form, formsets, change):
        # Not form.save_m2m(): a collective's members decide whom its grants reach.
        if not change or "members" in form.changed_data:
            document_services.unit_members_set(
                unit=form.instance, members=form.cleaned_data["members"], actor=request.user
            )
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


class LegalDocumentAdminForm(forms.ModelForm):
    """Refuses a duplicate (same number-symbol and date) with a link to the existing one."""

    class Meta:
        model = models.LegalDocument
        fields = "__all__"  # noqa: DJ007 - the admin shows every field

    def clean(self):
        cleaned = super().clean()
        existing = document_services.legal_document_duplicate(
            number_symbol=cleaned.get("number_symbol") or "",
            issued_on=cleaned.get("issued_on"),
            exclude_pk=self.instance.pk,
        )
        if existing is not None:
            url = reverse("admin:tracker_legaldocument_change", args=[existing.pk])
            self.add_error(
                "number_symbol",
                format_html(
                    '{} <a href="{}">{}</a>', _("This document already exists (same number and date):"), url, existing
                ),
            )
        return cleaned


@admin.register(models.LegalDocument)
class LegalDocumentAdmin(TrackedAdmin):
    form = LegalDocumentAdminForm
    list_display = ("number_symbol", "kind", "issued_on", "issuer", "valid_to")
    list_filter = ("kind",)
    search_fields = ("number_symbol", "title", "issuer")

    def save_model(self, request, obj, form, change):
        document_services.legal_document_save(document=obj, actor=request.user)


@admin.register(models.ProgrammeComponent)
class ProgrammeComponentAdmin(TrackedAdmin):
    list_display = ("code", "name", "level", "parent", "valid_from", "valid_to")
    autocomplete_fields = ("parent", "legal_basis", "lead_agency")
    search_fields = ("code", "name")

    def save_model(self, request, obj, form, change):
        document_services.programme_component_save(component=obj, actor=request.user)


class PlanLegalBasisInline(ServiceInlineMixin, admin.TabularInline):
    model = models.PlanLegalBasis
    autocomplete_fields = ("document",)
    extra = 0

    def save_row(self, request, obj):
        document_services.plan_legal_basis_save(link=obj, actor=request.user)

    def delete_row(self, request, obj):
        services.delete(instance=obj, actor=request.user)


class PlanDutyInline(ServiceInlineMixin, admin.StackedInline):
    model = models.PlanDuty
    autocomplete_fields = ("unit",)
    extra = 0

    def save_row(self, request, obj):
        document_services.plan_duty_save(duty=obj, actor=request.user)

    def delete_row(self, request, obj):
        services.delete(instance=obj, actor=request.user)


@admin.register(models.Plan)
class PlanAdmin(TrackedAdmin):
    list_display = ("__str__", "issuer", "issued_on", "status", "is_sample")
    list_filter = ("status", "is_sample")
    search_fields = ("title", "number_symbol")
    list_select_related = ("issuer",)
    autocomplete_fields = ("issuer", "programme_component", "area")
    inlines = (PlanLegalBasisInline, PlanDutyInline)

    def save_model(self, request, obj, form, change):
        document_services.plan_save(plan=obj, actor=request.user)


@admin.register(models.ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "output_measure", "order")
    search_fields = ("name",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obligation_figures_changed()  # cached figures name the content types and keep their order


class CooperationInline(ServiceInlineMixin, admin.TabularInline):
    model = models.Cooperation
    autocomplete_fields = ("unit",)
    extra = 0

    def save_row(self, request, obj):
        services.cooperation_save(cooperation=obj, actor=request.user)

    def delete_row(self, request, obj):
        services.cooperation_remove(cooperation=obj, actor=request.user)


class OutputIndicatorInline(ServiceInlineMixin, admin.TabularInline):
    """Through the service: an output with records stays counted from records (never twice),
    and a change of its register measure recounts the accepted register entries."""

    model = models.OutputIndicator
    extra = 0

    def save_row(self, request, obj):
        services.output_indicator_save(output=obj, actor=request.user)

    def delete_row(self, request, obj):
        services.delete(instance=obj, actor=request.user)


@admin.register(models.Activity)
class ActivityAdmin(TrackedAdmin):
    list_display = ("__str__", "plan", "lead_unit", "due_date", "status")
    list_filter = ("status", "activity_type")
    search_fields = ("title", "section_code")
    list_select_related = ("plan", "lead_unit")
    autocomplete_fields = ("plan", "lead_unit", "area")
    inlines = (CooperationInline, OutputIndicatorInline)

    def save_model(self, request, obj, form, change):
        # The lead unit's rights follow at once; each cooperating row's follow its own service.
        services.activity_save(activity=obj, actor=request.user)


@admin.register(models.OutputRecord)
class OutputRecordAdmin(SimpleHistoryAdmin):
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


@admin.register(models.Indicator)
class IndicatorAdmin(TrackedAdmin):
    list_display = ("name", "code", "unit_of_measure", "role", "valid_to")
    search_fields = ("name", "code")

    def save_model(self, request, obj, form, change):
        document_services.indicator_save(indicator=obj, actor=request.user)


@admin.register(models.Target)
class TargetAdmin(TrackedAdmin):
    list_display = ("area", "indicator", "year", "planned_value", "plan")
    list_filter = ("indicator", "year")
    list_select_related = ("area", "indicator", "plan")
    autocomplete_fields = ("plan", "area", "indicator")

    def save_model(self, request, obj, form, change):
        document_services.target_save(target=obj, actor=request.user)


@admin.register(models.Deadline)
class DeadlineAdmin(TrackedAdmin):
    list_display = ("title", "plan", "kind", "due_date", "window_start", "window_end")
    list_select_related = ("plan",)
    autocomplete_fields = ("plan", "activity", "responsible_unit")

    def save_model(self, request, obj, form, change):
        document_services.deadline_save(deadline=obj, actor=request.user)


@admin.register(models.ReportingRule)
class ReportingRuleAdmin(TrackedAdmin):
    list_display = ("title", "plan", "frequency", "due_day", "due_month", "reporter")
    list_select_related = ("plan", "reporter")
    autocomplete_fields = ("plan", "reporter", "recipient")

    def save_model(self, request, obj, form, change):
        document_services.reporting_rule_save(rule=obj, actor=request.user)


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
