"""Every signed-in request: end a session that was idle too long or is older than its lifetime,
and keep someone who owes a second factor on the pages that take it.

It reads only the session (no query): the login decided what is owed (`sessions.start`). It
covers every URL behind it — the tracker, budgets, the API's session login, Django's admin and
Wagtail's `/cms/` (whose own login form ends here too).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import SESSION_KEY
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tracker.security import sessions
from tracker.security.receivers import EXPIRED_ATTRIBUTE


class AccountSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if SESSION_KEY not in session:
            return self.get_response(request)
        expired = self._expired(session)
        if expired:
            setattr(request, EXPIRED_ATTRIBUTE, expired)
            auth.logout(request)
            messages.warning(request, _("Your session has ended. Please log in again."))
            return redirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}")
        owed = sessions.owed(session)
        if owed and not self._open_while_owed(request.path):
            target = "security:mfa_setup" if owed == sessions.ENROL else "security:mfa_verify"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _expired(session) -> str:
        """ "idle" or "lifetime" when the session must end, "" otherwise; refreshes the last-use
        stamp at most once a minute."""
        now = sessions.now()
        auth_at = session.get(sessions.AUTH_AT)
        seen_at = session.get(sessions.SEEN_AT)
        if not isinstance(auth_at, int) or not isinstance(seen_at, int):
            # A session from before these stamps existed: its lifetime starts now.
            session[sessions.AUTH_AT] = session[sessions.SEEN_AT] = now
            return ""
        if now - auth_at > settings.SESSION_MAX_AGE_HOURS * 3600:
            return "lifetime"
        if now - seen_at > settings.SESSION_IDLE_TIMEOUT_MINUTES * 60:
            return "idle"
        if now - seen_at >= sessions.SEEN_RESOLUTION_SECONDS:
            session[sessions.SEEN_AT] = now
        return ""

    @staticmethod
    def _open_while_owed(path: str) -> bool:
        """The second-factor pages, logging out, the language switch and static files."""
        open_paths = (
            reverse("security:mfa_setup"),
            reverse("security:mfa_verify"),
            reverse("logout"),
            reverse("set_language"),
            settings.STATIC_URL,
        )
        return path.startswith(open_paths)
