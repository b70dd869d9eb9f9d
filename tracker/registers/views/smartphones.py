"""Smartphone handovers register: list with filters and totals by source and priority class,
detail (with the donations passed on for it, from budgets), create/edit and the Excel export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tracker.models import SmartphoneHandover
from tracker.registers import export, selectors
from tracker.registers import smartphones as register
from tracker.registers.views.common import entry_page, filtered_entries, list_context, require_reader
from tracker.registers.views.one_form import (
    entry_to_edit,
    form_page,
    place_columns,
    require_creator,
    review_columns,
)

FORM_TEMPLATE = "tracker/registers/smartphones/form.html"


@login_required
@require_safe
def smartphone_handover_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = filtered_entries(request, SmartphoneHandover, register.SmartphoneHandoverFilterSet)
    context = list_context(request, filterset)
    context["totals"] = register.handover_totals(filterset.qs)
    return render(request, "tracker/registers/smartphones/list.html", context)


@login_required
@require_safe
def smartphone_handover_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_for_detail(request.user, SmartphoneHandover, pk)
    return entry_page(request, entry, "tracker/registers/smartphones/detail.html", handover=entry)


def _form(request: HttpRequest, entry: SmartphoneHandover) -> HttpResponse:
    return form_page(
        request,
        entry=entry,
        form_class=register.SmartphoneHandoverForm,
        save=register.handover_save,
        template=FORM_TEMPLATE,
    )


@login_required
@require_http_methods(["GET", "POST"])
def smartphone_handover_create(request: HttpRequest) -> HttpResponse:
    require_creator(request)
    return _form(request, SmartphoneHandover())


@login_required
@require_http_methods(["GET", "POST"])
def smartphone_handover_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _form(request, entry_to_edit(request, SmartphoneHandover, pk))


def export_columns() -> list[export.Column]:
    return [
        export.Column(_("No."), lambda e: e.pk, 8),
        *place_columns()[:2],
        export.Column(_("Priority class"), lambda e: e.get_priority_class_display(), 36),
        export.Column(_("Source"), lambda e: e.get_source_display(), 28),
        export.Column(_("Phones"), lambda e: e.phones, 10),
        export.Column(_("Households"), lambda e: e.households, 10),
        export.Column(_("Handed over on"), lambda e: e.handed_over_on, 14),
        *place_columns()[2:],
        *review_columns(),
    ]


@login_required
@require_safe
def smartphone_handover_export(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = filtered_entries(request, SmartphoneHandover, register.SmartphoneHandoverFilterSet)
    return export.xlsx_response(
        filename="dien-thoai-thong-minh.xlsx",
        sheet_title=_("Smartphones"),
        columns=export_columns(),
        rows=filterset.qs,
    )


urlpatterns = [
    path("registers/smartphones/", smartphone_handover_list, name="smartphone_handover_list"),
    path("registers/smartphones/new/", smartphone_handover_create, name="smartphone_handover_create"),
    path("registers/smartphones/export/", smartphone_handover_export, name="smartphone_handover_export"),
    path("registers/smartphones/<int:pk>/", smartphone_handover_detail, name="smartphone_handover_detail"),
    path("registers/smartphones/<int:pk>/edit/", smartphone_handover_edit, name="smartphone_handover_edit"),
]
