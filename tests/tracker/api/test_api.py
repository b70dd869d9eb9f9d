"""The read API at /api/v1/: who sees what, the shapes, the filters, the pivot and query counts."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.drainage import GENERATOR_STATS

from tests import factories
from tests.indexes import index_orders
from tracker.core import roles
from tracker.demo import seed_002
from tracker.models import (
    ActivityType,
    Area,
    AreaSuccession,
    Indicator,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    ProgrammeComponent,
    Progress,
    Unit,
)
from tracker.outputs.targets import target_table

pytestmark = pytest.mark.django_db

LIST_NAMES = ["plan", "activity", "task", "target", "unit", "area", "legaldocument", "indicator"]


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def list_url(name: str) -> str:
    return reverse(f"api:{name}-list")


def detail_url(name: str, pk: int) -> str:
    return reverse(f"api:{name}-detail", args=[pk])


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def world(unit_a, unit_b, today):
    """Two plans and an empty one; officer A's unit leads, cooperates, carries out or is in a group.

    plan_1: led (A leads), cooperated (A cooperates), carried_out (A has a task),
            by_group (a group A belongs to leads), hidden (nothing of A's)
    plan_2: of_b (B leads)          plan_empty: no activities at all
    """
    day = datetime.timedelta(days=1)
    dic = factories.UnitFactory(name="Sở Thông tin và Truyền thông")
    group = factories.UnitFactory(name="UBND các xã", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    factories.add_members(group, unit_a)
    area_1, area_2 = factories.AreaFactory(name="Xã Một"), factories.AreaFactory(name="Xã Hai")

    plan_1 = factories.PlanFactory(
        title="Kế hoạch 1", period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2026, 12, 31)
    )
    plan_2 = factories.PlanFactory(
        title="Kế hoạch 2",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 12, 31),
        issued_on=datetime.date(2019, 2, 18),
    )
    plan_empty = factories.PlanFactory(title="Kế hoạch trống", status=Plan.Status.DRAFT, is_sample=True)

    def activity(plan, code, lead, due, **extra):
        return factories.ActivityFactory(
            plan=plan, section_code=code, lead_unit=lead, start_date=None, due_date=due, **extra
        )

    led = activity(plan_1, "1", unit_a, today + 10 * day, area=area_1)
    cooperated = activity(plan_1, "2", dic, today + 20 * day)
    factories.CooperationFactory(activity=cooperated, unit=unit_a)
    carried_out = activity(plan_1, "3", dic, today + 30 * day)
    by_group = activity(plan_1, "4", group, today - day, status=Progress.COMPLETED)
    hidden = activity(
        plan_1,
        "5",
        dic,
        today - day,
        status=Progress.IN_PROGRESS,
        activity_type=ActivityType.objects.get(code="media_production"),
    )
    of_b = activity(plan_2, "1", unit_b, today + 40 * day)

    def task(on, unit, due, **extra):
        return factories.TaskFactory(activity=on, unit=unit, due_date=due, **extra)

    return SimpleNamespace(
        dic=dic,
        group=group,
        area_1=area_1,
        area_2=area_2,
        plan_1=plan_1,
        plan_2=plan_2,
        plan_empty=plan_empty,
        led=led,
        cooperated=cooperated,
        carried_out=carried_out,
        by_group=by_group,
        hidden=hidden,
        of_b=of_b,
        task_a=task(carried_out, unit_a, today - day, area=area_2),
        task_on_led=task(led, dic, today + 5 * day),
        task_on_cooperated=task(cooperated, unit_b, today + 10 * day),
        task_hidden=task(hidden, dic, today - 5 * day, status=Progress.COMPLETED, completed_on=today - 6 * day),
        task_b=task(of_b, unit_b, today + 15 * day),
        target_1=factories.TargetFactory(plan=plan_1, area=area_1),
        target_2=factories.TargetFactory(plan=plan_2, area=area_2, year=2019),
    )


def pks(world, *names: str) -> list[int]:
    return sorted(getattr(world, name).pk for name in names)


# --- Authentication and visibility ------------------------------------------------------------


@pytest.mark.parametrize("name", LIST_NAMES)
def test_anonymous_is_refused_on_every_list(client, name):
    response = client.get(list_url(name))
    # SessionAuthentication comes first and sends no WWW-Authenticate challenge, so 403 not 401.
    assert response.status_code == 403


def test_anonymous_is_refused_the_target_table(client):
    plan = factories.PlanFactory()
    assert client.get(reverse("api:plan-target-table", args=[plan.pk])).status_code == 403


def test_manager_sees_every_plan_activity_task_and_target(manager_client, world):
    assert sorted(ids(manager_client.get(list_url("plan")))) == pks(world, "plan_1", "plan_2", "plan_empty")
    assert sorted(ids(manager_client.get(list_url("activity")))) == pks(
        world, "led", "cooperated", "carried_out", "by_group", "hidden", "of_b"
    )
    assert sorted(ids(manager_client.get(list_url("task")))) == pks(
        world, "task_a", "task_on_led", "task_on_cooperated", "task_hidden", "task_b"
    )
    assert sorted(ids(manager_client.get(list_url("target")))) == pks(world, "target_1", "target_2")


def test_officer_sees_activities_their_unit_leads_cooperates_on_carries_out_or_leads_as_a_group(
    officer_a_client, world
):
    assert sorted(ids(officer_a_client.get(list_url("activity")))) == pks(
        world, "led", "cooperated", "carried_out", "by_group"
    )


def test_officer_sees_own_tasks_and_all_tasks_of_activities_they_lead_or_cooperate_on(officer_a_client, world):
    assert sorted(ids(officer_a_client.get(list_url("task")))) == pks(
        world, "task_a", "task_on_led", "task_on_cooperated"
    )


def test_officer_sees_only_plans_and_targets_with_work_of_their_unit(officer_a_client, world):
    assert ids(officer_a_client.get(list_url("plan"))) == [world.plan_1.pk]
    assert ids(officer_a_client.get(list_url("target"))) == [world.target_1.pk]


def test_officer_of_another_unit_sees_that_units_work_instead(client, officer_b, world):
    client.force_login(officer_b)
    assert sorted(ids(client.get(list_url("activity")))) == pks(world, "cooperated", "of_b")
    assert sorted(ids(client.get(list_url("plan")))) == pks(world, "plan_1", "plan_2")


@pytest.mark.parametrize(
    ("name", "attribute"),
    [
        ("activity", "of_b"),
        ("activity", "hidden"),
        ("task", "task_b"),
        ("task", "task_hidden"),
        ("plan", "plan_2"),
        ("plan", "plan_empty"),
        ("target", "target_2"),
    ],
)
def test_officer_gets_404_on_another_units_object(officer_a_client, world, name, attribute):
    response = officer_a_client.get(detail_url(name, getattr(world, attribute).pk))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "attribute"),
    [("activity", "led"), ("task", "task_a"), ("plan", "plan_1"), ("target", "target_1")],
)
def test_officer_reads_their_own_units_object(officer_a_client, world, name, attribute):
    pk = getattr(world, attribute).pk
    response = officer_a_client.get(detail_url(name, pk))
    assert response.status_code == 200
    assert response.json()["id"] == pk


def test_officer_gets_404_on_the_target_table_of_another_units_plan(officer_a_client, world):
    response = officer_a_client.get(reverse("api:plan-target-table", args=[world.plan_2.pk]))
    assert response.status_code == 404


def test_units_and_areas_are_a_directory_every_officer_sees(officer_a_client, world, unit_b):
    assert unit_b.pk in ids(officer_a_client.get(list_url("unit")))
    assert officer_a_client.get(detail_url("unit", unit_b.pk)).status_code == 200
    assert officer_a_client.get(detail_url("area", unit_b.area_id)).status_code == 200


def test_plan_counts_only_what_the_user_may_see(client, manager, officer_a, world):
    client.force_login(manager)
    assert {
        key: value
        for key, value in client.get(detail_url("plan", world.plan_1.pk)).json().items()
        if key.endswith("_count")
    } == {"activity_count": 5, "task_count": 4, "target_count": 1}
    client.force_login(officer_a)
    row = client.get(list_url("plan")).json()["results"][0]
    assert (row["activity_count"], row["task_count"], row["target_count"]) == (4, 3, 1)


def test_filtering_by_a_hidden_plan_is_refused_like_an_unknown_one(officer_a_client, world):
    hidden = officer_a_client.get(list_url("activity"), {"plan": world.plan_2.pk})
    unknown = officer_a_client.get(list_url("activity"), {"plan": 999_999})
    assert (hidden.status_code, unknown.status_code) == (400, 400)
    assert list(hidden.json()) == list(unknown.json()) == ["plan"]


# --- Shapes -----------------------------------------------------------------------------------


def test_plan_detail_shows_issuer_legal_bases_in_order_and_the_plan_text(manager_client):
    issuer = factories.UnitFactory(name="UBND thành phố Thanh Hóa", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    component = ProgrammeComponent.objects.create(level=3, code="CTMTQG-DA6-TDA1", name="Tiểu dự án 1")
    plan = factories.PlanFactory(
        issuer=issuer,
        number_symbol="146/KH-UBND",
        place="Thanh Hóa",
        issued_on=datetime.date(2019, 2, 18),
        title="Kế hoạch thực hiện chỉ tiêu tiếp cận dịch vụ xã hội cơ bản về thông tin năm 2019",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 12, 31),
        programme_component=component,
        purpose="Mục đích",
        funding="Ngân sách",
        signing_authority="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Phạm Thị Việt Nga",
        recipients="Sở TT&TT;\nLưu VT",
    )
    decree = LegalDocument.objects.create(
        kind=LegalDocument.Kind.DECREE,
        number_symbol="07/2021/NĐ-CP",
        issued_on=datetime.date(2021, 1, 27),
        issuer="Chính phủ",
        title="Quy định chuẩn nghèo đa chiều",
    )
    letter = LegalDocument.objects.create(
        kind=LegalDocument.Kind.OFFICIAL_LETTER, issuer="Sở TT&TT", title="Công văn hướng dẫn"
    )
    # Entered second, cited first: the plan's order wins over the order of entry.
    PlanLegalBasis.objects.create(plan=plan, document=decree, order=2)
    PlanLegalBasis.objects.create(plan=plan, document=letter, order=1)
    PlanDuty.objects.create(plan=plan, unit=issuer, heading="UBND các phường, xã", text="Triển khai")

    response = manager_client.get(detail_url("plan", plan.pk))

    assert response.status_code == 200
    assert response.json() == {
        "id": plan.pk,
        "issuer": {"id": issuer.pk, "name": "UBND thành phố Thanh Hóa"},
        "number_symbol": "146/KH-UBND",
        "place": "Thanh Hóa",
        "issued_on": "2019-02-18",
        "issued_on_precision": "day",
        "title": "Kế hoạch thực hiện chỉ tiêu tiếp cận dịch vụ xã hội cơ bản về thông tin năm 2019",
        "period_start": "2019-01-01",
        "period_end": "2019-12-31",
        "status": "issued",
        "is_sample": False,
        "programme_component": {"id": component.pk, "code": "CTMTQG-DA6-TDA1", "name": "Tiểu dự án 1"},
        "legal_bases": [
            {
                "document": letter.pk,
                "kind": "official_letter",
                "number_symbol": "",
                "issued_on": None,
                "title": "Công văn hướng dẫn",
            },
            {
                "document": decree.pk,
                "kind": "decree",
                "number_symbol": "07/2021/NĐ-CP",
                "issued_on": "2021-01-27",
                "title": "Quy định chuẩn nghèo đa chiều",
            },
        ],
        "activity_count": 0,
        "task_count": 0,
        "target_count": 0,
        "area": None,
        "purpose": "Mục đích",
        "funding": "Ngân sách",
        "duties": [
            {
                "unit": {"id": issuer.pk, "name": "UBND thành phố Thanh Hóa"},
                "heading": "UBND các phường, xã",
                "text": "Triển khai",
            }
        ],
        "signing_authority": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Phạm Thị Việt Nga",
        "recipients": "Sở TT&TT;\nLưu VT",
    }


def test_activity_shows_units_outputs_and_is_overdue_by_todays_date_in_vietnam(manager_client, today):
    lead = factories.UnitFactory(name="Đài Phát thanh - Truyền hình tỉnh", kind=Unit.Kind.RADIO_TV)
    partner_2, partner_1 = factories.UnitFactory(name="Báo tỉnh"), factories.UnitFactory(name="Bưu điện tỉnh")
    area = factories.AreaFactory(name="Xã Thanh Lòa")
    activity = factories.ActivityFactory(
        section_code="2.3",
        title="Sản xuất chương trình phát thanh",
        description="Chuyên mục hằng tháng",
        activity_type=ActivityType.objects.get(code="media_production"),
        lead_unit=lead,
        area=area,
        start_date=None,
        due_date=today - datetime.timedelta(days=1),
        schedule_note="Năm 2023 – 2025",
        status=Progress.IN_PROGRESS,
    )
    factories.CooperationFactory(activity=activity, unit=partner_2)
    factories.CooperationFactory(activity=activity, unit=partner_1)
    output = OutputIndicator.objects.create(
        activity=activity, name="Chương trình phát thanh", unit_of_measure="chương trình", planned_quantity=12
    )

    response = manager_client.get(detail_url("activity", activity.pk))

    assert response.json() == {
        "id": activity.pk,
        "plan": activity.plan_id,
        "section_code": "2.3",
        "activity_type": {"code": "media_production", "name": "Sản xuất mới tác phẩm báo chí, sản phẩm truyền thông"},
        "title": "Sản xuất chương trình phát thanh",
        "description": "Chuyên mục hằng tháng",
        "lead_unit": {"id": lead.pk, "name": "Đài Phát thanh - Truyền hình tỉnh"},
        # By name (the unit directory's order), not by order of entry.
        "cooperating_units": [{"id": partner_2.pk, "name": "Báo tỉnh"}, {"id": partner_1.pk, "name": "Bưu điện tỉnh"}],
        "area": {"id": area.pk, "name": "Xã Thanh Lòa"},
        "start_date": None,
        "due_date": (today - datetime.timedelta(days=1)).isoformat(),
        "schedule_note": "Năm 2023 – 2025",
        "status": "in_progress",
        "is_overdue": True,
        "output_indicators": [
            {
                "id": output.pk,
                "name": "Chương trình phát thanh",
                "unit_of_measure": "chương trình",
                "planned_quantity": 12,
                "counted_from": "reports",
            }
        ],
    }


def test_is_overdue_uses_the_date_in_vietnam_not_utc(client, manager, settings):
    # 23:30 UTC is already 06:30 the next day in Hà Nội: a task due that UTC day is overdue there.
    # (Within a day of the real time; the session, which lasts SESSION_MAX_AGE_HOURS, is stored
    # to last two days so the jump in Django's clock does not expire it.)
    settings.SESSION_COOKIE_AGE = 2 * 24 * 3600
    manager_client = client
    manager_client.force_login(manager)
    utc_day = timezone.now().astimezone(datetime.UTC).date()
    utc_evening = datetime.datetime.combine(utc_day, datetime.time(23, 30), tzinfo=datetime.UTC)
    task = factories.TaskFactory(activity=factories.ActivityFactory(start_date=None), due_date=utc_day)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: utc_evening)
        assert manager_client.get(detail_url("task", task.pk)).json()["is_overdue"] is True


def test_a_closed_plans_open_work_is_not_overdue_in_the_api_as_on_the_pages(manager_client, today):
    # The seeds' plans are closed once their period is over: their unfinished work shows how it
    # ended, not "overdue" (calendar.plan_followed); a running plan's late work still is.
    late = today - datetime.timedelta(days=30)
    closed_plan = factories.PlanFactory(status=Plan.Status.CLOSED)
    running_plan = factories.PlanFactory()
    closed = factories.TaskFactory(
        activity=factories.ActivityFactory(plan=closed_plan, start_date=None, due_date=late), due_date=late
    )
    running = factories.TaskFactory(
        activity=factories.ActivityFactory(plan=running_plan, start_date=None, due_date=late), due_date=late
    )

    assert manager_client.get(detail_url("task", closed.pk)).json()["is_overdue"] is False
    assert manager_client.get(detail_url("activity", closed.activity_id)).json()["is_overdue"] is False
    assert manager_client.get(detail_url("task", running.pk)).json()["is_overdue"] is True
    assert manager_client.get(detail_url("activity", running.activity_id)).json()["is_overdue"] is True
    overdue_tasks = manager_client.get(list_url("task"), {"overdue": "true"}).json()["results"]
    overdue_activities = manager_client.get(list_url("activity"), {"overdue": "true"}).json()["results"]
    assert [row["id"] for row in overdue_tasks] == [running.pk]
    assert [row["id"] for row in overdue_activities] == [running.activity_id]
    not_overdue = manager_client.get(list_url("task"), {"overdue": "false"}).json()["results"]
    assert closed.pk in [row["id"] for row in not_overdue]


def test_task_shows_its_activity_unit_area_and_completion(manager_client):
    unit = factories.CommuneCommitteeFactory(name="UBND xã Hợp Thành")
    activity = factories.ActivityFactory(section_code="2.1", title="Tuyên truyền")
    task = factories.TaskFactory(
        activity=activity,
        unit=unit,
        area=unit.area,
        deliverable="10 tin bài",
        target_quantity=10,
        due_date=datetime.date(2026, 6, 30),
        status=Progress.COMPLETED,
        completed_on=datetime.date(2026, 6, 20),
    )

    assert manager_client.get(detail_url("task", task.pk)).json() == {
        "id": task.pk,
        "activity": {"id": activity.pk, "plan": activity.plan_id, "section_code": "2.1", "title": "Tuyên truyền"},
        "unit": {"id": unit.pk, "name": "UBND xã Hợp Thành"},
        "area": {"id": unit.area_id, "name": unit.area.name},
        "deliverable": "10 tin bài",
        "output_indicator": None,
        "target_quantity": 10,
        "due_date": "2026-06-30",
        "status": "completed",
        "completed_on": "2026-06-20",
        "is_overdue": False,
    }


def test_unit_and_area_show_hierarchy_members_validity_and_successor(manager_client):
    province = factories.ProvinceFactory(name="Tỉnh Thừa Thiên Huế", code="46")
    city = factories.ProvinceFactory(name="Thành phố Huế", code="")
    province.valid_to = datetime.date(2024, 12, 31)
    province.save()
    AreaSuccession.objects.create(
        predecessor=province, successor=city, took_over_on=datetime.date(2025, 1, 1), decision="175/2024/QH15"
    )
    member = factories.CommuneCommitteeFactory(name="UBND xã Phong Điền")
    group = factories.UnitFactory(
        name="UBND các xã", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True, area=province, parent=None
    )
    factories.add_members(group, member)

    assert manager_client.get(detail_url("unit", group.pk)).json() == {
        "id": group.pk,
        "name": "UBND các xã",
        "short_name": "",
        "kind": "peoples_committee",
        "parent": None,
        "area": {"id": province.pk, "name": "Tỉnh Thừa Thiên Huế"},
        "is_group": True,
        "members": [member.pk],
        "valid_from": None,
        "valid_to": None,
        "successor": None,
        "is_sample": False,
    }
    assert manager_client.get(detail_url("area", province.pk)).json() == {
        "id": province.pk,
        "name": "Tỉnh Thừa Thiên Huế",
        "level": 1,
        "parent": None,
        "code": "46",
        "region": "",
        "is_border": False,
        "is_extremely_difficult": False,
        "is_island": False,
        "is_ethnic_minority": False,
        "is_digital_pilot": False,
        "valid_from": None,
        "valid_to": "2024-12-31",
        "kind": "",
        "successors": [
            {"successor": city.pk, "took_over_on": "2025-01-01", "decision": "175/2024/QH15", "share": None}
        ],
        "is_sample": False,
    }


def test_target_shows_plan_indicator_area_year_and_value(manager_client):
    indicator = factories.IndicatorFactory(code="poor-lacking-telecom", name="Hộ nghèo thiếu viễn thông")
    target = factories.TargetFactory(indicator=indicator, year=2019, planned_value=4)
    assert manager_client.get(detail_url("target", target.pk)).json() == {
        "id": target.pk,
        "plan": target.plan_id,
        "indicator": {
            "id": indicator.pk,
            "code": "poor-lacking-telecom",
            "name": "Hộ nghèo thiếu viễn thông",
            "unit_of_measure": "hộ",
        },
        "area": {"id": target.area_id, "name": target.area.name},
        "year": 2019,
        "planned_value": 4,
    }


def test_list_is_paginated_by_page_number_with_a_count(manager_client):
    # (Names ordered the same byte-wise and in Vietnamese: the database does not know that Đ
    # comes right after D, so ?ordering=name puts "Đài …" after "Sở …".)
    units = [factories.UnitFactory(name=name) for name in ("Báo tỉnh", "Bưu điện tỉnh", "Sở Tài chính")]
    first = manager_client.get(list_url("unit"), {"page_size": 2, "ordering": "name"}).json()
    second = manager_client.get(list_url("unit"), {"page_size": 2, "ordering": "name", "page": 2}).json()

    assert list(first) == ["count", "next", "previous", "results"]
    assert first["count"] == 3
    assert first["next"] == "http://testserver/api/v1/units/?ordering=name&page=2&page_size=2"
    assert first["previous"] is None
    assert [row["id"] for row in first["results"] + second["results"]] == [unit.pk for unit in units]
    assert second["next"] is None


# --- Filters ----------------------------------------------------------------------------------


def _filtered(client, name: str, params: dict) -> list[int]:
    return sorted(ids(client.get(list_url(name), params)))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda w: {"status": "draft"}, ["plan_empty"]),
        (lambda w: {"status": ["issued", "closed"]}, ["plan_1", "plan_2"]),
        (lambda w: {"issuer": w.plan_2.issuer_id}, ["plan_2"]),
        (lambda w: {"year": 2019}, ["plan_2"]),
        (lambda w: {"year": 2025}, ["plan_1"]),
        (lambda w: {"year": 2026}, ["plan_1", "plan_empty"]),
        (lambda w: {"is_sample": "true"}, ["plan_empty"]),
    ],
    ids=["status", "several-statuses", "issuer", "year-2019", "year-2025", "year-2026", "is_sample"],
)
def test_plans_filter(manager_client, world, params, expected):
    assert _filtered(manager_client, "plan", params(world)) == pks(world, *expected)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda w, d: {"plan": w.plan_2.pk}, ["of_b"]),
        (lambda w, d: {"activity_type": "media_production"}, ["hidden"]),
        (lambda w, d: {"lead_unit": w.of_b.lead_unit_id}, ["of_b"]),
        # Leading or cooperating; a task alone (carried_out) or a group (by_group) does not count.
        (lambda w, d: {"unit": w.led.lead_unit_id}, ["led", "cooperated"]),
        (lambda w, d: {"area": w.area_1.pk}, ["led"]),
        (lambda w, d: {"area": w.area_2.pk}, ["carried_out"]),  # through its task's area
        (lambda w, d: {"status": "completed"}, ["by_group"]),
        # by_group is past its deadline too, but completed.
        (lambda w, d: {"overdue": "true"}, ["hidden"]),
        (lambda w, d: {"overdue": "false"}, ["led", "cooperated", "carried_out", "by_group", "of_b"]),
        (lambda w, d: {"due_before": d(10)}, ["led", "by_group", "hidden"]),
        (lambda w, d: {"due_after": d(30)}, ["carried_out", "of_b"]),
    ],
    ids=[
        "plan",
        "activity_type",
        "lead_unit",
        "unit",
        "area",
        "area-of-a-task",
        "status",
        "overdue",
        "not-overdue",
        "due_before",
        "due_after",
    ],
)
def test_activities_filter(manager_client, world, today, params, expected):
    def day(offset: int) -> str:
        return (today + datetime.timedelta(days=offset)).isoformat()

    assert _filtered(manager_client, "activity", params(world, day)) == pks(world, *expected)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda w, d: {"activity": w.led.pk}, ["task_on_led"]),
        (lambda w, d: {"plan": w.plan_2.pk}, ["task_b"]),
        (lambda w, d: {"unit": w.task_b.unit_id}, ["task_on_cooperated", "task_b"]),
        (lambda w, d: {"area": w.area_2.pk}, ["task_a"]),
        (lambda w, d: {"status": "completed"}, ["task_hidden"]),
        (lambda w, d: {"overdue": "true"}, ["task_a"]),
        (lambda w, d: {"due_before": d(0)}, ["task_a", "task_hidden"]),
        (lambda w, d: {"due_after": d(10)}, ["task_on_cooperated", "task_b"]),
    ],
    ids=["activity", "plan", "unit", "area", "status", "overdue", "due_before", "due_after"],
)
def test_tasks_filter(manager_client, world, today, params, expected):
    def day(offset: int) -> str:
        return (today + datetime.timedelta(days=offset)).isoformat()

    assert _filtered(manager_client, "task", params(world, day)) == pks(world, *expected)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda w: {"plan": w.plan_2.pk}, ["target_2"]),
        (lambda w: {"indicator": w.target_1.indicator.code}, ["target_1"]),
        (lambda w: {"area": w.area_2.pk}, ["target_2"]),
        (lambda w: {"year": 2019}, ["target_2"]),
    ],
    ids=["plan", "indicator", "area", "year"],
)
def test_targets_filter(manager_client, world, params, expected):
    assert _filtered(manager_client, "target", params(world)) == pks(world, *expected)


@pytest.fixture
def places(today):
    province = factories.ProvinceFactory(name="Tỉnh Lạng Sơn", code="20")
    district = factories.AreaFactory(
        name="Huyện Cao Lộc", level=Area.Level.DISTRICT, parent=province, valid_to=today - datetime.timedelta(days=1)
    )
    border = factories.AreaFactory(
        name="Xã Thanh Lòa", parent=district, region="III", is_border=True, is_extremely_difficult=True
    )
    pilot = factories.AreaFactory(name="Xã Hợp Thành", parent=district, region="I", is_digital_pilot=True)
    old_dic = factories.UnitFactory(name="Sở Thông tin và Truyền thông", valid_to=today - datetime.timedelta(days=1))
    radio = factories.UnitFactory(name="Đài PT-TH tỉnh", kind=Unit.Kind.RADIO_TV)
    committee = factories.CommuneCommitteeFactory(name="UBND xã Thanh Lòa", area=border)
    group = factories.UnitFactory(name="UBND các xã", kind=Unit.Kind.PEOPLES_COMMITTEE, is_group=True)
    factories.add_members(group, committee)
    return SimpleNamespace(
        province=province,
        district=district,
        border=border,
        pilot=pilot,
        old_dic=old_dic,
        radio=radio,
        committee=committee,
        group=group,
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda p: {"level": 1}, ["province"]),
        (lambda p: {"parent": p.district.pk}, ["border", "pilot"]),
        (lambda p: {"region": "III"}, ["border"]),
        (lambda p: {"is_border": "true"}, ["border"]),
        (lambda p: {"is_extremely_difficult": "true"}, ["border"]),
        (lambda p: {"is_digital_pilot": "true"}, ["pilot"]),
        (lambda p: {"in_force": "false"}, ["district"]),
        (lambda p: {"in_force": "true"}, ["province", "border", "pilot"]),
    ],
    ids=[
        "level",
        "parent",
        "region",
        "is_border",
        "is_extremely_difficult",
        "is_digital_pilot",
        "ended",
        "in_force",
    ],
)
def test_areas_filter(manager_client, places, params, expected):
    assert _filtered(manager_client, "area", params(places)) == pks(places, *expected)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (lambda p: {"kind": "radio_tv"}, ["radio"]),
        (lambda p: {"area": p.border.pk}, ["committee"]),
        (lambda p: {"is_group": "true"}, ["group"]),
        (lambda p: {"in_force": "false"}, ["old_dic"]),
        (lambda p: {"in_force": "true"}, ["radio", "committee", "group"]),
    ],
    ids=["kind", "area", "is_group", "ended", "in_force"],
)
def test_units_filter(manager_client, places, params, expected):
    assert _filtered(manager_client, "unit", params(places)) == pks(places, *expected)


def test_legal_documents_and_indicators_filter(manager_client):
    decree = LegalDocument.objects.create(kind=LegalDocument.Kind.DECREE, issuer="Chính phủ", title="Nghị định")
    LegalDocument.objects.create(kind=LegalDocument.Kind.CIRCULAR, issuer="Bộ TT&TT", title="Thông tư")
    baseline = factories.IndicatorFactory(role=Indicator.Role.BASELINE)
    factories.IndicatorFactory(role=Indicator.Role.TARGET)
    assert ids(manager_client.get(list_url("legaldocument"), {"kind": "decree"})) == [decree.pk]
    assert ids(manager_client.get(list_url("indicator"), {"role": "baseline"})) == [baseline.pk]


def test_activities_order_by_due_date_then_id(manager_client, world):
    rows = ids(manager_client.get(list_url("activity"), {"ordering": "-due_date"}))
    # by_group and hidden share a deadline: the id breaks the tie.
    assert rows == [w.pk for w in (world.of_b, world.carried_out, world.cooperated, world.led)] + sorted(
        [world.by_group.pk, world.hidden.pk]
    )


def test_tasks_order_by_due_date_by_default(manager_client, world):
    assert ids(manager_client.get(list_url("task"))) == [
        world.task_hidden.pk,
        world.task_a.pk,
        world.task_on_led.pk,
        world.task_on_cooperated.pk,
        world.task_b.pk,
    ]


def test_the_task_lists_default_order_is_an_index():
    """The API's task list pages by due date and id: with an index in that order a page is read
    from it, not every task of the country joined and sorted (150 ms at national scale)."""
    from tracker.api.views import TaskViewSet
    from tracker.models import Task

    assert TaskViewSet.ordering in index_orders(Task)


def test_activities_order_by_section_code(manager_client, world):
    rows = manager_client.get(list_url("activity"), {"plan": world.plan_1.pk, "ordering": "-section_code"}).json()
    assert [row["section_code"] for row in rows["results"]] == ["5", "4", "3", "2", "1"]


def test_invalid_filter_value_is_a_400(manager_client):
    assert manager_client.get(list_url("task"), {"due_before": "2026-13-45"}).status_code == 400


# --- The target table -------------------------------------------------------------------------


@pytest.fixture
def small_table():
    """A plan with 3 areas × 2 indicators, one blank cell, and one row of another year."""
    plan = factories.PlanFactory()
    poor = factories.IndicatorFactory(code="poor", name="Số hộ nghèo", order=1, role=Indicator.Role.BASELINE)
    telecom = factories.IndicatorFactory(code="telecom", name="Thiếu hụt viễn thông", order=2)
    # Entered Z, X, Y (the appendix's order), not alphabetically.
    z, x, y = (factories.AreaFactory(name=name) for name in ("Phường Z", "Phường X", "Phường Y"))
    for area, poor_value, telecom_value in ((z, 24, 4), (x, 29, 6), (y, 17, None)):
        factories.TargetFactory(plan=plan, area=area, indicator=poor, planned_value=poor_value)
        if telecom_value is not None:
            factories.TargetFactory(plan=plan, area=area, indicator=telecom, planned_value=telecom_value)
    factories.TargetFactory(plan=plan, area=z, indicator=telecom, year=2027, planned_value=5)
    factories.TargetFactory(indicator=poor, area=z, planned_value=1000)  # another plan's: not counted
    return SimpleNamespace(plan=plan, poor=poor, telecom=telecom, x=x, y=y, z=z)


def test_target_table_pivots_areas_by_indicator_with_totals_in_one_query(small_table, django_assert_num_queries):
    with django_assert_num_queries(1):  # targets joined with their indicator and area
        table = target_table(small_table.plan, year=2026)

    assert [(column.indicator, column.year) for column in table.columns] == [
        (small_table.poor, 2026),
        (small_table.telecom, 2026),
    ]
    assert table.indicators == [small_table.poor, small_table.telecom]
    assert [(row.area, row.values) for row in table.rows] == [
        (small_table.z, [24, 4]),
        (small_table.x, [29, 6]),
        (small_table.y, [17, None]),
    ]
    assert table.totals == [70, 10]


def test_target_table_of_several_years_has_a_column_per_indicator_and_year(small_table):
    table = target_table(small_table.plan)
    assert [(column.indicator.code, column.year) for column in table.columns] == [
        ("poor", 2026),
        ("telecom", 2026),
        ("telecom", 2027),
    ]
    assert [(row.area.name, row.values) for row in table.rows] == [
        ("Phường Z", [24, 4, 5]),
        ("Phường X", [29, 6, None]),
        ("Phường Y", [17, None, None]),
    ]
    assert table.totals == [70, 10, 5]


def test_target_table_of_a_plan_without_targets_is_empty():
    table = target_table(factories.PlanFactory())
    assert (table.columns, table.rows, table.totals) == ([], [], [])


def test_target_table_endpoint_returns_columns_rows_and_totals(manager_client, small_table):
    url = reverse("api:plan-target-table", args=[small_table.plan.pk])
    assert url == f"/api/v1/plans/{small_table.plan.pk}/target-table/"

    response = manager_client.get(url, {"year": 2026})

    assert response.status_code == 200
    z, x, y = small_table.z, small_table.x, small_table.y
    assert response.json() == {
        "columns": [
            {
                "indicator": {
                    "id": small_table.poor.pk,
                    "code": "poor",
                    "name": "Số hộ nghèo",
                    "unit_of_measure": "hộ",
                    "role": "baseline",
                    "order": 1,
                },
                "year": 2026,
            },
            {
                "indicator": {
                    "id": small_table.telecom.pk,
                    "code": "telecom",
                    "name": "Thiếu hụt viễn thông",
                    "unit_of_measure": "hộ",
                    "role": "target",
                    "order": 2,
                },
                "year": 2026,
            },
        ],
        "rows": [
            {"area": {"id": z.pk, "name": "Phường Z"}, "values": [24, 4]},
            {"area": {"id": x.pk, "name": "Phường X"}, "values": [29, 6]},
            {"area": {"id": y.pk, "name": "Phường Y"}, "values": [17, None]},
        ],
        "totals": [70, 10],
    }


def test_target_table_year_must_be_a_year(manager_client, small_table):
    url = reverse("api:plan-target-table", args=[small_table.plan.pk])
    assert manager_client.get(url, {"year": "năm nay"}).status_code == 400


# Seed 002's appendix as the demo loader holds it (test_load_demo checks it against the seed).
SEED_002_APPENDIX = seed_002.APPENDIX


def test_seed_002_appendix_totals_920_200_21(manager_client):
    plan = factories.PlanFactory(
        number_symbol="146/KH-UBND", period_start=datetime.date(2019, 1, 1), period_end=datetime.date(2019, 12, 31)
    )
    indicators = [
        factories.IndicatorFactory(code="poor-households", order=1, role=Indicator.Role.BASELINE),
        factories.IndicatorFactory(code="lacking-telecom", order=2),
        factories.IndicatorFactory(code="lacking-access-means", order=3),
    ]
    # The baseline is a figure of the end of 2018; the targets are for 2019: one row all the same.
    years = [2018, 2019, 2019]
    for name, *values in SEED_002_APPENDIX:
        area = factories.AreaFactory(name=name)
        for indicator, year, value in zip(indicators, years, values, strict=True):
            if value is not None:
                factories.TargetFactory(plan=plan, indicator=indicator, area=area, year=year, planned_value=value)

    body = manager_client.get(reverse("api:plan-target-table", args=[plan.pk])).json()

    assert [(column["indicator"]["code"], column["year"]) for column in body["columns"]] == [
        ("poor-households", 2018),
        ("lacking-telecom", 2019),
        ("lacking-access-means", 2019),
    ]
    assert body["totals"] == [920, 200, 21]
    assert len(body["rows"]) == 35
    assert body["rows"][0]["area"]["name"] == "Phường Hàm Rồng"
    assert body["rows"][0]["values"] == [24, 4, None]
    assert body["rows"][-1]["area"]["name"] == "Xã Quảng Phú"


# --- Query counts -----------------------------------------------------------------------------


def build_data(size: int, unit: Unit) -> None:
    """`size` plans, each with legal bases, an activity with cooperating units, outputs, a task
    and a target, and a group of units with members: every related object a list shows."""
    province = factories.ProvinceFactory()
    for i in range(size):
        component = ProgrammeComponent.objects.create(level=3, code=f"TDA1-{size}-{i}", name=f"Tiểu dự án {i}")
        plan = factories.PlanFactory(programme_component=component, number_symbol=f"{i}/KH-UBND")
        for order in (1, 2):
            document = LegalDocument.objects.create(
                kind=LegalDocument.Kind.DECISION, issuer="Thủ tướng", title=f"Quyết định {i}.{order}"
            )
            PlanLegalBasis.objects.create(plan=plan, document=document, order=order)
        area = factories.AreaFactory(parent=province)
        activity = factories.ActivityFactory(plan=plan, lead_unit=unit, area=area)
        for _ in range(2):
            factories.CooperationFactory(activity=activity, unit=factories.UnitFactory())
            OutputIndicator.objects.create(activity=activity, name="Tin bài", unit_of_measure="bài", planned_quantity=5)
        factories.TaskFactory(activity=activity, unit=unit, area=area)
        factories.TargetFactory(plan=plan, area=area)
        group = factories.UnitFactory(parent=plan.issuer, area=area, is_group=True)
        factories.add_members(group, *factories.UnitFactory.create_batch(2))


# Queries every request makes: the session, the user. Lists then count the rows (pagination)
# and fetch the page. Plans, activities, tasks and targets also read the user's roles (groups);
# an officer's list adds one more, the groups their unit belongs to (permissions.unit_ids_of).
QUERIES = {
    # session, user, roles, count, page (counts as subqueries), legal bases (+ documents)
    "plan": 6,
    # session, user, roles, count, page (+ type, lead unit, area), cooperating units, outputs
    "activity": 7,
    # session, user, roles, count, page (+ activity, unit, area)
    "task": 5,
    # session, user, roles, count, page (+ indicator, area)
    "target": 5,
    # session, user, count, page (+ parent, area), members
    "unit": 5,
    # session, user, count, page (+ parent), successions
    "area": 5,
    # session, user, count, page
    "legaldocument": 4,
    "indicator": 4,
}


@pytest.fixture(scope="class")
def data(request, django_db_setup, django_db_blocker):
    """build_data(size) with unit A, the manager and officer A, made once per size for the
    query-count tests, in a transaction rolled back after the last of them; each test still
    runs in its own savepoint within it (the `db` fixture)."""
    size = request.param
    with django_db_blocker.unblock(), transaction.atomic():
        unit_a = factories.CommuneCommitteeFactory(name="UBND xã A")
        manager = factories.UserFactory(username="manager", role=roles.DIC_MANAGER)
        officer_a = factories.UserFactory(username="officer_a", unit=unit_a, role=roles.UNIT_OFFICER)
        build_data(size, unit_a)
        yield SimpleNamespace(size=size, manager=manager, officer_a=officer_a)
        transaction.set_rollback(True)


class TestQueryCounts:
    """The same data for every test of a size: the class keeps the rows to itself."""

    @pytest.mark.parametrize("data", [3, 30], indirect=True)
    @pytest.mark.parametrize("name", LIST_NAMES)
    def test_list_query_count_does_not_grow_with_the_data(self, client, data, django_assert_max_num_queries, name):
        client.force_login(data.manager)
        with django_assert_max_num_queries(QUERIES[name]):
            response = client.get(list_url(name))
        assert response.status_code == 200
        assert response.json()["count"] >= data.size

    @pytest.mark.parametrize("data", [3, 30], indirect=True)
    @pytest.mark.parametrize("name", ["plan", "activity", "task", "target"])
    def test_officer_list_query_count_does_not_grow_with_the_data(
        self, client, data, django_assert_max_num_queries, name
    ):
        client.force_login(data.officer_a)
        # One more than the manager's: the groups the officer's unit belongs to.
        with django_assert_max_num_queries(QUERIES[name] + 1):
            response = client.get(list_url(name))
        assert response.json()["count"] == data.size

    @pytest.mark.parametrize("data", [3, 30], indirect=True)
    def test_plan_detail_and_target_table_query_counts_do_not_grow(self, client, data, django_assert_max_num_queries):
        client.force_login(data.manager)
        plan = Plan.objects.first()
        for i in range(data.size):
            PlanDuty.objects.create(plan=plan, unit=factories.UnitFactory(), text=f"Nhiệm vụ {i}")
        # session, user, roles, plan (+ issuer, component, area; counts), legal bases, duties (+ units)
        with django_assert_max_num_queries(6):
            assert client.get(detail_url("plan", plan.pk)).status_code == 200
        # session, user, roles, plan, targets (+ indicator, area)
        with django_assert_max_num_queries(5):
            assert client.get(reverse("api:plan-target-table", args=[plan.pk])).status_code == 200


# --- The schema -------------------------------------------------------------------------------


def test_schema_endpoint_answers_a_signed_in_user(manager_client):
    response = manager_client.get(reverse("api-schema"))
    assert response.status_code == 200
    assert b"/api/v1/plans/{id}/target-table/" in response.content


def test_schema_generates_without_warnings(tmp_path):
    GENERATOR_STATS.reset()
    # Raises SchemaGenerationError on any warning, SchemaValidationError on an invalid schema.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/v1/plans/{id}/target-table/:" in (tmp_path / "schema.yml").read_text()
