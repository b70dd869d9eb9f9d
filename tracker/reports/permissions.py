"""Who may produce and read the official reports.

DIC managers produce any report (the programme's monitoring form only they); finance officers
produce the budget report; unit officers produce their own unit's report on its tasks and
nothing else. Managers, finance officers and monitors read every generated report of their
province; a unit officer reads only their unit's own reports; anyone else reads none (a
report they may not see answers 404).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tracker.core import extensions, permissions, roles
from tracker.core.permissions import AnyUser
from tracker.models import GeneratedReport, Plan, Unit

Kind = GeneratedReport.Kind


def kinds_user_may_produce(user: AnyUser) -> list[str]:
    if permissions.can_manage_plans(user):
        kinds = [Kind.PROGRESS, Kind.MONITORING, Kind.TARGETS, Kind.UNIT, Kind.BUDGET]
    else:
        kinds = []
        if permissions.has_role(user, roles.FINANCE_OFFICER):
            kinds.append(Kind.BUDGET)
        if permissions.is_unit_officer(user) and getattr(user, "unit_id", None):
            kinds.append(Kind.UNIT)
    if not extensions.report_budget_available():
        # No app provides money (tracker.core.extensions): there is no budget report.
        kinds = [kind for kind in kinds if kind != Kind.BUDGET]
    return kinds


def can_produce_reports(user: AnyUser) -> bool:
    return bool(kinds_user_may_produce(user))


def can_produce(user: AnyUser, *, kind: str, plan: Plan | None = None, unit: Unit | None = None) -> bool:
    """Whether the user may produce this report: the kind is theirs, a unit officer's report is
    about their own unit, and the plan (if any) is one they may see."""
    if kind not in kinds_user_may_produce(user):
        return False
    own_unit_only = kind == Kind.UNIT and not permissions.can_manage_plans(user)
    if own_unit_only and (unit is None or unit.pk != user.unit_id):
        return False
    return plan is None or permissions.plans_visible_to(user).filter(pk=plan.pk).exists()


def reports_visible_to(user: AnyUser, queryset: QuerySet[GeneratedReport] | None = None) -> QuerySet[GeneratedReport]:
    queryset = GeneratedReport.objects.all() if queryset is None else queryset
    if permissions.sees_whole_programme(user):
        province_ids = permissions.province_ids_of(user)
        if province_ids is None:
            return queryset
        # A plan's report belongs to the plan's province; a unit's report to the unit's; a
        # whole-sub-project report to the province of the person who asked (it covers theirs;
        # one asked by a reader of every province covers them all, so it stays theirs).
        inside = permissions.areas_of_provinces(province_ids)
        return queryset.filter(
            (Q(plan__isnull=False) & permissions.plans_in_provinces(province_ids, "plan__"))
            | Q(plan__isnull=True, unit__isnull=False, unit__area__in=inside)
            | Q(plan__isnull=True, unit__isnull=True, created_by__unit__area__in=inside)
        )
    if permissions.is_unit_officer(user) and getattr(user, "unit_id", None):
        return queryset.filter(kind=Kind.UNIT, unit_id=user.unit_id)
    return queryset.none()


def can_list_reports(user: AnyUser) -> bool:
    """Who has a list of reports at all (others get 403 on the pages without an object)."""
    return permissions.sees_whole_programme(user) or (
        permissions.is_unit_officer(user) and bool(getattr(user, "unit_id", None))
    )
