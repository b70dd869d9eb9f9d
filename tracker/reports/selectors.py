"""Reads of the report pages: the list of generated reports, one report's job page and its
preview. Each costs a fixed number of queries whatever the number of reports."""

from __future__ import annotations

from django.db.models import QuerySet

from tracker.core import permissions
from tracker.core.permissions import AnyUser
from tracker.models import GeneratedReport, Plan

from .permissions import reports_visible_to

# The list and the job page never need the figures or the parameters: they can be large.
_HEAVY = ("snapshot", "parameters")


def reports_for_list(
    user: AnyUser, *, kind: str = "", status: str = "", plan_id: int | None = None, year: int | None = None
) -> QuerySet[GeneratedReport]:
    """The user's visible generated reports, newest first, filtered (1 query per page, plus
    the paginator's count)."""
    reports = reports_visible_to(user).select_related("plan", "unit", "created_by").defer(*_HEAVY)
    if kind:
        reports = reports.filter(kind=kind)
    if status:
        reports = reports.filter(status=status)
    if plan_id:
        reports = reports.filter(plan_id=plan_id)
    if year:
        reports = reports.filter(period_start__year__lte=year, period_end__year__gte=year)
    return reports.order_by("-created_at", "-pk")


def report_for_job(user: AnyUser, pk: int) -> GeneratedReport:
    """One visible report without its figures (1 query), or 404."""
    queryset = reports_visible_to(user).select_related("plan", "unit", "created_by").defer(*_HEAVY)
    return permissions.get_visible_or_404(queryset, pk=pk)


def report_for_preview(user: AnyUser, pk: int) -> GeneratedReport:
    """One visible report with its figures (1 query), or 404."""
    return permissions.get_visible_or_404(reports_visible_to(user).select_related("created_by"), pk=pk)


def plans_for_reports(user: AnyUser) -> QuerySet[Plan]:
    """Plans a report may be about: those the user sees, drafts left out."""
    return (
        permissions.plans_visible_to(user)
        .exclude(status=Plan.Status.DRAFT)
        .select_related("issuer")
        .order_by("-period_start", "number_symbol", "pk")
    )
