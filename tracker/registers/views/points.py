"""Public information points register: list with filters and totals, detail, create/edit and
the Excel export of the filtered list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tracker.core.classifications import NONE, classifications_on
from tracker.models import InfoPoint
from tracker.registers import export, selectors
from tracker.registers.points import (
    InfoPointFilterSet,
    InfoPointForm,
    info_point_save,
    info_point_totals,
    points_for_list,
)
from tracker.registers.views.common import entry_page, filtered_entries, list_context, require_reader
from tracker.registers.views.one_form import (
    entry_to_edit,
    form_page,
    place_columns,
    require_creator,
    review_columns,
)

FORM_TEMPLATE = "tracker/registers/points/form.html"


@login_required
@require_safe
def info_point_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = filtered_entries(request, InfoPoint, InfoPointFilterSet, points_for_list(request.user))
    context = list_context(request, filterset)
    context["totals"] = info_point_totals(filterset.qs)
    return render(request, "tracker/registers/points/list.html", context)


@login_required
@require_safe
def info_point_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_for_detail(request.user, InfoPoint, pk)
    # The commune's classification on the day the point opened.
    classification = classifications_on([entry.area_id], entry.opened_on).get(entry.area_id, NONE)
    return entry_page(
        request, entry, "tracker/registers/points/detail.html", point=entry, classification=classification
    )


@login_required
@require_http_methods(["GET", "POST"])
def info_point_create(request: HttpRequest) -> HttpResponse:
    require_creator(request)
    return form_page(request, entry=InfoPoint(), form_class=InfoPointForm, save=info_point_save, template=FORM_TEMPLATE)


@login_required
@require_http_methods(["GET", "POST"])
def info_point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = entry_to_edit(request, InfoPoint, pk)
    return form_page(request, entry=entry, form_class=InfoPointForm, save=info_point_save, template=FORM_TEMPLATE)


def export_columns() -> list[export.Column]:
    return [
        export.Column(_("No."), lambda e: e.pk, 8),
        export.Column(_("Postal point"), lambda e: e.name, 36),
        *place_columns()[:2],
        export.Column(_("ĐBKK commune"), lambda e: bool(e.area_is_extremely_difficult), 12),
        export.Column(_("Opened on"), lambda e: e.opened_on, 14),
        export.Column(_("People served per month"), lambda e: e.people_served_per_month, 14),
        export.Column(_("Services offered"), lambda e: e.services, 36),
        export.Column(_("Equipment"), lambda e: e.equipment, 36),
        *place_columns()[2:],
        *review_columns(),
    ]


@login_required
@require_safe
def info_point_export(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = filtered_entries(request, InfoPoint, InfoPointFilterSet, points_for_list(request.user))
    return export.xlsx_response(
        filename="diem-thong-tin-cong-cong.xlsx",
        sheet_title=_("Information points"),
        columns=export_columns(),
        rows=filterset.qs,
    )


urlpatterns = [
    path("registers/information-points/", info_point_list, name="info_point_list"),
    path("registers/information-points/new/", info_point_create, name="info_point_create"),
    path("registers/information-points/export/", info_point_export, name="info_point_export"),
    path("registers/information-points/<int:pk>/", info_point_detail, name="info_point_detail"),
    path("registers/information-points/<int:pk>/edit/", info_point_edit, name="info_point_edit"),
]
