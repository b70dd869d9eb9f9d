"""The CMS's own rights (see `cms.models.CampaignSitePermissionTester`): editors keep "add" and
lose "change" on the page tree, so they edit only the pages they created (Wagtail's owner
rule) and no longer delete another person's draft; moderators keep add, change, publish, lock
and unlock. Deleting, moving and privacy are for the site administrator, decided in code.
Nobody in the CMS roles holds "bulk_delete". Reversible."""

from django.db import migrations

EDITOR, MODERATOR = "cms_editor", "cms_moderator"


def _page_permissions(apps, group_name, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    return GroupPagePermission.objects.filter(group__name=group_name, permission__codename__in=codenames)


def forwards(apps, schema_editor):
    _page_permissions(apps, EDITOR, ["change_page", "bulk_delete_page", "publish_page"]).delete()
    _page_permissions(apps, MODERATOR, ["bulk_delete_page"]).delete()


def backwards(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    change = Permission.objects.filter(content_type__app_label="wagtailcore", codename="change_page").first()
    if change is None:
        return
    for grant in _page_permissions(apps, EDITOR, ["add_page"]):
        GroupPagePermission.objects.get_or_create(group_id=grant.group_id, page_id=grant.page_id, permission=change)


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_article_output_not_from_a_register")]

    operations = [migrations.RunPython(forwards, backwards)]
