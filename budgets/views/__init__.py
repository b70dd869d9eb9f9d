"""The budgets pages; what several of them share lives here: who may read or record money, a
filtered list page, an object's history page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from budgets import permissions, selectors
from tracker.core.permissions import AnyUser, get_visible_or_404


def require_budget_reader(request: HttpRequest) -> None:
    """Budgets are read by the DIC, finance officers, monitors and unit officers; anyone else
    (a CMS editor) gets 403."""
    if not permissions.can_see_budgets(request.user):
        raise PermissionDenied


def require_finance(request: HttpRequest) -> None:
    """Recording money (allocations, disbursements, donations, imports) is the finance
    department's; anyone else gets 403."""
    if not permissions.can_record_finance(request.user):
        raise PermissionDenied


def list_response(
    request: HttpRequest,
    template: str,
    filterset_class: type,
    *,
    rows: QuerySet,
    choices: dict,
    summarize: Callable[[QuerySet], dict],
    finish_page: Callable | None = None,
    **context,
) -> HttpResponse:
    """A budgets list page: the rows the user sees through the list's filters, their totals
    (`summarize`, whose ``total`` count spares the paginator its COUNT query) and one page of
    them (`finish_page` adds what the rows of the page show, e.g. rates)."""
    filterset = filterset_class(request.GET, queryset=rows, choices=choices, user=request.user)
    filtered = filterset.qs
    summary = summarize(filtered)
    page = selectors.page_of(filtered, request.GET.get("page"), total=summary["total"])
    if finish_page is not None:
        page = finish_page(page)
    return render(request, template, {"filter": filterset, "summary": summary, "page": page, **context})


def history_response(request: HttpRequest, obj, *, kind: str) -> HttpResponse:
    """The tracker's history page for a budgets object (``kind``: estimate, allocation,
    donation — also the name of its detail page)."""
    page, entries = selectors.history_for(kind, obj.pk, request.GET.get("page"))
    return render(
        request,
        "tracker/history/history.html",
        {
            "object": obj,
            "kind": kind,
            "model_name": type(obj)._meta.verbose_name,
            "back_url": reverse(f"budgets:{kind}_detail", args=[obj.pk]),
            "page": page,
            "entries": entries,
        },
    )


def history_view(kind: str, visible_to: Callable[[AnyUser], QuerySet]) -> Callable[..., HttpResponse]:
    """The view of `history_response` for one kind of object, for whoever may see the object
    (`visible_to`; 404 for anyone else)."""

    @login_required
    @require_safe
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        return history_response(request, get_visible_or_404(visible_to(request.user), pk=pk), kind=kind)

    view.__name__ = view.__qualname__ = f"{kind}_history"
    return view
