"""Django admin for budgets. Allocations save through the service (history with the admin
user, a refusal shown on the form) and are not deleted here, as on the pages; funding sources
and disbursements are read-only — disbursements are a ledger written only by
``disbursement_record`` / ``disbursement_reverse``."""

from django.contrib import admin

from budgets import models, services
from tracker.core.service_admin import ServiceHistoryAdmin


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.FundingSource)
class FundingSourceAdmin(ReadOnlyAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(models.Allocation)
class AllocationAdmin(ServiceHistoryAdmin):
    list_display = ("decision_number", "year", "activity", "unit", "funding_source", "amount", "disbursed")
    list_filter = ("year", "funding_source")
    search_fields = ("decision_number", "activity__title", "unit__name")
    list_select_related = ("activity", "unit", "funding_source")
    autocomplete_fields = ("activity", "unit")
    readonly_fields = ("disbursed",)

    def save_model(self, request, obj, form, change):
        services.allocation_save(allocation=obj, actor=request.user)

    # An allocation is corrected (its amount, its decision), never deleted: its disbursements
    # and its history refer to it, and no service deletes one.
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Disbursement)
class DisbursementAdmin(ReadOnlyAdmin):
    list_display = ("voucher_number", "voucher_date", "allocation", "amount", "reverses", "recorded_by", "recorded_at")
    list_filter = ("voucher_date",)
    search_fields = ("voucher_number", "allocation__decision_number")
    list_select_related = ("allocation", "reverses", "recorded_by")
    ordering = ("voucher_date", "id")
