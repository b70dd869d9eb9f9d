"""History pages: who changed which field of an object from what to what, newest first.

Whoever may see the object may see its history (404 otherwise, as on its own page). An
object's page may add related rows users think of as part of it; see `STREAMS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from tracker.core import permissions, scope
from tracker.history.selectors import Stream, history_page, want_and_describe
from tracker.models import (
    REGISTER_MODELS,
    Activity,
    Area,
    Cooperation,
    Deadline,
    Indicator,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    ProgressReport,
    RadioStation,
    RadioStationState,
    RadioWorkVillage,
    RegisterEntry,
    RegisterEvidence,
    ReportingRule,
    Target,
    Task,
    Trainee,
    TrainingMaterial,
    Unit,
    User,
)
from tracker.registers import permissions as register_permissions
from tracker.registers.services import URL_PREFIX


def _output_name(row, names) -> str:
    return f"{_('Output indicator')}: {row.name}"


def _report_period(row, names) -> str:
    return f"{_('Progress report')} {row.period_start:%d/%m/%Y}–{row.period_end:%d/%m/%Y}"


@dataclass(frozen=True)
class HistoryPage:
    model: type[Model]
    visible: object  # user → the queryset of objects the user may see
    back: str  # the URL name of the object's own page ("" if it has none)
    related: tuple[Stream, ...] = ()
    fields: tuple[str, ...] | None = None  # the object's own fields shown; None: every editable one

    def streams(self) -> list[Stream]:
        return [Stream(self.model, "id", fields=self.fields), *self.related]


def _plan_parts(user) -> QuerySet:
    return permissions.plans_visible_to(user)


PAGES: dict[str, HistoryPage] = {
    "plan": HistoryPage(
        Plan,
        permissions.plans_visible_to,
        "tracker:plan_detail",
        related=(
            Stream(
                PlanLegalBasis,
                "plan_id",
                fields=("document", "order", "lead_in"),
                describe=want_and_describe(PlanLegalBasis, "document_id", _("Legal basis")),
            ),
            Stream(
                PlanDuty,
                "plan_id",
                fields=("unit", "heading", "text", "order"),
                describe=want_and_describe(PlanDuty, "unit_id", _("Duty")),
            ),
        ),
    ),
    "activity": HistoryPage(
        Activity,
        permissions.activities_visible_to,
        "tracker:activity_detail",
        related=(
            Stream(
                Cooperation,
                "activity_id",
                fields=("unit", "note"),
                describe=want_and_describe(Cooperation, "unit_id", _("Cooperating unit")),
            ),
            Stream(
                OutputIndicator,
                "activity_id",
                fields=("name", "unit_of_measure", "planned_quantity", "indicator"),
                describe=_output_name,
            ),
        ),
    ),
    "task": HistoryPage(
        Task,
        permissions.tasks_visible_to,
        "tracker:task_detail",
        related=(
            # A task's history shows where its reports went: drafted, submitted, accepted…
            Stream(ProgressReport, "task_id", fields=("status",), describe=_report_period),
        ),
    ),
    "target": HistoryPage(Target, permissions.targets_visible_to, ""),
    "deadline": HistoryPage(
        Deadline, lambda user: Deadline.objects.filter(plan__in=permissions.plans_visible_to(user)), ""
    ),
    "reporting_rule": HistoryPage(
        ReportingRule, lambda user: ReportingRule.objects.filter(plan__in=permissions.plans_visible_to(user)), ""
    ),
    # The directory of units and areas is open to every signed-in user, and so is its history.
    "unit": HistoryPage(Unit, lambda user: Unit.objects.all(), "tracker:unit_detail"),
    "area": HistoryPage(Area, lambda user: Area.objects.all(), "tracker:area_detail"),
    # Reference data and people: their history is for those who manage them.
    "legal_document": HistoryPage(
        LegalDocument,
        lambda user: (
            LegalDocument.objects.all() if permissions.can_manage_plans(user) else LegalDocument.objects.none()
        ),
        "",
    ),
    "indicator": HistoryPage(
        Indicator,
        lambda user: Indicator.objects.all() if permissions.can_manage_plans(user) else Indicator.objects.none(),
        "",
    ),
    "user": HistoryPage(
        User,
        scope.users_managed_by,
        "tracker:user_edit",
        related=(),
        fields=("username", "first_name", "last_name", "email", "unit", "phone", "is_active"),
    ),
    "report": HistoryPage(
        ProgressReport,
        lambda user: ProgressReport.objects.filter(task__in=permissions.tasks_visible_to(user)),
        "tracker:report_detail",
    ),
}


def _line_name(label):
    def describe(row, names) -> str:
        return f"{label}: {row}"

    return describe


def _evidence_name(row, names) -> str:
    return f"{_('Evidence file')}: {row.original_name}"


# A register entry's history shows its own fields, its lines and its files.
REGISTER_LINES = {
    RegisterEntry.Kind.RADIO_WORK: (Stream(RadioWorkVillage, "work_id", describe=_line_name(_("Village"))),),
    RegisterEntry.Kind.TRAINING_COURSE: (
        Stream(TrainingMaterial, "course_id", describe=_line_name(_("Material"))),
        Stream(Trainee, "course_id", describe=_line_name(_("Trainee"))),
    ),
}


def _entries_visible(model):
    return lambda user: register_permissions.entries_visible_to(user, model.objects.all())


for _kind, _model in REGISTER_MODELS.items():
    PAGES[URL_PREFIX[_kind]] = HistoryPage(
        _model,
        _entries_visible(_model),
        f"tracker:{URL_PREFIX[_kind]}_detail",
        related=(*REGISTER_LINES.get(_kind, ()), Stream(RegisterEvidence, "entry_id", describe=_evidence_name)),
    )
PAGES["radio_station"] = HistoryPage(
    RadioStation,
    # Anyone who sees the registers sees the stations (communes' equipment, no unit's work).
    lambda user: (
        permissions.with_area_in_province(user, RadioStation.objects.all(), "commune")
        if register_permissions.can_see_registers(user)
        else RadioStation.objects.none()
    ),
    "tracker:radio_station_detail",
    related=(Stream(RadioStationState, "station_id", describe=_line_name(_("State"))),),
)


def _back_url(page: HistoryPage, obj: Model, name: str) -> str:
    """The object's own page, or the plan's for the parts shown on it."""
    if page.back:
        try:
            return reverse(page.back, args=[obj.pk])
        except Exception:  # the page's module may not be installed (e.g. task_detail)
            return ""
    plan_id = getattr(obj, "plan_id", None)
    if plan_id:
        return reverse("tracker:plan_detail", args=[plan_id])
    return reverse(LIST_PAGES[name]) if name in LIST_PAGES else ""


# Objects with no page of their own go back to their list.
LIST_PAGES = {"legal_document": "tracker:legal_document_list", "indicator": "tracker:indicator_list"}


def _history_view(kind: str):
    page = PAGES[kind]

    @login_required
    @require_safe
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        obj = permissions.get_visible_or_404(page.visible(request.user), pk=pk)
        paginated, entries = history_page(page.streams(), obj.pk, request.GET.get("page"))
        context = {
            "object": obj,
            "kind": kind,
            "model_name": page.model._meta.verbose_name,
            "back_url": _back_url(page, obj, kind),
            "page": paginated,
            "entries": entries,
        }
        return render(request, "tracker/history/history.html", context)

    view.__name__ = f"{kind}_history"
    view.__qualname__ = view.__name__
    return view


ROUTES = {
    "plan": "plans",
    "activity": "activities",
    "task": "tasks",
    "target": "targets",
    "deadline": "deadlines",
    "reporting_rule": "reporting-rules",
    "unit": "units",
    "area": "areas",
    "legal_document": "legal-documents",
    "indicator": "indicators",
    "user": "people",
    "report": "reports",
    "radio_station": "registers/radio-stations",
    "radio_work": "registers/radio-works",
    "training_course": "registers/training-courses",
    "media_product": "registers/media-products",
    "info_point": "registers/information-points",
    "publication": "registers/publications",
    "smartphone_handover": "registers/smartphones",
}

urlpatterns = [
    path(f"{prefix}/<int:pk>/history/", _history_view(kind), name=f"{kind}_history") for kind, prefix in ROUTES.items()
]
