"""Progress pages: the officer's "Việc của tôi", a task's page, the report form, a report's
page, the DIC's review queue and evidence downloads.

Thin views: look the object up through the permission-filtered querysets (404 when the user
may not see it), refuse a change the user may not make (403), call a service in one
transaction, redirect with a message. Mutations only on POST.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker.core import permissions
from tracker.core.calendar import ReportingPeriod, periods_for_task
from tracker.core.evidence import thumbnail
from tracker.core.files import private_file_response
from tracker.core.forms import add_service_error, error_messages, service_step
from tracker.core.pagination import paginate
from tracker.due import selectors as selectors_due
from tracker.models import Evidence, ProgressReport, Task
from tracker.models.progress import PREVIEW_BOX
from tracker.outputs import selectors as output_selectors
from tracker.progress import selectors as selectors_progress
from tracker.progress import services as progress_services
from tracker.progress.comments import comments_for_tasks
from tracker.progress.forms import (
    CatchUpFormSet,
    CatchUpNoteForm,
    CatchUpRowForm,
    ProgressReportForm,
    ReturnForm,
    quantity_field_name,
)
from tracker.progress.selectors import Status
from tracker.registers import selectors as register_selectors

UNIT_REPORTS_PAGE_SIZE = 50


@login_required
@require_safe
def my_tasks(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    groups = selectors_progress.my_tasks(request.user, today=today)
    sections = [
        ("overdue", _("Overdue"), groups["overdue"]),
        ("soon", _("Due soon"), groups["soon"]),
        ("later", _("Later"), groups["later"]),
        ("done", _("Done"), groups["done"]),
    ]
    # The reports the unit itself sends under the plans' rules (the lead unit's report to the
    # province, a collective member's report): not yet sent, from overdue to a month ahead, a
    # page at a time (a count and a page's rows).
    unit_reports = paginate(
        request, selectors_due.reports_unit_sends(request.user, today=today), UNIT_REPORTS_PAGE_SIZE, param="reports"
    )
    unit_reports.page.object_list = selectors_due.expected_from_rows(unit_reports.page.object_list, today=today)
    return render(
        request,
        "tracker/progress/my_tasks.html",
        {
            "sections": sections,
            # First thing to do: the reports the DIC sent back, whatever their task's status.
            "returned": groups["returned"],
            "unit_reports": unit_reports.page.object_list,
            "unit_reports_paged": unit_reports,
            "today": today,
            "is_officer": permissions.is_unit_officer(request.user),
        },
    )


@login_required
@require_safe
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    task = selectors_progress.task_for_detail(request.user, pk)
    reports = list(task.progress_reports.all())
    rules = list(task.activity.plan.reporting_rules.all())
    states = selectors_progress.period_states(task, reports, today, rules)
    achieved = output_selectors.task_achieved(task)
    outputs = list(task.activity.output_indicators.all())
    for output in outputs:
        # An output counted from records has no reported share per task: its records count.
        output.achieved = output.records_total if output.is_counted_from_records else achieved.get(output.pk, 0)
    return render(
        request,
        "tracker/progress/task_detail.html",
        {
            "task": task,
            "states": states,
            "catch_up": selectors_progress.catch_up_states(states, today),
            "reports": reports,
            "can_report": permissions.can_report_on(request.user, task),
            "outputs": outputs,
            "today": today,
            "comments": comments_for_tasks([task.pk])[task.pk],
            "can_comment": permissions.can_comment_on(request.user, task),
        },
    )


def _reportable_task(request: HttpRequest, pk: int):
    task = permissions.get_visible_or_404(
        permissions.tasks_visible_to(request.user).select_related("activity", "activity__plan", "unit"), pk=pk
    )
    if not permissions.can_report_on(request.user, task):
        raise PermissionDenied
    return task


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = _reportable_task(request, pk)
    wanted = selectors_progress.parse_period_param(request.GET.get("period", ""))
    periods = periods_for_task(task)
    period = next((p for p in periods if (p.start, p.end) == wanted), None)
    if period is None:
        raise Http404
    reports = list(
        task.progress_reports.filter(period_start=period.start, period_end=period.end).order_by("created_at", "pk")
    )
    report = next((r for r in reports if r.status in (Status.DRAFT, Status.RETURNED, Status.SUBMITTED)), None)
    task_url = reverse("tracker:task_detail", args=[task.pk])
    if report is None and any(r.status == Status.ACCEPTED for r in reports):
        messages.info(request, _("The report for this period was accepted; start a correction to change it."))
        return redirect(task_url)
    if report is not None and report.status == Status.SUBMITTED:
        messages.info(request, _("The report for this period was submitted and awaits review."))
        return redirect("tracker:report_detail", pk=report.pk)

    all_outputs = list(task.activity.output_indicators.order_by("order", "id"))
    # Outputs counted from records take no figure here (they count by themselves): the form
    # asks only for the others and shows what the records count in the period.
    outputs = [output for output in all_outputs if not output.is_counted_from_records]
    counted = [output for output in all_outputs if output.is_counted_from_records]
    in_period = output_selectors.records_in_period(counted, period.start, period.end)
    for output in counted:
        output.in_period = in_period.get(output.pk, 0)
    initial = {}
    if report is not None:
        initial = {
            "percent_complete": report.percent_complete,
            "narrative": report.narrative,
            "difficulties": report.difficulties,
            "proposals": report.proposals,
            "nothing_to_report": report.nothing_to_report,
            **{f"quantity_{row.output_indicator_id}": row.quantity for row in report.quantities.all()},
        }
    form = (
        ProgressReportForm(request.POST or None, request.FILES or None, initial=initial, outputs=outputs)
        if request.method == "POST"
        else ProgressReportForm(initial=initial, outputs=outputs)
    )
    if request.method == "POST" and form.is_valid():
        submitting = request.POST.get("action") == "submit"
        try:
            # One transaction: figures, files and the submission are all written or none is.
            with transaction.atomic():
                saved = progress_services.progress_save_draft(
                    task=task,
                    period=period,
                    actor=request.user,
                    percent_complete=form.cleaned_data["percent_complete"],
                    narrative=form.cleaned_data["narrative"],
                    difficulties=form.cleaned_data["difficulties"],
                    proposals=form.cleaned_data["proposals"],
                    quantities=form.quantities(),
                    nothing_to_report=form.cleaned_data["nothing_to_report"],
                )
                if form.cleaned_data["evidence"]:
                    progress_services.evidence_attach_many(
                        report=saved, uploads=form.cleaned_data["evidence"], actor=request.user
                    )
                if submitting:
                    progress_services.progress_submit(report=saved, actor=request.user)
        except ValidationError as error:
            if hasattr(error, "error_dict") and "quantities" in error.error_dict:
                for message in error.error_dict.pop("quantities"):
                    form.add_error(None, message)
            add_service_error(form, error)
        else:
            if submitting:
                messages.success(request, _("The report was submitted to the DIC."))
                return redirect(task_url)
            messages.success(request, _("The draft was saved."))
            return redirect(f"{request.path}?period={selectors_progress.period_param(period)}")
    return render(
        request,
        "tracker/progress/report_form.html",
        {
            "task": task,
            "period": period,
            "report": report,
            "form": form,
            "evidence": list(report.evidence.all()) if report else [],
            "quantity_names": [quantity_field_name(o) for o in outputs],
            "counted_outputs": counted,
        },
    )


def _task_period(task: Task, param: str) -> ReportingPeriod:
    """The task's reporting period named by `param` ("2026-03-01_2026-03-31"), or 404."""
    wanted = selectors_progress.parse_period_param(param)
    period = next((p for p in periods_for_task(task) if (p.start, p.end) == wanted), None)
    if period is None:
        raise Http404
    return period


@login_required
@require_POST
def report_nothing(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Nothing to report in this period", in one tap from the task's page."""
    task = _reportable_task(request, pk)
    period = _task_period(task, request.POST.get("period", ""))
    service_step(
        request,
        progress_services.progress_report_nothing,
        _("“Nothing to report” was sent to the DIC for %(period)s.") % {"period": period.label},
        task=task,
        period=period,
    )
    return redirect(reverse("tracker:task_detail", args=[task.pk]) + "#periods")


@login_required
@require_http_methods(["GET", "POST"])
def report_catch_up(request: HttpRequest, pk: int) -> HttpResponse:
    """Every period of the task still waiting and already due or over, on one form: each
    reported with its figures, as "nothing to report", or left for later; all submitted in
    one transaction or none."""
    today = timezone.localdate()
    task = _reportable_task(request, pk)
    reports = list(task.progress_reports.prefetch_related("quantities").order_by("created_at", "pk"))
    states = selectors_progress.catch_up_states(selectors_progress.period_states(task, reports, today), today)
    by_param = {state.param: state for state in states}
    outputs = [
        output
        for output in task.activity.output_indicators.order_by("order", "id")
        if not output.is_counted_from_records
    ]
    formset = CatchUpFormSet(
        request.POST if request.method == "POST" else None,
        initial=selectors_progress.catch_up_initial(states, reports),
        form_kwargs={"outputs": outputs},
        prefix="periods",
    )
    note_form = CatchUpNoteForm(request.POST if request.method == "POST" else None)
    rows = [(form, by_param.get(form["period"].value())) for form in formset]
    if request.method == "POST" and formset.is_valid() and note_form.is_valid():
        entries = []
        for form, state in rows:
            action = form.cleaned_data["action"]
            if action == CatchUpRowForm.SKIP:
                continue
            if state is None:  # reported meanwhile (another tab, a colleague): say so
                form.add_error(None, _("This period no longer waits for a report; open the task's page again."))
                continue
            entries.append(
                progress_services.CatchUpEntry(
                    period=state.period,
                    percent_complete=form.cleaned_data["percent_complete"] or 0,
                    note=form.cleaned_data["note"],
                    quantities=form.quantities(),
                    nothing_to_report=action == CatchUpRowForm.NOTHING,
                )
            )
        if not any(form.errors for form, _state in rows):
            try:
                submitted = progress_services.progress_catch_up(
                    task=task, entries=entries, actor=request.user, shared_note=note_form.cleaned_data["shared_note"]
                )
            except ValidationError as error:
                add_service_error(note_form, error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d report was submitted to the DIC.",
                        "%(count)d reports were submitted to the DIC.",
                        len(submitted),
                    )
                    % {"count": len(submitted)},
                )
                return redirect(reverse("tracker:task_detail", args=[task.pk]) + "#periods")
    return render(
        request,
        "tracker/progress/catch_up.html",
        {"task": task, "formset": formset, "note_form": note_form, "rows": rows, "has_outputs": bool(outputs)},
    )


def _visible_report(request: HttpRequest, pk: int) -> ProgressReport:
    return selectors_progress.report_for_detail(request.user, pk)


@login_required
@require_safe
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    return render(
        request,
        "tracker/progress/report_detail.html",
        {
            "report": report,
            "task": report.task,
            "can_review": permissions.can_manage_plans(request.user) and report.status == Status.SUBMITTED,
            "can_report": permissions.can_report_on(request.user, report.task),
            "return_form": ReturnForm(),
        },
    )


REVIEW_PAGE_SIZE = 50


@login_required
@require_safe
def review_queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_plans(request.user):
        raise PermissionDenied
    # Two lists, each with its own pages (a count and a page's rows each); each list's links
    # keep the other's page.
    reports = paginate(request, selectors_progress.review_queue(request.user), REVIEW_PAGE_SIZE)
    entries = paginate(request, register_selectors.review_queue(request.user), REVIEW_PAGE_SIZE, param="entries")
    return render(
        request,
        "tracker/progress/review_queue.html",
        {
            "reports": reports.page,
            "reports_paged": reports,
            "entries": entries.page,
            "entries_paged": entries,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def report_accept(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    if not permissions.can_manage_plans(request.user):
        raise PermissionDenied
    service_step(request, progress_services.progress_accept, _("The report was accepted."), report=report)
    return redirect("tracker:review_queue")


@login_required
@require_http_methods(["POST"])
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    if not permissions.can_manage_plans(request.user):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the report is returned."))
        return redirect("tracker:report_detail", pk=report.pk)
    service_step(
        request,
        progress_services.progress_return,
        _("The report was returned to the unit."),
        report=report,
        reason=form.cleaned_data["reason"],
    )
    return redirect("tracker:review_queue")


@login_required
@require_POST
def report_correct(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    if not permissions.can_report_on(request.user, report.task):
        raise PermissionDenied
    try:
        correction = progress_services.progress_correct(report=report, actor=request.user)
    except ValidationError as error:
        error_messages(request, error)
        return redirect("tracker:task_detail", pk=report.task_id)
    messages.success(request, _("A correction was started from the accepted figures."))
    period = selectors_progress.period_param(
        next(
            p
            for p in periods_for_task(report.task)
            if (p.start, p.end) == (correction.period_start, correction.period_end)
        )
    )
    return redirect(reverse("tracker:report_edit", args=[report.task_id]) + f"?period={period}")


def _visible_evidence(request: HttpRequest, pk: int) -> Evidence:
    visible = Evidence.objects.filter(report__task__in=permissions.tasks_visible_to(request.user))
    return permissions.get_visible_or_404(visible.select_related("report", "report__task"), pk=pk)


@login_required
@require_safe
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    return evidence_file_response(_visible_evidence(request, pk))


@login_required
@require_safe
def evidence_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """A photo's thumbnail, shown in the report and review pages, for whoever may see the
    report (404 otherwise, and for a file that is not a photo a browser shows)."""
    evidence = _visible_evidence(request, pk)
    if not evidence.has_preview:
        raise Http404
    try:
        data = thumbnail(evidence.file, PREVIEW_BOX)
    except Exception as error:  # a file gone or unreadable: no thumbnail, the link stays
        raise Http404 from error
    response = HttpResponse(data, content_type="image/jpeg")
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # Private: the browser may keep it, a shared cache may not.
    response["Cache-Control"] = "private, max-age=86400"
    return response


def evidence_file_response(evidence) -> FileResponse:
    """A stored evidence file (a report's or a register entry's), always as an attachment
    with the type found by content: never rendered inline by the browser."""
    return private_file_response(
        evidence.file, download_name=evidence.original_name, content_type=evidence.content_type
    )


@login_required
@require_POST
def evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _visible_evidence(request, pk)
    report = evidence.report
    if not permissions.can_report_on(request.user, report.task):
        raise PermissionDenied
    service_step(request, progress_services.evidence_remove, _("The file was removed."), evidence=evidence)
    period = f"{report.period_start:%Y-%m-%d}_{report.period_end:%Y-%m-%d}"
    return redirect(reverse("tracker:report_edit", args=[report.task_id]) + f"?period={period}")


urlpatterns = [
    path("my-tasks/", my_tasks, name="my_tasks"),
    path("tasks/<int:pk>/", task_detail, name="task_detail"),
    path("tasks/<int:pk>/report/", report_edit, name="report_edit"),
    path("tasks/<int:pk>/catch-up/", report_catch_up, name="report_catch_up"),
    path("tasks/<int:pk>/nothing-to-report/", report_nothing, name="report_nothing"),
    path("reports/review/", review_queue, name="review_queue"),
    path("reports/<int:pk>/", report_detail, name="report_detail"),
    path("reports/<int:pk>/accept/", report_accept, name="report_accept"),
    path("reports/<int:pk>/return/", report_return, name="report_return"),
    path("reports/<int:pk>/correct/", report_correct, name="report_correct"),
    path("evidence/<int:pk>/", evidence_download, name="evidence_download"),
    path("evidence/<int:pk>/preview/", evidence_preview, name="evidence_preview"),
    path("evidence/<int:pk>/remove/", evidence_remove, name="evidence_remove"),
]
