"""`GET /tracker/choices/<source>/?q=…&page=N`: one page of a list's items matching q, as
``{"results": [{"value": id, "text": label}], "more": bool}`` (see `sources`). A form's widget
may add the parameters its source narrows by (``province``, ``on``, ``level``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_safe

from tracker.choices.sources import PAGE_SIZE, SOURCES
from tracker.core.search import accent_free


@login_required
@require_safe
def choices(request: HttpRequest, source: str) -> JsonResponse:
    found = SOURCES.get(source)
    if found is None:
        raise Http404
    try:
        page = max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        page = 1
    # What the user may see, narrowed to what the form asks for (never widened), then searched.
    queryset = found.narrow(found.queryset(request.user), request.GET)
    queryset = queryset.filter(accent_free(found.search_fields, request.GET.get("q", "")))
    start = (page - 1) * PAGE_SIZE
    items = list(queryset.order_by(*found.ordering)[start : start + PAGE_SIZE + 1])  # one more: is there a next page
    return JsonResponse(
        {
            "results": [{"value": item.pk, "text": found.label(item)} for item in items[:PAGE_SIZE]],
            "more": len(items) > PAGE_SIZE,
        }
    )


urlpatterns = [path("choices/<slug:source>/", choices, name="choices")]
