"""What every form page shares: a service's refusal shown on the form (or, for a POST with no
form of its own, as messages), and choice lists in Vietnamese order."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest

from tracker.core.widgets import VietnameseOrderIterator


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError next to the fields it names (or above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def error_messages(request: HttpRequest, error: ValidationError) -> None:
    """Show each message of a service's ValidationError as an error message (a button that
    posts no form, so there is no field to show it next to)."""
    for message in error.messages:
        messages.error(request, message)


def service_step(request: HttpRequest, action: Callable[..., object], success: str, **kwargs) -> bool:
    """Run a workflow service as the user (``action(actor=request.user, **kwargs)``) and say how
    it went: `success` as a message, or its refusal (e.g. the state changed meanwhile) as error
    messages. True when it ran; the view redirects either way."""
    try:
        action(actor=request.user, **kwargs)
    except ValidationError as error:
        error_messages(request, error)
        return False
    messages.success(request, success)
    return True


def forget_rolled_back_row(instance: models.Model) -> None:
    """Make an object the service tried to create unsaved again: its transaction was rolled
    back, so the page must offer to create it, not to edit a row that does not exist (a
    register entry's parent row included)."""
    instance.pk = None
    for parent in instance._meta.get_parent_list():
        setattr(instance, parent._meta.pk.attname, None)
    instance._state.adding = True


class service_errors_on:
    """Run the service calls that save `form.instance`; a ValidationError they raise is shown
    on the form (and a new object is made unsaved again) instead of propagating.

        with service_errors_on(form) as outcome:
            services.task_assign(task=form.instance, actor=request.user)
        if outcome.saved:
            return redirect(...)
    """

    def __init__(self, form: forms.BaseForm) -> None:
        self.form = form
        self.saved = False

    def __enter__(self) -> service_errors_on:
        instance = getattr(self.form, "instance", None)
        self._was_new = instance is not None and instance._state.adding
        return self

    def __exit__(self, exc_type, error, traceback) -> bool:
        if exc_type is None:
            self.saved = True
            return False
        if not issubclass(exc_type, ValidationError):
            return False
        if self._was_new:
            forget_rolled_back_row(self.form.instance)
        add_service_error(self.form, error)
        return True


def set_choices(field: forms.ModelChoiceField, queryset, *, vietnamese_order: bool = True) -> None:
    """Give a choice field its options, sorted the Vietnamese way (Đ after D) unless told not to."""
    if vietnamese_order:
        field.iterator = VietnameseOrderIterator
    field.queryset = queryset  # also refreshes the widget's choices
