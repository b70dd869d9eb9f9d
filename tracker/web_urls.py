"""The tracker's pages. Documents (plans, units, areas) and work (board, activities, tasks)
are kept in two modules so their views stay short."""

from django.urls import path

from tracker.views import home
from tracker.views.documents import urlpatterns as document_urls
from tracker.views.work import urlpatterns as work_urls

app_name = "tracker"
urlpatterns = [path("", home.home, name="home"), *document_urls, *work_urls]
