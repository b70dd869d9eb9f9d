"""The commune radio register through its pages: a district officer registers a work with its
villages and photos, the DIC accepts it, and the station's state on the acceptance date, the
province's figures, the activity's achieved quantity and the Excel export follow."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories
from tracker.core import roles
from tracker.models import (
    Area,
    OutputIndicator,
    RadioStation,
    RadioStationState,
    RadioWork,
    RadioWorkVillage,
    RegisterEvidence,
    RegisterMeasure,
    Unit,
)
from tracker.outputs import selectors as selectors_progress
from tracker.registers import selectors

pytestmark = pytest.mark.django_db
D = datetime.date
RECORDS = OutputIndicator.CountedFrom.RECORDS
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


@pytest.fixture(autouse=True)
def _english_and_media(client, settings, tmp_path):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def place(db):
    province = factories.ProvinceFactory(name="Tỉnh Biên Thùy")
    district = factories.AreaFactory(name="Huyện Tràng Thử", level=Area.Level.DISTRICT, parent=province)
    other_district = factories.AreaFactory(name="Huyện Đồng Thử", level=Area.Level.DISTRICT, parent=province)
    communes = {
        "border": factories.AreaFactory(name="Xã Biên Một", parent=district, is_border=True, region="III"),
        "worked": factories.AreaFactory(name="Xã Quốc Khánh", parent=district, is_border=True),
        "other": factories.AreaFactory(name="Xã Đội Cấn", parent=other_district),
    }
    return {"province": province, "district": district, "other_district": other_district, **communes}


SURVEYED = D(2023, 1, 1)


def station_with_state(commune, on=SURVEYED, **state) -> RadioStation:
    station = RadioStation.objects.create(commune=commune)
    if state:
        RadioStationState.objects.create(station=station, effective_on=on, source_note="Khảo sát 2023", **state)
    return station


@pytest.fixture
def stations(place):
    return {
        # The commune of the journey: an FM station whose 3 clusters are broken.
        "worked": station_with_state(place["worked"], station_kind="fm", fm_clusters=3),
        # Another commune with a working wired station.
        "other": station_with_state(place["other"], station_kind="wired", is_working=True, wired_clusters=4),
    }


@pytest.fixture
def district_unit(place):
    return factories.UnitFactory(
        name="Phòng Văn hóa và Thông tin huyện Tràng Thử", kind=Unit.Kind.DEPARTMENT, area=place["district"]
    )


@pytest.fixture
def district_officer(district_unit):
    return factories.UserFactory(username="district_officer", unit=district_unit, role=roles.UNIT_OFFICER)


@pytest.fixture
def task(district_unit, place):
    return factories.TaskFactory(unit=district_unit, area=place["district"], deliverable="Mở rộng cụm loa IP")


@pytest.fixture
def ip_output(task):
    return factories.OutputIndicatorFactory(
        activity=task.activity, counted_from=RECORDS, register_measure=RegisterMeasure.RADIO_IP_CLUSTERS
    )


def work_data(station, task, **changes) -> dict:
    data = {
        "station": station.pk,
        "task": task.pk,
        "work_type": "expansion",
        "contractor": "Công ty TNHH Viễn thông Thử",
        "cost": "450000000",
        "started_on": "01/03/2026",
        "accepted_on": "15/04/2026",
        "handed_over_on": "",
        "station_kind": "ip",
        "is_working": "on",
        "is_connected": "on",
        "wired_clusters": "0",
        "fm_clusters": "3",
        "ip_clusters": "5",
        "note": "",
        "villages-TOTAL_FORMS": "3",
        "villages-INITIAL_FORMS": "0",
        "villages-MIN_NUM_FORMS": "0",
        "villages-MAX_NUM_FORMS": "1000",
        "villages-0-village": "Thôn Nà Lầu",
        "villages-0-technology": "ip",
        "villages-0-clusters": "3",
        "villages-1-village": "Bản Khuổi Khỉn",
        "villages-1-technology": "ip",
        "villages-1-clusters": "2",
        "villages-2-village": "",
        "villages-2-technology": "ip",
        "villages-2-clusters": "1",
    }
    data.update(changes)
    return data


def register_work(client, officer, station, task, **changes) -> RadioWork:
    client.force_login(officer)
    response = client.post(reverse("tracker:radio_work_create"), work_data(station, task, **changes))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return RadioWork.objects.latest("pk")


def accepted_work(client, officer, manager, station, task, **changes) -> RadioWork:
    work = register_work(client, officer, station, task, **changes)
    client.post(reverse("tracker:register_entry_submit", args=[work.pk]))
    client.force_login(manager)
    client.post(reverse("tracker:register_entry_accept", args=[work.pk]))
    work.refresh_from_db()
    assert work.status == "accepted"
    return work


def station_rows(client, **query) -> dict[str, str]:
    response = client.get(reverse("tracker:radio_station_list"), query)
    assert response.status_code == 200
    return {s.commune.name: s.state_station_kind for s in response.context["page_obj"].object_list}


def xlsx_rows(response) -> list[list]:
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# --- The journey of the "done when" -----------------------------------------------------


def test_a_district_officer_registers_new_ip_clusters_and_after_review_everything_follows(
    client, place, stations, district_officer, task, ip_output, manager
):
    station = stations["worked"]
    client.force_login(district_officer)
    # Step 1 offers the stations of the task's district only; step 2 shows the state before.
    pick = client.get(reverse("tracker:radio_work_create"))
    assert [s.commune.name for s in pick.context["pick"].fields["station"].queryset] == ["Xã Quốc Khánh"]
    step2 = client.get(reverse("tracker:radio_work_create"), {"station": station.pk})
    assert step2.context["before"] == {
        "station_kind": "fm",
        "is_working": False,
        "is_connected": False,
        "wired_clusters": 0,
        "fm_clusters": 3,
        "ip_clusters": 0,
    }
    assert step2.context["form"].initial["fm_clusters"] == 3  # the after-state starts as the before-state

    response = client.post(reverse("tracker:radio_work_create"), work_data(station, task))
    work = RadioWork.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("tracker:radio_work_detail", args=[work.pk])
    assert (work.status, work.unit, work.area, work.before_kind, work.before_fm_clusters) == (
        "draft",
        task.unit,
        place["worked"],
        "fm",
        3,
    )
    assert work.history.get().history_user == district_officer
    assert list(work.villages.values_list("village", "technology", "clusters")) == [
        ("Thôn Nà Lầu", "ip", 3),
        ("Bản Khuổi Khỉn", "ip", 2),
    ]

    photo = SimpleUploadedFile("nghiem-thu.jpg", JPEG, content_type="image/jpeg")
    client.post(reverse("tracker:register_evidence_upload", args=[work.pk]), {"files": [photo]})
    assert list(RegisterEvidence.objects.values_list("entry_id", "content_type")) == [(work.pk, "image/jpeg")]
    client.post(reverse("tracker:register_entry_submit", args=[work.pk]))
    client.force_login(manager)
    client.post(reverse("tracker:register_entry_accept", args=[work.pk]))
    work.refresh_from_db()
    assert work.status == "accepted"

    # The station is IP-based and working from the acceptance date.
    assert station_rows(client, on="15/04/2026")["Xã Quốc Khánh"] == "ip"
    response = client.get(reverse("tracker:radio_station_list"), {"on": "15/04/2026", "working": "true"})
    assert [s.commune.name for s in response.context["page_obj"]] == ["Xã Đội Cấn", "Xã Quốc Khánh"]
    before, after = selectors.radio_figures(D(2026, 4, 14)), selectors.radio_figures(D(2026, 4, 15))
    assert (before.working, after.working) == (1, 2)
    assert response.context["figures"] == after
    # The activity's achieved quantity: the 5 IP clusters added.
    achieved = selectors_progress.annotate_achieved(OutputIndicator.objects.filter(pk=ip_output.pk)).get().achieved
    assert achieved == 5
    # The register's Excel export lists the work.
    rows = xlsx_rows(client.get(reverse("tracker:radio_work_export")))
    header, body = rows[0], rows[1:]
    assert len(body) == 1
    line = dict(zip(header, body[0], strict=True))
    assert (line["Commune"], line["District"], line["IP clusters added"], line["Cost (VND)"]) == (
        "Xã Quốc Khánh",
        "Huyện Tràng Thử",
        5,
        450000000,
    )
    assert line["Accepted on"] == datetime.datetime(2026, 4, 15)
    assert line["Villages"] == "Thôn Nà Lầu: 3 IP / ICT-based; Bản Khuổi Khỉn: 2 IP / ICT-based"


def test_returning_an_accepted_work_removes_the_state_and_the_count(
    client, stations, district_officer, task, ip_output, manager
):
    work = accepted_work(client, district_officer, manager, stations["worked"], task)
    client.post(reverse("tracker:register_entry_return", args=[work.pk]), {"reason": "Biên bản thiếu chữ ký"})
    assert not RadioStationState.objects.filter(work=work).exists()
    assert station_rows(client, on="15/04/2026")["Xã Quốc Khánh"] == "fm"
    assert selectors.radio_figures(D(2026, 4, 15)).working == 1
    assert selectors_progress.annotate_achieved(OutputIndicator.objects.filter(pk=ip_output.pk)).get().achieved == 0


def test_the_state_on_a_date_before_the_acceptance_is_the_old_one(client, stations, district_officer, task, manager):
    accepted_work(client, district_officer, manager, stations["worked"], task)
    assert station_rows(client, on="14/04/2026") == {"Xã Quốc Khánh": "fm", "Xã Đội Cấn": "wired"}
    assert station_rows(client, on="31/12/2022") == {"Xã Quốc Khánh": None, "Xã Đội Cấn": None}
    assert station_rows(client, on="15/04/2026") == {"Xã Quốc Khánh": "ip", "Xã Đội Cấn": "wired"}


def test_an_officer_of_another_unit_gets_404_on_the_work(client, stations, district_officer, task, officer_b):
    work = register_work(client, district_officer, stations["worked"], task)
    client.force_login(officer_b)
    for name in ("tracker:radio_work_detail", "tracker:radio_work_edit"):
        assert client.get(reverse(name, args=[work.pk])).status_code == 404
    assert list(client.get(reverse("tracker:radio_work_list")).context["page_obj"]) == []


def test_the_ip_clusters_after_must_include_those_the_villages_add(client, stations, district_officer, task):
    client.force_login(district_officer)
    response = client.post(reverse("tracker:radio_work_create"), work_data(stations["worked"], task, ip_clusters="3"))
    assert response.status_code == 200
    assert response.context["form"].errors["ip_clusters"] == [
        "The villages add 5 IP clusters to the 0 the station had, so the station has at least 5 IP clusters "
        "after the work (not 3)."
    ]
    assert not RadioWork.objects.exists() and not RadioWorkVillage.objects.exists()


def test_an_officer_cannot_register_a_work_on_a_station_outside_the_tasks_area(
    client, stations, district_officer, task
):
    client.force_login(district_officer)
    response = client.post(reverse("tracker:radio_work_create"), work_data(stations["other"], task))
    assert response.status_code == 200
    assert "station" in response.context["pick"].errors
    assert not RadioWork.objects.exists()


def test_an_officer_edits_the_villages_of_a_draft(client, stations, district_officer, task):
    work = register_work(client, district_officer, stations["worked"], task)
    first, second = work.villages.all()
    data = work_data(stations["worked"], task, ip_clusters="6")
    data.update(
        {
            "villages-INITIAL_FORMS": "2",
            "villages-0-id": str(first.pk),
            "villages-0-clusters": "4",
            "villages-1-id": str(second.pk),
            "villages-1-DELETE": "on",
            "villages-2-village": "Thôn Mới",
            "villages-2-clusters": "2",
        }
    )
    response = client.post(reverse("tracker:radio_work_edit", args=[work.pk]), data)
    assert response.status_code == 302
    assert list(work.villages.values_list("pk", "village", "clusters")) == [
        (first.pk, "Thôn Nà Lầu", 4),
        (first.pk + 2, "Thôn Mới", 2),
    ]
    work.refresh_from_db()
    assert work.ip_clusters == 6


def test_a_submitted_work_cannot_be_edited(client, stations, district_officer, task):
    work = register_work(client, district_officer, stations["worked"], task)
    client.post(reverse("tracker:register_entry_submit", args=[work.pk]))
    assert client.get(reverse("tracker:radio_work_edit", args=[work.pk])).status_code == 403


def test_the_work_list_filters_by_work_type_and_station_after(client, stations, district_officer, task, manager):
    register_work(client, district_officer, stations["worked"], task)
    replacement = register_work(
        client, district_officer, stations["worked"], task, work_type="replacement", station_kind="fm", ip_clusters="5"
    )
    client.force_login(manager)
    url = reverse("tracker:radio_work_list")
    assert [w.pk for w in client.get(url, {"work_type": "replacement"}).context["page_obj"]] == [replacement.pk]
    assert [w.pk for w in client.get(url, {"station_kind": "fm"}).context["page_obj"]] == [replacement.pk]
    assert [w.pk for w in client.get(url, {"q": "Viễn thông Thử", "work_type": "new"}).context["page_obj"]] == []


def test_the_station_page_shows_the_timeline_with_the_accepted_work(
    client, stations, district_officer, task, manager, officer_b
):
    work = accepted_work(client, district_officer, manager, stations["worked"], task)
    response = client.get(reverse("tracker:radio_station_detail", args=[stations["worked"].pk]))
    timeline = response.context["timeline"]
    assert [(i["state"].effective_on, i["state"].work_id, i["work_visible"]) for i in timeline] == [
        (D(2023, 1, 1), None, False),
        (D(2026, 4, 15), work.pk, True),
    ]
    assert reverse("tracker:radio_work_detail", args=[work.pk]) in response.content.decode()
    # Another unit's officer sees the station and its timeline, not a link to the work.
    client.force_login(officer_b)
    response = client.get(reverse("tracker:radio_station_detail", args=[stations["worked"].pk]))
    assert [i["work_visible"] for i in response.context["timeline"]] == [False, False]
    assert response.context["works"] == []


# --- Stations: priority, figures, forms -----------------------------------------------------------


def test_the_priority_view_follows_seed_004(client, manager, place):
    district = place["district"]
    make = factories.AreaFactory
    station_with_state(make(name="Xã Ải", parent=district), station_kind="wired", is_working=True, wired_clusters=1)
    station_with_state(make(name="Xã Bắc Khu III", parent=district, region="III"), station_kind="none")
    station_with_state(make(name="Xã Cao Biên", parent=district, is_border=True), station_kind="none")
    station_with_state(make(name="Xã Biên Có Đài", parent=district, is_border=True), station_kind="ip", ip_clusters=2)
    station_with_state(make(name="Xã Khu III Có Đài", parent=district, region="III"), station_kind="fm", fm_clusters=1)
    client.force_login(manager)
    response = client.get(reverse("tracker:radio_station_list"), {"order": "priority", "on": "01/06/2026"})
    assert [(s.priority, s.commune.name) for s in response.context["page_obj"]] == [
        (1, "Xã Cao Biên"),
        (2, "Xã Bắc Khu III"),
        (3, "Xã Biên Có Đài"),
        (4, "Xã Ải"),
        (4, "Xã Khu III Có Đài"),
    ]
    # Without the priority order: district, then commune, in Vietnamese order.
    names = [s.commune.name for s in client.get(reverse("tracker:radio_station_list")).context["page_obj"]]
    assert names == ["Xã Ải", "Xã Bắc Khu III", "Xã Biên Có Đài", "Xã Cao Biên", "Xã Khu III Có Đài"]


def test_the_station_list_filters_and_the_figures_of_a_district(client, manager, stations, place):
    client.force_login(manager)
    url = reverse("tracker:radio_station_list")
    response = client.get(url, {"district": place["district"].pk})
    assert [s.commune.name for s in response.context["page_obj"]] == ["Xã Quốc Khánh"]
    assert (response.context["figures"].communes, response.context["figures"].fm_clusters) == (1, 3)
    assert [s.commune.name for s in client.get(url, {"kind": "wired"}).context["page_obj"]] == ["Xã Đội Cấn"]
    assert [s.commune.name for s in client.get(url, {"border": "true"}).context["page_obj"]] == ["Xã Quốc Khánh"]
    assert [s.commune.name for s in client.get(url, {"technology": "fm"}).context["page_obj"]] == ["Xã Quốc Khánh"]
    assert [s.commune.name for s in client.get(url, {"working": "false"}).context["page_obj"]] == ["Xã Quốc Khánh"]


def test_a_manager_adds_a_station_and_records_its_surveyed_state(client, manager, place):
    client.force_login(manager)
    response = client.post(
        reverse("tracker:radio_station_create"), {"commune": place["border"].pk, "name": "Đài xã Biên Một"}
    )
    station = RadioStation.objects.get()
    assert response["Location"] == reverse("tracker:radio_station_detail", args=[station.pk])
    assert station.history.get().history_user == manager
    response = client.post(
        reverse("tracker:radio_station_state_create", args=[station.pk]),
        {
            "effective_on": "10/01/2026",
            "station_kind": "wired",
            "is_working": "on",
            "wired_clusters": "2",
            "fm_clusters": "0",
            "ip_clusters": "0",
            "source_note": "Khảo sát 2026",
        },
    )
    assert response.status_code == 302
    state = station.states.get()
    assert (state.effective_on, state.station_kind, state.wired_clusters, state.work) == (
        D(2026, 1, 10),
        "wired",
        2,
        None,
    )
    assert state.history.get().history_user == manager
    response = client.post(
        reverse("tracker:radio_station_edit", args=[station.pk]), {"commune": place["border"].pk, "name": "Đài mới"}
    )
    station.refresh_from_db()
    assert (response.status_code, station.name) == (302, "Đài mới")


def test_a_state_without_a_station_cannot_have_clusters(client, manager, stations):
    client.force_login(manager)
    response = client.post(
        reverse("tracker:radio_station_state_create", args=[stations["worked"].pk]),
        {
            "effective_on": "10/01/2026",
            "station_kind": "none",
            "wired_clusters": "2",
            "fm_clusters": "0",
            "ip_clusters": "0",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "A commune without a station has no clusters and nothing working or connected."
    ]
    assert stations["worked"].states.count() == 1


def test_officers_read_the_stations_but_only_managers_keep_them(client, stations, officer_a, editor):
    client.force_login(officer_a)
    assert client.get(reverse("tracker:radio_station_list")).status_code == 200
    assert client.get(reverse("tracker:radio_station_create")).status_code == 403
    assert client.get(reverse("tracker:radio_station_edit", args=[stations["worked"].pk])).status_code == 403
    client.force_login(editor)
    assert client.get(reverse("tracker:radio_station_list")).status_code == 403
    assert client.get(reverse("tracker:radio_station_detail", args=[stations["worked"].pk])).status_code == 404


# --- Excel matches the lists; query counts ---------------------------------------------------------


def test_the_work_export_has_the_rows_of_the_filtered_list(client, stations, district_officer, task, manager):
    accepted_work(client, district_officer, manager, stations["worked"], task)
    register_work(client, district_officer, stations["worked"], task, work_type="replacement", ip_clusters="10")
    client.force_login(manager)
    for query in ({}, {"status": "accepted"}, {"work_type": "replacement"}):
        listed = [w.pk for w in client.get(reverse("tracker:radio_work_list"), query).context["page_obj"]]
        exported = [row[0] for row in xlsx_rows(client.get(reverse("tracker:radio_work_export"), query))[1:]]
        assert exported == listed and listed


def test_the_station_export_has_the_rows_and_states_of_the_list_on_the_date(
    client, stations, district_officer, task, manager
):
    accepted_work(client, district_officer, manager, stations["worked"], task)
    for query in ({"on": "14/04/2026"}, {"on": "15/04/2026", "order": "priority"}, {"on": "15/04/2026", "kind": "ip"}):
        listed = client.get(reverse("tracker:radio_station_list"), query).context["page_obj"]
        rows = xlsx_rows(client.get(reverse("tracker:radio_station_export"), query))
        header = rows[0]
        exported = [(r[header.index("Commune")], r[header.index("IP clusters")]) for r in rows[1:]]
        assert exported == [(s.commune.name, s.state_ip_clusters or 0) for s in listed]


def _many(place, district_officer, manager, client, task, count):
    for index in range(count):
        commune = factories.AreaFactory(parent=place["district"], is_border=index % 2 == 0)
        station = station_with_state(commune, station_kind="fm", fm_clusters=2)
        accepted_work(client, district_officer, manager, station, task, work_type="replacement")


@pytest.mark.parametrize("count", [1, 6])
def test_the_lists_query_counts_do_not_grow_with_the_rows(
    client, place, district_officer, manager, task, count, django_assert_max_num_queries
):
    _many(place, district_officer, manager, client, task, count)
    client.force_login(manager)
    # Session, user, roles; the count and the totals; the filters' plan, unit and area
    # choices; the page of works with their station, commune and district.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("tracker:radio_work_list"))
    assert len(response.context["page_obj"]) == count
    # Session, user, roles; the stations with their state and priority; the figures; the
    # district choices.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("tracker:radio_station_list"), {"order": "priority"})
    assert len(response.context["page_obj"]) == count
    work = RadioWork.objects.first()
    # Session, user, roles; the work with its station and entry; its villages; its evidence.
    with django_assert_max_num_queries(6):
        assert client.get(reverse("tracker:radio_work_detail", args=[work.pk])).status_code == 200
    # Session, user, roles; the station; its state today; the timeline; the works linked from
    # it that the user sees; the station's works; the commune's classification in force today.
    with django_assert_max_num_queries(9):
        assert client.get(reverse("tracker:radio_station_detail", args=[work.station_id])).status_code == 200


# --- Rows added in place (static/js/formset-rows.js) ------------------------------------------


def five_villages(**changes) -> dict:
    """The villages as the page posts them after "Add a village" twice: five rows where the
    server offered three."""
    rows = [
        ("Thôn Nà Lầu", "3"),
        ("Bản Khuổi Khỉn", "2"),
        ("Thôn Bó Chiêu", "1"),
        ("Bản Nà Pồng", "2"),
        ("Thôn Cốc Lùng", "1"),
    ]
    data = {"villages-TOTAL_FORMS": "5"}
    for index, (village, clusters) in enumerate(rows):
        data.update(
            {
                f"villages-{index}-village": village,
                f"villages-{index}-technology": "ip",
                f"villages-{index}-clusters": clusters,
            }
        )
    data.update(changes)
    return data


def test_the_form_offers_a_row_to_copy_and_an_add_button_the_script_shows(client, stations, district_officer, task):
    client.force_login(district_officer)
    response = client.get(reverse("tracker:radio_work_create"), {"station": stations["worked"].pk})
    content = response.content.decode()
    assert '<fieldset class="formset" data-formset="villages">' in content
    assert content.count('name="villages-__prefix__-village"') == 1
    template = content[content.index("<template data-formset-empty>") : content.index("</template>")]
    assert 'name="villages-__prefix__-clusters"' in template
    assert "data-formset-remove" in template and "DELETE" not in template
    assert (
        '<div class="formset-add" data-formset-controls hidden>'
        '<button type="button" data-formset-add>Add a village</button></div>' in content
    )
    assert content.count('<script src="/static/js/formset-rows.js" defer></script>') == 1
    # Without the script, the three empty rows and "save and edit again" as before.
    assert response.context["villages"].total_form_count() == 3
    assert "data-formset-hint>Need more rows?" in content


def test_villages_added_in_place_beyond_the_three_empty_rows_are_all_saved(client, stations, district_officer, task):
    work = register_work(client, district_officer, stations["worked"], task, ip_clusters="12", **five_villages())
    assert list(work.villages.order_by("pk").values_list("village", "clusters")) == [
        ("Thôn Nà Lầu", 3),
        ("Bản Khuổi Khỉn", 2),
        ("Thôn Bó Chiêu", 1),
        ("Bản Nà Pồng", 2),
        ("Thôn Cốc Lùng", 1),
    ]


def test_a_bad_added_row_saves_nothing_and_the_message_names_its_row_and_field(
    client, stations, district_officer, task
):
    client.force_login(district_officer)
    data = work_data(stations["worked"], task, ip_clusters="12", **five_villages(**{"villages-4-clusters": "0"}))
    response = client.post(reverse("tracker:radio_work_create"), data)
    assert response.status_code == 200
    assert not RadioWork.objects.exists() and not RadioWorkVillage.objects.exists()
    content = response.content.decode()
    assert (
        '<ul class="errorlist row-errors">'
        "<li>Row 5, Clusters: Ensure this value is greater than or equal to 1.</li></ul>" in content
    )
    # The five rows come back as the user filled them, the added ones included.
    assert response.context["villages"].total_form_count() == 5
    assert 'value="Thôn Cốc Lùng"' in content
