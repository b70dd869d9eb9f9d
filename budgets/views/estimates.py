"""Estimates (dự toán): the list, the form a unit draws one up with, its page read as a
document with the allocations made against it, and the steps of its workflow — submit (the
unit, the DIC or finance), appraise (finance), approve (a DIC manager) or return.

Thin views, as the tracker's: look the estimate up through the permission-filtered queryset
(404 when the user may not see it), refuse a step the user's role never takes (403), say so
when the estimate is not at the step the action needs (a message, never a 500), validate a
form, call a service, redirect with a message. Mutations only on POST.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from budgets import permissions, selectors, services
from budgets.forms import (
    EstimateAppraiseForm,
    EstimateApproveForm,
    EstimateForm,
    EstimateLineFormSet,
    EstimateListFilter,
    EstimateReturnForm,
    fixed_unit,
)
from budgets.models import Estimate
from budgets.once import once_per_token
from budgets.views import history_view, list_response, require_budget_reader
from tracker.core.forms import add_service_error, service_errors_on, service_step
from tracker.core.permissions import AnyUser, get_visible_or_404, is_unit_officer

Status = Estimate.Status


# --- Who may take which step -------------------------------------------------------------------


def _drafts(user: AnyUser, estimate: Estimate) -> bool:
    """Whether the user's role draws up and submits this estimate (whatever its state now):
    the estimate's own unit, DIC managers and finance officers."""
    if permissions.can_approve_estimates(user) or permissions.can_record_finance(user):
        return True
    return is_unit_officer(user) and user.unit_id is not None and estimate.unit_id == user.unit_id


def _can_start(user: AnyUser) -> bool:
    """Whether the user may draw up estimates at all (the activity list narrows it further)."""
    if permissions.can_approve_estimates(user) or permissions.can_record_finance(user):
        return True
    return is_unit_officer(user) and user.unit_id is not None


def estimate_actions(user: AnyUser, estimate: Estimate) -> dict[str, bool]:
    """The steps the user may take on the estimate now (the forms its page shows)."""
    finance = permissions.can_record_finance(user)
    manager = permissions.can_approve_estimates(user)
    editable = permissions.can_draft_estimate(user, estimate)
    return {
        "edit": editable,
        "submit": editable,
        "appraise": finance and estimate.status == Status.SUBMITTED,
        "approve": manager and estimate.status == Status.APPRAISED,
        "return": (finance and estimate.status == Status.SUBMITTED)
        or (manager and estimate.status == Status.APPRAISED),
        "allocate": finance and estimate.status == Status.APPROVED,
    }


def _visible(request: HttpRequest, pk: int) -> Estimate:
    return get_visible_or_404(permissions.estimates_visible_to(request.user).select_related("activity", "unit"), pk=pk)


def _wrong_state(request: HttpRequest, estimate: Estimate, what: str) -> HttpResponse:
    messages.error(
        request,
        _("This estimate is “%(status)s”: %(what)s") % {"status": estimate.get_status_display(), "what": what},
    )
    return redirect("budgets:estimate_detail", pk=estimate.pk)


# --- Pages -------------------------------------------------------------------------------------


@login_required
@require_safe
def estimate_list(request: HttpRequest) -> HttpResponse:
    require_budget_reader(request)
    return list_response(
        request,
        "budgets/estimates/list.html",
        EstimateListFilter,
        rows=selectors.estimates_for_list(request.user),
        choices=selectors.estimate_filter_choices(request.user, request.GET),
        summarize=selectors.estimate_summary,
        can_create=_can_start(request.user),
        statuses=Status,
    )


@login_required
@require_safe
def estimate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = selectors.estimate_for_detail(request.user, pk)
    return _render_detail(request, estimate)


def _render_detail(request: HttpRequest, estimate: Estimate, status: int = 200, **forms) -> HttpResponse:
    actions = estimate_actions(request.user, estimate)
    context = {
        "estimate": estimate,
        "lines": estimate.line_list,
        "actions": actions,
        "created_at": selectors.estimate_created_at(estimate),
        "appraise_form": forms.get("appraise_form")
        or (EstimateAppraiseForm(lines=estimate.line_list) if actions["appraise"] else None),
        "approve_form": forms.get("approve_form") or (EstimateApproveForm() if actions["approve"] else None),
        "return_form": forms.get("return_form") or (EstimateReturnForm() if actions["return"] else None),
    }
    # What has been allocated for the activity and year, against every approved estimate.
    if estimate.status == Status.APPROVED:
        context["funding"] = selectors.activity_funding(estimate.activity_id, estimate.year)
        context["allocations"] = selectors.allocations_of_activity_year(
            request.user, estimate.activity_id, estimate.year
        )
    return render(request, "budgets/estimates/detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_token
def estimate_create(request: HttpRequest) -> HttpResponse:
    if not _can_start(request.user):
        raise PermissionDenied
    estimate = Estimate(created_by=request.user)
    if fixed_unit(request.user):
        estimate.unit = request.user.unit
    initial = {}
    # ?activity=<pk> (the "draw up an estimate" links) preselects the activity.
    activity_id = request.GET.get("activity", "")
    if activity_id.isdigit():
        activity = permissions.estimate_activities_for(request.user).filter(pk=activity_id).first()
        if activity is not None:
            initial = {"activity": activity.pk, "unit": activity.lead_unit_id}
    return _estimate_form(request, estimate, initial)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_token
def estimate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = _visible(request, pk)
    if not _drafts(request.user, estimate):
        raise PermissionDenied
    if not estimate.is_editable:
        return _wrong_state(request, estimate, _("only a draft or a returned estimate can be edited."))
    return _estimate_form(request, estimate)


def _estimate_form(request: HttpRequest, estimate: Estimate, initial: dict | None = None) -> HttpResponse:
    is_new = estimate.pk is None
    data = request.POST if request.method == "POST" else None
    form = EstimateForm(data, instance=estimate, initial=initial, user=request.user)
    lines = EstimateLineFormSet(data, instance=estimate, prefix="lines")
    if data is not None:
        # Validate both, so every mistake is shown at once.
        valid = form.is_valid()
        valid = lines.is_valid() and valid
        if valid:
            submitting = "save_and_submit" in request.POST
            # One transaction: the estimate, its lines and the submission, or nothing.
            with service_errors_on(form) as outcome, transaction.atomic():
                saved = services.estimate_save(estimate=form.instance, lines=lines.lines(), actor=request.user)
                if submitting:
                    services.estimate_submit(estimate=saved, actor=request.user)
            if outcome.saved:
                if submitting:
                    messages.success(request, _("The estimate was saved and submitted for appraisal."))
                elif is_new:
                    messages.success(request, _("The estimate was created as a draft."))
                else:
                    messages.success(request, _("The estimate was saved."))
                return redirect("budgets:estimate_detail", pk=saved.pk)
    return render(
        request,
        "budgets/estimates/form.html",
        {
            "form": form,
            "lines": lines,
            "estimate": estimate,
            "is_new": is_new,
            "fixed_unit": request.user.unit if "unit" not in form.fields else None,
        },
    )


# --- Workflow steps (POST only) ----------------------------------------------------------------


@login_required
@require_POST
@once_per_token
def estimate_submit(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = _visible(request, pk)
    if not _drafts(request.user, estimate):
        raise PermissionDenied
    if not estimate.is_editable:
        return _wrong_state(request, estimate, _("only a draft or a returned estimate can be submitted."))
    service_step(request, services.estimate_submit, _("The estimate was submitted for appraisal."), estimate=estimate)
    return redirect("budgets:estimate_detail", pk=estimate.pk)


@login_required
@require_POST
@once_per_token
def estimate_appraise(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = _visible(request, pk)
    if not permissions.can_record_finance(request.user):
        raise PermissionDenied
    if estimate.status != Status.SUBMITTED:
        return _wrong_state(request, estimate, _("only an estimate submitted for appraisal can be appraised."))
    estimate = selectors.estimate_for_detail(request.user, pk)
    form = EstimateAppraiseForm(request.POST, lines=estimate.line_list)
    if form.is_valid():
        try:
            services.estimate_appraise(
                estimate=estimate,
                appraised=form.appraised(),
                comments=form.cleaned_data["comments"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The appraisal was recorded."))
            return redirect("budgets:estimate_detail", pk=estimate.pk)
    return _render_detail(request, estimate, appraise_form=form)


@login_required
@require_POST
@once_per_token
def estimate_approve(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = _visible(request, pk)
    if not permissions.can_approve_estimates(request.user):
        raise PermissionDenied
    if estimate.status != Status.APPRAISED:
        return _wrong_state(request, estimate, _("only an appraised estimate can be approved."))
    form = EstimateApproveForm(request.POST)
    if form.is_valid():
        try:
            services.estimate_approve(
                estimate=estimate,
                decision_number=form.cleaned_data["decision_number"],
                decision_date=form.cleaned_data["decision_date"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The estimate was approved by decision %(decision)s.")
                % {"decision": form.cleaned_data["decision_number"].strip()},
            )
            return redirect("budgets:estimate_detail", pk=estimate.pk)
    return _render_detail(request, selectors.estimate_for_detail(request.user, pk), approve_form=form)


@login_required
@require_POST
@once_per_token
def estimate_return(request: HttpRequest, pk: int) -> HttpResponse:
    estimate = _visible(request, pk)
    user = request.user
    if not (permissions.can_record_finance(user) or permissions.can_approve_estimates(user)):
        raise PermissionDenied
    if not estimate_actions(user, estimate)["return"]:
        return _wrong_state(
            request,
            estimate,
            _(
                "the finance department returns an estimate under appraisal, a DIC manager an appraised one;"
                " this one cannot be returned by you now."
            ),
        )
    form = EstimateReturnForm(request.POST)
    if form.is_valid():
        try:
            services.estimate_return(estimate=estimate, reason=form.cleaned_data["reason"], actor=user)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "return_reason" in error.error_dict:
                error = ValidationError({"reason": error.error_dict["return_reason"]})
            add_service_error(form, error)
        else:
            messages.success(request, _("The estimate was returned to the unit."))
            return redirect("budgets:estimate_detail", pk=estimate.pk)
    return _render_detail(request, selectors.estimate_for_detail(user, pk), return_form=form)


estimate_history = history_view("estimate", permissions.estimates_visible_to)


urlpatterns = [
    path("estimates/", estimate_list, name="estimate_list"),
    path("estimates/new/", estimate_create, name="estimate_create"),
    path("estimates/<int:pk>/", estimate_detail, name="estimate_detail"),
    path("estimates/<int:pk>/edit/", estimate_edit, name="estimate_edit"),
    path("estimates/<int:pk>/submit/", estimate_submit, name="estimate_submit"),
    path("estimates/<int:pk>/appraise/", estimate_appraise, name="estimate_appraise"),
    path("estimates/<int:pk>/approve/", estimate_approve, name="estimate_approve"),
    path("estimates/<int:pk>/return/", estimate_return, name="estimate_return"),
    path("estimates/<int:pk>/history/", estimate_history, name="estimate_history"),
]
