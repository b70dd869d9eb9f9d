"""History pages: whoever sees the object sees its history (404 otherwise); read-only."""

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tests.permission_tables.tracker_documents import ANY_USER, SEEN

# A GET page: a POST is refused (405) once signed in.
NO_POST = answers(others=405)


def _history(name: str, attribute: str, expected) -> Entry:
    return Entry(
        path=lambda w: reverse(name, args=[getattr(w, attribute).pk]),
        methods={"GET": expected, "POST": NO_POST},
    )


ENTRIES = {
    "tracker:plan_history": _history("tracker:plan_history", "plan", SEEN),
    "tracker:activity_history": _history("tracker:activity_history", "activity", SEEN),
    "tracker:task_history": _history("tracker:task_history", "task_a", SEEN),
    "tracker:report_history": _history("tracker:report_history", "report", SEEN),
    "tracker:target_history": _history("tracker:target_history", "target", SEEN),
    "tracker:deadline_history": _history("tracker:deadline_history", "deadline", SEEN),
    "tracker:reporting_rule_history": _history("tracker:reporting_rule_history", "reporting_rule", SEEN),
    "tracker:unit_history": _history("tracker:unit_history", "unit_a", ANY_USER),
    "tracker:area_history": _history("tracker:area_history", "area", ANY_USER),
}
