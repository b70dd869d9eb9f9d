"""The managers' pages for areas: create, edit, end with successor(s). The list and the
detail page (with "formed from" / "merged into") are in tracker/documents/views.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tracker.areas import services
from tracker.areas.forms import AreaEndForm, AreaForm, ClassificationEndForm, ClassificationForm
from tracker.core import permissions
from tracker.core.scope import areas_managed_by
from tracker.models import Area, AreaClassification

TEMPLATES = "tracker/areas/"


@login_required
@require_http_methods(["GET", "POST"])
def area_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    return _area_form(request, Area(), _("The area was created."))


@login_required
@require_http_methods(["GET", "POST"])
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _area_form(request, _managed_area(request, pk), _("The area was saved."))


def _managed_area(request: HttpRequest, pk: int) -> Area:
    """An area of the manager's province (another province's answers 404)."""
    permissions.require_manager(request.user)
    return permissions.get_visible_or_404(areas_managed_by(request.user), pk=pk)


def _area_form(request: HttpRequest, area: Area, success: str) -> HttpResponse:
    form = AreaForm(request.POST or None, instance=area, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.area_save(area=form.instance, actor=request.user)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, success)
            return redirect("tracker:area_detail", saved.pk)
    return render(request, TEMPLATES + "area_form.html", {"form": form, "area": area})


@login_required
@require_http_methods(["GET", "POST"])
def area_end(request: HttpRequest, pk: int) -> HttpResponse:
    area = _managed_area(request, pk)
    form = AreaEndForm(request.POST or None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            services.area_end(
                area=area,
                last_day=form.cleaned_data["valid_to"],
                successors=[services.SuccessorShare(successor, share) for successor, share in form.successors()],
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The area was ended; its successors are recorded."))
            return redirect("tracker:area_detail", area.pk)
    return render(request, TEMPLATES + "area_end.html", {"form": form, "area": area})


@login_required
@require_http_methods(["GET", "POST"])
def classification_add(request: HttpRequest, pk: int) -> HttpResponse:
    area = _managed_area(request, pk)
    form = ClassificationForm(request.POST or None, instance=AreaClassification(area=area))
    if request.method == "POST" and form.is_valid():
        try:
            services.classification_add(classification=form.instance, actor=request.user)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The classification was recorded."))
            return redirect("tracker:area_detail", area.pk)
    return render(request, TEMPLATES + "classification_form.html", {"form": form, "area": area})


@login_required
@require_http_methods(["GET", "POST"])
def classification_end(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    # A classification of a commune of the manager's province (another province's: 404).
    classification = permissions.get_visible_or_404(
        AreaClassification.objects.select_related("area").filter(area__in=areas_managed_by(request.user)), pk=pk
    )
    form = ClassificationEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.classification_end(
                classification=classification,
                last_day=form.cleaned_data["valid_to"],
                decision=form.cleaned_data["decision"],
                actor=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The classification was ended."))
            return redirect("tracker:area_detail", classification.area_id)
    context = {"form": form, "classification": classification, "area": classification.area}
    return render(request, TEMPLATES + "classification_end.html", context)


urlpatterns = [
    path("areas/new/", area_create, name="area_create"),
    path("areas/<int:pk>/edit/", area_edit, name="area_edit"),
    path("areas/<int:pk>/end/", area_end, name="area_end"),
    path("areas/<int:pk>/classifications/new/", classification_add, name="area_classification_add"),
    path("area-classifications/<int:pk>/end/", classification_end, name="area_classification_end"),
]
