"""The board, activities and the managers' activity and task forms."""

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tests.permission_tables.tracker_documents import ANY_USER, CREATE_GET, CREATE_POST, EDIT_GET, EDIT_POST, SEEN


def _activity_data(w, **changes):
    data = {
        "plan": w.plan.pk,
        "section_code": "9.9",
        "activity_type": w.activity.activity_type_id,
        "title": "Nội dung viết thử",
        "lead_unit": w.dic.pk,
        "status": "not_started",
        "outputs-TOTAL_FORMS": 0,
        "outputs-INITIAL_FORMS": 0,
    }
    return {**data, **changes}


def _task_data(w):
    return {"unit": w.unit_a.pk, "deliverable": "Sản phẩm mới", "due_date": "2026-08-31", "status": "not_started"}


ENTRIES = {
    "tracker:home": Entry(path=lambda w: reverse("tracker:home"), methods={"GET": answers(others=302)}),
    "tracker:board": Entry(path=lambda w: reverse("tracker:board"), methods={"GET": ANY_USER}),
    "tracker:activity_create": Entry(
        path=lambda w: reverse("tracker:activity_create"),
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_activity_data,
    ),
    "tracker:activity_detail": Entry(
        path=lambda w: reverse("tracker:activity_detail", args=[w.activity.pk]), methods={"GET": SEEN}
    ),
    "tracker:activity_edit": Entry(
        path=lambda w: reverse("tracker:activity_edit", args=[w.activity.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: _activity_data(w, section_code=w.activity.section_code, title="Tên mới"),
    ),
    # The activity is looked up (404 where unseen) before the role is checked (403).
    "tracker:task_create": Entry(
        path=lambda w: reverse("tracker:task_create") + f"?activity={w.activity.pk}",
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_task_data,
    ),
    "tracker:task_edit": Entry(
        path=lambda w: reverse("tracker:task_edit", args=[w.task_a.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_task_data,
    ),
    "tracker:activity_delete": Entry(
        path=lambda w: reverse("tracker:activity_delete", args=[w.activity.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: {"action": "delete"},
    ),
    "tracker:task_delete": Entry(
        path=lambda w: reverse("tracker:task_delete", args=[w.task_a.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: {"action": "delete"},
    ),
}
