"""The record of sign-ins and account changes the DIC reads (the security log).

Append-only: one row per login, logout, failed login, lock-out, expired session, second-factor
check, authenticator change and role change, written by `tracker.security.services` and never
edited. No django-simple-history: the row itself is the record. A row keeps the name typed at
the login form and the client's address, so it still says something when the account is gone.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuthEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Wrong user name or password")
        LOCKED_OUT = "locked_out", _("Locked out after repeated failed logins")
        LOGOUT = "logout", _("Logged out")
        SESSION_EXPIRED = "session_expired", _("Session expired")
        MFA_VERIFIED = "mfa_verified", _("Second factor verified")
        MFA_FAILED = "mfa_failed", _("Wrong second-factor code")
        MFA_ENROLLED = "mfa_enrolled", _("Authenticator app set up")
        MFA_REMOVED = "mfa_removed", _("Authenticator app removed")
        RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("Recovery codes renewed")
        ROLES_CHANGED = "roles_changed", _("Roles changed")

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    kind = models.CharField(_("event"), max_length=32, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="auth_events",
    )
    # What was typed at the login form (a failed login may name no account at all).
    username = models.CharField(_("user name"), max_length=150, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("security event")
        verbose_name_plural = _("security events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "-at"], name="authevent_user_at")]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_kind_display()} {self.username}"
