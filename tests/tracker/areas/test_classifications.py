"""Dated classifications: region I/II/III, border, ĐBKK, island and ethnic-minority status, each
with its decision and period; what reads them (seed 004's radio priority, the area pages)
reads the one in force on the date concerned; managers add and end them through the services,
with history."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tracker.core.classifications import NONE, annotate_classification, classifications_on
from tracker.models import Area, AreaClassification, RadioStation
from tracker.registers import radio

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def commune():
    """Region III by QĐ 861/QĐ-TTg for 2021–2025; nothing decided yet for 2026."""
    area = factories.AreaFactory(name="Xã Bằng Vân")
    AreaClassification.objects.create(
        area=area,
        kind="region",
        region="III",
        decision="861/QĐ-TTg",
        valid_from=D(2021, 1, 1),
        valid_to=D(2025, 12, 31),
    )
    return area


def test_a_2023_date_reads_the_2021_2025_region_and_a_2026_date_reads_none(commune, django_assert_num_queries):
    with django_assert_num_queries(1):
        in_2023 = classifications_on([commune.pk], D(2023, 6, 30))
    assert in_2023[commune.pk].region == "III"
    assert str(in_2023[commune.pk].get_region_display()) == "Khu vực III"
    assert classifications_on([commune.pk], D(2026, 1, 1)).get(commune.pk, NONE) == NONE
    annotated = annotate_classification(Area.objects.filter(pk=commune.pk), D(2023, 6, 30)).get()
    assert (annotated.region, annotated.is_border) == ("III", False)
    assert annotate_classification(Area.objects.filter(pk=commune.pk), D(2026, 1, 1)).get().region == ""


def test_the_radio_priority_reads_the_classification_in_force_on_the_list_date(commune):
    RadioStation.objects.create(commune=commune)  # no station surveyed: "without a station"
    border = factories.AreaFactory(name="Xã Đàm Thủy")
    AreaClassification.objects.create(area=border, kind="border", valid_from=D(2026, 1, 1))
    RadioStation.objects.create(commune=border)

    reader = factories.UserFactory(is_superuser=True)  # sees every province's stations

    def priorities(on):
        return {s.commune.name: s.priority for s in radio.stations_for_list(on, reader)}

    # 2023: region III without a station (2); Đàm Thủy not yet a border commune (4).
    assert priorities(D(2023, 6, 1)) == {"Xã Bằng Vân": 2, "Xã Đàm Thủy": 4}
    # 2026: the 2021–2025 region has ended; Đàm Thủy is a border commune without a station (1).
    assert priorities(D(2026, 6, 1)) == {"Xã Bằng Vân": 4, "Xã Đàm Thủy": 1}


def test_a_manager_adds_a_classification_with_its_decision_and_history(manager_client, manager, commune):
    url = reverse("tracker:area_classification_add", args=[commune.pk])
    response = manager_client.post(
        url, {"kind": "dbkk", "valid_from": "01/01/2021", "valid_to": "31/12/2025", "decision": "433/QĐ-UBDT"}
    )
    assert response.status_code == 302
    row = AreaClassification.objects.get(area=commune, kind="dbkk")
    assert (row.decision, row.valid_from, row.valid_to) == ("433/QĐ-UBDT", D(2021, 1, 1), D(2025, 12, 31))
    assert row.history.get().history_user == manager
    page = manager_client.get(reverse("tracker:area_detail", args=[commune.pk])).content.decode()
    assert "433/QĐ-UBDT" in page and "861/QĐ-TTg" in page


def test_a_classification_that_meets_another_of_its_kind_is_refused(manager_client, commune):
    url = reverse("tracker:area_classification_add", args=[commune.pk])
    response = manager_client.post(url, {"kind": "region", "region": "II", "valid_from": "01/06/2025"})
    assert response.status_code == 200
    assert "hãy chấm dứt" in response.content.decode()
    assert AreaClassification.objects.filter(area=commune, kind="region").count() == 1


def test_a_manager_ends_a_classification_and_the_next_one_can_start(manager_client, manager):
    area = factories.AreaFactory(name="Xã Mẫu Sơn", is_border=True)
    row = AreaClassification.objects.get(area=area, kind="border")
    response = manager_client.post(
        reverse("tracker:area_classification_end", args=[row.pk]), {"valid_to": "31/12/2025", "decision": "Mới"}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.valid_to == D(2025, 12, 31)
    assert row.history.latest().history_user == manager
    assert classifications_on([area.pk], D(2025, 12, 31))[area.pk].is_border
    assert classifications_on([area.pk], D(2026, 1, 1)).get(area.pk, NONE) == NONE
    again = manager_client.post(
        reverse("tracker:area_classification_add", args=[area.pk]), {"kind": "border", "valid_from": "01/01/2026"}
    )
    assert again.status_code == 302


def test_a_unit_officer_cannot_classify(officer_a_client, commune):
    response = officer_a_client.post(reverse("tracker:area_classification_add", args=[commune.pk]), {"kind": "border"})
    assert response.status_code == 403
    assert not AreaClassification.objects.filter(kind="border").exists()
