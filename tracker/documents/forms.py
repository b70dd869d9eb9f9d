"""Forms of the documents part: filters of the list pages, and the managers' editing forms for
plans, targets, deadlines and reporting rules.

The editing forms are ModelForms, but they do not save: the view hands the unsaved instance
to the service, which validates again and records who made the change. Whatever the model or
the service rejects is shown next to the field it concerns (see ``ServiceErrorsMixin``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.choices.fields import make_remote
from tracker.core.areas import in_subtree, plan_province_id, within_area
from tracker.core.widgets import DateInput, VietnameseOrderIterator, make_searchable
from tracker.models import (
    Activity,
    Area,
    Deadline,
    Indicator,
    LegalDocument,
    Plan,
    PlanDuty,
    ReportingRule,
    Target,
    Unit,
)
from tracker.work.selectors import activity_label


class VietnameseModelChoiceField(forms.ModelChoiceField):
    iterator = VietnameseOrderIterator


def _units_of_province(province: int | None):
    """The units of a province (its departments, district and commune committees) and those
    placed nowhere (ministries, telecom enterprises); every unit when there is no province."""
    units = Unit.objects.all()
    return units if province is None else units.filter(within_area(province) | Q(area__isnull=True))


def _province_units(plan: Plan | None):
    """The units a plan's forms offer: those of the plan's province."""
    return _units_of_province(plan_province_id(plan))


def _province_areas(plan: Plan | None):
    province = plan_province_id(plan)
    return Area.objects.all() if province is None else Area.objects.filter(in_subtree(province))


def remote(form: forms.BaseForm, name: str, source: str, *, province: int | None, level: int | None = None) -> None:
    """A unit or area choice fetched as typed (a country has 3,500 units) among the province's,
    in force today; the queryset the form set stays the check of what is posted."""
    params = {"province": province, "on": timezone.localdate().isoformat(), "level": level}
    make_remote(form, name, source=source, params=params)


def _with_current(queryset, current_pk: int | None):
    """Rows in force, plus the one already chosen (an ended unit stays valid on an old plan)."""
    in_force = queryset.in_force()
    if current_pk:
        return queryset.filter(Q(pk__in=in_force.values("pk")) | Q(pk=current_pk))
    return in_force


class ServiceErrorsMixin:
    """Show model and service validation errors next to the field they concern.

    Model constraints report as errors of the whole form; ``constraint_fields`` names the
    field each constraint's message belongs to (a duplicate target is a problem of its area).
    """

    constraint_fields: dict[str, str] = {}

    def _constraint_field_of(self) -> dict[str, str]:
        by_message = {}
        for constraint in self._meta.model._meta.constraints:
            field_name = self.constraint_fields.get(constraint.name)
            if field_name in self.fields:
                by_message[str(constraint.get_violation_error_message())] = field_name
        return by_message

    def _placed(self, error: ValidationError) -> dict[str | None, list[str]]:
        by_message = self._constraint_field_of()
        items = error.error_dict.items() if hasattr(error, "error_dict") else [(NON_FIELD_ERRORS, error.error_list)]
        placed: dict[str | None, list[str]] = {}
        for field_name, errors in items:
            for message in ValidationError(errors).messages:
                target = field_name if field_name in self.fields else by_message.get(message)
                placed.setdefault(target, [])
                if message not in placed[target]:
                    placed[target].append(message)
        return placed

    def _update_errors(self, errors):
        # Called by ModelForm with the model's own validation (clean() and constraints).
        placed = self._placed(errors)
        # A model-wide message the form already shows at a field ("a window needs a start
        # and an end") is not repeated at the top.
        shown = {message for name, messages in self.errors.items() if name != NON_FIELD_ERRORS for message in messages}
        if None in placed:
            placed[None] = [message for message in placed[None] if message not in shown]
            if not placed[None]:
                del placed[None]
        if placed:
            self.add_error(None, ValidationError({(k or NON_FIELD_ERRORS): v for k, v in placed.items()}))

    def add_service_error(self, error: ValidationError) -> None:
        """Add what a service rejected to the form, each message where it belongs."""
        for field_name, messages in self._placed(error).items():
            for message in messages:
                if field_name is None or message not in self.errors.get(field_name, []):
                    self.add_error(field_name, message)


class DocumentModelForm(ServiceErrorsMixin, forms.ModelForm):
    """Dates as date pickers accepting dd/mm/yyyy too; nothing saved by the form itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            if isinstance(form_field, forms.DateField):
                form_field.widget = DateInput()
        # Long lists get a filter box; multiple choices are checkbox lists, not Ctrl-click.
        make_searchable(self)


# --- Filters of the list pages ------------------------------------------------------------------


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Search title or number"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *Plan.Status.choices]
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    issuer = forms.TypedChoiceField(label=_("Issued by"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, issuers: Iterable[Unit] = (), **kwargs):
        super().__init__(*args, **kwargs)
        # Ready-made choices (the issuers of the plans the user sees, already sorted).
        self.fields["issuer"].choices = [("", _("All issuers")), *((unit.pk, unit.name) for unit in issuers)]


class UnitFilterForm(forms.Form):
    GROUP_CHOICES = [("", _("Units and groups")), ("units", _("Units only")), ("groups", _("Groups only"))]

    q = forms.CharField(label=_("Search name"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Unit.Kind.choices])
    groups = forms.ChoiceField(label=_("Show"), required=False, choices=GROUP_CHOICES)
    ended = forms.BooleanField(label=_("Include units no longer in force"), required=False)


class AreaFilterForm(forms.Form):
    q = forms.CharField(label=_("Search name or code"), required=False, max_length=200)
    on = forms.DateField(
        label=_("In force on"), required=False, widget=DateInput(), help_text=_("Today when left blank.")
    )
    down_to = forms.TypedChoiceField(
        label=_("Down to"),
        required=False,
        coerce=int,
        empty_value=Area.Level.COMMUNE,
        choices=Area.Level.choices,
        initial=Area.Level.COMMUNE,
    )
    ended = forms.BooleanField(label=_("Include areas no longer in force"), required=False)


# --- Managers' forms ------------------------------------------------------------------------------


class PlanForm(DocumentModelForm):
    """A plan's header, body texts and signature, with its legal bases in the order cited.

    The legal bases are one list of documents fetched as typed (`make_remote`), in the order
    of the "Căn cứ …" paragraphs: the order they were chosen (without scripts: the ticked ones
    in their order, then the names typed). The words citing each document already cited
    ("Căn cứ", "Thực hiện"…) are a text box each; a document added now is cited with the
    default words until edited.
    """

    class Meta:
        model = Plan
        fields = [
            "issuer",
            "number_symbol",
            "place",
            "issued_on",
            "issued_on_precision",
            "title",
            "period_start",
            "period_end",
            "programme_component",
            "area",
            "status",
            "purpose",
            "funding",
            "signing_authority",
            "signer_title",
            "signer_name",
            "recipients",
            "is_sample",
        ]
        field_classes = {"issuer": VietnameseModelChoiceField, "area": VietnameseModelChoiceField}
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, province_id: int | None = None, chosen_document: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The plan's province (a new plan: the manager's) decides which issuers and areas are
        # offered: its committee and departments, never another province's.
        units = _units_of_province(province_id)
        self.fields["issuer"].queryset = _with_current(units, self.instance.issuer_id)
        areas = Area.objects.filter(level__lte=Area.Level.DISTRICT)
        if province_id is not None:
            areas = areas.filter(in_subtree(province_id))
        self.fields["area"].queryset = _with_current(areas, self.instance.area_id)
        remote(self, "issuer", "units", province=province_id)
        remote(self, "area", "areas", province=province_id, level=Area.Level.DISTRICT)
        links = []
        if self.instance.pk:
            links = list(self.instance.legal_basis_links.select_related("document"))
        current = [link.document for link in links]
        # A document just created from this form ("New legal document" and back) is added last.
        chosen = LegalDocument.objects.filter(pk=chosen_document).first() if chosen_document else None
        if chosen is not None and chosen not in current:
            current.append(chosen)
        # Documents in force, plus those the plan already cites (a repealed one stays on it).
        self.fields["legal_bases"] = forms.ModelMultipleChoiceField(
            label=_("Legal bases"),
            queryset=LegalDocument.objects.filter(Q(valid_to__isnull=True) | Q(pk__in=[d.pk for d in current])),
            required=False,
            initial=[document.pk for document in current],
            help_text=_("Type part of a document's number or title and choose it, in the order the plan cites them."),
        )
        make_remote(self, "legal_bases", source="legal-documents").chosen_objects = current
        for link in links:
            # The words the plan cites it with ("Căn cứ", "Thực hiện"…), kept as written.
            self.fields[f"lead_in_{link.document_id}"] = forms.CharField(
                label=_("Cited with: %(document)s") % {"document": link.document},
                required=False,
                max_length=60,
                initial=link.lead_in,
                widget=forms.TextInput(attrs={"placeholder": "Căn cứ", "list": "lead-in-words"}),
            )

    @property
    def lead_in_fields(self):
        return [self[name] for name in self.fields if name.startswith("lead_in_")]

    def legal_bases(self) -> list[tuple[LegalDocument, str]]:
        """The chosen documents in order, each with the words citing it ("" for one added now:
        the default words)."""
        return [
            (document, self.cleaned_data.get(f"lead_in_{document.pk}") or "")
            for document in self.cleaned_data.get("legal_bases") or []
        ]


class TargetForm(DocumentModelForm):
    constraint_fields = {
        "target_unique": "area",
        "target_value_not_negative": "planned_value",
        "target_year_plausible": "year",
    }

    class Meta:
        model = Target
        fields = ["indicator", "area", "year", "planned_value"]
        field_classes = {"area": VietnameseModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = _with_current(_province_areas(self.instance.plan), self.instance.area_id)
        remote(self, "area", "areas", province=plan_province_id(self.instance.plan))
        # Indicators still in use, plus the one already chosen (an ended one stays on old targets).
        self.fields["indicator"].queryset = Indicator.objects.filter(
            Q(valid_to__isnull=True) | Q(pk=self.instance.indicator_id or 0)
        )
        # The model rejects a negative value with its own message; no browser-side minimum
        # here, so the server's translated message is what the user sees.
        self.fields["planned_value"].widget = forms.NumberInput(attrs={"step": 1})


class DeadlineForm(DocumentModelForm):
    constraint_fields = {
        "deadline_date_has_due_date": "due_date",
        "deadline_window_ordered": "window_end",
    }

    class Meta:
        model = Deadline
        fields = ["title", "kind", "due_date", "window_start", "window_end", "wording", "activity", "responsible_unit"]
        field_classes = {"responsible_unit": VietnameseModelChoiceField}
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "kind": forms.RadioSelect}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        activities = Activity.objects.filter(plan=plan).select_related("plan").order_by("order", "section_code")
        self.fields["activity"].queryset = activities
        self.fields["activity"].label_from_instance = activity_label
        self.fields["responsible_unit"].queryset = _with_current(
            _province_units(plan), self.instance.responsible_unit_id
        )
        remote(self, "responsible_unit", "units", province=plan_province_id(plan))

    def clean(self):
        cleaned = super().clean()
        # A window with one end missing: say so at the missing end rather than for the form.
        if cleaned.get("kind") == Deadline.Kind.WINDOW:
            for name in ("window_start", "window_end"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("A window needs a start and an end."))
        return cleaned


class ReportingRuleForm(DocumentModelForm):
    constraint_fields = {
        "reportingrule_active_ordered": "active_to",
        "reportingrule_month_given": "due_month",
        "reportingrule_following_month_monthly": "due_following_month",
    }

    class Meta:
        model = ReportingRule
        fields = [
            "title",
            "reporter",
            "recipient",
            "frequency",
            "due_day",
            "due_month",
            "due_following_month",
            "active_from",
            "active_to",
            "wording",
            "is_default",
        ]
        field_classes = {"reporter": VietnameseModelChoiceField, "recipient": VietnameseModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = _province_units(self.instance.plan)
        self.fields["reporter"].queryset = _with_current(units, self.instance.reporter_id)
        self.fields["recipient"].queryset = _with_current(units, self.instance.recipient_id)
        province = plan_province_id(self.instance.plan)
        remote(self, "reporter", "units", province=province)
        remote(self, "recipient", "units", province=province)


# --- Section IV "Tổ chức thực hiện": the plan's duties, on the plan's own form ------------------


class PlanDutyForm(ServiceErrorsMixin, forms.ModelForm):
    """One paragraph of section IV: a unit (or a collective of units) and what it must do."""

    class Meta:
        model = PlanDuty
        fields = ["order", "unit", "heading", "text"]
        field_classes = {"unit": VietnameseModelChoiceField}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "order": forms.NumberInput(attrs={"min": 0, "step": 1, "class": "narrow"}),
        }
        labels = {"order": _("No.")}


class BasePlanDutyFormSet(forms.BaseInlineFormSet):
    """The duties in their order; each row's unit is fetched as typed among the province's
    units in force (and the one the duty already names), every row alike, the empty form too."""

    def __init__(self, *args, province_id: int | None = None, **kwargs):
        self.province_id = province_id
        super().__init__(*args, **kwargs)
        # New rows are numbered after the existing ones, so a row filled in lands last.
        for index, form in enumerate(self.extra_forms, start=self.initial_form_count() + 1):
            form.initial["order"] = index

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if not hasattr(self, "_units"):
            current = [duty.unit_id for duty in self.get_queryset() if duty.unit_id]
            in_force = _units_of_province(self.province_id).in_force()
            self._units = Unit.objects.filter(Q(pk__in=in_force.values("pk")) | Q(pk__in=current))
        form.fields["unit"].queryset = self._units
        remote(form, "unit", "units", province=self.province_id)
        if form.instance.unit_id:
            # Read with the duties (select_related): no query per row for its name.
            form.fields["unit"].chosen = form.instance.unit

    @property
    def empty_form(self):
        """The row the page copies to add a duty in place (static/js/formset-rows.js): its
        number filled in by the script as the server numbers a new row (its position + 1), so
        that a copied row left blank is skipped like an empty one. (Its unit, like every
        row's, is made a remote choice by `add_fields`; static/js/remote-choices.js enhances
        the copy when it is added to the page.)"""
        form = super().empty_form
        form.fields["order"].widget.attrs["data-formset-number"] = ""
        return form

    def get_queryset(self):
        # Read once: the formset asks for it for every row.
        if not hasattr(self, "_ordered_duties"):
            self._ordered_duties = super().get_queryset().select_related("unit").order_by("order", "id")
        return self._ordered_duties

    def ordered_duties(self) -> tuple[list[PlanDuty], list[PlanDuty]]:
        """(the duties to keep, in the order given; those removed). Rows left empty are skipped."""
        kept, removed = [], []
        for position, form in enumerate(self.forms):
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if self.can_delete and self._should_delete_form(form):
                if form.instance.pk:
                    removed.append(form.instance)
                continue
            order = form.cleaned_data.get("order")
            form.instance._changed_on_form = form.has_changed()
            kept.append((order if order is not None else 10_000, position, form.instance))
        return [duty for _order, _position, duty in sorted(kept, key=lambda item: item[:2])], removed


PlanDutyFormSet = forms.inlineformset_factory(
    Plan, PlanDuty, form=PlanDutyForm, formset=BasePlanDutyFormSet, extra=3, can_delete=True
)
