"""The campaign site's own views outside the page tree: search."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cms import models as pages


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    results = pages.search(request.GET.get("q", ""), request.GET.get("page"))
    return render(request, "cms/search.html", {"results": results, "query": results.query})
