"""The second factor in tests: `Client.force_login` (patched in tests/conftest.py) gives it
honestly, with a real django-otp device, to the users whose login owes one.

A DIC manager, a finance officer, a CMS moderator and a superuser owe a second factor after
any login (tracker/security/); most tests are about something else and log them in with
`force_login`. So, as the login page would, the patched `force_login` sets up the person's
authenticator (a confirmed TOTP device) and recovery codes, and verifies the session with a
single-use recovery code through `django_otp.verify_token` (a TOTP code cannot be used twice
in the same 30 seconds, and the URL walk logs the same persona in many times a second).
`client.force_login(user, second_factor=False)` leaves the session owing it, for the tests of
the requirement itself (tests/tracker/security/).
"""

from __future__ import annotations

import django_otp
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tracker.security import sessions

plain_force_login = Client.force_login


def give_second_factor(client: Client, user) -> None:
    session = client.session
    if not sessions.owed(session):
        return
    TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "authenticator"})
    recovery, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "recovery codes"})
    code = StaticToken.random_token()
    StaticToken.objects.create(device=recovery, token=code)
    device = django_otp.verify_token(user, recovery.persistent_id, code)
    assert device is not None, "the recovery code was refused"
    sessions.mark_verified(session, device)
    session.save()


def force_login(self: Client, user, backend=None, *, second_factor: bool = True) -> None:
    plain_force_login(self, user, backend)
    if second_factor:
        give_second_factor(self, user)
