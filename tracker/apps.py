from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def _forget_rolled_back_files(**kwargs) -> None:
    from tracker.core.files import forget_rolled_back_files

    forget_rolled_back_files()


def update_last_login_quietly(sender, user, **kwargs):
    """Django's `update_last_login`, without a row in the person's history: a login is not a
    change of their account (and is made before anyone is signed in to record as actor)."""
    from django.contrib.auth.models import update_last_login

    user.skip_history_when_saving = True
    try:
        update_last_login(sender, user, **kwargs)
    finally:
        del user.skip_history_when_saving


def build_missing_obligations(sender, using="default", **kwargs) -> None:
    """After `migrate`: build the expected reports of a database that has plans with tasks or
    rules but none yet (the first migrate with them). Later changes keep them in step through
    the services; `manage.py rebuild_obligations` rebuilds them at will."""
    from django.db import connections

    from tracker.models import Obligation, ReportingRule, Task

    if "tracker_obligation" not in connections[using].introspection.table_names():
        return
    if Obligation.objects.using(using).exists():
        return
    if not (Task.objects.using(using).exists() or ReportingRule.objects.using(using).exists()):
        return
    from tracker.core.obligations import obligations_rebuild

    obligations_rebuild()


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = _("Tracker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished

        # The security log hears Django's and django-axes's sign-in signals and role changes.
        from tracker.security import receivers

        receivers.connect()
        from django.db.models.signals import post_migrate

        post_migrate.connect(build_missing_obligations, sender=self, dispatch_uid="tracker_build_obligations")
        # A request ended: the private files its rolled-back transactions wrote go.
        request_finished.connect(_forget_rolled_back_files, dispatch_uid="tracker_forget_rolled_back_files")

        from django.contrib.auth.signals import user_logged_in

        # People's history (HistoricalUser) records who changed an account, not each login.
        if user_logged_in.disconnect(dispatch_uid="update_last_login"):
            user_logged_in.connect(update_last_login_quietly, dispatch_uid="update_last_login")
        # The accent-free search's SQL function on SQLite (tracker/core/search.py).
        from tracker.core.search import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="tracker_sqlite_fold")
