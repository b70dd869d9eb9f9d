"""The areas' former classification flags become dated rows of the decision they came from.

- `Area.region` was labelled "region (QĐ 861/QĐ-TTg)": a real commune's region becomes a row
  of QĐ 861/QĐ-TTg for its period, 2021–2025 (the decision classifies the communes of ethnic
  minority and mountainous areas into regions I, II and III for 2021–2025);
- the border, ĐBKK and island flags never named their source: they become rows with no
  decision and no period (in force until a manager ends them), with a note saying so;
- a sample area's flags (made up for the demonstration) become sample rows with no decision.

Reversible: going back writes each area's flags from its rows (any row of the kind counts).
"""

import datetime

from django.db import migrations

REGION_DECISION = "861/QĐ-TTg"
REGION_FROM = datetime.date(2021, 1, 1)
REGION_TO = datetime.date(2025, 12, 31)
UNKNOWN_SOURCE = "Chuyển từ thuộc tính cũ của địa bàn; chưa rõ văn bản quyết định."
FROM_FIELD = "Chuyển từ thuộc tính cũ của địa bàn (ghi theo QĐ 861/QĐ-TTg)."
FLAGS = (("is_border", "border"), ("is_extremely_difficult", "dbkk"), ("is_island", "island"))


def forwards(apps, schema_editor):
    Area = apps.get_model("tracker", "Area")
    AreaClassification = apps.get_model("tracker", "AreaClassification")
    HistoricalAreaClassification = apps.get_model("tracker", "HistoricalAreaClassification")
    rows = []
    for area in Area.objects.exclude(region="", is_border=False, is_extremely_difficult=False, is_island=False):
        if area.region:
            if area.is_sample:
                rows.append(AreaClassification(area=area, kind="region", region=area.region, is_sample=True))
            else:
                rows.append(
                    AreaClassification(
                        area=area,
                        kind="region",
                        region=area.region,
                        decision=REGION_DECISION,
                        valid_from=REGION_FROM,
                        valid_to=REGION_TO,
                        note=FROM_FIELD,
                    )
                )
        for field, kind in FLAGS:
            if getattr(area, field):
                note = "" if area.is_sample else UNKNOWN_SOURCE
                rows.append(AreaClassification(area=area, kind=kind, is_sample=area.is_sample, note=note))
    created = AreaClassification.objects.bulk_create(rows, batch_size=500)
    # One history row each ("+", created by the migration: no user).
    now = datetime.datetime.now(datetime.UTC)
    HistoricalAreaClassification.objects.bulk_create(
        [
            HistoricalAreaClassification(
                id=row.pk,
                area_id=row.area_id,
                kind=row.kind,
                region=row.region,
                decision=row.decision,
                valid_from=row.valid_from,
                valid_to=row.valid_to,
                note=row.note,
                is_sample=row.is_sample,
                history_date=now,
                history_type="+",
                history_change_reason="0025_area_flags_to_classifications",
            )
            for row in AreaClassification.objects.filter(pk__in=[row.pk for row in created if row.pk])
        ],
        batch_size=500,
    )


def backwards(apps, schema_editor):
    AreaClassification = apps.get_model("tracker", "AreaClassification")
    for row in AreaClassification.objects.select_related("area").order_by("valid_from", "pk"):
        area = row.area
        if row.kind == "region":
            area.region = row.region
        for field, kind in FLAGS:
            if row.kind == kind:
                setattr(area, field, True)
        area.save()
    AreaClassification.objects.all().delete()
    apps.get_model("tracker", "HistoricalAreaClassification").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0024_area_classifications"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
