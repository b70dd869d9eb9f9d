"""The national monitor role (the ministry: reads every province), as a Group like the others."""

from django.db import migrations

ROLE = "national_monitor"


def forwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=ROLE)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ROLE).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0027_signed_report_copy")]
    operations = [migrations.RunPython(forwards, backwards)]
