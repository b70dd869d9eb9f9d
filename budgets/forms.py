"""Form pieces shared by the budgets pages."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from budgets.money import parse_vnd


class VNDInput(forms.TextInput):
    """Amounts are typed as text (``1.234.567``), shown grouped with dots."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", "class": "money", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return super().format_value(value)


class VNDField(forms.Field):
    """A whole amount of đồng: accepts ``1.234.567``, ``1234567``, ``1,234,567`` (and a
    trailing ``đ``), refuses decimals and negatives with a message saying what to type."""

    widget = VNDInput
    default_error_messages = {
        "invalid": _("Enter a whole amount of đồng, e.g. 1.234.567."),
        "min_value": _("The amount must be at least %(limit)s đ."),
    }

    def __init__(self, *, min_value: int | None = None, **kwargs):
        self.min_value = min_value
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            amount = value
        else:
            try:
                amount = parse_vnd(str(value))
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if self.min_value is not None and amount < self.min_value:
            raise ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": f"{self.min_value:,}".replace(",", ".")},
            )
        return amount
