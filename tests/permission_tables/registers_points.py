"""Public information points register: the lists and exports are for everyone who works on the
programme (the CMS editor: 403); an entry is read by its task's readers (officer B and the
editor: 404); unit officers and DIC managers enter points (finance officers and monitors
read only: 403); officer A and the manager edit unit A's draft.

Officer B's POST to create names unit A's task, which the form does not offer: 200 with the
error, nothing written.
"""

from __future__ import annotations

import datetime

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import InfoPoint
from tracker.registers import points

READERS = answers(manager=200, finance=200, monitor=200, officer_a=200, others=404)
LISTS = answers(editor=403, others=200)
CREATE_GET = answers(manager=200, officer_a=200, officer_b=200, finance=403, monitor=403, editor=403)
CREATE_POST = answers(manager=302, officer_a=302, officer_b=200, finance=403, monitor=403, editor=403)
EDIT_GET = answers(manager=200, officer_a=200, finance=403, monitor=403, others=404)
EDIT_POST = answers(manager=302, officer_a=302, finance=403, monitor=403, others=404)


def _point(world) -> InfoPoint:
    """Unit A's draft point, made once per world."""
    if not hasattr(world, "info_point"):
        world.info_point = points.info_point_save(
            entry=InfoPoint(
                task=world.task_a, area=world.area, name="Điểm BĐVHX thử", opened_on=datetime.date(2026, 3, 1)
            ),
            actor=world.users["officer_a"],
        )
    return world.info_point


def _data(world) -> dict:
    return {"task": world.task_a.pk, "area": world.area.pk, "name": "Điểm BĐVHX mới", "opened_on": "02/03/2026"}


ENTRIES = {
    "tracker:info_point_list": Entry(path=lambda w: reverse("tracker:info_point_list"), methods={"GET": LISTS}),
    "tracker:info_point_export": Entry(path=lambda w: reverse("tracker:info_point_export"), methods={"GET": LISTS}),
    "tracker:info_point_detail": Entry(
        path=lambda w: reverse("tracker:info_point_detail", args=[_point(w).pk]), methods={"GET": READERS}
    ),
    "tracker:info_point_create": Entry(
        path=lambda w: reverse("tracker:info_point_create"),
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_data,
    ),
    "tracker:info_point_edit": Entry(
        path=lambda w: reverse("tracker:info_point_edit", args=[_point(w).pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_data,
    ),
}
