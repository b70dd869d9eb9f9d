"""Wagtail admin configuration: the target-audience list as a snippet moderators keep, and the
refusal to delete an article that counts as a tracker output, and who reads the contact form's messages."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Audience, counted_articles_under
from tracker.core import permissions, roles


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Target audiences")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "order"]
    ordering = ["order", "name"]


register_snippet(AudienceViewSet)


@hooks.register("before_delete_page")
def refuse_deleting_a_counted_article(request, page):
    """Defence in depth behind `CampaignSitePermissionTester.can_delete`: a page that is, or
    holds, an article counted as a tracker output is not deleted; it is unpublished instead."""
    if request.method == "POST" and counted_articles_under(page):
        messages.error(request, _("This article counts as a tracker output: unpublish it instead of deleting it."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("filter_form_submissions_for_user")
def only_moderators_read_the_messages(user, editable_forms):
    """The contact page's messages (names, addresses, questions) are read by the moderators and
    the site administrator; editors, who may edit the page, do not see them."""
    if user.is_superuser or roles.CMS_MODERATOR in permissions.role_names(user):
        return editable_forms
    return editable_forms.none()
