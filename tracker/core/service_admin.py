"""The Django admin writes through the services, as every page does.

A `ModelAdmin` built on `ServiceAdminMixin` says in `save_model` / `delete_model` which service
writes its model, and each inline built on `ServiceInlineMixin` says the same for its rows in
`save_row` / `delete_row`; the mixin sends the inline rows there (deletions first, so a row
can be removed and added back in one go) and deletes a selection one row at a time through
`delete_model`. `tests/tracker/test_admin_services.py` fails when an admin edits a model that
has a service without going through it.

A service that refuses (a `ValidationError`) is not a server error: the admin's transaction
is rolled back, so nothing is written, and the form is shown again with the service's message
next to the field or inline row it concerns. Django's change view cannot add an error once
it has started saving, so the refusal is kept on the request and the view run once more,
where the form (or the row's inline form) reports it during validation.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin


@dataclass(frozen=True)
class _Refusal:
    error: ValidationError
    prefix: str | None = None  # the inline formset's prefix, None for the main form
    index: int | None = None  # the row in that formset


class ServiceRefused(Exception):
    """A service refused one inline row (carries where, so the error lands on that row)."""

    def __init__(self, refusal: _Refusal):
        super().__init__(refusal.error)
        self.refusal = refusal


_REFUSAL = "_admin_service_refusal"


def _add_error(form: forms.BaseForm, error: ValidationError) -> None:
    """The service's messages next to the fields they name, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@contextmanager
def _row(formset, index: int | None) -> Iterator[None]:
    try:
        yield
    except ValidationError as error:
        raise ServiceRefused(_Refusal(error, formset.prefix, index)) from error


class ServiceAdminMixin:
    """Put before the ModelAdmin class: `class PlanAdmin(ServiceAdminMixin, SimpleHistoryAdmin)`.

    Subclasses define `save_model` and `delete_model` (calling their services with
    `actor=request.user`); inlines of models with a service use `ServiceInlineMixin`.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, ServiceRefused) as refused:
            # Raised while saving, inside the admin's transaction: nothing was written.
            if request.method != "POST" or getattr(request, _REFUSAL, None) is not None:
                raise
            refusal = refused.refusal if isinstance(refused, ServiceRefused) else _Refusal(refused)
            setattr(request, _REFUSAL, refusal)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, _REFUSAL, None)
        if refusal is None or refusal.prefix is not None:
            return form_class

        class RefusedForm(form_class):
            def clean(self):
                cleaned_data = super().clean()
                _add_error(self, refusal.error)
                return cleaned_data

        RefusedForm.__name__ = form_class.__name__
        return RefusedForm

    def save_formset(self, request, form, formset, change):
        inline = getattr(formset, "service_inline", None)
        if inline is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__}: the inline of {formset.model.__name__} does not say which service "
                "writes its rows (use ServiceInlineMixin)."
            )
        index = {id(row_form.instance): i for i, row_form in enumerate(formset.forms)}
        # Nothing is written here: the new and changed rows are returned, the deleted ones listed.
        rows = formset.save(commit=False)
        for row in formset.deleted_objects:
            with _row(formset, index.get(id(row))):
                inline.delete_row(request, row)
        for row in rows:
            with _row(formset, index.get(id(row))):
                inline.save_row(request, row)

    def delete_view(self, request, object_id, extra_context=None):
        # A delete the service refuses (something accepted depends on the row) is a message,
        # not a server error; the admin's transaction is rolled back, nothing is deleted.
        try:
            with transaction.atomic():
                return super().delete_view(request, object_id, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def delete_queryset(self, request, queryset):
        # One at a time through the service (each row's own rules and history), all or none.
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)


class ServiceHistoryAdmin(ServiceAdminMixin, SimpleHistoryAdmin):
    """For tracked models: the admin of `ServiceAdminMixin` with the history pages."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting to an earlier version saves through `save_model` (the service); its
        # refusal is shown as a message, and a reader who may not change the row cannot post.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class ServiceInlineMixin:
    """Put before the inline class; subclasses define `save_row(request, obj)` and
    `delete_row(request, obj)`, calling their services with `actor=request.user`."""

    def get_formset(self, request, obj=None, **kwargs):
        formset_class = super().get_formset(request, obj, **kwargs)
        inline = self

        class ServiceFormSet(formset_class):
            service_inline = inline

            def clean(self):
                super().clean()
                refusal = getattr(request, _REFUSAL, None)
                if refusal is None or refusal.prefix != self.prefix:
                    return
                index = refusal.index
                row = self.forms[index] if index is not None and 0 <= index < len(self.forms) else None
                if row is None or (self.can_delete and self._should_delete_form(row)):
                    # Above the inline: a row marked for deletion shows no errors of its own.
                    raise ValidationError(refusal.error.messages)
                _add_error(row, refusal.error)

        ServiceFormSet.__name__ = formset_class.__name__
        return ServiceFormSet
