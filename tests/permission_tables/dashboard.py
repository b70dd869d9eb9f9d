"""The dashboard: every signed-in role that follows the work (province-wide readers see the
whole sub-project, a unit officer their own unit's work); the CMS editor follows none (403)."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

ENTRIES = {
    "tracker:dashboard": Entry(
        path=lambda w: reverse("tracker:dashboard"), methods={"GET": answers(editor=403, others=200)}
    ),
}
