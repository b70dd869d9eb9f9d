"""`manage.py load_admin_map`: the official map since 1/7/2025 from the packages, idempotent,
fast, and the demo's older areas ended with successions that reach a unit in force in 2026."""

from __future__ import annotations

import datetime
import time
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from tests.tracker.reports.test_reports import pdf_text, produce
from tracker.demo import seed_001, seed_002
from tracker.models import Area, AreaSuccession, GeneratedReport, Plan, Unit, User

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
D = datetime.date
NEW_YEAR_2026 = D(2026, 1, 1)
TODAY = timezone.localdate()
DEMO_PROVINCES = ["Thái Nguyên", "Thanh Hóa", "Huế", "Lạng Sơn"]


def load(*provinces: str) -> str:
    out = StringIO()
    args = [arg for name in provinces for arg in ("--province", name)]
    call_command("load_admin_map", *args, stdout=out)
    return out.getvalue()


def test_full_map_gives_34_provinces_and_3321_communes_with_unique_codes_fast_and_once():
    started = time.monotonic()
    output = load()
    seconds = time.monotonic() - started

    assert seconds <= 30, seconds
    assert "3355 areas created" in output
    in_force = Area.objects.in_force(NEW_YEAR_2026)
    provinces = in_force.filter(level=Area.Level.PROVINCE)
    communes = in_force.filter(level=Area.Level.COMMUNE)
    assert (provinces.count(), communes.count()) == (34, 3321)
    codes = list(in_force.values_list("code", flat=True))
    assert len(set(codes)) == len(codes) == 3355
    assert all(len(code) == 2 for code in provinces.values_list("code", flat=True))
    assert all(len(code) == 5 and code.isdigit() for code in communes.values_list("code", flat=True))
    # Kinds as the law names them: 6 centrally-run cities, wards, communes and special zones.
    assert provinces.filter(kind=Area.Kind.CENTRAL_CITY).count() == 6
    assert set(communes.values_list("kind", flat=True)) == {Area.Kind.COMMUNE, Area.Kind.WARD, Area.Kind.SPECIAL_ZONE}
    hanoi = provinces.get(code="01")
    assert (hanoi.name, hanoi.kind) == ("Thành phố Hà Nội", Area.Kind.CENTRAL_CITY)
    ward = communes.get(code="00004")
    assert (ward.name, ward.kind, ward.parent, ward.valid_from) == (
        "Phường Ba Đình",
        Area.Kind.WARD,
        hanoi,
        D(2025, 7, 1),
    )
    assert communes.get(name="Đặc khu Phú Quốc").kind == Area.Kind.SPECIAL_ZONE
    # One history row per area, written in bulk with the package named as the reason.
    assert Area.history.count() == 3355
    assert set(Area.history.values_list("history_change_reason", flat=True)) == {"vietnam-provinces 2025.10.1"}

    history_rows = Area.history.count()
    again = load()
    assert "0 areas created, 0 updated, 0 ended, 0 successions added" in again
    assert Area.history.count() == history_rows


def test_one_province_loads_alone_and_an_unknown_name_is_refused():
    load("Lạng Sơn")
    province = Area.objects.get(level=Area.Level.PROVINCE)
    assert (province.name, province.code, province.kind) == ("Tỉnh Lạng Sơn", "20", Area.Kind.PROVINCE)
    assert Area.objects.filter(level=Area.Level.COMMUNE, parent=province).count() == 65
    with pytest.raises(CommandError, match="Bắc Kạn"):
        load("Bắc Kạn")


def test_a_province_already_entered_gets_its_code_and_its_old_areas_end_with_successions():
    # As the demo enters Bắc Kạn (seed 001) before the map is loaded.
    bac_kan = Area.objects.create(name="Tỉnh Bắc Kạn", level=Area.Level.PROVINCE)
    ba_be = Area.objects.create(name="Huyện Ba Bể", level=Area.Level.DISTRICT, parent=bac_kan)
    thuong_giao = Area.objects.create(name="Xã Thượng Giáo", level=Area.Level.COMMUNE, parent=ba_be)
    thai_nguyen = Area.objects.create(name="Tỉnh Thái Nguyên", level=Area.Level.PROVINCE)

    output = load("Thái Nguyên")

    thai_nguyen.refresh_from_db()
    assert (thai_nguyen.code, thai_nguyen.kind, thai_nguyen.valid_to) == ("19", Area.Kind.PROVINCE, None)
    for area in (bac_kan, ba_be, thuong_giao):
        area.refresh_from_db()
        assert area.valid_to == D(2025, 6, 30)
    province_step = AreaSuccession.objects.get(predecessor=bac_kan)
    assert (province_step.successor, province_step.took_over_on, province_step.decision) == (
        thai_nguyen,
        D(2025, 7, 1),
        "202/2025/QH15",
    )
    commune_step = AreaSuccession.objects.get(predecessor=thuong_giao)
    assert (commune_step.successor.name, commune_step.successor.parent) == ("Xã Chợ Rã", thai_nguyen)
    assert "vietnamadminunits" in commune_step.note
    assert not AreaSuccession.objects.filter(predecessor=ba_be).exists()  # the level was abolished
    assert "1 updated, 3 ended, 2 successions added" in output
    assert "0 areas created, 0 updated, 0 ended, 0 successions added" in load("Thái Nguyên")


def test_a_commune_split_among_new_ones_has_a_succession_to_each():
    thanh_hoa = Area.objects.create(name="Tỉnh Thanh Hóa", level=Area.Level.PROVINCE)
    city = Area.objects.create(name="Thành phố Thanh Hóa", level=Area.Level.DISTRICT, parent=thanh_hoa)
    dong_tho = Area.objects.create(name="Phường Đông Thọ", level=Area.Level.COMMUNE, parent=city)
    load("Thanh Hóa")
    successors = {s.successor.name: s.note for s in AreaSuccession.objects.filter(predecessor=dong_tho)}
    assert set(successors) == {"Phường Hạc Thành", "Phường Hàm Rồng"}
    assert "Phần chính" in successors["Phường Hạc Thành"]


# --- The demo's seed communes ------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_map(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield SimpleNamespace(output=load(*DEMO_PROVINCES))
        transaction.set_rollback(True)


def chain_end(area: Area) -> Area:
    """Follow the successions (the main successor of a split) to the unit in force in 2026."""
    seen = set()
    while not area.in_force_on(NEW_YEAR_2026):
        assert area.pk not in seen, area
        seen.add(area.pk)
        steps = list(area.successions_out.select_related("successor").order_by("-share", "pk"))
        assert steps, f"{area.name} ended without a successor"
        main = [step for step in steps if "Phần chính" in step.note] or steps
        area = main[0].successor
    return area


def test_each_seed_001_pilot_commune_leads_to_a_commune_of_thai_nguyen(demo_map):
    thai_nguyen = Area.objects.get(code="19")
    for district_name, commune_name in seed_001.PILOT_COMMUNES:
        commune = Area.objects.get(name=commune_name, parent__name=district_name)
        assert commune.valid_to == D(2025, 6, 30)
        end = chain_end(commune)
        assert (end.level, end.parent) == (Area.Level.COMMUNE, thai_nguyen), commune_name


def in_force_in_2019_or_2023(area: Area) -> bool:
    return area.in_force_on(D(2019, 1, 1)) or area.in_force_on(D(2023, 1, 1))


def test_each_seed_002_commune_leads_to_a_commune_of_thanh_hoa(demo_map):
    thanh_hoa = Area.objects.get(code="38")
    for row in seed_002.APPENDIX:
        commune = Area.objects.get(name=row[0], parent__name="Thành phố Thanh Hóa")
        assert in_force_in_2019_or_2023(commune), row[0]
        end = chain_end(commune)
        assert (end.level, end.parent, end.valid_to) == (Area.Level.COMMUNE, thanh_hoa, None), row[0]
    assert "(Thành phố Thanh Hóa)" not in demo_map.output  # each of the city's communes found its successor


def test_each_seed_001_pilot_commune_was_in_force_in_2019_or_2023(demo_map):
    for district_name, commune_name in seed_001.PILOT_COMMUNES:
        assert in_force_in_2019_or_2023(Area.objects.get(name=commune_name, parent__name=district_name))


# The six communes merged into another before 2025 (2019–2024): the converter's "before" list
# is that of early 2025, whose units record the merged communes as former names.
MERGED_BEFORE_2025 = {
    "Phường Tân Sơn": "Phường Phú Sơn",
    "Phường An Hoạch": "Phường An Hưng",
    "Xã Đông Hưng": "Phường An Hưng",
    "Xã Hoằng Anh": "Phường Long Anh",
    "Xã Hoằng Long": "Phường Long Anh",
    "Xã Hoằng Lý": "Phường Tào Xuyên",
}


def test_a_commune_merged_before_2025_follows_the_unit_that_records_its_former_name(demo_map):
    for old_name, via in MERGED_BEFORE_2025.items():
        commune = Area.objects.get(name=old_name, parent__name="Thành phố Thanh Hóa")
        steps = list(commune.successions_out.select_related("successor"))
        assert steps, old_name
        for step in steps:
            assert f"Qua {via}: dữ liệu chuyển đổi ghi {old_name} là tên cũ" in step.note
            assert step.decision == ""  # not in the data: left blank, not guessed
    # Phường Tân Sơn merged into Phường Phú Sơn: both now lead to the same 2025 ward(s).
    tan_son = Area.objects.get(name="Phường Tân Sơn")
    phu_son = Area.objects.get(name="Phường Phú Sơn", parent__name="Thành phố Thanh Hóa")
    assert {s.successor_id for s in tan_son.successions_out.all()} == {
        s.successor_id for s in phu_son.successions_out.all()
    }


def test_a_former_name_is_matched_only_in_its_own_district_and_province():
    from tracker.areas.admin_map import former_names

    names = former_names()
    assert names["tinhthanhhoa_thanhphothanhhoa_xadonghung"] == ["tinhthanhhoa_thanhphothanhhoa_phuonganhung"]
    # A bare name ("donghung") is never a key: it could be any Đông Hưng in the country.
    assert not any(key.endswith("_donghung") for key in names)


# --- Report headings by the agency and area in force on the report's date ----------------------


def seed_report(manager_name: str, issuer_name: str, plan: Plan, day: datetime.date) -> str:
    """A report produced by the demo manager of the plan's province (each reads only their own)."""
    manager = User.objects.get(username=manager_name)
    report = produce(
        manager,
        kind=GeneratedReport.Kind.PROGRESS,
        plan_id=plan.pk,
        issuer_id=Unit.objects.get(name=issuer_name).pk,
        document_date=day,
        period_type="year",
        period_start=D(day.year, 1, 1),
        period_end=D(day.year, 12, 31),
    )
    assert report.error_message == ""
    return pdf_text(report)


def test_a_hue_seed_report_dated_today_is_headed_by_the_city_and_the_science_department(demo_map):
    plan = Plan.objects.get(number_symbol="413/KH-UBND")
    text = seed_report("quanly.hue", "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế", plan, TODAY)
    assert "UBND THÀNH PHỐ HUẾ SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text
    assert f"Huế, ngày {TODAY.day:02d}" in text


def test_a_bac_kan_seed_report_keeps_2023_names_and_one_dated_today_follows_the_merger(demo_map):
    plan = Plan.objects.get(issuer__name="UBND tỉnh Bắc Kạn", is_sample=False)
    then = seed_report("quanly.thainguyen", "Sở Thông tin và Truyền thông tỉnh Bắc Kạn", plan, D(2023, 12, 15))
    assert "UBND TỈNH BẮC KẠN SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in then
    now = seed_report("quanly.thainguyen", "Sở Thông tin và Truyền thông tỉnh Bắc Kạn", plan, TODAY)
    assert "UBND TỈNH THÁI NGUYÊN SỞ KHOA HỌC VÀ CÔNG NGHỆ" in now


# --- Targets by the old or by the new units -----------------------------------------------------


def seed_002_targets(**fields) -> tuple[str, dict]:
    manager = User.objects.get(username="quanly.thanhhoa")
    report = produce(
        manager,
        kind=GeneratedReport.Kind.TARGETS,
        plan_id=Plan.objects.get(number_symbol=seed_002.NUMBER).pk,
        issuer_id=Unit.objects.get(name="Phòng Văn hóa Thông tin thành phố Thanh Hóa").pk,
        period_type="custom",
        period_start=D(2019, 1, 1),
        period_end=D(2019, 12, 31),
        **fields,
    )
    assert report.error_message == ""
    return pdf_text(report), report.snapshot["body"]["table"]


def test_a_2026_report_by_commune_shows_the_new_wards_with_their_predecessors_figures_when_asked(demo_map):
    text, table = seed_002_targets(document_date=D(2026, 3, 2), areas="in_force")
    rows = {row["area"]: row for row in table["rows"]}
    # Every row is a ward or commune of Tỉnh Thanh Hóa in force in 2026, made of the old ones.
    in_force = set(
        Area.objects.in_force(D(2026, 3, 2)).filter(parent__code="38", name__in=rows).values_list("name", flat=True)
    )
    assert in_force == set(rows)
    assert len(rows) < 35
    formed = [name for row in rows.values() for name in row["formed_from"]]
    assert sorted(formed) == sorted(row[0] for row in seed_002.APPENDIX)  # each old one once, wholly
    # Phường Tân Sơn (merged into Phú Sơn before 2025) and Phường Phú Sơn end in the same ward.
    [ward] = [name for name, row in rows.items() if "Phường Tân Sơn" in row["formed_from"]]
    assert "Phường Phú Sơn" in rows[ward]["formed_from"]
    # The appendix's totals are kept: 920 poor households, targets 200 and 21.
    assert [cell["planned"] for cell in table["totals"]] == list(seed_002.APPENDIX_TOTALS)
    assert "THEO ĐƠN VỊ HÀNH CHÍNH NGÀY 02/03/2026" in text
    assert f"{ward} (gồm: " in text or f"{ward}(gồm: " in text

    # By default (the old units) the same report keeps the plan's 35 names.
    text, table = seed_002_targets(document_date=D(2026, 3, 2))
    assert [row["area"] for row in table["rows"]] == [row[0] for row in seed_002.APPENDIX]
    assert "Phường Tân Sơn" in text and "gồm:" not in text
