"""Wagtail admin configuration: the target-audience list as a snippet moderators keep."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Audience


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Target audiences")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "order"]
    ordering = ["order", "name"]


register_snippet(AudienceViewSet)
