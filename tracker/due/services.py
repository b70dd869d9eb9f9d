"""Writes of the due part: a person's own reminder settings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.models import User


@transaction.atomic
def user_preferences_save(*, user: User, wants_digest: bool, email: str, actor: User | None) -> User:
    """A person's own reminder settings: the daily digest on or off, and where it goes.

    Only these two fields are written (`update_fields`), so a stale copy of the user cannot
    undo a change an administrator made meanwhile to anything else.
    """
    email = email.strip()
    if wants_digest and not email:
        raise ValidationError({"email": _("Give an e-mail address to receive the digest.")})
    user.wants_digest = wants_digest
    user.email = email
    user.full_clean(exclude=["password"])
    user.save(update_fields=["wants_digest", "email"])
    return user
