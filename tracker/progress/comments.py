"""Comment threads on tasks: the form posts here, then goes back to the page it came from.

The thread itself is `templates/tracker/progress/comments_thread.html`, included by the pages that
show a task; they load it with `comments_for_tasks` (one query) and `can_comment`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tracker.core import permissions
from tracker.models import Task, TaskComment
from tracker.progress import services


def comments_for_tasks(task_ids: Iterable[int]) -> dict[int, list[TaskComment]]:
    """The comments of each task, oldest first, with their authors and units (1 query).

    Only call it with tasks the user may see (from `permissions.tasks_visible_to`).
    """
    threads: dict[int, list[TaskComment]] = defaultdict(list)
    for comment in TaskComment.objects.filter(task_id__in=list(task_ids)).select_related("author__unit"):
        threads[comment.task_id].append(comment)
    return threads


def _next_url(request: HttpRequest, task: Task) -> str:
    """Back where the form was, if that is a page of this site; the activity's page otherwise."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if target and allowed:
        return target
    return reverse("tracker:activity_detail", args=[task.activity_id]) + "#tasks"


@login_required
@require_POST
def task_comment(request: HttpRequest, pk: int) -> HttpResponse:
    # 404 for a task the user may not see; 403 (from the service) for one they may only read.
    task = permissions.get_visible_or_404(permissions.tasks_visible_to(request.user), pk=pk)
    try:
        services.comment_post(task=task, author=request.user, body=request.POST.get("body", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your comment was posted."))
    return redirect(_next_url(request, task))


urlpatterns = [path("tasks/<int:pk>/comments/", task_comment, name="task_comment")]
