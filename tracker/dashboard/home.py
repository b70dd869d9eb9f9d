from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from tracker.dashboard.selectors import can_see_dashboard


@login_required
def home(request):
    """The tracker's front door: the dashboard for everyone who follows the work (what is
    late, who has not reported, how much is disbursed); the activity board for the others."""
    return redirect("tracker:dashboard" if can_see_dashboard(request.user) else "tracker:board")
