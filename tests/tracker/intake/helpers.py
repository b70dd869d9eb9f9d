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


def leaves(value, path=""):
    """(path, value) for every scalar of a JSON-like structure."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def agreement(expected: dict, got: dict) -> tuple[int, int, list[str]]:
    """Fields of `expected` that `got` has the same: (same, all, paths that differ)."""
    got_fields = dict(leaves(got))
    rows = list(leaves(expected))
    differ = [path for path, value in rows if got_fields.get(path, object()) != value]
    return len(rows) - len(differ), len(rows), differ
