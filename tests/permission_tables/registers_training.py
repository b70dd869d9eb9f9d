"""Training courses register: the list and export are for everyone who works on the programme
(the CMS editor: 403); a course is read by its task's readers (officer B and the editor: 404);
unit officers and DIC managers enter courses (finance officers and monitors read only: 403);
officer A and the manager edit unit A's draft.

Officer B's POST to create names unit A's task, which the form does not offer: 200 with the
error, nothing written.
"""

from __future__ import annotations

import datetime

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import TrainingCourse
from tracker.registers import training

READERS = answers(manager=200, finance=200, monitor=200, officer_a=200, others=404)
LISTS = answers(editor=403, others=200)
CREATE_GET = answers(manager=200, officer_a=200, officer_b=200, finance=403, monitor=403, editor=403)
CREATE_POST = answers(manager=302, officer_a=302, officer_b=200, finance=403, monitor=403, editor=403)
EDIT_GET = answers(manager=200, officer_a=200, finance=403, monitor=403, others=404)
EDIT_POST = answers(manager=302, officer_a=302, finance=403, monitor=403, others=404)


def _course(world) -> TrainingCourse:
    """Unit A's draft course, made once per world."""
    if not hasattr(world, "training_course"):
        world.training_course = training.course_save(
            course=TrainingCourse(
                task=world.task_a,
                title="Lớp bồi dưỡng thử",
                start_date=datetime.date(2026, 3, 10),
                end_date=datetime.date(2026, 3, 11),
                trainees_total=20,
            ),
            materials=[{"title": "Sổ tay", "medium": "print", "language": "vi"}],
            trainees=[],
            actor=world.users["officer_a"],
        )
    return world.training_course


def _formset(prefix: str) -> dict:
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}


def _data(world) -> dict:
    return {
        "task": world.task_a.pk,
        "title": "Lớp bồi dưỡng mới",
        "start_date": "10/04/2026",
        "end_date": "11/04/2026",
        "trainees_total": "15",
        "trainees_female": "5",
        "trainees_ethnic_minority": "0",
        **_formset("materials"),
        **_formset("trainees"),
    }


ENTRIES = {
    "tracker:training_course_list": Entry(
        path=lambda w: reverse("tracker:training_course_list"), methods={"GET": LISTS}
    ),
    "tracker:training_course_export": Entry(
        path=lambda w: reverse("tracker:training_course_export"), methods={"GET": LISTS}
    ),
    "tracker:training_course_detail": Entry(
        path=lambda w: reverse("tracker:training_course_detail", args=[_course(w).pk]), methods={"GET": READERS}
    ),
    "tracker:training_course_create": Entry(
        path=lambda w: reverse("tracker:training_course_create"),
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_data,
    ),
    "tracker:training_course_edit": Entry(
        path=lambda w: reverse("tracker:training_course_edit", args=[_course(w).pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_data,
    ),
}
