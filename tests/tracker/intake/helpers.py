"""What the intake's view tests share: the review form's own proposal as a POST body."""

from __future__ import annotations


def proposal(form, **changes) -> dict:
    """The body a manager sends who accepts every proposed value (then `changes`)."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False, ""):
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list):
            data[name] = value
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = getattr(value, "pk", value)
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
