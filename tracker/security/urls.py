"""/accounts/mfa/… (the second factor) and /accounts/security-log/ (the DIC's log)."""

from tracker.security.views import urlpatterns

app_name = "security"
__all__ = ["app_name", "urlpatterns"]
