"""django-csp's middleware with one exception: Wagtail's admin.

The project's policy is self-only (no inline script or style) and the public campaign site
and the tracker keep it. Wagtail's admin (under /cms/) does not fit it: its choosers and date
pickers start from inline `<script>` snippets that carry no nonce, its scripts set inline
styles (Draftail, the page explorer, the focal-point tool), it shows image previews from
`blob:` URLs and frames its own preview. So for those paths only, and only those directives,
the policy is widened — the admin is reached only by the CMS roles, after logging in.
"""

from __future__ import annotations

from functools import cache

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.http import HttpRequest, HttpResponseBase
from django.urls import NoReverseMatch, reverse

# What the Wagtail admin needs beyond the project's policy (added to it, never replacing it).
ADMIN_POLICY_UPDATE = {
    # Widget initialisers, e.g. `new ImageChooser("id_lead_image", …)`, are inline scripts.
    "script-src": ["'unsafe-inline'"],
    # Draftail, the page explorer and the focal-point chooser set style attributes from JS.
    "style-src": ["'unsafe-inline'"],
    # Image previews before upload, and avatars, are blob:/data: URLs.
    "img-src": ["blob:"],
    # The live preview panel frames the admin's own preview view.
    "frame-src": ["'self'"],
}
# The preview is framed by the editor, on the same site.
ADMIN_POLICY_REPLACE = {"frame-ancestors": ["'self'"]}


@cache
def admin_prefix() -> str | None:
    """Where Wagtail's admin is mounted ("/cms/"), read from the URLconf once."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # pragma: no cover - the admin is always mounted in this project
        return None


def is_admin_path(path: str) -> bool:
    prefix = admin_prefix()
    return bool(prefix) and path.startswith(prefix)


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            parts.update = {**ADMIN_POLICY_UPDATE, **(parts.update or {})}
            parts.replace = {**ADMIN_POLICY_REPLACE, **(parts.replace or {})}
        return parts
