"""The error pages' views: 500 and 503 render without the database.

Django's 403 and 404 handlers render `403.html` and `404.html` (templates/); the 500 handler
below renders `500.html` — or `503.html` with `Retry-After` when the error is the database
being unreachable (PostgreSQL restarting, connections dropped), which is an outage to wait
out rather than a bug. Neither touches the database: the templates have no user, menu or
messages (templates/errors/layout.html).
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


def database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


def unavailable(request: HttpRequest | None = None) -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it while handling the exception, so it is at hand."""
    if database_unavailable(sys.exc_info()[1]):
        return unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())
