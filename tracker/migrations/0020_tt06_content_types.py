"""Content types for the four contents of Tiểu dự án 1 that Thông tư 06/2022/TT-BTTTT lists and
the tracker had no type for (README, "Biểu mẫu giám sát"). Reversible: unwinding removes them
unless an activity already uses one (then the types stay, as the activities need them)."""

from django.db import migrations

# code, name (the circular's wording), what the output is measured in.
CONTENT_TYPES = [
    (
        "border_gate_clusters",
        "Thiết lập cụm thông tin điện tử công cộng tại cửa khẩu biên giới",
        "cụm thông tin điện tử công cộng",
    ),
    (
        "border_post_equipment",
        "Trang bị hệ thống thiết bị thông tin cho các đồn biên phòng",
        "đồn biên phòng được trang bị",
    ),
    (
        "digital_publication_platforms",
        "Xây dựng, phát triển nền tảng công nghệ cung cấp xuất bản phẩm, báo điện tử",
        "nền tảng",
    ),
    (
        "print_to_electronic_publications",
        "Lựa chọn xuất bản phẩm in để xuất bản dưới hình thức xuất bản phẩm điện tử",
        "đầu xuất bản phẩm điện tử",
    ),
]


def add_types(apps, schema_editor):
    ActivityType = apps.get_model("tracker", "ActivityType")
    last = ActivityType.objects.order_by("-order").values_list("order", flat=True).first() or 0
    for offset, (code, name, measure) in enumerate(CONTENT_TYPES, start=1):
        ActivityType.objects.get_or_create(
            code=code, defaults={"name": name, "output_measure": measure, "order": last + offset}
        )


def remove_types(apps, schema_editor):
    ActivityType = apps.get_model("tracker", "ActivityType")
    Activity = apps.get_model("tracker", "Activity")
    codes = [code for code, _name, _measure in CONTENT_TYPES]
    used = set(Activity.objects.filter(activity_type__code__in=codes).values_list("activity_type__code", flat=True))
    ActivityType.objects.filter(code__in=[code for code in codes if code not in used]).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0019_generatedreport_monitoring_kind")]

    operations = [migrations.RunPython(add_types, remove_types)]
