"""The `unaccent` extension on PostgreSQL, for the accent-free search (tracker/core/search.py).
SQLite needs nothing stored: its function is registered on each connection."""

from django.db import migrations


def create_unaccent(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0017_output_record_sample"),
    ]

    operations = [
        migrations.RunPython(create_unaccent, migrations.RunPython.noop),
    ]
