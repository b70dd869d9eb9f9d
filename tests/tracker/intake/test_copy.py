""" "Sao chép kế hoạch" on the demo's sample plan: a draft for next year with everything
planned moved by a year, and nothing reported, accepted or spent."""

from __future__ import annotations

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from tracker.intake.copying import shift_date
from tracker.models import OutputIndicator, Plan, ProgressReport, Task, User

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield SimpleNamespace()
        transaction.set_rollback(True)


def test_the_sample_plan_copied_to_next_year_keeps_the_plan_and_drops_the_work_done(demo, client):
    manager = User.objects.get(username="quanly")
    client.force_login(manager)
    plan = Plan.objects.get(is_sample=True)
    year = plan.period_start.year + 1
    assert ProgressReport.objects.filter(task__activity__plan=plan).exists()  # there is work to leave behind
    response = client.post(reverse("tracker:plan_copy", args=[plan.pk]), {"year": year})
    copy = Plan.objects.exclude(pk=plan.pk).get(is_sample=True, period_start__year=year)
    assert response.status_code == 302 and response["Location"] == reverse("tracker:plan_detail", args=[copy.pk])
    assert (copy.status, copy.number_symbol, copy.issued_on) == (Plan.Status.DRAFT, "", None)
    assert (copy.period_start, copy.period_end) == (shift_date(plan.period_start, 1), shift_date(plan.period_end, 1))
    assert str(year) in copy.title and copy.issuer == plan.issuer and copy.purpose == plan.purpose
    assert list(copy.legal_bases.all()) == list(plan.legal_bases.all())

    def shape(p):
        return {
            "duties": [(d.order, d.unit_id, d.heading, d.text) for d in p.duties.all()],
            "activities": [
                (
                    a.section_code,
                    a.title,
                    a.lead_unit_id,
                    sorted(a.cooperations.values_list("unit_id", "note")),
                    shift_date(a.start_date, 1 if p == plan else 0),
                    shift_date(a.due_date, 1 if p == plan else 0),
                )
                for a in p.activities.order_by("section_code")
            ],  # fmt: skip
            "outputs": sorted(
                (o.activity.section_code, o.name, o.unit_of_measure, o.planned_quantity, o.counted_from)
                for o in OutputIndicator.objects.filter(activity__plan=p).select_related("activity")
            ),
            "tasks": sorted(
                (
                    t.activity.section_code,
                    t.unit_id,
                    t.area_id,
                    t.deliverable,
                    t.target_quantity,
                    shift_date(t.due_date, 1 if p == plan else 0),
                )
                for t in Task.objects.filter(activity__plan=p).select_related("activity")
            ),  # fmt: skip
            "targets": sorted(
                (t.indicator_id, t.area_id, t.year + (1 if p == plan else 0), t.planned_value) for t in p.targets.all()
            ),
            "rules": sorted(
                (
                    r.title,
                    r.reporter_id,
                    r.frequency,
                    r.due_day,
                    r.due_month,
                    shift_date(r.active_from, 1 if p == plan else 0),
                )
                for r in p.reporting_rules.all()
            ),  # fmt: skip
            "deadlines": sorted(
                (
                    d.kind,
                    d.responsible_unit_id,
                    shift_date(d.due_date, 1 if p == plan else 0),
                    shift_date(d.window_end, 1 if p == plan else 0),
                )
                for d in p.deadlines.all()
            ),  # fmt: skip
        }

    original, copied = shape(plan), shape(copy)
    for key in original:
        assert copied[key] == original[key], key
    assert original["activities"] and original["tasks"] and original["targets"] and original["rules"]
    # Nothing reported, accepted or spent comes along.
    tasks = Task.objects.filter(activity__plan=copy)
    assert set(tasks.values_list("status", flat=True)) == {"not_started"}
    assert not tasks.exclude(completed_on=None).exists()
    assert not ProgressReport.objects.filter(task__activity__plan=copy).exists()
    assert set(copy.activities.values_list("status", flat=True)) == {"not_started"}
    # Written through the services, by the manager.
    assert copy.history.get().history_user == manager
    assert {h.history_user for h in Task.history.filter(activity_id__in=copy.activities.values("pk"))} == {manager}


def test_copying_to_the_same_year_is_refused_in_words(demo, client):
    client.force_login(User.objects.get(username="quanly"))
    plan = Plan.objects.get(is_sample=True, number_symbol="")
    before = Plan.objects.count()
    response = client.post(reverse("tracker:plan_copy", args=[plan.pk]), {"year": plan.period_start.year})
    assert response.status_code == 200 and Plan.objects.count() == before
    assert "Hãy chọn một năm khác với năm của kế hoạch." in response.content.decode()
