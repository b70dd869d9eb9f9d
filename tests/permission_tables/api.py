"""/api/v1/: read-only for every signed-in user (403 without a session, 405 for writes); a
plan, activity, task or target the user may not see answers 404."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

LIST = answers(anonymous=403, others=200)
WRITE = answers(anonymous=403, others=405)
SEEN = answers(anonymous=403, manager=200, finance=200, monitor=200, officer_a=200, others=404)


def _list(name):
    # A POST to a read-only list: nothing may be created.
    return Entry(
        path=lambda w: reverse(name),
        methods={"GET": LIST, "POST": WRITE},
        data=lambda w: {"title": "x", "name": "x"},
    )


def _detail(name, attribute, expected):
    return Entry(
        path=lambda w: reverse(name, args=[getattr(w, attribute).pk]),
        methods={"GET": expected, "PATCH": WRITE, "DELETE": WRITE},
        data=lambda w: {"title": "x", "name": "x"},
    )


ENTRIES = {
    "api:api-root": Entry(path=lambda w: reverse("api:api-root"), methods={"GET": LIST}),
    "api:plan-list": _list("api:plan-list"),
    "api:plan-detail": _detail("api:plan-detail", "plan", SEEN),
    "api:plan-target-table": Entry(
        path=lambda w: reverse("api:plan-target-table", args=[w.plan.pk]), methods={"GET": SEEN}
    ),
    "api:activity-list": _list("api:activity-list"),
    "api:activity-detail": _detail("api:activity-detail", "activity", SEEN),
    "api:task-list": _list("api:task-list"),
    "api:task-detail": _detail("api:task-detail", "task_a", SEEN),
    "api:target-list": _list("api:target-list"),
    "api:target-detail": _detail("api:target-detail", "target", SEEN),
    "api:unit-list": _list("api:unit-list"),
    "api:unit-detail": _detail("api:unit-detail", "unit_a", LIST),
    "api:area-list": _list("api:area-list"),
    "api:area-detail": _detail("api:area-detail", "area", LIST),
    "api:legaldocument-list": _list("api:legaldocument-list"),
    "api:legaldocument-detail": _detail("api:legaldocument-detail", "legal_document", LIST),
    "api:indicator-list": _list("api:indicator-list"),
    "api:indicator-detail": _detail("api:indicator-detail", "indicator", LIST),
}
