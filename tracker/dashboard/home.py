from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from tracker.core import extensions, permissions
from tracker.dashboard.selectors import can_see_dashboard


@login_required
def home(request):
    """The tracker's front door (and where a login lands): the dashboard for everyone who
    follows the work (what is late, who has not reported, how much is disbursed); the activity
    board for the DIC's other tracker users. Someone with no tracker role, a CMS editor or
    moderator, goes on to the first place another app's menu link offers them (the campaign
    site's admin, which `cms` registers), never to a tracker page that has nothing for them."""
    user = request.user
    if can_see_dashboard(user):
        return redirect("tracker:dashboard")
    if not permissions.uses_tracker(user):
        for slot in (extensions.NAV_SITE, extensions.NAV_WORK):
            for link in extensions.nav_links(slot):
                if link.visible(user):
                    return redirect(link.url_name)
    return redirect("tracker:board")
