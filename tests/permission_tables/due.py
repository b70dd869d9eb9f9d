"""What is due and the timeliness scoreboard: every signed-in role that follows the work (a unit
officer sees their own unit's rows only); the CMS editor follows none (403). Preferences are
each person's own."""

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.core.calendar import periods_for_rule
from tracker.due.selectors import dispatch_url

ENTRIES = {
    "tracker:due": Entry(path=lambda w: reverse("tracker:due"), methods={"GET": answers(editor=403, others=200)}),
    "tracker:timeliness": Entry(
        path=lambda w: reverse("tracker:timeliness"), methods={"GET": answers(editor=403, others=200)}
    ),
    # Unit A's monthly report under the plan's rule, first period: its officers and the DIC
    # managers record it as sent; the province-wide readers see it; others do not (404).
    "tracker:report_dispatch": Entry(
        path=lambda w: dispatch_url(w.reporting_rule.pk, w.unit_a.pk, periods_for_rule(w.reporting_rule)[0]),
        methods={
            "GET": answers(officer_a=200, manager=200, finance=200, monitor=200, others=404),
            "POST": answers(officer_a=302, manager=302, finance=403, monitor=403, others=404),
        },
        data=lambda w: {"sent_on": "20/01/2026", "number_symbol": "12/BC-UBND", "note": ""},
    ),
    "tracker:preferences": Entry(
        path=lambda w: reverse("tracker:preferences"),
        methods={"GET": answers(others=200), "POST": answers(others=302)},
        data=lambda w: {"wants_digest": "", "email": "canbo@example.gov.vn"},
    ),
}
