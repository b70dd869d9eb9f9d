"""The national view (issue 16): for those who read every province — the personas here have no
unit area, so the manager, finance officer and monitor read every province; the province
personas of _world.py (a province's readers) are refused (tests/test_url_permissions.py)."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

READERS_OF_EVERY_PROVINCE = answers(manager=200, finance=200, monitor=200, others=403)

ENTRIES = {
    "tracker:national": Entry(path=lambda w: reverse("tracker:national"), methods={"GET": READERS_OF_EVERY_PROVINCE}),
    "tracker:national_province": Entry(
        path=lambda w: reverse("tracker:national_province", args=[w.provinces["home"].pk]),
        methods={"GET": READERS_OF_EVERY_PROVINCE},
    ),
}
