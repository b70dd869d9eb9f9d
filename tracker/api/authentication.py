"""DRF's session authentication, with its CSRF refusal in the user's language (DRF's own
"CSRF Failed: CSRF token missing." is not translatable)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular import authentication as spectacular_authentication
from rest_framework import authentication, exceptions


class SessionAuthentication(authentication.SessionAuthentication):
    def enforce_csrf(self, request) -> None:
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                _("CSRF Failed: the security token (CSRF) is missing or wrong. Reload the page and try again.")
            ) from None


class SessionScheme(spectacular_authentication.SessionScheme):
    """The OpenAPI description of the session sign-in above (drf-spectacular's, for this class)."""

    target_class = "tracker.api.authentication.SessionAuthentication"
