"""Posting to a task's thread: the task's unit, the activity's lead and cooperating units and
the DIC managers may; the finance officer and the monitor read but may not (403); a task the
user does not see answers 404."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

ENTRIES = {
    "tracker:task_comment": Entry(
        path=lambda w: reverse("tracker:task_comment", args=[w.task_a.pk]),
        methods={
            "GET": answers(others=405),
            "POST": answers(manager=302, officer_a=302, finance=403, monitor=403, others=404),
        },
        data=lambda w: {
            "body": "Đề nghị bổ sung ảnh.",
            "next": reverse("tracker:activity_detail", args=[w.activity.pk]),
        },
    ),
}
