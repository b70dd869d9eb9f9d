"""The expected answer of every URL of the project, for every persona.

`tests/test_url_permissions.py` walks every URL pattern of the project and looks its name
up here; a pattern without an entry fails the suite, naming it. Each module of this package
(one per area: ``tracker_documents``, ``tracker_work``, ``api``, ``history``, ``comments``,
``progress``, ``due``, …) defines ``ENTRIES``, a dict from the URL's full name (with its
namespace, as given to ``reverse``) to an :class:`Entry`. Modules are found with pkgutil and
merged; a name defined twice is an error. Modules whose name starts with ``_`` are helpers.

An entry says how to build the URL from the shared fixture world (``_world.World``: the
objects and the personas' users), and, per HTTP method, what each persona gets:

- an HTTP status (``200``, ``302``, ``403``, ``404``, ``405``), or
- ``LOGIN``: a redirect to the login page (an anonymous visitor of a page).

Every persona of ``PERSONAS`` must have an answer for every method listed. For any method
other than GET/HEAD, when the expected answer is a refusal (``DENIED``: LOGIN, 403, 404,
405) the test also checks that no row of any tracker model or history table was written.
Give ``data`` (the POST body, built from the world) so that the same request *would* write
if the permission check were missing; the manager's answer (usually 302) shows it does.

Example::

    from tests.permission_tables import LOGIN, Entry, answers

    ENTRIES = {
        "tracker:plan_edit": Entry(
            path=lambda w: reverse("tracker:plan_edit", args=[w.plan.pk]),
            methods={
                # officer_b and the CMS editor do not see the plan: 404, not 403.
                "GET": answers(manager=200, finance=403, monitor=403, officer_a=403, others=404),
                "POST": answers(manager=302, finance=403, monitor=403, officer_a=403, others=404),
            },
            data=lambda w: {"title": "Kế hoạch mới", ...},
        ),
    }

``answers(...)`` fills the personas not named with ``others`` (required unless every persona
is named) and anonymous with ``LOGIN`` unless given.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LOGIN = "login"  # 302 to settings.LOGIN_URL
# The manager last: their successful POSTs change the world for the personas after them.
PERSONAS = ("anonymous", "officer_a", "officer_b", "finance", "monitor", "editor", "manager")
DENIED = (LOGIN, 403, 404, 405)

Answer = int | str
Answers = dict[str, Answer]


@dataclass(frozen=True)
class Entry:
    path: Callable[[Any], str]  # the world → the path, with its query string if any
    methods: dict[str, Answers]  # "GET"/"POST"/… → persona → expected answer
    data: Callable[[Any], dict] | None = field(default=None)  # the world → the request body


def answers(*, others: Answer | None = None, anonymous: Answer = LOGIN, **given: Answer) -> Answers:
    unknown = set(given) - set(PERSONAS)
    if unknown:
        raise ValueError(f"unknown personas: {sorted(unknown)}")
    result: Answers = {"anonymous": anonymous}
    for persona in PERSONAS[1:]:
        if persona in given:
            result[persona] = given[persona]
        elif others is None:
            raise ValueError(f"no answer for {persona} (give it or others=)")
        else:
            result[persona] = others
    return result


def load() -> dict[str, Entry]:
    """Every module's ENTRIES, merged."""
    merged: dict[str, Entry] = {}
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for name, entry in getattr(module, "ENTRIES", {}).items():
            if name in merged:
                raise ValueError(f"{name} has entries in two modules (the second: {module_info.name})")
            merged[name] = entry
    return merged
