"""Headless Debian Chromium driven by Playwright (no browser download: the setup installs it)."""

import importlib
import shutil

import pytest
from playwright.sync_api import sync_playwright

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


@pytest.fixture(autouse=True)
def reference_rows(transactional_db):
    """A live server needs real commits, so these tests are transactional, and the flush after
    each such test empties every table, including the rows migration 0002 created (roles and
    content types). Put them back, as that migration does, before each browser journey; and the
    permission rows too, which a flush after a serialized-rollback test leaves out."""
    from django.contrib.auth.models import Group, Permission
    from django.core.management.sql import emit_post_migrate_signal

    from tracker.models import ActivityType

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # content types, permissions
    migration = importlib.import_module("tracker.migrations.0002_roles_and_content_types")
    for name in migration.ROLES:
        Group.objects.get_or_create(name=name)
    for order, (code, name, measure) in enumerate(migration.CONTENT_TYPES, start=1):
        ActivityType.objects.update_or_create(
            code=code, defaults={"name": name, "output_measure": measure, "order": order}
        )
    Group.objects.get(name="dic_manager").permissions.set(
        Permission.objects.filter(content_type__app_label="tracker", content_type__model__in=migration.MANAGER_MODELS)
    )
