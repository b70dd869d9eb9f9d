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
        from cms.templatetags.cms_tags import can_use_cms
        from tracker.core import extensions

        outputs.connect()
        # The national benchmark's campaign and articles, and the site's pages it measures.
        from cms import benchmark

        extensions.register_benchmark_part(
            extensions.BenchmarkPart("cms", build=benchmark.build, pages=benchmark.pages)
        )
        # The tracker's menu links to Wagtail's admin only through what is registered here.
        extensions.register_nav_link(
            extensions.NAV_SITE,
            extensions.NavLink(
                "cms", _("Edit the campaign site"), "wagtailadmin_home", visible=can_use_cms, css_class="nav-cms"
            ),
        )
