from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.models import AuthEvent


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("The 6-digit code the authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Event"), required=False, choices=[("", _("All events")), *AuthEvent.Kind.choices])
    username = forms.CharField(label=_("User name"), required=False, max_length=150)
