"""The commune radio register's pages: works on commune stations (list, detail, new work in two
steps — the station, then the work with the station's state before it —, edit, Excel) and the
stations with their state on a chosen date (list with the province's figures and seed 004's
priority order, detail with the state timeline, forms for the DIC, Excel).

Thin views: the permission-filtered read (404 when the user may not see the object), the form,
the service, a redirect with a message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tracker.core.classifications import NONE, classifications_on
from tracker.core.forms import add_service_error
from tracker.models import RadioStation, RadioStationState, RadioWork
from tracker.registers import permissions, radio, selectors, services
from tracker.registers.export import xlsx_response
from tracker.registers.views.common import entry_page, filtered_entries, list_context, require_reader

# --- Works ------------------------------------------------------------------------------------


def _work_filter(request: HttpRequest):
    return filtered_entries(request, RadioWork, radio.RadioWorkFilterSet, queryset=radio.works_for_list(request.user))


@login_required
@require_safe
def work_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = _work_filter(request)
    context = list_context(request, filterset)
    context["totals"] = radio.work_totals(filterset.qs)
    return render(request, "tracker/registers/radio/work_list.html", context)


@login_required
@require_safe
def work_export(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = _work_filter(request)
    rows = filterset.qs.select_related("unit", "activity__plan").prefetch_related("villages")
    return xlsx_response(
        filename="dai-truyen-thanh-cong-trinh.xlsx",
        sheet_title=_("Commune radio works"),
        columns=radio.work_columns(),
        rows=rows,
    )


@login_required
@require_safe
def work_detail(request: HttpRequest, pk: int) -> HttpResponse:
    work = radio.work_for_detail(request.user, pk)
    return entry_page(
        request,
        work,
        "tracker/registers/radio/work_detail.html",
        work=work,
        villages=list(work.villages.all()),
        clusters_by_technology=radio.clusters_by_technology(work),
        state_fields=_state_pairs(work),
    )


def _state_pairs(work: RadioWork) -> list[dict]:
    """The station before and after the work, field by field, for the side-by-side table."""
    kind = dict(RadioWork._meta.get_field("station_kind").choices)
    return [
        {"label": _("Station"), "before": kind.get(work.before_kind), "after": kind.get(work.station_kind)},
        {"label": _("Working"), "before": work.before_is_working, "after": work.is_working, "boolean": True},
        {"label": _("Connected"), "before": work.before_is_connected, "after": work.is_connected, "boolean": True},
        {"label": _("Wired clusters"), "before": work.before_wired_clusters, "after": work.wired_clusters},
        {"label": _("FM clusters"), "before": work.before_fm_clusters, "after": work.fm_clusters},
        {"label": _("IP clusters"), "before": work.before_ip_clusters, "after": work.ip_clusters},
    ]


def _save_work(request: HttpRequest, form, villages, is_new: bool):
    """Validate the work and its villages and save both through the service; the response, or
    None when the form is shown again with its errors."""
    if not (form.is_valid() and villages.is_valid()):
        return None
    work = form.save(commit=False)
    try:
        work = radio.work_save(work=work, villages=radio.village_rows(villages), actor=request.user)
    except ValidationError as error:
        if is_new:  # the rolled-back save may have numbered the unsaved object
            work.pk = work.id = work.registerentry_ptr_id = None
            work._state.adding = True
        add_service_error(form, error)
        return None
    messages.success(request, _("The work was saved.") if not is_new else _("The work was registered as a draft."))
    return redirect("tracker:radio_work_detail", work.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def work_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    pick = radio.StationPickForm({"station": source.get("station")}, user=request.user)
    if not source.get("station") or not pick.is_valid():
        # Step 1: which station; its state before the work is shown in step 2.
        return render(
            request,
            "tracker/registers/radio/work_pick.html",
            {"pick": radio.StationPickForm(user=request.user) if not source.get("station") else pick},
        )
    station = pick.cleaned_data["station"]
    before = radio.state_values(radio.latest_state(station))
    if request.method == "POST":
        form = radio.RadioWorkForm(request.POST, user=request.user, instance=RadioWork(station=station))
        villages = radio.VillageFormSet(request.POST, prefix="villages")
        response = _save_work(request, form, villages, is_new=True)
        if response:
            return response
    else:
        # The station as it is, to change where the work changed it.
        initial = {"station": station.pk, **before}
        form = radio.RadioWorkForm(user=request.user, initial=initial)
        villages = radio.VillageFormSet(prefix="villages")
    return render(
        request,
        "tracker/registers/radio/work_form.html",
        {"form": form, "villages": villages, "station": station, "before": before, "is_new": True},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def work_edit(request: HttpRequest, pk: int) -> HttpResponse:
    work = radio.work_for_detail(request.user, pk)
    if not permissions.can_edit(request.user, work):
        raise PermissionDenied
    before = {
        "station_kind": work.before_kind,
        **{field: getattr(work, f"before_{field}") for field in RadioWork.STATE_FIELDS if field != "station_kind"},
    }
    if request.method == "POST":
        form = radio.RadioWorkForm(request.POST, user=request.user, instance=work)
        villages = radio.VillageFormSet(request.POST, prefix="villages")
        response = _save_work(request, form, villages, is_new=False)
        if response:
            return response
    else:
        form = radio.RadioWorkForm(user=request.user, instance=work)
        villages = radio.VillageFormSet(prefix="villages", initial=radio.village_initial(work))
    return render(
        request,
        "tracker/registers/radio/work_form.html",
        {"form": form, "villages": villages, "station": work.station, "before": before, "work": work, "is_new": False},
    )


# --- Stations ---------------------------------------------------------------------------------


def _station_filter(request: HttpRequest):
    on = radio.date_asked(request.GET, timezone.localdate())
    filterset = radio.RadioStationFilterSet(request.GET or None, queryset=radio.stations_for_list(on, request.user))
    return on, filterset


@login_required
@require_safe
def station_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    on, filterset = _station_filter(request)
    rows = radio.station_rows(filterset)
    district = filterset.form.cleaned_data.get("district") if filterset.form.is_valid() else None
    query = request.GET.copy()
    query.pop("page", None)
    base = query.copy()
    for name in ("working", "connected", "has_station", "technology", "kind", "page"):
        base.pop(name, None)
    base["on"] = on.strftime("%d/%m/%Y")
    context = {
        "filter": filterset,
        "on": on,
        "page_obj": Paginator(rows, 100).get_page(request.GET.get("page")),
        "query": query.urlencode(),
        "figure_query": base.urlencode(),
        "figures": selectors.radio_figures(on, area=district, stations=radio.stations_visible(request.user)),
        "district": district,
        "by_priority": filterset.by_priority,
        "priority_labels": radio.Priority.LABELS,
        "can_keep": radio.can_keep_stations(request.user),
    }
    return render(request, "tracker/registers/radio/station_list.html", context)


@login_required
@require_safe
def station_export(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    on, filterset = _station_filter(request)
    return xlsx_response(
        filename=f"dai-truyen-thanh-xa-{on:%Y-%m-%d}.xlsx",
        sheet_title=_("Stations on %(date)s") % {"date": on.strftime("%d-%m-%Y")},
        columns=radio.station_columns(),
        rows=radio.station_rows(filterset),
    )


def _station_or_404(request: HttpRequest, pk: int) -> RadioStation:
    return get_object_or_404(radio.stations_visible(request.user).select_related("commune__parent"), pk=pk)


@login_required
@require_safe
def station_detail(request: HttpRequest, pk: int) -> HttpResponse:
    station = _station_or_404(request, pk)
    today = timezone.localdate()
    current = selectors.stations_on(today, RadioStation.objects.filter(pk=station.pk)).get()
    context = {
        "station": station,
        "current": current,
        # The commune's classification in force today (border commune, region).
        "classification": classifications_on([station.commune_id], today).get(station.commune_id, NONE),
        "today": today,
        "timeline": radio.station_timeline(station, request.user),
        "works": radio.station_works(station, request.user),
        "can_keep": radio.can_keep_stations(request.user),
        "can_create_work": permissions.can_create(request.user),
    }
    return render(request, "tracker/registers/radio/station_detail.html", context)


def _require_keeper(request: HttpRequest) -> None:
    if not radio.can_keep_stations(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def station_create(request: HttpRequest) -> HttpResponse:
    _require_keeper(request)
    return _station_form(request, RadioStation(), is_new=True)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def station_edit(request: HttpRequest, pk: int) -> HttpResponse:
    station = _station_or_404(request, pk)
    _require_keeper(request)
    return _station_form(request, station, is_new=False)


def _station_form(request: HttpRequest, station: RadioStation, *, is_new: bool) -> HttpResponse:
    form = radio.RadioStationForm(request.POST or None, instance=station)
    if request.method == "POST" and form.is_valid():
        try:
            station = services.station_save(station=form.save(commit=False), actor=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The station was saved."))
            return redirect("tracker:radio_station_detail", station.pk)
    return render(
        request, "tracker/registers/radio/station_form.html", {"form": form, "station": station, "is_new": is_new}
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def station_state_create(request: HttpRequest, pk: int) -> HttpResponse:
    station = _station_or_404(request, pk)
    _require_keeper(request)
    state = RadioStationState(station=station)
    initial = radio.state_values(radio.latest_state(station))
    form = radio.RadioStationStateForm(request.POST or None, instance=state, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.station_state_record(state=form.save(commit=False), actor=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The surveyed state was recorded."))
            return redirect("tracker:radio_station_detail", station.pk)
    return render(request, "tracker/registers/radio/station_state_form.html", {"form": form, "station": station})


urlpatterns = [
    path("registers/radio-works/", work_list, name="radio_work_list"),
    path("registers/radio-works/new/", work_create, name="radio_work_create"),
    path("registers/radio-works/export/", work_export, name="radio_work_export"),
    path("registers/radio-works/<int:pk>/", work_detail, name="radio_work_detail"),
    path("registers/radio-works/<int:pk>/edit/", work_edit, name="radio_work_edit"),
    path("registers/radio-stations/", station_list, name="radio_station_list"),
    path("registers/radio-stations/new/", station_create, name="radio_station_create"),
    path("registers/radio-stations/export/", station_export, name="radio_station_export"),
    path("registers/radio-stations/<int:pk>/", station_detail, name="radio_station_detail"),
    path("registers/radio-stations/<int:pk>/edit/", station_edit, name="radio_station_edit"),
    path("registers/radio-stations/<int:pk>/states/new/", station_state_create, name="radio_station_state_create"),
]
