"""The Django admin writes through the services, as every page does.

The guard walks every registered ModelAdmin and its inlines: a model is looked up in
`SERVICES` (a registered model missing from it fails the test, so a new admin forces a
decision), and an admin that may add, change or delete a model with a service must override
the admin's writing methods in our own code and call that service. The behaviour tests then
go through the admin's real pages: history rows name the admin user, and a service's refusal
is shown on the page with nothing written.
"""

from __future__ import annotations

import datetime
import types
from collections.abc import Callable

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from budgets import models as budget_models
from budgets import services as budget_services
from budgets.money import format_vnd
from tests import factories
from tracker import models
from tracker.core import roles
from tracker.core.grants import unit_officer_group
from tracker.documents import services as document_services
from tracker.outputs import services as output_services
from tracker.registers import services as register_services
from tracker.reports import services as report_services
from tracker.work import services as work_services

# Every model the admin shows (or shows in an inline), by label → the service that writes it,
# or None when no service does: reference data without history, or another app's own models.
SERVICES: dict[str, Callable | None] = {
    # People and the directory (tracker.documents.services).
    "tracker.User": document_services.user_save,
    "tracker.Area": document_services.area_save,
    "tracker.Unit": document_services.unit_save,
    "tracker.LegalDocument": document_services.legal_document_save,
    "tracker.ProgrammeComponent": document_services.programme_component_save,
    # Plans and what they hold.
    "tracker.Plan": document_services.plan_save,
    "tracker.PlanLegalBasis": document_services.plan_legal_basis_save,
    "tracker.PlanDuty": document_services.plan_duty_save,
    "tracker.Target": document_services.target_save,
    "tracker.Deadline": document_services.deadline_save,
    "tracker.ReportingRule": document_services.reporting_rule_save,
    # Work (tracker.work.services).
    "tracker.Activity": work_services.activity_save,
    "tracker.Cooperation": work_services.cooperation_save,
    "tracker.OutputIndicator": work_services.output_indicator_save,
    "tracker.Task": work_services.task_assign,
    # Written only by a workflow: read-only in the admin.
    "tracker.OutputRecord": output_services.output_record_set,
    "tracker.GeneratedReport": report_services.generated_report_request,
    "tracker.RadioStation": register_services.station_save,
    **{model._meta.label: register_services.entry_save for model in models.REGISTER_MODELS.values()},
    "budgets.Disbursement": budget_services.disbursement_record,
    # Budgets.
    "budgets.Allocation": budget_services.allocation_save,
    "budgets.FundingSource": None,  # the list comes from a data migration; read-only here
    # Reference lists without history, edited in the admin only.
    "tracker.ActivityType": None,
    "tracker.Indicator": None,
    # Other apps' own models.
    "auth.Group": None,  # roles are created in a migration; unit groups by tracker.core.grants
    "axes.AccessAttempt": None,
    # A superuser removes a lost authenticator or recovery-code set (django-otp's own admin);
    # enrolment itself happens at /accounts/mfa/ and is logged there.
    "otp_totp.TOTPDevice": None,
    "otp_static.StaticDevice": None,
    "otp_static.StaticToken": None,
    "axes.AccessLog": None,
    "axes.AccessFailureLog": None,
    "wagtaildocs.Document": None,  # the campaign site's documents, kept in Wagtail's admin
    "wagtailimages.Image": None,
    "taggit.Tag": None,
    "taggit.TaggedItem": None,
}

PROJECT_PACKAGES = ("tracker.", "budgets.", "cms.")


def _superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = models.User(username="guard", is_superuser=True, is_staff=True, is_active=True)
    return request


def _is_ours(owner: type, name: str) -> bool:
    """The method is defined in our code, not inherited from Django or simple_history."""
    method = getattr(owner, name, None)
    return method is not None and getattr(method, "__module__", "").startswith(PROJECT_PACKAGES)


def _names_used(cls: type) -> set[str]:
    """Every name the class's own code (and its project base classes') refers to."""

    def names(code: types.CodeType) -> set[str]:
        found = set(code.co_names)
        for constant in code.co_consts:
            if isinstance(constant, types.CodeType):
                found |= names(constant)
        return found

    used: set[str] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith(PROJECT_PACKAGES):
            continue
        for value in vars(klass).values():
            code = getattr(getattr(value, "__func__", value), "__code__", None)
            if code is not None:
                used |= names(code)
    return used


def _permissions(model_admin, request) -> tuple[bool, bool, bool]:
    if isinstance(model_admin, InlineModelAdmin):
        return (
            model_admin.has_add_permission(request, None),
            model_admin.has_change_permission(request, None),
            model_admin.has_delete_permission(request, None),
        )
    return (
        model_admin.has_add_permission(request),
        model_admin.has_change_permission(request),
        model_admin.has_delete_permission(request),
    )


def _problems_of(model, model_admin, request) -> list[str]:
    label, name = model._meta.label, type(model_admin).__name__
    service = SERVICES[label]
    can_add, can_change, can_delete = _permissions(model_admin, request)
    if service is None or not (can_add or can_change or can_delete):
        return []
    problems = []
    if can_add or can_change:
        for method in ("save_model", "save_formset"):
            if not _is_ours(type(model_admin), method):
                problems.append(f"{name} ({label}) may save but its {method} is Django's: call {service.__name__}")
        if service.__name__ not in _names_used(type(model_admin)):
            problems.append(f"{name} ({label}) may save but never calls {service.__name__}")
        m2m = [field.name for field in model._meta.many_to_many if field.remote_field.through._meta.auto_created]
        if m2m and not _is_ours(type(model_admin), "save_related"):
            problems.append(f"{name} ({label}) writes {m2m} with form.save_m2m(): override save_related")
    if can_delete:
        for method in ("delete_model", "delete_queryset"):
            if not _is_ours(type(model_admin), method):
                problems.append(f"{name} ({label}) may delete but its {method} is Django's")
    return problems


def _inline_problems_of(parent_admin, inline, request) -> list[str]:
    label, name = inline.model._meta.label, type(inline).__name__
    service = SERVICES[label]
    if service is None or not any(_permissions(inline, request)):
        return []
    problems = []
    for method in ("save_row", "delete_row"):
        if not _is_ours(type(inline), method):
            problems.append(f"{name} ({label}) edits rows without a {method} calling the service")
    if service.__name__ not in _names_used(type(inline)):
        problems.append(f"{name} ({label}) edits rows but never calls {service.__name__}")
    if not _is_ours(type(parent_admin), "save_formset"):
        problems.append(f"{type(parent_admin).__name__} saves the {name} rows with Django's save_formset")
    return problems


def test_every_admin_model_and_inline_model_is_in_the_services_table():
    shown = set()
    for model, model_admin in admin.site._registry.items():
        shown.add(model._meta.label)
        shown |= {inline.model._meta.label for inline in model_admin.inlines}
    missing = sorted(shown - SERVICES.keys())
    assert missing == [], f"say in SERVICES which service writes {missing} (or None)"
    assert sorted(SERVICES.keys() - shown) == [], "SERVICES names models the admin no longer shows"


def test_every_admin_that_edits_a_model_with_a_service_goes_through_it():
    request = _superuser_request()
    problems = []
    for model, model_admin in admin.site._registry.items():
        problems += _problems_of(model, model_admin, request)
        for inline in model_admin.get_inline_instances(request):
            problems += _inline_problems_of(model_admin, inline, request)
    assert problems == []


def test_the_guard_catches_an_admin_and_an_inline_that_write_by_themselves():
    """The guard itself: a plain ModelAdmin, and a plain inline on a service admin, fail it."""
    request = _superuser_request()

    class PlainAdmin(admin.ModelAdmin):
        pass

    plain = PlainAdmin(models.Target, admin.site)
    assert len(_problems_of(models.Target, plain, request)) == 5

    class PlainInline(admin.TabularInline):
        model = models.OutputIndicator

    parent = admin.site._registry[models.Activity]
    assert len(_inline_problems_of(parent, PlainInline(models.Activity, admin.site), request)) == 3


def test_workflow_rows_are_read_only_in_the_admin():
    request = _superuser_request()
    for model in [
        models.OutputRecord,
        models.GeneratedReport,
        budget_models.Disbursement,
        *models.REGISTER_MODELS.values(),
    ]:
        assert _permissions(admin.site._registry[model], request) == (False, False, False), model


# --- Through the admin's pages -----------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _values(bound: forms.BoundField) -> dict[str, object]:
    """The field's value as posted, under the names its widget reads."""
    name, value, widget = bound.html_name, bound.value(), bound.field.widget
    if isinstance(bound.field, forms.BooleanField):
        return {name: "on"} if value else {}
    if isinstance(widget, forms.MultiWidget):  # e.g. a date and a time in two inputs
        parts = widget.decompress(value) if not isinstance(value, list) else value
        return {f"{name}_{i}": _text(part) for i, part in enumerate(parts)}
    if isinstance(value, list | tuple):
        return {name: [_text(item) for item in value]}
    return {name: _text(value)}


def _form_data(response) -> dict:
    """What the admin page would post back unchanged: the main form, every inline's management
    form and its existing rows."""
    data = {}
    form = response.context["adminform"].form
    bound_forms = [form]
    for inline in response.context["inline_admin_formsets"]:
        bound_forms += [inline.formset.management_form, *inline.formset.forms]
    for bound_form in bound_forms:
        for name in bound_form.fields:
            data |= _values(bound_form[name])
    return data


def _prefix(response, model) -> str:
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise AssertionError(model)


def _add_row(data: dict, prefix: str, **values) -> None:
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = str(value)


def _in_language(message: str) -> str:
    with translation.override("vi"):
        return gettext(message)


@pytest.mark.django_db
def test_adding_a_plan_with_a_legal_basis_and_a_duty_in_the_admin_records_the_admin_user(admin_client, admin_user):
    issuer = factories.UnitFactory()
    duty_unit = factories.UnitFactory()
    document = document_services.legal_document_save(
        document=models.LegalDocument(
            number_symbol="12/QĐ-TTg", kind=models.LegalDocument.Kind.DECISION, issuer="Thủ tướng", title="Quyết định"
        ),
        actor=None,
    )
    url = reverse("admin:tracker_plan_add")
    data = _form_data(admin_client.get(url))
    data.update(
        issuer=issuer.pk, title="Kế hoạch qua trang quản trị", period_start="2026-01-01", period_end="2026-12-31"
    )
    page = admin_client.get(url)
    _add_row(data, _prefix(page, models.PlanLegalBasis), document=document.pk, order=1)
    _add_row(data, _prefix(page, models.PlanDuty), unit=duty_unit.pk, order=1, text="Tổ chức thực hiện")

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    plan = models.Plan.objects.get(title="Kế hoạch qua trang quản trị")
    assert [(row.history_type, row.history_user) for row in plan.history.all()] == [("+", admin_user)]
    link = plan.legal_basis_links.get()
    assert [(row.history_type, row.history_user) for row in link.history.all()] == [("+", admin_user)]
    duty = plan.duties.get()
    assert [(row.history_type, row.history_user) for row in duty.history.all()] == [("+", admin_user)]


@pytest.mark.django_db
def test_changing_an_activity_with_an_output_and_a_cooperating_unit_in_the_admin_records_the_admin_user(
    admin_client, admin_user
):
    activity = factories.ActivityFactory(title="Tên cũ")
    partner = factories.CommuneCommitteeFactory()
    url = reverse("admin:tracker_activity_change", args=[activity.pk])
    page = admin_client.get(url)
    data = _form_data(page)
    data["title"] = "Tên mới"
    _add_row(
        data,
        _prefix(page, models.OutputIndicator),
        name="Tin bài",
        unit_of_measure="tin",
        planned_quantity=12,
        counted_from=models.OutputIndicator.CountedFrom.REPORTS,
        order=0,
    )
    _add_row(data, _prefix(page, models.Cooperation), unit=partner.pk)

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    activity.refresh_from_db()
    latest = activity.history.first()
    assert (activity.title, latest.history_type, latest.history_user) == ("Tên mới", "~", admin_user)
    output = activity.output_indicators.get()
    assert [(row.history_type, row.history_user) for row in output.history.all()] == [("+", admin_user)]
    cooperation = activity.cooperations.get()
    assert [(row.history_type, row.history_user) for row in cooperation.history.all()] == [("+", admin_user)]
    # Through cooperation_save: the cooperating unit's officers may now see the activity.
    assert models.ActivityGroupObjectPermission.objects.filter(
        content_object=activity, group=unit_officer_group(partner), permission__codename="oversee_activity"
    ).exists()


@pytest.mark.django_db
def test_the_admin_cannot_switch_an_output_with_records_to_reports_and_changes_nothing(admin_client):
    activity = factories.ActivityFactory(title="Tên cũ")
    output = factories.OutputIndicatorFactory(
        activity=activity, counted_from=models.OutputIndicator.CountedFrom.RECORDS
    )
    output_services.output_record_set(
        source="test:1",
        output_indicator=output,
        quantity=1,
        achieved_on=datetime.date(2026, 3, 1),
        title="Bài viết",
        url="",
        actor=None,
    )
    histories = (activity.history.count(), output.history.count())
    url = reverse("admin:tracker_activity_change", args=[activity.pk])
    page = admin_client.get(url)
    data = _form_data(page)
    prefix = _prefix(page, models.OutputIndicator)
    data["title"] = "Tên mới"
    data[f"{prefix}-0-counted_from"] = models.OutputIndicator.CountedFrom.REPORTS

    response = admin_client.post(url, data)

    message = _in_language("Published records already count towards this output; it stays counted from records.")
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    (row,) = next(
        inline.formset.forms
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is models.OutputIndicator
    )
    assert row.errors == {"counted_from": [message]}
    activity.refresh_from_db()
    output.refresh_from_db()
    assert (activity.title, output.counted_from) == ("Tên cũ", models.OutputIndicator.CountedFrom.RECORDS)
    assert (activity.history.count(), output.history.count()) == histories


@pytest.mark.django_db
def test_an_allocation_beyond_the_approved_estimates_is_refused_on_the_admin_form(admin_client):
    activity = factories.ActivityFactory()
    url = reverse("admin:budgets_allocation_add")
    data = _form_data(admin_client.get(url))
    data.update(
        activity=activity.pk,
        unit=activity.lead_unit_id,
        funding_source=budget_models.FundingSource.objects.first().pk,
        year=2026,
        amount=1_000_000,
        decision_number="1/QĐ-UBND",
        decision_date="2026-02-01",
    )

    response = admin_client.post(url, data)

    message = _in_language(
        "Approved estimates give this activity %(approved)s from this source in %(year)s;"
        " %(others)s is already allocated, so at most %(left)s can be allocated here."
    ) % {"approved": format_vnd(0), "year": 2026, "others": format_vnd(0), "left": format_vnd(0)}
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["amount"] == [message]
    assert escape(message) in response.content.decode()
    assert not budget_models.Allocation.objects.exists()


@pytest.mark.django_db
def test_deleting_tasks_with_the_admin_action_revokes_their_rights_and_records_the_admin_user(admin_client, admin_user):
    unit = factories.CommuneCommitteeFactory()
    task = factories.TaskFactory(unit=unit)
    group = unit_officer_group(unit)
    assert models.TaskGroupObjectPermission.objects.filter(content_object=task, group=group).exists()

    response = admin_client.post(
        reverse("admin:tracker_task_changelist"),
        {"action": "delete_selected", "_selected_action": [task.pk], "post": "yes"},
    )

    assert response.status_code == 302
    assert not models.Task.objects.exists()
    deleted = models.Task.history.get(id=task.pk, history_type="-")
    assert deleted.history_user == admin_user
    assert not models.ActivityGroupObjectPermission.objects.filter(content_object=task.activity, group=group).exists()


@pytest.mark.django_db
def test_adding_a_member_to_a_collective_in_the_admin_extends_its_grants(admin_client):
    collective = factories.UnitFactory(kind=models.Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    activity = factories.ActivityFactory(lead_unit=collective)
    member = factories.CommuneCommitteeFactory()
    url = reverse("admin:tracker_unit_change", args=[collective.pk])
    data = _form_data(admin_client.get(url))
    data["members"] = [str(member.pk)]

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert list(collective.members.all()) == [member]
    assert models.ActivityGroupObjectPermission.objects.filter(
        content_object=activity, group=unit_officer_group(member), permission__codename="oversee_activity"
    ).exists()


@pytest.mark.django_db
def test_making_a_person_a_unit_officer_in_the_admin_puts_them_in_the_units_rights_group(admin_client):
    unit = factories.CommuneCommitteeFactory()
    person = factories.UserFactory(username="lan")
    officers = Group.objects.get(name=roles.UNIT_OFFICER)
    url = reverse("admin:tracker_user_change", args=[person.pk])
    data = _form_data(admin_client.get(url))
    data.update(unit=unit.pk, groups=[str(officers.pk)], first_name="Lan")

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    person.refresh_from_db()
    assert (person.first_name, person.unit) == ("Lan", unit)
    assert set(person.groups.all()) == {officers, unit_officer_group(unit)}


@pytest.mark.django_db
def test_every_list_and_add_page_of_our_admins_opens(admin_client):
    """The service admins' forms (wrapped to carry a refusal) still build for every model."""
    request = _superuser_request()
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("tracker", "budgets"):
            continue
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert admin_client.get(reverse(f"{name}_changelist")).status_code == 200, model
        if model_admin.has_add_permission(request):
            assert admin_client.get(reverse(f"{name}_add")).status_code == 200, model
