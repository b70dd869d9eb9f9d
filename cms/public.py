"""The tracker's figures and documents the campaign site shows the public.

Chosen to be safe to publish (see `public_progress`): plans that were issued (never a draft,
never the demo's sample plan), accepted report figures and published records only, summed by
content type and by area — nothing per unit or person, no report text, no money. This module
reads the tracker only; the pages' own queries live on the pages (`cms.models`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, QuerySet, Sum

from tracker.core.numbers import percent
from tracker.core.text import vietnamese_sort_key
from tracker.models import (
    Activity,
    Area,
    LegalDocument,
    OutputIndicator,
    OutputRecord,
    Plan,
    PlanLegalBasis,
    ReportedQuantity,
)
from tracker.models.progress import ProgressReport

# The plans whose figures the public may see: issued or closed, not invented for the demo.
PUBLIC_PLAN_STATUSES = (Plan.Status.ISSUED, Plan.Status.CLOSED)


def public_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(status__in=PUBLIC_PLAN_STATUSES, is_sample=False)


@dataclass
class LibraryPlan:
    plan: Plan
    bases: list[LegalDocument]
    files: list


@dataclass
class Library:
    plans: list[LibraryPlan]
    documents: list[LegalDocument]  # every legal basis of those plans, newest first
    extra_files: list  # attachments tied to no plan or legal document


def document_library(page) -> Library:
    """The plans the public may read, the legal documents they are based on, and the files
    editors attached (4 queries)."""
    plans = list(public_plans().select_related("issuer").order_by("-issued_on", "number_symbol", "pk"))
    links = (
        PlanLegalBasis.objects.filter(plan__in=[p.pk for p in plans])
        .select_related("document")
        .order_by("plan_id", "order", "pk")
    )
    bases: dict[int, list[LegalDocument]] = defaultdict(list)
    documents: dict[int, LegalDocument] = {}
    for link in links:
        bases[link.plan_id].append(link.document)
        documents[link.document_id] = link.document
    attachments = list(page.attachments.select_related("document", "legal_document", "plan").order_by("sort_order"))
    files_by_document: dict[int, list] = defaultdict(list)
    files_by_plan: dict[int, list] = defaultdict(list)
    extra = []
    for attachment in attachments:
        if attachment.legal_document_id:
            files_by_document[attachment.legal_document_id].append(attachment)
            documents.setdefault(attachment.legal_document_id, attachment.legal_document)
        elif attachment.plan_id:
            files_by_plan[attachment.plan_id].append(attachment)
        else:
            extra.append(attachment)
    for document in documents.values():
        document.attachments = files_by_document.get(document.pk, [])
    ordered = sorted(
        documents.values(),
        key=lambda d: (d.issued_on is None, -(d.issued_on.toordinal() if d.issued_on else 0), d.number_symbol),
    )
    return Library(
        plans=[LibraryPlan(plan, bases.get(plan.pk, []), files_by_plan.get(plan.pk, [])) for plan in plans],
        documents=ordered,
        extra_files=extra,
    )


@dataclass
class OutputSum:
    unit_of_measure: str
    planned: int | None  # None when no output of the group states a planned figure
    achieved: int
    indicator: str = ""  # only one indicator's quantities are added (indicator_key)

    @property
    def percent(self) -> int | None:
        return percent(self.achieved, self.planned)


@dataclass
class TypeProgress:
    name: str
    activities: int
    sums: list[OutputSum] = field(default_factory=list)


@dataclass
class AreaProgress:
    area: Area
    values: list[int]  # achieved, aligned with PublicProgress.area_columns


@dataclass
class PublicProgress:
    by_type: list[TypeProgress]
    by_area: list[AreaProgress]
    area_columns: list[tuple[str, str]]  # (content type, unit of measure), in content-type order
    plans: int


def public_progress() -> PublicProgress:
    """Aggregate progress the public may see (5 queries whatever the amount of data).

    - Only plans issued or closed, not drafts and not the demo's sample plan.
    - Achieved = accepted progress reports (never drafts, submitted, returned or superseded
      ones) + records of published products (never sample ones made up for the demo);
      planned = the plans' stated quantities.
    - Summed by content type and unit of measure, and by province and district; a commune's
      figures are only part of its district's or province's sum, never shown alone, and no
      unit, person, report text or amount of money appears.
    """
    from tracker.outputs.selectors import annotate_achieved, indicator_key

    plans = public_plans()
    outputs = list(
        annotate_achieved(OutputIndicator.objects.filter(activity__plan__in=plans), official_only=True)
        .annotate(type_name=F("activity__activity_type__name"), type_order=F("activity__activity_type__order"))
        .values("type_name", "type_order", "name", "indicator_id", "unit_of_measure", "planned_quantity", "achieved")
    )
    activity_counts = dict(
        Activity.objects.filter(plan__in=plans)
        .values_list("activity_type__name")
        .annotate(n=Count("pk"))
        .values_list("activity_type__name", "n")
    )
    groups: dict[tuple[int, str], dict[str, OutputSum]] = defaultdict(dict)
    for row in outputs:
        key = (row["type_order"], row["type_name"])
        unit = row["unit_of_measure"].strip()
        indicator = indicator_key(row["indicator_id"], row["name"], unit)
        current = groups[key].setdefault(indicator, OutputSum(unit, None, 0, row["name"]))
        current.achieved += row["achieved"]
        if row["planned_quantity"] is not None:
            current.planned = (current.planned or 0) + row["planned_quantity"]
    # A unit of measure with nothing planned and nothing achieved says nothing: left out.
    by_type = [
        TypeProgress(
            name=name,
            activities=activity_counts.get(name, 0),
            sums=[s for s in sums.values() if s.achieved or s.planned],
        )
        for (_order, name), sums in sorted(groups.items())
        if any(s.achieved or s.planned for s in sums.values())
    ]

    # By area: accepted quantities by the task's area, records by their activity's (or plan's)
    # area, each rolled up to the province and district above it.
    levels = (Area.Level.PROVINCE, Area.Level.DISTRICT)
    paths = ["", "parent__", "parent__parent__", "parent__parent__parent__"]

    def summed(quantities: QuerySet, *area_ids: str) -> QuerySet:
        """The quantities summed by content type, unit of measure and the areas named."""
        return (
            quantities.values(
                "output_indicator__activity__activity_type__name",
                "output_indicator__activity__activity_type__order",
                "output_indicator__unit_of_measure",
                "output_indicator__name",
                "output_indicator__indicator_id",
                *area_ids,
            )
            .annotate(total=Sum("quantity"))
            .order_by()
        )

    reported = summed(
        ReportedQuantity.objects.filter(
            report__status=ProgressReport.Status.ACCEPTED,
            report__task__activity__plan__in=plans,
            report__task__area__isnull=False,
        ),
        *(f"report__task__area__{p}id" for p in paths),
    )
    recorded = summed(
        OutputRecord.objects.filter(output_indicator__activity__plan__in=plans, is_sample=False),
        *(f"output_indicator__activity__area__{p}id" for p in paths),
        *(f"output_indicator__activity__plan__area__{p}id" for p in paths),
    )
    totals: dict[int, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    columns: dict[tuple[str, str], int] = {}
    column_keys: dict[tuple, tuple[str, str]] = {}

    def add(row, area_ids):
        # One column per content type and indicator: only one indicator's quantities are added.
        unit = row["output_indicator__unit_of_measure"].strip()
        indicator = indicator_key(row["output_indicator__indicator_id"], row["output_indicator__name"], unit)
        column = (f"{row['output_indicator__activity__activity_type__name']}: {row['output_indicator__name']}", unit)
        column_keys.setdefault((row["output_indicator__activity__activity_type__name"], indicator), column)
        column = column_keys[(row["output_indicator__activity__activity_type__name"], indicator)]
        columns[column] = row["output_indicator__activity__activity_type__order"]
        for area_id in {a for a in area_ids if a is not None}:
            totals[area_id][column] += row["total"]

    for row in reported:
        add(row, [row[f"report__task__area__{p}id"] for p in paths])
    for row in recorded:
        own = [row[f"output_indicator__activity__area__{p}id"] for p in paths]
        add(row, own if own[0] is not None else [row[f"output_indicator__activity__plan__area__{p}id"] for p in paths])
    areas = list(Area.objects.filter(pk__in=list(totals), level__in=levels).select_related("parent"))
    areas.sort(
        key=lambda a: (a.level, vietnamese_sort_key(a.parent.name if a.parent else ""), vietnamese_sort_key(a.name))
    )
    area_columns = sorted(columns, key=lambda c: (columns[c], c[0], c[1]))
    by_area = [AreaProgress(area, [totals[area.pk].get(column, 0) for column in area_columns]) for area in areas]
    return PublicProgress(
        by_type=by_type,
        by_area=by_area,
        area_columns=area_columns,
        plans=plans.count(),
    )
