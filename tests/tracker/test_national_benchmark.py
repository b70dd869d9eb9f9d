"""`manage.py benchmark --national` at a tiny fraction, in the test database: the dataset keeps
the national proportions, the personas log in (the manager with a second factor), and the
JSON has the shape issue 16 asks for. The test client stands in for gunicorn (`--client`);
the PostgreSQL run over HTTP is the one whose figures the README reports."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from budgets import benchmark as budgets_benchmark
from cms import benchmark as cms_benchmark
from tracker.core import extensions
from tracker.management import national
from tracker.models import TaskGroupObjectPermission, User

FRACTION = 0.0005
PAGES = {
    "dashboard",
    "board",
    "plan",
    "my tasks",
    "due",
    "scoreboard",
    "review queue",
    "register list",
    "national view",
    "api activities",
    "api tasks",
    "api progress reports",
    "budgets execution",
    "allocations",
    "cms home",
    "article",
}
CELL_KEYS = {"queries", "p50_ms", "p95_ms", "bytes", "rps"}


def test_the_scale_is_the_national_one_at_fraction_one_and_proportional_below():
    assert national.scaled(1.0) == national.NATIONAL
    tenth = national.scaled(0.1)
    assert tenth == {
        "provinces": 3,
        "communes": 332,
        "activities": 310,
        "tasks": 4590,
        "progress_reports": 50_000,
        "allocations": 3000,
        "disbursements": 30_000,
        "history_rows": 120_000,
        "articles": 20,
    }
    # Below one province everything still has somewhere to be.
    assert national.scaled(0.0005)["provinces"] == 1 and national.scaled(0.0005)["communes"] == 2


def test_the_apps_register_their_share_of_the_benchmark():
    assert [part.name for part in extensions.benchmark_parts()] == ["budgets", "cms"]


@pytest.mark.django_db
def test_the_national_benchmark_builds_in_proportion_and_writes_its_json(tmp_path):
    out = tmp_path / "bench.json"
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "benchmark",
        national=True,
        here=True,
        client=True,
        fraction=FRACTION,
        json_path=str(out),
        repeat=1,
        burst_seconds=0,
        stdout=stdout,
        stderr=stderr,
    )

    expected = national.scaled(FRACTION)
    rows = {**national.row_counts(), **budgets_benchmark.row_counts(), **cms_benchmark.row_counts()}
    assert {name: rows[name] for name in expected if name != "history_rows"} == {
        name: value for name, value in expected.items() if name != "history_rows"
    }
    assert rows["history_rows"] >= expected["history_rows"]
    # Every allocation's running total is the sum of its disbursements.
    assert rows["allocations_with_wrong_total"] == 0
    # The officers' rights came from the grant helper: the officer persona's unit holds its tasks'.
    officer = User.objects.get(username=national.PERSONA_USERNAMES[national.OFFICER])
    assert TaskGroupObjectPermission.objects.filter(group=officer.unit.officer_group).exists()
    assert national.dataset_state(FRACTION) == "built" and national.dataset_state(0.1) == "other"

    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result) == {"fraction", "trivial_rps", "pages", "worker_rss_mb"}
    assert result["fraction"] == FRACTION and result["trivial_rps"] > 0
    assert result["worker_rss_mb"] == []  # no gunicorn workers with the test client
    assert set(result["pages"]) == PAGES
    for page, by_persona in result["pages"].items():
        for persona, cell in by_persona.items():
            assert persona in national.PERSONA_USERNAMES, page
            assert set(cell) == CELL_KEYS, (page, persona)
            assert cell["queries"] > 0 and cell["bytes"] > 0 and cell["rps"] > 0, (page, persona)
            assert 0 < cell["p50_ms"] <= cell["p95_ms"], (page, persona)
    everyone = set(national.PERSONA_USERNAMES)
    # The manager (who logged in with a second factor) sees the province's work pages.
    assert set(result["pages"]["dashboard"]) == everyone
    assert national.MANAGER in result["pages"]["review queue"]
    # The national view is the national monitor's: a province's manager and an officer are refused.
    assert set(result["pages"]["national view"]) == {national.NATIONAL_MONITOR}
    assert "dashboard" in stdout.getvalue()

    # A second run reuses the dataset instead of building it again.
    second = io.StringIO()
    call_command(
        "benchmark", national=True, here=True, build_only=True, fraction=FRACTION, stdout=io.StringIO(), stderr=second
    )
    assert "reusing the dataset" in second.getvalue()
    assert national.row_counts()["tasks"] == expected["tasks"]
