"""Manager pages of the province's reference data: units, legal documents and indicators.

DIC managers (and superusers) create, edit and end them here instead of in the Django
admin; every write goes through `tracker.documents.services` with the actor in history.
Anyone else gets 403; a unit outside the manager's province answers 404.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tracker.core import permissions
from tracker.core.forms import add_service_error
from tracker.core.scope import units_managed_by
from tracker.documents import reference_selectors as selectors
from tracker.documents import services
from tracker.documents.reference_forms import (
    EndForm,
    IndicatorForm,
    LegalDocumentForm,
    SearchForm,
    UnitEndForm,
    UnitForm,
    duplicate_message,
)
from tracker.models import Indicator, LegalDocument, Unit

TEMPLATES = "tracker/documents/reference/"
PER_PAGE = 50


def _post_or_none(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _saved(form, save: Callable[[], object]) -> bool:
    """Run the service; on a refusal put its messages on the form (a duplicate with its link)."""
    try:
        save()
    except services.DuplicateDocument as error:
        form.add_error("number_symbol", duplicate_message(error.existing))
        return False
    except ValidationError as error:
        form.add_service_error(error)
        return False
    return True


def _safe_next(request: HttpRequest) -> str:
    """Where to go back to after an inline create (the plan form), if it is this site's."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


def _list_context(request: HttpRequest, items) -> dict:
    form = SearchForm(request.GET or None)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": form,
        "page": Paginator(items, PER_PAGE).get_page(request.GET.get("page")),
        "query": query.urlencode(),
    }


def _filters(request: HttpRequest) -> dict:
    form = SearchForm(request.GET or None)
    return form.cleaned_data if form.is_valid() else {}


def _form_page(request: HttpRequest, form, *, title: str, back: str, extra: dict | None = None) -> HttpResponse:
    context = {"form": form, "title": title, "back": back, "next": _safe_next(request), **(extra or {})}
    return render(request, TEMPLATES + "form.html", context)


def _end_page(request: HttpRequest, form, *, obj, title: str, back: str) -> HttpResponse:
    return render(request, TEMPLATES + "end.html", {"form": form, "object": obj, "title": title, "back": back})


# --- Units --------------------------------------------------------------------------------------


def _managed_unit(request: HttpRequest, pk: int) -> Unit:
    permissions.require_manager(request.user)
    return permissions.get_visible_or_404(units_managed_by(request.user), pk=pk)


def _save_unit(form: UnitForm, request: HttpRequest) -> None:
    services.unit_save(unit=form.instance, actor=request.user)
    if form.instance.is_group or form.initial.get("members"):
        services.unit_members_set(unit=form.instance, members=form.cleaned_data["members"], actor=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    form = UnitForm(_post_or_none(request), user=request.user)
    if request.method == "POST" and form.is_valid() and _saved(form, lambda: _save_unit(form, request)):
        messages.success(request, _("The unit was created."))
        return redirect("tracker:unit_detail", pk=form.instance.pk)
    return _form_page(request, form, title=_("New unit"), back=reverse("tracker:unit_list"))


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _managed_unit(request, pk)
    form = UnitForm(_post_or_none(request), instance=unit, user=request.user)
    if request.method == "POST" and form.is_valid() and _saved(form, lambda: _save_unit(form, request)):
        messages.success(request, _("The unit was saved."))
        return redirect("tracker:unit_detail", pk=unit.pk)
    back = reverse("tracker:unit_detail", args=[unit.pk])
    return _form_page(request, form, title=_("Edit unit"), back=back, extra={"object": unit})


@login_required
@require_http_methods(["GET", "POST"])
def unit_end(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _managed_unit(request, pk)
    form = UnitEndForm(_post_or_none(request), unit=unit, user=request.user)

    def save():
        data = form.cleaned_data
        services.unit_end(unit=unit, on=data["valid_to"], successor=data["successor"], actor=request.user)

    if request.method == "POST" and form.is_valid() and _saved_plain(form, save):
        messages.success(request, _("The unit was ended."))
        return redirect("tracker:unit_detail", pk=unit.pk)
    back = reverse("tracker:unit_detail", args=[unit.pk])
    return _end_page(request, form, obj=unit, title=_("End unit"), back=back)


def _saved_plain(form, save: Callable[[], object]) -> bool:
    """As `_saved`, for a plain form (errors of fields it lacks go above it)."""
    try:
        save()
    except ValidationError as error:
        add_service_error(form, error)
        return False
    return True


# --- Legal documents ----------------------------------------------------------------------------


@login_required
@require_GET
def legal_document_list(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    filters = _filters(request)
    documents = selectors.legal_documents_for_list(
        search=filters.get("q", "").strip(), include_ended=filters.get("ended", False)
    )
    return render(request, TEMPLATES + "legal_document_list.html", _list_context(request, documents))


@login_required
@require_http_methods(["GET", "POST"])
def legal_document_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    form = LegalDocumentForm(_post_or_none(request))
    save = lambda: services.legal_document_save(document=form.instance, actor=request.user)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _saved(form, save):
        messages.success(request, _("The legal document was added."))
        back = _safe_next(request)
        if back:
            # Back to the plan form, with the new document chosen as its next legal basis.
            separator = "&" if "?" in back else "?"
            return redirect(back + separator + urlencode({"legal_document": form.instance.pk}))
        return redirect("tracker:legal_document_list")
    back = _safe_next(request) or reverse("tracker:legal_document_list")
    return _form_page(request, form, title=_("New legal document"), back=back)


@login_required
@require_http_methods(["GET", "POST"])
def legal_document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    document = permissions.get_visible_or_404(LegalDocument.objects.all(), pk=pk)
    form = LegalDocumentForm(_post_or_none(request), instance=document)
    save = lambda: services.legal_document_save(document=form.instance, actor=request.user)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _saved(form, save):
        messages.success(request, _("The legal document was saved."))
        return redirect("tracker:legal_document_list")
    back = reverse("tracker:legal_document_list")
    return _form_page(request, form, title=_("Edit legal document"), back=back, extra={"object": document})


@login_required
@require_http_methods(["GET", "POST"])
def legal_document_end(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    document = permissions.get_visible_or_404(LegalDocument.objects.all(), pk=pk)
    form = EndForm(_post_or_none(request))
    save = lambda: services.legal_document_end(  # noqa: E731
        document=document, on=form.cleaned_data["valid_to"], actor=request.user
    )
    if request.method == "POST" and form.is_valid() and _saved_plain(form, save):
        messages.success(request, _("The legal document is no longer offered for new plans."))
        return redirect("tracker:legal_document_list")
    back = reverse("tracker:legal_document_list")
    return _end_page(request, form, obj=document, title=_("End legal document"), back=back)


# --- Indicators ---------------------------------------------------------------------------------


@login_required
@require_GET
def indicator_list(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    filters = _filters(request)
    indicators = selectors.indicators_for_list(
        search=filters.get("q", "").strip(), include_ended=filters.get("ended", False)
    )
    return render(request, TEMPLATES + "indicator_list.html", _list_context(request, indicators))


@login_required
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    form = IndicatorForm(_post_or_none(request))
    save = lambda: services.indicator_save(indicator=form.instance, actor=request.user)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _saved(form, save):
        messages.success(request, _("The indicator was added."))
        return redirect(_safe_next(request) or reverse("tracker:indicator_list"))
    back = _safe_next(request) or reverse("tracker:indicator_list")
    return _form_page(request, form, title=_("New indicator"), back=back)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    indicator = permissions.get_visible_or_404(Indicator.objects.all(), pk=pk)
    form = IndicatorForm(_post_or_none(request), instance=indicator)
    save = lambda: services.indicator_save(indicator=form.instance, actor=request.user)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _saved(form, save):
        messages.success(request, _("The indicator was saved."))
        return redirect("tracker:indicator_list")
    back = reverse("tracker:indicator_list")
    return _form_page(request, form, title=_("Edit indicator"), back=back, extra={"object": indicator})


@login_required
@require_http_methods(["GET", "POST"])
def indicator_end(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require_manager(request.user)
    indicator = permissions.get_visible_or_404(Indicator.objects.all(), pk=pk)
    form = EndForm(_post_or_none(request))
    save = lambda: services.indicator_end(  # noqa: E731
        indicator=indicator, on=form.cleaned_data["valid_to"], actor=request.user
    )
    if request.method == "POST" and form.is_valid() and _saved_plain(form, save):
        messages.success(request, _("The indicator is no longer offered for new targets."))
        return redirect("tracker:indicator_list")
    back = reverse("tracker:indicator_list")
    return _end_page(request, form, obj=indicator, title=_("End indicator"), back=back)


urlpatterns = [
    path("units/new/", unit_create, name="unit_create"),
    path("units/<int:pk>/edit/", unit_edit, name="unit_edit"),
    path("units/<int:pk>/end/", unit_end, name="unit_end"),
    path("legal-documents/", legal_document_list, name="legal_document_list"),
    path("legal-documents/new/", legal_document_create, name="legal_document_create"),
    path("legal-documents/<int:pk>/edit/", legal_document_edit, name="legal_document_edit"),
    path("legal-documents/<int:pk>/end/", legal_document_end, name="legal_document_end"),
    path("indicators/", indicator_list, name="indicator_list"),
    path("indicators/new/", indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/edit/", indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/end/", indicator_end, name="indicator_end"),
]
