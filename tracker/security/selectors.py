"""Reads of the security log page (DIC managers)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from tracker.models import AuthEvent

PER_PAGE = 50


def events_for_log(*, kind: str = "", username: str = "") -> QuerySet[AuthEvent]:
    events = AuthEvent.objects.select_related("user", "actor")
    if kind:
        events = events.filter(kind=kind)
    if username:
        events = events.filter(username__iexact=username)
    return events.order_by("-at", "-pk")


def events_page(events: QuerySet[AuthEvent], page_number: str | None) -> Page:
    return Paginator(events, PER_PAGE).get_page(page_number)
