"""What other apps registered in `tracker.core.extensions`, drawn on the tracker's pages.

``{% extension_panels slot object %}`` renders each panel of the slot with the context its app
computes for the signed-in user and the object (a panel whose context is None draws nothing);
``{% extension_nav_links slot %}`` the menu links the user may follow. With nothing
registered both draw nothing, so a tracker without budgets or cms shows no trace of them.
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from tracker.core import extensions
from tracker.templatetags.tracker_nav import is_current

register = template.Library()


def _user(context):
    request = context.get("request")
    return request.user if request is not None else context.get("user")


@register.simple_tag(takes_context=True)
def extension_panels(context, slot: str, obj) -> SafeString:
    user = _user(context)
    if user is None:
        return SafeString("")
    parts = []
    for panel in extensions.panels(slot):
        values = panel.context(user, obj)
        if values is None:
            continue
        # As an inclusion tag renders: a fresh context without the page's variables (nor a
        # second run of the context processors), the same engine, the CSRF token passed on.
        new_context = context.new(values)
        csrf_token = context.get("csrf_token")
        if csrf_token is not None:
            new_context["csrf_token"] = csrf_token
        parts.append(context.template.engine.get_template(panel.template_name).render(new_context))
    # Each part is a rendered template, escaped as it rendered.
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def extension_nav_links(context, slot: str) -> SafeString:
    user = _user(context)
    if user is None:
        return SafeString("")
    links = [link for link in extensions.nav_links(slot) if link.visible(user)]
    request = context.get("request")
    path = request.path if request is not None else ""
    return format_html_join(
        "\n",
        '<a href="{}" class="{}"{}>{}</a>',
        (
            (href, link.css_class, mark_safe(' aria-current="page"') if is_current(path, href) else "", link.label)
            for link in links
            for href in [reverse(link.url_name)]
        ),
    )
