"""Money forms take effect once: a repeated post of the same form records one row and shows the
first result.

A form carries a one-time token (`{% submission_token %}` of `budget_figures`). The view,
wrapped in `once_per_token`, spends it: the token's row (`FormSubmission`) is inserted first,
in the same transaction as whatever the view writes, and keeps the address the view
redirected to. The same token posted again finds the row and is sent to that address with a
message; posted at the same moment, the second insert waits on the unique index until the
first commits, then fails and is sent there too. A post that did not succeed (the form shown
again with its errors) wrote nothing and frees its token. A post without a token (an API
client, an old page) is handled as before.
"""

from __future__ import annotations

import uuid
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from budgets.models import FormSubmission

TOKEN_FIELD = "submission_token"


def new_token() -> str:
    return str(uuid.uuid4())


def _token(request: HttpRequest) -> uuid.UUID | None:
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    try:
        return uuid.UUID(request.POST.get(TOKEN_FIELD, ""))
    except ValueError:
        return None


def _replay(request: HttpRequest, earlier: FormSubmission) -> HttpResponse:
    messages.info(
        request,
        _("This form had already been sent and was recorded once; this is the result of the first sending."),
    )
    return redirect(earlier.result_url or request.path)


def once_per_token(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        token = _token(request)
        if token is None:
            return view(request, *args, **kwargs)
        earlier = FormSubmission.objects.filter(token=token, user=request.user).first()
        if earlier is not None:
            return _replay(request, earlier)
        try:
            with transaction.atomic():
                spent = FormSubmission.objects.create(token=token, user=request.user, path=request.path[:300])
                response = view(request, *args, **kwargs)
                if 300 <= response.status_code < 400 and response.has_header("Location"):
                    spent.result_url = response["Location"][:500]
                    spent.save(update_fields=["result_url"])
                else:
                    spent.delete()  # nothing was recorded: the form may be sent again
        except IntegrityError:
            earlier = FormSubmission.objects.filter(token=token, user=request.user).first()
            if earlier is None:
                raise
            return _replay(request, earlier)
        return response

    return wrapper
