"""Pages of the official reports: the list of generated reports, the form asking for one, the
job page (progress, then downloads), the HTML preview and the downloads.

Thin views: the rights are in `tracker.reports.permissions`, the writes in
`tracker.reports.services`. Generated reports are immutable: no page edits or deletes one.
Names carry a `generated_report_` prefix (`tracker:report_detail` is a progress report's page).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker.core.files import attachment_headers, private_file_response
from tracker.core.forms import add_service_error
from tracker.models import GeneratedReport, SignedReportCopy
from tracker.reports import jobs, selectors, services, signing
from tracker.reports import permissions as report_permissions
from tracker.reports.forms import ReportFilterForm, ReportForm, signer_defaults
from tracker.reports.pdf import document_html

PAGES = "tracker/reports/pages/"
REPORTS_PER_PAGE = 25
REFRESH_SECONDS = 3


@login_required
@require_safe
def generated_report_list(request: HttpRequest) -> HttpResponse:
    if not report_permissions.can_list_reports(request.user):
        raise PermissionDenied
    form = ReportFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    reports = selectors.reports_for_list(
        request.user, kind=filters.get("kind", ""), status=filters.get("status", ""), year=filters.get("year")
    )
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_produce": report_permissions.can_produce_reports(request.user),
    }
    return render(request, PAGES + "list.html", context)


def _initial(request: HttpRequest) -> dict:
    """What the form starts with: the choices passed in the address (a link from a plan's
    page), and the signer and drafting division of the issuing unit (the user's own, the
    form's first issuer) — or the plan's own signer when the plan was issued by the user's
    unit. Never the previous report's: a report signed by a deputy while the director was
    away would otherwise carry that deputy into every later report."""
    initial = {}
    for name in ("kind", "period_type", "year", "month"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    plan_id = request.GET.get("plan", "")
    plan = None
    if plan_id.isdigit():
        plan = selectors.plans_for_reports(request.user).filter(pk=int(plan_id)).first()
        if plan:
            initial["plan"] = plan.pk
    if request.user.unit_id:
        initial.update(signer_defaults(request.user.unit))
    if plan and request.user.unit_id and plan.issuer_id == request.user.unit_id:
        initial.update(
            signing_authority=plan.signing_authority, signer_title=plan.signer_title, signer_name=plan.signer_name
        )
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def generated_report_new(request: HttpRequest) -> HttpResponse:
    if not report_permissions.can_produce_reports(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = ReportForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                report = services.generated_report_request(
                    actor=request.user, request=form.report_request(), language=translation.get_language()
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                try:
                    services.generated_report_enqueue(report)
                except services.JobNotQueued as error:
                    form.add_error(None, str(error))
                else:
                    return redirect("tracker:generated_report_job", pk=report.pk)
    else:
        form = ReportForm(initial=_initial(request), user=request.user)
    return render(request, PAGES + "new.html", {"form": form})


@login_required
@require_safe
def generated_report_job(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_job(request.user, pk)
    stale = report.is_stale(timezone.now())
    # Until it is done or failed: an interrupted job is queued again or failed by the sweeper
    # (tracker.core.jobs), so the page ends on one of them.
    refresh = not report.is_finished
    context = {"report": report, "stale": stale, "refresh": refresh, "refresh_seconds": REFRESH_SECONDS}
    context.update(_job_context(request, report))
    response = render(request, PAGES + "job.html", context)
    if refresh:
        # The page also carries <meta http-equiv="refresh">; the header covers browsers that
        # honour the meta element only in <head>.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@login_required
@require_POST
def generated_report_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Thử lại" on a failed report: the same report asked for again, as a new record."""
    report = selectors.report_for_job(request.user, pk)
    try:
        again = services.generated_report_retry(report=report, actor=request.user)
        services.generated_report_enqueue(again)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("tracker:generated_report_job", pk=report.pk)
    except services.JobNotQueued as error:
        messages.error(request, str(error))
        return redirect("tracker:generated_report_job", pk=report.pk)
    return redirect("tracker:generated_report_job", pk=again.pk)


@login_required
@require_safe
def generated_report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_for_preview(request.user, pk)
    if report.status != GeneratedReport.Status.DONE:
        return redirect("tracker:generated_report_job", pk=report.pk)
    context = {"report": report, "document": document_html(report.snapshot)}
    return render(request, PAGES + "preview.html", context)


@login_required
@require_safe
def generated_report_download(request: HttpRequest, pk: int, file_type: str) -> HttpResponse:
    if file_type not in services.FILE_TYPES:
        raise Http404
    report = selectors.report_for_job(request.user, pk)
    if report.status != GeneratedReport.Status.DONE:
        raise Http404
    try:
        content, content_type, name = services.generated_report_file(report, file_type)
    except services.StoredFileAltered:
        message = _(
            "The stored file no longer matches the fingerprint taken when the report was generated, so it is "
            "not served. Tell the administrator."
        )
        return render(request, PAGES + "job.html", {"report": report, "integrity_error": message}, status=500)
    except FileNotFoundError:
        raise Http404 from None
    response = attachment_headers(HttpResponse(content, content_type=content_type), name)
    response["X-Content-SHA256"] = getattr(report, services.FILE_TYPES[file_type][1])
    return response


class SignedCopyForm(forms.Form):
    file = forms.FileField(
        label=_lazy("Signed PDF"), help_text=_lazy("The PDF as the digital-signature tool returned it.")
    )


def _job_context(request: HttpRequest, report: GeneratedReport) -> dict:
    """What the job page shows besides the report: its signed copies (the latest is the record
    of issue) and, for whoever may attach one, the form (1 query)."""
    copies = list(report.signed_copies.select_related("uploaded_by"))
    may_attach = report.status == GeneratedReport.Status.DONE and report_permissions.can_produce(
        request.user, kind=report.kind, plan=report.plan, unit=report.unit
    )
    return {"signed_copies": copies, "signed_form": SignedCopyForm() if may_attach else None}


@login_required
@require_POST
def generated_report_signed_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach the signed PDF: verified, stored privately, shown as the record of issue."""
    report = selectors.report_for_job(request.user, pk)
    if not report_permissions.can_produce(request.user, kind=report.kind, plan=report.plan, unit=report.unit):
        raise PermissionDenied
    form = SignedCopyForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            copy = signing.signed_copy_attach(
                report=report, content=upload.read(), name=upload.name, actor=request.user
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, copy.get_verdict_display())
            return redirect("tracker:generated_report_job", pk=report.pk)
    context = {"report": report, "stale": False, "refresh": False, **_job_context(request, report)}
    context["signed_form"] = form
    return render(request, PAGES + "job.html", context, status=400)


@login_required
@require_safe
def generated_report_signed_download(request: HttpRequest, pk: int, copy: int) -> HttpResponse:
    report = selectors.report_for_job(request.user, pk)
    signed = get_object_or_404(SignedReportCopy, pk=copy, report=report)
    name = f"{jobs.file_name(report, report.title)}-ky-so.pdf"
    return private_file_response(signed.file, download_name=name, content_type="application/pdf")


urlpatterns = [
    path("official-reports/", generated_report_list, name="generated_report_list"),
    path("official-reports/new/", generated_report_new, name="generated_report_new"),
    path("official-reports/<int:pk>/", generated_report_job, name="generated_report_job"),
    path("official-reports/<int:pk>/retry/", generated_report_retry, name="generated_report_retry"),
    path("official-reports/<int:pk>/preview/", generated_report_preview, name="generated_report_preview"),
    path("official-reports/<int:pk>/signed/", generated_report_signed_attach, name="generated_report_signed_attach"),
    path(
        "official-reports/<int:pk>/signed/<int:copy>/",
        generated_report_signed_download,
        name="generated_report_signed_download",
    ),
    path(
        "official-reports/<int:pk>/download/<str:file_type>/",
        generated_report_download,
        name="generated_report_download",
    ),
]
