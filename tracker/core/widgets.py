from django import forms
from django.forms.models import ModelChoiceIterator

from tracker.core.text import vietnamese_sort_key


class DateInput(forms.DateInput):
    """A date typed dd/mm/yyyy, as Vietnamese users write it, whatever the browser's locale
    (a native date picker would show mm/dd/yyyy in an English browser)."""

    input_type = "text"

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": "dd/mm/yyyy",
            "inputmode": "numeric",
            "pattern": r"\d{1,2}/\d{1,2}/\d{4}",
            "autocomplete": "off",
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format="%d/%m/%Y")


class VietnameseOrderIterator(ModelChoiceIterator):
    """Choices in Vietnamese alphabetical order (Đ after D), which the database cannot sort."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        objects = sorted(self.queryset, key=lambda obj: vietnamese_sort_key(self.field.label_from_instance(obj)))
        for obj in objects:
            yield self.choice(obj)
