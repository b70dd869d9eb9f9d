from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Tracker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The security log hears Django's and django-axes's sign-in signals and role changes.
        from tracker.security import receivers

        receivers.connect()
