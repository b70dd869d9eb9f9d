"""Pages of the plan intake (DIC managers only): upload or paste a plan, review its draft beside
the document's text, confirm it into a tracked plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tracker.core import permissions
from tracker.models import PlanImport

from . import extract, resolve, services
from .copying import plan_copy
from .draft import Draft
from .forms import CopyForm, ReviewForm, UploadForm
from .passages import passages

TEMPLATES = "tracker/intake/"
# A scan is read page by page in the request; a longer one goes through `manage.py import_plan`.
WEB_OCR_PAGES = 5


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            with extract.ocr_page_limit(WEB_OCR_PAGES):
                plan_import = services.import_create(
                    data=upload.read() if upload else None,
                    filename=upload.name if upload else "",
                    pasted=form.cleaned_data["text"],
                    actor=request.user,
                )
        except extract.ExtractError as error:
            form.add_error("file", str(error))
        else:
            return redirect("tracker:plan_import_review", pk=plan_import.pk)
    recent = PlanImport.objects.select_related("created_by", "plan").order_by("-created_at")[:10]
    return render(request, TEMPLATES + "upload.html", {"form": form, "recent": recent, "ocr_pages": WEB_OCR_PAGES})


@login_required
@require_http_methods(["GET", "POST"])
def plan_import_review(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    plan_import = get_object_or_404(PlanImport.objects.select_related("plan"), pk=pk)
    if plan_import.status == PlanImport.Status.CONFIRMED and plan_import.plan_id:
        # Confirmed already (a second click, a resent form): never create the plan twice.
        messages.info(request, _("This document was already confirmed into the plan below."))
        return redirect("tracker:plan_detail", pk=plan_import.plan_id)
    draft = Draft.from_dict(plan_import.draft)
    form = ReviewForm(request.POST or None, draft=draft, matches=resolve.matches(draft))
    failure = None
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.import_confirm(plan_import=plan_import, reviewed=form.reviewed(), actor=request.user)
        except services.ConfirmError as error:
            failure = error
        else:
            messages.success(request, _("The plan was created from the document."))
            return redirect("tracker:plan_detail", pk=plan.pk)
    spans = {}
    for key, span in draft.sources.items():
        spans[f"h-{key}"] = span
    for part in form.parts:
        if part["source"]:
            spans[part["prefix"]] = part["source"]
    segments, anchor_of = passages(plan_import.text, spans)
    for part in form.parts:
        part["anchor"] = anchor_of.get(part["prefix"])
    header_anchors = {key[2:]: anchor_of.get(key) for key in spans if key.startswith("h-")}
    context = {
        "plan_import": plan_import,
        "form": form,
        "segments": segments,
        "header_anchors": header_anchors,
        "failure": failure,
        "budget": draft.budget,
    }
    return render(request, TEMPLATES + "review.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_copy_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Sao chép kế hoạch": a draft of the plan for another year."""
    plan = permissions.get_visible_or_404(permissions.plans_visible_to(request.user), pk=pk)
    permissions.require_manager(request.user)
    form = CopyForm(request.POST or None, initial={"year": plan.period_start.year + 1})
    if request.method == "POST" and form.is_valid():
        try:
            copy = plan_copy(plan=plan, year=form.cleaned_data["year"], actor=request.user)
        except ValidationError as error:
            form.add_error("year", error)
        else:
            messages.success(request, _("The plan was copied as a draft; check its dates and give it its number."))
            return redirect("tracker:plan_detail", pk=copy.pk)
    return render(request, TEMPLATES + "copy.html", {"plan": plan, "form": form})


urlpatterns = [
    path("plans/import/", plan_import, name="plan_import"),
    path("plans/import/<int:pk>/", plan_import_review, name="plan_import_review"),
    path("plans/<int:pk>/copy/", plan_copy_view, name="plan_copy"),
]
