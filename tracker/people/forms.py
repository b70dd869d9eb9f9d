"""Forms of the people pages and of "Tài khoản của tôi"."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.core import roles
from tracker.core.scope import grantable_roles, province_of, units_managed_by
from tracker.core.widgets import VietnameseOrderIterator
from tracker.models import Unit, User


class UnitChoiceField(forms.ModelChoiceField):
    iterator = VietnameseOrderIterator


class PersonSearchForm(forms.Form):
    q = forms.CharField(label=_("Search name, e-mail or unit"), required=False, max_length=200)
    inactive = forms.BooleanField(label=_("Include deactivated accounts"), required=False)


class PersonForm(forms.Form):
    """Name, e-mail, roles (by their Vietnamese names) and unit; never staff or superuser."""

    last_name = forms.CharField(label=_("Family and middle names"), max_length=150)
    first_name = forms.CharField(label=_("Given name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), help_text=_("The invitation and password links are sent here."))
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        required=False,
        help_text=_("Leave blank to use the part of the e-mail address before @."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    roles = forms.MultipleChoiceField(label=_("Roles"), widget=forms.CheckboxSelectMultiple, required=False)
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, actor: User, person: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roles"].choices = [(name, roles.LABELS[name]) for name in grantable_roles(actor)]
        units = units_managed_by(actor, Unit.objects.in_force())
        if person is not None and person.unit_id:
            units = units | Unit.objects.filter(pk=person.unit_id)
        self.fields["unit"].queryset = units.distinct()
        # A province's manager places every person in a unit of the province (see the service).
        self.fields["unit"].required = not actor.is_superuser and province_of(actor) is not None
        if person is not None:
            # The username is how the person logs in: not changed here.
            del self.fields["username"]

    def clean(self):
        cleaned = super().clean()
        if roles.UNIT_OFFICER in cleaned.get("roles", []) and not cleaned.get("unit"):
            self.add_error("unit", _("A unit officer belongs to a unit."))
        return cleaned


class AccountForm(forms.Form):
    last_name = forms.CharField(label=_("Family and middle names"), max_length=150)
    first_name = forms.CharField(label=_("Given name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
