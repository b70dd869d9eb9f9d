"""Form fields whose choices are fetched as the user types: a unit, an area or a legal document
among thousands is never a page of <option>s.

`make_remote(form, name, source=…)` turns a form's ModelChoiceField or ModelMultipleChoiceField
into one of these, keeping what the form already decided: its queryset (what this user may
choose here: the plan's province, units in force… — the check of what is posted, whatever the
list offered), label, help text, required and initial. The page carries only the chosen items;
the script (static/js/remote-choices.js, Tom Select from static/vendor) asks `tracker:choices`
for the others, narrowed by the same parameters the form gives (`params`).

Without scripts, a single choice is a text box naming the chosen object; a multiple choice is
the chosen items as ticked checkboxes (untick to remove) and a text box where names are typed,
separated by ";", to add more. Typed names are looked up accent-free among the queryset and must
each name one object (see `tracker.core.widgets.find_by_name`).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_lazy

from tracker.choices.sources import SOURCES
from tracker.core.widgets import RemoteModelChoiceField, RemoteSelect, find_by_name

# Shown when a posted id is not among the field's queryset: another province's unit, an ended
# one, a forged value. It does not say whether the object exists.
NOT_OFFERED = gettext_lazy("This choice is not offered here: choose from the list.")
# Typed names are separated by this (names contain commas: "UBND xã A, huyện B").
NAME_SEPARATOR = ";"


def _is_id(text: str) -> bool:
    return text.isdigit() and len(text) < 19  # a longer number would overflow the column


class RemoteSelectMultiple(RemoteSelect):
    """Several objects: the script makes a Tom Select of tags (each with a remove button) that
    fetches its options; without it, ticked checkboxes for the chosen and a text box to add."""

    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        values = getter(name) if getter is not None else data.get(name)
        if values is None:
            return []
        return [values] if isinstance(values, str) else list(values)

    def value_omitted_from_data(self, data, files, name):
        return False  # an empty multiple choice posts nothing, like checkboxes

    def format_value(self, value):
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        return [str(item) for item in value if item not in (None, "")]

    def id_for_label(self, id_):
        return id_  # the text box: what the label names without scripts (and Tom Select's input with them)

    def _chosen(self, values: list[str]) -> tuple[list, str]:
        """(the chosen objects in the order given, what was typed and not resolved)."""
        iterator = getattr(self, "choices", None)
        field = getattr(iterator, "field", None)
        ids = [value for value in values if _is_id(value)]
        typed = [value for value in values if not _is_id(value) and value.strip()]
        known = {str(obj.pk): obj for obj in getattr(field, "chosen_objects", [])}
        missing = [pk for pk in ids if pk not in known]
        if missing and field is not None:
            # One query for every chosen item shown.
            known.update({str(obj.pk): obj for obj in self.chosen_queryset(field.queryset).filter(pk__in=missing)})
        # Names typed without scripts that the field resolved show as chosen; those it could
        # not stay in the text box to be corrected.
        resolved = getattr(field, "resolved_names", {})
        objects, seen = [], set()
        for value in values:
            obj = known.get(value) if _is_id(value) else None
            if obj is None and not _is_id(value):
                for name in _split_names(value):
                    if name in resolved and resolved[name].pk not in seen:
                        objects.append(resolved[name])
                        seen.add(resolved[name].pk)
            elif obj is not None and obj.pk not in seen:
                objects.append(obj)
                seen.add(obj.pk)
        unresolved = [name for value in typed for name in _split_names(value) if name not in resolved]
        return objects, f"{NAME_SEPARATOR} ".join(unresolved)

    def render(self, name, value, attrs=None, renderer=None):
        field = getattr(getattr(self, "choices", None), "field", None)
        label = field.label_from_instance if field is not None else str
        objects, typed = self._chosen(self.format_value(value))
        attrs = self.build_attrs(self.attrs, attrs)
        box_id = attrs.pop("id", None) or f"id_{name}"
        described = attrs.pop("aria-describedby", None)
        invalid = attrs.pop("aria-invalid", None)
        attrs.pop("required", None)  # the checkboxes and the text box are each optional
        attrs.pop("autocomplete", None)  # the text box's, below
        chosen = format_html_join(
            "",
            '<li><label><input type="checkbox" name="{}" value="{}" checked> {}</label></li>',
            ((name, obj.pk, label(obj)) for obj in objects),
        )
        box_attrs = {
            "type": "text",
            "name": name,
            "id": box_id,
            "value": typed,
            "autocomplete": "off",
            "placeholder": gettext("Type names to add, separated by ;"),
            "aria-describedby": described,
            "aria-invalid": invalid,
        }
        wrapper = {
            **attrs,
            "class": " ".join(filter(None, ["remote-multiple", attrs.get("class")])),
            "data-choices-url": self.choices_url(),
            "data-multiple": "1",
            "data-search-label": gettext("Type to search"),
            "data-remove-label": gettext("Remove"),
        }
        return format_html(
            '<div{}><ul class="remote-chosen">{}</ul><input{}></div>',
            flatatt({key: value for key, value in wrapper.items() if key != "id"}),
            chosen,
            flatatt({key: value for key, value in box_attrs.items() if value is not None}),
        )


def _split_names(text: str) -> list[str]:
    return [name.strip() for name in text.replace("\n", NAME_SEPARATOR).split(NAME_SEPARATOR) if name.strip()]


class RemoteModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several objects of `queryset`, chosen with a `RemoteSelectMultiple`: ids from the script
    or the ticked boxes, names typed without scripts (separated by ";") looked up among
    `search_fields`. Cleans to a list in the order given (a plan cites its legal bases in order)."""

    def __init__(self, queryset, *, source: str, search_fields: tuple[str, ...], **kwargs):
        kwargs.setdefault("widget", RemoteSelectMultiple(source))
        super().__init__(queryset, **kwargs)
        self.search_fields = search_fields

    def clean(self, value):
        value = self.prepare_value(value) if value else []
        values = [str(item).strip() for item in value if str(item).strip()]
        self.resolved_names = {}
        errors, ids = [], []
        for item in values:
            if _is_id(item):
                ids.append(item)
                continue
            for name in _split_names(item):
                try:
                    obj = find_by_name(
                        self.widget.chosen_queryset(self.queryset), self.search_fields, name, self.label_from_instance
                    )
                except ValidationError as error:
                    errors.extend(error.messages)
                else:
                    self.resolved_names[name] = obj
                    ids.append(str(obj.pk))
        if errors:
            raise ValidationError(errors, code="invalid_choice")
        if not ids:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            self.chosen_objects = []
            return []
        ids = list(dict.fromkeys(ids))  # a unit ticked and typed again counts once
        found = {str(obj.pk): obj for obj in self.widget.chosen_queryset(self.queryset).filter(pk__in=ids)}
        if len(found) < len(ids):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        self.chosen_objects = [found[pk] for pk in ids]
        self.run_validators(self.chosen_objects)
        return self.chosen_objects

    def has_changed(self, initial, data):
        initial_ids = {str(value) for value in self.prepare_value(initial or [])}
        data_values = [str(value) for value in (data or []) if str(value).strip()]
        if any(not _is_id(value) for value in data_values):
            return True
        return initial_ids != set(data_values)


def make_remote(
    form: forms.BaseForm,
    name: str,
    *,
    source: str,
    params: dict | None = None,
    search_fields: tuple[str, ...] | None = None,
    label=None,
) -> forms.Field:
    """Turn the form's model choice `name` into a remote one of `source` (see the module's
    docstring), keeping its queryset, label, help text, required, initial and empty label.
    `label` reads an object as the list does (the source's label by default)."""
    old = form.fields[name]
    found = SOURCES[source]
    multiple = isinstance(old, forms.ModelMultipleChoiceField)
    widget_class = RemoteSelectMultiple if multiple else RemoteSelect
    widget = widget_class(source, params=params)
    widget.related = found.related
    field_class = RemoteModelMultipleChoiceField if multiple else RemoteModelChoiceField
    kwargs = {
        "source": source,
        "search_fields": search_fields or found.search_fields,
        "widget": widget,
        "required": old.required,
        "label": old.label,
        "help_text": old.help_text,
        "initial": old.initial,
        "disabled": old.disabled,
        "error_messages": {**old.error_messages, "invalid_choice": NOT_OFFERED},
    }
    if not multiple:
        kwargs["empty_label"] = old.empty_label
    field = field_class(old.queryset, **kwargs)
    field.iterator = old.iterator  # (the choices are never rendered, but a test or a check may list them)
    field.label_from_instance = label or found.label
    form.fields[name] = field
    return field
