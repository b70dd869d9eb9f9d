from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _forget_rolled_back_files(**kwargs) -> None:
    from tracker.core.files import forget_rolled_back_files

    forget_rolled_back_files()


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Tracker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished

        # The security log hears Django's and django-axes's sign-in signals and role changes.
        from tracker.security import receivers

        receivers.connect()
        # A request ended: the private files its rolled-back transactions wrote go.
        request_finished.connect(_forget_rolled_back_files, dispatch_uid="tracker_forget_rolled_back_files")
