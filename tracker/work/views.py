"""The work pages: the activity board, an activity's page, and the DIC managers' forms.

Each view is thin: look the object up through the permission-filtered queryset (404 when
the user may not see it), refuse changes to anyone but a DIC manager (403), validate a form,
call a service, redirect with a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tracker.core import calendar, numbers, outcome, permissions
from tracker.core.deletion import delete_page
from tracker.core.forms import service_errors_on
from tracker.models import Activity, Progress, Task
from tracker.outputs import selectors as output_selectors
from tracker.progress import selectors as selectors_progress
from tracker.work import selectors as selectors_work
from tracker.work import services
from tracker.work.filters import ActivityBoardFilter
from tracker.work.forms import ActivityForm, OutputIndicatorFormSet, TaskForm


def _pk_from_query(request: HttpRequest, name: str) -> int | None:
    try:
        return int(request.GET[name])
    except (KeyError, ValueError):
        return None


@login_required
@require_safe
def board(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filterset = ActivityBoardFilter(
        request.GET, queryset=selectors_work.board_queryset(request.user), user=request.user, today=today
    )
    activities = filterset.qs
    counts = selectors_work.board_counts(activities, today=today)
    page = selectors_work.board_page(
        activities, user=request.user, page_number=request.GET.get("page"), total=counts["total"], today=today
    )
    return render(
        request,
        "tracker/work/board.html",
        {"filter": filterset, "counts": counts, "page": page, "sorts": filterset.sort_links(), "today": today},
    )


@login_required
@require_safe
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    activity = selectors_work.activity_for_detail(request.user, pk)
    tasks = selectors_work.tasks_for_activity(request.user, activity, today=today)
    # Each task's latest report, and the published records counting towards the outputs (2
    # queries); the outputs' achieved figures came with the activity.
    latest = selectors_progress.latest_reports(tasks)
    for task in tasks:
        task.latest_report = latest.get(task.pk)
    progress = list(activity.output_indicators.all())
    for output in progress:
        output.percent = numbers.percent(output.achieved, output.planned_quantity)
    # A plan whose period is over shows how the activity ended, and no deadline badges.
    ended = outcome.activity_final_state(activity, progress, today)
    if ended:
        for task in tasks:
            task.deadline_state = ""
    return render(
        request,
        "tracker/work/activity_detail.html",
        {
            "activity": activity,
            "final_state": ended,
            "deadline_state": "" if ended else calendar.deadline_state(activity.status, activity.due_date, today),
            "tasks": tasks,
            "progress": progress,
            "records": output_selectors.activity_records(activity),
            "counts_records": any(output.is_counted_from_records for output in progress),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    # ?plan=<pk> (the plan page's "add activity" link) preselects the plan.
    return _activity_form(request, Activity(), initial={"plan": _pk_from_query(request, "plan")})


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = permissions.get_visible_or_404(permissions.activities_visible_to(request.user), pk=pk)
    permissions.require_manager(request.user)
    return _activity_form(request, activity)


def _activity_form(request: HttpRequest, activity: Activity, initial: dict | None = None) -> HttpResponse:
    is_new = activity.pk is None
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, instance=activity, initial=initial, user=request.user)
    outputs = OutputIndicatorFormSet(data, instance=activity, prefix="outputs")
    if data is not None:
        # Validate both, so that every mistake is shown at once.
        valid = form.is_valid()
        valid = outputs.is_valid() and valid
        if valid:
            # One transaction: the activity, its cooperating units and its outputs are all
            # written or none is.
            with service_errors_on(form) as outcome, transaction.atomic():
                services.activity_save(
                    activity=form.instance,
                    actor=request.user,
                    cooperating_units=form.cleaned_data["cooperating_units"],
                )
                for output in outputs.outputs_to_delete():
                    services.delete(instance=output, actor=request.user)
                for output in outputs.outputs_to_save():
                    output.activity = form.instance
                    services.output_indicator_save(output=output, actor=request.user)
            if outcome.saved:
                text = _("The activity was created.") if is_new else _("The activity was saved.")
                messages.success(request, text)
                return redirect("tracker:activity_detail", pk=form.instance.pk)
    return render(
        request,
        "tracker/work/activity_form.html",
        {"form": form, "outputs": outputs, "activity": activity, "is_new": is_new},
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_create(request: HttpRequest) -> HttpResponse:
    activity_pk = _pk_from_query(request, "activity")
    if activity_pk is None:
        raise Http404
    activity = permissions.get_visible_or_404(permissions.activities_visible_to(request.user), pk=activity_pk)
    permissions.require_manager(request.user)
    return _task_form(request, Task(activity=activity), activity)


@login_required
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = permissions.get_visible_or_404(
        permissions.tasks_visible_to(request.user).select_related("activity", "activity__plan"), pk=pk
    )
    permissions.require_manager(request.user)
    return _task_form(request, task, task.activity)


def _task_form(request: HttpRequest, task: Task, activity: Activity) -> HttpResponse:
    is_new = task.pk is None
    form = TaskForm(request.POST if request.method == "POST" else None, instance=task, activity=activity)
    if form.is_valid():
        with service_errors_on(form) as outcome:
            services.task_assign(task=form.instance, actor=request.user)
        if outcome.saved:
            messages.success(request, _("The task was created.") if is_new else _("The task was saved."))
            return redirect(reverse("tracker:activity_detail", args=[activity.pk]) + "#tasks")
    return render(
        request, "tracker/work/task_form.html", {"form": form, "task": task, "activity": activity, "is_new": is_new}
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = permissions.get_visible_or_404(permissions.activities_visible_to(request.user), pk=pk)
    permissions.require_manager(request.user)
    cancelled = activity.status == Progress.CANCELLED
    return delete_page(
        request,
        instance=activity,
        delete=lambda: services.activity_delete(activity=activity, actor=request.user),
        archive=None if cancelled else lambda: services.activity_cancel(activity=activity, actor=request.user),
        archive_label=_("Cancel the activity"),
        archive_help=_("A cancelled activity keeps its tasks, reports and records."),
        back_url=reverse("tracker:activity_detail", args=[activity.pk]),
        done_url=reverse("tracker:plan_detail", args=[activity.plan_id]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task = permissions.get_visible_or_404(permissions.tasks_visible_to(request.user), pk=pk)
    permissions.require_manager(request.user)
    cancelled = task.status == Progress.CANCELLED
    back = reverse("tracker:activity_detail", args=[task.activity_id]) + "#tasks"
    return delete_page(
        request,
        instance=task,
        delete=lambda: services.task_remove(task=task, actor=request.user),
        archive=None if cancelled else lambda: services.task_cancel(task=task, actor=request.user),
        archive_label=_("Cancel the task"),
        archive_help=_("A cancelled task keeps its reports and owes no more."),
        back_url=back,
        done_url=back,
    )


urlpatterns = [
    path("activities/", board, name="board"),
    path("activities/new/", activity_create, name="activity_create"),
    path("activities/<int:pk>/", activity_detail, name="activity_detail"),
    path("activities/<int:pk>/edit/", activity_edit, name="activity_edit"),
    path("tasks/new/", task_create, name="task_create"),
    path("tasks/<int:pk>/edit/", task_edit, name="task_edit"),
    path("activities/<int:pk>/delete/", activity_delete, name="activity_delete"),
    path("tasks/<int:pk>/delete/", task_delete, name="task_delete"),
]
