"""Excel: the exports (execution tables, allocation list, disbursement ledger) and the import of
allocations and disbursements (template → upload → check → confirm → done).

Exports are for everyone who reads budgets, over what they may see; imports are for finance
officers only. An import is a job (budgets.models.ImportJob): the upload is checked (inline
without a broker, by a worker with one), and only a file without errors can be confirmed and
applied; while a job runs its page refreshes itself (an HTTP ``Refresh`` header, no script).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from budgets import excel, execution, permissions, selectors, tasks
from budgets.excel.jobs import JobNotQueued, import_job_confirm, import_job_create, import_job_retry
from budgets.forms import AllocationListFilter
from budgets.models import ImportJob
from budgets.views import require_budget_reader, require_finance
from budgets.views.execution import execution_filter_form
from tracker.core.permissions import made_in_province

REFRESH_SECONDS = 2


def _xlsx(workbook, name: str) -> HttpResponse:
    response = HttpResponse(excel.to_bytes(workbook), content_type=excel.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.xlsx"'
    return response


def _scope_note(request: HttpRequest) -> str:
    if permissions.sees_whole_programme(request.user):
        return ""
    return _("Only the allocations and estimates of %(unit)s.") % {"unit": request.user.unit}


@login_required
@require_safe
def execution_export(request: HttpRequest) -> HttpResponse:
    """The execution page's tables, one sheet each, with the page's filters."""
    require_budget_reader(request)
    form = execution_filter_form(request)
    filters = form.filters()
    tables = execution.execution_tables(request.user, filters)
    note = _scope_note(request)
    if execution.execution_has_sample(request.user, filters):
        note = " ".join(
            filter(None, [_("SAMPLE DATA: figures made up for the demonstration, not official figures."), note])
        )
    workbook = excel.execution_workbook(tables, applied=form.applied(), user=request.user, scope_note=note)
    return _xlsx(workbook, "thuc-hien-ngan-sach")


def _allocation_list(request: HttpRequest) -> tuple[QuerySet, list[tuple[str, str]]]:
    """The allocations as budgets:allocation_list filters them (its own filter set, on the
    same GET parameters), and the filters in force as (label, value) for the title rows."""
    filterset = AllocationListFilter(
        request.GET,
        queryset=permissions.allocations_visible_to(request.user),
        choices=selectors.allocation_filter_choices(request.user, request.GET),
        user=request.user,
    )
    allocations = filterset.qs
    applied = []
    if filterset.form.is_valid():
        for name, value in filterset.form.cleaned_data.items():
            if value in (None, ""):
                continue
            field = filterset.form.fields[name]
            applied.append((str(field.label), _choice_label(field, value)))
    return allocations, applied


def _choice_label(field, value) -> str:
    if hasattr(field, "label_from_instance") and not isinstance(value, str | int):  # a plan, unit, area
        return str(field.label_from_instance(value))
    for key, label in getattr(field, "choices", []):
        if isinstance(label, list | tuple):  # an optgroup
            for inner_key, inner_label in label:
                if str(inner_key) == str(value):
                    return str(inner_label)
        elif str(key) == str(value):
            return str(label)
    return str(value)


@login_required
@require_safe
def allocation_export(request: HttpRequest) -> HttpResponse:
    """The allocation list as a workbook that is also an import file (edit, then import)."""
    require_budget_reader(request)
    allocations, applied = _allocation_list(request)
    workbook = excel.allocation_workbook(
        execution.allocations_for_export(allocations),
        applied=applied,
        user=request.user,
        for_import=permissions.can_record_finance(request.user),
    )
    return _xlsx(workbook, "phan-bo")


@login_required
@require_safe
def disbursement_export(request: HttpRequest) -> HttpResponse:
    """The disbursement ledger of the allocations the list's filters select."""
    require_budget_reader(request)
    allocations, applied = _allocation_list(request)
    workbook = excel.disbursement_workbook(
        execution.disbursements_for_export(request.user, allocations), applied=applied, user=request.user
    )
    return _xlsx(workbook, "giai-ngan")


@login_required
@require_safe
def import_template(request: HttpRequest) -> HttpResponse:
    require_finance(request)
    return _xlsx(excel.template_workbook(request.user), "mau-nhap-phan-bo-giai-ngan")


def _jobs_visible_to(user) -> QuerySet[ImportJob]:
    """Finance officers of a province share its imports (one checks, another may confirm); nobody else
    sees them (404)."""
    if permissions.can_record_finance(user):
        # Those of the officer's province (`made_in_province`: by whoever made them).
        jobs = ImportJob.objects.select_related("created_by", "applied_by").defer("content")
        return made_in_province(user, jobs)
    return ImportJob.objects.none()


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    require_finance(request)
    posted = request.method == "POST"
    form = excel.ImportUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        job = import_job_create(
            file_name=form.cleaned_data["file"].name,
            content=form.content,
            language=translation.get_language() or "vi",
            actor=request.user,
        )
        # The job row is committed (no transaction is open here) before a worker can pick
        # the task up; without a broker the check runs right now, inline.
        try:
            tasks.import_job_send(job)
        except JobNotQueued as error:
            form.add_error(None, str(error))
        else:
            return redirect("budgets:import_job", pk=job.pk)
    recent = _jobs_visible_to(request.user)[:10]
    return render(request, "budgets/excel/upload.html", {"form": form, "recent": recent})


@login_required
@require_safe
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(_jobs_visible_to(request.user), pk=pk)
    progress = excel.job_progress(job) if job.is_running else None
    errors_by_sheet: dict[str, list] = {}
    for error in job.errors:
        errors_by_sheet.setdefault(error.get("sheet") or "", []).append(error)
    response = render(
        request,
        "budgets/excel/job.html",
        {
            "job": job,
            "progress": progress,
            "errors_by_sheet": errors_by_sheet,
            "summary": job.summary,
            "stale": job.is_stale(),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )
    if job.is_running:
        # The browser reloads the page by itself (no script: the CSP allows none inline).
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@login_required
@require_POST
def import_apply(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(_jobs_visible_to(request.user), pk=pk)
    # Only a checked file without errors, and only once: two clicks (or two officers) at the
    # same moment move it to APPLYING once, the second finds it already moved.
    if not import_job_confirm(job=job, actor=request.user):
        status = job.get_status_display()
        messages.error(request, _("This import cannot be applied now: %(status)s.") % {"status": status})
        return redirect("budgets:import_job", pk=job.pk)
    try:
        tasks.import_job_send(job)
    except JobNotQueued as error:
        messages.error(request, str(error))
    return redirect("budgets:import_job", pk=job.pk)


@login_required
@require_POST
def import_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Thử lại" on a failed import: the same file is checked again, to be confirmed again."""
    job = get_object_or_404(_jobs_visible_to(request.user), pk=pk)
    if not import_job_retry(job=job, actor=request.user):
        messages.error(request, _("Only an import that failed can be tried again."))
        return redirect("budgets:import_job", pk=job.pk)
    job.refresh_from_db()
    try:
        tasks.import_job_send(job)
    except JobNotQueued as error:
        messages.error(request, str(error))
    return redirect("budgets:import_job", pk=job.pk)


urlpatterns = [
    path("execution/export/", execution_export, name="execution_export"),
    path("excel/allocations/", allocation_export, name="allocation_export"),
    path("excel/disbursements/", disbursement_export, name="disbursement_export"),
    path("excel/import/template/", import_template, name="import_template"),
    path("excel/import/", import_upload, name="import_upload"),
    path("excel/import/<int:pk>/", import_job, name="import_job"),
    path("excel/import/<int:pk>/apply/", import_apply, name="import_apply"),
    path("excel/import/<int:pk>/retry/", import_retry, name="import_retry"),
]
