"""Reads of the people pages: a constant number of queries whatever the number of people."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db.models import Prefetch, Q, QuerySet

from tracker.core import roles
from tracker.core.permissions import AnyUser
from tracker.core.scope import users_managed_by
from tracker.models import User


def role_groups() -> QuerySet[Group]:
    """The role groups only: a unit's rights group (unit-officers-N) is plumbing, never shown."""
    return Group.objects.filter(name__in=roles.ALL).order_by("name")


def with_roles(queryset: QuerySet[User]) -> QuerySet[User]:
    """Each user with `role_groups` (their roles, without the units' rights groups)."""
    return queryset.prefetch_related(Prefetch("groups", queryset=role_groups(), to_attr="role_groups"))


def people_for_list(user: AnyUser, *, search: str = "", include_inactive: bool = False) -> QuerySet[User]:
    """The people the user manages, by name, with their unit and roles.

    Queries: the page of people with their units (1), their roles (1), plus the paginator's
    count — the same for 5 people or 500.
    """
    people = users_managed_by(user).select_related("unit")
    if not include_inactive:
        people = people.filter(is_active=True)
    if search:
        people = people.filter(
            Q(username__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(email__icontains=search)
            | Q(unit__name__icontains=search)
        )
    return with_roles(people).order_by("first_name", "last_name", "username", "pk")


def role_labels(user: User) -> list[str]:
    """The user's roles by their (translated) names, from `with_roles`."""
    groups = getattr(user, "role_groups", None)
    if groups is None:
        groups = list(role_groups().filter(user=user))
    return [str(roles.LABELS[group.name]) for group in groups if group.name in roles.LABELS]
