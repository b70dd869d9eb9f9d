from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext

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


# Lists longer than this get a filter box (static/js/searchable-choices.js decides on the page).
SEARCHABLE_MIN = 15


def _search_label() -> str:
    return gettext("Type to filter the list")


# The filter script, as form media: a page carries it only when one of its forms has a long
# list (`{{ form.media }}` in base.html), from our own static files (CSP 'self', no inline code).
SEARCHABLE_MEDIA = forms.Media(js=[forms.Script("js/searchable-choices.js", defer=True)])


class SearchableSelect(forms.Select):
    """A native select; the script adds a filter box above it when it has many options."""

    media = SEARCHABLE_MEDIA

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update({"data-searchable": "1", "data-search-label": _search_label()})
        return context


class SearchableCheckboxes(forms.CheckboxSelectMultiple):
    """A multiple choice as a scrolling list of checkboxes (no Ctrl-click), with a filter box
    above it when the script runs."""

    media = SEARCHABLE_MEDIA

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs={"class": "searchable-list", **(attrs or {})}, choices=choices)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-search-label"] = _search_label()
        return context


def make_searchable_field(field: forms.Field) -> None:
    """One model choice made searchable: a single select gets `data-searchable` (the script
    adds the filter when the list is long), a multiple select becomes a checkbox list."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        if not isinstance(field.widget, SearchableCheckboxes):
            widget = SearchableCheckboxes()
            widget.choices = field.widget.choices
            widget.is_required = field.widget.is_required
            field.widget = widget
    elif isinstance(field, forms.ModelChoiceField) and type(field.widget) is forms.Select:
        widget = SearchableSelect(attrs=field.widget.attrs)
        widget.choices = field.widget.choices
        widget.is_required = field.widget.is_required
        field.widget = widget


def make_searchable(form: forms.BaseForm) -> None:
    """Every model choice of the form searchable (`make_searchable_field`)."""
    for field in form.fields.values():
        make_searchable_field(field)
