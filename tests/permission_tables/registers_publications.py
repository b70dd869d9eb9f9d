"""Publications register: the same answers as the information points (see registers_points):
lists and exports for everyone on the programme but the CMS editor, an entry for its task's
readers, creation by unit officers and DIC managers, unit A's draft edited by officer A and
the manager."""

from __future__ import annotations

import datetime

from django.urls import reverse

from tests.permission_tables import Entry
from tests.permission_tables.registers_points import CREATE_GET, CREATE_POST, EDIT_GET, EDIT_POST, LISTS, READERS
from tracker.models import Publication
from tracker.registers import publications


def _publication(world) -> Publication:
    if not hasattr(world, "publication_entry"):
        world.publication_entry = publications.publication_save(
            entry=Publication(
                task=world.task_a,
                title="Cẩm nang thông tin thiết yếu",
                medium="print",
                copies=300,
                published_on=datetime.date(2026, 3, 1),
            ),
            actor=world.users["officer_a"],
        )
    return world.publication_entry


def _data(world) -> dict:
    return {
        "task": world.task_a.pk,
        "title": "Sổ tay mới",
        "medium": "print",
        "copies": "100",
        "published_on": "02/03/2026",
        "language": "vi",
    }


ENTRIES = {
    "tracker:publication_list": Entry(path=lambda w: reverse("tracker:publication_list"), methods={"GET": LISTS}),
    "tracker:publication_export": Entry(path=lambda w: reverse("tracker:publication_export"), methods={"GET": LISTS}),
    "tracker:publication_detail": Entry(
        path=lambda w: reverse("tracker:publication_detail", args=[_publication(w).pk]), methods={"GET": READERS}
    ),
    "tracker:publication_create": Entry(
        path=lambda w: reverse("tracker:publication_create"),
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_data,
    ),
    "tracker:publication_edit": Entry(
        path=lambda w: reverse("tracker:publication_edit", args=[_publication(w).pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_data,
    ),
}
