"""The monthly report of donations received and passed on (page and Excel file).

Whoever has budget business opens it: province-wide readers (manager, finance, monitor) see
every donation, a unit officer their own unit's book. The CMS editor has none (403). Asked
for a plan, an officer with no donation of that plan gets 404: unit A received a donation of
the world's plan, unit B nothing. Both are reads: a POST is refused (405) and writes nothing.
"""

import datetime

from django.urls import reverse

from budgets.models import Donation
from tests.permission_tables import Entry, answers

READS = answers(manager=200, finance=200, monitor=200, officer_a=200, officer_b=404, editor=403)
NO_WRITES = answers(others=405)


def _donation(world) -> Donation:
    """Cash of the world's plan received by unit A, made once per world."""
    if not hasattr(world, "donation"):
        world.donation = Donation.objects.create(
            plan=world.plan,
            donor="Công ty Thử",
            donor_kind=Donation.DonorKind.ENTERPRISE,
            received_by=world.unit_a,
            received_on=datetime.date(2026, 3, 10),
            kind=Donation.Kind.CASH,
            amount=5_000_000,
            recorded_by=world.users["manager"],
        )
    return world.donation


def _path(name: str):
    return lambda w: reverse(name) + f"?month=2026-03&plan={_donation(w).plan_id}"


ENTRIES = {
    "budgets:donation_report": Entry(
        path=_path("budgets:donation_report"), methods={"GET": READS, "POST": NO_WRITES}, data=lambda w: {}
    ),
    "budgets:donation_report_export": Entry(
        path=_path("budgets:donation_report_export"), methods={"GET": READS, "POST": NO_WRITES}, data=lambda w: {}
    ),
}
