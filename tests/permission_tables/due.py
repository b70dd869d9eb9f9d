"""What is due and the timeliness scoreboard: every signed-in role that follows the work (a unit
officer sees their own unit's rows only); the CMS editor follows none (403). Preferences are
each person's own."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

ENTRIES = {
    "tracker:due": Entry(path=lambda w: reverse("tracker:due"), methods={"GET": answers(editor=403, others=200)}),
    "tracker:timeliness": Entry(
        path=lambda w: reverse("tracker:timeliness"), methods={"GET": answers(editor=403, others=200)}
    ),
    "tracker:preferences": Entry(
        path=lambda w: reverse("tracker:preferences"),
        methods={"GET": answers(others=200), "POST": answers(others=302)},
        data=lambda w: {"wants_digest": "", "email": "canbo@example.gov.vn"},
    ),
}
