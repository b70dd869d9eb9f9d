"""Reads of the registers, named after what they serve, and the figures computed from them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from tracker.models import (
    Area,
    RadioStation,
    RadioStationState,
    RegisterEntry,
    RegisterEvidence,
)
from tracker.permissions import AnyUser
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


def review_queue() -> list[RegisterEntry]:
    """Submitted entries of every register, oldest first (1 query)."""
    return list(
        RegisterEntry.objects.filter(status=RegisterEntry.Status.SUBMITTED)
        .select_related(*ENTRY_RELATED, "submitted_by")
        .order_by("submitted_at", "pk")
    )


# --- Commune radio stations on a date ---------------------------------------------------------

STATE_ANNOTATIONS = ("station_kind", "is_working", "is_connected", "wired_clusters", "fm_clusters", "ip_clusters")


def stations_on(on: datetime.date, queryset: QuerySet[RadioStation] | None = None) -> QuerySet[RadioStation]:
    """Stations annotated with their state on `on` (`state_<field>`, `state_as_of`): the latest
    survey or accepted work on or before that date; None where nothing is known yet."""
    queryset = RadioStation.objects.all() if queryset is None else queryset
    latest = RadioStationState.objects.filter(station=OuterRef("pk"), effective_on__lte=on).order_by(
        "-effective_on", "-id"
    )
    return queryset.annotate(
        state_as_of=Subquery(latest.values("effective_on")[:1]),
        **{f"state_{field}": Subquery(latest.values(field)[:1]) for field in STATE_ANNOTATIONS},
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
        return round(100 * self.ip_clusters / self.clusters) if self.clusters else None


def radio_figures(on: datetime.date, area: Area | None = None) -> RadioFigures:
    """Communes with a (working, connected) station and clusters by technology on a date, in
    the province or under one area (1 query)."""
    stations = RadioStation.objects.all()
    if area is not None:
        stations = stations.filter(
            Q(commune=area) | Q(commune__parent=area) | Q(commune__parent__parent=area)
        )
    rows = list(stations_on(on, stations).values(*(f"state_{f}" for f in STATE_ANNOTATIONS)))
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
