"""Set-wise writes for the Excel import: rows UPDATEd and history rows INSERTed with one
statement run per chunk of rows (``executemany``), their values made ready for the database
once per column rather than by Django's per-object SQL compiler.

At a national file's size (3,321 payments: a payment, its history row and the allocation's
history row each) Django's ``bulk_create`` spent most of the import's time preparing each
value of each object (``prepare_value``, ``field_as_sql``) and simple-history's
``bulk_history_create`` built a model instance per history row first. The history rows
written here are the ones ``bulk_history_create`` writes — every tracked field, then
``history_date``, ``history_user``, ``history_type`` and ``history_change_reason`` — which a
test holds them to, column by column.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence

from django.db import connection
from django.db.models import Field, Model
from django.utils import timezone

BATCH = 500

# Columns whose value goes to the database as Python holds it when it is an int, a str or
# None (Field.get_db_prep_save returns it unchanged): the import's values are exactly that.
# Any other column (dates, times, decimals, JSON…) goes through get_db_prep_save.
_AS_IS = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "CharField",
    "ForeignKey",
    "IntegerField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SmallIntegerField",
    "TextField",
}


def _preparer(field: Field) -> Callable | None:
    """None for a column whose values need no preparing; else ``get_db_prep_save``,
    remembered per value (a file's dates repeat)."""
    if field.get_internal_type() in _AS_IS:
        return None
    prepared: dict = {}

    def prepare(value):
        try:
            return prepared[value]
        except KeyError:
            result = prepared[value] = field.get_db_prep_save(value, connection)
            return result
        except TypeError:  # not hashable
            return field.get_db_prep_save(value, connection)

    return prepare


def _prepared(rows: Iterable[Sequence], fields: Sequence[Field]) -> list[list]:
    preparers = list(enumerate(_preparer(field) for field in fields))
    preparers = [(index, prepare) for index, prepare in preparers if prepare is not None]
    result = []
    for row in rows:
        values = list(row)
        for index, prepare in preparers:
            values[index] = prepare(values[index])
        result.append(values)
    return result


def _executemany(sql: str, rows: list[list]) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def set_columns(model: type[Model], objects: Sequence[Model], names: Sequence[str]) -> None:
    """UPDATE each object's row to its values of ``names``. Django's ``bulk_update`` builds a
    CASE per field and row, which costs more than the import's whole check at a few thousand
    rows. The caller writes the history rows (``insert_history``)."""
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"
    rows = _prepared(
        ([getattr(instance, field.attname) for field in fields] + [instance.pk] for instance in objects),
        [*fields, model._meta.pk],
    )
    _executemany(sql, rows)


def create_rows(model: type[Model], objects: Sequence[Model]) -> None:
    """INSERT new objects, a chunk of rows per statement, giving each its id (``RETURNING``,
    in the order given, as Django's ``bulk_create`` reads them back). The caller writes the
    history rows (``HistoryRows``). Only for models whose fields need no ``pre_save`` (no
    ``auto_now``) and whose id the database assigns."""
    if not objects:
        return
    meta = model._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    assert meta.pk.db_returning and connection.features.can_return_rows_from_bulk_insert
    assert not any(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) for field in fields)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = f"({', '.join(['%s'] * len(fields))})"
    size = min(BATCH, connection.ops.bulk_batch_size(fields, objects))
    rows = _prepared(([getattr(instance, field.attname) for field in fields] for instance in objects), fields)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES {', '.join([placeholders] * len(chunk))}"
                f" RETURNING {quote(meta.pk.column)}",
                [value for row in chunk for value in row],
            )
            for instance, (pk,) in zip(objects[start : start + size], cursor.fetchall(), strict=True):
                instance.pk = pk
                instance._state.adding, instance._state.db = False, connection.alias


class HistoryRows:
    """The history rows of one tracked model, gathered, then written in one go.

    Each row is the object's tracked fields as they are when it is added (``values`` may
    replace some, e.g. an allocation's running total after each payment), with the actor, the
    type ("+" created, "~" changed) and the reason. The rows of one object get moments a
    microsecond apart, in the order they were added, so that anything ordering them by
    ``history_date`` alone (simple-history's ``prev_record``) sees them as one ``save()``
    after another left them; different objects' rows share moments (whose prepared value
    is then made once, not per row).
    """

    _EXTRA = ("history_date", "history_user_id", "history_type", "history_change_reason")

    def __init__(self, model: type[Model], *, actor, start: datetime.datetime | None = None):
        self.history_model = model.history.model
        self.tracked = [field.attname for field in self.history_model.tracked_fields]
        self.actor_id = actor.pk if actor is not None else None
        self.start = start or timezone.now()
        self.rows: list[list] = []
        self._moments: list[datetime.datetime] = []
        self._added: dict = {}  # rows added so far, by object id

    def add(self, instance: Model, *, history_type: str, reason: str | None = None, **values) -> None:
        row = [values[name] if name in values else getattr(instance, name) for name in self.tracked]
        before = self._added.get(instance.pk, 0)
        self._added[instance.pk] = before + 1
        if before == len(self._moments):
            self._moments.append(self.start + datetime.timedelta(microseconds=before))
        row += [self._moments[before], self.actor_id, history_type, reason]
        self.rows.append(row)

    def write(self) -> None:
        if not self.rows:
            return
        meta = self.history_model._meta
        fields = [meta.get_field(name) for name in (*self.tracked, *self._EXTRA)]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in fields)
        sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        _executemany(sql, _prepared(self.rows, fields))
        self.rows, self._moments, self._added = [], [], {}
