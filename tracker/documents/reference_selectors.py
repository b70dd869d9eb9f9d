"""Reads of the reference-data pages (legal documents, indicators): one query per page plus
the paginator's count, whatever the number of rows (the counts are correlated subqueries)."""

from __future__ import annotations

import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from tracker.core.calendar import today
from tracker.models import Indicator, LegalDocument, OutputIndicator, PlanLegalBasis, Target


def _count(queryset: QuerySet, group_by: str) -> Coalesce:
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted), 0)


def _in_force(queryset: QuerySet, on: datetime.date) -> QuerySet:
    return queryset.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def legal_documents_for_list(*, search: str = "", include_ended: bool = False) -> QuerySet[LegalDocument]:
    """Documents newest first, each with the number of plans citing it (`plan_count`)."""
    documents = LegalDocument.objects.all() if include_ended else _in_force(LegalDocument.objects.all(), today())
    if search:
        documents = documents.filter(
            Q(number_symbol__icontains=search) | Q(title__icontains=search) | Q(issuer__icontains=search)
        )
    return documents.annotate(
        plan_count=_count(PlanLegalBasis.objects.filter(document=OuterRef("pk")), "document")
    ).order_by("-issued_on", "number_symbol", "pk")


def indicators_for_list(*, search: str = "", include_ended: bool = False) -> QuerySet[Indicator]:
    """Indicators in their order, each with the numbers of targets and outputs counting on it."""
    indicators = Indicator.objects.all() if include_ended else _in_force(Indicator.objects.all(), today())
    if search:
        indicators = indicators.filter(
            Q(name__icontains=search) | Q(code__icontains=search) | Q(description__icontains=search)
        )
    return indicators.annotate(
        target_count=_count(Target.objects.filter(indicator=OuterRef("pk")), "indicator"),
        output_count=_count(OutputIndicator.objects.filter(indicator=OuterRef("pk")), "indicator"),
    ).order_by("order", "name", "pk")
