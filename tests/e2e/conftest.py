"""Headless Debian Chromium driven by Playwright (no browser download: the setup installs it).

A live server needs real commits, so the journeys are transactional tests, and the flush
after each one empties every table. The journeys on the demo data do not load it each: the
demo is loaded once per test process (xdist worker) and copied, table by table, into tables
of its own; a journey's `demo` fixture copies it back (tests/e2e/demo_snapshot.py)."""

import importlib
import shutil

import pytest
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import sync_playwright

from tests.e2e import demo_snapshot

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The machine has no network but the package registries: keep Chromium from phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def put_back_reference_rows() -> None:
    """The rows migration 0002 created (roles and content types), and the permission rows,
    as that migration and the post-migrate signal make them."""
    from django.contrib.auth.models import Group, Permission
    from django.core.management.sql import emit_post_migrate_signal

    from tracker.core import roles
    from tracker.models import ActivityType

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # content types, permissions
    migration = importlib.import_module("tracker.migrations.0002_roles_and_content_types")
    for name in roles.ALL:  # 0002's roles and those later migrations added (0028: national monitor)
        Group.objects.get_or_create(name=name)
    tt06 = importlib.import_module("tracker.migrations.0020_tt06_content_types")
    for order, (code, name, measure) in enumerate([*migration.CONTENT_TYPES, *tt06.CONTENT_TYPES], start=1):
        ActivityType.objects.update_or_create(
            code=code, defaults={"name": name, "output_measure": measure, "order": order}
        )
    Group.objects.get(name="dic_manager").permissions.set(
        Permission.objects.filter(content_type__app_label="tracker", content_type__model__in=migration.MANAGER_MODELS)
    )


@pytest.fixture(autouse=True)
def reference_rows(transactional_db):
    """A live server needs real commits, so these tests are transactional, and the flush after
    each such test empties every table, including the rows migration 0002 created (roles and
    content types). Put them back, as that migration does, before each browser journey; and the
    permission rows too, which a flush after a serialized-rollback test leaves out."""
    put_back_reference_rows()


@pytest.fixture(scope="session")
def demo_tables(django_db_setup, django_db_blocker, tmp_path_factory):
    """`manage.py load_demo` on an emptied database (as the flush after a journey leaves it,
    with the reference rows put back), once per test process, copied into tables of its own;
    and the folder of the evidence files it wrote."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        call_command("flush", verbosity=0, interactive=False)
        put_back_reference_rows()
        call_command("load_demo", verbosity=0)
        snapshot = demo_snapshot.take()
    yield snapshot, media
    with django_db_blocker.unblock():
        demo_snapshot.drop(snapshot)


@pytest.fixture
def demo(demo_tables, reference_rows, settings, tmp_path):
    """The database as `manage.py load_demo` leaves it after a flush (copied back from the
    demo's tables, not loaded again), and its evidence files in this test's media folder."""
    snapshot, media = demo_tables
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(media, settings.MEDIA_ROOT)
    demo_snapshot.restore(snapshot)
