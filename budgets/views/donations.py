"""Donations (xã hội hóa): support received in cash or in kind, and what was passed on.

Finance officers record donations and pass them on; the DIC and monitors read everything; a
unit officer reads what their unit received or was passed. Passing on more than remains is
refused by the service, whose message lands on the quantity or amount field.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from budgets import permissions, selectors, services
from budgets.forms import DonationForm, DonationListFilter, DonationTransferForm
from budgets.models import Donation
from budgets.once import once_per_token
from budgets.views import history_view, list_response, require_budget_reader, require_finance
from tracker.core.forms import add_service_error, service_errors_on
from tracker.core.permissions import get_visible_or_404


@login_required
@require_safe
def donation_list(request: HttpRequest) -> HttpResponse:
    require_budget_reader(request)
    return list_response(
        request,
        "budgets/donations/list.html",
        DonationListFilter,
        rows=selectors.donations_for_list(request.user),
        choices=selectors.donation_filter_choices(request.user),
        summarize=selectors.donation_summary,
        can_record=permissions.can_record_finance(request.user),
    )


@login_required
@require_safe
def donation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, selectors.donation_for_detail(request.user, pk))


def _render_detail(request: HttpRequest, donation: Donation, form: DonationTransferForm | None = None):
    can_record = permissions.can_record_finance(request.user)
    if form is None and can_record and donation.remaining_amount > 0:
        form = DonationTransferForm(donation=donation, user=request.user)
    return render(
        request,
        "budgets/donations/detail.html",
        {"donation": donation, "transfers": donation.transfer_list, "can_record": can_record, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_token
def donation_create(request: HttpRequest) -> HttpResponse:
    require_finance(request)
    return _donation_form(request, Donation())


@login_required
@require_http_methods(["GET", "POST"])
@once_per_token
def donation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    donation = get_visible_or_404(permissions.donations_visible_to(request.user), pk=pk)
    require_finance(request)
    return _donation_form(request, donation)


def _donation_form(request: HttpRequest, donation: Donation) -> HttpResponse:
    is_new = donation.pk is None
    form = DonationForm(request.POST if request.method == "POST" else None, instance=donation, user=request.user)
    if form.is_valid():
        with service_errors_on(form) as outcome:
            services.donation_save(donation=form.instance, actor=request.user)
        if outcome.saved:
            messages.success(request, _("The donation was recorded.") if is_new else _("The donation was saved."))
            return redirect("budgets:donation_detail", pk=form.instance.pk)
    return render(request, "budgets/donations/form.html", {"form": form, "donation": donation, "is_new": is_new})


@login_required
@require_POST
@once_per_token
def donation_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    donation = selectors.donation_for_detail(request.user, pk)
    require_finance(request)
    form = DonationTransferForm(request.POST, donation=donation, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.donation_transfer(
                donation=donation,
                recipient=data["recipient"],
                area=data["area"],
                transferred_on=data["transferred_on"],
                document_number=data["document_number"],
                quantity=data.get("quantity"),
                amount=data.get("amount"),
                note=data["note"],
                handover=data.get("handover"),
                actor=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Passed on to %(unit)s.") % {"unit": data["recipient"]})
            return redirect(reverse("budgets:donation_detail", args=[donation.pk]) + "#transfers")
    return _render_detail(request, donation, form)


donation_history = history_view("donation", permissions.donations_visible_to)


urlpatterns = [
    path("donations/", donation_list, name="donation_list"),
    path("donations/new/", donation_create, name="donation_create"),
    path("donations/<int:pk>/", donation_detail, name="donation_detail"),
    path("donations/<int:pk>/edit/", donation_edit, name="donation_edit"),
    path("donations/<int:pk>/transfer/", donation_transfer, name="donation_transfer"),
    path("donations/<int:pk>/history/", donation_history, name="donation_history"),
]
