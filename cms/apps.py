from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The campaign site's Wagtail pages (imports tracker)."""

    name = "cms"
    verbose_name = _("Campaign site")
