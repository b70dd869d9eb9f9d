"""Deleting with guards: what goes with a row, and what forbids deleting it.

"Nothing accepted is lost": a row that progress reports, output records, register entries,
money (budgets' estimates, allocations, donations), generated reports or reports sent under
a rule depend on cannot be deleted — those foreign keys are `on_delete=PROTECT`, so the
database itself refuses, whatever the path (a page, the admin, a shell). This module asks
Django's deletion collector the same question before anything is written, so the confirmation
page can list what would go with the row, or what keeps it, without knowing the apps that
point at it (tracker never imports budgets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from tracker.models import User

# Rows that follow their parent silently: object rights granted to groups and users.
_HIDDEN_APPS = {"guardian"}


# Rows derived from the others and rebuilt by their services (the expected reports): not
# something a person deletes along with a task, so not listed.
_DERIVED = {"Obligation"}


def _hidden(model: type[models.Model]) -> bool:
    return (
        model._meta.app_label in _HIDDEN_APPS
        or model.__name__.endswith("ObjectPermission")
        or model.__name__ in _DERIVED
    )


@dataclass
class DeletionCheck:
    """What deleting `instance` would do: the rows that go with it, or those that keep it."""

    instance: models.Model
    goes_with: list[tuple[str, int]] = field(default_factory=list)  # (what, how many)
    blocked_by: list[tuple[str, int]] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return not self.blocked_by


def _label(model: type[models.Model], count: int) -> str:
    meta = model._meta
    return str(capfirst(meta.verbose_name if count == 1 else meta.verbose_name_plural))


def _counted(objects) -> list[tuple[str, int]]:
    counts = Counter(type(obj) for obj in objects if not _hidden(type(obj)))
    return sorted(((_label(model, n), n) for model, n in counts.items()), key=lambda item: item[0])


def _collector(instance: models.Model) -> Collector:
    collector = Collector(using=router.db_for_write(type(instance), instance=instance), origin=instance)
    collector.collect([instance])
    return collector


def deletion_check(instance: models.Model) -> DeletionCheck:
    """Ask the deletion collector (a few queries, nothing written)."""
    try:
        collector = _collector(instance)
    except ProtectedError as error:
        return DeletionCheck(instance, blocked_by=_counted(error.protected_objects))
    except RestrictedError as error:
        return DeletionCheck(instance, blocked_by=_counted(error.restricted_objects))
    others = [obj for model_objects in collector.data.values() for obj in model_objects if obj != instance]
    goes_with = _counted(others)
    for queryset in collector.fast_deletes:
        if not _hidden(queryset.model):
            count = queryset.count()
            if count:
                goes_with.append((_label(queryset.model, count), count))
    return DeletionCheck(instance, goes_with=goes_with)


def refusal(check: DeletionCheck) -> ValidationError:
    listed = "; ".join(f"{label}: {count}" for label, count in check.blocked_by)
    return ValidationError(
        _("%(object)s cannot be deleted: accepted work depends on it (%(dependants)s). End or close it instead.")
        % {"object": capfirst(check.instance._meta.verbose_name), "dependants": listed},
        code="protected",
    )


@transaction.atomic
def delete_guarded(*, instance: models.Model, actor: User | None) -> DeletionCheck:
    """Delete a row and everything that goes with it, each with a history row naming the
    actor; refuse (ValidationError) when anything depends on it."""
    try:
        collector = _collector(instance)
    except (ProtectedError, RestrictedError):
        raise refusal(deletion_check(instance)) from None
    check = deletion_check(instance)
    # django-simple-history reads `_history_user` on the very objects the collector deletes.
    for model_objects in collector.data.values():
        for obj in model_objects:
            obj._history_user = actor
    collector.delete()
    return check


def delete_page(
    request: HttpRequest,
    *,
    instance: models.Model,
    delete: Callable[[], object],
    back_url: str,
    done_url: str,
    archive: Callable[[], object] | None = None,
    archive_label: str = "",
    archive_help: str = "",
) -> HttpResponse:
    """The confirmation page of a delete: what goes with the row, or what keeps it and the
    way to end it instead. POST action=delete deletes, action=archive ends/closes/cancels;
    a refusal comes back as a message on this page. The caller checked the permissions."""
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "delete":
                delete()
                messages.success(request, _("Deleted: %(object)s.") % {"object": _short(instance)})
                return redirect(done_url)
            if action == "archive" and archive is not None:
                archive()
                messages.success(request, _("Done: %(action)s.") % {"action": archive_label})
                return redirect(back_url)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(request.get_full_path())
    return render(
        request,
        "tracker/documents/delete_confirm.html",
        {
            "object": instance,
            "object_label": _short(instance),
            "kind": capfirst(instance._meta.verbose_name),
            "check": deletion_check(instance),
            "back_url": back_url,
            "archive_label": archive_label if archive is not None else "",
            "archive_help": archive_help,
        },
    )


def _short(instance: models.Model) -> str:
    text = " ".join(str(instance).split())
    return text if len(text) <= 120 else text[:119] + "…"
