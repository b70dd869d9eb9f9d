"""The managers' area pages: create (kind sets the level and the label), edit, end with
successors (a split with shares), and what the area page then shows."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tracker.models import Area, AreaSuccession, SmartphoneHandover

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_dic_manager_who_is_not_staff_opens_the_new_area_page(manager_client, manager):
    assert not manager.is_staff and not manager.is_superuser
    assert manager_client.get(reverse("tracker:area_create")).status_code == 200


def test_a_unit_officer_cannot_create_an_area(officer_a_client):
    response = officer_a_client.post(reverse("tracker:area_create"), {"name": "Phường Mới", "kind": "phuong"})
    assert response.status_code == 403
    assert not Area.objects.filter(name="Phường Mới").exists()


def test_a_ward_is_created_at_commune_level_and_labelled_phuong(manager_client, manager):
    province = Area.objects.create(name="Tỉnh Thái Nguyên", level=Area.Level.PROVINCE, kind=Area.Kind.PROVINCE)
    response = manager_client.post(
        reverse("tracker:area_create"),
        {"name": "Phường Phan Đình Phùng", "kind": "phuong", "parent": province.pk, "code": "05443"},
    )
    ward = Area.objects.get(name="Phường Phan Đình Phùng")
    assert response.status_code == 302
    assert (ward.level, ward.kind, ward.parent, ward.code) == (Area.Level.COMMUNE, "phuong", province, "05443")
    assert ward.history.get().history_user == manager
    with_label = manager_client.get(reverse("tracker:area_detail", args=[ward.pk]))
    assert '<span class="muted small">Phường</span>' in with_label.content.decode()  # not "Xã"


def test_a_kind_that_does_not_fit_the_parent_is_refused(manager_client):
    commune = Area.objects.create(name="Xã Một", level=Area.Level.COMMUNE)
    response = manager_client.post(
        reverse("tracker:area_create"), {"name": "Tỉnh Sai", "kind": "tinh", "parent": commune.pk}
    )
    assert response.status_code == 200
    assert "Địa bàn cấp trên phải ở cấp cao hơn địa bàn này." in response.content.decode()
    assert not Area.objects.filter(name="Tỉnh Sai").exists()


def test_a_commune_split_between_two_is_ended_with_both_successions_and_shown_both_ways(manager_client, manager):
    old = Area.objects.create(name="Xã Cũ", level=Area.Level.COMMUNE, kind=Area.Kind.COMMUNE)
    first = Area.objects.create(name="Xã Mới Một", level=Area.Level.COMMUNE, valid_from=D(2025, 7, 1))
    second = Area.objects.create(name="Phường Mới Hai", level=Area.Level.COMMUNE, valid_from=D(2025, 7, 1))

    response = manager_client.post(
        reverse("tracker:area_end", args=[old.pk]),
        {
            "valid_to": "30/06/2025",
            "successor_1": first.pk,
            "share_1": 60,
            "successor_2": second.pk,
            "share_2": 40,
            "decision": "1683/NQ-UBTVQH15",
        },
    )

    assert response.status_code == 302
    old.refresh_from_db()
    assert old.valid_to == D(2025, 6, 30)
    rows = list(AreaSuccession.objects.filter(predecessor=old).values_list("successor", "took_over_on", "share"))
    assert rows == [(first.pk, D(2025, 7, 1), 60), (second.pk, D(2025, 7, 1), 40)]
    assert AreaSuccession.history.filter(history_user=manager).count() == 2
    old_page = manager_client.get(reverse("tracker:area_detail", args=[old.pk])).content.decode()
    assert "Sáp nhập vào / đổi tên thành" in old_page and "Xã Mới Một" in old_page and "60%" in old_page
    new_page = manager_client.get(reverse("tracker:area_detail", args=[second.pk])).content.decode()
    assert "Hình thành từ" in new_page and "Xã Cũ" in new_page and "từ 01/07/2025, 1683/NQ-UBTVQH15" in new_page


def test_ending_refuses_shares_over_100_and_a_successor_not_yet_in_force(manager_client):
    old = Area.objects.create(name="Xã Cũ", level=Area.Level.COMMUNE)
    later = Area.objects.create(name="Xã Sau", level=Area.Level.COMMUNE, valid_from=D(2026, 1, 1))
    other = Area.objects.create(name="Xã Khác", level=Area.Level.COMMUNE)
    url = reverse("tracker:area_end", args=[old.pk])
    too_much = manager_client.post(
        url, {"valid_to": "30/06/2025", "successor_1": other.pk, "share_1": 70, "successor_2": later.pk, "share_2": 40}
    )
    assert "Tổng tỷ lệ của các đơn vị kế thừa vượt quá 100%." in too_much.content.decode()
    not_yet = manager_client.post(url, {"valid_to": "30/06/2025", "successor_1": later.pk})
    assert "Xã Sau chưa (hoặc không còn) có hiệu lực vào ngày 01/07/2025." in not_yet.content.decode()
    old.refresh_from_db()
    assert old.valid_to is None and not AreaSuccession.objects.exists()


def test_the_area_list_shows_the_areas_in_force_on_the_date_asked(manager_client):
    province = Area.objects.create(name="Tỉnh Bắc Kạn", level=Area.Level.PROVINCE, valid_to=D(2025, 6, 30))
    successor = Area.objects.create(name="Tỉnh Thái Nguyên", level=Area.Level.PROVINCE)
    AreaSuccession.objects.create(predecessor=province, successor=successor, took_over_on=D(2025, 7, 1))
    url = reverse("tracker:area_list")

    today = [node.area.name for node in manager_client.get(url).context["nodes"]]
    in_2023 = manager_client.get(url, {"on": "15/12/2023"})
    ended_too = [node.area.name for node in manager_client.get(url, {"ended": "on"}).context["nodes"]]

    assert today == ["Tỉnh Thái Nguyên"]
    assert [node.area.name for node in in_2023.context["nodes"]] == ["Tỉnh Bắc Kạn", "Tỉnh Thái Nguyên"]
    assert "→ <a" in in_2023.content.decode()  # the successor is linked from the ended province
    assert ended_too == ["Tỉnh Bắc Kạn", "Tỉnh Thái Nguyên"]


def test_a_new_ward_shows_the_targets_of_the_communes_it_was_formed_from(manager_client):
    old = Area.objects.create(name="Xã Quang Thuận", level=Area.Level.COMMUNE, valid_to=D(2025, 6, 30))
    new = Area.objects.create(name="Xã Bạch Thông", level=Area.Level.COMMUNE, valid_from=D(2025, 7, 1))
    AreaSuccession.objects.create(predecessor=old, successor=new, took_over_on=D(2025, 7, 1))
    factories.TargetFactory(area=old, year=2023, planned_value=120)

    page = manager_client.get(reverse("tracker:area_detail", args=[new.pk]))

    [target] = page.context["page"].predecessor_targets
    assert (target.area, target.year, target.planned_value) == (old, 2023, 120)
    assert "Chỉ tiêu của các địa bàn trước khi sắp xếp" in page.content.decode()


# --- The area's figures with those of the areas it was formed from ----------------------------


def formed_world(size: int, manager):
    """`size` old communes merged into one new ward (1/7/2025), each with a 2023 target, an
    accepted handover of 5 phones and a donation passed on; an old commune split 50/50 between
    the ward and another."""
    from tracker.areas import services as area_services

    province = factories.ProvinceFactory(name="Tỉnh Thử")
    ward = factories.AreaFactory(name="Phường Mới", parent=province, valid_from=D(2025, 7, 1))
    other = factories.AreaFactory(name="Phường Khác", parent=province, valid_from=D(2025, 7, 1))
    indicator = factories.IndicatorFactory(name="Hộ được hỗ trợ", unit_of_measure="hộ")
    plan = factories.PlanFactory()
    activity = factories.ActivityFactory(plan=plan)
    olds = [factories.AreaFactory(name=f"Xã Cũ {number:02d}", parent=province) for number in range(size)]
    split = factories.AreaFactory(name="Xã Chia Đôi", parent=province)
    for old in olds:
        factories.TargetFactory(plan=plan, indicator=indicator, area=old, year=2023, planned_value=10)
        unit = factories.CommuneCommitteeFactory(area=old)
        SmartphoneHandover.objects.create(
            kind=SmartphoneHandover.Kind.SMARTPHONES,
            activity=activity,
            unit=unit,
            area=old,
            status=SmartphoneHandover.Status.ACCEPTED,
            priority_class=SmartphoneHandover.PriorityClass.POOR_OTHER,
            source=SmartphoneHandover.Source.DONATIONS,
            phones=5,
            households=5,
            handed_over_on=D(2024, 5, 1),
            created_by=manager,
        )
        area_services.area_end(
            area=old, last_day=D(2025, 6, 30), successors=[area_services.SuccessorShare(ward)], actor=None
        )
    factories.TargetFactory(plan=plan, indicator=indicator, area=split, year=2023, planned_value=7)
    area_services.area_end(
        area=split,
        last_day=D(2025, 6, 30),
        successors=[area_services.SuccessorShare(ward, 50), area_services.SuccessorShare(other, 50)],
        actor=None,
    )
    return ward


def test_a_new_ward_shows_what_the_communes_it_was_formed_from_had(manager_client, manager):
    ward = formed_world(3, manager)
    url = reverse("tracker:area_detail", args=[ward.pk])

    html = manager_client.get(url).content.decode()
    # By the new unit: 3 × 10 + half of 7 (rounded half up) = 34 planned; 3 × 5 phones.
    assert "Số liệu gồm cả các địa bàn tiền thân" in html
    assert '<td data-label="Giá trị kế hoạch" class="num">34 <span class="muted">hộ</span></td>' in html
    assert '<dd class="figures-phones">15 (15 hộ)</dd>' in html

    html = manager_client.get(url, {"by": "old"}).content.decode()
    for number in range(3):
        assert f"Xã Cũ {number:02d}</a>" in html
    assert 'Xã Chia Đôi</a> <span class="muted small">(50% cho đơn vị này)</span>' in html


def test_the_area_figures_read_the_same_number_of_queries_at_two_sizes(manager_client, manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (2, 12):
        ward = formed_world(size, manager)
        url = reverse("tracker:area_detail", args=[ward.pk])
        manager_client.get(url)  # the session and the second factor, once
        for by in ("old", "new"):
            with CaptureQueriesContext(connection) as captured:
                assert manager_client.get(url, {"by": by}).status_code == 200
            counts.append((by, len(captured)))
    # The page's own queries and the figures' (successions, predecessors, targets, their
    # actuals ×2, handovers, register entries, donations): the same at 2 and at 12 communes.
    assert counts[:2] == counts[2:], counts
    assert max(count for _, count in counts) <= 30, counts


@pytest.fixture
def two_provinces(db):
    """Tuyên Quang with a commune and its DIC's manager; Lào Cai with a commune."""
    tuyen_quang = factories.ProvinceFactory(name="Tỉnh Tuyên Quang", kind=Area.Kind.PROVINCE)
    lao_cai = factories.ProvinceFactory(name="Tỉnh Lào Cai", kind=Area.Kind.PROVINCE)
    lam_binh = factories.AreaFactory(name="Xã Lâm Bình", kind=Area.Kind.COMMUNE, parent=tuyen_quang)
    cam_duong = factories.AreaFactory(name="Phường Cam Đường", kind=Area.Kind.WARD, parent=lao_cai)
    dic = factories.UnitFactory(name="Sở KH&CN tỉnh Tuyên Quang", area=tuyen_quang)
    manager = factories.UserFactory(username="quanly.tq", unit=dic, role="dic_manager")
    return {"manager": manager, "lam_binh": lam_binh, "cam_duong": cam_duong, "lao_cai": lao_cai}


def test_a_province_manager_adds_areas_inside_their_province_only(client, two_provinces):
    client.force_login(two_provinces["manager"])
    form = client.get(reverse("tracker:area_create")).context["form"]
    parents = {area.name for area in form.fields["parent"].queryset}
    assert parents == {"Tỉnh Tuyên Quang", "Xã Lâm Bình"}
    assert form.fields["parent"].required  # no new province of their own
    refused = client.post(
        reverse("tracker:area_create"),
        {"name": "Tổ dân phố 1", "kind": "thon", "parent": two_provinces["cam_duong"].pk},
    )
    assert refused.status_code == 200 and "parent" in refused.context["form"].errors
    assert not Area.objects.filter(name="Tổ dân phố 1").exists()
    response = client.post(
        reverse("tracker:area_create"), {"name": "Thôn Nà Khà", "kind": "thon", "parent": two_provinces["lam_binh"].pk}
    )
    assert response.status_code == 302
    assert Area.objects.get(name="Thôn Nà Khà").history.get().history_user == two_provinces["manager"]


def test_another_provinces_area_cannot_be_edited_or_ended(client, two_provinces):
    client.force_login(two_provinces["manager"])
    ward = two_provinces["cam_duong"]
    assert client.get(reverse("tracker:area_edit", args=[ward.pk])).status_code == 404
    response = client.post(reverse("tracker:area_end", args=[ward.pk]), {"valid_to": "30/06/2026"})
    assert response.status_code == 404
    ward.refresh_from_db()
    assert ward.valid_to is None
    # Its page is there to read, without the buttons that would lead to a 404.
    page = client.get(reverse("tracker:area_detail", args=[ward.pk])).content.decode()
    assert reverse("tracker:area_edit", args=[ward.pk]) not in page
    own = client.get(reverse("tracker:area_detail", args=[two_provinces["lam_binh"].pk])).content.decode()
    assert reverse("tracker:area_edit", args=[two_provinces["lam_binh"].pk]) in own
