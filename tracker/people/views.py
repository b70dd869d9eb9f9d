"""The DIC's people pages (list, create and invite, edit roles and unit, deactivate) and every
user's own "Tài khoản của tôi".

Only DIC managers and superusers open the people pages (403 for everyone else); a person the
manager does not manage (another province, staff, superusers) answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tracker.core import permissions
from tracker.core.forms import add_service_error, error_messages
from tracker.core.scope import can_manage_people, users_managed_by
from tracker.models import User
from tracker.people import selectors, services
from tracker.people.forms import AccountForm, PersonForm, PersonSearchForm

TEMPLATES = "tracker/people/"
PER_PAGE = 50


def _require_people_manager(request: HttpRequest) -> None:
    if not can_manage_people(request.user):
        raise PermissionDenied


def _managed_person(request: HttpRequest, pk: int) -> User:
    _require_people_manager(request)
    return permissions.get_visible_or_404(selectors.with_roles(users_managed_by(request.user)), pk=pk)


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _send_invitation(request: HttpRequest, person: User) -> None:
    try:
        services.invitation_send(user=person, actor=request.user, base_url=_base_url(request))
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(
            request, _("An invitation with a link to set a password was sent to %(email)s.") % {"email": person.email}
        )


@login_required
@require_GET
def user_list(request: HttpRequest) -> HttpResponse:
    _require_people_manager(request)
    form = PersonSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    people = selectors.people_for_list(
        request.user, search=filters.get("q", "").strip(), include_inactive=filters.get("inactive", False)
    )
    page = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
    for person in page.object_list:
        person.role_labels = selectors.role_labels(person)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, TEMPLATES + "user_list.html", {"form": form, "page": page, "query": query.urlencode()})


@login_required
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    _require_people_manager(request)
    form = PersonForm(request.POST if request.method == "POST" else None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = services.person_create(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                username=data["username"],
                phone=data["phone"],
                role_names=data["roles"],
                unit=data["unit"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The account of %(name)s was created.") % {"name": person})
            _send_invitation(request, person)
            return redirect("tracker:user_list")
    return render(request, TEMPLATES + "user_form.html", {"form": form, "person": None})


@login_required
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = _managed_person(request, pk)
    initial = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "roles": [group.name for group in person.role_groups],
        "unit": person.unit_id,
    }
    form = PersonForm(
        request.POST if request.method == "POST" else None, initial=initial, actor=request.user, person=person
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.person_update(
                user=person,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data["phone"],
                role_names=data["roles"],
                unit=data["unit"],
                actor=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The account of %(name)s was saved.") % {"name": person})
            return redirect("tracker:user_list")
    return render(request, TEMPLATES + "user_form.html", {"form": form, "person": person})


@login_required
@require_POST
def user_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    person = _managed_person(request, pk)
    active = request.POST.get("active") == "1"
    try:
        services.person_set_active(user=person, active=active, actor=request.user)
    except ValidationError as error:
        error_messages(request, error)
    else:
        text = _("%(name)s can log in again.") if active else _("%(name)s can no longer log in.")
        messages.success(request, text % {"name": person})
    return redirect("tracker:user_edit", pk=person.pk)


@login_required
@require_POST
def user_invite(request: HttpRequest, pk: int) -> HttpResponse:
    person = _managed_person(request, pk)
    _send_invitation(request, person)
    return redirect("tracker:user_edit", pk=person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    """ "Tài khoản của tôi": one's own name and e-mail, and the way to change the password."""
    user = request.user
    initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email, "phone": user.phone}
    form = AccountForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_update(user=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your account was saved."))
            return redirect("tracker:account")
    context = {"form": form, "role_labels": selectors.role_labels(user)}
    return render(request, TEMPLATES + "account.html", context)


urlpatterns = [
    path("people/", user_list, name="user_list"),
    path("people/new/", user_create, name="user_create"),
    path("people/<int:pk>/edit/", user_edit, name="user_edit"),
    path("people/<int:pk>/active/", user_set_active, name="user_set_active"),
    path("people/<int:pk>/invite/", user_invite, name="user_invite"),
    path("account/", account, name="account"),
]
