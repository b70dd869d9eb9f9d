"""Celery app. With no CELERY_BROKER_URL, settings make every task run inline."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.config.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each app's `tasks` module, and the tracker's feature packages that have background work (a
# worker must import a task's module to know it: beat only sends the task's name).
app.autodiscover_tasks()
app.autodiscover_tasks(["tracker.due", "tracker.reports", "tracker.core"])
