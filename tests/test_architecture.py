"""The shape of the house: no Python file imports a file that imports it back, and the
tracker imports neither budgets nor cms (Python and templates).

Every import counts, the ones inside functions too: an import deferred to call time still
ties the two files together, and was how the old cycles hid.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tracker", "budgets", "cms")


def module_files(root: Path, packages: tuple[str, ...]) -> dict[str, Path]:
    """Dotted module name → file, for every module of the packages (migrations aside)."""
    modules = {}
    for package in packages:
        for path in (root / package).rglob("*.py"):
            relative = path.relative_to(root)
            if "migrations" in relative.parts:
                continue
            name = ".".join(relative.with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    return modules


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module a dotted name lives in: itself, or the nearest module above it."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Module → the project modules it imports, anywhere in the file."""
    modules = module_files(root, packages)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(filter(None, (_resolve(alias.name, modules) for alias in node.names)))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from . import x, from ..y import z
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                for alias in node.names:
                    # `from package import module` names a module; `from module import name` does not.
                    full = f"{base}.{alias.name}"
                    target = full if full in modules else _resolve(base, modules)
                    if target:
                        targets.add(target)
        targets.discard(name)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_python_file_imports_a_file_that_imports_it_back():
    assert cycles(import_graph(ROOT, PACKAGES)) == []


def test_the_cycle_finder_sees_a_cycle_through_a_function_level_import(tmp_path):
    """The check above can fail: two files importing each other, one inside a function."""
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "orders.py").write_text("from shop import stock\n")
    (package / "stock.py").write_text("def reserve():\n    from shop.orders import place\n")
    (package / "prices.py").write_text("from . import stock\n")
    graph = import_graph(tmp_path, ("shop",))
    assert graph["shop.prices"] == {"shop.stock"}
    assert cycles(graph) == [["shop.orders", "shop.stock"]]


def test_a_worker_knows_every_task_beat_sends_and_every_task_the_code_queues(settings):
    """A worker imports the tasks modules autodiscovery finds; beat and the services send only
    a task's name, so a task in a module it does not find would fail as unregistered. Asked of
    a fresh process, as a worker starts: this one has imported every module already."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import django, json; django.setup(); from tracker.config.celery import app; "
        "app.loader.import_default_modules(); print(json.dumps(sorted(app.tasks)))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout
    registered = set(json.loads(output.strip().splitlines()[-1]))
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    queued = {
        "tracker.reports.tasks.generate_official_report",
        "budgets.tasks.import_check",
        "budgets.tasks.import_apply",
    }
    assert scheduled | queued <= registered


# --- One way: budgets and cms import the tracker, the tracker imports neither -----------------
# Not in Python (not even inside a function), not in its templates (a tag library, an include
# or extends, a URL name). Where a tracker page shows money or a CMS link, it reads what those
# apps registered in tracker.core.extensions (DESIGN.md, "Layout").

OTHER_APPS = ("budgets", "cms")
TRACKER_TEMPLATES = (ROOT / "templates" / "tracker", ROOT / "templates" / "includes")

LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")
URL = re.compile(r"""{%\s*url\s+["']([^"':]+):""")


def tag_libraries(app: str) -> set[str]:
    return {path.stem for path in (ROOT / app / "templatetags").glob("*.py") if path.stem != "__init__"}


OTHER_LIBRARIES = {library: app for app in OTHER_APPS for library in tag_libraries(app)}


def python_violations(source: str) -> list[str]:
    """Every import of budgets or cms, at any depth (module, function, class, conditional)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [f"line {node.lineno}: {name}" for name in names if name.split(".")[0] in OTHER_APPS]
    return found


def template_violations(source: str) -> list[str]:
    found = []
    for match in LOAD.finditer(source):
        words = match.group(1).split()
        # "{% load a b %}" loads libraries a and b; "{% load x y from lib %}" loads from lib.
        libraries = [words[-1]] if "from" in words else words
        found += [f"loads {library}" for library in libraries if library in OTHER_LIBRARIES]
    for match in INCLUDE.finditer(source):
        if match.group(1).split("/")[0] in OTHER_APPS:
            found.append(f"includes {match.group(1)}")
    for match in URL.finditer(source):
        if match.group(1) in OTHER_APPS:
            found.append(f"links to {match.group(1)}:")
    return found


def tracker_python_files() -> list[Path]:
    return sorted(path for path in (ROOT / "tracker").rglob("*.py") if "migrations" not in path.parts)


def tracker_template_files() -> list[Path]:
    return sorted(path for folder in TRACKER_TEMPLATES for path in folder.rglob("*") if path.is_file())


def test_the_scan_finds_every_kind_of_import():
    source = (
        "import os\n"
        "from tracker.models import Plan\n"
        "import budgets.models\n"
        "def view():\n"
        "    from cms import models\n"
        "    if True:\n"
        "        import budgets\n"
        "from budgetsx import y\n"
        "from . import cms\n"
    )
    assert python_violations(source) == ["line 3: budgets.models", "line 5: cms", "line 7: budgets"]


def test_the_scan_finds_every_kind_of_template_use():
    assert OTHER_LIBRARIES["budget_figures"] == "budgets" and OTHER_LIBRARIES["cms_tags"] == "cms"
    source = (
        "{% load i18n budget_figures %}{% load rate from budget_figures %}{% load cms_tags %}"
        '{% include "budgets/_field.html" %}{% extends "cms/base.html" %}{% include "includes/filters.html" %}'
        "{% url 'budgets:execution' %}{% url 'tracker:board' %}{% load tracker_extensions %}"
    )
    assert template_violations(source) == [
        "loads budget_figures",
        "loads budget_figures",
        "loads cms_tags",
        "includes budgets/_field.html",
        "includes cms/base.html",
        "links to budgets:",
    ]


def test_the_scans_cover_the_tracker():
    assert len(tracker_python_files()) > 50
    assert ROOT / "tracker" / "core" / "extensions.py" in tracker_python_files()
    assert ROOT / "templates" / "includes" / "nav.html" in tracker_template_files()
    assert ROOT / "templates" / "tracker" / "documents" / "plan_detail.html" in tracker_template_files()


def test_the_tracker_imports_neither_budgets_nor_cms():
    found = {
        str(path.relative_to(ROOT)): python_violations(path.read_text(encoding="utf-8"))
        for path in tracker_python_files()
    }
    assert {path: violations for path, violations in found.items() if violations} == {}


def test_the_tracker_templates_use_neither_budgets_nor_cms():
    found = {
        str(path.relative_to(ROOT)): template_violations(path.read_text(encoding="utf-8"))
        for path in tracker_template_files()
    }
    assert {path: violations for path, violations in found.items() if violations} == {}


# --- Public names across modules ------------------------------------------------------------------


def private_imports(root: Path, packages: tuple[str, ...]) -> list[str]:
    """`from module import _name` of a project module from another file: a leading underscore
    says "only this file uses it", so a name other files need is given a public one."""
    modules = module_files(root, packages)
    found = []
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in packages:
                found += [
                    f"{name}: from {node.module} import {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    return found


def test_no_file_imports_another_files_private_name():
    assert private_imports(ROOT, PACKAGES + ("tests",)) == []


def test_the_private_name_scan_sees_one(tmp_path):
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "orders.py").write_text("def _total():\n    return 1\n")
    (package / "stock.py").write_text(
        "from django.utils.translation import gettext as _\nfrom shop.orders import _total\n"
    )
    assert private_imports(tmp_path, ("shop",)) == ["shop.stock: from shop.orders import _total"]
