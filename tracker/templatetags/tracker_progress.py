"""Template helpers of the progress pages."""

from django import template

from tracker import permissions

register = template.Library()


@register.filter
def is_unit_officer(user) -> bool:
    """Whether the user reports for a unit (roles are read once per request)."""
    return permissions.is_unit_officer(user)
