"""Budget figures on the tracker's pages, without the tracker importing budgets.

The tracker's templates load this library and call ``{% activity_budget activity %}`` or
``{% plan_budget plan %}``; the tags read the figures through ``budgets.execution`` as the
signed-in user may see them (one query each) and render a compact card. A user for whom
budgets are none of their business (a CMS editor) gets nothing, and no query is run.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html

from budgets import execution, permissions
from budgets.models import DonationTransfer
from budgets.money import format_vnd

register = template.Library()
CARD = "budgets/includes/budget_figures.html"


def _user(context):
    request = context.get("request")
    return request.user if request is not None else context.get("user")


@register.inclusion_tag(CARD, takes_context=True)
def activity_budget(context, activity) -> dict:
    """The activity's approved, allocated and disbursed amounts by funding source."""
    user = _user(context)
    if user is None or not permissions.can_see_budgets(user):
        return {"card": None}
    return {
        "card": execution.activity_budget_card(user, activity),
        "whole_programme": permissions.sees_whole_programme(user),
        "scope": "activity",
    }


@register.inclusion_tag(CARD, takes_context=True)
def plan_budget(context, plan) -> dict:
    """The plan's approved, allocated and disbursed amounts by funding source."""
    user = _user(context)
    if user is None or not permissions.can_see_budgets(user):
        return {"card": None}
    return {
        "card": execution.plan_budget_card(user, plan),
        "whole_programme": permissions.sees_whole_programme(user),
        "scope": "plan",
    }


@register.filter
def rate(value: Decimal | None) -> str:
    """A disbursement rate as people read it: ``62,5%`` in Vietnamese, ``—`` when none."""
    return execution.format_rate(value)


@register.simple_tag
def linked_amount(amount: int, query: str, list_url: str | None) -> str:
    """An amount linking to the allocation list filtered to it (plain text while that list
    does not exist, or for a row the list cannot be filtered to)."""
    if list_url and query:
        return format_html('<a href="{}?{}">{}</a>', list_url, query, format_vnd(int(amount)))
    return format_vnd(int(amount))


@register.inclusion_tag("budgets/includes/handover_donations.html", takes_context=True)
def handover_donations(context, handover) -> dict:
    """On a smartphone handover's page: the donations passed on for it (donor, items, value,
    date) that the user may see (1 query), or a hint when its source is donations and none is
    linked. Nothing for a user to whom budgets are no business."""
    user = _user(context)
    if user is None or not permissions.can_see_budgets(user):
        return {"shown": False}
    transfers = list(
        DonationTransfer.objects.filter(handover=handover, donation__in=permissions.donations_visible_to(user))
        .select_related("donation")
        .order_by("transferred_on", "pk")
    )
    return {
        "shown": bool(transfers) or handover.source == handover.Source.DONATIONS,
        "transfers": transfers,
        "handover": handover,
    }
