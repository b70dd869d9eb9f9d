"""/api/v1/: the read API (names "api:plan-list", "api:plan-detail", "api:plan-target-table", …)."""

from rest_framework.routers import DefaultRouter

from . import progress, views

app_name = "api"
router = DefaultRouter()
router.register("plans", views.PlanViewSet, basename="plan")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("targets", views.TargetViewSet, basename="target")
router.register("units", views.UnitViewSet, basename="unit")
router.register("areas", views.AreaViewSet, basename="area")
router.register("legal-documents", views.LegalDocumentViewSet, basename="legaldocument")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("progress-reports", progress.ProgressReportViewSet, basename="progressreport")
urlpatterns = router.urls
