"""Roles as Groups, and the sub-project's content types (DOMAIN.md) as data."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

ROLES = ["dic_manager", "unit_officer", "finance_officer", "monitor", "cms_editor", "cms_moderator"]

# DOMAIN.md "What is tracked", plus the two contents the seeds add (mobilising support,
# inspection); code, name, what the output is measured in.
CONTENT_TYPES = [
    ("capacity_building", "Nâng cao năng lực cán bộ thông tin và truyền thông", "lớp bồi dưỡng, lượt người, tài liệu"),
    ("media_production", "Sản xuất mới tác phẩm báo chí, sản phẩm truyền thông", "sản phẩm theo loại và ngôn ngữ"),
    ("commune_radio", "Tăng cường cơ sở vật chất đài truyền thanh xã", "đài, cụm loa"),
    ("border_information", "Nội dung thông tin cho xã biên giới, cụm thông tin điện tử công cộng", "cụm, nội dung"),
    ("public_information_points", "Dịch vụ thông tin công cộng tại điểm bưu chính công cộng", "điểm được hỗ trợ"),
    ("publications", "Xuất bản phẩm cung cấp nội dung thiết yếu", "đầu xuất bản phẩm, bản"),
    ("smartphone_support", "Hỗ trợ điện thoại thông minh", "máy, hộ theo nhóm ưu tiên"),
    ("outreach", "Tuyên truyền, hướng dẫn sử dụng nền tảng số", "tin bài, infographic, hội nghị"),
    (
        "household_access",
        "Hỗ trợ hộ nghèo tiếp cận dịch vụ viễn thông và phương tiện tiếp cận thông tin",
        "hộ được tiếp cận",
    ),
    ("resource_mobilisation", "Huy động, tiếp nhận và phân bổ nguồn hỗ trợ", "nguồn tiếp nhận, hiện vật"),
    ("inspection", "Kiểm tra, giám sát thực hiện", "cuộc kiểm tra"),
]

MANAGER_MODELS = [
    "area",
    "unit",
    "legaldocument",
    "programmecomponent",
    "plan",
    "planlegalbasis",
    "planduty",
    "activity",
    "cooperation",
    "outputindicator",
    "task",
    "indicator",
    "target",
    "deadline",
    "reportingrule",
]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ActivityType = apps.get_model("tracker", "ActivityType")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    for order, (code, name, measure) in enumerate(CONTENT_TYPES, start=1):
        ActivityType.objects.update_or_create(
            code=code, defaults={"name": name, "output_measure": measure, "order": order}
        )
    # Permissions are normally created after migrations; create them now to grant them.
    app_config = apps.get_app_config("tracker")
    app_config.models_module = True  # the migration state's stub lacks it; the helpers need it
    create_contenttypes(app_config, apps=apps, verbosity=0)
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    manager = Group.objects.get(name="dic_manager")
    manager.permissions.set(
        Permission.objects.filter(content_type__app_label="tracker", content_type__model__in=MANAGER_MODELS)
    )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("tracker", "ActivityType").objects.filter(code__in=[c for c, _, _ in CONTENT_TYPES]).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(forwards, backwards)]
