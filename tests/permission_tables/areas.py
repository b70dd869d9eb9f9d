"""The managers' area pages (create, edit, end with successors): a DIC manager only; the area
list and page themselves are open to every signed-in user (tracker_documents)."""

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import Area, AreaClassification

GET = answers(manager=200, others=403)
POST = answers(manager=302, others=403)


def _spare_commune(w) -> Area:
    """A commune of its own to end, so the world's own area stays in force for the others
        (made with its successor when the path is built, before the walk counts the rows), in the
    world's province."""
    _successor(w)
    area, _created = Area.objects.get_or_create(
        name="Xã Dự Phòng",
        level=Area.Level.COMMUNE,
        defaults={"kind": Area.Kind.COMMUNE, "parent": w.provinces["home"]},
    )
    return area


def _successor(w) -> Area:
    area, _created = Area.objects.get_or_create(
        name="Xã Kế Thừa",
        level=Area.Level.COMMUNE,
        defaults={"kind": Area.Kind.COMMUNE, "parent": w.provinces["home"]},
    )
    return area


def _classification(w) -> AreaClassification:
    """A classification in force of a commune of its own, for the end page."""
    commune = _spare_commune(w)
    row, _created = AreaClassification.objects.get_or_create(area=commune, kind="border", valid_to=None)
    return row


ENTRIES = {
    "tracker:area_create": Entry(
        path=lambda w: reverse("tracker:area_create"),
        methods={"GET": GET, "POST": POST},
        data=lambda w: {"name": "Thôn Bản Mới", "kind": Area.Kind.VILLAGE, "parent": w.area.pk},
    ),
    "tracker:area_edit": Entry(
        path=lambda w: reverse("tracker:area_edit", args=[w.area.pk]),
        methods={"GET": GET, "POST": POST},
        data=lambda w: {"name": "Xã Đổi Tên", "kind": Area.Kind.COMMUNE, "parent": w.area.parent_id or ""},
    ),
    "tracker:area_end": Entry(
        path=lambda w: reverse("tracker:area_end", args=[_spare_commune(w).pk]),
        methods={"GET": GET, "POST": POST},
        data=lambda w: {"valid_to": "30/06/2025", "successor_1": _successor(w).pk, "decision": "1683/NQ-UBTVQH15"},
    ),
    "tracker:area_classification_add": Entry(
        path=lambda w: reverse("tracker:area_classification_add", args=[_spare_commune(w).pk]),
        methods={"GET": GET, "POST": POST},
        data=lambda w: {"kind": "region", "region": "III", "valid_from": "01/01/2021", "valid_to": "31/12/2025"},
    ),
    "tracker:area_classification_end": Entry(
        path=lambda w: reverse("tracker:area_classification_end", args=[_classification(w).pk]),
        methods={"GET": GET, "POST": POST},
        data=lambda w: {"valid_to": "31/12/2025"},
    ),
}
