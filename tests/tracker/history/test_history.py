"""History pages: who changed which field from what to what, as users read it; who may look."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests import factories
from tracker.documents import services as document_services
from tracker.history.selectors import PER_PAGE
from tracker.models import Activity, OutputIndicator, Plan, ProgressReport, Task, Unit
from tracker.work import services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """The language middleware leaves the request's language active in the thread: put the
    default back, so tests that run next in this worker read Vietnamese as they expect."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def entries(response):
    return response.context["entries"]


def changes_of(entry) -> dict[str, tuple[str, str]]:
    return {change.label: (change.old, change.new) for change in entry.changes}


@pytest.fixture
def named_manager(manager):
    manager.first_name, manager.last_name = "Văn An", "Nguyễn"
    manager.save()
    return manager


@pytest.fixture
def plan(named_manager):
    plan = factories.PlanFactory(title="Kế hoạch cũ", status=Plan.Status.DRAFT, issued_on=None)
    return plan


def test_plan_history_names_who_changed_which_field_from_what_to_what(client, plan, named_manager):
    new_issuer = factories.UnitFactory(name="UBND tỉnh Lạng Sơn")
    old_issuer_name = plan.issuer.name
    plan.title = "Kế hoạch mới"
    plan.status = Plan.Status.ISSUED
    plan.issued_on = datetime.date(2026, 3, 9)
    plan.issuer = new_issuer
    document_services.plan_save(plan=plan, actor=named_manager)
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:plan_history", args=[plan.pk]))

    assert response.status_code == 200
    latest, created = entries(response)
    assert latest.who == "Nguyễn Văn An"  # family name first
    assert latest.kind_label == "changed"
    assert changes_of(latest) == {
        "issued by": (old_issuer_name, "UBND tỉnh Lạng Sơn"),
        "date": ("—", "09/03/2026"),
        "title": ("Kế hoạch cũ", "Kế hoạch mới"),
        "status": ("Draft", "Issued"),
    }
    assert created.kind_label == "created"
    assert created.who == "the system"  # made by a factory, outside any request
    content = response.content.decode()
    assert "Nguyễn Văn An" in content and "UBND tỉnh Lạng Sơn" in content


def test_a_change_that_only_fills_an_empty_field_is_shown(client, plan, named_manager):
    """A blank date set (NULL → value) is a change, though SQL compares NULL with nothing."""
    plan.issued_on = None
    document_services.plan_save(plan=plan, actor=named_manager)
    plan.issued_on = datetime.date(2026, 3, 9)
    document_services.plan_save(plan=plan, actor=named_manager)
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:plan_history", args=[plan.pk]))

    filled = entries(response)[0]
    assert changes_of(filled) == {"date": ("—", "09/03/2026")}


def test_history_is_in_vietnamese_by_default(client, plan, named_manager):
    plan.status = Plan.Status.ISSUED
    plan.issued_on = datetime.date(2026, 3, 9)
    document_services.plan_save(plan=plan, actor=named_manager)
    client.force_login(named_manager)

    response = client.get(reverse("tracker:plan_history", args=[plan.pk]))

    latest = entries(response)[0]
    assert changes_of(latest)["trạng thái"] == ("Dự thảo", "Đã ban hành")
    assert "Trạng thái" in response.content.decode()  # capitalised in the table


def test_history_time_is_local_and_day_first(client, plan, named_manager):
    # 17:30 UTC on 1 March is 00:30 on 2 March in Asia/Ho_Chi_Minh.
    plan.history.update(history_date=datetime.datetime(2026, 3, 1, 17, 30, tzinfo=datetime.UTC))
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:plan_history", args=[plan.pk]))

    assert "02/03/2026 00:30" in response.content.decode()


def test_booleans_read_yes_and_no(client, plan, named_manager):
    plan.is_sample = True
    document_services.plan_save(plan=plan, actor=named_manager)
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:plan_history", args=[plan.pk]))

    assert changes_of(entries(response)[0]) == {"sample data": ("No", "Yes")}


def test_plan_history_shows_its_legal_bases_added_and_removed(client, plan, named_manager):
    first = factories_legal_document("1719/QĐ-TTg")
    second = factories_legal_document("2269/QĐ-TTg")
    document_services.plan_save(plan=plan, actor=named_manager, legal_bases=[first, second])
    document_services.plan_save(plan=plan, actor=named_manager, legal_bases=[second])
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:plan_history", args=[plan.pk]))

    related = [(entry.subject, entry.kind_label) for entry in entries(response) if entry.subject]
    assert related == [
        (f"Legal basis: {second}", "changed"),  # moved up to first place
        (f"Legal basis: {first}", "removed"),
        (f"Legal basis: {second}", "added"),
        (f"Legal basis: {first}", "added"),
    ]
    moved = entries(response)[0]
    assert changes_of(moved) == {"order": ("2", "1")}


def factories_legal_document(number: str):
    from tracker.models import LegalDocument

    return LegalDocument.objects.create(kind="decision", number_symbol=number, issuer="Thủ tướng", title="Quyết định")


@pytest.fixture
def activity(named_manager):
    return factories.ActivityFactory(lead_unit=factories.UnitFactory(name="Sở TTTT"))


def test_activity_history_shows_cooperating_units_and_outputs(client, activity, named_manager):
    paper = factories.UnitFactory(name="Báo Lạng Sơn")
    radio = factories.UnitFactory(name="Đài PT-TH")
    services.activity_save(activity=activity, actor=named_manager, cooperating_units=[paper, radio])
    services.activity_save(activity=activity, actor=named_manager, cooperating_units=[radio])
    output = services.output_indicator_save(
        output=OutputIndicator(activity=activity, name="Tin bài", unit_of_measure="tin", planned_quantity=12),
        actor=named_manager,
    )
    services.delete(instance=output, actor=named_manager)
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:activity_history", args=[activity.pk]))

    subjects = [(entry.subject, entry.kind_label, entry.who) for entry in entries(response)]
    assert subjects == [
        ("Output indicator: Tin bài", "removed", "Nguyễn Văn An"),
        ("Output indicator: Tin bài", "added", "Nguyễn Văn An"),
        ("Cooperating unit: Báo Lạng Sơn", "removed", "Nguyễn Văn An"),
        ("Cooperating unit: Đài PT-TH", "added", "Nguyễn Văn An"),
        ("Cooperating unit: Báo Lạng Sơn", "added", "Nguyễn Văn An"),
        # Saving the activity without changing it wrote rows that show nothing: left out.
        ("", "created", "the system"),
    ]
    added_output = next(entry for entry in entries(response) if entry.subject.endswith("Tin bài") and entry.kind == "+")
    assert changes_of(added_output) == {
        "output": ("—", "Tin bài"),
        "unit of measure": ("—", "tin"),
        "planned quantity": ("—", "12"),
    }


def test_activity_history_names_a_deleted_unit_without_failing(client, activity, named_manager):
    gone = factories.UnitFactory(name="Đơn vị đã giải thể")
    old_lead = activity.lead_unit
    activity.lead_unit = gone
    services.activity_save(activity=activity, actor=named_manager)
    activity.lead_unit = old_lead
    services.activity_save(activity=activity, actor=named_manager)
    gone_pk = gone.pk
    Unit.objects.filter(pk=gone_pk).delete()
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:activity_history", args=[activity.pk]))

    assert changes_of(entries(response)[0]) == {"lead unit": (f"#{gone_pk} (deleted)", "Sở TTTT")}


def test_choice_labels_and_a_deleted_task_on_its_own_history(client, named_manager, unit_a):
    task = factories.TaskFactory(unit=unit_a)
    task.status = "in_progress"
    services.task_assign(task=task, actor=named_manager)
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:task_history", args=[task.pk]))
    assert changes_of(entries(response)[0]) == {"status": ("Not started", "In progress")}

    services.task_remove(task=Task.objects.get(pk=task.pk), actor=named_manager)
    # The task is gone: its history page is too (its activity's page lists what is left).
    assert client.get(reverse("tracker:task_history", args=[task.pk])).status_code == 404
    assert Task.history.filter(id=task.pk, history_type="-").get().history_user == named_manager


def test_task_history_shows_its_reports_status_changes_only(client, named_manager, officer_a, unit_a):
    task = factories.TaskFactory(unit=unit_a)
    report = factories.ProgressReportFactory(task=task, created_by=officer_a, status=ProgressReport.Status.DRAFT)
    report.narrative = "Đã sửa lời văn"  # a change that is not a change of status: not shown
    report._history_user = officer_a
    report.save()
    report.status = ProgressReport.Status.SUBMITTED
    report._history_user = officer_a
    report.save()
    client.force_login(named_manager)

    response = english(client).get(reverse("tracker:task_history", args=[task.pk]))

    reports = [entry for entry in entries(response) if entry.subject]
    assert [(entry.kind_label, changes_of(entry)) for entry in reports] == [
        ("changed", {"status": ("Draft", "Submitted")}),
        ("added", {"status": ("—", "Draft")}),
    ]
    assert reports[0].subject == "Progress report 01/03/2026–31/03/2026"


def test_an_officer_cannot_see_the_history_of_another_units_task(client, officer_b, unit_a):
    task = factories.TaskFactory(unit=unit_a)
    client.force_login(officer_b)

    assert client.get(reverse("tracker:task_history", args=[task.pk])).status_code == 404
    assert client.get(reverse("tracker:activity_history", args=[task.activity_id])).status_code == 404
    assert client.get(reverse("tracker:plan_history", args=[task.activity.plan_id])).status_code == 404


def test_an_officer_sees_the_history_of_their_own_task(client, officer_a, unit_a):
    task = factories.TaskFactory(unit=unit_a)
    client.force_login(officer_a)

    assert client.get(reverse("tracker:task_history", args=[task.pk])).status_code == 200


def test_the_history_is_paginated_newest_first(client, activity, named_manager):
    for number in range(PER_PAGE + 5):
        activity.title = f"Tên {number}"
        services.activity_save(activity=activity, actor=named_manager)
    client.force_login(named_manager)

    first = english(client).get(reverse("tracker:activity_history", args=[activity.pk]))
    second = client.get(reverse("tracker:activity_history", args=[activity.pk]), {"page": 2})

    assert len(entries(first)) == PER_PAGE
    assert changes_of(entries(first)[0])["title"][1] == f"Tên {PER_PAGE + 4}"
    # The last row of page 1 is still diffed against its predecessor on page 2.
    assert changes_of(entries(first)[-1])["title"] == ("Tên 4", "Tên 5")
    assert [entry.kind for entry in entries(second)][-1] == "+"
    assert len(entries(second)) == 6  # 5 more changes and the creation


# Queries of an activity's history page, whatever its length:
#   session, user, the user's groups (role) — 3
#   the activity (visibility) — 1
#   count and page of the merged streams — 2
#   per stream on the page (activity, cooperations, outputs): rows + their previous rows — 6
#   names: units (lead and cooperating), content types, plans, areas... one per related model named
HISTORY_QUERIES = 17


@pytest.mark.parametrize("size", [1, 20])
def test_history_query_count_does_not_grow(client, activity, named_manager, size, django_assert_max_num_queries):
    for number in range(size):
        unit = factories.UnitFactory()
        services.activity_save(activity=activity, actor=named_manager, cooperating_units=[unit])
        services.output_indicator_save(
            output=OutputIndicator(activity=activity, name=f"Sản phẩm {number}", unit_of_measure="cái"),
            actor=named_manager,
        )
        activity.title = f"Tên {number}"
        activity.lead_unit = factories.UnitFactory()
        services.activity_save(activity=activity, actor=named_manager)
    client.force_login(named_manager)

    with django_assert_max_num_queries(HISTORY_QUERIES):
        response = english(client).get(reverse("tracker:activity_history", args=[activity.pk]))

    assert response.status_code == 200
    # Created, then per round: a title and lead change, a cooperating unit added (and the
    # previous one removed), an output added.
    assert response.context["page"].paginator.count == 4 * size
    assert len(entries(response)) == min(PER_PAGE, 4 * size)
    assert Activity.history.filter(id=activity.pk).count() == 1 + size * 2
