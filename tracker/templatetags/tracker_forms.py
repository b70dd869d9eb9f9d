"""What form pages share in their templates: the scripts and styles their forms' widgets ask
for, and a formset's errors named by row and field."""

from __future__ import annotations

from django import forms, template
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext
from django_filters import FilterSet

register = template.Library()


def _form_likes(context) -> list:
    """The forms, formsets and filter forms the page was given, whatever their names. Types
    are compared without touching the values, so a lazy one (the CSRF token) stays unevaluated."""
    found = []
    for value in context.flatten().values():
        kind = type(value)
        if issubclass(kind, forms.BaseForm | BaseFormSet):
            found.append(value)
        elif issubclass(kind, FilterSet):
            found.append(value.form)
    return found


@register.simple_tag(takes_context=True)
def page_media(context) -> str:
    """The media of every form on the page (`<script defer>` from our own static files, no
    inline code), each file once: a date box's calendar, a long list's filter, a remote select."""
    media = forms.Media()
    for form in _form_likes(context):
        media += form.media
    return media.render() if (media._js or media._css) else ""


@register.filter
def row_errors(formset: BaseFormSet) -> list[str]:
    """Each error of a formset's rows as "Row 5, Clusters: …" (rows counted as the page shows
    them), so a row added below the fold, or a table shown as cards on a phone, is found."""
    messages = []
    for number, form in enumerate(formset.forms, start=1):
        if not form.errors or (formset.can_delete and formset._should_delete_form(form)):
            continue
        for name, errors in form.errors.items():
            field = form.fields.get(name)
            for error in errors:
                if field is None:
                    messages.append(gettext("Row %(row)s: %(message)s") % {"row": number, "message": error})
                else:
                    messages.append(
                        gettext("Row %(row)s, %(field)s: %(message)s")
                        % {"row": number, "field": field.label, "message": error}
                    )
    return messages
