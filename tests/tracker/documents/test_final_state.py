"""A plan whose period is over shows how its activities ended, judged by their accepted
results — not "Chưa bắt đầu" and "Quá hạn" beside 100 % of an output achieved — on its page
and in the official report on the period."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests import factories
from tests.tracker.reports.helpers import produce
from tracker.core.outcome import FinalState, final_state
from tracker.models import GeneratedReport, Plan, Progress

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ended_plan(manager, officer_a, unit_a):
    """A 2019 plan: 2.1 reached its 10 (a late report), 2.2 reached 1 of 4, 2.3 nothing of 5."""
    plan = factories.PlanFactory(
        number_symbol="146/KH-UBND", period_start=D(2019, 1, 1), period_end=D(2019, 12, 31), issued_on=D(2019, 2, 18)
    )
    for code, planned, achieved in (("2.1", 10, 10), ("2.2", 4, 1), ("2.3", 5, 0)):
        activity = factories.ActivityFactory(
            plan=plan,
            section_code=code,
            title=f"Nội dung {code}",
            start_date=D(2019, 1, 1),
            due_date=D(2019, 6, 30),
        )
        output = factories.OutputIndicatorFactory(activity=activity, planned_quantity=planned)
        task = factories.TaskFactory(
            activity=activity, unit=unit_a, area=unit_a.area, output_indicator=output, due_date=D(2019, 6, 30)
        )
        if achieved:
            factories.accepted_report(task, officer=officer_a, manager=manager, quantities={output: achieved})
    return plan


def test_the_page_of_an_ended_plan_shows_how_each_activity_ended(client, manager, ended_plan):
    client.force_login(manager)
    response = client.get(reverse("tracker:plan_detail", args=[ended_plan.pk]))

    states = {item.activity.section_code: item.final_state for item in response.context["doc"].contents}
    assert states == {"2.1": FinalState.DONE, "2.2": FinalState.PARTLY, "2.3": FinalState.NOT_DONE}
    assert not any(item.is_overdue for item in response.context["doc"].contents)
    content = response.content.decode()
    assert content.count('class="badge final-done"') == 1 and "Hoàn thành một phần" in content
    assert "badge status-not_started" not in content and "badge status-in_progress" not in content
    assert '<span class="badge overdue">Quá hạn</span>' not in content


def test_a_running_plan_keeps_its_working_status(client, manager, ended_plan):
    Plan.objects.filter(pk=ended_plan.pk).update(period_end=D(2099, 12, 31))
    client.force_login(manager)
    response = client.get(reverse("tracker:plan_detail", args=[ended_plan.pk]))

    assert all(item.final_state is None for item in response.context["doc"].contents)
    assert 'class="badge final-' not in response.content.decode()


def test_the_report_on_the_plans_last_period_gives_the_final_states(manager, ended_plan):
    report = produce(
        manager,
        kind=GeneratedReport.Kind.PROGRESS,
        plan_id=ended_plan.pk,
        issuer_id=ended_plan.issuer_id,
        period_start=D(2019, 1, 1),
        period_end=D(2019, 12, 31),
        document_date=D(2019, 12, 20),
    )
    with report.pdf.open("rb") as handle:
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages).split())
    assert "hoàn thành)" in text and "hoàn thành một phần)" in text and "không hoàn thành)" in text
    assert "chưa bắt đầu" not in text


def test_final_states_follow_the_results_then_the_status():
    assert final_state(Progress.NOT_STARTED, [(10, 10), (3, 2)]) == FinalState.DONE
    assert final_state(Progress.IN_PROGRESS, [(0, 10), (None, 5)]) == FinalState.NOT_DONE
    assert final_state(Progress.COMPLETED, [(0, 10)]) == FinalState.DONE
    assert final_state(Progress.NOT_STARTED, [(7, None)]) == FinalState.NO_RESULT
    assert final_state(Progress.IN_PROGRESS, []) == FinalState.PARTLY
    assert final_state(Progress.CANCELLED, [(10, 10)]) == FinalState.CANCELLED


def test_the_board_shows_how_an_ended_plans_activities_ended(client, manager, ended_plan):
    client.force_login(manager)
    response = client.get(reverse("tracker:board"), {"plan": ended_plan.pk})

    states = {activity.section_code: activity.final_state for activity in response.context["page"]}
    assert states == {"2.1": FinalState.DONE, "2.2": FinalState.PARTLY, "2.3": FinalState.NOT_DONE}
    content = response.content.decode()
    assert '<span class="badge overdue">Quá hạn</span>' not in content
    assert content.count('class="badge final-partly"') == 1


def test_the_activity_page_of_an_ended_plan_shows_its_final_state_without_deadline_badges(client, manager, ended_plan):
    activity = ended_plan.activities.get(section_code="2.3")
    client.force_login(manager)
    response = client.get(reverse("tracker:activity_detail", args=[activity.pk]))

    assert response.context["final_state"] == FinalState.NOT_DONE
    content = response.content.decode()
    assert 'class="badge final-not_done"' in content and "Không hoàn thành" in content
    assert '<span class="badge overdue">Quá hạn</span>' not in content


def test_a_running_plans_activity_keeps_its_overdue_badge(client, manager, ended_plan):
    Plan.objects.filter(pk=ended_plan.pk).update(period_end=D(2099, 12, 31))
    activity = ended_plan.activities.get(section_code="2.3")
    client.force_login(manager)
    response = client.get(reverse("tracker:activity_detail", args=[activity.pk]))

    assert response.context["final_state"] is None
    assert '<span class="badge overdue">Quá hạn</span>' in response.content.decode()
