"""The register of public information points at postal points (điểm BĐVHX), through its pages:
an officer enters a point in a commune, the DIC accepts it and the activity's "points
supported" moves; the list filters by district, ĐBKK communes and dates, totals what it shows,
and its Excel export has the same rows."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.tracker.registers.one_form_helpers import achieved, listed_ids, review, total, workbook_rows
from tracker.models import Area, InfoPoint, RegisterMeasure
from tracker.registers import points
from tracker.registers import services as register_services
from tracker.registers.views import points as registers_points

pytestmark = pytest.mark.django_db
D = datetime.date
LIST = reverse("tracker:info_point_list")
EXPORT = reverse("tracker:info_point_export")


@pytest.fixture
def district(db):
    province = factories.ProvinceFactory(name="Tỉnh Lạng Sơn thử")
    return factories.AreaFactory(name="Huyện Bình Gia", level=Area.Level.DISTRICT, parent=province)


@pytest.fixture
def hard_commune(district):
    return factories.AreaFactory(name="Xã Hoa Thám", parent=district, is_extremely_difficult=True)


@pytest.fixture
def easy_commune(db):
    other = factories.AreaFactory(name="Huyện Cao Lộc", level=Area.Level.DISTRICT)
    return factories.AreaFactory(name="Xã Gia Cát", parent=other)


@pytest.fixture
def task_a(unit_a, hard_commune):
    return factories.TaskFactory(unit=unit_a, area=hard_commune)


@pytest.fixture
def output(register_output):
    return register_output(RegisterMeasure.INFO_POINTS)


def point(task, actor, **values) -> InfoPoint:
    fields = {"name": "Điểm BĐVHX Hoa Thám", "opened_on": D(2026, 3, 1), "people_served_per_month": 120}
    fields.update(values)
    return points.info_point_save(entry=InfoPoint(task=task, **fields), actor=actor)


def test_an_officer_enters_a_point_the_dic_accepts_it_and_the_points_supported_move(
    client, task_a, hard_commune, officer_a, manager, output
):
    client.force_login(officer_a)
    response = client.post(
        reverse("tracker:info_point_create"),
        {
            "task": task_a.pk,
            "area": hard_commune.pk,
            "name": "Điểm BĐVHX Hoa Thám",
            "services": "Tra cứu thông tin, đọc sách báo",
            "equipment": "2 máy tính, 1 tivi",
            "opened_on": "15/03/2026",
            "people_served_per_month": "250",
        },
    )
    entry = InfoPoint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:info_point_detail", args=[entry.pk])
    assert (entry.status, entry.area, entry.opened_on, entry.people_served_per_month) == (
        "draft",
        hard_commune,
        D(2026, 3, 15),
        250,
    )
    assert entry.history.get().history_user == officer_a
    assert achieved(output) == [0]

    review(client, entry, officer=officer_a, manager=manager)
    entry.refresh_from_db()
    assert entry.status == "accepted"
    assert achieved(output) == [1]

    page = client.get(reverse("tracker:info_point_detail", args=[entry.pk]))
    assert page.status_code == 200
    assert "Huyện Bình Gia" in page.content.decode()  # the district of the commune
    assert "ĐBKK" in page.content.decode()


def test_the_commune_is_required(client, task_a, officer_a):
    client.force_login(officer_a)
    response = client.post(
        reverse("tracker:info_point_create"), {"task": task_a.pk, "name": "Điểm không xã", "opened_on": "15/03/2026"}
    )
    assert response.status_code == 200
    assert "area" in response.context["form"].errors
    assert not InfoPoint.objects.exists()


def test_another_units_officer_gets_404_and_an_editor_403(client, task_a, officer_a, officer_b, editor):
    entry = point(task_a, officer_a)
    client.force_login(officer_b)
    assert client.get(reverse("tracker:info_point_detail", args=[entry.pk])).status_code == 404
    assert client.post(reverse("tracker:info_point_edit", args=[entry.pk]), {"name": "X"}).status_code == 404
    assert listed_ids(client.get(LIST)) == []
    client.force_login(editor)
    assert client.get(LIST).status_code == 403
    entry.refresh_from_db()
    assert entry.name == "Điểm BĐVHX Hoa Thám"


def test_the_officer_edits_a_draft_but_not_a_submitted_point(client, task_a, officer_a):
    entry = point(task_a, officer_a)
    client.force_login(officer_a)
    data = {"task": task_a.pk, "area": entry.area_id, "name": "Điểm BĐVHX Hoa Thám mới", "opened_on": "01/03/2026"}
    assert client.post(reverse("tracker:info_point_edit", args=[entry.pk]), data).status_code == 302
    entry.refresh_from_db()
    assert entry.name == "Điểm BĐVHX Hoa Thám mới"
    register_services.entry_submit(entry=entry, actor=officer_a)
    assert client.get(reverse("tracker:info_point_edit", args=[entry.pk])).status_code == 403


def test_the_list_filters_by_district_ebkk_dates_and_text_and_totals_what_it_shows(
    client, task_a, officer_a, manager, easy_commune, district
):
    hoa_tham = point(task_a, officer_a, people_served_per_month=120)
    gia_cat = point(task_a, officer_a, name="Điểm BĐVHX Gia Cát", area=easy_commune, people_served_per_month=80)
    late = point(task_a, officer_a, name="Điểm BĐVHX Hồng Phong", opened_on=D(2026, 9, 1), people_served_per_month=None)
    client.force_login(manager)

    everything = client.get(LIST)
    assert sorted(listed_ids(everything)) == sorted([hoa_tham.pk, gia_cat.pk, late.pk])
    assert (total(everything, "points"), total(everything, "extremely_difficult"), total(everything, "people")) == (
        "3",
        "2",
        "200",
    )
    assert sorted(listed_ids(client.get(LIST, {"extremely_difficult": "on"}))) == sorted([hoa_tham.pk, late.pk])
    assert listed_ids(client.get(LIST, {"area": easy_commune.parent_id})) == [gia_cat.pk]
    assert sorted(listed_ids(client.get(LIST, {"area": district.pk}))) == sorted([hoa_tham.pk, late.pk])
    assert listed_ids(client.get(LIST, {"date_from": "01/08/2026"})) == [late.pk]
    assert listed_ids(client.get(LIST, {"date_to": "31/07/2026", "q": "gia cát"})) == [gia_cat.pk]
    register_services.entry_submit(entry=gia_cat, actor=officer_a)
    submitted = client.get(LIST, {"status": "submitted"})
    assert listed_ids(submitted) == [gia_cat.pk]
    assert total(submitted, "people") == "80"


def test_the_excel_export_has_the_rows_of_the_filtered_list(client, task_a, officer_a, manager, easy_commune):
    point(task_a, officer_a)
    point(task_a, officer_a, name="Điểm BĐVHX Gia Cát", area=easy_commune, people_served_per_month=1500)
    client.force_login(manager)
    query = {"extremely_difficult": "", "q": "Điểm"}
    header, rows = workbook_rows(client.get(EXPORT, query))
    assert [row[0] for row in rows] == listed_ids(client.get(LIST, query))
    with translation.override("vi"):
        assert header == [column.header for column in registers_points.export_columns()]
    gia_cat = next(row for row in rows if row[1] == "Điểm BĐVHX Gia Cát")
    assert gia_cat[2:7] == ["Xã Gia Cát", "Huyện Cao Lộc", "Không", datetime.datetime(2026, 3, 1), 1500]


@pytest.mark.parametrize("size", [1, 6])
def test_the_list_detail_and_export_make_the_same_number_of_queries_whatever_the_size(
    client, task_a, officer_a, manager, size, django_assert_num_queries
):
    for number in range(size):
        entry = point(task_a, officer_a, name=f"Điểm {number}")
    client.force_login(officer_a)
    # session, user, roles; the paginator's count; the totals; the user's unit and its province
    # (the filters' scope: plans, units and areas are fetched as the user types); the rows.
    with django_assert_num_queries(8):
        assert len(listed_ids(client.get(LIST))) == size
    # session, user, roles, the user's province (the filters' scope), the rows.
    with django_assert_num_queries(5):
        assert client.get(EXPORT).status_code == 200
    # session, user, roles (×2: the panel's rights), the entry, its evidence, the unit's rights,
    # the commune's classification on the day the point opened.
    with django_assert_num_queries(8):
        assert client.get(reverse("tracker:info_point_detail", args=[entry.pk])).status_code == 200
