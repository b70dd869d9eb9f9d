"""The catalogue of Tiểu dự án 1 from Thông tư 06/2022/TT-BTTTT: its four missing contents are
content types, and its output indicators load into the indicator pages once, with history."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tracker.models import ActivityType, Indicator
from tracker.programme.catalogue import load_catalogue, read_catalogue

pytestmark = pytest.mark.django_db

CODES = [entry["code"] for content in read_catalogue()["contents"] for entry in content["indicators"]]


def test_the_four_contents_the_circular_lists_have_content_types():
    names = dict(ActivityType.objects.values_list("code", "name"))
    assert names["border_gate_clusters"] == "Thiết lập cụm thông tin điện tử công cộng tại cửa khẩu biên giới"
    assert names["border_post_equipment"] == "Trang bị hệ thống thiết bị thông tin cho các đồn biên phòng"
    assert names["digital_publication_platforms"] == (
        "Xây dựng, phát triển nền tảng công nghệ cung cấp xuất bản phẩm, báo điện tử"
    )
    assert names["print_to_electronic_publications"] == (
        "Lựa chọn xuất bản phẩm in để xuất bản dưới hình thức xuất bản phẩm điện tử"
    )
    # Every content of the catalogue names a content type that exists.
    assert {content["code"] for content in read_catalogue()["contents"]} <= set(names)


def test_the_catalogue_loads_once_with_the_loader_in_the_history(manager):
    first = load_catalogue(actor=manager)
    assert sorted(first.created) == sorted(CODES) and not first.missing_content_types
    clusters = Indicator.objects.get(code="tt06-border-gate-clusters")
    assert (clusters.name, clusters.unit_of_measure, clusters.role) == (
        "Cụm thông tin điện tử công cộng được thiết lập tại cửa khẩu biên giới",
        "cụm",
        Indicator.Role.TARGET,
    )
    assert clusters.description.startswith("Nội dung: Thiết lập các cụm thông tin điện tử công cộng")
    assert "Thông tư số 06/2022/TT-BTTTT" in clusters.description
    assert clusters.history.get().history_user == manager
    history_rows = Indicator.history.count()

    again = load_catalogue(actor=manager)
    assert again.created == [] and again.updated == [] and sorted(again.unchanged) == sorted(CODES)
    assert Indicator.history.count() == history_rows  # nothing written a second time


def test_a_changed_indicator_is_brought_back_and_an_ended_one_stays_ended(manager):
    load_catalogue(actor=manager)
    platforms = Indicator.objects.get(code="tt06-publication-platforms")
    platforms.name = "Tên sửa tay"
    platforms.valid_to = datetime.date(2026, 1, 1)
    platforms.save()
    result = load_catalogue(actor=manager)
    assert result.updated == ["tt06-publication-platforms"]
    platforms.refresh_from_db()
    assert platforms.name == "Nền tảng công nghệ cung cấp xuất bản phẩm, báo điện tử được xây dựng, phát triển"
    assert platforms.valid_to == datetime.date(2026, 1, 1)


def test_the_command_loads_them_and_the_indicator_page_lists_them(manager, client):
    out = StringIO()
    call_command("load_subproject_catalogue", "--user", manager.username, stdout=out)
    assert f"{len(CODES)} created, 0 updated, 0 unchanged" in out.getvalue()
    client.force_login(manager)
    page = client.get(reverse("tracker:indicator_list")).content.decode()
    assert "Đồn biên phòng được trang bị hệ thống thiết bị thông tin" in page
    assert "Xuất bản phẩm in được lựa chọn xuất bản dưới hình thức xuất bản phẩm điện tử" in page
    out = StringIO()
    call_command("load_subproject_catalogue", stdout=out)
    assert f"0 created, 0 updated, {len(CODES)} unchanged" in out.getvalue()
