from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The second factor (TOTP + recovery codes) and the DIC's security log: tracker/security/.
    path("accounts/", include("tracker.security.urls")),
    # Set (from an invitation), reset and change a password: tracker/people/auth.py.
    path("accounts/", include("tracker.people.auth")),
    path("admin/", admin.site.urls),
    path("tracker/", include("tracker.urls")),
    path("budgets/", include("budgets.urls")),
    path("api/v1/", include("tracker.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI from drf-spectacular-sidecar, its start-up script a file of its own (the CSP
    # allows no inline script).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    # The campaign site: Wagtail's admin for editors and moderators, document downloads, the
    # site's search, feeds and sitemap, and last the page tree itself, which serves "/".
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("cms.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
# Wagtail's catch-all comes after everything else (media files included in development).
urlpatterns.append(path("", include(wagtail_urls)))

# Own error pages in the site's style (templates/403.html, 404.html, 500.html, 503.html); the
# 500 handler answers 503 when the database is unreachable, and neither needs the database.
handler500 = "tracker.config.errors.server_error"
