from django.db import migrations


class Migration(migrations.Migration):
    """The former flags leave the area once their rows are in AreaClassification (0025)."""

    dependencies = [
        ("tracker", "0025_area_flags_to_classifications"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="area",
            name="is_border",
        ),
        migrations.RemoveField(
            model_name="area",
            name="is_extremely_difficult",
        ),
        migrations.RemoveField(
            model_name="area",
            name="is_island",
        ),
        migrations.RemoveField(
            model_name="area",
            name="region",
        ),
        migrations.RemoveField(
            model_name="historicalarea",
            name="is_border",
        ),
        migrations.RemoveField(
            model_name="historicalarea",
            name="is_extremely_difficult",
        ),
        migrations.RemoveField(
            model_name="historicalarea",
            name="is_island",
        ),
        migrations.RemoveField(
            model_name="historicalarea",
            name="region",
        ),
    ]
