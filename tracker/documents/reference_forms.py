"""Forms of the province's reference data: units, legal documents and indicators.

As the plan forms, they do not save: the view hands the unsaved instance to the service in
`tracker.documents.services`, which validates again and records who made the change.
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tracker.core.areas import AREA_DEPTH
from tracker.core.scope import province_of, units_managed_by
from tracker.core.widgets import DateInput, VietnameseOrderIterator
from tracker.documents.forms import DocumentModelForm, VietnameseModelChoiceField
from tracker.documents.services import legal_document_duplicate
from tracker.models import Area, Indicator, LegalDocument, Unit


class VietnameseModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = VietnameseOrderIterator


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    ended = forms.BooleanField(label=_("Include those no longer in force"), required=False)


def areas_of_province(province: Area | None):
    """Areas in force in the province (the province itself and everything below it)."""
    areas = Area.objects.in_force()
    if province is None:
        return areas
    condition = Q(pk=province.pk)
    path = "parent"
    for _level in range(AREA_DEPTH - 1):
        condition |= Q(**{f"{path}_id": province.pk})
        path += "__parent"
    return areas.filter(condition)


def duplicate_message(existing: LegalDocument):
    """The refusal of a duplicate, linking to the document that already exists."""
    return format_html(
        '{} <a href="{}">{}</a>',
        _("This document already exists (same number and date):"),
        reverse("tracker:legal_document_edit", args=[existing.pk]),
        str(existing),
    )


class UnitForm(DocumentModelForm):
    """A unit: what it is, where it belongs, its collective's members, its e-mail."""

    constraint_fields = {
        "unit_name_unique_in_force": "name",
        "unit_peoples_committee_has_area": "area",
        "unit_valid_to_after_from": "valid_from",
    }

    members = VietnameseModelMultipleChoiceField(
        label=_("Members (for a group of units)"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("The units a collective named in a plan stands for, e.g. the communes' committees."),
    )

    class Meta:
        model = Unit
        fields = [
            "name",
            "short_name",
            "kind",
            "parent",
            "area",
            "email",
            "signing_authority",
            "signer_title",
            "signer_name",
            "drafting_division",
            "valid_from",
            "is_group",
        ]
        field_classes = {"parent": VietnameseModelChoiceField, "area": VietnameseModelChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        managed = units_managed_by(user, Unit.objects.in_force())
        if self.instance.pk:
            managed = managed.exclude(pk=self.instance.pk)
            self.initial.setdefault("members", list(self.instance.members.values_list("pk", flat=True)))
        self.fields["parent"].queryset = managed
        self.fields["members"].queryset = managed.filter(is_group=False)
        areas = areas_of_province(province_of(user)).filter(level__lte=Area.Level.COMMUNE)
        if self.instance.area_id:
            areas = Area.objects.filter(Q(pk__in=areas.values("pk")) | Q(pk=self.instance.area_id))
        self.fields["area"].queryset = areas

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("members") and not cleaned.get("is_group"):
            self.add_error("members", _("Only a group of units has members."))
        return cleaned


class UnitEndForm(forms.Form):
    valid_to = forms.DateField(label=_("Ended on"), widget=DateInput())
    successor = VietnameseModelChoiceField(
        label=_("Merged into / renamed to"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("The unit that carries on its work, if any."),
    )

    def __init__(self, *args, unit: Unit, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = Unit.objects.in_force().exclude(pk=unit.pk)


class EndForm(forms.Form):
    valid_to = forms.DateField(label=_("No longer in force from"), widget=DateInput())


class LegalDocumentForm(DocumentModelForm):
    constraint_fields = {"legaldocument_number_date_unique": "number_symbol"}

    class Meta:
        model = LegalDocument
        fields = ["kind", "number_symbol", "issued_on", "issuer", "title"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        existing = legal_document_duplicate(
            number_symbol=cleaned.get("number_symbol") or "",
            issued_on=cleaned.get("issued_on"),
            exclude_pk=self.instance.pk,
        )
        if existing is not None:
            self.add_error("number_symbol", duplicate_message(existing))
        return cleaned

    def validate_unique(self):
        # The duplicate check above says it better (with a link); skip the model's message.
        pass


class IndicatorForm(DocumentModelForm):
    constraint_fields = {"indicator_code_unique": "code"}

    class Meta:
        model = Indicator
        fields = ["name", "unit_of_measure", "description", "role", "code", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
