"""Writes of the people pages: accounts created, changed, deactivated (never deleted) and
invited, each with a history row naming the manager who did it.

Rights follow through the documents services: `user_set_unit` puts a unit officer in their
unit's rights group. Only DIC managers and superusers manage people; a manager never makes
anyone staff or superuser, and never changes a staff or superuser account.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from tracker.core import roles
from tracker.core.scope import can_manage_people, grantable_roles, province_of, units_managed_by, users_managed_by
from tracker.documents.services import unit_save, user_save, user_set_unit
from tracker.models import Area, Unit, User


def _check_manager(actor: User, user: User | None = None) -> None:
    if not can_manage_people(actor):
        raise PermissionDenied
    if user is not None and user.pk and not users_managed_by(actor).filter(pk=user.pk).exists():
        raise PermissionDenied


def _check_roles_and_unit(actor: User, role_names: Iterable[str], unit: Unit | None) -> list[str]:
    role_names = list(dict.fromkeys(role_names))
    unknown = set(role_names) - set(grantable_roles(actor))
    if unknown:
        raise ValidationError({"roles": _("These roles cannot be given here: %(roles)s") % {"roles": sorted(unknown)}})
    if unit is not None and not units_managed_by(actor).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("Choose a unit of your province.")})
    if roles.UNIT_OFFICER in role_names and unit is None:
        raise ValidationError({"unit": _("A unit officer belongs to a unit.")})
    if unit is None and not actor.is_superuser and province_of(actor) is not None:
        # A province's people are those of its units: an account with no unit would drop out
        # of the manager's list and could no longer be changed by them.
        raise ValidationError({"unit": _("Choose the person's unit in your province.")})
    return role_names


def _check_email(email: str, *, exclude_pk: int | None) -> None:
    # One address, one account: the password reset e-mail must reach one person.
    others = User.objects.filter(email__iexact=email)
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
    if email and others.exists():
        raise ValidationError({"email": _("Another account already uses this e-mail address.")})


def _free_username(email: str) -> str:
    base = re.sub(r"[^a-z0-9._-]", "", email.split("@", 1)[0].lower()) or "user"
    candidate, number = base, 1
    while User.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def roles_reason(role_names: Iterable[str]) -> str:
    labels = [str(roles.LABELS[name]) for name in roles.ALL if name in set(role_names)]
    return _("Roles: %(roles)s") % {"roles": ", ".join(labels) or "—"}


def _set_roles(user: User, role_names: list[str]) -> None:
    """Give exactly these roles; the unit's rights group is `user_set_unit`'s to manage."""
    wanted = list(Group.objects.filter(name__in=role_names))
    user.groups.remove(*user.groups.filter(name__in=roles.ALL).exclude(name__in=role_names))
    user.groups.add(*wanted)


@transaction.atomic
def person_create(
    *,
    first_name: str,
    last_name: str,
    email: str,
    role_names: Iterable[str],
    unit: Unit | None,
    actor: User,
    username: str = "",
    phone: str = "",
) -> User:
    """A new account with no password yet: the person sets one from the invitation."""
    _check_manager(actor)
    role_names = _check_roles_and_unit(actor, role_names, unit)
    email = email.strip()
    _check_email(email, exclude_pk=None)
    user = User(
        username=username.strip() or _free_username(email),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        phone=phone.strip(),
        unit=unit,
        is_active=True,
    )
    user.set_unusable_password()
    user_save(user=user, actor=actor, reason=roles_reason(role_names))
    _set_roles(user, role_names)
    user_set_unit(user=user, unit=unit, actor=actor)
    return user


@transaction.atomic
def person_update(
    *,
    user: User,
    first_name: str,
    last_name: str,
    email: str,
    role_names: Iterable[str],
    unit: Unit | None,
    actor: User,
    phone: str = "",
) -> User:
    """Change a person's name, e-mail, roles and unit; rights follow the unit and roles."""
    _check_manager(actor, user)
    role_names = _check_roles_and_unit(actor, role_names, unit)
    email = email.strip()
    _check_email(email, exclude_pk=user.pk)
    before = set(user.groups.filter(name__in=roles.ALL).values_list("name", flat=True))
    user.first_name, user.last_name, user.email, user.phone = first_name.strip(), last_name.strip(), email, phone
    user.unit = unit  # in the same history row as the rest
    reason = roles_reason(role_names) if before != set(role_names) else ""
    user_save(user=user, actor=actor, reason=reason)
    _set_roles(user, role_names)
    user_set_unit(user=user, unit=unit, actor=actor)
    return user


@transaction.atomic
def person_set_active(*, user: User, active: bool, actor: User) -> User:
    """Deactivate (or reactivate) an account: a deactivated person cannot log in, and
    everything they did stays theirs. People are never deleted."""
    _check_manager(actor, user)
    if user.pk == actor.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    user.is_active = active
    return user_save(user=user, actor=actor, reason=_("Reactivated") if active else _("Deactivated"))


@transaction.atomic
def account_update(*, user: User, first_name: str, last_name: str, email: str, phone: str = "") -> User:
    """A person changes their own name, e-mail and phone ("Tài khoản của tôi")."""
    email = email.strip()
    _check_email(email, exclude_pk=user.pk)
    user.first_name, user.last_name, user.email, user.phone = first_name.strip(), last_name.strip(), email, phone
    return user_save(user=user, actor=user)


def set_password_link(user: User, base_url: str) -> str:
    """A one-time link to set a password (Django's reset token: it stops working once the
    password is set, and after PASSWORD_RESET_TIMEOUT)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def invitation_send(*, user: User, actor: User, base_url: str) -> None:
    """E-mail the person a one-time link to set their password, in Vietnamese."""
    _check_manager(actor, user)
    invitation_mail(user=user, inviter=actor, base_url=base_url)


def invitation_mail(*, user: User, inviter: User | None, base_url: str) -> None:
    """The invitation itself; `inviter` None when the installation made the account."""
    if not user.email:
        raise ValidationError({"email": _("The account has no e-mail address to send the invitation to.")})
    if not user.is_active:
        raise ValidationError(_("The account is deactivated."))
    context = {
        "user": user,
        "inviter": inviter,
        "link": set_password_link(user, base_url),
        "login_url": base_url.rstrip("/") + reverse("login"),
        "role_labels": [str(roles.LABELS[name]) for name in roles.ALL if user.groups.filter(name=name).exists()],
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Your account on the information-poverty tracker")
        text = render_to_string("emails/invitation.txt", context)
        html = render_to_string("emails/invitation.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.attach_alternative(html, "text/html")
    message.send()


@transaction.atomic
def province_manager_create(
    *,
    province: Area,
    unit_name: str,
    first_name: str,
    last_name: str,
    email: str,
    base_url: str,
    username: str = "",
) -> tuple[User, str]:
    """The first DIC manager of a province, made by whoever installs the tracker
    (`manage.py create_province_manager`), so that no superuser is needed: the DIC (a unit
    placed in the province, reused when it exists) and a manager account of it, neither staff
    nor superuser, with no password until the person sets one from the e-mailed one-time link.
    From then on the manager creates everything else of the province in the tracker.

    Returns the account and the link (for the installer to hand over when mail is not set up);
    the command then sends the invitation (`invitation_mail`).
    The history rows name no user: the command is run by the installation, not a person here.
    """
    if province.level != Area.Level.PROVINCE or not province.in_force_on(timezone.localdate()):
        raise ValidationError({"province": _("Choose a province in force.")})
    email = email.strip()
    if not email:
        raise ValidationError({"email": _("The account has no e-mail address to send the invitation to.")})
    _check_email(email, exclude_pk=None)
    unit = Unit.objects.in_force().filter(name=unit_name.strip(), area=province).first()
    if unit is None:
        unit = Unit(name=unit_name.strip(), kind=Unit.Kind.DEPARTMENT, area=province)
        unit_save(unit=unit, actor=None)
    user = User(
        username=username.strip() or _free_username(email),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        unit=unit,
        is_active=True,
    )
    user.set_unusable_password()
    user_save(user=user, actor=None, reason=roles_reason([roles.DIC_MANAGER]))
    _set_roles(user, [roles.DIC_MANAGER])
    user_set_unit(user=user, unit=unit, actor=None)
    return user, set_password_link(user, base_url)
