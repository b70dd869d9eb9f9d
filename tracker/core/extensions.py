"""What other apps add to the tracker's pages: money from `budgets`, links to `cms`.

Imports point one way (DESIGN.md): `budgets` and `cms` import the tracker, the tracker imports
neither. Where a tracker page shows money or a link into those apps, it reads this registry,
which the apps fill in their `AppConfig.ready()` (as netbox's `netbox/registry.py` and
`extras/dashboard/utils.py` `register_widget`). An empty registry is a tracker with no money
shown: the readers below answer None or nothing, and the pages leave the section out.

Extension points:

- `DashboardMoney`: allocated and disbursed money by funding source, as a user may see it;
- `ReportBudget`: the official reports' money by funding source of a set of activities;
- `Panel`: a template with its context, shown on a page's slot (`PLAN_PAGE`, `ACTIVITY_PAGE`,
  `SMARTPHONE_HANDOVER_PAGE`) through ``{% extension_panels slot object %}``;
- `NavLink`: a link of the main menu, at a slot (`NAV_WORK`, `NAV_SITE`), through
  ``{% extension_nav_links slot %}``;
- `tracker.core.jobs.JobKind`: another app's background jobs, looked after by the tracker's
  sweeper (`recover_jobs`) with the official reports' own;
- `BenchmarkPart`: another app's share of the national benchmark's dataset (its rows, built
  after the tracker's) and the pages it adds to the measurement (`manage.py benchmark --national`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from tracker.core.jobs import JobKind
    from tracker.core.permissions import AnyUser

# The slots of the pages that show other apps' panels.
PLAN_PAGE = "documents.plan"
ACTIVITY_PAGE = "work.activity"
SMARTPHONE_HANDOVER_PAGE = "registers.smartphone_handover"
# The area page's figures (with the areas it was formed from): the object is an
# `tracker.areas.figures.AreaFigures` (area, weights of its predecessors, by old or new units).
AREA_FIGURES = "areas.figures"
PANEL_SLOTS = frozenset({PLAN_PAGE, ACTIVITY_PAGE, SMARTPHONE_HANDOVER_PAGE, AREA_FIGURES})

# The slots of the main menu: after the tracker's work pages, after the campaign site's link.
NAV_WORK = "nav.work"
NAV_SITE = "nav.site"
NAV_SLOTS = frozenset({NAV_WORK, NAV_SITE})


# --- The values the providers hand over -----------------------------------------------------------


@dataclass(frozen=True)
class MoneyFigure:
    """Allocated and disbursed money (whole đồng) of one funding source, or of all of them."""

    source_id: int | None
    source: str
    allocated: int
    disbursed: int
    rate: Decimal | None  # disbursement rate in percent, one decimal; None when nothing allocated
    href: str = ""  # the page behind the figure


@dataclass(frozen=True)
class MoneyFigures:
    """The dashboard's money: one figure per source, the total, and the page of all of it."""

    rows: tuple[MoneyFigure, ...]
    total: MoneyFigure
    link: str = ""


class BudgetBySource(Protocol):
    def __call__(
        self, *, activity_ids: Iterable[int], year: int | None = None, date_to: datetime.date | None = None
    ) -> list[dict]:
        """One dict per funding source: ``source_id``, ``code``, ``source``, ``allocated``,
        ``disbursed`` (int, whole đồng) and ``rate`` (Decimal percent or None)."""


# --- The extension points -------------------------------------------------------------------------


@dataclass(frozen=True)
class DashboardMoney:
    """`figures(user)`: the money the user may see, or None when money is none of their business."""

    figures: Callable[[AnyUser], MoneyFigures | None]


@dataclass(frozen=True)
class ReportBudget:
    """`rows(activity_ids=…, year=…, date_to=…)`: money by source for the official reports."""

    rows: BudgetBySource


@dataclass(frozen=True)
class MoneyByPlan:
    """`totals()`: allocated and disbursed money (whole đồng, all budget years) per plan id, for
    the national view's roll-up by province; plans with no money are left out."""

    totals: Callable[[], dict[int, tuple[int, int]]]


@dataclass(frozen=True)
class Panel:
    """A card on a tracker page: `context(user, object)` gives the template's context, or None
    to show nothing (for a user to whom it is no business)."""

    name: str
    template_name: str
    context: Callable[[AnyUser, Any], dict | None]


@dataclass(frozen=True)
class NavLink:
    """A main-menu link to another app's page, shown to the users `visible(user)` accepts."""

    name: str
    label: str  # lazily translated
    url_name: str
    visible: Callable[[AnyUser], bool]
    css_class: str = ""


@dataclass(frozen=True)
class BenchmarkPart:
    """`build(dataset)`: add the app's rows to the national benchmark's dataset (an object with
    the fraction, the provinces and the personas, see `tracker.management.national`), in the
    dataset's transaction; `pages(dataset)`: the app's pages to measure, name → path."""

    name: str
    build: Callable[[Any], None]
    pages: Callable[[Any], dict[str, str]]


# --- The registry ---------------------------------------------------------------------------------


def _empty() -> dict[str, Any]:
    return {
        "dashboard_money": None,
        "report_budget": None,
        "money_by_plan": None,
        "panels": {slot: {} for slot in PANEL_SLOTS},  # slot → name → Panel, in registration order
        "nav_links": {slot: {} for slot in NAV_SLOTS},  # slot → name → NavLink
        "job_kinds": {},  # name → JobKind
        "benchmark_parts": {},  # name → BenchmarkPart, in registration order
    }


registry: dict[str, Any] = _empty()


def register_dashboard_money(provider: DashboardMoney) -> None:
    """One source of money: a second provider would show the same money twice."""
    current = registry["dashboard_money"]
    if current is not None and current != provider:
        raise ValueError("A dashboard money provider is already registered.")
    registry["dashboard_money"] = provider


def register_report_budget(provider: ReportBudget) -> None:
    current = registry["report_budget"]
    if current is not None and current != provider:
        raise ValueError("A report budget provider is already registered.")
    registry["report_budget"] = provider


def register_money_by_plan(provider: MoneyByPlan) -> None:
    current = registry["money_by_plan"]
    if current is not None and current != provider:
        raise ValueError("A money-by-plan provider is already registered.")
    registry["money_by_plan"] = provider


def money_by_plan() -> dict[int, tuple[int, int]] | None:
    """(allocated, disbursed) per plan id; None when no app provides money."""
    provider: MoneyByPlan | None = registry["money_by_plan"]
    return provider.totals() if provider is not None else None


def register_panel(slot: str, panel: Panel) -> None:
    """Add (or replace, by name) a panel on a page's slot."""
    if slot not in PANEL_SLOTS:
        raise ValueError(f"Unknown panel slot {slot!r}.")
    registry["panels"][slot][panel.name] = panel


def register_nav_link(slot: str, link: NavLink) -> None:
    if slot not in NAV_SLOTS:
        raise ValueError(f"Unknown menu slot {slot!r}.")
    registry["nav_links"][slot][link.name] = link


def register_job_kind(kind: JobKind) -> None:
    registry["job_kinds"][kind.name] = kind


def job_kinds() -> tuple[JobKind, ...]:
    return tuple(registry["job_kinds"].values())


def register_benchmark_part(part: BenchmarkPart) -> None:
    registry["benchmark_parts"][part.name] = part


def benchmark_parts() -> tuple[BenchmarkPart, ...]:
    return tuple(registry["benchmark_parts"].values())


def dashboard_money(user: AnyUser) -> MoneyFigures | None:
    """The user's money figures; None when no app provides money or it is none of theirs."""
    provider: DashboardMoney | None = registry["dashboard_money"]
    return provider.figures(user) if provider is not None else None


def report_budget_available() -> bool:
    return registry["report_budget"] is not None


def report_budget(
    *, activity_ids: Iterable[int], year: int | None = None, date_to: datetime.date | None = None
) -> list[dict] | None:
    """Money by source of the activities; None when no app provides money."""
    provider: ReportBudget | None = registry["report_budget"]
    if provider is None:
        return None
    return provider.rows(activity_ids=activity_ids, year=year, date_to=date_to)


def panels(slot: str) -> tuple[Panel, ...]:
    return tuple(registry["panels"].get(slot, {}).values())


def nav_links(slot: str) -> tuple[NavLink, ...]:
    return tuple(registry["nav_links"].get(slot, {}).values())


def _copy(state: dict[str, Any]) -> dict[str, Any]:
    # The entries are frozen: copying the dicts that hold them is enough.
    return {
        "dashboard_money": state["dashboard_money"],
        "report_budget": state["report_budget"],
        "money_by_plan": state["money_by_plan"],
        "panels": {slot: dict(entries) for slot, entries in state["panels"].items()},
        "nav_links": {slot: dict(entries) for slot, entries in state["nav_links"].items()},
        "job_kinds": dict(state["job_kinds"]),
        "benchmark_parts": dict(state["benchmark_parts"]),
    }


def reset() -> dict[str, Any]:
    """Empty the registry (tests); returns what it held, for `restore`."""
    saved = _copy(registry)
    registry.clear()
    registry.update(_empty())
    return saved


def restore(saved: dict[str, Any]) -> None:
    registry.clear()
    registry.update(_copy(saved))
