"""The notifications page (the bell's target), opening one (marks it read, then goes to what it
is about) and "mark all read". Everyone signed in has their own notifications; nobody sees
another's (404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tracker.core.pagination import paginate
from tracker.notifications import selectors, services

PAGE_SIZE = 30


@login_required
@require_safe
def notification_list(request: HttpRequest) -> HttpResponse:
    paged = paginate(request, selectors.notifications_for_page(request.user), PAGE_SIZE)
    notes = [selectors.describe(note) for note in paged.page.object_list]
    return render(request, "tracker/notifications/list.html", {"notes": notes, "paged": paged, "page": paged.page})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    note = selectors.describe(get_object_or_404(selectors.notifications_for_page(request.user), pk=pk))
    services.notification_open(notification=note, actor=request.user)
    if note.url is None:
        messages.info(request, _("What this notification was about is no longer open to you."))
        return redirect("tracker:notification_list")
    return redirect(note.url)


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_all_read(actor=request.user)
    messages.success(request, _("Every notification is marked read."))
    return redirect("tracker:notification_list")


urlpatterns = [
    path("notifications/", notification_list, name="notification_list"),
    path("notifications/<int:pk>/open/", notification_open, name="notification_open"),
    path("notifications/read-all/", notifications_read_all, name="notifications_read_all"),
]
