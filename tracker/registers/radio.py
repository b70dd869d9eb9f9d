"""The commune radio register: works on commune stations (an entry like any register's) and
the stations themselves, whose state on any date follows from surveys and accepted works.

Forms, filters, the reads of the radio pages, the service that saves a work with its villages
in one transaction, the Excel columns, and seed 004's priority order of communes:

    1. border communes without a station,
    2. other region-III communes without a station,
    3. border communes whose station is to be expanded,
    4. the others.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.core import permissions as tracker_permissions
from tracker.core.classifications import annotate_classification
from tracker.core.forms import set_choices
from tracker.core.permissions import AnyUser
from tracker.core.search import accent_free
from tracker.core.text import vietnamese_sort_key
from tracker.core.widgets import DateInput
from tracker.models import (
    Area,
    ClusterTechnology,
    RadioStation,
    RadioStationState,
    RadioWork,
    RadioWorkVillage,
    RegisterEvidence,
    StationKind,
    User,
)
from tracker.registers import permissions, selectors, services
from tracker.registers.export import Column
from tracker.registers.forms import EntryFilterSet, EntryForm, area_with_parent

IP = ClusterTechnology.IP

# --- Who sees the stations ----------------------------------------------------------------------


def can_keep_stations(user: AnyUser) -> bool:
    """DIC managers create and edit stations and record their surveyed states."""
    return permissions.can_review(user)


def within(commune: Area, area: Area) -> bool:
    """Whether the commune is the area or lies under it (a district or a province)."""
    parent = commune.parent
    return area.pk in (commune.pk, commune.parent_id, parent.parent_id if parent else None)


def _under(areas) -> Q:
    return Q(commune__in=areas) | Q(commune__parent__in=areas) | Q(commune__parent__parent__in=areas)


def stations_for_entry(user: AnyUser) -> QuerySet[RadioStation]:
    """The stations a user may register a work on: every station for a DIC manager; for a unit
    officer, the stations in the areas of their tasks (or below), every station when one of
    their tasks has no area."""
    stations = RadioStation.objects.select_related("commune__parent")
    if tracker_permissions.can_manage_plans(user):
        return tracker_permissions.with_area_in_province(user, stations, "commune")
    tasks = permissions.tasks_to_register_on(user)
    if tasks.filter(area__isnull=True).exists():
        return stations
    return stations.filter(_under(tasks.values("area")))


def latest_state(station: RadioStation) -> RadioStationState | None:
    return station.states.order_by("-effective_on", "-id").first()


def state_values(state: RadioStationState | None) -> dict[str, Any]:
    """The state fields of a state (the defaults, i.e. no station, when nothing is known)."""
    return {
        field: getattr(state, field) if state else RadioWork._meta.get_field(field).default
        for field in RadioWork.STATE_FIELDS
    }


# --- Works: saving ------------------------------------------------------------------------------


@transaction.atomic
def work_save(*, work: RadioWork, villages: Sequence[dict[str, Any]], actor: User) -> RadioWork:
    """Save a work and its villages together. The work counts in the station's commune; on a
    task with an area, the station must be in it; the IP clusters the villages add must show
    in the station's state after the work."""
    station = work.station
    if work.task_id and work.task.area_id and not within(station.commune, work.task.area):
        raise ValidationError(
            {"station": _("The station must be in the area of the task (%(area)s).") % {"area": work.task.area.name}}
        )
    work.area_id = station.commune_id
    before_ip = state_values(latest_state(station))["ip_clusters"] if work._state.adding else work.before_ip_clusters
    added_ip = sum(row["clusters"] for row in villages if row["technology"] == IP)
    needed = before_ip + added_ip
    if added_ip and (work.ip_clusters or 0) < needed:
        raise ValidationError(
            {
                "ip_clusters": _(
                    "The villages add %(added)s IP clusters to the %(before)s the station had, so the station "
                    "has at least %(needed)s IP clusters after the work (not %(after)s)."
                )
                % {"added": added_ip, "before": before_ip, "needed": needed, "after": work.ip_clusters or 0}
            }
        )
    work = services.entry_save(entry=work, actor=actor)
    services.lines_replace(entry=work, model=RadioWorkVillage, parent_field="work", rows=villages, actor=actor)
    return work


# --- Works: reads -------------------------------------------------------------------------------

WORK_RELATED = ("station__commune__parent",)


def works_for_list(user: AnyUser) -> QuerySet[RadioWork]:
    """The works the user sees, newest acceptance first, with what a row shows (1 query)."""
    return (
        selectors.entries_for_list(user, RadioWork)
        .select_related(*WORK_RELATED)
        .annotate(before_total_clusters=F("before_wired_clusters") + F("before_fm_clusters") + F("before_ip_clusters"))
        .order_by(Coalesce("accepted_on", Value(datetime.date(9999, 12, 31))).desc(), "-created_at", "-pk")
    )


def work_totals(queryset: QuerySet[RadioWork]) -> dict[str, int]:
    """Cost and IP clusters after the works, over the filtered list (1 query)."""
    # Counted as the register counts them: a work that leaves fewer IP clusters adds none.
    added = Greatest(F("ip_clusters") - F("before_ip_clusters"), Value(0))
    totals = queryset.order_by().aggregate(cost=Sum("cost"), ip_added=Sum(added))
    return {"cost": totals["cost"] or 0, "ip_added": totals["ip_added"] or 0}


def work_for_detail(user: AnyUser, pk: int) -> RadioWork:
    """One work with its station, villages, evidence and reviewers, or 404 (3 queries)."""
    queryset = (
        selectors.entries_for_list(user, RadioWork)
        .select_related(*WORK_RELATED, "submitted_by", "reviewed_by")
        .prefetch_related(
            "villages", Prefetch("evidence", queryset=RegisterEvidence.objects.select_related("uploaded_by"))
        )
    )
    return get_object_or_404(queryset, pk=pk)


def clusters_by_technology(work: RadioWork) -> list[dict[str, Any]]:
    """The villages' clusters summed per technology (from the prefetched villages)."""
    totals: dict[str, int] = {}
    for village in work.villages.all():
        totals[village.technology] = totals.get(village.technology, 0) + village.clusters
    choices = ClusterTechnology.choices
    return [{"technology": label, "clusters": totals[value]} for value, label in choices if value in totals]


# --- Works: forms -------------------------------------------------------------------------------


def _station_label(station: RadioStation) -> str:
    label = area_with_parent(station.commune)
    return f"{label} – {station.name}" if station.name else label


class StationPickForm(forms.Form):
    """The first step of a new work: which station it is on (then its state is shown)."""

    station = forms.ModelChoiceField(label=gettext_lazy("Commune radio station"), queryset=RadioStation.objects.none())

    def __init__(self, *args, user: AnyUser, **kwargs):
        super().__init__(*args, **kwargs)
        set_choices(self.fields["station"], stations_for_entry(user))
        self.fields["station"].label_from_instance = _station_label


class RadioWorkForm(EntryForm):
    """A work: whose it is, the station (chosen in the first step; fixed once saved), what was
    done and the station as the work leaves it. The commune is the station's."""

    class Meta:
        model = RadioWork
        fields = [
            *EntryForm.COMMON,
            "station",
            "work_type",
            "contractor",
            "cost",
            "started_on",
            "accepted_on",
            "handed_over_on",
            *RadioWork.STATE_FIELDS,  # the station as the work leaves it
            "note",
        ]
        widgets = {
            "started_on": DateInput,
            "accepted_on": DateInput,
            "handed_over_on": DateInput,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user: AnyUser, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        del self.fields["area"]  # the commune follows from the station
        if self.instance.pk:
            del self.fields["station"]  # its before-state was taken from this station
        else:
            station = self.fields["station"]
            station.queryset = stations_for_entry(user)
            station.widget = forms.HiddenInput()
        self.fields["cost"].widget.attrs["min"] = 0
        self.fields["station_kind"].label = _("Station after the work")
        self.fields["accepted_on"].help_text = _(
            "The station's new state counts from this date once the DIC accepts the work; required to submit."
        )

    def clean(self):
        cleaned = super().clean()
        task, station = cleaned.get("task"), cleaned.get("station") or getattr(self.instance, "station", None)
        if task and task.area_id and station and not within(station.commune, task.area):
            self.add_error(
                "task" if "station" not in self.fields else "station",
                _("The station must be in the area of the task (%(area)s).") % {"area": task.area.name},
            )
        return cleaned


class VillageForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    village = forms.CharField(label=gettext_lazy("Village"), max_length=200)
    technology = forms.ChoiceField(label=gettext_lazy("Technology"), choices=ClusterTechnology.choices, initial=IP)
    clusters = forms.IntegerField(label=gettext_lazy("Clusters"), min_value=1, initial=1)


VillageFormSet = forms.formset_factory(VillageForm, extra=3, can_delete=True)


def village_rows(formset) -> list[dict[str, Any]]:
    """The villages to keep, as rows for `lines_replace` (blank and deleted rows left out)."""
    rows = []
    for form in formset.forms:
        if not form.has_changed() or form.cleaned_data.get("DELETE") or not form.cleaned_data.get("village"):
            continue
        row = {key: form.cleaned_data[key] for key in ("village", "technology", "clusters")}
        if form.cleaned_data.get("id"):
            row["id"] = form.cleaned_data["id"]
        rows.append(row)
    return rows


def village_initial(work: RadioWork) -> list[dict[str, Any]]:
    return [
        {"id": v.pk, "village": v.village, "technology": v.technology, "clusters": v.clusters}
        for v in work.villages.all()
    ]


class RadioWorkFilterSet(EntryFilterSet):
    DATE_FIELD = "accepted_on"
    SEARCH_FIELDS = ("station__commune__name", "station__name", "contractor")

    work_type = django_filters.ChoiceFilter(label=gettext_lazy("Work"), choices=RadioWork.WorkType.choices)
    station_kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Station after the work"), field_name="station_kind", choices=StationKind.choices
    )

    class Meta:
        model = RadioWork
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["q"].label = _("Commune or contractor")
        self.filters["date_from"].label = _("Accepted from")
        self.filters["date_to"].label = _("Accepted until")


# --- Stations: reads ----------------------------------------------------------------------------

NO_STATION = Q(state_station_kind=StationKind.NONE) | Q(state_station_kind__isnull=True)


class Priority:
    BORDER_WITHOUT = 1
    REGION_III_WITHOUT = 2
    BORDER_EXPAND = 3
    OTHER = 4

    LABELS = {
        1: gettext_lazy("Border commune without a station"),
        2: gettext_lazy("Region III commune without a station"),
        3: gettext_lazy("Border commune: expand the station"),
        4: gettext_lazy("Other"),
    }


def stations_for_list(on: datetime.date, user: AnyUser) -> QuerySet[RadioStation]:
    """Every station the user sees (`stations_visible`) with its state on `on` and its priority
    (seed 004), with the commune and district a row shows (1 query)."""
    stations = selectors.stations_on(on, stations_visible(user).select_related("commune__parent"))
    # The commune's classification in force on `on` (a 2023 list keeps the 2021–2025 one).
    stations = annotate_classification(stations, on, path="commune", prefix="commune_")
    return stations.annotate(
        priority=Case(
            When(Q(commune_is_border=True) & NO_STATION, then=Value(Priority.BORDER_WITHOUT)),
            When(Q(commune_region=Area.Region.III) & NO_STATION, then=Value(Priority.REGION_III_WITHOUT)),
            When(commune_is_border=True, then=Value(Priority.BORDER_EXPAND)),
            default=Value(Priority.OTHER),
            output_field=IntegerField(),
        )
    )


def station_sort_key(station: RadioStation, *, by_priority: bool) -> tuple:
    district = station.commune.parent.name if station.commune.parent_id else ""
    place = (vietnamese_sort_key(district), vietnamese_sort_key(station.commune.name), station.pk)
    return (station.priority, *place) if by_priority else place


def stations_visible(user: AnyUser) -> QuerySet[RadioStation]:
    """Every station of the reader's province (a station is its commune's); none for the CMS roles."""
    if not permissions.can_see_registers(user):
        return RadioStation.objects.none()
    return tracker_permissions.with_area_in_province(user, RadioStation.objects.all(), "commune")


def station_timeline(station: RadioStation, user: AnyUser) -> list[dict[str, Any]]:
    """The station's states, oldest first: each survey or accepted work with its date; a work
    links to its page when the user may see it (2 queries)."""
    states = list(station.states.select_related("work").order_by("effective_on", "id"))
    work_ids = [state.work_id for state in states if state.work_id]
    visible = set(
        permissions.entries_visible_to(user, RadioWork.objects.filter(pk__in=work_ids)).values_list("pk", flat=True)
    )
    return [{"state": state, "work_visible": state.work_id in visible} for state in states]


def station_works(station: RadioStation, user: AnyUser) -> list[RadioWork]:
    """The station's works the user sees (1 query)."""
    return list(
        permissions.entries_visible_to(user, station.works.select_related("unit", "activity__plan")).order_by(
            "-accepted_on", "-pk"
        )
    )


class OnDateForm(forms.Form):
    on = forms.DateField(label=gettext_lazy("State on"), required=False, widget=DateInput)


def date_asked(data, today: datetime.date) -> datetime.date:
    """The date the user asked for (dd/mm/yyyy), or today."""
    form = OnDateForm(data)
    return (form.cleaned_data.get("on") if form.is_valid() else None) or today


class RadioStationFilterSet(django_filters.FilterSet):
    """Filters of the station list; the state filters apply to the state on the chosen date
    (`on`, read by the view before the queryset is built)."""

    ORDER_CHOICES = (("place", gettext_lazy("District and commune")), ("priority", gettext_lazy("Priority (seed 004)")))

    on = django_filters.DateFilter(label=gettext_lazy("State on"), method="keep", widget=DateInput)
    q = django_filters.CharFilter(label=gettext_lazy("Commune"), method="filter_search")
    district = django_filters.ModelChoiceFilter(
        label=gettext_lazy("District"), field_name="commune__parent", queryset=Area.objects.none()
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Station"), field_name="state_station_kind", choices=StationKind.choices
    )
    has_station = django_filters.BooleanFilter(label=gettext_lazy("Has a station"), method="filter_has_station")
    working = django_filters.BooleanFilter(label=gettext_lazy("Working"), field_name="state_is_working")
    connected = django_filters.BooleanFilter(label=gettext_lazy("Connected"), field_name="state_is_connected")
    technology = django_filters.ChoiceFilter(
        label=gettext_lazy("Has clusters of"), choices=ClusterTechnology.choices, method="filter_technology"
    )
    border = django_filters.BooleanFilter(label=gettext_lazy("Border commune"), field_name="commune_is_border")
    region = django_filters.ChoiceFilter(
        label=gettext_lazy("Region"), field_name="commune_region", choices=Area.Region.choices[1:]
    )
    order = django_filters.ChoiceFilter(
        label=gettext_lazy("Order"), choices=ORDER_CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = RadioStation
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        district = self.filters["district"].field
        districts = Area.objects.filter(level=Area.Level.DISTRICT, children__radio_station__isnull=False)
        set_choices(district, districts.distinct())

    def keep(self, queryset, name, value):
        return queryset

    def filter_search(self, queryset, name, value):
        return queryset.filter(accent_free(("commune__name", "name"), value))

    def filter_has_station(self, queryset, name, value):
        return queryset.exclude(NO_STATION) if value else queryset.filter(NO_STATION)

    def filter_technology(self, queryset, name, value):
        return queryset.filter(**{f"state_{value}_clusters__gt": 0})

    @property
    def by_priority(self) -> bool:
        return self.form.is_valid() and self.form.cleaned_data.get("order") == "priority"


def station_rows(filterset: RadioStationFilterSet) -> list[RadioStation]:
    """The filtered stations in the order asked (Vietnamese order of district and commune,
    or priority first), sorted here because the database cannot sort Vietnamese (1 query)."""
    by_priority = filterset.by_priority
    return sorted(filterset.qs, key=lambda station: station_sort_key(station, by_priority=by_priority))


# --- Stations: forms ----------------------------------------------------------------------------


class RadioStationForm(forms.ModelForm):
    class Meta:
        model = RadioStation
        fields = ["commune", "name", "is_sample"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        communes = Area.objects.filter(level=Area.Level.COMMUNE).select_related("parent")
        # A commune has one station: offer the communes without one (and this station's).
        communes = communes.filter(Q(radio_station__isnull=True) | Q(radio_station=self.instance.pk or 0))
        set_choices(self.fields["commune"], communes)
        self.fields["commune"].label_from_instance = area_with_parent


class RadioStationStateForm(forms.ModelForm):
    class Meta:
        model = RadioStationState
        fields = ["effective_on", *RadioStationState.STATE_FIELDS, "source_note"]
        widgets = {"effective_on": DateInput}


# --- Excel columns ------------------------------------------------------------------------------


def _district(area: Area | None) -> str:
    return area.parent.name if area and area.parent_id else ""


def _villages_text(work: RadioWork) -> str:
    return "; ".join(f"{v.village}: {v.clusters} {ClusterTechnology(v.technology).label}" for v in work.villages.all())


def work_columns() -> list[Column]:
    def kind(value):
        return str(StationKind(value).label) if value else ""

    return [
        Column(_("No."), lambda w: w.pk, 8),
        Column(_("Commune"), lambda w: w.station.commune.name, 22),
        Column(_("District"), lambda w: _district(w.station.commune), 20),
        Column(_("Work"), lambda w: w.get_work_type_display(), 28),
        Column(_("Station before"), lambda w: kind(w.before_kind), 20),
        Column(_("Working before"), lambda w: w.before_is_working, 10),
        Column(_("Connected before"), lambda w: w.before_is_connected, 10),
        Column(_("Wired clusters before"), lambda w: w.before_wired_clusters, 10),
        Column(_("FM clusters before"), lambda w: w.before_fm_clusters, 10),
        Column(_("IP clusters before"), lambda w: w.before_ip_clusters, 10),
        Column(_("Station after"), lambda w: kind(w.station_kind), 20),
        Column(_("Working after"), lambda w: w.is_working, 10),
        Column(_("Connected after"), lambda w: w.is_connected, 10),
        Column(_("Wired clusters after"), lambda w: w.wired_clusters, 10),
        Column(_("FM clusters after"), lambda w: w.fm_clusters, 10),
        Column(_("IP clusters after"), lambda w: w.ip_clusters, 10),
        Column(_("IP clusters added"), lambda w: w.measure_quantity("radio.ip_clusters"), 10),
        Column(_("Villages"), _villages_text, 40),
        Column(_("Contractor"), lambda w: w.contractor, 28),
        Column(_("Cost (VND)"), lambda w: w.cost, 16),
        Column(_("Started on"), lambda w: w.started_on, 12),
        Column(_("Accepted on"), lambda w: w.accepted_on, 12),
        Column(_("Handed over on"), lambda w: w.handed_over_on, 12),
        Column(_("Plan"), lambda w: w.activity.plan.number_symbol or w.activity.plan.title, 24),
        Column(_("Activity"), lambda w: f"{w.activity.section_code} {w.activity.title}", 36),
        Column(_("Unit"), lambda w: w.unit.name, 28),
        Column(_("Status"), lambda w: w.get_status_display(), 14),
        Column(_("Sample data"), lambda w: w.is_sample, 10),
        Column(_("Note"), lambda w: w.note, 30),
    ]


def station_columns() -> list[Column]:
    def kind(value):
        return str(StationKind(value).label) if value else _("Not known")

    return [
        Column(_("Commune"), lambda s: s.commune.name, 22),
        Column(_("District"), lambda s: _district(s.commune), 20),
        Column(_("Station name"), lambda s: s.name, 24),
        Column(_("Border commune"), lambda s: s.commune_is_border, 10),
        Column(_("Region"), lambda s: str(Area.Region(s.commune_region).label) if s.commune_region else "", 12),
        Column(_("Station"), lambda s: kind(s.state_station_kind), 24),
        Column(_("Working"), lambda s: bool(s.state_is_working), 10),
        Column(_("Connected"), lambda s: bool(s.state_is_connected), 10),
        Column(_("Wired clusters"), lambda s: s.state_wired_clusters or 0, 10),
        Column(_("FM clusters"), lambda s: s.state_fm_clusters or 0, 10),
        Column(_("IP clusters"), lambda s: s.state_ip_clusters or 0, 10),
        Column(_("State as of"), lambda s: s.state_as_of, 12),
        Column(_("Priority"), lambda s: str(Priority.LABELS[s.priority]), 30),
        Column(_("Sample data"), lambda s: s.is_sample, 10),
    ]
