"""The funding sources of Tiểu dự án 1 (DOMAIN.md, "Money"); names are data, in Vietnamese."""

from django.db import migrations

SOURCES = [
    ("central_budget", "Ngân sách trung ương (vốn sự nghiệp)"),
    ("local_budget", "Ngân sách địa phương (đối ứng)"),
    ("public_telecom_fund", "Quỹ dịch vụ viễn thông công ích"),
    ("socialisation", "Xã hội hóa / huy động hợp pháp"),
    ("enterprise", "Doanh nghiệp"),
    ("integrated", "Lồng ghép"),
]


def create_sources(apps, schema_editor):
    FundingSource = apps.get_model("budgets", "FundingSource")
    for code, name in SOURCES:
        FundingSource.objects.update_or_create(code=code, defaults={"name": name})


def remove_sources(apps, schema_editor):
    FundingSource = apps.get_model("budgets", "FundingSource")
    FundingSource.objects.filter(code__in=[code for code, _name in SOURCES]).delete()


class Migration(migrations.Migration):
    dependencies = [("budgets", "0001_funding_allocations_disbursements")]

    operations = [migrations.RunPython(create_sources, remove_sources)]
