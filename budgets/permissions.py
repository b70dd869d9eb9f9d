"""Who may see and do what with money.

Finance officers record (appraisals, allocations, disbursements, donations); DIC managers
approve estimates; a unit drafts and submits its own estimates and sees its own estimates,
allocations and the donations it received or was passed; monitors (and managers) read
everything of their province (`tracker.core.permissions.in_province`, through the plan each
row belongs to). What a user may not see answers 404, as in the tracker.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from budgets.models import Allocation, Disbursement, Donation, DonationTransfer, Estimate
from tracker.core import roles
from tracker.core.permissions import (
    AnyUser,
    activities_visible_to,
    areas_of_provinces,
    has_role,
    in_province,
    is_unit_officer,
    plans_in_provinces,
    province_ids_of,
    sees_whole_programme,
)
from tracker.models import Activity


def can_record_finance(user: AnyUser) -> bool:
    """Appraise estimates, record allocations, disbursements and donations."""
    return user.is_authenticated and (user.is_superuser or has_role(user, roles.FINANCE_OFFICER))


def can_approve_estimates(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, roles.DIC_MANAGER))


def can_see_budgets(user: AnyUser) -> bool:
    """Whether the budgets pages are any of the user's business at all."""
    return sees_whole_programme(user) or (is_unit_officer(user) and user.unit_id is not None)


def estimate_activities_for(user: AnyUser) -> QuerySet[Activity]:
    """Activities the user may draft an estimate for: any, for the DIC and finance; for a
    unit officer, those their unit can see (leads, cooperates on or carries out)."""
    if can_approve_estimates(user) or can_record_finance(user):
        return in_province(user, Activity.objects.all(), "plan__")
    if is_unit_officer(user) and user.unit_id:
        return activities_visible_to(user)
    return Activity.objects.none()


def can_draft_estimate(user: AnyUser, estimate: Estimate) -> bool:
    """Edit or submit a draft/returned estimate: its own unit's officers, managers, finance."""
    if not estimate.is_editable:
        return False
    if can_approve_estimates(user) or can_record_finance(user):
        return True
    return is_unit_officer(user) and user.unit_id is not None and estimate.unit_id == user.unit_id


def estimates_visible_to(user: AnyUser, queryset: QuerySet[Estimate] | None = None) -> QuerySet[Estimate]:
    queryset = Estimate.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return in_province(user, queryset, "activity__plan__")
    if is_unit_officer(user) and user.unit_id:
        return queryset.filter(unit_id=user.unit_id)
    return queryset.none()


def allocations_visible_to(user: AnyUser, queryset: QuerySet[Allocation] | None = None) -> QuerySet[Allocation]:
    queryset = Allocation.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return in_province(user, queryset, "activity__plan__")
    if is_unit_officer(user) and user.unit_id:
        return queryset.filter(unit_id=user.unit_id)
    return queryset.none()


def disbursements_visible_to(user: AnyUser, queryset: QuerySet[Disbursement] | None = None) -> QuerySet[Disbursement]:
    queryset = Disbursement.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        return in_province(user, queryset, "allocation__activity__plan__")
    return queryset.filter(allocation__in=allocations_visible_to(user))


def donations_visible_to(user: AnyUser, queryset: QuerySet[Donation] | None = None) -> QuerySet[Donation]:
    """All, province-wide; a unit sees what it received and what was passed on to it."""
    queryset = Donation.objects.all() if queryset is None else queryset
    if sees_whole_programme(user):
        province_ids = province_ids_of(user)
        if province_ids is None:
            return queryset
        # A donation for a plan belongs to the plan's province; one for no plan to the receiving
        # unit's (a unit with no area is shared, as a plan with none is).
        receiver_inside = Q(received_by__area__in=areas_of_provinces(province_ids)) | Q(received_by__area__isnull=True)
        return queryset.filter(
            (Q(plan__isnull=False) & plans_in_provinces(province_ids, "plan__"))
            | (Q(plan__isnull=True) & receiver_inside)
        )
    if is_unit_officer(user) and user.unit_id:
        passed_to_unit = DonationTransfer.objects.filter(donation=OuterRef("pk"), recipient_id=user.unit_id)
        return queryset.filter(Q(received_by_id=user.unit_id) | Exists(passed_to_unit))
    return queryset.none()
