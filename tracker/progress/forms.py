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


class ProgressReportForm(forms.Form):
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
    evidence = MultipleFileField(
        label=_("Photos and documents"),
        help_text=_("Photos (JPEG, PNG, WebP, HEIC), PDF, Word, Excel or PowerPoint files."),
    )

    def __init__(self, *args, outputs: list[OutputIndicator], **kwargs):
        super().__init__(*args, **kwargs)
        self.outputs = outputs
        for output in outputs:
            self.fields[quantity_field_name(output)] = forms.IntegerField(
                label=f"{output.name} ({output.unit_of_measure})",
                required=False,
                min_value=0,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            )
        # Quantities right after the percentage: what the unit achieved, then the words.
        order = ["percent_complete", *(quantity_field_name(o) for o in outputs)]
        self.order_fields(order)

    def quantity_fields(self):
        return [self[quantity_field_name(output)] for output in self.outputs]

    def text_fields(self):
        return [self[name] for name in ("narrative", "difficulties", "proposals")]

    def quantities(self) -> dict[OutputIndicator, int | None]:
        return {output: self.cleaned_data.get(quantity_field_name(output)) for output in self.outputs}


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
