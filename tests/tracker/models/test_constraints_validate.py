"""Every named CHECK constraint is evaluated by model validation on both databases.

Model validation (`full_clean`, forms, the admin, imports) asks the database to evaluate each
CheckConstraint's condition over the instance's values. When the database cannot type the
expression, Django logs "Got a database error calling check()" and lets the row through, so
only the database's own refusal (an IntegrityError, a 500) is left. On PostgreSQL the
donation's `amount = quantity × unit_value` was such a case ("operator is not unique: unknown *
unknown" for NULL × NULL); the expressions are now cast.

One test per constraint, run on SQLite and on PostgreSQL (DATABASE_URL): the condition is
evaluated over an empty instance (NULLs and defaults) and over one filled with ordinary values,
and must neither log a database error nor raise one.
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import logging

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

pytestmark = pytest.mark.django_db

OUR_APPS = {"tracker", "budgets", "cms"}


def _check_constraints():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for constraint in model._meta.constraints:
            if isinstance(constraint, models.CheckConstraint):
                yield pytest.param(model, constraint, id=f"{model._meta.label}.{constraint.name}")


def _filled(model) -> models.Model:
    """An instance whose plain fields hold ordinary values (foreign keys stay empty)."""
    instance = model()
    for field in model._meta.concrete_fields:
        if field.primary_key or field.is_relation or getattr(field, "generated", False):
            continue
        if field.choices:
            value = field.choices[0][0]
        elif isinstance(field, models.BooleanField):
            value = True
        elif isinstance(field, models.DecimalField):
            value = decimal.Decimal(2)
        elif isinstance(field, models.IntegerField | models.FloatField):
            value = 2
        elif isinstance(field, models.DateTimeField):
            value = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        elif isinstance(field, models.DateField):
            value = datetime.date(2026, 1, 1)
        elif isinstance(field, models.CharField | models.TextField):
            value = "x"
        else:
            continue
        setattr(instance, field.attname, value)
    return instance


@pytest.mark.parametrize(("model", "constraint"), list(_check_constraints()))
def test_the_constraint_is_evaluated_by_model_validation(model, constraint, caplog):
    with caplog.at_level(logging.WARNING, logger="django.db.models"):
        for instance in (model(), _filled(model)):
            with contextlib.suppress(ValidationError):  # refused: evaluated
                constraint.validate(model, instance)
    errors = [
        record.getMessage() for record in caplog.records if "database error calling check()" in record.getMessage()
    ]
    assert errors == []


def test_the_scan_finds_the_constraints():
    names = {param.values[1].name for param in _check_constraints()}
    assert {"donation_kind_fields", "disbursement_amount_not_zero", "generatedreport_period_ordered"} <= names


def test_model_validation_refuses_a_donation_whose_value_is_not_quantity_times_unit_value():
    from budgets.models import Donation

    donation = Donation(kind="in_kind", item="Điện thoại", quantity=10, unit_value=1_500_000, amount=14_000_000)
    constraint = next(c for c in Donation._meta.constraints if c.name == "donation_kind_fields")
    with pytest.raises(ValidationError):
        constraint.validate(Donation, donation)
    donation.amount = 15_000_000
    constraint.validate(Donation, donation)
    cash = Donation(kind="cash", amount=5_000_000)
    constraint.validate(Donation, cash)  # NULL × NULL: evaluated, and accepted
