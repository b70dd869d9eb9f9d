"""The page plumbing shared by the registers whose entry is one form without line tables
(public information points, publications, smartphone handovers): the create and edit pages
(form → the register's service → redirect with a message) and the Excel columns they share.

Thin: the entry is looked up through the permission-filtered selectors (404 when the user may
not see it), a change the user may not make answers 403, the service validates and saves.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tracker.core.forms import service_errors_on
from tracker.models import RegisterEntry
from tracker.registers import export, permissions, selectors, services


def require_creator(request: HttpRequest) -> None:
    if not permissions.can_create(request.user):
        raise PermissionDenied


def entry_to_edit(request: HttpRequest, model: type[RegisterEntry], pk: int) -> RegisterEntry:
    """The entry the user may edit: 404 when they may not see it, 403 when they may not change it."""
    entry = selectors.entry_for_detail(request.user, model, pk)
    if not permissions.can_edit(request.user, entry):
        raise PermissionDenied
    return entry


def form_page(
    request: HttpRequest,
    *,
    entry: RegisterEntry,
    form_class,
    save: Callable[..., RegisterEntry],
    template: str,
    after_save: Callable[[HttpRequest, RegisterEntry], None] | None = None,
) -> HttpResponse:
    """GET: the form; POST: the register's service saves the entry (a ValidationError is shown
    on the form, nothing saved), then the entry's page with a message."""
    is_new = entry.pk is None
    form = form_class(request.POST if request.method == "POST" else None, instance=entry, user=request.user)
    if request.method == "POST" and form.is_valid():
        with service_errors_on(form) as outcome:
            saved = save(entry=form.instance, actor=request.user)
        if outcome.saved:
            messages.success(request, _("The entry was saved as a draft.") if is_new else _("The entry was saved."))
            if after_save is not None:
                after_save(request, saved)
            return redirect(services.detail_url(saved))
    return render(request, template, {"form": form, "entry": entry, "is_new": is_new})


def place_columns() -> list[export.Column]:
    """The columns every register's export starts with after its own title: where and whose."""
    return [
        export.Column(_("Commune"), lambda e: e.area.name if e.area_id else None, 22),
        export.Column(_("District"), lambda e: e.area.parent.name if e.area_id and e.area.parent_id else None, 22),
        export.Column(_("Unit"), lambda e: e.unit.name, 28),
        export.Column(_("Plan"), lambda e: e.activity.plan.number_symbol or e.activity.plan.title, 24),
        export.Column(_("Activity"), lambda e: f"{e.activity.section_code}. {e.activity.title}", 36),
    ]


def review_columns() -> list[export.Column]:
    """The columns every register's export ends with: its review state and who entered it."""
    return [
        export.Column(_("Status"), lambda e: e.get_status_display(), 14),
        export.Column(_("Sample data"), lambda e: e.is_sample, 10),
        export.Column(_("Note"), lambda e: e.note, 30),
        export.Column(_("Entered by"), lambda e: e.created_by.get_full_name() or e.created_by.username, 20),
        export.Column(_("Entered"), lambda e: e.created_at, 18),
    ]
