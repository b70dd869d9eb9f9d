"""What budgets shows on the tracker's pages, registered in `tracker.core.extensions` by
`BudgetsConfig.ready()` (the tracker reads the registry and never imports budgets).

- the dashboard's money: allocated and disbursed by funding source, as the budget execution
  page counts it (one query);
- the official reports' money: `budgets.reporting.budget_by_source` (three queries);
- the budget card of the plan and activity pages (one query) and the donations passed on for
  a smartphone handover (one query);
- the menu's link to the budget execution page.

Each reads as the user may see it, and gives nothing (no query) to a user for whom budgets
are no business.
"""

from __future__ import annotations

from fractions import Fraction
from urllib.parse import urlencode

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from budgets import execution, permissions, reporting
from budgets.figures import cached_money_figures
from budgets.models import DonationTransfer
from tracker.core import permissions as tracker_permissions
from tracker.core.extensions import MoneyFigure, MoneyFigures
from tracker.core.permissions import AnyUser
from tracker.core.successions import round_half_up
from tracker.models import Activity, Plan, SmartphoneHandover

BUDGET_CARD = "budgets/includes/budget_figures.html"
HANDOVER_DONATIONS = "budgets/includes/handover_donations.html"
AREA_DONATIONS = "budgets/includes/area_donations.html"


def _execution_url(**params) -> str:
    url = reverse("budgets:execution")
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


def dashboard_money(user: AnyUser) -> MoneyFigures | None:
    """Allocated and disbursed by funding source, all budget years: the reader's province, or the
    allocations to the officer's unit (one query). None when the budgets are none of the
    user's business (an officer without a unit)."""
    if tracker_permissions.reads_every_province(user):
        # Every allocation of the country (30,000 at national scale): counted once per change
        # of the money (budgets.figures), the same for every reader of every province.
        rows = cached_money_figures("by-source:every-province", reporting.disbursement_by_source)
    elif tracker_permissions.sees_whole_programme(user):
        rows = reporting.disbursement_by_source(allocations=permissions.allocations_visible_to(user))
    elif tracker_permissions.is_unit_officer(user) and getattr(user, "unit_id", None):
        rows = reporting.disbursement_by_source(unit_id=user.unit_id)
    else:
        return None
    figures = tuple(
        MoneyFigure(
            row["source_id"],
            row["source"],
            row["allocated"],
            row["disbursed"],
            row["rate"],
            href=_execution_url(funding_source=row["source_id"]),
        )
        for row in rows
    )
    allocated = sum(row.allocated for row in figures)
    disbursed = sum(row.disbursed for row in figures)
    total = MoneyFigure(
        None,
        _("All sources"),
        allocated,
        disbursed,
        execution.disbursement_rate(disbursed, allocated),
        href=_execution_url(),
    )
    return MoneyFigures(rows=figures, total=total, link=_execution_url())


def can_see_budget_link(user: AnyUser) -> bool:
    """The menu's "Budgets": exactly to those the budget pages open for (a CMS editor who
    belongs to a unit is not one of them)."""
    return permissions.can_see_budgets(user)


# --- Panels: context(user, object) → the template's context, or None for nothing ------------


def activity_budget_context(user: AnyUser | None, activity: Activity) -> dict | None:
    """The activity's approved, allocated and disbursed amounts by funding source."""
    if user is None or not permissions.can_see_budgets(user):
        return None
    return {
        "card": execution.activity_budget_card(user, activity),
        "whole_programme": permissions.sees_whole_programme(user),
        "scope": "activity",
    }


def plan_budget_context(user: AnyUser | None, plan: Plan) -> dict | None:
    """The plan's approved, allocated and disbursed amounts by funding source."""
    if user is None or not permissions.can_see_budgets(user):
        return None
    return {
        "card": execution.plan_budget_card(user, plan),
        "whole_programme": permissions.sees_whole_programme(user),
        "scope": "plan",
    }


def handover_donations_context(user: AnyUser | None, handover: SmartphoneHandover) -> dict | None:
    """The donations passed on for a handover that the user may see (one query), or a hint
    when its source is donations and none is linked; None when there is nothing to say."""
    if user is None or not permissions.can_see_budgets(user):
        return None
    transfers = list(
        DonationTransfer.objects.filter(handover=handover, donation__in=permissions.donations_visible_to(user))
        .select_related("donation")
        .order_by("transferred_on", "pk")
    )
    if not transfers and handover.source != handover.Source.DONATIONS:
        return None
    return {"shown": True, "transfers": transfers, "handover": handover}


def area_donations_context(user: AnyUser | None, figures) -> dict | None:
    """Donations passed on to an area and to the areas it was formed from (one query), by
    the old units or summed for the new one (a split predecessor by its share); None for a
    user to whom budgets are no business, or when nothing was passed on there."""
    if user is None or not permissions.can_see_budgets(user):
        return None
    weights = figures.weights
    rows = (
        DonationTransfer.objects.filter(area__in=list(weights), donation__in=permissions.donations_visible_to(user))
        .values("area", "area__name")
        .annotate(transfers=Count("pk"), quantity=Sum("quantity"), amount=Sum("amount"))
        .order_by("area__name")
    )
    by_area = [
        {
            "area": row["area__name"],
            "share": round_half_up(weights[row["area"]] * 100),
            "transfers": row["transfers"],
            "quantity": row["quantity"] or 0,
            "amount": row["amount"] or 0,
        }
        for row in rows
    ]
    if not by_area:
        return None
    amount = sum((weights[row["area"]] * (row["amount"] or 0) for row in rows), Fraction(0))
    quantity = sum((weights[row["area"]] * (row["quantity"] or 0) for row in rows), Fraction(0))
    return {
        "shown": True,
        "by_old": figures.by == "old",
        "rows": by_area,
        "amount": round_half_up(amount),
        "quantity": round_half_up(quantity),
    }
