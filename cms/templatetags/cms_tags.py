"""Template helpers for the campaign site: its navigation, absolute addresses for link
previews, and who may open Wagtail's admin (read from roles already loaded, no query)."""

from __future__ import annotations

from django import template
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Site

from tracker.core import permissions, roles

register = template.Library()

CMS_ROLES = {roles.CMS_EDITOR, roles.CMS_MODERATOR}


@register.filter
def can_use_cms(user) -> bool:
    """Editors, moderators and superusers: the people Wagtail lets into /cms/."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(permissions.role_names(user) & CMS_ROLES)


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    """An absolute address (link previews and feeds need one)."""
    request: HttpRequest | None = context.get("request")
    if not path or request is None:
        return path or ""
    return request.build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def portal_settings(context):
    """The portal's frame for this site (cms.models.PortalSettings; one query, cached on the
    request), or None outside a request."""
    from cms.models import PortalSettings

    request = context.get("request")
    return PortalSettings.for_request(request) if request is not None else None


@register.inclusion_tag("cms/includes/site_nav.html", takes_context=True)
def site_nav(context) -> dict:
    """The site's sections as the header lists them (one query, the home page's children)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    home = site.root_page if site else None
    sections = list(home.get_children().live().public().in_menu()) if home else []
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return {
        "home": home,
        "sections": [
            {"page": section, "active": bool(current_path) and current_path.startswith(section.path)}
            for section in sections
        ],
        "request": request,
        "portal": portal_settings(context),
        "search_label": _("Search"),
    }


@register.filter
def figure(value) -> str:
    """1234567 → "1.234.567" (Vietnamese thousands separator), as the tracker writes numbers."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "—"
    return f"{number:,}".replace(",", ".")
