"""Plans, their timeline and parts (targets, deadlines, reporting rules), units and areas.

Visibility first (404 for a plan officer B or the CMS editor cannot see), then the right to
change (403 for anyone but a DIC manager). The create pages check the role before the
?plan= lookup, so every non-manager gets 403 there whatever the plan.
"""

from django.urls import reverse

from tests.permission_tables import Entry, answers

# Pages of the plan (and its parts): everyone who sees the plan.
SEEN = answers(manager=200, finance=200, monitor=200, officer_a=200, others=404)
# Edit pages of the plan's parts: 404 where unseen, 403 where seen but not a manager.
EDIT_GET = answers(manager=200, finance=403, monitor=403, officer_a=403, others=404)
EDIT_POST = answers(manager=302, finance=403, monitor=403, officer_a=403, others=404)
CREATE_GET = answers(manager=200, others=403)
CREATE_POST = answers(manager=302, others=403)
ANY_USER = answers(others=200)


def _plan_data(w, **changes):
    data = {
        "issuer": w.plan.issuer_id,
        "number_symbol": "",
        "title": "Kế hoạch viết thử",
        "period_start": "2026-01-01",
        "period_end": "2026-12-31",
        "status": "draft",
        "issued_on_precision": "day",
    }
    return {**data, **changes}


def _target_data(w):
    return {"indicator": w.indicator.pk, "area": w.unit_b.area_id, "year": 2026, "planned_value": 7}


def _deadline_data(w):
    return {"title": "Nộp sản phẩm", "kind": "date", "due_date": "2026-09-30"}


def _rule_data(w):
    return {
        "title": "Báo cáo quý",
        "reporter": w.unit_a.pk,
        "frequency": "monthly",
        "due_day": 20,
        "active_from": "2026-01-01",
        "active_to": "2026-12-31",
    }


ENTRIES = {
    "tracker:plan_list": Entry(path=lambda w: reverse("tracker:plan_list"), methods={"GET": ANY_USER}),
    "tracker:plan_create": Entry(
        path=lambda w: reverse("tracker:plan_create"),
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_plan_data,
    ),
    "tracker:plan_detail": Entry(
        path=lambda w: reverse("tracker:plan_detail", args=[w.plan.pk]), methods={"GET": SEEN}
    ),
    "tracker:plan_edit": Entry(
        path=lambda w: reverse("tracker:plan_edit", args=[w.plan.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: _plan_data(w, title="Tên mới của kế hoạch"),
    ),
    "tracker:plan_timeline": Entry(
        path=lambda w: reverse("tracker:plan_timeline", args=[w.plan.pk]), methods={"GET": SEEN}
    ),
    "tracker:target_create": Entry(
        path=lambda w: reverse("tracker:target_create") + f"?plan={w.plan.pk}",
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_target_data,
    ),
    "tracker:target_edit": Entry(
        path=lambda w: reverse("tracker:target_edit", args=[w.target.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: {**_target_data(w), "area": w.target.area_id, "planned_value": 99},
    ),
    "tracker:deadline_create": Entry(
        path=lambda w: reverse("tracker:deadline_create") + f"?plan={w.plan.pk}",
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_deadline_data,
    ),
    "tracker:deadline_edit": Entry(
        path=lambda w: reverse("tracker:deadline_edit", args=[w.deadline.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_deadline_data,
    ),
    "tracker:reporting_rule_create": Entry(
        path=lambda w: reverse("tracker:reporting_rule_create") + f"?plan={w.plan.pk}",
        methods={"GET": CREATE_GET, "POST": CREATE_POST},
        data=_rule_data,
    ),
    "tracker:reporting_rule_edit": Entry(
        path=lambda w: reverse("tracker:reporting_rule_edit", args=[w.reporting_rule.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=_rule_data,
    ),
    # Deleting (or closing/ending) needs a manager; a refused delete comes back to its page.
    "tracker:plan_delete": Entry(
        path=lambda w: reverse("tracker:plan_delete", args=[w.plan.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: {"action": "delete"},
    ),
    "tracker:target_delete": Entry(
        path=lambda w: reverse("tracker:target_delete", args=[w.target.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: {"action": "delete"},
    ),
    "tracker:deadline_delete": Entry(
        path=lambda w: reverse("tracker:deadline_delete", args=[w.deadline.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: {"action": "delete"},
    ),
    "tracker:reporting_rule_delete": Entry(
        path=lambda w: reverse("tracker:reporting_rule_delete", args=[w.reporting_rule.pk]),
        methods={"GET": EDIT_GET, "POST": EDIT_POST},
        data=lambda w: {"action": "delete"},
    ),
    # The directory of units and areas is open to every signed-in user.
    "tracker:unit_list": Entry(path=lambda w: reverse("tracker:unit_list"), methods={"GET": ANY_USER}),
    "tracker:unit_detail": Entry(
        path=lambda w: reverse("tracker:unit_detail", args=[w.unit_a.pk]), methods={"GET": ANY_USER}
    ),
    "tracker:area_list": Entry(path=lambda w: reverse("tracker:area_list"), methods={"GET": ANY_USER}),
    "tracker:area_detail": Entry(
        path=lambda w: reverse("tracker:area_detail", args=[w.area.pk]), methods={"GET": ANY_USER}
    ),
}
