"""Vietnamese first: the language is the one chosen with the switcher, else Vietnamese.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
every official whose browser happens to be in English; the product's language is Vietnamese.
"""

import re

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in dict(settings.LANGUAGES):
            chosen = settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = translation.get_language()


class RequestBodyLimitMiddleware:
    """Refuse a request whose declared body is larger than allowed before anything reads it
    (HTTP 413): an anonymous client cannot make the server spool a large upload to disk.

    Everyone gets REQUEST_MAX_BODY_BYTES; signed-in users get more on the upload pages listed
    in REQUEST_BODY_ALLOWANCES (a path pattern and its limit). Each upload's own size is then
    checked again before it is stored (EVIDENCE_MAX_BYTES, the import's limit, Wagtail's)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def limit_for(self, request) -> int:
        # The API's clients sign in with each request (HTTP Basic), which DRF checks before
        # it reads the body.
        signed_in = request.user.is_authenticated or (
            request.path_info.startswith("/api/") and "HTTP_AUTHORIZATION" in request.META
        )
        if signed_in:
            for pattern, limit in settings.REQUEST_BODY_ALLOWANCES:
                if re.match(pattern, request.path_info):
                    return limit
        return settings.REQUEST_MAX_BODY_BYTES

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.REQUEST_MAX_BODY_BYTES and declared > self.limit_for(request):
            limit = self.limit_for(request)
            message = _("The data sent is too large (%(size)s); the limit here is %(limit)s.") % {
                "size": filesizeformat(declared),
                "limit": filesizeformat(limit),
            }
            response = render(request, "request_too_large.html", {"message": message}, status=413)
            response["Connection"] = "close"  # the unread body is not waited for
            return response
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """`Permissions-Policy` on every response (first in the chain, so static files served by
    WhiteNoise and Wagtail's admin carry it too): none of the browser's powerful features —
    camera, microphone, location, payment, USB… — is needed by any page."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# The path the benchmark's trivial page answers on (TrivialPageMiddleware, BENCHMARK only).
TRIVIAL_PATH = "/__benchmark__/trivial"
QUERY_COUNT_HEADER = "X-Query-Count"


class QueryCountMiddleware:
    """BENCHMARK only (first in the chain): the number of SQL queries the request ran, the
    middleware's included, in the X-Query-Count header — counted with an execute wrapper, so
    without DEBUG and its query log."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response[QUERY_COUNT_HEADER] = str(count)
        return response


class TrivialPageMiddleware:
    """BENCHMARK only (last in the chain): TRIVIAL_PATH answers a few bytes after every other
    middleware ran, which is what a view that does nothing costs."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == TRIVIAL_PATH:
            return HttpResponse(b"ok", content_type="text/plain")
        return self.get_response(request)
