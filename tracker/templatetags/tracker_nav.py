"""The menu marks where the user is: the link of the page (or of the section the page is in)
gets aria-current="page", which screen readers announce and the stylesheet underlines."""

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def is_current(path: str, href: str) -> bool:
    """The page itself, or a page under the link's address ("/tracker/plans/4/" is in
    "/tracker/plans/"); the site's root marks only itself."""
    if href == "/":
        return path == "/"
    return path == href or path.startswith(href)


@register.simple_tag(takes_context=True)
def current(context, href: str) -> SafeString:
    request = context.get("request")
    if request is not None and is_current(request.path, href):
        return mark_safe(' aria-current="page"')
    return SafeString("")
