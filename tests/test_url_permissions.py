"""Every URL of the project, asked by every persona, answers as tests/permission_tables says.

A URL pattern without an entry in the tables fails here, naming it: a new view cannot ship
without someone deciding who may open it. A refused write (LOGIN/403/404/405 on POST, PATCH,
DELETE…) must also leave every tracker and budgets table and history table exactly as it was.

The world (tests/permission_tables/_world.py) is built once per module, not once per URL:
inside a transaction that is rolled back when the module's tests are done, and each test
still runs in its own savepoint within it (the `db` fixture), so every test starts from the
same world and what it writes, a refused POST included, is gone before the next one.
"""

from __future__ import annotations

import copy
import functools
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.admin.sites import site as admin_site
from django.db import connection, transaction
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver

from tests.permission_tables import DENIED, LOGIN, PERSONAS, load
from tests.permission_tables._world import build_personas, build_world

pytestmark = pytest.mark.django_db

ENTRIES = load()
READS = {"GET", "HEAD", "OPTIONS"}
# Not ours to check: Django's admin (its own permission system), the language switch, and
# the development server's media files.
SKIPPED_CALLBACK_MODULES = {"django.views.static", "django.views.i18n"}
# Wagtail's admin (/cms/) and its page-serving catch-all (with the page-privacy password form)
# answer to Wagtail's own page, collection and admin-access permissions, which the data
# migration of cms sets; tests/cms/test_admin_url_permissions.py walks them for every persona,
# the moderator and the site administrator included (and test_workflow.py). Wagtail's
# document downloads are not skipped: they have entries in permission_tables/cms.py.
SKIPPED_URLCONFS = {"wagtail.admin.urls", "wagtail.urls"}


def _walk(patterns, namespace: str = "", prefix: str = ""):
    """(full name or None, route) of every pattern, through includes and namespaces."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.app_name == admin_site.name or pattern.namespace == admin_site.name:
                continue
            if getattr(pattern.urlconf_name, "__name__", pattern.urlconf_name) in SKIPPED_URLCONFS:
                continue
            inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, inner or namespace, route)
        elif isinstance(pattern, URLPattern):
            if pattern.callback.__module__ in SKIPPED_CALLBACK_MODULES:
                continue
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, route


def project_patterns() -> list[tuple[str | None, str]]:
    return list(_walk(get_resolver().url_patterns))


def test_the_walk_reaches_the_api_and_skips_the_admin():
    names = {name for name, _route in project_patterns()}
    assert {"tracker:plan_detail", "api:plan-list", "api:api-root", "login"} <= names
    assert not any(route.startswith("admin/") for _name, route in project_patterns())
    # Wagtail's admin and page catch-all are skipped; the campaign site's own views are not.
    assert not any(route.startswith("cms/") for _name, route in project_patterns())
    assert "wagtail_serve" not in names
    assert {"cms:search", "cms:sitemap", "wagtaildocs_serve"} <= names


def test_every_url_pattern_has_a_name():
    unnamed = sorted(route for name, route in project_patterns() if not name)
    assert not unnamed, f"URL patterns without a name (the tables key on names): {unnamed}"


def test_every_url_pattern_has_an_entry_in_the_permission_tables():
    missing = sorted({name for name, _route in project_patterns() if name and name not in ENTRIES})
    assert not missing, (
        f"URL patterns with no entry in tests/permission_tables/: {', '.join(missing)}. "
        "Add who may open them (see tests/permission_tables/__init__.py)."
    )


def test_every_entry_names_an_existing_url():
    names = {name for name, _route in project_patterns()}
    stale = sorted(set(ENTRIES) - names)
    assert not stale, f"Entries for URL names that no longer exist: {stale}"


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """The world and the personas' users, made once per module (per xdist worker) and rolled
    back after the module's last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        unit_a, unit_b, users = build_personas()
        yield build_world(unit_a=unit_a, unit_b=unit_b, users=users)
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world, db):
    """The shared world for one test, its own copy, as Django's TestCase gives each test a copy
    of setUpTestData's objects: what a test's entries add to it (the objects they make once
    per world) or change on its instances stays with that test, like the rows it writes."""
    return copy.deepcopy(shared_world)


@functools.cache
def _row_count_query() -> tuple[list[str], str, tuple]:
    """The models' labels and one query counting the rows of each, as its default manager's
    `.count()` would (a COUNT(*) subquery a model); compiled once, as the walk counts before
    and after every write."""
    querysets = {
        model._meta.label: model._default_manager.order_by()
        for app_label in ("tracker", "budgets")
        for model in apps.get_app_config(app_label).get_models()
    }
    counts, params = [], []
    for queryset in querysets.values():
        sql, query_params = queryset.values("pk").query.sql_with_params()
        counts.append(f"(SELECT COUNT(*) FROM ({sql}) rows_of_model)")
        params.extend(query_params)
    return list(querysets), "SELECT " + ", ".join(counts), tuple(params)


def row_counts() -> dict[str, int]:
    """Rows of every tracker and budgets model, historical and object-permission tables included."""
    labels, sql, params = _row_count_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(zip(labels, cursor.fetchone(), strict=True))


def answer_of(response) -> int | str:
    login_url = resolve_url(settings.LOGIN_URL)
    if response.status_code == 302 and response["Location"].split("?")[0] == login_url:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_url_answers_every_persona_as_the_table_says(name, world, client):
    entry = ENTRIES[name]
    failures = []
    for method, expected in entry.methods.items():
        assert set(expected) == set(PERSONAS), f"{name} {method}: answers for {sorted(expected)}"
        for persona in PERSONAS:
            client.logout()
            if persona != "anonymous":
                client.force_login(world.users[persona])
            path = entry.path(world)
            writes = method not in READS
            before = row_counts() if writes else None
            response = _ask(client, method, path, entry, world)
            actual = answer_of(response)
            if actual != expected[persona]:
                failures.append(f"{method} {path} as {persona}: expected {expected[persona]}, got {actual}")
            if writes and expected[persona] in DENIED:
                after = row_counts()
                changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
                if changed:
                    failures.append(f"{method} {path} as {persona} was refused but wrote rows: {changed}")
    assert not failures, "\n".join(failures)


def _json(body: dict) -> str:
    import json

    return json.dumps(body, default=str)


# --- Province scope ------------------------------------------------------------------------
#
# The world's plans cover Tỉnh A. A DIC manager, finance officer and monitor of Tỉnh A answer as
# the personas of the tables do (who read every province); those of Tỉnh B get 404 on every URL
# naming an object of the world (a refused write writing nothing), and 403 where their role is
# refused whatever the object. URLs of objects that belong to no province are listed apart.

# Object URLs whose object is shared by every province.
PROVINCE_FREE = {
    # Reference data and the programme structure: national, kept by every DIC.
    "tracker:legal_document_edit",
    "tracker:legal_document_end",
    "tracker:legal_document_history",
    "tracker:indicator_edit",
    "tracker:indicator_end",
    "tracker:indicator_history",
    "tracker:programme_component_edit",
    "api:legaldocument-detail",
    "api:indicator-detail",
    # The directory of units and areas is open to every signed-in user (its edits are not:
    # tracker:unit_edit, tracker:area_edit… answer 404 across provinces).
    "tracker:unit_detail",
    "tracker:unit_history",
    "tracker:area_detail",
    "tracker:area_history",
    "api:unit-detail",
    "api:area-detail",
    # A list's name (units, areas, plans), not an object: each holds the user's own province
    # (tests/tracker/choices).
    "tracker:choices",
    # Not the tracker's objects: a password link's token, the campaign site's feeds and documents.
    "password_reset_confirm",
    "cms:campaign_feed_rss",
    "cms:campaign_feed_atom",
    "wagtaildocs_authenticate_with_password",
}
# Objects the world's readers of every province made (a plan import in review, a budget import):
# they may hold any province's work, so they stay theirs, and a province's readers get 404.
MADE_BY_A_READER_OF_EVERY_PROVINCE = {
    "tracker:plan_import_review",
    "budgets:import_job",
    "budgets:import_apply",
    "budgets:import_retry",
}
# Pages for the readers of every province only: a province's readers are refused (403).
NATIONAL_ONLY = {"tracker:national", "tracker:national_province"}
COUNTERPART = {
    "manager_home": "manager",
    "finance_home": "finance",
    "monitor_home": "monitor",
    "manager_elsewhere": "manager",
    "finance_elsewhere": "finance",
    "monitor_elsewhere": "monitor",
}


def _parameters(route: str) -> set[str]:
    """The path parameters of a route, path converters and regular expressions alike."""
    return set(re.findall(r"<(?:\w+:)?(\w+)>", route)) - {"format"}


def _object_url_names() -> list[str]:
    routes = dict(project_patterns())
    return sorted(name for name in ENTRIES if _parameters(routes.get(name, "")) and name not in PROVINCE_FREE)


def test_province_free_names_exist_and_name_objects():
    routes = dict(project_patterns())
    assert all(_parameters(routes[name]) for name in PROVINCE_FREE)


def _elsewhere_expected(counterpart_answer) -> tuple:
    """What a reader of Tỉnh B may get where the reader of every province gets `counterpart_answer`."""
    if counterpart_answer in (405, LOGIN):
        return (counterpart_answer,)
    if counterpart_answer == 403:
        return (403, 404)  # refused by role before (or after) the object is looked up
    return (404,)


@pytest.mark.parametrize("name", _object_url_names())
def test_object_urls_answer_404_to_the_readers_of_another_province(name, world, client):
    entry = ENTRIES[name]
    failures = []
    for method, expected in entry.methods.items():
        for persona, counterpart in COUNTERPART.items():
            if not persona.endswith("_elsewhere"):
                continue
            client.logout()
            client.force_login(world.users[persona])
            path = entry.path(world)
            writes = method not in READS
            before = row_counts() if writes else None
            response = _ask(client, method, path, entry, world)
            actual = answer_of(response)
            allowed = (403,) if name in NATIONAL_ONLY else _elsewhere_expected(expected[counterpart])
            if actual not in allowed:
                failures.append(
                    f"{method} {path} as {persona}: expected {' or '.join(map(str, allowed))}, got {actual}"
                )
            if writes:
                after = row_counts()
                changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
                if changed:
                    failures.append(f"{method} {path} as {persona} was refused but wrote rows: {changed}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_urls_answer_the_readers_of_the_objects_province_as_the_readers_of_every_province(name, world, client):
    entry = ENTRIES[name]
    if "GET" not in entry.methods:
        pytest.skip("no GET")
    failures = []
    for persona, counterpart in COUNTERPART.items():
        if not persona.endswith("_home"):
            continue
        client.logout()
        client.force_login(world.users[persona])
        path = entry.path(world)
        actual = answer_of(client.get(path))
        expected = entry.methods["GET"][counterpart]
        if name in MADE_BY_A_READER_OF_EVERY_PROVINCE and expected not in DENIED:
            expected = 404
        if name in NATIONAL_ONLY:
            expected = 403
        if actual != expected:
            failures.append(f"GET {path} as {persona}: expected {expected}, got {actual}")
    assert not failures, "\n".join(failures)


def _ask(client, method: str, path: str, entry, world):
    """The request the table describes: a form POST, a JSON body for the API's other writes."""
    if method == "POST":
        return client.post(path, entry.data(world) if entry.data else {})
    if method not in READS:
        body = entry.data(world) if entry.data else {}
        return client.generic(method, path, data=_json(body), content_type="application/json")
    return client.generic(method, path)
