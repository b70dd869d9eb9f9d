"""The budgets pages; what several of them share lives here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from budgets import selectors


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
