"""Template helpers of the plan review screen, whose form's fields are built from the draft."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def field(form, name: str):
    """The bound field `name` of the form."""
    return form[name]


@register.filter
def fields(form, names: list[str]) -> list:
    return [form[name] for name in names]


@register.filter
def get(mapping: dict, key: str):
    return mapping.get(key)


@register.filter
def split_words(value: str) -> list[str]:
    return value.split()
