"""Reads of the registers, named after what they serve, and the figures computed from them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import translation

from tracker.core.numbers import percent
from tracker.core.permissions import AnyUser
from tracker.models import (
    Area,
    InfoPoint,
    MediaProduct,
    Publication,
    RadioStation,
    RadioStationState,
    RadioWork,
    RegisterEntry,
    RegisterEvidence,
    SmartphoneHandover,
    TrainingCourse,
)
from tracker.registers import permissions

ENTRY_RELATED = ("activity__plan", "task", "unit", "area__parent", "created_by")


def entries_for_list(user: AnyUser, model: type[RegisterEntry]) -> QuerySet:
    """The register's entries the user may see, with what a list row shows (no per-row query)."""
    return permissions.entries_visible_to(user, model.objects.select_related(*ENTRY_RELATED))


def entry_for_detail(user: AnyUser, model: type[RegisterEntry], pk: int) -> RegisterEntry:
    """One entry with its evidence and reviewers, or 404 when the user may not see it."""
    queryset = entries_for_list(user, model).select_related("submitted_by", "reviewed_by")
    queryset = queryset.prefetch_related(
        Prefetch("evidence", queryset=RegisterEvidence.objects.select_related("uploaded_by"))
    )
    return get_object_or_404(queryset, pk=pk)


def entry_any_for_user(user: AnyUser, pk: int) -> RegisterEntry:
    """The common part of any entry the user may see (to dispatch to its register), or 404."""
    return get_object_or_404(permissions.entries_visible_to(user, RegisterEntry.objects.all()), pk=pk)


def review_queue(user: AnyUser) -> QuerySet[RegisterEntry]:
    """Submitted entries of every register of the manager's province, oldest first (one query,
    or a count and a page when paginated)."""
    submitted = RegisterEntry.objects.filter(status=RegisterEntry.Status.SUBMITTED)
    return (
        permissions.entries_visible_to(user, submitted)
        .select_related(*ENTRY_RELATED, "submitted_by")
        .order_by("submitted_at", "pk")
    )


# --- Commune radio stations on a date ---------------------------------------------------------


def stations_on(on: datetime.date, queryset: QuerySet[RadioStation] | None = None) -> QuerySet[RadioStation]:
    """Stations annotated with their state on `on` (`state_<field>`, `state_as_of`): the latest
    survey or accepted work on or before that date; None where nothing is known yet."""
    queryset = RadioStation.objects.all() if queryset is None else queryset
    latest = RadioStationState.objects.filter(station=OuterRef("pk"), effective_on__lte=on).order_by(
        "-effective_on", "-id"
    )
    return queryset.annotate(
        state_as_of=Subquery(latest.values("effective_on")[:1]),
        **{f"state_{field}": Subquery(latest.values(field)[:1]) for field in RadioStationState.STATE_FIELDS},
    )


@dataclass(frozen=True)
class RadioFigures:
    on: datetime.date
    communes: int  # communes with a station record (surveyed or worked on)
    with_station: int
    working: int
    connected: int
    wired_clusters: int
    fm_clusters: int
    ip_clusters: int

    @property
    def clusters(self) -> int:
        return self.wired_clusters + self.fm_clusters + self.ip_clusters

    @property
    def ip_share_percent(self) -> int | None:
        """The share of IP clusters among all clusters, in whole per cent (None: no clusters)."""
        return percent(self.ip_clusters, self.clusters)


def radio_figures(
    on: datetime.date, area: Area | None = None, stations: QuerySet[RadioStation] | None = None
) -> RadioFigures:
    """Communes with a (working, connected) station and clusters by technology on a date, in
    the province (of `stations`, the reader's) or under one area (1 query)."""
    stations = RadioStation.objects.all() if stations is None else stations
    if area is not None:
        stations = stations.filter(Q(commune=area) | Q(commune__parent=area) | Q(commune__parent__parent=area))
    rows = list(stations_on(on, stations).values(*(f"state_{f}" for f in RadioStationState.STATE_FIELDS)))
    known = [row for row in rows if row["state_station_kind"] is not None]
    return RadioFigures(
        on=on,
        communes=len(known),
        with_station=sum(row["state_station_kind"] != "none" for row in known),
        working=sum(bool(row["state_is_working"]) for row in known),
        connected=sum(bool(row["state_is_connected"]) for row in known),
        wired_clusters=sum(row["state_wired_clusters"] or 0 for row in known),
        fm_clusters=sum(row["state_fm_clusters"] or 0 for row in known),
        ip_clusters=sum(row["state_ip_clusters"] or 0 for row in known),
    )


# --- What the official reports list ------------------------------------------------------------

# Each register's own date, the one its records count on (`achieved_on()`).
REPORT_DATE_FIELD = {
    RadioWork: "accepted_on",
    TrainingCourse: "end_date",
    MediaProduct: "published_on",
    InfoPoint: "opened_on",
    Publication: "published_on",
    SmartphoneHandover: "handed_over_on",
}


def _detail(entry: RegisterEntry) -> str:
    """One line on what the entry is, in the report's Vietnamese."""
    if isinstance(entry, RadioWork):
        return (
            f"{entry.get_work_type_display()}; cụm loa CNTT-VT {entry.before_ip_clusters} → {entry.ip_clusters}"
            f"{'; đang hoạt động' if entry.is_working else ''}"
        )
    if isinstance(entry, TrainingCourse):
        return f"{entry.trainees_total} học viên (nữ {entry.trainees_female}, DTTS {entry.trainees_ethnic_minority})"
    if isinstance(entry, MediaProduct):
        return f"{entry.get_product_kind_display()}; {entry.get_channel_display()}"
    if isinstance(entry, InfoPoint):
        served = entry.people_served_per_month
        return f"{served} lượt người/tháng" if served is not None else ""
    if isinstance(entry, Publication):
        return f"{entry.get_medium_display()}" + (f"; {entry.copies} bản" if entry.copies else "")
    if isinstance(entry, SmartphoneHandover):
        return f"{entry.phones} máy; {entry.get_priority_class_display()}; {entry.get_source_display()}"
    return ""


def accepted_entries_for_report(plan_ids: list[int], start: datetime.date, end: datetime.date) -> list[dict]:
    """The accepted register entries of these plans dated in the period, as the rows of a
    report's appendix, in the plans' section order (one query per register). In Vietnamese
    whoever asks: it is an official document."""
    with translation.override("vi"):
        return _entries_for_report(plan_ids, start, end)


def _entries_for_report(plan_ids: list[int], start: datetime.date, end: datetime.date) -> list[dict]:
    rows = []
    for model, date_field in REPORT_DATE_FIELD.items():
        entries = model.objects.filter(
            activity__plan__in=plan_ids,
            status=RegisterEntry.Status.ACCEPTED,
            **{f"{date_field}__gte": start, f"{date_field}__lte": end},
        ).select_related("activity", "unit", "area")
        for entry in entries:
            day = entry.achieved_on()
            rows.append(
                {
                    "order": (entry.activity.plan_id, entry.activity.order, entry.activity.section_code, day, entry.pk),
                    "code": entry.activity.section_code,
                    "register": str(model._meta.verbose_name).capitalize(),
                    "title": entry.record_title(),
                    "detail": _detail(entry),
                    "area": entry.area.name if entry.area_id else "",
                    "unit": entry.unit.name,
                    "date": f"{day:%d/%m/%Y}",
                    "is_sample": entry.is_sample,
                }
            )
    rows.sort(key=lambda row: row.pop("order"))
    return rows
