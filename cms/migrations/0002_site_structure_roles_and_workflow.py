"""The campaign site as a fresh database needs it: the page tree's fixed sections, the site,
the CMS roles' Wagtail permissions and the editorial workflow, and the target audiences.

- Pages: the home page (replacing Wagtail's "Welcome" page), with the campaign list, the
  document library and the public progress page under it.
- cms_editor: may use Wagtail's admin, add and edit pages under the home page, and add and
  choose images and documents — but not publish: their changes go through the workflow.
- cms_moderator: the same, plus publish, lock and unlock, and keep the audience list.
- The workflow "Biên tập – Kiểm duyệt" on the home page: one approval task for cms_moderator.
- Wagtail's own default "Editors" and "Moderators" groups and its default workflow are
  retired: the project's roles are the groups of tracker migration 0002, and a stray group
  that opens the admin to whoever is put in it is a door nobody watches. (Removed only if
  nobody belongs to them.)
Unit officers and every other role get nothing here: they cannot reach the admin.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations
from django.utils import timezone

EDITOR, MODERATOR = "cms_editor", "cms_moderator"
WORKFLOW_NAME = "Biên tập – Kiểm duyệt"
TASK_NAME = "Kiểm duyệt và xuất bản"

PAGE_PERMISSIONS = {
    EDITOR: ["add_page", "change_page"],
    MODERATOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    MODERATOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
MODEL_PERMISSIONS = {
    EDITOR: [("wagtailadmin", "access_admin")],
    MODERATOR: [
        ("wagtailadmin", "access_admin"),
        ("cms", "add_audience"),
        ("cms", "change_audience"),
        ("cms", "delete_audience"),
    ],
}

AUDIENCES = [
    "Người dân nói chung",
    "Hộ nghèo, hộ cận nghèo",
    "Đồng bào dân tộc thiểu số",
    "Người cao tuổi",
    "Thanh niên, học sinh",
    "Phụ nữ",
    "Người dân vùng biên giới",
    "Cán bộ, công chức cơ sở",
    "Doanh nghiệp, hộ kinh doanh",
]

HOME = {
    "title": "Giảm nghèo về thông tin",
    "slug": "home",
    "intro": "<p>Trang tin các chiến dịch truyền thông của Tiểu dự án 1 – Giảm nghèo về thông tin: "
    "điện thoại thông minh, nền tảng số, chuyển đổi số và chính sách hỗ trợ hộ nghèo.</p>",
}
SECTIONS = [
    (
        "campaignindexpage",
        "Chiến dịch",
        "chien-dich",
        "<p>Các chiến dịch truyền thông theo kế hoạch của tỉnh, mỗi chiến dịch một chủ đề và một thời gian.</p>",
    ),
    (
        "documentlibrarypage",
        "Văn bản",
        "van-ban",
        "<p>Các kế hoạch và văn bản pháp lý làm căn cứ cho các chiến dịch.</p>",
    ),
    (
        "progresspage",
        "Tiến độ thực hiện",
        "tien-do",
        "<p>Kết quả thực hiện tổng hợp theo loại nội dung và địa bàn, từ các báo cáo đã được Sở nghiệm thu "
        "và các sản phẩm đã đăng tải.</p>",
    ),
]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEPLEN, "0")


def _number(step: str) -> int:
    value = 0
    for char in step:
        value = value * len(ALPHABET) + ALPHABET.index(char)
    return value


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def _site_address() -> tuple[str, int]:
    """The default site's host and port, from SITE_URL (so sitemaps and feeds link right)."""
    from urllib.parse import urlsplit

    parts = urlsplit(getattr(settings, "SITE_URL", "") or "http://localhost")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Audience = apps.get_model("cms", "Audience")

    # Content types and permissions are normally created after all migrations; they are
    # needed now to be granted. (The migration state's app configs lack `models_module`, which
    # the helpers need; a real app registry, as the browser tests pass, already has it.)
    for label in ("wagtailcore", "wagtailimages", "wagtaildocs", "cms"):
        app_config = apps.get_app_config(label)
        stub = getattr(app_config, "models_module", None) is None
        if stub:
            app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        if stub:
            app_config.models_module = None
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )

    now = timezone.now()
    locale = Locale.objects.order_by("pk").first()
    root = Page.objects.get(depth=1)

    # Wagtail's placeholder "Welcome" page (and the site on it) makes way for the home page.
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, depth=2, numchild=0).delete()
    if apps.get_model("cms", "HomePage").objects.exists():
        return  # already set up (the migration is being re-applied on an existing site)

    def create(model_name: str, parent, number: int, title: str, slug: str, intro: str, in_menu: bool = True):
        model = apps.get_model("cms", model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label="cms", model=model_name)
        return model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            intro=intro,
            content_type=content_type,
            path=parent.path + _step(number),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            locale=locale,
            live=True,
            show_in_menus=in_menu,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )

    siblings = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True)
    number = _number(siblings[0][-STEPLEN:]) + 1 if siblings else 1
    home = create("homepage", root, number, HOME["title"], HOME["slug"], HOME["intro"], in_menu=False)
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
    for position, (model_name, title, slug, intro) in enumerate(SECTIONS, start=1):
        create(model_name, home, position, title, slug, intro)
    Page.objects.filter(pk=home.pk).update(numchild=len(SECTIONS))

    hostname, port = _site_address()
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    Site.objects.create(
        hostname=hostname, port=port, root_page_id=home.pk, is_default_site=True, site_name=HOME["title"]
    )

    # Roles.
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITOR, MODERATOR)}
    page_content_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Permission = apps.get_model("auth", "Permission")
    root_collection = Collection.objects.get(depth=1)
    for name, group in groups.items():
        group.permissions.add(*_permissions(apps, MODEL_PERMISSIONS[name]))
        for codename in PAGE_PERMISSIONS[name]:
            permission = Permission.objects.get(content_type=page_content_type, codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page_id=home.pk, permission=permission)
        for permission in _permissions(apps, COLLECTION_PERMISSIONS[name]):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    # The workflow: an editor submits, a moderator approves (which publishes) or sends back.
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([groups[MODERATOR]])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})

    # Retire Wagtail's defaults (see the module's docstring).
    for default_name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=default_name).first()
        if group is not None and not group.user_set.exists():
            GroupApprovalTask.objects.filter(groups=group).update(active=False)
            group.delete()
    for workflow_page in WorkflowPage.objects.filter(page_id=root.pk):
        Workflow.objects.filter(pk=workflow_page.workflow_id).exclude(name=WORKFLOW_NAME).update(active=False)
        workflow_page.delete()

    for order, name in enumerate(AUDIENCES, start=1):
        Audience.objects.get_or_create(name=name, defaults={"order": order})


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Page = apps.get_model("wagtailcore", "Page")
    groups = Group.objects.filter(name__in=[EDITOR, MODERATOR])
    GroupPagePermission.objects.filter(group__in=groups).delete()
    GroupCollectionPermission.objects.filter(group__in=groups).delete()
    for group in groups:
        group.permissions.clear()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    apps.get_model("cms", "Audience").objects.filter(name__in=AUDIENCES).delete()
    home = apps.get_model("cms", "HomePage").objects.first()
    if home is not None:
        Page.objects.filter(path__startswith=home.path).delete()
        Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_campaign_site_pages"),
        ("tracker", "0002_roles_and_content_types"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
