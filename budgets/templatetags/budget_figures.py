"""Budget figures in templates: the rate filter and linked amounts of the budgets pages, and
the tags of the budget card and of a handover's donations.

The tracker's pages do not load this library (the tracker imports nothing of budgets): they
show the same card through the panels `budgets.extensions` registers in
`tracker.core.extensions`. The tags here give the same context, for budgets' own templates.
A user for whom budgets are none of their business gets nothing, and no query is run.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html

from budgets import execution, extensions, once
from budgets.money import format_vnd

register = template.Library()
CARD = extensions.BUDGET_CARD
HANDOVER_DONATIONS = extensions.HANDOVER_DONATIONS


def _user(context):
    request = context.get("request")
    return request.user if request is not None else context.get("user")


@register.inclusion_tag(CARD, takes_context=True)
def activity_budget(context, activity) -> dict:
    """The activity's approved, allocated and disbursed amounts by funding source."""
    return extensions.activity_budget_context(_user(context), activity) or {"card": None}


@register.inclusion_tag(CARD, takes_context=True)
def plan_budget(context, plan) -> dict:
    """The plan's approved, allocated and disbursed amounts by funding source."""
    return extensions.plan_budget_context(_user(context), plan) or {"card": None}


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


@register.inclusion_tag(HANDOVER_DONATIONS, takes_context=True)
def handover_donations(context, handover) -> dict:
    """On a smartphone handover's page: the donations passed on for it (donor, items, value,
    date) that the user may see (1 query), or a hint when its source is donations and none is
    linked. Nothing for a user to whom budgets are no business."""
    return extensions.handover_donations_context(_user(context), handover) or {"shown": False}


@register.simple_tag
def submission_token() -> str:
    """The one-time token of a money form (budgets.once): a repeated post records once."""
    return format_html('<input type="hidden" name="{}" value="{}">', once.TOKEN_FIELD, once.new_token())
