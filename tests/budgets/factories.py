"""factory_boy factories for budgets (sources come from the data migration)."""

import datetime

import factory

from budgets import models
from tests import factories


class AllocationFactory(factory.django.DjangoModelFactory):
    """A new allocation: nothing disbursed yet (disbursements go through the services)."""

    class Meta:
        model = models.Allocation

    activity = factory.SubFactory(factories.ActivityFactory)
    unit = factory.SubFactory(factories.CommuneCommitteeFactory)
    funding_source = factory.LazyFunction(lambda: models.FundingSource.objects.get(code="central_budget"))
    year = 2026
    amount = 1_000_000
    decision_number = factory.Sequence(lambda n: f"{1000 + n}/QĐ-UBND")
    decision_date = datetime.date(2026, 2, 10)
