"""Which demo login manages a plan: quanly manages Lạng Sơn's (seed 004 and the sample plan);
the other seeds' provinces have sample managers of their own (tracker/demo/users.py)."""

from __future__ import annotations

from tracker.core import permissions, roles
from tracker.demo.users import DEMO_USERS
from tracker.models import Plan, User

MANAGERS = tuple(spec.username for spec in DEMO_USERS if spec.role == roles.DIC_MANAGER)


def manager_of(plan: Plan) -> User:
    """The demo DIC manager whose province the plan belongs to."""
    for username in MANAGERS:
        user = User.objects.get(username=username)
        if permissions.plans_visible_to(user).filter(pk=plan.pk).exists():
            return User.objects.get(pk=user.pk)  # a fresh object, without the cached scope
    raise AssertionError(f"no demo manager sees {plan}")
