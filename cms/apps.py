from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The campaign site's Wagtail pages (imports tracker)."""

    name = "cms"
    verbose_name = _("Campaign site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Published articles count as outputs in the tracker (cms/outputs.py).
        from cms import outputs

        outputs.connect()
