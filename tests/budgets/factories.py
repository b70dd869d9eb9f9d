"""factory_boy factories for budgets (sources come from the data migration)."""

import datetime

import factory

from budgets import models
from tests import factories


def source(code: str = "central_budget") -> models.FundingSource:
    return models.FundingSource.objects.get(code=code)


class EstimateFactory(factory.django.DjangoModelFactory):
    """A draft estimate; add lines with EstimateLineFactory or use ``approved_estimate``."""

    class Meta:
        model = models.Estimate

    activity = factory.SubFactory(factories.ActivityFactory)
    unit = factory.SelfAttribute("activity.lead_unit")
    year = 2026
    title = factory.Sequence(lambda n: f"Dự toán kinh phí {n}")
    created_by = factory.SubFactory(factories.UserFactory)


class EstimateLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.EstimateLine

    estimate = factory.SubFactory(EstimateFactory)
    description = factory.Sequence(lambda n: f"Khoản chi {n}")
    funding_source = factory.LazyFunction(source)
    quantity = 1
    unit_price = 1_000_000
    amount = factory.LazyAttribute(lambda line: line.quantity * line.unit_price)


def approved_estimate(*, activity, year: int, amount: int, funding_source=None, **extra) -> models.Estimate:
    """An estimate already through appraisal and approval, giving ``amount`` from one source."""
    estimate = EstimateFactory(
        activity=activity,
        year=year,
        status=models.Estimate.Status.APPROVED,
        decision_number="1181/QĐ-UBND",
        decision_date=datetime.date(year, 2, 1),
        **extra,
    )
    EstimateLineFactory(
        estimate=estimate, funding_source=funding_source or source(), unit_price=amount, appraised_amount=amount
    )
    return estimate


class AllocationFactory(factory.django.DjangoModelFactory):
    """A new allocation, covered by an approved estimate of the same amount; nothing
    disbursed yet (disbursements go through the services)."""

    class Meta:
        model = models.Allocation

    activity = factory.SubFactory(factories.ActivityFactory)
    unit = factory.SubFactory(factories.CommuneCommitteeFactory)
    funding_source = factory.LazyFunction(source)
    year = 2026
    amount = 1_000_000
    decision_number = factory.Sequence(lambda n: f"{1000 + n}/QĐ-UBND")
    decision_date = datetime.date(2026, 2, 10)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        approved_estimate(
            activity=kwargs["activity"],
            year=kwargs["year"],
            amount=kwargs["amount"],
            funding_source=kwargs["funding_source"],
        )
        return super()._create(model_class, *args, **kwargs)
