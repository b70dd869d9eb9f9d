"""The national view (toàn quốc) for the ministry's national monitors: every province with its
roll-ups, and a page per province leading to its plans. Read-only; `selectors` refuses (403)
anyone who does not read every province."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from tracker.national import selectors


@login_required
@require_safe
def national(request: HttpRequest) -> HttpResponse:
    view = selectors.national_view(request.user, today=timezone.localdate())
    return render(request, "tracker/national/national.html", {"view": view})


@login_required
@require_safe
def national_province(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.province_view(request.user, pk, today=timezone.localdate())
    return render(request, "tracker/national/province.html", {"row": row})


urlpatterns = [
    path("national/", national, name="national"),
    path("national/provinces/<int:pk>/", national_province, name="national_province"),
]
