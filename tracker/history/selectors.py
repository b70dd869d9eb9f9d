"""What changed, who changed it and when: an object's history as users read it.

Each history page merges "streams" of django-simple-history rows — the object's own rows and
those of related rows users think of as part of it (an activity's cooperating units and
outputs, a plan's legal bases, a task's progress reports) — newest first, 50 to a page.
Diffs come from ``diff_against`` with raw foreign keys, which are then named in bulk: one
query per related model for the whole page, never one per row.

Queries per page: the count and the page of the merged streams (2), then per stream on the
page its rows with their authors and the rows before them (2 each, at most 3 streams), then
one per related model named — whatever the number of rows.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import BooleanField, Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tracker.models import ProgressReport, Target, Task, User

PER_PAGE = 50
EMPTY = "—"

# What a related row is called, from its fields (foreign keys already named in `names`).
Describe = Callable[[models.Model, "Names"], str]


@dataclass(frozen=True)
class Stream:
    model: type[models.Model]
    lookup: str  # the history table's column that points at the object ("id" for itself)
    fields: tuple[str, ...] | None = None  # the fields shown; None: every editable one
    describe: Describe | None = None  # None: the object itself
    only_field_changes: bool = True  # hide "changed" rows that change none of `fields`


@dataclass
class Change:
    field: str
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: str
    kind: str  # "+", "~", "-" as simple-history writes them
    subject: str  # "" for the object itself; e.g. "Cooperating unit: UBND xã A"
    changes: list[Change] = field(default_factory=list)
    reason: str = ""

    @property
    def kind_label(self) -> str:
        if self.subject:
            return {"+": _("added"), "~": _("changed"), "-": _("removed")}[self.kind]
        return {"+": _("created"), "~": _("changed"), "-": _("deleted")}[self.kind]


class Names:
    """Foreign-key ids → what users call the rows, fetched once per related model."""

    # Related models whose name needs their own related rows.
    SELECT = {Task: ("unit",), Target: ("indicator", "area"), ProgressReport: ("task__unit",)}

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set] = defaultdict(set)
        self.found: dict[type[models.Model], dict] = {}

    def want(self, model: type[models.Model], pk) -> None:
        if pk is not None and pk != "":
            self.wanted[model].add(pk)

    def fetch(self) -> None:
        for model, pks in self.wanted.items():
            rows = model._base_manager.filter(pk__in=pks).select_related(*self.SELECT.get(model, ()))
            self.found[model] = {row.pk: _label(row) for row in rows}

    def __call__(self, model: type[models.Model], pk) -> str:
        if pk is None or pk == "":
            return EMPTY
        name = self.found.get(model, {}).get(pk)
        return name if name is not None else _("#%(id)s (deleted)") % {"id": pk}


def _label(row: models.Model) -> str:
    if isinstance(row, User):
        return row.get_full_name() or row.username
    return str(row)


def _foreign_key(model: type[models.Model], name: str) -> models.ForeignKey | None:
    model_field = model._meta.get_field(name)
    return model_field if isinstance(model_field, models.ForeignKey) else None


def _fields(stream: Stream) -> list[str]:
    if stream.fields is not None:
        return list(stream.fields)
    history_model = stream.model.history.model
    return [f.name for f in history_model.tracked_fields if f.editable and f.name != "id"]


def display_value(model_field: models.Field, value, names: Names) -> str:
    """A stored value as the object's pages show it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(model_field, models.ForeignKey):
        return names(model_field.related_model, value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(model_field, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "d/m/Y H:i")
    if isinstance(model_field, models.DateField):
        return formats.date_format(value, "d/m/Y")
    if isinstance(model_field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def _merged(streams: list[Stream], pk: int):
    """(history_date, history_id, stream index) of every row of every stream, newest first."""
    parts = []
    for index, stream in enumerate(streams):
        history = stream.model.history.model.objects.filter(**{stream.lookup: pk})
        if stream.only_field_changes:
            history = _without_silent_changes(stream, history)
        parts.append(
            history.annotate(stream=Value(index, output_field=IntegerField()))
            .order_by()
            .values_list("history_date", "history_id", "stream")
        )
    first, *rest = parts
    return (
        first.union(*rest, all=True).order_by("-history_date", "-history_id")
        if rest
        else first.order_by("-history_date", "-history_id")
    )


def _previous(history_model) -> Subquery:
    """The history_id of the row before each row of the same object."""
    before = history_model.objects.filter(id=OuterRef("id")).filter(
        Q(history_date__lt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
    )
    return Subquery(before.order_by("-history_date", "-history_id").values("history_id")[:1])


def _without_silent_changes(stream: Stream, history):
    """Drop "changed" rows in which none of the stream's fields changed (in SQL, so that the
    pages count only rows that show something)."""
    history_model = stream.model.history.model
    previous = history_model.objects.filter(history_id=OuterRef("previous_id"))
    history = history.annotate(previous_id=_previous(history_model))
    same = Q()
    for name in _fields(stream):
        column = history_model._meta.get_field(name).attname
        history = history.annotate(**{f"previous_{column}": Subquery(previous.values(column)[:1])})
        # NULL = NULL is not true in SQL: count two NULLs as the same value too.
        same &= Q(**{f"previous_{column}": models.F(column)}) | Q(
            **{f"previous_{column}__isnull": True, f"{column}__isnull": True}
        )
    # As a CASE, so that a comparison with one NULL side (a value set or cleared) counts as a
    # change: inside exclude() it would be unknown, and the row would be dropped.
    silent = Case(When(same, then=Value(True)), default=Value(False), output_field=BooleanField())
    # A change that gives a reason ("Members: …", "Roles: …") says something even with no
    # field changed, so it stays.
    no_reason = Q(history_change_reason__isnull=True) | Q(history_change_reason="")
    return history.annotate(silent=silent).exclude(Q(history_type="~", silent=True) & no_reason)


def history_page(streams: list[Stream], pk: int, page_number) -> tuple[Page, list[HistoryEntry]]:
    page = Paginator(_merged(streams, pk), PER_PAGE).get_page(page_number)
    by_stream: dict[int, list[int]] = defaultdict(list)
    for _date, history_id, index in page.object_list:
        by_stream[index].append(history_id)

    names = Names()
    records: dict[tuple[int, int], tuple] = {}
    for index, history_ids in by_stream.items():
        stream = streams[index]
        history_model = stream.model.history.model
        rows = list(
            history_model.objects.filter(history_id__in=history_ids)
            .select_related("history_user")
            .annotate(previous_id=_previous(history_model))
        )
        previous_ids = [row.previous_id for row in rows if row.previous_id]
        previous = {row.history_id: row for row in history_model.objects.filter(history_id__in=previous_ids)}
        fields = _fields(stream)
        related = getattr(stream.describe, "related", None)
        for row in rows:
            if related is not None:
                names.want(related, getattr(row, stream.describe.attname))
            before = previous.get(row.previous_id)
            records[(index, row.history_id)] = (row, before, _changes(stream, row, before, fields, names))

    names.fetch()
    entries = []
    for _date, history_id, index in page.object_list:
        row, before, changes = records[(index, history_id)]
        stream = streams[index]
        user = row.history_user
        entries.append(
            HistoryEntry(
                when=row.history_date,
                who=(user.get_full_name() or user.username) if user else _("the system"),
                kind=row.history_type,
                subject=stream.describe(row, names) if stream.describe else "",
                changes=[
                    Change(field=name, label=label, old=display_value(f, old, names), new=display_value(f, new, names))
                    for name, label, f, old, new in changes
                ],
                reason=row.history_change_reason or "",
            )
        )
    return page, entries


def _changes(stream: Stream, row, before, fields: list[str], names: Names) -> list[tuple]:
    """(name, label, model field, old, new) of what the row changed; foreign keys are wanted
    from `names` now and named once every row of the page is known."""
    model = stream.model
    if row.history_type == "-":
        return []
    if row.history_type == "+" or before is None:
        # A new row: what it was created with (leaving out what was left empty).
        raw = [(name, None, getattr(row, model._meta.get_field(name).attname)) for name in fields]
        raw = [(name, old, new) for name, old, new in raw if new not in (None, "", False)]
    else:
        delta = row.diff_against(before, included_fields=fields, foreign_keys_are_objs=False)
        raw = [(change.field, change.old, change.new) for change in delta.changes]
    result = []
    for name, old, new in raw:
        model_field = model._meta.get_field(name)
        foreign_key = _foreign_key(model, name)
        if foreign_key is not None:
            names.want(foreign_key.related_model, old)
            names.want(foreign_key.related_model, new)
        result.append((name, str(model_field.verbose_name), model_field, old, new))
    # In the model's field order, as its forms list them.
    order = {name: position for position, name in enumerate(fields)}
    result.sort(key=lambda change: order.get(change[0], 0))
    return result


def want_and_describe(model: type[models.Model], attname: str, label) -> Describe:
    """A related row described by the row one of its foreign keys points at."""
    related = model._meta.get_field(attname.removesuffix("_id")).related_model

    def describe(row, names: Names) -> str:
        return f"{label}: {names(related, getattr(row, attname))}"

    describe.related = related  # type: ignore[attr-defined]
    describe.attname = attname  # type: ignore[attr-defined]
    return describe
