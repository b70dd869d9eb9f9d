"""The programme structure pages (components, periods, lead agencies): a DIC manager only."""

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import ProgrammeComponent

GET = answers(manager=200, others=403)
POST = answers(manager=302, others=403)


def _component(w) -> ProgrammeComponent:
    component, _created = ProgrammeComponent.objects.get_or_create(
        code="ctmtqg-2026-2035",
        defaults={"name": "Chương trình 2026–2035", "level": ProgrammeComponent.Level.PROGRAMME},
    )
    return component


def _data(w) -> dict:
    return {"code": "hop-phan-1", "name": "Hợp phần thử", "level": ProgrammeComponent.Level.PROJECT, "parent": ""}


ENTRIES = {
    "tracker:programme_component_list": Entry(
        path=lambda w: reverse("tracker:programme_component_list"), methods={"GET": GET}
    ),
    "tracker:programme_component_create": Entry(
        path=lambda w: reverse("tracker:programme_component_create"), methods={"GET": GET, "POST": POST}, data=_data
    ),
    "tracker:programme_component_edit": Entry(
        path=lambda w: reverse("tracker:programme_component_edit", args=[_component(w).pk]),
        methods={"GET": GET, "POST": POST},
        data=lambda w: {"code": "ctmtqg-2026-2035", "name": "Chương trình đổi tên", "level": 1},
    ),
}
