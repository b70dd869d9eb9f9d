"""The second-factor pages (set up, verify, manage: recovery codes and removal) and the
security log the DIC reads. Thin: the writes are in `services`."""

from __future__ import annotations

import base64
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker.core import permissions
from tracker.security import selectors, services, sessions
from tracker.security.forms import CodeForm, EventFilterForm


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("tracker:home")


def _qr_data_uri(text: str) -> str:
    """The enrolment QR code as an SVG image in a data: URI (the CSP allows data: images)."""
    svg = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def _readable_key(device) -> str:
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
@require_http_methods(["GET", "POST"])
def mfa_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if services.has_authenticator(user):
        # Replacing an app is: remove the old one (with a code), then set up the new one.
        return redirect("security:mfa_manage" if sessions.is_verified(request.session) else "security:mfa_verify")
    device = services.enrolment_device(user=user, key=request.session.get(sessions.ENROL_KEY))
    request.session[sessions.ENROL_KEY] = device.key
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.enrolment_confirm(user=user, device=device, code=form.cleaned_data["code"], request=request)
        if codes is not None:
            del request.session[sessions.ENROL_KEY]
            request.session.cycle_key()  # a new session key for the newly strengthened sign-in
            return render(
                request,
                "tracker/security/recovery_codes.html",
                {"codes": codes, "next": _next(request), "just_enrolled": True},
            )
        form.add_error("code", _("That code is not right. Check the phone's clock and try the next code."))
    return render(
        request,
        "tracker/security/setup.html",
        {
            "form": form,
            "qr": _qr_data_uri(device.config_url),
            "key": _readable_key(device),
            "required": services.mfa_required(user),
            "next": _next(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def mfa_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not services.has_authenticator(user):
        return redirect(f"{reverse('security:mfa_setup')}?{urlencode({'next': _next(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.verify(user=user, code=form.cleaned_data["code"], request=request)
        if device is not None:
            request.session.cycle_key()
            sessions.mark_verified(request.session, device)
            return redirect(_next(request))
        form.add_error("code", _("That code is not right, or too many wrong codes were tried: wait and try again."))
    return render(request, "tracker/security/verify.html", {"form": form, "next": _next(request)})


@login_required
@require_safe
def mfa_manage(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "tracker/security/manage.html",
        {
            "enrolled": services.has_authenticator(user),
            "required": services.mfa_required(user),
            "codes_left": services.recovery_codes_left(user),
            "form": CodeForm(),
        },
    )


@login_required
@require_POST
def mfa_recovery_codes(request: HttpRequest) -> HttpResponse:
    if not services.has_authenticator(request.user):
        return redirect("security:mfa_setup")
    codes = services.recovery_codes_renew(user=request.user, request=request)
    return render(
        request, "tracker/security/recovery_codes.html", {"codes": codes, "next": reverse("security:mfa_manage")}
    )


@login_required
@require_POST
def mfa_remove(request: HttpRequest) -> HttpResponse:
    """Removing the app takes a current code, so a session left open cannot strip it."""
    user = request.user
    form = CodeForm(request.POST)
    if not services.has_authenticator(user):
        return redirect("security:mfa_manage")
    if form.is_valid() and services.verify(user=user, code=form.cleaned_data["code"], request=request):
        services.authenticator_remove(user=user, request=request)
        messages.success(request, _("The authenticator app and the recovery codes were removed."))
        return redirect("security:mfa_manage")
    messages.error(request, _("The app was not removed: the code is not right."))
    return redirect("security:mfa_manage")


@login_required
@require_safe
def security_log(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_plans(request.user):
        raise PermissionDenied
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.events_for_log(kind=filters.get("kind", ""), username=filters.get("username", ""))
    page = selectors.events_page(events, request.GET.get("page"))
    query = urlencode({key: value for key, value in filters.items() if value})
    return render(request, "tracker/security/log.html", {"form": form, "page": page, "query": query})


urlpatterns = [
    path("mfa/", mfa_manage, name="mfa_manage"),
    path("mfa/setup/", mfa_setup, name="mfa_setup"),
    path("mfa/verify/", mfa_verify, name="mfa_verify"),
    path("mfa/recovery-codes/", mfa_recovery_codes, name="mfa_recovery_codes"),
    path("mfa/remove/", mfa_remove, name="mfa_remove"),
    path("security-log/", security_log, name="security_log"),
]
