"""Pages of the plan intake (DIC managers only): upload or paste a plan, review its draft beside
the document's text, confirm it into a tracked plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tracker.core import permissions
from tracker.core.spreadsheets import XLSX_CONTENT_TYPE, workbook_bytes
from tracker.core.text import slugify_vi
from tracker.models import PlanImport

from . import extract, resolve, services
from .copying import plan_copy
from .draft import Draft
from .forms import CopyForm, ExcelUploadForm, ReviewForm, UploadForm
from .passages import passages
from .workbook import export as workbook_export
from .workbook import services as workbook_services
from .workbook.reading import FileRefused

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
    recent = permissions.plan_imports_visible_to(request.user).select_related("created_by", "plan")
    recent = recent.order_by("-created_at")[:10]
    return render(request, TEMPLATES + "upload.html", {"form": form, "recent": recent, "ocr_pages": WEB_OCR_PAGES})


@login_required
@require_http_methods(["GET", "POST"])
def plan_import_review(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    plan_import = get_object_or_404(
        permissions.plan_imports_visible_to(request.user, PlanImport.objects.select_related("plan")), pk=pk
    )
    if plan_import.read_as == PlanImport.ReadAs.XLSX:
        # An Excel import has no draft to review: it became its plan at once (or nothing).
        if plan_import.plan_id:
            return redirect("tracker:plan_detail", pk=plan_import.plan_id)
        raise Http404
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


def _xlsx(book, name: str) -> HttpResponse:
    response = HttpResponse(workbook_bytes(book), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.xlsx"'
    return response


@login_required
@require_safe
def plan_export_excel(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan in the Excel template (a file that imports back as the same plan)."""
    plan = permissions.get_visible_or_404(permissions.plans_visible_to(request.user), pk=pk)
    permissions.require_manager(request.user)
    book = workbook_export.plan_workbook(workbook_export.plan_for_export(plan.pk), user=request.user)
    name = slugify_vi(plan.number_symbol or plan.title)[:50].strip("-") or "ke-hoach"
    return _xlsx(book, f"ke-hoach-{name}")


@login_required
@require_safe
def plan_excel_template(request: HttpRequest) -> HttpResponse:
    """The blank template, with the lists of what the manager's province may name."""
    permissions.require_manager(request.user)
    return _xlsx(workbook_export.plan_workbook(None, user=request.user), "mau-ke-hoach")


@login_required
@require_http_methods(["GET", "POST"])
def plan_import_excel(request: HttpRequest) -> HttpResponse:
    """Upload a filled template: a new plan with everything in it, or nothing and every error."""
    permissions.require_manager(request.user)
    form = ExcelUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = workbook_services.plan_workbook_import(
                content=form.content, filename=upload.name, actor=request.user
            )
        except FileRefused as refused:
            problems = refused.problems
        else:
            if result.earlier is not None:
                messages.info(
                    request, _("This file was already imported as the plan below; nothing was created again.")
                )
                return redirect("tracker:plan_detail", pk=result.earlier.pk)
            if result.ok:
                messages.success(request, _("The plan was created from the Excel file."))
                return redirect("tracker:plan_detail", pk=result.plan.pk)
            problems = result.problems
    return render(request, TEMPLATES + "excel_import.html", {"form": form, "problems": problems})


urlpatterns = [
    path("plans/import/", plan_import, name="plan_import"),
    path("plans/import/<int:pk>/", plan_import_review, name="plan_import_review"),
    path("plans/<int:pk>/copy/", plan_copy_view, name="plan_copy"),
    path("plans/<int:pk>/excel/", plan_export_excel, name="plan_export_excel"),
    path("plans/excel-template/", plan_excel_template, name="plan_excel_template"),
    path("plans/import/excel/", plan_import_excel, name="plan_import_excel"),
]
