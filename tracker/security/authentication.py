"""The API's HTTP Basic login, closed to accounts that need a second factor.

A password alone must not open for a DIC manager through the API what the web login only
opens after a code; they use the API from a verified browser session instead."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BasicAuthentication

from tracker.security import services


class PasswordOnlyBasicAuthentication(BasicAuthentication):
    def authenticate_credentials(self, userid, password, request=None):
        user, auth = super().authenticate_credentials(userid, password, request)
        if services.mfa_required(user) or services.has_authenticator(user):
            raise exceptions.AuthenticationFailed(
                _("This account uses a second factor: sign in through the web page instead.")
            )
        return user, auth


class PasswordOnlyBasicScheme(OpenApiAuthenticationExtension):
    """The API schema describes it as the HTTP Basic scheme it is."""

    target_class = PasswordOnlyBasicAuthentication
    name = "basicAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "basic"}
