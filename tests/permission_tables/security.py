"""The second-factor pages and the security log (tracker/security/).

Every signed-in persona may manage their own second factor; in the walk the manager and the
finance officer have an authenticator (tests/mfa.py gives it at force_login: their roles must
use one), the others have none. Only DIC managers read the security log."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

ENROLLED = {"manager": 200, "finance": 200}
WRONG_CODE = lambda w: {"code": "000000"}  # noqa: E731 - a refused code changes nothing

ENTRIES = {
    "security:mfa_manage": Entry(
        path=lambda w: reverse("security:mfa_manage"),
        methods={"GET": answers(others=200), "POST": answers(others=405)},
    ),
    # Set up: the page for those without an app; those with one are sent to manage it.
    "security:mfa_setup": Entry(
        path=lambda w: reverse("security:mfa_setup"),
        methods={
            "GET": answers(manager=302, finance=302, others=200),
            "POST": answers(manager=302, finance=302, others=200),
        },
        data=WRONG_CODE,
    ),
    # Verify: for those with an app; the others are sent to set one up.
    "security:mfa_verify": Entry(
        path=lambda w: reverse("security:mfa_verify"),
        methods={"GET": answers(**ENROLLED, others=302), "POST": answers(**ENROLLED, others=302)},
        data=WRONG_CODE,
    ),
    "security:mfa_recovery_codes": Entry(
        path=lambda w: reverse("security:mfa_recovery_codes"),
        methods={"GET": answers(others=405), "POST": answers(**ENROLLED, others=302)},
    ),
    "security:mfa_remove": Entry(
        path=lambda w: reverse("security:mfa_remove"),
        methods={"GET": answers(others=405), "POST": answers(others=302)},
        data=WRONG_CODE,
    ),
    "security:security_log": Entry(
        path=lambda w: reverse("security:security_log"),
        methods={"GET": answers(manager=200, others=403), "POST": answers(others=405)},
    ),
}
