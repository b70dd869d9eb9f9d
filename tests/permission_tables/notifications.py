"""The bell's notifications: everyone signed in has a page of their own; a notification is
opened (marked read) only by its recipient, anyone else gets 404."""

from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import Notification


def _notification(world) -> Notification:
    """Unit A's officer told of a comment on their task (once per world)."""
    if not hasattr(world, "notification"):
        world.notification = Notification.objects.create(
            recipient=world.users["officer_a"],
            kind=Notification.Kind.COMMENT,
            actor=world.users["manager"],
            task=world.task_a,
            comment=world.comment,
        )
    return world.notification


ENTRIES = {
    "tracker:notification_list": Entry(
        path=lambda w: reverse("tracker:notification_list"), methods={"GET": answers(others=200)}
    ),
    "tracker:notification_open": Entry(
        path=lambda w: reverse("tracker:notification_open", args=[_notification(w).pk]),
        methods={"GET": answers(others=405), "POST": answers(officer_a=302, others=404)},
    ),
    # Marks the user's own notifications read: nobody is refused, and nobody touches another's.
    "tracker:notifications_read_all": Entry(
        path=lambda w: reverse("tracker:notifications_read_all"),
        methods={"GET": answers(others=405), "POST": answers(others=302)},
    ),
}
