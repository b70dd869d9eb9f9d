"""Measure the budget execution pages at the demo's size and at N times its size: SQL queries
and time, as `manage.py benchmark` does for the tracker's pages (which cannot list these: the
tracker does not know budgets). Everything it writes is rolled back.

    DEBUG=1 .venv/bin/python manage.py benchmark_budgets --scale 10 --repeat 5
"""

from __future__ import annotations

from django.urls import reverse

from budgets import services
from budgets.models import Allocation, Disbursement, Estimate, EstimateLine
from tracker.documents import services as document_services
from tracker.management.benchmarking import MANAGER, BenchmarkCommand
from tracker.models import Unit, User


class Command(BenchmarkCommand):
    help = "Time the budget pages and count their SQL queries at the demo's size and at N times it."
    demo_commands = ("load_demo", "load_demo_budgets")
    scale_help = "Multiply the demo's budgets this many times."
    label_width = 36

    def row_counts(self) -> dict[str, int]:
        return {"allocations": Allocation.objects.count()}

    def pages(self) -> dict[str, tuple[str, str]]:
        """(user, path) of each page measured; the activity and plan with the most allocations."""
        allocation = Allocation.objects.select_related("activity").order_by("-amount").first()
        officer = User.objects.filter(unit__allocations__isnull=False, groups__name="unit_officer").first()
        pages = {
            "execution (manager)": (MANAGER, reverse("budgets:execution")),
            "execution, one year": (MANAGER, reverse("budgets:execution") + f"?year={allocation.year}"),
            "execution export": (MANAGER, reverse("budgets:execution_export")),
            "activity page with budget": (MANAGER, reverse("tracker:activity_detail", args=[allocation.activity_id])),
            "plan page with budget": (MANAGER, reverse("tracker:plan_detail", args=[allocation.activity.plan_id])),
        }
        if officer is not None:
            pages["execution (unit officer)"] = (officer.username, reverse("budgets:execution"))
        return pages

    def multiply(self, copies: int, *, actor: User) -> None:
        """Give every allocated unit `copies` twins (same area), each with the same approved
        estimates and allocations, disbursed (and reversed) as far as the original: written
        through the services (history, the checks against approved estimates, the ledger's
        running totals), like real use."""
        allocations = list(Allocation.objects.select_related("unit").order_by("pk"))
        estimates = list(Estimate.objects.filter(status=Estimate.Status.APPROVED).select_related("unit").order_by("pk"))
        units = {allocation.unit for allocation in allocations} | {estimate.unit for estimate in estimates}
        for copy_number in range(1, copies + 1):
            twins = {}
            for unit in units:
                twin = Unit.objects.get(pk=unit.pk)
                twin.pk, twin.officer_group = None, None
                twin.name = f"{unit.name} – bản sao đo hiệu năng {copy_number}"
                twins[unit.pk] = document_services.unit_save(unit=twin, actor=actor)
            for estimate in estimates:
                self._copy_estimate(estimate, unit=twins[estimate.unit_id], actor=actor)
            for allocation in allocations:
                self._copy_allocation(allocation, unit=twins[allocation.unit_id], actor=actor)

    def _copy_estimate(self, original: Estimate, *, unit: Unit, actor: User) -> None:
        """Draft, submitted, appraised with the original's amounts, approved by its decision."""
        old_lines = list(original.lines.order_by("order", "pk"))
        lines = [
            EstimateLine(
                description=line.description,
                funding_source_id=line.funding_source_id,
                unit_of_measure=line.unit_of_measure,
                quantity=line.quantity,
                unit_price=line.unit_price,
                amount=line.amount,
            )
            for line in old_lines
        ]
        estimate = Estimate(
            activity_id=original.activity_id,
            unit=unit,
            year=original.year,
            title=original.title,
            explanation=original.explanation,
        )
        services.estimate_save(estimate=estimate, lines=lines, actor=actor)
        services.estimate_submit(estimate=estimate, actor=actor)
        services.estimate_appraise(
            estimate=estimate,
            appraised={new.pk: old.appraised_amount or 0 for new, old in zip(lines, old_lines, strict=True)},
            comments=original.appraisal_comments,
            actor=actor,
        )
        services.estimate_approve(
            estimate=estimate,
            decision_number=original.decision_number,
            decision_date=original.decision_date,
            actor=actor,
        )

    def _copy_allocation(self, original: Allocation, *, unit: Unit, actor: User) -> None:
        allocation = services.allocation_save(
            allocation=Allocation(
                activity_id=original.activity_id,
                unit=unit,
                funding_source_id=original.funding_source_id,
                year=original.year,
                amount=original.amount,
                decision_number=original.decision_number,
                decision_date=original.decision_date,
                note=original.note,
            ),
            actor=actor,
        )
        # In the order they were recorded: a reversal may have made room for a later payment.
        copies: dict[int, Disbursement] = {}
        for entry in original.disbursements.order_by("pk"):
            if entry.reverses_id is None:
                copies[entry.pk] = services.disbursement_record(
                    allocation=allocation,
                    amount=entry.amount,
                    voucher_number=entry.voucher_number,
                    voucher_date=entry.voucher_date,
                    note=entry.note,
                    actor=actor,
                )
            else:
                services.disbursement_reverse(
                    disbursement=copies[entry.reverses_id],
                    reason=entry.note or "–",
                    voucher_number=entry.voucher_number,
                    voucher_date=entry.voucher_date,
                    actor=actor,
                )
