"""Allocations (giao dự toán / phân bổ) and their disbursement ledger (giải ngân).

Finance officers record allocations, disbursements and reversing entries; DIC managers and
monitors read everything; a unit officer reads their own unit's allocations. Every amount
check is the service's: a disbursement over what remains, or an allocation over what was
approved, comes back as the service's message on the amount field and writes nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from budgets import permissions, selectors, services
from budgets.forms import AllocationForm, AllocationListFilter, DisbursementForm, DisbursementReverseForm
from budgets.models import Allocation
from budgets.money import format_vnd
from budgets.once import once_per_token
from budgets.views import history_view, list_response, require_budget_reader, require_finance
from tracker.core.forms import add_service_error, service_errors_on, service_step
from tracker.core.permissions import get_visible_or_404


@login_required
@require_safe
def allocation_list(request: HttpRequest) -> HttpResponse:
    require_budget_reader(request)
    return list_response(
        request,
        "budgets/ledger/list.html",
        AllocationListFilter,
        rows=selectors.allocations_for_list(request.user),
        choices=selectors.allocation_filter_choices(request.user, request.GET),
        summarize=selectors.allocation_summary,
        finish_page=selectors.with_rates,
        can_record=permissions.can_record_finance(request.user),
    )


@login_required
@require_safe
def allocation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = selectors.allocation_for_detail(request.user, pk)
    return _render_detail(request, allocation)


def _render_detail(request: HttpRequest, allocation: Allocation, form: DisbursementForm | None = None) -> HttpResponse:
    can_record = permissions.can_record_finance(request.user)
    if form is None and can_record and allocation.remaining > 0:
        form = DisbursementForm(initial={"voucher_date": timezone.localdate()})
    return render(
        request,
        "budgets/ledger/detail.html",
        {
            "allocation": allocation,
            "ledger": selectors.allocation_ledger(allocation),
            "can_record": can_record,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_token
def allocation_create(request: HttpRequest) -> HttpResponse:
    require_finance(request)
    # The estimate page's "allocate" link preselects what it knows: ?activity=&year=&unit=.
    initial = {
        name: request.GET[name] for name in ("activity", "year", "unit", "funding_source") if name in request.GET
    }
    return _allocation_form(request, Allocation(), initial)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_token
def allocation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = get_visible_or_404(permissions.allocations_visible_to(request.user), pk=pk)
    require_finance(request)
    return _allocation_form(request, allocation)


def _allocation_form(request: HttpRequest, allocation: Allocation, initial: dict | None = None) -> HttpResponse:
    is_new = allocation.pk is None
    if request.method == "POST" and "check" in request.POST:
        # "Show what can be allocated": the same form again, with the box filled in, unsaved
        # and without complaining about what is not typed yet.
        form = AllocationForm(instance=allocation, initial=request.POST.dict(), user=request.user)
    else:
        form = AllocationForm(
            request.POST if request.method == "POST" else None, instance=allocation, initial=initial, user=request.user
        )
    if form.is_bound and form.is_valid():
        with service_errors_on(form) as outcome:
            services.allocation_save(allocation=form.instance, actor=request.user)
        if outcome.saved:
            messages.success(request, _("The allocation was recorded.") if is_new else _("The allocation was saved."))
            return redirect("budgets:allocation_detail", pk=form.instance.pk)
    activity_id, year, source_id = form.chosen()
    funding = (
        selectors.activity_funding(activity_id, year, exclude_allocation=allocation.pk)
        if activity_id and year
        else None
    )
    return render(
        request,
        "budgets/ledger/form.html",
        {
            "form": form,
            "allocation": allocation,
            "is_new": is_new,
            "funding": funding,
            "chosen_source": source_id,
        },
    )


@login_required
@require_POST
@once_per_token
def disbursement_record(request: HttpRequest, pk: int) -> HttpResponse:
    allocation = selectors.allocation_for_detail(request.user, pk)
    require_finance(request)
    form = DisbursementForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.disbursement_record(
                allocation=allocation,
                amount=data["amount"],
                voucher_number=data["voucher_number"].strip(),
                voucher_date=data["voucher_date"],
                note=data["note"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Disbursement %(voucher)s of %(amount)s was recorded.")
                % {"voucher": data["voucher_number"].strip(), "amount": format_vnd(data["amount"])},
            )
            return redirect(reverse("budgets:allocation_detail", args=[allocation.pk]) + "#ledger")
    return _render_detail(request, allocation, form)


@login_required
@require_POST
@once_per_token
def disbursement_reverse(request: HttpRequest, pk: int) -> HttpResponse:
    disbursement = get_visible_or_404(
        permissions.disbursements_visible_to(request.user).select_related("allocation"), pk=pk
    )
    require_finance(request)
    detail = reverse("budgets:allocation_detail", args=[disbursement.allocation_id]) + "#ledger"
    form = DisbursementReverseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the disbursement is reversed."))
        return redirect(detail)
    service_step(
        request,
        services.disbursement_reverse,
        _("Disbursement %(voucher)s was reversed.") % {"voucher": disbursement.voucher_number},
        disbursement=disbursement,
        reason=form.cleaned_data["reason"],
    )
    return redirect(detail)


allocation_history = history_view("allocation", permissions.allocations_visible_to)


urlpatterns = [
    path("allocations/", allocation_list, name="allocation_list"),
    path("allocations/new/", allocation_create, name="allocation_create"),
    path("allocations/<int:pk>/", allocation_detail, name="allocation_detail"),
    path("allocations/<int:pk>/edit/", allocation_edit, name="allocation_edit"),
    path("allocations/<int:pk>/disburse/", disbursement_record, name="disbursement_record"),
    path("disbursements/<int:pk>/reverse/", disbursement_reverse, name="disbursement_reverse"),
    path("allocations/<int:pk>/history/", allocation_history, name="allocation_history"),
]
