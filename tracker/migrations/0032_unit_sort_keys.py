"""Store every unit's Vietnamese collation key (`Unit.sort_key`), which `unit_save` keeps from
now on. The expected reports themselves are built after migrating, with the live models
(`tracker.apps` builds them when none exist yet; `manage.py rebuild_obligations` at any time)."""

from django.db import migrations


def fill_sort_keys(apps, schema_editor):
    from tracker.core.text import vietnamese_collation_key  # a pure function of the name

    Unit = apps.get_model("tracker", "Unit")
    changed = []
    for unit in Unit.objects.only("pk", "name"):
        unit.sort_key = vietnamese_collation_key(unit.name)
        changed.append(unit)
    Unit.objects.bulk_update(changed, ["sort_key"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0031_obligations_and_unit_sort_key")]

    operations = [migrations.RunPython(fill_sort_keys, migrations.RunPython.noop)]
