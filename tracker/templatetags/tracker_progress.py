"""Template helpers of the progress pages."""

from django import template

from tracker.core import permissions
from tracker.registers import services as registers_services

register = template.Library()


@register.filter
def is_unit_officer(user) -> bool:
    """Whether the user reports for a unit (roles are read once per request)."""
    return permissions.is_unit_officer(user)


@register.simple_tag
def register_list_url(output) -> str:
    """The register list an output is counted from, filtered to its activity ("" if none)."""
    return registers_services.register_list_url(output)
