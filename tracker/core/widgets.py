from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext

from tracker.core.text import vietnamese_sort_key

# The formats a date may be typed in, as the date picker's script reads them too: day/month/year
# with "/", "-" or "." between (tracker/config/formats DATE_INPUT_FORMATS), day and month with
# or without a leading zero. The browser checks the box against it before sending the form.
DATE_PATTERN = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"


class DateInput(forms.DateInput):
    """A date typed dd/mm/yyyy, as Vietnamese users write it, whatever the browser's locale
    (a native date picker would show mm/dd/yyyy in an English browser). The script beside it
    (static/js/date-picker.js) adds a calendar button that writes the chosen day back as
    dd/mm/yyyy; without it the box is typed in as before."""

    input_type = "text"
    media = forms.Media(js=[forms.Script("js/date-picker.js", defer=True)])

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": "dd/mm/yyyy",
            # Not "numeric": Android's numeric keypad has no "/" key, so a date could not be typed.
            "inputmode": "text",
            "pattern": DATE_PATTERN,
            "autocomplete": "off",
            **(attrs or {}),
        }
        super().__init__(attrs=attrs, format="%d/%m/%Y")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The calendar button's label: the script holds no text to translate.
        context["widget"]["attrs"]["data-picker-label"] = gettext("Choose the date on a calendar")
        return context


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
    adds the filter when the list is long), a multiple select becomes a checkbox list. A field
    whose choices are fetched as typed (`RemoteSelect`, defined below) stays as it is."""
    if isinstance(field.widget, RemoteSelect):
        return
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


# --- Choices fetched as the user types ------------------------------------------------------------
# A unit, an area or a plan among thousands (3,500 units in the country) is never a page of
# <option>s: the page carries only the chosen one, and the script (Tom Select, served from our
# own static files) asks `tracker:choices` for those matching what is typed, a page at a time,
# among what the user may see. Without the script the field is a text box: the name typed is
# looked up the same accent-free way (`RemoteModelChoiceField.to_python`).

REMOTE_MEDIA = forms.Media(
    js=[
        forms.Script("vendor/tom-select/tom-select.complete.min.js", defer=True),
        forms.Script("js/remote-choices.js", defer=True),
    ],
    css={"all": ["vendor/tom-select/tom-select.min.css"]},
)


class RemoteSelect(forms.TextInput):
    """A text box naming the chosen object, which the script turns into a select that fetches
    its options from ``tracker:choices`` for `source`. Renders no list of options."""

    media = REMOTE_MEDIA
    # What reading the chosen object's label needs (an area's parent), set by the field layer.
    related: tuple[str, ...] = ()

    def __init__(self, source: str, attrs=None, *, params: dict | None = None):
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.source = source
        # What the form narrows the list to (the plan's province, a date): see choices.sources.
        self.params = {key: value for key, value in (params or {}).items() if value not in (None, "")}

    def choices_url(self) -> str:
        from urllib.parse import urlencode

        from django.urls import reverse

        url = reverse("tracker:choices", args=[self.source])
        return f"{url}?{urlencode(self.params)}" if self.params else url

    def chosen_queryset(self, queryset):
        """The field's queryset, to read chosen objects with what their labels need."""
        return queryset.defer(None).select_related(*self.related) if self.related else queryset

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        iterator = getattr(self, "choices", None)  # the field's ModelChoiceIterator (never iterated)
        field = getattr(iterator, "field", None)
        chosen = None
        text = str(value).strip() if value not in (None, "") else ""
        if text.isdigit() and field is not None:
            chosen = getattr(field, "chosen", None)  # read when the form was validated
            if chosen is None or str(chosen.pk) != text:
                # The one option shown: one query.
                chosen = self.chosen_queryset(iterator.queryset).filter(pk=text).first()
        widget["value"] = field.label_from_instance(chosen) if chosen is not None else text
        widget["attrs"].update(
            {
                "data-choices-url": self.choices_url(),
                "data-value": str(chosen.pk) if chosen is not None else "",
                "data-search-label": gettext("Type to search"),
                "placeholder": gettext("Type a name"),
            }
        )
        if getattr(field, "empty_label", None):
            widget["attrs"]["data-empty-label"] = str(field.empty_label)
        return context


class RemoteModelChoiceField(forms.ModelChoiceField):
    """One object of `queryset`, chosen with a `RemoteSelect`: the script sends its id; a
    name typed without the script is looked up among `search_fields` (accent-free), and must
    match one object (or one exactly)."""

    def __init__(self, queryset, *, source: str, search_fields: tuple[str, ...], **kwargs):
        kwargs.setdefault("widget", RemoteSelect(source))
        super().__init__(queryset, **kwargs)
        self.search_fields = search_fields

    def to_python(self, value):
        from django.core.exceptions import ValidationError

        if value in self.empty_values:
            return None
        text = str(value).strip()
        queryset = self.queryset
        if isinstance(self.widget, RemoteSelect):
            queryset = self.widget.chosen_queryset(queryset)
        if text.isdigit() and len(text) < 19:  # an id (a longer number overflows the column)
            # Kept for the widget: no second query for its name.
            self.chosen = queryset.filter(pk=text).first()
            if self.chosen is None:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            return self.chosen
        self.chosen = find_by_name(queryset, self.search_fields, text, self.label_from_instance)
        return self.chosen


def find_by_name(queryset, search_fields: tuple[str, ...], text: str, label):
    """The one object of `queryset` whose `search_fields` contain what was typed (accent-free),
    or the one whose label is exactly it; else a ValidationError saying what to type."""
    from django.core.exceptions import ValidationError

    from tracker.core.search import accent_free, fold

    found = list(queryset.filter(accent_free(search_fields, text))[:6])
    exact = [obj for obj in found if fold(label(obj)) == fold(text)]
    if len(found) == 1 or len(exact) == 1:
        return found[0] if len(found) == 1 else exact[0]
    if not found:
        raise ValidationError(gettext("Nothing matches “%(text)s”.") % {"text": text}, code="invalid_choice")
    names = "; ".join(label(obj) for obj in found[:5])
    raise ValidationError(
        gettext("Several match “%(text)s”: %(names)s… Type more of the name.") % {"text": text, "names": names},
        code="invalid_choice",
    )
