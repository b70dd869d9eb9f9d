"""The commune radio register: works are entries (the rights of the task they belong to: unit A's
draft work on task_a is seen by province-wide readers and officer A, 404 for officer B and the
CMS editor; officer A and DIC managers edit it); stations are seen by every user with a unit or
a province-wide role (403 on the pages without an object, 404 on a station for the CMS
editor), and only DIC managers keep them.

The work POSTs register a work on the station of unit A's commune: officer B's form refuses a
station outside the areas of their tasks (200, nothing written).
"""

import datetime

from django.urls import reverse

from tests import factories
from tests.permission_tables import Entry, answers
from tracker.models import RadioStation, RadioStationState, RadioWork
from tracker.registers import services

READERS = answers(editor=403, others=200)  # lists and exports
ENTRY_READERS = answers(manager=200, finance=200, monitor=200, officer_a=200, others=404)
KEEPERS = answers(manager=200, editor=403, others=403)
KEEPERS_POST = answers(manager=302, editor=403, others=403)
ON_STATION = answers(manager=200, editor=404, others=403)
ON_STATION_POST = answers(manager=302, editor=404, others=403)
NO_POST = answers(others=405)


def _station(world) -> RadioStation:
    """The station of unit A's commune, surveyed in 2023 (made once per world)."""
    if not hasattr(world, "radio_station"):
        world.radio_station = RadioStation.objects.create(commune=world.area, name="Đài truyền thanh xã A")
        RadioStationState.objects.create(
            station=world.radio_station, effective_on=datetime.date(2023, 1, 1), station_kind="fm", fm_clusters=3
        )
    return world.radio_station


def _work(world) -> RadioWork:
    """Unit A's draft work on its station (made once per world)."""
    if not hasattr(world, "radio_work"):
        world.radio_work = services.entry_save(
            entry=RadioWork(
                task=world.task_a,
                station=_station(world),
                work_type=RadioWork.WorkType.EXPANSION,
                station_kind="ip",
                is_working=True,
                fm_clusters=3,
                ip_clusters=2,
                accepted_on=datetime.date(2026, 4, 15),
            ),
            actor=world.users["officer_a"],
        )
    return world.radio_work


def _work_data(world) -> dict:
    return {
        "station": _station(world).pk,
        "task": world.task_a.pk,
        "work_type": "expansion",
        "contractor": "Công ty Viễn thông Thử",
        "cost": "120000000",
        "accepted_on": "15/04/2026",
        "station_kind": "ip",
        "is_working": "on",
        "wired_clusters": "0",
        "fm_clusters": "3",
        "ip_clusters": "2",
        "villages-TOTAL_FORMS": "1",
        "villages-INITIAL_FORMS": "0",
        "villages-0-village": "Thôn Nà Lầu",
        "villages-0-technology": "ip",
        "villages-0-clusters": "2",
    }


def _commune_without_station(world):
    # Made when the path is built, before the table counts rows for a refused POST.
    if not hasattr(world, "commune_without_station"):
        world.commune_without_station = factories.AreaFactory(name="Xã Chưa Có Đài")
    return world.commune_without_station


def _station_data(world) -> dict:
    return {"commune": _commune_without_station(world).pk, "name": "Đài truyền thanh xã mới"}


def _edited_station(world) -> dict:
    return {"commune": _station(world).commune_id, "name": "Đài truyền thanh xã A (sửa)"}


def _state_data(world) -> dict:
    return {
        "effective_on": "10/01/2026",
        "station_kind": "wired",
        "is_working": "on",
        "wired_clusters": "2",
        "fm_clusters": "0",
        "ip_clusters": "0",
        "source_note": "Khảo sát 2026",
    }


def _work_url(name):
    return lambda w: reverse(name, args=[_work(w).pk])


def _station_url(name):
    return lambda w: reverse(name, args=[_station(w).pk])


ENTRIES = {
    "tracker:radio_work_list": Entry(path=lambda w: reverse("tracker:radio_work_list"), methods={"GET": READERS}),
    "tracker:radio_work_export": Entry(path=lambda w: reverse("tracker:radio_work_export"), methods={"GET": READERS}),
    "tracker:radio_work_create": Entry(
        path=lambda w: reverse("tracker:radio_work_create") + f"?station={_station(w).pk}",
        methods={
            "GET": answers(manager=200, officer_a=200, officer_b=200, finance=403, monitor=403, editor=403),
            "POST": answers(manager=302, officer_a=302, officer_b=200, finance=403, monitor=403, editor=403),
        },
        data=_work_data,
    ),
    "tracker:radio_work_detail": Entry(
        path=_work_url("tracker:radio_work_detail"), methods={"GET": ENTRY_READERS, "POST": NO_POST}
    ),
    "tracker:radio_work_edit": Entry(
        path=_work_url("tracker:radio_work_edit"),
        methods={
            "GET": answers(manager=200, officer_a=200, finance=403, monitor=403, others=404),
            "POST": answers(manager=302, officer_a=302, finance=403, monitor=403, others=404),
        },
        data=_work_data,
    ),
    "tracker:radio_station_list": Entry(
        path=lambda w: reverse("tracker:radio_station_list") + "?on=15/04/2026", methods={"GET": READERS}
    ),
    "tracker:radio_station_export": Entry(
        path=lambda w: reverse("tracker:radio_station_export") + "?on=15/04/2026", methods={"GET": READERS}
    ),
    "tracker:radio_station_create": Entry(
        path=lambda w: _commune_without_station(w) and reverse("tracker:radio_station_create"),
        methods={"GET": KEEPERS, "POST": KEEPERS_POST},
        data=_station_data,
    ),
    "tracker:radio_station_detail": Entry(
        path=_station_url("tracker:radio_station_detail"),
        methods={"GET": answers(editor=404, others=200), "POST": NO_POST},
    ),
    "tracker:radio_station_edit": Entry(
        path=_station_url("tracker:radio_station_edit"),
        methods={"GET": ON_STATION, "POST": ON_STATION_POST},
        data=_edited_station,
    ),
    "tracker:radio_station_state_create": Entry(
        path=_station_url("tracker:radio_station_state_create"),
        methods={"GET": ON_STATION, "POST": ON_STATION_POST},
        data=_state_data,
    ),
}
