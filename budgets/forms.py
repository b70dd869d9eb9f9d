"""Form pieces shared by the budgets pages, and the forms and filters of the finance
officer's working pages (estimates, allocations and disbursements, donations).

The forms read what was typed and check what a user can correct in place; the rules (an
estimate's state, what is approved, what remains to disburse or pass on) live in
`budgets.services`, whose ValidationErrors the views attach with `add_service_error`.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db.models import Q, QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from budgets import permissions, selectors
from budgets.models import Allocation, Donation, Estimate, EstimateLine, FundingSource
from budgets.money import format_vnd, parse_vnd
from tracker.choices.fields import make_remote
from tracker.choices.filters import RemoteChoiceFilter, scope_remote_filters
from tracker.choices.sources import source_queryset
from tracker.core import areas
from tracker.core.permissions import AnyUser, in_province, is_unit_officer
from tracker.core.widgets import DateInput, VietnameseOrderIterator, make_searchable_field
from tracker.models import Activity, Area, SmartphoneHandover
from tracker.models.fields import NOTE_MAX_LENGTH
from tracker.work import selectors as selectors_work


class VNDInput(forms.TextInput):
    """Amounts are typed as text (``1.234.567``), shown grouped with dots."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", "class": "money", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return super().format_value(value)


class VNDField(forms.Field):
    """A whole amount of đồng: accepts ``1.234.567``, ``1234567``, ``1,234,567`` (and a
    trailing ``đ``), refuses decimals and negatives with a message saying what to type."""

    widget = VNDInput
    default_error_messages = {
        "invalid": _("Enter a whole amount of đồng, e.g. 1.234.567."),
        "min_value": _("The amount must be at least %(limit)s đ."),
    }

    def __init__(self, *, min_value: int | None = None, **kwargs):
        self.min_value = min_value
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            amount = value
        else:
            try:
                amount = parse_vnd(str(value))
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if self.min_value is not None and amount < self.min_value:
            raise ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": f"{self.min_value:,}".replace(",", ".")},
            )
        return amount


# --- Choices ---------------------------------------------------------------------------------


class ActivityByPlanIterator(ModelChoiceIterator):
    """Activities as <optgroup>s per plan (newest first), in Vietnamese order within a plan.

    ModelChoiceField validates a choice against its queryset, not this list, so grouping the
    options costs nothing but the one query that reads them.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for label, activities in selectors.group_activities(self.queryset):
            yield (label, [self.choice(activity) for activity in activities])


def _activity_field(field: forms.ModelChoiceField, queryset: QuerySet[Activity]) -> None:
    make_searchable_field(field)
    field.iterator = ActivityByPlanIterator
    field.label_from_instance = selectors.activity_label
    field.queryset = selectors.activities_for_choice(queryset)


def _unit_field(form: forms.BaseForm, name: str, *, user: AnyUser | None, include=()) -> None:
    """A unit in force among the user's province's (and those placed nowhere), plus the one
    already chosen, fetched as typed (a country has 3,500 units): the page carries only the
    chosen one (tracker/choices/fields.py)."""
    today = timezone.localdate()
    field = form.fields[name]
    field.iterator = VietnameseOrderIterator
    units = selectors_work.units_for_choice(include=include, today=today)
    if user is not None:
        keep = [pk for pk in include if pk]
        units = units.filter(Q(pk__in=source_queryset("units", user).values("pk")) | Q(pk__in=keep))
    field.queryset = units
    make_remote(form, name, source="units", params={"on": today.isoformat()})


def _area_field(form: forms.BaseForm, name: str, *, user: AnyUser | None) -> None:
    """An area down to communes in force among the user's province's, fetched as typed."""
    today = timezone.localdate()
    field = form.fields[name]
    areas = selectors_work.areas_for_choice(today=today)
    if user is not None:
        areas = areas.filter(pk__in=source_queryset("areas", user).values("pk"))
    field.queryset = areas
    make_remote(form, name, source="areas", params={"on": today.isoformat(), "level": Area.Level.COMMUNE})


def _year_field(field: forms.Field) -> None:
    field.widget = forms.NumberInput(attrs={"min": 2000, "max": 2100, "inputmode": "numeric"})


def _default(form: forms.BaseForm, name: str, value) -> None:
    """Pre-fill a new object's field (a model form's initial holds None for it already)."""
    if form.initial.get(name) in (None, ""):
        form.initial[name] = value


def fixed_unit(user: AnyUser) -> bool:
    """A unit officer draws up estimates for their own unit only; the DIC and finance choose."""
    return is_unit_officer(user) and not (
        permissions.can_record_finance(user) or permissions.can_approve_estimates(user)
    )


# --- Estimates -------------------------------------------------------------------------------


class EstimateForm(forms.ModelForm):
    class Meta:
        model = Estimate
        fields = ["activity", "unit", "year", "title", "explanation"]
        labels = {
            "activity": _("Activity"),
            "unit": _("Unit drawing it up"),
            "year": _("Year"),
            "title": _("Title"),
            "explanation": _("Explanation"),
        }
        widgets = {"title": forms.TextInput(), "explanation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user: AnyUser, **kwargs):
        super().__init__(*args, **kwargs)
        estimate = self.instance
        _activity_field(self.fields["activity"], permissions.estimate_activities_for(user))
        if fixed_unit(user):
            del self.fields["unit"]
        else:
            unit_field = self.fields["unit"]
            unit_field.required = False
            unit_field.help_text = _("Leave blank for the activity's lead unit.")
            _unit_field(self, "unit", user=user, include=[estimate.unit_id])
        _year_field(self.fields["year"])
        if estimate.pk is None:
            _default(self, "year", timezone.localdate().year)

    def clean(self):
        cleaned = super().clean()
        activity = cleaned.get("activity")
        if "unit" in self.fields and not cleaned.get("unit") and activity is not None:
            cleaned["unit"] = activity.lead_unit
        return cleaned


class EstimateLineForm(forms.ModelForm):
    unit_price = VNDField(label=_("Unit price (đ)"), min_value=1)

    class Meta:
        model = EstimateLine
        fields = ["description", "funding_source", "unit_of_measure", "quantity", "unit_price"]
        labels = {
            "description": _("Item"),
            "funding_source": _("Funding source"),
            "unit_of_measure": _("Unit of measure"),
            "quantity": _("Quantity"),
        }

    def __init__(self, *args, source_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if source_choices is not None:
            # One query for every row's dropdown instead of one per row.
            self.fields["funding_source"].choices = source_choices
        quantity = self.fields["quantity"]
        quantity.min_value = 1
        quantity.widget.attrs.update({"min": 1, "inputmode": "numeric"})
        quantity.validators.append(MinValueValidator(1))

    @property
    def amount(self) -> int | None:
        """Quantity × unit price as typed (shown in the row; the model computes it on save)."""
        if self.is_bound:
            data = getattr(self, "cleaned_data", {})
            quantity, price = data.get("quantity"), data.get("unit_price")
        else:
            quantity, price = self.initial.get("quantity"), self.initial.get("unit_price")
        if isinstance(quantity, int) and isinstance(price, int):
            return quantity * price
        return None


class BaseEstimateLineFormSet(forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if not hasattr(self, "_source_choices"):
            self._source_choices = [("", "---------")] + [(s.pk, s.name) for s in FundingSource.objects.all()]
        kwargs["source_choices"] = self._source_choices
        return kwargs

    def lines(self) -> list[EstimateLine]:
        """The lines to keep, in the form's order: existing ones not deleted, new ones filled in."""
        deleted = set(self.deleted_forms)
        return [
            form.instance
            for form in self.forms
            if form not in deleted and (form.instance.pk or form.has_changed()) and form.is_valid()
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.lines():
            raise ValidationError(_("An estimate needs at least one line."))

    @property
    def total(self) -> int:
        return sum(form.amount or 0 for form in self.forms if form not in set(self.deleted_forms or []))


EstimateLineFormSet = forms.inlineformset_factory(
    Estimate,
    EstimateLine,
    form=EstimateLineForm,
    formset=BaseEstimateLineFormSet,
    fields=["description", "funding_source", "unit_of_measure", "quantity", "unit_price"],
    extra=3,
    can_delete=True,
)


class EstimateAppraiseForm(forms.Form):
    """The finance department's appraisal: an amount per line, pre-filled with the request."""

    comments = forms.CharField(
        label=_("Appraisal comments"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, lines: list[EstimateLine], **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[self.field_name(line)] = VNDField(
                label=line.description,
                min_value=0,
                initial=line.amount if line.appraised_amount is None else line.appraised_amount,
            )
        self.order_fields([*(self.field_name(line) for line in lines), "comments"])

    @staticmethod
    def field_name(line: EstimateLine) -> str:
        return f"line_{line.pk}"

    def line_rows(self) -> list[tuple[EstimateLine, forms.BoundField]]:
        return [(line, self[self.field_name(line)]) for line in self.lines]

    def appraised(self) -> dict[int, int]:
        return {line.pk: self.cleaned_data[self.field_name(line)] for line in self.lines}


class EstimateApproveForm(forms.Form):
    decision_number = forms.CharField(
        label=_("Approving decision number"),
        max_length=50,
        widget=forms.TextInput(attrs={"placeholder": "1181/QĐ-UBND"}),
    )
    decision_date = forms.DateField(label=_("Decision date"), widget=DateInput())


class EstimateReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for returning"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


# --- Allocations and disbursements -----------------------------------------------------------


class AllocationForm(forms.ModelForm):
    amount = VNDField(label=_("Amount allocated (đ)"), min_value=1)

    class Meta:
        model = Allocation
        fields = ["activity", "unit", "funding_source", "year", "amount", "decision_number", "decision_date", "note"]
        labels = {
            "activity": _("Activity"),
            "unit": _("Unit"),
            "funding_source": _("Funding source"),
            "year": _("Year"),
            "decision_number": _("Decision number"),
            "decision_date": _("Decision date"),
            "note": _("Note"),
        }
        widgets = {
            "decision_number": forms.TextInput(attrs={"placeholder": "1181/QĐ-UBND"}),
            "decision_date": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user: AnyUser | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        allocation = self.instance
        # The activities of the finance officer's province (every one for a reader of every province).
        activities = Activity.objects.all() if user is None else in_province(user, Activity.objects.all(), "plan__")
        _activity_field(self.fields["activity"], activities)
        _unit_field(self, "unit", user=user, include=[allocation.unit_id])
        self.fields["funding_source"].empty_label = None if allocation.pk else "---------"
        _year_field(self.fields["year"])
        if allocation.pk is None:
            _default(self, "year", timezone.localdate().year)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if self.instance.pk and amount is not None and amount < self.instance.disbursed:
            raise ValidationError(
                _("%(disbursed)s has already been disbursed: the allocation cannot be smaller."),
                params={"disbursed": format_vnd(self.instance.disbursed)},
            )
        return amount

    def chosen(self) -> tuple[int | None, int | None, int | None]:
        """The activity, year and source the form holds (typed or initial), for the box that
        shows what is approved and still allocatable."""

        def number(name):
            value = self.data.get(name) if self.is_bound else self.initial.get(name)
            if isinstance(value, Activity | FundingSource):
                return value.pk
            try:
                return int(value)
            except (TypeError, ValueError):
                return None

        return number("activity"), number("year"), number("funding_source")


class DisbursementForm(forms.Form):
    voucher_number = forms.CharField(label=_("Voucher number"), max_length=50)
    voucher_date = forms.DateField(label=_("Voucher date"), widget=DateInput())
    amount = VNDField(label=_("Amount (đ)"), min_value=1)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )


class DisbursementReverseForm(forms.Form):
    reason = forms.CharField(label=_("Reason for reversing"), max_length=4000)


# --- Donations -------------------------------------------------------------------------------


class DonationForm(forms.ModelForm):
    """Cash is an amount; support in kind is an item, a quantity and a value per item (the
    page shows the fields of the kind chosen; the form checks them whatever is shown)."""

    amount = VNDField(label=_("Cash amount (đ)"), min_value=1, required=False)
    unit_value = VNDField(label=_("Value per item (đ)"), min_value=1, required=False)

    class Meta:
        model = Donation
        fields = [
            "donor",
            "donor_kind",
            "received_by",
            "received_on",
            "receipt_number",
            "plan",
            "activity",
            "kind",
            "amount",
            "item",
            "quantity",
            "unit_value",
            "note",
        ]
        labels = {
            "donor": _("Donor"),
            "donor_kind": _("Donor kind"),
            "received_by": _("Receiving unit"),
            "received_on": _("Date received"),
            "receipt_number": _("Receipt number"),
            "plan": _("Plan"),
            "activity": _("Activity"),
            "kind": _("Kind"),
            "item": _("Item given"),
            "quantity": _("Quantity"),
            "note": _("Note"),
        }
        help_texts = {"item": _("E.g. smartphone.")}
        widgets = {
            "received_on": DateInput(),
            "kind": forms.RadioSelect(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user: AnyUser, **kwargs):
        super().__init__(*args, **kwargs)
        donation = self.instance
        _unit_field(self, "received_by", user=user, include=[donation.received_by_id])
        plan_field = self.fields["plan"]
        plan_field.label_from_instance = selectors_work.plan_label
        plan_field.queryset = selectors_work.plans_for_choice(user).order_by("-period_start", "pk")
        _activity_field(self.fields["activity"], in_province(user, Activity.objects.all(), "plan__"))
        self.fields["kind"].choices = Donation.Kind.choices
        quantity = self.fields["quantity"]
        quantity.min_value = 1
        quantity.widget.attrs.update({"min": 1, "inputmode": "numeric"})
        if donation.pk is None:
            _default(self, "received_on", timezone.localdate())
            _default(self, "kind", Donation.Kind.CASH)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == Donation.Kind.CASH:
            if not cleaned.get("amount") and "amount" not in self.errors:
                self.add_error("amount", _("Give the amount received in cash."))
            cleaned["item"], cleaned["quantity"], cleaned["unit_value"] = "", None, None
        elif kind == Donation.Kind.IN_KIND:
            for name, message in (
                ("item", _("Say what was given, e.g. smartphone.")),
                ("quantity", _("Say how many items were given.")),
                ("unit_value", _("Give the value of one item.")),
            ):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, message)
            if cleaned.get("quantity") and cleaned.get("unit_value"):
                cleaned["amount"] = cleaned["quantity"] * cleaned["unit_value"]
        self._check_what_was_passed_on(cleaned)
        activity, plan = cleaned.get("activity"), cleaned.get("plan")
        if activity is not None:
            if plan is None:
                cleaned["plan"] = activity.plan
            elif activity.plan_id != plan.pk:
                self.add_error("activity", _("This activity belongs to another plan."))
        return cleaned

    def _check_what_was_passed_on(self, cleaned: dict) -> None:
        """A correction cannot leave less than was already passed on (said on the field; the
        database's constraints would otherwise answer above the form, less precisely)."""
        donation = self.instance
        if donation.pk is None:
            return
        quantity, amount = cleaned.get("quantity"), cleaned.get("amount")
        if quantity is not None and quantity < donation.transferred_quantity:
            self.add_error(
                "quantity",
                _("%(count)s items have already been passed on: the quantity cannot be smaller.")
                % {"count": donation.transferred_quantity},
            )
        elif cleaned.get("kind") == Donation.Kind.CASH and amount is not None and amount < donation.transferred_amount:
            self.add_error(
                "amount",
                _("%(amount)s has already been passed on: the amount cannot be smaller.")
                % {"amount": format_vnd(donation.transferred_amount)},
            )


class DonationTransferForm(forms.Form):
    """Pass part of a donation on: a number of items (in kind) or an amount (cash)."""

    recipient = forms.ModelChoiceField(label=_("Recipient unit"), queryset=None)
    area = forms.ModelChoiceField(
        label=_("Commune or area"),
        queryset=None,
        required=False,
        help_text=_("Where the support goes, when it is for one commune."),
    )
    transferred_on = forms.DateField(label=_("Date passed on"), widget=DateInput())
    document_number = forms.CharField(label=_("Document number"), max_length=50, required=False)
    quantity = forms.IntegerField(
        label=_("Number of items"), min_value=1, widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"})
    )
    amount = VNDField(label=_("Amount (đ)"), min_value=1)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
    handover = forms.ModelChoiceField(
        label=_("Smartphone handover"),
        queryset=None,
        required=False,
        help_text=_("For phones: the handover in the smartphone register (donations source, same unit and commune)."),
    )

    def __init__(self, *args, donation: Donation, user: AnyUser | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        handover_field = self.fields["handover"]
        handover_field.queryset = SmartphoneHandover.objects.filter(
            source=SmartphoneHandover.Source.DONATIONS
        ).select_related("area", "unit")
        handover_field.label_from_instance = lambda h: (
            f"#{h.pk} {h.area.name if h.area_id else '—'}: {h.phones} – {h.handed_over_on:%d/%m/%Y} ({h.unit.name})"
        )
        _unit_field(self, "recipient", user=user)
        _area_field(self, "area", user=user)
        self.initial.setdefault("transferred_on", today)
        if donation.kind == Donation.Kind.IN_KIND:
            del self.fields["amount"]
            self.fields["quantity"].widget.attrs["max"] = donation.remaining_quantity
        else:
            del self.fields["quantity"]

    def clean(self):
        cleaned = super().clean()
        handover, recipient, area = cleaned.get("handover"), cleaned.get("recipient"), cleaned.get("area")
        if handover is not None and recipient is not None:
            if handover.unit_id != recipient.pk:
                self.add_error("handover", _("This handover was entered by another unit than the recipient."))
            elif area is not None and handover.area_id != area.pk:
                self.add_error("handover", _("This handover was in another commune."))
            elif area is None:
                cleaned["area"] = handover.area
        return cleaned


# --- List filters ----------------------------------------------------------------------------


class _ListFilter(django_filters.FilterSet):
    """A list's filters, validated against choices read once per page; a value outside them
    (a stale link) shows the error and no row rather than quietly ignoring the filter. The
    search box matches what the list's `search` says.

    Plans, units and areas are thousands in the country: they are `RemoteChoiceFilter`s, the
    page carrying only the chosen one, the others fetched from tracker:choices as the user
    types, among those of their province."""

    q = django_filters.CharFilter(
        method="filter_search", label=_("Search"), widget=forms.TextInput(attrs={"type": "search"})
    )

    CHOICES: dict[str, str] = {}

    def __init__(self, data=None, queryset=None, *, choices: dict, user: AnyUser, **kwargs):
        super().__init__(data, queryset, **kwargs)
        for name, key in self.CHOICES.items():
            self.filters[name].extra["choices"] = choices[key]
        scope_remote_filters(self, user)

    def filter_queryset(self, queryset):
        if self.form.errors:
            return queryset.none()
        return super().filter_queryset(queryset)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(self.search(value)) if value else queryset

    def search(self, value: str) -> Q:
        raise NotImplementedError


class EstimateListFilter(_ListFilter):
    year = django_filters.ChoiceFilter(label=_("Year"), empty_label=_("All years"))
    status = django_filters.ChoiceFilter(
        choices=Estimate.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    plan = RemoteChoiceFilter(field_name="activity__plan", source="plans", label=_("Plan"), empty_label=_("All plans"))
    activity = django_filters.ChoiceFilter(
        field_name="activity_id", label=_("Activity"), empty_label=_("All activities")
    )
    unit = RemoteChoiceFilter(field_name="unit", source="units", label=_("Unit"), empty_label=_("All units"))

    CHOICES = {"year": "years", "activity": "activities"}

    class Meta:
        model = Estimate
        fields: list[str] = []

    def search(self, value: str) -> Q:
        return Q(title__icontains=value) | Q(activity__title__icontains=value) | Q(decision_number__icontains=value)


class AllocationListFilter(_ListFilter):
    """The GET names are part of the page's interface: the execution tables link here with
    ``year``, ``funding_source``, ``unit``, ``plan``, ``activity``, ``activity_type`` and ``area``."""

    year = django_filters.ChoiceFilter(label=_("Year"), empty_label=_("All years"))
    funding_source = django_filters.ChoiceFilter(
        field_name="funding_source_id", label=_("Funding source"), empty_label=_("All sources")
    )
    plan = RemoteChoiceFilter(field_name="activity__plan", source="plans", label=_("Plan"), empty_label=_("All plans"))
    activity = django_filters.ChoiceFilter(
        field_name="activity_id", label=_("Activity"), empty_label=_("All activities")
    )
    activity_type = django_filters.ChoiceFilter(
        field_name="activity__activity_type_id", label=_("Content type"), empty_label=_("All content types")
    )
    unit = RemoteChoiceFilter(field_name="unit", source="units", label=_("Unit"), empty_label=_("All units"))
    area = RemoteChoiceFilter(method="filter_area", source="areas", label=_("Area"), empty_label=_("All areas"))

    CHOICES = {
        "year": "years",
        "funding_source": "funding_sources",
        "activity": "activities",
        "activity_type": "activity_types",
    }

    class Meta:
        model = Allocation
        fields: list[str] = []

    def search(self, value: str) -> Q:
        return (
            Q(decision_number__icontains=value)
            | Q(activity__title__icontains=value)
            | Q(activity__section_code=value)
            | Q(unit__name__icontains=value)
            | Q(note__icontains=value)
        )

    def filter_area(self, queryset, name, value):
        # As the tracker's board: the allocated unit's area or any area below it.
        return queryset.filter(areas.within_area(value.pk, prefix="unit__"))


class DonationListFilter(_ListFilter):
    plan = RemoteChoiceFilter(field_name="plan", source="plans", label=_("Plan"), empty_label=_("All plans"))
    kind = django_filters.ChoiceFilter(
        choices=Donation.Kind.choices, label=_("Kind"), empty_label=_("Cash and in kind")
    )
    received_by = RemoteChoiceFilter(
        field_name="received_by", source="units", label=_("Receiving unit"), empty_label=_("All units")
    )
    month = django_filters.ChoiceFilter(method="filter_month", label=_("Month received"), empty_label=_("Any month"))

    CHOICES = {"month": "months"}

    class Meta:
        model = Donation
        fields: list[str] = []

    def search(self, value: str) -> Q:
        return Q(donor__icontains=value) | Q(item__icontains=value) | Q(receipt_number__icontains=value)

    def filter_month(self, queryset, name, value):
        year, month = (int(part) for part in value.split("-"))
        start = datetime.date(year, month, 1)
        end = datetime.date(year + month // 12, month % 12 + 1, 1)
        return queryset.filter(received_on__gte=start, received_on__lt=end)
