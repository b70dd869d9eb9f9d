"""Smartphone handovers register: the same answers as the information points (see
registers_points). The handover's page also shows the donations passed on for it to those who
may see them (a template tag of budgets): the answers of the page do not change."""

from __future__ import annotations

import datetime

from django.urls import reverse

from tests.permission_tables import Entry
from tests.permission_tables.registers_points import CREATE_GET, CREATE_POST, EDIT_GET, EDIT_POST, LISTS, READERS
from tracker.models import SmartphoneHandover
from tracker.registers import smartphones


def _handover(world) -> SmartphoneHandover:
    if not hasattr(world, "smartphone_handover"):
        world.smartphone_handover = smartphones.handover_save(
            entry=SmartphoneHandover(
                task=world.task_a,
                area=world.area,
                priority_class=SmartphoneHandover.PriorityClass.POOR_OTHER,
                source=SmartphoneHandover.Source.DONATIONS,
                phones=12,
                handed_over_on=datetime.date(2026, 3, 1),
            ),
            actor=world.users["officer_a"],
        )
    return world.smartphone_handover


def _data(world) -> dict:
    return {
        "task": world.task_a.pk,
        "area": world.area.pk,
        "priority_class": "poor_merit",
        "source": "telecom_fund",
        "phones": "5",
        "handed_over_on": "02/03/2026",
    }


ENTRIES = {
    "tracker:smartphone_handover_list": Entry(
        path=lambda w: reverse("tracker:smartphone_handover_list"), methods={"GET": LISTS}
    ),
    "tracker:smartphone_handover_export": Entry(
        path=lambda w: reverse("tracker:smartphone_handover_export"), methods={"GET": LISTS}
    ),
    "tracker:smartphone_handover_detail": Entry(
        path=lambda w: reverse("tracker:smartphone_handover_detail", args=[_handover(w).pk]), methods={"GET": READERS}
    ),
    "tracker:smartphone_handover_create": Entry(
        path=lambda w: reverse("tracker:smartphone_handover_create"),
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_data,
    ),
    "tracker:smartphone_handover_edit": Entry(
        path=lambda w: reverse("tracker:smartphone_handover_edit", args=[_handover(w).pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_data,
    ),
}
