"""Writes of the account's security: the second factor (django-otp's TOTP device and its
recovery codes) and the security log.

Who must use a second factor: superusers, DIC managers, finance officers and CMS moderators
(`MFA_REQUIRED_ROLES`); anyone else may turn it on, and once on it is asked at every login.
"""

from __future__ import annotations

import time

from django.db import transaction
from django.http import HttpRequest
from django_otp import verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tracker.core import roles
from tracker.models import AuthEvent, User
from tracker.security import sessions
from tracker.security.client_ip import client_ip

MFA_REQUIRED_ROLES = frozenset({roles.DIC_MANAGER, roles.FINANCE_OFFICER, roles.CMS_MODERATOR})
RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery codes"


def mfa_required(user: User) -> bool:
    # Read from the database, not the per-request role cache: this decides at login, and a
    # caller may have changed the roles on this very object.
    return user.is_superuser or user.groups.filter(name__in=MFA_REQUIRED_ROLES).exists()


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def second_factor_owed(user: User) -> str | None:
    """At login: VERIFY when the account has an authenticator, ENROL when it must have one and
    has none yet, None when it neither has nor needs one."""
    if has_authenticator(user):
        return sessions.VERIFY
    return sessions.ENROL if mfa_required(user) else None


def auth_event_record(
    *,
    kind: str,
    request: HttpRequest | None = None,
    user: User | None = None,
    username: str = "",
    actor: User | None = None,
    detail: str = "",
) -> AuthEvent:
    meta = getattr(request, "META", {}) if request is not None else {}
    event = AuthEvent(
        kind=kind,
        user=user if user is not None and user.pk else None,
        username=(username or (user.get_username() if user is not None else ""))[:150],
        actor=actor if actor is not None and actor.pk else None,
        ip_address=client_ip(request) if meta else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:300],
        detail=detail[:300],
    )
    event.full_clean()
    event.save()
    return event


def enrolment_device(*, user: User, key: str | None) -> TOTPDevice:
    """The authenticator being set up, not saved: its secret is kept in the session between
    showing the QR code and the first code (so a reload shows the same code, and a page view
    writes nothing)."""
    device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    if key:
        device.key = key
    return device


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def enrolment_confirm(*, user: User, device: TOTPDevice, code: str, request: HttpRequest) -> list[str] | None:
    """The first code from the app confirms the device, which is then saved: it replaces any
    earlier authenticator, and fresh recovery codes are made (returned to be shown once). None
    when the code is wrong."""
    code = "".join(code.split())
    # Checked with django-otp's TOTP directly: the device is not saved until it is confirmed.
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not (code.isdigit() and totp.verify(int(code), device.tolerance)):
        auth_event_record(kind=AuthEvent.Kind.MFA_FAILED, request=request, user=user, detail="enrolment")
        return None
    TOTPDevice.objects.filter(user=user).delete()
    device.last_t = totp.t()  # this code cannot be used again
    device.confirmed = True
    device.full_clean()
    device.save()
    codes = _new_recovery_codes(user)
    sessions.mark_verified(request.session, device)
    auth_event_record(kind=AuthEvent.Kind.MFA_ENROLLED, request=request, user=user, actor=user)
    return codes


def verify(*, user: User, code: str, request: HttpRequest):
    """A code from the app, or an unused recovery code (spent once used). Each device throttles
    wrong codes itself (django-otp's ThrottlingMixin: the wait doubles with each failure)."""
    code = "".join(code.split()).lower()
    for device in [*TOTPDevice.objects.filter(user=user, confirmed=True), *StaticDevice.objects.filter(user=user)]:
        verified = verify_token(user, device.persistent_id, code)
        if verified is not None:
            detail = "recovery code" if isinstance(verified, StaticDevice) else ""
            auth_event_record(kind=AuthEvent.Kind.MFA_VERIFIED, request=request, user=user, detail=detail)
            return verified
    auth_event_record(kind=AuthEvent.Kind.MFA_FAILED, request=request, user=user)
    return None


@transaction.atomic
def recovery_codes_renew(*, user: User, request: HttpRequest) -> list[str]:
    codes = _new_recovery_codes(user)
    auth_event_record(kind=AuthEvent.Kind.RECOVERY_CODES_RENEWED, request=request, user=user, actor=user)
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def authenticator_remove(*, user: User, request: HttpRequest) -> None:
    """Removes the app and the recovery codes. Someone who must use a second factor is sent to
    set up a new one before anything else."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    sessions.owe(request.session, sessions.ENROL if mfa_required(user) else None)
    auth_event_record(kind=AuthEvent.Kind.MFA_REMOVED, request=request, user=user, actor=user)
