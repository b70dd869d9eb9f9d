"""The project's own URLs outside the tracker app: sign-in and the API schema."""

from django.urls import reverse

from tests.permission_tables import Entry, answers

ENTRIES = {
    "login": Entry(path=lambda w: reverse("login"), methods={"GET": answers(anonymous=200, others=200)}),
    # Signing out is a POST (Django 5); a GET is refused.
    "logout": Entry(path=lambda w: reverse("logout"), methods={"GET": answers(anonymous=405, others=405)}),
    # The schema and its browser describe the API, not its data; they are public.
    "api-schema": Entry(path=lambda w: reverse("api-schema"), methods={"GET": answers(anonymous=200, others=200)}),
    "api-docs": Entry(path=lambda w: reverse("api-docs"), methods={"GET": answers(anonymous=200, others=200)}),
}
