"""Accent- and case-free search in the tracker: "dien thoai thong minh" finds "Điện thoại
thông minh", "Đài truyền thanh" finds "đài truyền thanh", on SQLite and PostgreSQL alike.

Both sides of the comparison are folded the same way — diacritics removed (đ/Đ → d), then
lower case — by one SQL function, `Folded`:

- SQLite: `tracker_fold()`, the Python function `fold` registered on every new connection
  (`register_sqlite_fold`, connected in `TrackerConfig.ready`; SQLite's own lower() and LIKE
  only know ASCII);
- PostgreSQL: `lower(unaccent(…))` with the `unaccent` extension (created by migration
  tracker 0018; its rules map every Vietnamese letter, đ and Đ included, to ASCII, so lower()
  then works whatever the database's locale).

A search is a substring match (LIKE '%…%'), as the pages' searches always were: no B-tree
index serves it on either database. At national scale (millions of rows) a PostgreSQL
trigram index on the folded expression would; the lists are filtered by plan, unit and
permission first, so the folded comparison runs on a few thousand rows at most.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import CharField, Func, Q
from django.db.models.lookups import Contains

from tracker.core.text import strip_diacritics


def fold(text: str | None) -> str | None:
    """'Đài Truyền Thanh  xã' -> 'dai truyen thanh xa' (None stays None, as SQL NULL)."""
    if text is None:
        return None
    return " ".join(strip_diacritics(str(text)).lower().split())


class Folded(Func):
    """The accent- and case-free form of a text expression (see the module's docstring)."""

    function = "tracker_fold"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="lower(unaccent(%(expressions)s))", **extra_context)


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    """On each new SQLite connection, make `tracker_fold()` available (connection_created)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("tracker_fold", 1, fold, deterministic=True)


def accent_free(fields: tuple[str, ...] | list[str], value: str) -> Q:
    """A condition: any of `fields` contains `value`, ignoring diacritics, case and extra
    spaces. An empty value matches everything."""
    needle = fold(value or "")
    if not needle:
        return Q()
    # Spaces inside the stored text are not collapsed by SQL: search word by word.
    words = needle.split()
    conditions = []
    for field in fields:
        per_field = [Q(Contains(Folded(field), word)) for word in words]
        conditions.append(reduce(lambda a, b: a & b, per_field))
    return reduce(or_, conditions)
