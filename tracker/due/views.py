"""Deadlines people cannot miss: the "what is due" page, the timeliness scoreboard, and each
user's reminder preferences.

Thin views: the selectors in `tracker.due.selectors` decide who sees what (403 for a role
with no work to report on, 404 for a unit an officer may not see); preferences are saved
through `services.user_preferences_save`.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from tracker.choices.sources import SOURCES, source_queryset
from tracker.core import permissions
from tracker.core.calendar import periods_for_rule
from tracker.core.forms import add_service_error
from tracker.core.pagination import Paged
from tracker.core.widgets import DateInput, RemoteModelChoiceField
from tracker.due import selectors as selectors_due
from tracker.due import services
from tracker.models import ReportDispatch, ReportingRule, Unit
from tracker.work.selectors import plan_label


def _int_param(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError as exc:
        raise Http404 from exc


# The due page's units per page (the selector pages them in SQL).
DUE_UNITS_PER_PAGE = selectors_due.DUE_UNITS_PER_PAGE


class DueUnitForm(forms.Form):
    """The unit a province-wide reader narrows the page to: a search box that fetches units as
    the user types (`RemoteSelect`), never the 3,000 units of a country as options."""

    unit = RemoteModelChoiceField(
        Unit.objects.none(),
        source="units",
        search_fields=SOURCES["units"].search_fields,
        required=False,
        label=gettext_lazy("Unit"),
    )

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["unit"].queryset = source_queryset("units", user)
        self.fields["unit"].widget.attrs["id"] = "due-unit"


@login_required
@require_safe
def due(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    whole = permissions.sees_whole_programme(request.user)
    form = None
    if whole:
        # A unit of the reader's province (or a shared one), by id or by name; one the reader
        # may not see is refused by the form, and the page shows every unit.
        form = DueUnitForm(request.GET, user=request.user)
        if form.is_valid():
            chosen = form.cleaned_data["unit"]
            unit_id = chosen.pk if chosen is not None else None
        elif request.GET.get("unit", "").strip().isdigit():
            raise Http404  # a unit that does not exist or is not the reader's to see
        else:
            unit_id = None  # a name that matches no unit, or several: said at the field
    else:
        unit_id = _int_param(request, "unit")  # an officer's other unit: 404 below
    page = selectors_due.due_page(request.user, today=today, unit_id=unit_id, page=request.GET.get("page"))
    # The units' sections a page at a time (the totals above count them all); the links keep
    # the chosen unit.
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "tracker/due/due.html",
        {
            "page": page,
            "sections": Paged(page=page.page, param="page", query=query.urlencode()),
            "today": today,
            "whole": whole,
            "form": form,
            # The page's own overdue reports, for the officer; the managers' badge counts
            # the whole province (one more pass over the same rows is not worth a query).
            "overdue_badge": page.totals["overdue_reports"] if page.chosen_unit is None else None,
        },
    )


class ScoreboardForm(forms.Form):
    plan = forms.TypedChoiceField(label=gettext_lazy("Plan"), coerce=int, required=False)
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, required=False)

    def __init__(self, data, *, plans, years):
        super().__init__(data)
        self.fields["plan"].choices = [(plan.pk, plan_label(plan)) for plan in plans]
        self.fields["year"].choices = [(year, str(year)) for year in years]


@login_required
@require_safe
def timeliness(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (permissions.sees_whole_programme(user) or permissions.is_unit_officer(user)):
        raise PermissionDenied
    today = timezone.localdate()
    plans = selectors_due.scoreboard_plans(user)
    by_pk = {plan.pk: plan for plan in plans}
    plan = selectors_due.default_plan(plans, today)
    plan_pk = _int_param(request, "plan")
    if plan_pk is not None:
        if plan_pk not in by_pk:
            raise Http404
        plan = by_pk[plan_pk]
    years = list(range(plan.period_start.year, plan.period_end.year + 1)) if plan else [today.year]
    year = min(max(today.year, years[0]), years[-1])
    year_param = _int_param(request, "year")
    if year_param is not None and year_param in years:
        year = year_param
    form = ScoreboardForm({"plan": plan.pk if plan else "", "year": year}, plans=plans, years=years)
    board = selectors_due.scoreboard(user, plan=plan, year=year, today=today)
    return render(
        request,
        "tracker/due/timeliness.html",
        {"form": form, "board": board, "today": today, "overdue_badge": None},
    )


class PreferencesForm(forms.Form):
    wants_digest = forms.BooleanField(
        label=gettext_lazy("E-mail me what is due"),
        required=False,
        help_text=gettext_lazy("Each morning: what is due in the next 7 days and what is overdue."),
    )
    email = forms.EmailField(label=gettext_lazy("E-mail address"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("wants_digest") and not data.get("email"):
            self.add_error("email", _("Give an e-mail address to receive the digest."))
        return data


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            try:
                services.user_preferences_save(
                    user=user,
                    wants_digest=form.cleaned_data["wants_digest"],
                    email=form.cleaned_data["email"],
                    actor=user,
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your preferences were saved."))
                return redirect("tracker:preferences")
    else:
        form = PreferencesForm(initial={"wants_digest": user.wants_digest, "email": user.email})
    return render(request, "tracker/due/preferences.html", {"form": form})


class DispatchForm(forms.Form):
    sent_on = forms.DateField(label=gettext_lazy("Sent on"), widget=DateInput())
    number_symbol = forms.CharField(
        label=gettext_lazy("Number and symbol"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("E.g. 45/BC-SKHCN; blank if it has none."),
    )
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, max_length=2000, widget=forms.Textarea({"rows": 3})
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_dispatch(request: HttpRequest, rule: int, unit: int) -> HttpResponse:
    """One period of a report a unit sends under a rule: whether it was sent, and the form to
    record it (the unit's officers and the DIC managers). Others who may not see it get 404."""
    user = request.user
    rules = ReportingRule.objects.select_related("plan", "reporter", "recipient").prefetch_related("reporter__members")
    rule_obj = get_object_or_404(permissions.in_province(user, rules, "plan__"), pk=rule)
    unit_obj = get_object_or_404(Unit, pk=unit)
    own = permissions.is_unit_officer(user) and user.unit_id == unit_obj.pk
    if not (own or permissions.sees_whole_programme(user)) or unit_obj.pk not in rule_obj.reporting_unit_ids():
        raise Http404
    span = selectors_due.parse_period_param(request.GET.get("period", ""))
    period = next((p for p in periods_for_rule(rule_obj) if span == (p.start, p.end)), None)
    if period is None:
        raise Http404
    can_record = own or permissions.can_manage_plans(user)
    dispatch = ReportDispatch.objects.filter(
        rule=rule_obj, unit=unit_obj, period_start=period.start, period_end=period.end
    ).first()
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        form = DispatchForm(request.POST)
        if form.is_valid():
            try:
                services.report_dispatch_record(
                    rule=rule_obj,
                    unit=unit_obj,
                    period_start=period.start,
                    period_end=period.end,
                    actor=user,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The report was recorded as sent."))
                return redirect(request.get_full_path())
    else:
        initial = {"sent_on": timezone.localdate()}
        if dispatch is not None:
            initial = {"sent_on": dispatch.sent_on, "number_symbol": dispatch.number_symbol, "note": dispatch.note}
        form = DispatchForm(initial=initial)
    return render(
        request,
        "tracker/due/dispatch.html",
        {
            "rule": rule_obj,
            "unit": unit_obj,
            "period": period,
            "dispatch": dispatch,
            "form": form if can_record else None,
            "today": timezone.localdate(),
        },
    )


urlpatterns = [
    path("due/", due, name="due"),
    path("due/timeliness/", timeliness, name="timeliness"),
    path("due/rules/<int:rule>/units/<int:unit>/", report_dispatch, name="report_dispatch"),
    path("preferences/", preferences, name="preferences"),
]
