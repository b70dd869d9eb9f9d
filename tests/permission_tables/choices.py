"""The lists fetched as the user types (units, areas, plans): any signed-in user; each list
holds only what the user may see (an empty list for someone without a tracker role)."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

ENTRIES = {
    "tracker:choices": Entry(
        path=lambda w: reverse("tracker:choices", args=["units"]) + "?q=x",
        methods={"GET": answers(others=200), "POST": answers(others=405)},
    ),
}
