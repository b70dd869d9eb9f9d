"""A copy of the database, kept in tables of its own in the same database, and put back.

`take()` copies every table that Django's flush empties (the tables of all installed models,
many-to-many and history tables included) that has rows into a table of its own, with
``CREATE TABLE … AS SELECT``; `restore()` empties the database as the flush after a
transactional test does and copies the rows back with ``INSERT … SELECT``, in one
transaction (the foreign keys Django makes are checked at commit), then moves the id
sequences past the copied ids. Both are plain SQL that SQLite and PostgreSQL run alike, and
the rows come back as they were, ids included, without going through the models.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction

PREFIX = "e2e_snapshot_"


@dataclass(frozen=True)
class Copy:
    model: type[models.Model]
    table: str  # the model's table
    copy: str  # the table holding its rows
    columns: str  # the model's own columns, quoted, comma-separated


def _tables():
    """(model, its own columns) of every table the flush empties, each table once."""
    existing = set(connection.introspection.table_names())
    seen = set()
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.managed or opts.proxy or opts.swapped or opts.db_table in seen or opts.db_table not in existing:
            continue
        seen.add(opts.db_table)
        yield model, [field.column for field in opts.local_concrete_fields if not field.generated]


def take() -> list[Copy]:
    quote = connection.ops.quote_name
    copies = []
    with connection.cursor() as cursor:
        for number, (model, columns) in enumerate(_tables()):
            table = model._meta.db_table
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            if not cursor.fetchone()[0]:
                continue
            copy = Copy(model, table, f"{PREFIX}{number}", ", ".join(quote(column) for column in columns))
            cursor.execute(f"DROP TABLE IF EXISTS {quote(copy.copy)}")
            cursor.execute(f"CREATE TABLE {quote(copy.copy)} AS SELECT {copy.columns} FROM {quote(table)}")
            copies.append(copy)
    return copies


def restore(copies: list[Copy]) -> None:
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for copy in copies:
            cursor.execute(
                f"INSERT INTO {quote(copy.table)} ({copy.columns}) SELECT {copy.columns} FROM {quote(copy.copy)}"
            )
        for sql in connection.ops.sequence_reset_sql(no_style(), [copy.model for copy in copies]):
            cursor.execute(sql)
    # The content types are back with the ids they had in the copy, not those of the rows
    # the flush removed.
    ContentType.objects.clear_cache()


def drop(copies: list[Copy]) -> None:
    with connection.cursor() as cursor:
        for copy in copies:
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(copy.copy)}")
