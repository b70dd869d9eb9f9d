"""The progress report form (one per task and period) and the reviewer's return form.

The forms only read what was typed; the rules (who may write, what is allowed, which files
are accepted) live in `tracker.progress.services`, whose ValidationErrors the views attach
with `add_service_error`.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.core.evidence import ACCEPT_ATTRIBUTE
from tracker.models import OutputIndicator
from tracker.models.fields import LONG_TEXT_MAX_LENGTH


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by content in the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def quantity_field_name(output: OutputIndicator) -> str:
    return f"quantity_{output.pk}"


class QuantityFieldsMixin:
    """One whole-number field per output of the task (blank: nothing of it this period)."""

    def add_quantity_fields(self, outputs: list[OutputIndicator]) -> None:
        self.outputs = outputs
        for output in outputs:
            self.fields[quantity_field_name(output)] = forms.IntegerField(
                label=f"{output.name} ({output.unit_of_measure})",
                required=False,
                min_value=0,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            )

    def quantity_fields(self):
        return [self[quantity_field_name(output)] for output in self.outputs]

    def quantities(self) -> dict[OutputIndicator, int | None]:
        return {output: self.cleaned_data.get(quantity_field_name(output)) for output in self.outputs}


class ProgressReportForm(QuantityFieldsMixin, forms.Form):
    percent_complete = forms.IntegerField(
        label=_("Percent complete"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
    )
    narrative = forms.CharField(
        label=_("What was done"),
        required=False,
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    difficulties = forms.CharField(
        label=_("Difficulties and obstacles"),
        required=False,
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    proposals = forms.CharField(
        label=_("Proposals"), required=False, max_length=LONG_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    nothing_to_report = forms.BooleanField(
        label=_("Nothing to report in this period"),
        required=False,
        help_text=_("Nothing was done in the period: leave the quantities empty."),
    )
    evidence = MultipleFileField(
        label=_("Photos and documents"),
        help_text=_("Photos (JPEG, PNG, WebP, HEIC), PDF, Word, Excel or PowerPoint files."),
    )

    def __init__(self, *args, outputs: list[OutputIndicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.add_quantity_fields(outputs)
        # Quantities right after the percentage: what the unit achieved, then the words.
        order = ["percent_complete", *(quantity_field_name(o) for o in outputs)]
        self.order_fields(order)

    def text_fields(self):
        return [self[name] for name in ("narrative", "difficulties", "proposals")]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("nothing_to_report") and any(value is not None for value in self.quantities().values()):
            raise forms.ValidationError(
                _("A report with nothing to report carries no quantities; clear them or untick it.")
            )
        return cleaned


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


# --- Catching up: several periods of a task in one form ---------------------------------------


class CatchUpRowForm(QuantityFieldsMixin, forms.Form):
    """One period of the catch-up form: report it with figures, say nothing happened, or
    leave it for later. `period` is the period's key (`selectors.period_param`), checked by
    the view against the periods still waiting."""

    REPORT, NOTHING, SKIP = "report", "nothing", "skip"

    period = forms.CharField(widget=forms.HiddenInput)
    action = forms.ChoiceField(
        label=_("This period"),
        choices=[
            (REPORT, _("Report the figures")),
            (NOTHING, _("Nothing to report")),
            (SKIP, _("Not now")),
        ],
        initial=REPORT,
        widget=forms.RadioSelect,
    )
    percent_complete = forms.IntegerField(
        label=_("Percent complete"),
        required=False,
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
    )
    note = forms.CharField(
        label=_("Note for this period"),
        required=False,
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_("Empty: the shared note below."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, outputs: list[OutputIndicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.add_quantity_fields(outputs)

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == self.REPORT and cleaned.get("percent_complete") is None:
            self.add_error("percent_complete", _("Give the percentage complete, or choose “Nothing to report”."))
        if action == self.NOTHING and any(value is not None for value in self.quantities().values()):
            self.add_error(
                None, _("A period with nothing to report takes no quantities; clear them or choose to report figures.")
            )
        return cleaned


class BaseCatchUpFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if all(form.cleaned_data.get("action") == CatchUpRowForm.SKIP for form in self.forms):
            raise forms.ValidationError(_("Choose at least one period to report."))


CatchUpFormSet = forms.formset_factory(CatchUpRowForm, formset=BaseCatchUpFormSet, extra=0, max_num=500)


class CatchUpNoteForm(forms.Form):
    shared_note = forms.CharField(
        label=_("Shared note"),
        required=False,
        max_length=LONG_TEXT_MAX_LENGTH,
        help_text=_("What was done, or why nothing was: written into every period that has no note of its own."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
