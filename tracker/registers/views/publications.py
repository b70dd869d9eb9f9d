"""Publications register: list with filters (incl. duplicates only) and totals, detail with the
duplicate warning, create/edit (warning after saving a duplicate) and the Excel export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_safe

from tracker.models import Publication
from tracker.registers import export
from tracker.registers import publications as register
from tracker.registers.views.common import entry_page, filtered_entries, list_context, require_reader
from tracker.registers.views.one_form import (
    entry_to_edit,
    form_page,
    place_columns,
    require_creator,
    review_columns,
)

FORM_TEMPLATE = "tracker/registers/publications/form.html"


def _filtered(request: HttpRequest):
    return filtered_entries(
        request, Publication, register.PublicationFilterSet, queryset=register.publications_for_list(request.user)
    )


@login_required
@require_safe
def publication_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = _filtered(request)
    context = list_context(request, filterset)
    context["totals"] = register.publication_totals(filterset.qs)
    return render(request, "tracker/registers/publications/list.html", context)


@login_required
@require_safe
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = register.publication_for_detail(request.user, pk)
    return entry_page(
        request,
        entry,
        "tracker/registers/publications/detail.html",
        publication=entry,
        duplicates=register.duplicates_for_detail(request.user, entry),
    )


def _warn_if_duplicate(request: HttpRequest, entry: Publication) -> None:
    """Saved, but flagged: say so at once (seed 004: publications must not be duplicated)."""
    if register.duplicates_of(entry).exists():
        messages.warning(
            request,
            _(
                "This title already appears in another plan or another year: it is flagged as a possible "
                "duplicate. Check the publications listed on its page."
            ),
        )


def _form(request: HttpRequest, entry: Publication) -> HttpResponse:
    return form_page(
        request,
        entry=entry,
        form_class=register.PublicationForm,
        save=register.publication_save,
        template=FORM_TEMPLATE,
        after_save=_warn_if_duplicate,
    )


@login_required
@require_http_methods(["GET", "POST"])
def publication_create(request: HttpRequest) -> HttpResponse:
    require_creator(request)
    return _form(request, Publication())


@login_required
@require_http_methods(["GET", "POST"])
def publication_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _form(request, entry_to_edit(request, Publication, pk))


def export_columns(duplicate_of: dict[int, str]) -> list[export.Column]:
    return [
        export.Column(_("No."), lambda e: e.pk, 8),
        export.Column(_("Title"), lambda e: e.title, 40),
        export.Column(pgettext("medium", "Form"), lambda e: e.get_medium_display(), 12),
        export.Column(_("Publisher"), lambda e: e.publisher, 24),
        export.Column(_("Published on"), lambda e: e.published_on, 14),
        export.Column(_("Copies"), lambda e: e.copies, 10),
        export.Column(_("Language"), lambda e: e.get_language_display(), 14),
        export.Column(_("Distribution"), lambda e: e.distribution, 30),
        export.Column(_("Possible duplicate"), lambda e: e.is_duplicate, 12),
        export.Column(_("Duplicate of"), lambda e: duplicate_of.get(e.pk, ""), 30),
        *place_columns(),
        *review_columns(),
    ]


@login_required
@require_safe
def publication_export(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    rows = list(_filtered(request).qs)
    return export.xlsx_response(
        filename="xuat-ban-pham.xlsx",
        sheet_title=_("Publications"),
        columns=export_columns(register.duplicate_labels(rows)),
        rows=rows,
    )


urlpatterns = [
    path("registers/publications/", publication_list, name="publication_list"),
    path("registers/publications/new/", publication_create, name="publication_create"),
    path("registers/publications/export/", publication_export, name="publication_export"),
    path("registers/publications/<int:pk>/", publication_detail, name="publication_detail"),
    path("registers/publications/<int:pk>/edit/", publication_edit, name="publication_edit"),
]
