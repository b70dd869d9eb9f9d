from django.http import HttpRequest

from tracker.core import permissions


def roles(request: HttpRequest) -> dict:
    """What the navigation needs to know about the user, without a query per link."""
    user = request.user
    return {
        "can_manage_plans": permissions.can_manage_plans(user),
        "sees_whole_programme": permissions.sees_whole_programme(user),
        "follows_work": permissions.follows_work(user),
        "uses_tracker": permissions.uses_tracker(user),
        # The national view's link, without a query: readers of every province (a reader whose
        # unit has no area may open the page too, from its address).
        "national_view": permissions.sees_every_province(user)
        or (permissions.sees_whole_programme(user) and not getattr(user, "unit_id", None)),
    }
