"""What the session remembers about the sign-in: when it began, when it was last used, and
whether a second factor is still owed ("enrol" or "verify") or has been given.

Kept in the session so the check on every request costs no query: the decision is taken once
at login (from the roles and devices the account has then) and again whenever the person
changes their own authenticator.
"""

from __future__ import annotations

import time

from django.contrib.sessions.backends.base import SessionBase
from django_otp import DEVICE_ID_SESSION_KEY

AUTH_AT = "security_auth_at"  # Unix time of the login
SEEN_AT = "security_seen_at"  # Unix time of the last request (to the minute)
MFA_OWED = "security_mfa_owed"  # ENROL or VERIFY while a second factor is owed
ENROL_KEY = "security_enrol_key"  # the secret of the authenticator being set up
ENROL = "enrol"
VERIFY = "verify"
# The last-use stamp is written at most once a minute, so an ordinary request saves nothing.
SEEN_RESOLUTION_SECONDS = 60


def now() -> int:
    return int(time.time())


def start(session: SessionBase, *, owed: str | None) -> None:
    session[AUTH_AT] = session[SEEN_AT] = now()
    session.pop(DEVICE_ID_SESSION_KEY, None)
    if owed:
        session[MFA_OWED] = owed
    else:
        session.pop(MFA_OWED, None)


def mark_verified(session: SessionBase, device) -> None:
    """The second factor was given with `device` (django-otp's session key, as `django_otp.login`)."""
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.pop(MFA_OWED, None)


def owe(session: SessionBase, owed: str | None) -> None:
    """After the person changed their authenticator: what, if anything, is owed now."""
    session.pop(DEVICE_ID_SESSION_KEY, None)
    if owed:
        session[MFA_OWED] = owed
    else:
        session.pop(MFA_OWED, None)


def owed(session: SessionBase) -> str | None:
    if session.get(DEVICE_ID_SESSION_KEY):
        return None
    return session.get(MFA_OWED)


def is_verified(session: SessionBase) -> bool:
    return bool(session.get(DEVICE_ID_SESSION_KEY))
