"""The tracker's pages. Documents (plans, units, areas), work (board, activities, tasks) and
progress (reports and their review) are kept in separate modules so their views stay short."""

from django.urls import path

from tracker.areas.views import urlpatterns as area_urls
from tracker.choices.views import urlpatterns as choice_urls
from tracker.dashboard import home
from tracker.dashboard.views import urlpatterns as dashboard_urls
from tracker.documents.reference_views import urlpatterns as reference_urls
from tracker.documents.views import urlpatterns as document_urls
from tracker.due.views import urlpatterns as due_urls
from tracker.history.views import urlpatterns as history_urls
from tracker.intake.views import urlpatterns as intake_urls
from tracker.national.views import urlpatterns as national_urls
from tracker.notifications.views import urlpatterns as notification_urls
from tracker.people.views import urlpatterns as people_urls
from tracker.programme.views import urlpatterns as programme_urls
from tracker.progress.comments import urlpatterns as comment_urls
from tracker.progress.views import urlpatterns as progress_urls
from tracker.registers.views.common import urlpatterns as register_urls
from tracker.registers.views.media import urlpatterns as media_register_urls
from tracker.registers.views.points import urlpatterns as info_point_register_urls
from tracker.registers.views.publications import urlpatterns as publication_register_urls
from tracker.registers.views.radio import urlpatterns as radio_register_urls
from tracker.registers.views.smartphones import urlpatterns as smartphone_register_urls
from tracker.registers.views.training import urlpatterns as training_register_urls
from tracker.reports.views import urlpatterns as official_report_urls
from tracker.work.views import urlpatterns as work_urls

app_name = "tracker"
urlpatterns = [
    path("", home.home, name="home"),
    *document_urls,
    *area_urls,
    *programme_urls,
    *reference_urls,
    *people_urls,
    *intake_urls,
    *work_urls,
    *progress_urls,
    *history_urls,
    *comment_urls,
    *due_urls,
    *notification_urls,
    *official_report_urls,
    *dashboard_urls,
    *national_urls,
    *register_urls,
    *radio_register_urls,
    *training_register_urls,
    *media_register_urls,
    *info_point_register_urls,
    *publication_register_urls,
    *smartphone_register_urls,
    *choice_urls,
]
