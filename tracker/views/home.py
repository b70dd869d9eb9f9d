from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect


@login_required
def home(request):
    """The tracker's front door: the activity board, where the day's work is."""
    return redirect("tracker:board")
