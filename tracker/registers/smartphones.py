"""Smartphone handovers: the entry form, the list's filters and totals (by source, by priority
class), and the service that saves an entry.

Donated phones are linked the other way round: the budgets app's donation transfer points at
the handover (budgets imports tracker, never the reverse), and the handover's page shows the
linked transfers through the panel budgets registers in `tracker.core.extensions`.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.validators import MinValueValidator
from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from tracker.core.widgets import DateInput
from tracker.models import SmartphoneHandover, User
from tracker.registers import services
from tracker.registers.forms import EntryFilterSet, EntryForm


class SmartphoneHandoverForm(EntryForm):
    class Meta:
        model = SmartphoneHandover
        fields = [*EntryForm.COMMON, "priority_class", "source", "phones", "households", "handed_over_on", "note"]
        widgets = {"handed_over_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        area = self.fields["area"]
        area.required = True
        area.help_text = _("The commune the phones were handed over in.")
        # Said next to the field rather than by the model's constraint above the form.
        phones = self.fields["phones"]
        phones.validators.append(MinValueValidator(1))
        phones.widget.attrs["min"] = 1


class SmartphoneHandoverFilterSet(EntryFilterSet):
    DATE_FIELD = "handed_over_on"
    SEARCH_FIELDS = ("area__name", "note")

    priority_class = django_filters.ChoiceFilter(
        label=_("Priority class"), choices=SmartphoneHandover.PriorityClass.choices
    )
    source = django_filters.ChoiceFilter(label=_("Source"), choices=SmartphoneHandover.Source.choices)

    class Meta:
        model = SmartphoneHandover
        fields: list[str] = []


def _grouped(queryset: QuerySet, field: str, choices) -> list[dict]:
    """Handovers, phones and households per value of `field`, in the choices' order (1 query)."""
    rows = {
        row[field]: row
        for row in queryset.order_by()
        .values(field)
        .annotate(handovers=Count("pk"), phones=Sum("phones"), households=Sum("households"))
    }
    return [
        {
            "value": value,
            "label": label,
            "handovers": rows[value]["handovers"],
            "phones": rows[value]["phones"] or 0,
            "households": rows[value]["households"] or 0,
        }
        for value, label in choices
        if value in rows
    ]


def handover_totals(queryset: QuerySet[SmartphoneHandover]) -> dict:
    """The filtered list's totals, by source and by priority class (2 queries)."""
    by_source = _grouped(queryset, "source", SmartphoneHandover.Source.choices)
    by_class = _grouped(queryset, "priority_class", SmartphoneHandover.PriorityClass.choices)
    return {
        "by_source": by_source,
        "by_class": by_class,
        "handovers": sum(row["handovers"] for row in by_source),
        "phones": sum(row["phones"] for row in by_source),
        "households": sum(row["households"] for row in by_source),
    }


@transaction.atomic
def handover_save(*, entry: SmartphoneHandover, actor: User) -> SmartphoneHandover:
    """Create or update a draft or returned handover (the core rules in `entry_save`)."""
    return services.entry_save(entry=entry, actor=actor)
