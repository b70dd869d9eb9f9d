"""Django's and django-axes's sign-in signals, and changes to a user's roles, written to the
security log (the writes themselves are `services.auth_event_record`)."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed
from simple_history.models import HistoricalRecords

from tracker.models import AuthEvent, User
from tracker.security import services, sessions

# Set on the request by the middleware when it ends a session that ran out of time.
EXPIRED_ATTRIBUTE = "security_session_expired"


def _logged_in(sender, request, user, **kwargs):
    sessions.start(request.session, owed=services.second_factor_owed(user))
    services.auth_event_record(kind=AuthEvent.Kind.LOGIN, request=request, user=user)


def _logged_out(sender, request, user, **kwargs):
    if user is None:
        return
    expired = getattr(request, EXPIRED_ATTRIBUTE, "")
    kind = AuthEvent.Kind.SESSION_EXPIRED if expired else AuthEvent.Kind.LOGOUT
    services.auth_event_record(kind=kind, request=request, user=user, detail=expired)


def _login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))
    user = User.objects.filter(username=username).first() if username else None
    services.auth_event_record(kind=AuthEvent.Kind.LOGIN_FAILED, request=request, user=user, username=username)


def _locked_out(sender, request=None, username=None, **kwargs):
    services.auth_event_record(kind=AuthEvent.Kind.LOCKED_OUT, request=request, username=str(username or ""))


def _roles_changed(sender, instance, action, pk_set, reverse, model, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    from django.contrib.auth.models import Group

    request = getattr(HistoricalRecords.context, "request", None)
    actor = getattr(request, "user", None)
    actor = actor if actor is not None and actor.is_authenticated else None
    sign = {"post_add": "+", "post_remove": "-", "post_clear": "-"}[action]
    if reverse:  # group.user_set.add(...): the users changed, the group is `instance`
        users = User.objects.filter(pk__in=pk_set or ())
        names = [instance.name]
    else:
        users = [instance]
        names = sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)) if pk_set else ["*"]
    detail = " ".join(f"{sign}{name}" for name in names)
    for user in users:
        services.auth_event_record(
            kind=AuthEvent.Kind.ROLES_CHANGED, request=request, user=user, actor=actor, detail=detail
        )


def connect() -> None:
    user_logged_in.connect(_logged_in, dispatch_uid="tracker.security.logged_in")
    user_logged_out.connect(_logged_out, dispatch_uid="tracker.security.logged_out")
    user_login_failed.connect(_login_failed, dispatch_uid="tracker.security.login_failed")
    user_locked_out.connect(_locked_out, dispatch_uid="tracker.security.locked_out")
    m2m_changed.connect(_roles_changed, sender=User.groups.through, dispatch_uid="tracker.security.roles")
