"""The budgets' share of the national benchmark (`manage.py benchmark --national`), registered
in `tracker.core.extensions` by `BudgetsConfig.ready()`: allocations to the communes' tasks and
their disbursements (F × 30,000 and F × 300,000), and the budget pages measured.

Each allocation is written with its running total already equal to the sum of the
disbursements written against it (the invariant the services keep under a row lock), so the
CHECK constraints 0 ≤ disbursed ≤ amount hold for every row; rows and their history rows go
in through simple-history's `bulk_create_with_history`.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Sum
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from budgets.models import Allocation, Disbursement, FundingSource
from tracker.models import Task

BATCH = 5000
YEAR = 2026
# One disbursement of this many đồng, several per allocation; the allocation is larger.
PAYMENT = 5_000_000


def build(dataset) -> None:
    counts = dataset.counts
    sources = list(FundingSource.objects.order_by("pk").values_list("pk", flat=True))
    manager_of_province = {province.area.pk: province.manager for province in dataset.provinces}
    # Distinct (activity, unit, source) triples from the communes' tasks, source by source.
    tasks = list(
        Task.objects.filter(activity__plan__number_symbol__endswith="/KH-MAU")
        .order_by("pk")
        .values_list("activity_id", "unit_id", "activity__plan__area_id")
    )
    wanted = counts["allocations"]
    keys: list[tuple[int, int, int, int]] = []
    seen: set[tuple[int, int, int]] = set()
    for source in sources:
        for activity_id, unit_id, province_id in tasks:
            if len(keys) >= wanted:
                break
            if (activity_id, unit_id, source) not in seen:
                seen.add((activity_id, unit_id, source))
                keys.append((activity_id, unit_id, source, province_id))
    payments = _spread(counts["disbursements"], len(keys)) if keys else []
    allocations = []
    for index, ((activity_id, unit_id, source, province_id), number) in enumerate(zip(keys, payments, strict=True)):
        allocation = Allocation(
            activity_id=activity_id,
            unit_id=unit_id,
            funding_source_id=source,
            year=YEAR,
            amount=PAYMENT * (number + 2 + index % 5),
            disbursed=PAYMENT * number,
            decision_number=f"{100 + index % 900}/QĐ-MAU",
            decision_date=datetime.date(YEAR, 1, 15),
            note="Số liệu mẫu (đo hiệu năng).",
        )
        allocation._history_user = manager_of_province[province_id]
        allocations.append(allocation)
    allocations = bulk_create_with_history(allocations, Allocation, batch_size=BATCH)
    batch: list[Disbursement] = []
    for allocation, number, key in zip(allocations, payments, keys, strict=True):
        manager = manager_of_province[key[3]]
        for payment in range(number):
            day = datetime.date(YEAR, 2 + payment % 10, 1 + payment % 28)
            disbursement = Disbursement(
                allocation=allocation,
                voucher_number=f"PC-{payment + 1:04d}",
                voucher_date=day,
                amount=PAYMENT,
                note="Số liệu mẫu.",
                recorded_by=manager,
            )
            disbursement._history_user = manager
            batch.append(disbursement)
        if len(batch) >= BATCH:
            bulk_create_with_history(batch, Disbursement, batch_size=BATCH)
            batch = []
    if batch:
        bulk_create_with_history(batch, Disbursement, batch_size=BATCH)


def _spread(total: int, buckets: int) -> list[int]:
    base, extra = divmod(total, buckets)
    return [base + (1 if index < extra else 0) for index in range(buckets)]


def pages(dataset) -> dict[str, str]:
    return {"budgets execution": reverse("budgets:execution"), "allocations": reverse("budgets:allocation_list")}


def row_counts() -> dict[str, int]:
    """Allocations and disbursements of the dataset, and whether every running total is the sum
    of its disbursements (the number of allocations where it is not)."""
    allocations = Allocation.objects.filter(decision_number__endswith="/QĐ-MAU")
    mismatched = (
        allocations.annotate(paid=Sum("disbursements__amount"), payments=Count("disbursements"))
        .exclude(disbursed=0, payments=0)
        .exclude(paid=F("disbursed"))
        .count()
    )
    return {
        "allocations": allocations.count(),
        "disbursements": Disbursement.objects.filter(allocation__in=allocations).count(),
        "allocations_with_wrong_total": mismatched,
    }
