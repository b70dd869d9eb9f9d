"""What every register shares: the registers' index, an entry's review (submit, accept, return),
deletion, evidence files, and the link that leads from any entry (an output record, the review
queue) to its register's own page. Each register's list, detail, form and export pages live in
`tracker/views/registers_<register>.py`.

Thin views: the entry is looked up through the permission-filtered queryset (404 when the
user may not see it), a change the user may not make answers 403, the service does the rest.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from tracker.core import permissions as tracker_permissions
from tracker.core.forms import error_messages, service_step
from tracker.models import REGISTER_MODELS, RegisterEntry, RegisterEvidence
from tracker.progress.forms import MultipleFileField, ReturnForm
from tracker.progress.views import evidence_file_response
from tracker.registers import permissions, selectors, services


class EvidenceForm(forms.Form):
    files = MultipleFileField(label=gettext_lazy("Photos, acceptance minutes or other files"))
    caption = forms.CharField(label=gettext_lazy("Caption"), max_length=255, required=False)


def entry_panel(request: HttpRequest, entry: RegisterEntry) -> dict:
    """What a register's detail page needs for the shared panel (`_entry_panel.html`): the
    review state, the actions the user may take, the evidence and the forms."""
    return {
        "entry": entry,
        "can_edit": permissions.can_edit(request.user, entry),
        "can_review": permissions.can_review(request.user),
        "evidence_form": EvidenceForm(),
        "return_form": ReturnForm(),
        "evidence_list": list(entry.evidence.all()),
        "history_url_name": f"tracker:{services.URL_PREFIX[entry.kind]}_history",
    }


def entry_page(request: HttpRequest, entry: RegisterEntry, template: str, **context) -> HttpResponse:
    """A register entry's own page: what its register shows of it (`context`) and the shared
    review panel."""
    return render(request, template, {**context, **entry_panel(request, entry)})


def require_reader(request: HttpRequest) -> None:
    """Registers are the business of the DIC, finance officers, monitors and unit officers;
    anyone else (a CMS editor) gets 403 on the lists and forms."""
    if not permissions.can_see_registers(request.user):
        raise PermissionDenied


def filtered_entries(request: HttpRequest, model, filterset_class, queryset=None):
    """The register's list as the user may see it, through its filters (a FilterSet whose
    `.qs` is the rows and `.form` the filter form)."""
    queryset = selectors.entries_for_list(request.user, model) if queryset is None else queryset
    return filterset_class(request.GET or None, queryset=queryset, user=request.user)


def list_context(request: HttpRequest, filterset, *, per_page: int = 50) -> dict:
    """Context every register list shares: the page of rows, the filters, the query string
    without the page (for pagination and the Excel link), and whether the user may add."""
    paginator = Paginator(filterset.qs, per_page)
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": filterset,
        "page_obj": paginator.get_page(request.GET.get("page")),
        "query": query.urlencode(),
        "can_create": permissions.can_create(request.user),
    }


def _visible_entry(request: HttpRequest, pk: int) -> RegisterEntry:
    return selectors.entry_any_for_user(request.user, pk)


@login_required
@require_safe
def register_index(request: HttpRequest) -> HttpResponse:
    """The six registers with how many entries of each the user sees and how many wait for
    review (1 query)."""
    require_reader(request)
    visible = permissions.entries_visible_to(request.user, RegisterEntry.objects.all())
    counts = {
        row["kind"]: row
        for row in visible.values("kind").annotate(
            total=Count("pk"),
            accepted=Count("pk", filter=Q(status=RegisterEntry.Status.ACCEPTED)),
            waiting=Count("pk", filter=Q(status=RegisterEntry.Status.SUBMITTED)),
        )
    }
    registers = [
        {
            "kind": kind,
            "label": REGISTER_MODELS[kind]._meta.verbose_name_plural,
            "url": reverse(f"tracker:{services.URL_PREFIX[kind]}_list"),
            "total": counts.get(kind, {}).get("total", 0),
            "accepted": counts.get(kind, {}).get("accepted", 0),
            "waiting": counts.get(kind, {}).get("waiting", 0),
        }
        for kind in RegisterEntry.Kind
    ]
    return render(
        request,
        "tracker/registers/index.html",
        {"registers": registers, "can_review": permissions.can_review(request.user)},
    )


@login_required
@require_safe
def entry_redirect(request: HttpRequest, pk: int) -> HttpResponse:
    """Any entry's own page, from its number alone (output records and queues link here)."""
    entry = _visible_entry(request, pk)
    return redirect(services.detail_url(entry))


@login_required
@require_POST
def entry_submit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _visible_entry(request, pk)
    if not permissions.can_edit(request.user, entry):
        raise PermissionDenied
    service_step(request, services.entry_submit, _("The entry was submitted for review."), entry=entry)
    return redirect(services.detail_url(entry))


@login_required
@require_POST
def entry_accept(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _visible_entry(request, pk)
    if not permissions.can_review(request.user):
        raise PermissionDenied
    service_step(
        request,
        services.entry_accept,
        _("The entry was accepted; it now counts towards the activity's outputs."),
        entry=entry,
    )
    return redirect(services.detail_url(entry))


@login_required
@require_POST
def entry_return(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _visible_entry(request, pk)
    if not permissions.can_review(request.user):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the entry is returned."))
        return redirect(services.detail_url(entry))
    service_step(
        request,
        services.entry_return,
        _("The entry was returned to the unit."),
        entry=entry,
        reason=form.cleaned_data["reason"],
    )
    return redirect(services.detail_url(entry))


@login_required
@require_POST
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _visible_entry(request, pk)
    if not permissions.can_edit(request.user, entry):
        raise PermissionDenied
    list_url = reverse(f"tracker:{services.URL_PREFIX[entry.kind]}_list")
    services.entry_delete(entry=entry, actor=request.user)
    messages.success(request, _("The entry was deleted."))
    return redirect(list_url)


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _visible_entry(request, pk)
    if not permissions.can_edit(request.user, entry):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    uploads = request.FILES.getlist("files")
    if not uploads:
        messages.error(request, _("Choose at least one file to attach."))
        return redirect(services.detail_url(entry))
    try:
        attached = services.evidence_attach_many(
            entry=entry, uploads=uploads, caption=form.data.get("caption", "")[:255], actor=request.user
        )
    except ValidationError as error:
        error_messages(request, error)
    else:
        messages.success(request, _("%(count)s file(s) attached.") % {"count": len(attached)})
    return redirect(services.detail_url(entry))


def _visible_evidence(request: HttpRequest, pk: int) -> RegisterEvidence:
    evidence = get_object_or_404(RegisterEvidence.objects.select_related("entry"), pk=pk)
    _visible_entry(request, evidence.entry_id)  # 404 unless the user sees the entry
    return evidence


@login_required
@require_safe
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    return evidence_file_response(_visible_evidence(request, pk))


@login_required
@require_POST
def evidence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _visible_evidence(request, pk)
    if not permissions.can_edit(request.user, evidence.entry):
        raise PermissionDenied
    entry = evidence.entry
    services.evidence_remove(evidence=evidence, actor=request.user)
    messages.success(request, _("The file was removed."))
    return redirect(services.detail_url(entry))


def review_entries(user) -> list[RegisterEntry]:
    """Submitted register entries for the DIC's review queue (empty for anyone else)."""
    return list(selectors.review_queue(user)) if tracker_permissions.can_manage_plans(user) else []


urlpatterns = [
    path("registers/", register_index, name="register_index"),
    path("registers/entries/<int:pk>/", entry_redirect, name="register_entry"),
    path("registers/entries/<int:pk>/submit/", entry_submit, name="register_entry_submit"),
    path("registers/entries/<int:pk>/accept/", entry_accept, name="register_entry_accept"),
    path("registers/entries/<int:pk>/return/", entry_return, name="register_entry_return"),
    path("registers/entries/<int:pk>/delete/", entry_delete, name="register_entry_delete"),
    path("registers/entries/<int:pk>/evidence/", evidence_upload, name="register_evidence_upload"),
    path("registers/evidence/<int:pk>/", evidence_download, name="register_evidence_download"),
    path("registers/evidence/<int:pk>/remove/", evidence_remove, name="register_evidence_remove"),
]
