"""Vietnamese first: the language is the one chosen with the switcher, else Vietnamese.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
every official whose browser happens to be in English; the product's language is Vietnamese.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in dict(settings.LANGUAGES):
            chosen = settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = translation.get_language()
