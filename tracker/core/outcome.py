"""How an activity ended, once its plan's period is over.

While a plan runs, an activity shows its working status ("not started", "in progress") and
an "overdue" badge. Once the plan's period has ended (or the plan was closed) those words
mislead — a 2019 plan's activity "not started / overdue" beside 100 % of its output achieved
— so the pages and reports show the final state instead, judged by the accepted results:
every planned output reached → done; some achieved → partly done; none → not done. An
activity with no planned figure is judged by its status, and one nobody reported on says
that no result was recorded rather than that it failed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import models
from django.utils.translation import pgettext_lazy

from tracker.models import Plan
from tracker.models.plans import Progress


class FinalState(models.TextChoices):
    DONE = "done", pgettext_lazy("final state of an activity", "Done")
    PARTLY = "partly", pgettext_lazy("final state of an activity", "Partly done")
    NOT_DONE = "not_done", pgettext_lazy("final state of an activity", "Not done")
    NO_RESULT = "no_result", pgettext_lazy("final state of an activity", "No result recorded")
    CANCELLED = "cancelled", pgettext_lazy("final state of an activity", "Cancelled")


def period_is_over(plan: Plan, on: datetime.date) -> bool:
    """The plan's period has ended by `on`, or the plan was closed."""
    return plan.status == Plan.Status.CLOSED or (plan.period_end is not None and plan.period_end < on)


def final_state(status: str, results: Iterable[tuple[int | None, int | None]]) -> FinalState:
    """The final state of an activity from its status and its outputs' (achieved, planned)."""
    if status == Progress.CANCELLED:
        return FinalState.CANCELLED
    planned = [(achieved or 0, target) for achieved, target in results if target]
    if planned:
        if all(achieved >= target for achieved, target in planned) or status == Progress.COMPLETED:
            return FinalState.DONE
        if any(achieved > 0 for achieved, _target in planned):
            return FinalState.PARTLY
        return FinalState.NOT_DONE
    if status == Progress.COMPLETED:
        return FinalState.DONE
    if status == Progress.IN_PROGRESS:
        return FinalState.PARTLY
    return FinalState.NO_RESULT


def activity_final_state(activity, outputs: Iterable, on: datetime.date) -> FinalState | None:
    """How the activity ended when its plan's period is over on `on`, else None (it still runs).

    `outputs` are the activity's output indicators annotated with `achieved`; reads
    `activity.plan`, so select it with the activity."""
    if not period_is_over(activity.plan, on):
        return None
    return final_state(activity.status, [(output.achieved, output.planned_quantity) for output in outputs])
