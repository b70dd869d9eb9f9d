"""Pages of the documents: plans (read like the document), their timeline, units, areas, and
the managers' forms for plans, targets, deadlines and reporting rules.

Views are thin: look the object up through the user's visibility (404 when it is not
visible), check the right to change it (403), then form → service → redirect.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tracker.areas.figures import BY_NEW, area_figures
from tracker.areas.forms import AreaFiguresForm
from tracker.core import permissions, scope
from tracker.core.areas import plan_province_id
from tracker.core.deletion import delete_page
from tracker.documents import selectors, services
from tracker.documents.forms import (
    AreaFilterForm,
    DeadlineForm,
    PlanDutyFormSet,
    PlanFilterForm,
    PlanForm,
    ReportingRuleForm,
    TargetForm,
    UnitFilterForm,
)
from tracker.models import Deadline, Plan, ReportingRule, Target
from tracker.outputs import selectors as selectors_progress

TEMPLATES = "tracker/documents/"
PLANS_PER_PAGE = 25
UNITS_PER_PAGE = 100
AREAS_PER_PAGE = 200  # a province's communes (the largest has 168) on one page


def _page(request: HttpRequest, items, per_page: int):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for the pagination links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _saved(form, save: Callable[[], object]) -> bool:
    """Run the service; on a validation error put its messages on the form."""
    try:
        save()
    except ValidationError as error:
        form.add_service_error(error)
        return False
    return True


def _plan_from_query(request: HttpRequest) -> Plan:
    """The plan named by ?plan= on the create pages (only plans the user may see)."""
    pk = request.GET.get("plan", "")
    if not pk.isdigit():
        raise Http404
    return permissions.get_visible_or_404(permissions.plans_visible_to(request.user), pk=int(pk))


# --- Plans -------------------------------------------------------------------------------------


def _chosen_document(request: HttpRequest) -> int | None:
    """A legal document just created from the plan form (?legal_document=, on the way back)."""
    value = request.GET.get("legal_document", "")
    return int(value) if value.isdigit() else None


def _save_plan(form: PlanForm, request: HttpRequest) -> Plan:
    return services.plan_save(plan=form.instance, actor=request.user, legal_bases=form.legal_bases())


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    issuers = selectors.plan_issuers(request.user)
    form = PlanFilterForm(request.GET or None, issuers=issuers)
    filters = form.cleaned_data if form.is_valid() else {}
    plans = selectors.plans_for_list(
        request.user,
        status=filters.get("status", ""),
        year=filters.get("year"),
        issuer_id=filters.get("issuer"),
        search=filters.get("q", "").strip(),
    )
    context = {"form": form, "page": _page(request, plans, PLANS_PER_PAGE), "query": _query_without_page(request)}
    return render(request, TEMPLATES + "plan_list.html", context)


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.plan_document(request.user, pk)
    return render(request, TEMPLATES + "plan_detail.html", {"doc": document, "plan": document.plan})


@login_required
@require_GET
def plan_timeline(request: HttpRequest, pk: int) -> HttpResponse:
    data = selectors.plan_timeline(request.user, pk)
    return render(request, TEMPLATES + "plan_timeline.html", {"data": data, "plan": data.plan, "chart": data.chart})


@transaction.atomic
def _save_plan_with_duties(form: PlanForm, duties: PlanDutyFormSet | None, request: HttpRequest) -> Plan:
    """The plan, its legal bases and its section IV in one transaction."""
    plan = _save_plan(form, request)
    if duties is not None:
        kept, removed = duties.ordered_duties()
        services.plan_duties_save(plan=plan, duties=kept, removed=removed, actor=request.user)
    return plan


def _plan_form_page(request: HttpRequest, plan: Plan | None) -> tuple[HttpResponse | None, Plan]:
    """The plan form with its section IV; (the page to show, or None once saved; the plan)."""
    data = request.POST if request.method == "POST" else None
    # A plan's lists are those of its province; a new plan's, those of the manager's province.
    province_id = plan_province_id(plan) if plan is not None else None
    if province_id is None:
        province = scope.province_of(request.user)
        province_id = province.pk if province is not None and not request.user.is_superuser else None
    form = PlanForm(data, instance=plan, province_id=province_id, chosen_document=_chosen_document(request))
    duties = PlanDutyFormSet(data, instance=plan or Plan(), prefix="duties", province_id=province_id)
    if data is not None and "duties-TOTAL_FORMS" not in data:
        duties = None  # a POST without section IV (an older form, a script) leaves it as it is
    if request.method == "POST":
        valid = form.is_valid() & (duties is None or duties.is_valid())  # both: every error at once
        if valid and _saved(form, lambda: _save_plan_with_duties(form, duties, request)):
            return None, form.instance
    context = {"form": form, "duties": duties, "plan": plan}
    return render(request, TEMPLATES + "plan_form.html", context), form.instance


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    response, plan = _plan_form_page(request, None)
    if response is not None:
        return response
    messages.success(request, _("The plan was created."))
    _warn_if_component_not_in_force(request, plan)
    return redirect("tracker:plan_detail", pk=plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = permissions.get_visible_or_404(permissions.plans_visible_to(request.user), pk=pk)
    permissions.require_manager(request.user)
    response, plan = _plan_form_page(request, plan)
    if response is not None:
        return response
    messages.success(request, _("The plan was saved."))
    _warn_if_component_not_in_force(request, plan)
    return redirect("tracker:plan_detail", pk=plan.pk)


def _warn_if_component_not_in_force(request: HttpRequest, plan: Plan) -> None:
    """A 2026 plan filed under the 2021–2025 sub-project is saved, with a warning: the date may
    be a typo, or the programme tree may lack the 2026 component."""
    component = plan.programme_component
    day = plan.issued_on or plan.period_start
    if component is not None and day is not None and not component.in_force_on(day):
        messages.warning(
            request,
            _("The plan's date (%(day)s) is outside the period of its programme component %(component)s (%(period)s).")
            % {
                "day": day.strftime("%d/%m/%Y"),
                "component": component.name,
                "period": " – ".join(
                    d.strftime("%d/%m/%Y") if d else "…" for d in (component.valid_from, component.valid_to)
                ),
            },
        )


# --- Targets, deadlines, reporting rules (all belong to a plan) ---------------------------------


def _plan_part_form(
    request: HttpRequest,
    *,
    plan: Plan,
    instance,
    form_class,
    save: Callable,
    created: bool,
    title: str,
    success: str,
    form_kwargs: dict | None = None,
) -> HttpResponse:
    """The shared flow of the forms of a plan's parts: validate, save through the service,
    go back to the plan on success."""
    form = form_class(request.POST if request.method == "POST" else None, instance=instance, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid() and _saved(form, lambda: save(form.instance)):
        messages.success(request, success)
        return redirect("tracker:plan_detail", pk=plan.pk)
    context = {"form": form, "plan": plan, "title": title, "instance": instance, "created": created}
    if not created:
        context["delete_url"] = reverse(_DELETE_URLS[type(instance)], args=[instance.pk])
    return render(request, TEMPLATES + "part_form.html", context)


_DELETE_URLS = {
    Target: "tracker:target_delete",
    Deadline: "tracker:deadline_delete",
    ReportingRule: "tracker:reporting_rule_delete",
}


def _visible_part(request: HttpRequest, queryset: QuerySet, pk: int):
    """A target, deadline or reporting rule of a plan the user may see (404 otherwise)."""
    visible_plans = permissions.plans_visible_to(request.user)
    return permissions.get_visible_or_404(queryset.select_related("plan").filter(plan__in=visible_plans), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def target_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    plan = _plan_from_query(request)
    target = Target(plan=plan, year=plan.period_start.year)
    return _plan_part_form(
        request,
        plan=plan,
        instance=target,
        form_class=TargetForm,
        save=lambda obj: services.target_save(target=obj, actor=request.user),
        created=True,
        title=_("Add a target"),
        success=_("The target was added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = _visible_part(request, permissions.targets_visible_to(request.user), pk)
    permissions.require_manager(request.user)
    return _plan_part_form(
        request,
        plan=target.plan,
        instance=target,
        form_class=TargetForm,
        save=lambda obj: services.target_save(target=obj, actor=request.user),
        created=False,
        title=_("Edit a target"),
        success=_("The target was saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def deadline_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    plan = _plan_from_query(request)
    return _plan_part_form(
        request,
        plan=plan,
        instance=Deadline(plan=plan),
        form_class=DeadlineForm,
        form_kwargs={"plan": plan},
        save=lambda obj: services.deadline_save(deadline=obj, actor=request.user),
        created=True,
        title=_("Add a deadline"),
        success=_("The deadline was added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def deadline_edit(request: HttpRequest, pk: int) -> HttpResponse:
    deadline = _visible_part(request, Deadline.objects.all(), pk)
    permissions.require_manager(request.user)
    return _plan_part_form(
        request,
        plan=deadline.plan,
        instance=deadline,
        form_class=DeadlineForm,
        form_kwargs={"plan": deadline.plan},
        save=lambda obj: services.deadline_save(deadline=obj, actor=request.user),
        created=False,
        title=_("Edit a deadline"),
        success=_("The deadline was saved."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def reporting_rule_create(request: HttpRequest) -> HttpResponse:
    permissions.require_manager(request.user)
    plan = _plan_from_query(request)
    rule = ReportingRule(plan=plan, active_from=plan.period_start, active_to=plan.period_end)
    return _plan_part_form(
        request,
        plan=plan,
        instance=rule,
        form_class=ReportingRuleForm,
        save=lambda obj: services.reporting_rule_save(rule=obj, actor=request.user),
        created=True,
        title=_("Add a reporting rule"),
        success=_("The reporting rule was added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def reporting_rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule = _visible_part(request, ReportingRule.objects.all(), pk)
    permissions.require_manager(request.user)
    return _plan_part_form(
        request,
        plan=rule.plan,
        instance=rule,
        form_class=ReportingRuleForm,
        save=lambda obj: services.reporting_rule_save(rule=obj, actor=request.user),
        created=False,
        title=_("Edit a reporting rule"),
        success=_("The reporting rule was saved."),
    )


# --- Deleting, or ending what cannot be deleted ----------------------------------------------


def _plan_url(plan_id: int, anchor: str = "") -> str:
    return reverse("tracker:plan_detail", args=[plan_id]) + anchor


@login_required
@require_http_methods(["GET", "POST"])
def plan_delete(request: HttpRequest, pk: int) -> HttpResponse:
    plan = permissions.get_visible_or_404(permissions.plans_visible_to(request.user), pk=pk)
    permissions.require_manager(request.user)
    closed = plan.status == Plan.Status.CLOSED
    return delete_page(
        request,
        instance=plan,
        delete=lambda: services.plan_delete(plan=plan, actor=request.user),
        archive=None if closed else lambda: services.plan_close(plan=plan, actor=request.user),
        archive_label=_("Close the plan"),
        archive_help=_("A closed plan keeps all its work and reports, and asks for no more reports."),
        back_url=_plan_url(plan.pk),
        done_url=reverse("tracker:plan_list"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = _visible_part(request, permissions.targets_visible_to(request.user), pk)
    permissions.require_manager(request.user)
    return delete_page(
        request,
        instance=target,
        delete=lambda: services.target_delete(target=target, actor=request.user),
        back_url=_plan_url(target.plan_id),
        done_url=_plan_url(target.plan_id),
    )


@login_required
@require_http_methods(["GET", "POST"])
def deadline_delete(request: HttpRequest, pk: int) -> HttpResponse:
    deadline = _visible_part(request, Deadline.objects.all(), pk)
    permissions.require_manager(request.user)
    return delete_page(
        request,
        instance=deadline,
        delete=lambda: services.deadline_delete(deadline=deadline, actor=request.user),
        back_url=_plan_url(deadline.plan_id),
        done_url=_plan_url(deadline.plan_id),
    )


@login_required
@require_http_methods(["GET", "POST"])
def reporting_rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = _visible_part(request, ReportingRule.objects.all(), pk)
    permissions.require_manager(request.user)
    return delete_page(
        request,
        instance=rule,
        delete=lambda: services.reporting_rule_delete(rule=rule, actor=request.user),
        archive=lambda: services.reporting_rule_end(rule=rule, actor=request.user),
        archive_label=_("End the rule today"),
        archive_help=_("An ended rule keeps the reports written under it and asks for no later period."),
        back_url=_plan_url(rule.plan_id),
        done_url=_plan_url(rule.plan_id),
    )


# --- Units and areas --------------------------------------------------------------------------


@login_required
@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    form = UnitFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    units = selectors.units_for_directory(
        request.user,
        kind=filters.get("kind", ""),
        search=filters.get("q", "").strip(),
        groups=filters.get("groups", ""),
        include_ended=filters.get("ended", False),
    )
    context = {"form": form, "page": _page(request, units, UNITS_PER_PAGE), "query": _query_without_page(request)}
    return render(request, TEMPLATES + "unit_list.html", context)


@login_required
@require_GET
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.unit_page(request.user, pk)
    return render(request, TEMPLATES + "unit_detail.html", {"page": page, "unit": page.unit})


@login_required
@require_GET
def area_list(request: HttpRequest) -> HttpResponse:
    form = AreaFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    nodes = selectors.areas_for_tree(
        request.user,
        down_to=filters.get("down_to") or AreaFilterForm.base_fields["down_to"].initial,
        search=filters.get("q", "").strip(),
        include_ended=filters.get("ended", False),
        on=filters.get("on"),
    )
    page = _page(request, nodes, AREAS_PER_PAGE)
    context = {"form": form, "nodes": page.object_list, "page": page, "query": _query_without_page(request)}
    return render(request, TEMPLATES + "area_list.html", context)


@login_required
@require_GET
def area_detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = selectors.area_page(request.user, pk)
    # Accepted figures next to each target, rolled up from the tasks in the area (1 query).
    selectors_progress.targets_with_actuals(page.targets)
    # The area's figures with those of the areas it was formed from, by the old units or the
    # new one (?by=old), as the successions stood on a date (?on=, today by default).
    form = AreaFiguresForm(request.GET or None)
    choice = form.cleaned_data if form.is_valid() else {}
    figures = area_figures(
        request.user,
        page.area,
        on=choice.get("on") or page.area.valid_to or timezone.localdate(),
        by=choice.get("by") or BY_NEW,
    )
    # Edit and end only an area of the manager's own province (the pages answer 404 otherwise),
    # read from the ancestors the page already holds.
    can_edit = scope.manages_area(request.user, page.area, page.ancestors)
    context = {"page": page, "area": page.area, "figures": figures, "figures_form": form, "can_edit_area": can_edit}
    return render(request, TEMPLATES + "area_detail.html", context)


urlpatterns = [
    path("plans/", plan_list, name="plan_list"),
    path("plans/new/", plan_create, name="plan_create"),
    path("plans/<int:pk>/", plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", plan_edit, name="plan_edit"),
    path("plans/<int:pk>/timeline/", plan_timeline, name="plan_timeline"),
    path("targets/new/", target_create, name="target_create"),
    path("targets/<int:pk>/edit/", target_edit, name="target_edit"),
    path("deadlines/new/", deadline_create, name="deadline_create"),
    path("deadlines/<int:pk>/edit/", deadline_edit, name="deadline_edit"),
    path("reporting-rules/new/", reporting_rule_create, name="reporting_rule_create"),
    path("reporting-rules/<int:pk>/edit/", reporting_rule_edit, name="reporting_rule_edit"),
    path("reporting-rules/<int:pk>/delete/", reporting_rule_delete, name="reporting_rule_delete"),
    path("plans/<int:pk>/delete/", plan_delete, name="plan_delete"),
    path("targets/<int:pk>/delete/", target_delete, name="target_delete"),
    path("deadlines/<int:pk>/delete/", deadline_delete, name="deadline_delete"),
    path("units/", unit_list, name="unit_list"),
    path("units/<int:pk>/", unit_detail, name="unit_detail"),
    path("areas/", area_list, name="area_list"),
    path("areas/<int:pk>/", area_detail, name="area_detail"),
]
