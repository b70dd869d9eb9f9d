"""The programme tree as data the DIC edits: list, create, edit (each change in history)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tracker.core import permissions
from tracker.documents import services
from tracker.models import ProgrammeComponent
from tracker.programme.forms import ProgrammeComponentForm

TEMPLATES = "tracker/programme/"


@login_required
@require_GET
def component_list(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    components = ProgrammeComponent.objects.select_related("parent", "legal_basis", "lead_agency").order_by(
        "-valid_from", "level", "code"
    )
    return render(request, TEMPLATES + "component_list.html", {"components": components})


@login_required
@require_http_methods(["GET", "POST"])
def component_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    return _component_form(request, ProgrammeComponent())


@login_required
@require_http_methods(["GET", "POST"])
def component_edit(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    return _component_form(request, get_object_or_404(ProgrammeComponent, pk=pk))


def _component_form(request: HttpRequest, component: ProgrammeComponent) -> HttpResponse:
    form = ProgrammeComponentForm(request.POST or None, instance=component)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_component_save(component=form.instance, actor=request.user)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The programme component was saved."))
            return redirect("tracker:programme_component_list")
    return render(request, TEMPLATES + "component_form.html", {"form": form, "component": component})


urlpatterns = [
    path("programme/", component_list, name="programme_component_list"),
    path("programme/new/", component_create, name="programme_component_create"),
    path("programme/<int:pk>/edit/", component_edit, name="programme_component_edit"),
]
