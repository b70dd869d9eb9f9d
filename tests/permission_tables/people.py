"""People and roles (DIC managers and superusers only: 403 for the rest; a person the manager
does not manage answers 404), every user's own account, and the password pages (open to
anyone, since the forgotten-password and set-password pages are used before logging in)."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

MANAGER_GET = answers(manager=200, others=403)
MANAGER_POST = answers(manager=302, others=403)
SIGNED_IN = answers(others=200)
ANYONE = answers(others=200, anonymous=200)


def _person_data(w, **changes):
    data = {
        "last_name": "Nguyễn Văn",
        "first_name": "Bình",
        "email": "binh@example.gov.vn",
        "roles": ["unit_officer"],
        "unit": w.unit_a.pk,
    }
    return {**data, **changes}


ENTRIES = {
    "tracker:user_list": Entry(path=lambda w: reverse("tracker:user_list"), methods={"GET": MANAGER_GET}),
    "tracker:user_create": Entry(
        path=lambda w: reverse("tracker:user_create"),
        methods={"GET": MANAGER_GET, "POST": MANAGER_POST},
        data=_person_data,
    ),
    "tracker:user_edit": Entry(
        path=lambda w: reverse("tracker:user_edit", args=[w.users["officer_b"].pk]),
        methods={"GET": MANAGER_GET, "POST": MANAGER_POST},
        data=lambda w: _person_data(w, email="officer_b@example.gov.vn", unit=w.unit_b.pk),
    ),
    "tracker:user_set_active": Entry(
        path=lambda w: reverse("tracker:user_set_active", args=[w.users["officer_b"].pk]),
        methods={"GET": answers(others=405), "POST": MANAGER_POST},
        data=lambda w: {"active": "0"},
    ),
    "tracker:user_invite": Entry(
        path=lambda w: reverse("tracker:user_invite", args=[w.users["officer_b"].pk]),
        methods={"GET": answers(others=405), "POST": MANAGER_POST},
    ),
    # Each persona changes their own account (tests/tracker/people checks what it writes).
    "tracker:account": Entry(path=lambda w: reverse("tracker:account"), methods={"GET": SIGNED_IN}),
    "password_reset": Entry(
        path=lambda w: reverse("password_reset"),
        methods={"GET": ANYONE, "POST": answers(others=302, anonymous=302)},
        data=lambda w: {"email": "nobody@example.gov.vn"},
    ),
    "password_reset_done": Entry(path=lambda w: reverse("password_reset_done"), methods={"GET": ANYONE}),
    "password_reset_confirm": Entry(
        # A link that is not valid: the page says so (200) and sets nothing.
        path=lambda w: reverse("password_reset_confirm", kwargs={"uidb64": "MQ", "token": "no-such-token"}),
        methods={"GET": ANYONE},
    ),
    "password_reset_complete": Entry(path=lambda w: reverse("password_reset_complete"), methods={"GET": ANYONE}),
    "password_change": Entry(path=lambda w: reverse("password_change"), methods={"GET": SIGNED_IN}),
    "password_change_done": Entry(path=lambda w: reverse("password_change_done"), methods={"GET": SIGNED_IN}),
}
