"""`manage.py load_demo`: the seeds entered exactly, a live sample plan, idempotent, all by admin.

The demo is loaded once per module inside an outer transaction that is rolled back at the
end; each test runs in its own savepoint within it, so tests stay independent and the
other test modules never see the demo rows.
"""

from __future__ import annotations

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tracker.core import roles
from tracker.demo import registers
from tracker.demo.users import SAMPLE_OFFICERS
from tracker.models import (
    Activity,
    Area,
    Deadline,
    LegalDocument,
    OutputIndicator,
    Plan,
    ProgrammeComponent,
    ReportingRule,
    Target,
    Task,
    Unit,
    User,
)

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
D = datetime.date


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    # The sample evidence photos go to a temporary media folder, not the project's.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield SimpleNamespace(output=out.getvalue())
        transaction.set_rollback(True)


def seed_plan(number_symbol: str = "", issuer: str = "") -> Plan:
    plans = Plan.objects.filter(is_sample=False)
    if number_symbol:
        return plans.get(number_symbol=number_symbol)
    return plans.get(issuer__name=issuer)


def legal_bases(plan: Plan) -> list[str]:
    return [link.document.number_symbol for link in plan.legal_basis_links.order_by("order")]


def cooperating(activity: Activity) -> set[str]:
    return set(activity.cooperating_units.values_list("name", flat=True))


# --- seed 000 -------------------------------------------------------------------------------


def test_seed_000_header_and_legal_bases(demo):
    plan = seed_plan("413/KH-UBND")
    assert plan.issuer.name == "UBND tỉnh Thừa Thiên Huế"
    assert plan.issuer.kind == Unit.Kind.PEOPLES_COMMITTEE
    assert plan.issuer.area.name == "Tỉnh Thừa Thiên Huế"
    assert (plan.place, plan.issued_on, plan.issued_on_precision) == ("Thừa Thiên Huế", D(2023, 12, 19), "day")
    assert (plan.period_start, plan.period_end) == (D(2023, 1, 1), D(2025, 12, 31))
    # Issued in 2023, its period over by now: closed in the tracker.
    assert plan.status == Plan.Status.CLOSED
    assert not plan.is_sample
    assert plan.signature_lines == ["TM. ỦY BAN NHÂN DÂN"]
    assert (plan.signer_title, plan.signer_name) == ("CHỦ TỊCH", "Nguyễn Văn Phương")
    assert legal_bases(plan) == [
        "2269/QĐ-TTg",
        "14/2022/TT-BTTTT",
        "20/2023/NQ-HĐND",
        "222/KH-UBND",
        "121/KH-UBND",
        "365/KH-UBND",
    ]
    resolution = LegalDocument.objects.get(number_symbol="20/2023/NQ-HĐND")
    assert (resolution.kind, resolution.issued_on) == (LegalDocument.Kind.RESOLUTION, D(2023, 8, 21))
    assert plan.recipient_lines[0] == "Bộ TTTT; (để b/c)"
    assert plan.recipient_lines[-1] == "Lưu: VT, CN."
    assert "nguồn huy động hợp pháp và nguồn lực xã hội hóa" in plan.funding


def test_seed_000_four_contents_and_eight_duties(demo):
    plan = seed_plan("413/KH-UBND")
    activities = list(plan.activities.order_by("order"))
    assert [a.section_code for a in activities] == ["1", "2", "3", "4"]
    assert [a.activity_type.code for a in activities] == [
        "outreach",
        "resource_mobilisation",
        "smartphone_support",
        "inspection",
    ]
    assert activities[1].title == (
        "Huy động các nguồn hỗ trợ khác để thực hiện hỗ trợ điện thoại thông minh cho các hộ nghèo, cận nghèo, "
        "và gia đình chính sách."
    )
    assert {a.lead_unit.name for a in activities} == {"Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế"}
    assert cooperating(activities[0]) >= {
        "Đài Phát thanh và Truyền hình tỉnh Thừa Thiên Huế",
        "Báo Thừa Thiên Huế",
        "UBND các huyện, thị xã và thành phố Huế",
    }
    assert cooperating(activities[3]) == {
        "UBND các huyện, thị xã và thành phố Huế",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh Thừa Thiên Huế",
    }
    duties = list(plan.duties.order_by("order"))
    assert len(duties) == 8
    assert [d.heading for d in duties][2::3] == [
        "Sở Tài chính, Sở Kế hoạch và Đầu tư",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị-xã hội",
    ]
    assert set(duties[2].unit.members.values_list("name", flat=True)) == {
        "Sở Tài chính tỉnh Thừa Thiên Huế",
        "Sở Kế hoạch và Đầu tư tỉnh Thừa Thiên Huế",
    }
    assert duties[4].text.startswith("a) Chỉ đạo các phòng chuyên môn")
    assert duties[4].text.splitlines()[-1].startswith("e) Chỉ đạo thanh tra, kiểm tra, giám sát")


# --- seed 001 -------------------------------------------------------------------------------

PILOT_COMMUNES = {
    "Phường Sông Cầu": "Thành phố Bắc Kạn",
    "Xã Quang Thuận": "Huyện Bạch Thông",
    "Xã Thượng Giáo": "Huyện Ba Bể",
    "Xã Nghĩa Tá": "Huyện Chợ Đồn",
    "Xã Như Cố": "Huyện Chợ Mới",
    "Xã Đức Vân": "Huyện Ngân Sơn",
    "Xã Côn Minh": "Huyện Na Rì",
    "Xã Giáo Hiệu": "Huyện Pác Nặm",
}
PRIORITY_LEVELS = [
    "Người dân trưởng thành thuộc hộ nghèo, hộ cận nghèo đồng thời là gia đình chính sách người có công với cách mạng.",
    "Người dân trưởng thành thuộc hộ nghèo, hộ cận nghèo đồng thời gia đình chính sách xã hội.",
    "Người dân trưởng thành thuộc hộ nghèo khác",
    "Người dân trưởng thành thuộc hộ cận nghèo khác.",
    "Người dân trưởng thành thuộc hộ nghèo chưa có điện thoại thông minh.",
    "Người dân trưởng thành thuộc hộ nghèo có thành viên khác của gia đình đó đã được hỗ trợ nguyên chiếc điện thoại "
    "thông minh.",
    "Người dân trưởng thành thuộc hộ cận nghèo chưa có điện thoại thông minh.",
    "Người dân trưởng thành thuộc hộ cận nghèo có thành viên khác của gia đình đó đã được hỗ trợ nguyên chiếc điện "
    "thoại thông minh.",
]
SUPPORT_FORMS = [
    "Hỗ trợ nguyên chiếc điện thoại thông minh từ nguồn tiếp nhận được",
    "Hỗ trợ một phần kinh phí từ các nguồn kinh phí huy động được",
    "Hỗ trợ của doanh nghiệp, cửa hàng bán điện thoại thông minh (tặng máy điện thoại, giảm giá thành điện thoại, bán "
    "điện thoại trả góp hoặc các hình thức hỗ trợ khác)",
    "Hỗ trợ trực tiếp từ các cơ quan, đơn vị, tổ chức, doanh nghiệp, cá nhân",
]


def test_seed_001_eight_pilot_communes_with_their_committees(demo):
    communes = Area.objects.filter(is_digital_pilot=True)
    assert {c.name: c.parent.name for c in communes} == PILOT_COMMUNES
    assert {c.parent.parent.name for c in communes} == {"Tỉnh Bắc Kạn"}
    assert all(c.level == Area.Level.COMMUNE and c.code == "" for c in communes)
    assert Unit.objects.get(name="UBND xã Giáo Hiệu").area.name == "Xã Giáo Hiệu"
    pilots = Unit.objects.get(name="UBND 08 xã/phường thí điểm chuyển đổi số tỉnh Bắc Kạn")
    assert pilots.members.count() == 8


def test_seed_001_header_without_number_place_or_day(demo):
    plan = seed_plan(issuer="UBND tỉnh Bắc Kạn")
    assert (plan.number_symbol, plan.place) == ("", "")
    assert (plan.issued_on, plan.issued_on_precision) == (D(2023, 1, 1), Plan.DatePrecision.YEAR)
    assert (plan.period_start, plan.period_end) == (D(2023, 1, 1), D(2023, 12, 31))
    assert (plan.signer_title, plan.signer_name) == ("CHỦ TỊCH", "Nguyễn Đăng Bình")
    assert legal_bases(plan) == [
        "07/2021/NĐ-CP",
        "861/QĐ-TTg",
        "2269/QĐ-TTg",
        "14/2022/TT-BTTTT",
        "1506/QĐ-BTTTT",
        "1085-TB/TU",
        "369/KH-UBND",
    ]
    assert plan.duties.count() == 7


def test_seed_001_support_describes_all_priority_levels_and_forms(demo):
    plan = seed_plan(issuer="UBND tỉnh Bắc Kạn")
    support = plan.activities.get(activity_type__code="smartphone_support")
    for text in PRIORITY_LEVELS + SUPPORT_FORMS:
        assert text in support.description
    assert support.lead_unit.name == "Sở Thông tin và Truyền thông tỉnh Bắc Kạn"
    assert "UBND 08 xã/phường thí điểm chuyển đổi số tỉnh Bắc Kạn" in cooperating(support)


def test_seed_001_deadlines_and_monthly_report(demo):
    plan = seed_plan(issuer="UBND tỉnh Bắc Kạn")
    dated = plan.deadlines.get(kind=Deadline.Kind.DATE)
    assert (dated.due_date, dated.wording) == (D(2023, 7, 31), "văn bản trình UBND tỉnh ban hành trước ngày 31/7/2023")
    assert dated.responsible_unit.name == "Sở Thông tin và Truyền thông tỉnh Bắc Kạn"
    on_issue = plan.deadlines.get(kind=Deadline.Kind.ON_ISSUE)
    assert on_issue.wording == "Ngay khi Kế hoạch được ban hành"
    assert on_issue.activity.schedule_note == "Ngay khi Kế hoạch được ban hành"
    window = plan.deadlines.get(kind=Deadline.Kind.WINDOW)
    assert (window.window_start, window.window_end) == (D(2023, 8, 1), D(2023, 12, 31))
    assert window.wording == "Bắt đầu từ tháng 8/2023 đến hết năm 2023"
    drive = window.activity
    assert (drive.start_date, drive.due_date) == (D(2023, 8, 1), D(2023, 12, 31))
    rule = plan.reporting_rules.get()
    assert (rule.frequency, rule.due_day, rule.wording) == (ReportingRule.Frequency.MONTHLY, 20, "trước 20 hàng tháng")
    assert rule.title == "Báo cáo tình hình tiếp nhận và phân bổ theo tháng"
    assert (rule.reporter.name, rule.recipient.name) == (
        "Sở Thông tin và Truyền thông tỉnh Bắc Kạn",
        "UBND tỉnh Bắc Kạn",
    )
    assert (rule.active_from, rule.active_to) == (D(2023, 8, 1), D(2023, 12, 31))


# --- seed 002 -------------------------------------------------------------------------------


def targets_of(plan: Plan, code: str):
    return Target.objects.filter(plan=plan, indicator__code=code)


def test_seed_002_appendix_totals_are_920_200_21(demo):
    plan = seed_plan("146/KH-UBND")
    baseline = targets_of(plan, "poor-households")
    telecom = targets_of(plan, "poor-households-lacking-telecom")
    assets = targets_of(plan, "poor-households-lacking-info-assets")
    assert (baseline.count(), telecom.count(), assets.count()) == (35, 35, 21)
    assert baseline.aggregate(total=Sum("planned_value"))["total"] == 920
    assert telecom.aggregate(total=Sum("planned_value"))["total"] == 200
    assert assets.aggregate(total=Sum("planned_value"))["total"] == 21
    assert set(baseline.values_list("year", flat=True)) == {2018}
    assert set(telecom.values_list("year", flat=True)) == set(assets.values_list("year", flat=True)) == {2019}


@pytest.mark.parametrize(
    ("commune", "poor", "telecom", "assets"),
    [("Phường Hàm Rồng", 24, 4, None), ("Xã Thiệu Khánh", 59, 11, 1), ("Phường Đông Thọ", 50, 10, 1)],
)
def test_seed_002_appendix_rows(demo, commune, poor, telecom, assets):
    plan = seed_plan("146/KH-UBND")

    def value(code):
        row = targets_of(plan, code).filter(area__name=commune).first()
        return row.planned_value if row else None

    assert (value("poor-households"), value("poor-households-lacking-telecom")) == (poor, telecom)
    assert value("poor-households-lacking-info-assets") == assets


def test_seed_002_wards_and_communes_exactly_as_named(demo):
    city = Area.objects.get(name="Thành phố Thanh Hóa")
    assert (city.level, city.parent.name) == (Area.Level.DISTRICT, "Tỉnh Thanh Hóa")
    names = set(city.children.values_list("name", flat=True))
    assert len(names) == 35
    assert {"Phường Hàm Rồng", "Phường Ngọc Trao", "Phường Tào Xuyên", "Xã Hoằng Đại", "Xã Quảng Phú"} <= names
    group = Unit.objects.get(name="UBND các phường, xã (TP Thanh Hóa)")
    assert group.is_group
    assert group.members.count() == 35
    assert group.members.filter(name="UBND phường Hàm Rồng", area__name="Phường Hàm Rồng").exists()


def test_seed_002_header_contents_outputs_and_tasks(demo):
    plan = seed_plan("146/KH-UBND")
    assert plan.issuer.name == "UBND thành phố Thanh Hóa"
    assert (plan.place, plan.issued_on) == ("Tp. Thanh Hóa", D(2019, 2, 18))
    assert plan.signature_lines == ["KT. CHỦ TỊCH"]
    assert (plan.signer_title, plan.signer_name) == ("PHÓ CHỦ TỊCH", "Phạm Thị Việt Nga")
    assert plan.programme_component.code == "gnbv-2016-2020"
    assert legal_bases(plan) == ["353/QĐ-UBND", "113/KH-STTTT"]
    assert list(plan.activities.values_list("section_code", flat=True)) == ["1", "2", "3", "4"]
    assert {a.lead_unit.name for a in plan.activities.all()} == {"Phòng Văn hóa Thông tin thành phố Thanh Hóa"}
    outputs = OutputIndicator.objects.filter(activity__plan=plan).order_by("activity__order")
    assert [(o.planned_quantity, o.unit_of_measure, o.indicator.code) for o in outputs] == [
        (200, "hộ", "poor-households-lacking-telecom"),
        (21, "hộ", "poor-households-lacking-info-assets"),
    ]
    tasks = Task.objects.filter(activity__plan=plan)
    assert tasks.count() == 35
    assert set(tasks.values_list("due_date", "status")) == {(D(2019, 2, 28), "not_started")}
    assert plan.duties.count() == 6


def test_seed_002_deadline_and_reporting_calendar(demo):
    plan = seed_plan("146/KH-UBND")
    deadline = plan.deadlines.get()
    assert (deadline.kind, deadline.due_date, deadline.wording) == ("date", D(2019, 2, 28), "trước ngày 28/2/2019")
    assert deadline.responsible_unit.name == "UBND các phường, xã (TP Thanh Hóa)"
    rules = {rule.frequency: rule for rule in plan.reporting_rules.all()}
    half, annual = rules[ReportingRule.Frequency.HALF_YEAR], rules[ReportingRule.Frequency.ANNUAL]
    assert (half.due_month, half.due_day, half.wording) == (6, 15, "6 tháng trước ngày 15/6/2019")
    assert (annual.due_month, annual.due_day, annual.wording) == (10, 5, "cả năm trước ngày 05/10/2019")
    for rule in (half, annual):
        assert (rule.reporter.name, rule.recipient.name) == (
            "UBND các phường, xã (TP Thanh Hóa)",
            "UBND thành phố Thanh Hóa",
        )
        assert (rule.active_from, rule.active_to) == (D(2019, 1, 1), D(2019, 12, 31))


# --- seed 003 -------------------------------------------------------------------------------


def test_seed_003_four_methods_with_leads_and_cooperating_units(demo):
    plan = seed_plan("421/KH-UBND")
    assert (plan.issued_on, plan.signer_name) == (D(2023, 11, 22), "Nguyễn Thanh Bình")
    assert plan.signature_lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    methods = {a.section_code: a for a in plan.activities.all()}
    assert sorted(methods) == ["1", "2", "3", "4"]
    assert methods["1"].title == "Tuyên truyền trên các phương tiện thông tin đại chúng"
    assert methods["1"].lead_unit.name == "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế"
    assert cooperating(methods["1"]) == {
        "Báo Thừa Thiên Huế",
        "Đài Phát thanh và Truyền hình tỉnh Thừa Thiên Huế",
        "Trung tâm Văn hóa Thông tin và Truyền thông các huyện, thị xã, thành phố Huế",
        "UBND các huyện, thị xã và thành phố Huế",
        "Các sở, ban, ngành liên quan tỉnh Thừa Thiên Huế",
    }
    assert methods["1"].cooperations.filter(note="Đồng chủ trì").count() == 3
    assert "Đồng chủ trì: Báo Thừa Thiên Huế" in methods["1"].description
    assert cooperating(methods["2"]) == {
        "Các doanh nghiệp viễn thông trên địa bàn tỉnh Thừa Thiên Huế",
        "UBND các huyện, thị xã và thành phố Huế",
    }
    assert methods["3"].lead_unit.name == "Các doanh nghiệp viễn thông trên địa bàn tỉnh Thừa Thiên Huế"
    assert cooperating(methods["3"]) == {"Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế"}
    assert "Hình thức thực hiện: Tổ chức hội nghị hướng dẫn sử dụng các nền tảng số." in methods["4"].description
    for method in methods.values():
        assert (method.start_date, method.due_date) == (D(2023, 1, 1), D(2025, 12, 31))
    assert methods["1"].schedule_note == "Năm 2023 – 2025"
    assert legal_bases(plan) == [
        "749/QĐ-TTg",
        "885/QĐ-BTTTT",
        "12-NQ/TU",
        "1957/QĐ-UBND",
        "222/KH-UBND",
        "365/KH-UBND",
    ]
    assert plan.duties.count() == 5
    assert "6. Truyền thông về chủ trương tắt sóng 2G" in plan.purpose


# --- seed 004 -------------------------------------------------------------------------------

SEED_004_TITLES = [
    "Nâng cao năng lực cho cán bộ thông tin và truyền thông",
    "Sản xuất mới các tác phẩm báo chí và các sản phẩm truyền thông khác để cung cấp nội dung thiết yếu cho xã hội",
    "Tăng cường cơ sở vật chất cho hoạt động của đài truyền thanh xã",
    "Cung cấp nội dung thông tin phục vụ tuyên truyền ở các xã biên giới",
    "Hỗ trợ cung cấp dịch vụ thông tin công cộng",
    "Sản xuất mới các xuất bản phẩm cung cấp nội dung thiết yếu",
]


def seed_004() -> Plan:
    return Plan.objects.get(issuer__name="UBND tỉnh Lạng Sơn", is_sample=False)


def test_seed_004_six_contents_led_by_the_dic(demo):
    plan = seed_004()
    assert (plan.number_symbol, plan.place) == ("", "Lạng Sơn")
    assert (plan.issued_on, plan.issued_on_precision) == (D(2023, 3, 1), Plan.DatePrecision.MONTH)
    assert plan.programme_component.name == "Tiểu dự án 1 Giảm nghèo về thông tin"
    activities = list(plan.activities.order_by("order"))
    assert [a.section_code for a in activities] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert [a.title for a in activities] == SEED_004_TITLES
    assert {a.lead_unit.name for a in activities} == {"Sở Thông tin và Truyền thông tỉnh Lạng Sơn"}
    radio = activities[2]
    assert (
        "xã chưa có đài truyền thanh ở khu vực biên giới; các xã thuộc khu vực III khác chưa có đài truyền thanh; "
        "mở rộng hoạt động của đài truyền thanh đối với xã biên giới" in radio.description
    )
    assert "Thông tư số 39/2020/TT-BTTTT ngày 24/11/2020" in radio.description
    districts = "UBND các huyện, thành phố tỉnh Lạng Sơn"
    assert [a.section_code for a in activities if districts in cooperating(a)] == ["2.3", "2.5"]
    assert {
        c.note for c in radio.cooperations.filter(unit__name="Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn")
    } == {"Theo dõi, đôn đốc, tổng hợp tiến độ"}
    assert plan.duties.count() == 3
    assert (plan.signer_title, plan.signer_name) == ("PHÓ CHỦ TỊCH", "Dương Xuân Huyền")


def test_seed_004_only_the_88_postal_points_have_a_planned_quantity(demo):
    outputs = OutputIndicator.objects.filter(activity__plan=seed_004())
    stated = outputs.exclude(planned_quantity=None)
    assert [(o.activity.section_code, o.name, o.unit_of_measure, o.planned_quantity) for o in stated] == [
        (
            "2.5",
            "Điểm cung cấp dịch vụ bưu chính công cộng được hỗ trợ cung cấp dịch vụ thông tin công cộng",
            "điểm",
            88,
        )
    ]
    assert set(outputs.values_list("activity__section_code", flat=True)) == {"2.1", "2.2", "2.3", "2.4", "2.5", "2.6"}


def test_seed_004_legal_bases_funding_decisions_and_dic_merger(demo):
    plan = seed_004()
    assert legal_bases(plan) == ["06/2022/TT-BTTTT", "4139/BTTTT-KHTC", "252/BTTTT-KHTC", "624/BTTTT-TTCS"]
    assert LegalDocument.objects.get(number_symbol="4139/BTTTT-KHTC").issued_on == D(2022, 8, 9)
    assert LegalDocument.objects.get(number_symbol="1181/QĐ-UBND").issued_on == D(2022, 7, 15)
    assert LegalDocument.objects.get(number_symbol="1966/QĐ-UBND").issued_on == D(2022, 12, 12)
    assert "1181/QĐ-UBND ngày 15/7/2022" in plan.funding
    dic = Unit.objects.get(name="Sở Thông tin và Truyền thông tỉnh Lạng Sơn")
    assert dic.valid_to == D(2025, 2, 28)
    assert (dic.successor.name, dic.successor.valid_from) == ("Sở Khoa học và Công nghệ tỉnh Lạng Sơn", D(2025, 3, 1))
    assert not Unit.objects.in_force(D(2025, 3, 1)).filter(pk=dic.pk).exists()


# --- shared rows and the truth rule --------------------------------------------------------


def test_documents_cited_by_several_plans_are_one_row_each(demo):
    for number, plans in {
        "2269/QĐ-TTg": {"413/KH-UBND", ""},
        "14/2022/TT-BTTTT": {"413/KH-UBND", ""},
        "222/KH-UBND": {"413/KH-UBND", "421/KH-UBND"},
        "365/KH-UBND": {"413/KH-UBND", "421/KH-UBND"},
    }.items():
        document = LegalDocument.objects.get(number_symbol=number)
        assert set(document.plans.values_list("number_symbol", flat=True)) == plans


def test_seed_areas_carry_no_invented_codes_and_seed_plans_are_not_samples(demo):
    assert not Area.objects.exclude(code="").exists()
    assert Plan.objects.filter(is_sample=False).count() == 5
    assert set(Plan.objects.filter(is_sample=False).values_list("status", flat=True)) == {Plan.Status.CLOSED}
    assert Plan.objects.get(is_sample=True).status == Plan.Status.ISSUED
    assert not Area.objects.filter(is_sample=False, name__contains="(mẫu)").exists()
    assert set(Area.objects.filter(is_sample=True).values_list("name", flat=True)) == {
        "Xã Mẫu Một (mẫu)",
        "Xã Mẫu Hai (mẫu)",
        "Xã Mẫu Ba (mẫu)",
        "Xã Mẫu Bốn (mẫu)",
        "Xã Mẫu Năm (mẫu)",
        "Phường Mẫu Sáu (mẫu)",
        # The registers' sample communes (radio stations, postal points).
        *(name for name, *_ in registers.EXTRA_COMMUNES),
    }
    assert all("(mẫu)" in name for name in Unit.objects.filter(is_sample=True).values_list("name", flat=True))


def test_programme_tree_with_its_legal_documents(demo):
    subproject = ProgrammeComponent.objects.get(name="Tiểu dự án 1 Giảm nghèo về thông tin")
    assert subproject.parent.name == "Dự án 6 Truyền thông và giảm nghèo về thông tin"
    assert subproject.parent.parent.legal_basis.number_symbol == "90/QĐ-TTg"
    assert subproject.parent.parent.legal_basis.issued_on == D(2022, 1, 18)
    assert (subproject.lead_agency.name, subproject.lead_agency.kind) == ("Bộ Thông tin và Truyền thông", "ministry")
    merged = ProgrammeComponent.objects.get(code="ctmtqg-2026-2035")
    assert merged.legal_basis.number_symbol == "257/2025/QH15"


# --- the sample plan -----------------------------------------------------------------------


def test_sample_plan_is_labelled_and_current(demo):
    today = timezone.localdate()
    plan = Plan.objects.get(is_sample=True)
    assert plan.title == f"Kế hoạch thực hiện Tiểu dự án 1 Giảm nghèo về thông tin năm {today.year} (dữ liệu mẫu)"
    assert plan.purpose.startswith("Đây là dữ liệu mẫu dùng để trình diễn phần mềm, không phải văn bản chính thức")
    assert (plan.period_start, plan.period_end) == (D(today.year, 1, 1), D(today.year, 12, 31))
    assert plan.issuer.name == "UBND tỉnh Lạng Sơn"
    assert {a.lead_unit.name for a in plan.activities.all()} == {"Sở Khoa học và Công nghệ tỉnh Lạng Sơn"}
    assert plan.activities.count() == 6
    assert not OutputIndicator.objects.filter(activity__plan=plan, planned_quantity=None).exists()
    assert Target.objects.filter(plan=plan, year=today.year).count() == 11
    frequencies = sorted(plan.reporting_rules.values_list("frequency", "due_day"))
    assert frequencies == [("annual", 15), ("half_year", 15), ("monthly", 20)]


def test_sample_plan_has_completed_due_soon_and_overdue_tasks(demo):
    today = timezone.localdate()
    tasks = Task.objects.filter(activity__plan__is_sample=True)
    assert 15 <= tasks.count() <= 20
    completed = tasks.filter(status="completed")
    assert completed.exists()
    assert all(t.completed_on and t.completed_on <= today for t in completed)
    open_tasks = tasks.filter(status__in=["not_started", "in_progress"])
    overdue = [t for t in open_tasks if t.is_overdue(today)]
    assert overdue
    assert all(3 <= (today - t.due_date).days <= 40 for t in overdue)
    due_soon = [t for t in open_tasks if 0 <= (t.due_date - today).days <= 14]
    assert due_soon
    assert all(t.status == "in_progress" for t in due_soon)
    # The commune officer's own unit has both kinds, so their first page has something to show.
    own = tasks.filter(unit__name="UBND xã Mẫu Một (mẫu)")
    assert any(t.is_overdue(today) for t in own)
    assert any(0 <= (t.due_date - today).days <= 14 for t in own if not t.is_overdue(today))
    radio = tasks.filter(unit__name="Đài Phát thanh và Truyền hình tỉnh Lạng Sơn")
    assert {t.status for t in radio} >= {"completed", "in_progress"}


def test_sample_plan_rolls_forward_to_a_new_year_without_duplicating(demo):
    from tracker.demo.loader import load_demo

    counts = {model: model.objects.count() for model in (Plan, Activity, Task, Unit, Area)}
    next_year = timezone.localdate() + datetime.timedelta(days=400)
    load_demo(today=next_year)
    assert {model: model.objects.count() for model in counts} == counts
    plan = Plan.objects.get(is_sample=True)
    assert plan.title.endswith(f"năm {next_year.year} (dữ liệu mẫu)")
    assert set(Target.objects.filter(plan=plan).values_list("year", flat=True)) == {next_year.year}
    overdue = [t for t in Task.objects.filter(activity__plan=plan) if t.is_overdue(next_year)]
    assert overdue


# --- users, idempotency, history -----------------------------------------------------------


def test_demo_users_have_their_roles_and_units(demo):
    expected = {
        "quanly": (roles.DIC_MANAGER, "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"),
        "canbo.xa": (roles.UNIT_OFFICER, "UBND xã Mẫu Một (mẫu)"),
        "canbo.dai": (roles.UNIT_OFFICER, "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn"),
        "taichinh": (roles.FINANCE_OFFICER, "Sở Tài chính tỉnh Lạng Sơn"),
        "giamsat": (roles.MONITOR, "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn"),
        "bientap": (roles.CMS_EDITOR, "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"),
        "kiemduyet": (roles.CMS_MODERATOR, "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"),
        "quanly.hue": (roles.DIC_MANAGER, "Sở Khoa học và Công nghệ thành phố Huế"),
        "quanly.thainguyen": (roles.DIC_MANAGER, "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"),
        "quanly.thanhhoa": (roles.DIC_MANAGER, "Phòng Văn hóa Thông tin thành phố Thanh Hóa"),
        "giamsat.bo": (roles.NATIONAL_MONITOR, "Bộ Thông tin và Truyền thông"),
    }
    for username, (role, unit) in expected.items():
        user = User.objects.get(username=username)
        assert user.unit.name == unit
        # The role, and for unit officers the group their unit's object rights are granted to.
        officer_group = [user.unit.officer_group.name] if role == roles.UNIT_OFFICER else []
        assert sorted(user.groups.values_list("name", flat=True)) == sorted([role, *officer_group])
        assert user.first_name and user.last_name
        assert not user.is_superuser
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password("demo")
    assert User.objects.get(username="canbo.xa").check_password("demo")


@pytest.mark.parametrize(
    "name", ["unit_create", "area_create", "legal_document_create", "indicator_create", "user_list", "user_create"]
)
def test_the_demo_dic_manager_opens_the_pages_that_replace_the_admin_and_an_officer_cannot(demo, client, name):
    """`quanly` is neither staff nor superuser, and needs no Django admin for the province's data."""
    quanly = User.objects.get(username="quanly")
    assert not quanly.is_staff and not quanly.is_superuser
    client.force_login(quanly)
    assert client.get(reverse(f"tracker:{name}")).status_code == 200
    client.force_login(User.objects.get(username="canbo.xa"))
    assert client.get(reverse(f"tracker:{name}")).status_code in (403, 404)


def test_each_seed_plan_is_seen_by_the_demo_manager_of_its_province_only(demo):
    from tracker.core import permissions

    seen = {}
    for username in ("quanly", "quanly.hue", "quanly.thainguyen", "quanly.thanhhoa"):
        user = User.objects.get(username=username)
        seen[username] = set(permissions.plans_visible_to(user).values_list("issuer__name", flat=True))
    assert seen == {
        "quanly": {"UBND tỉnh Lạng Sơn"},
        "quanly.hue": {"UBND tỉnh Thừa Thiên Huế"},
        "quanly.thainguyen": {"UBND tỉnh Bắc Kạn"},
        "quanly.thanhhoa": {"UBND thành phố Thanh Hóa"},
    }
    every_plan = Plan.objects.count()
    assert sum(permissions.plans_visible_to(User.objects.get(username=u)).count() for u in seen) == every_plan
    # The ministry's national monitor reads them all.
    assert permissions.plans_visible_to(User.objects.get(username="giamsat.bo")).count() == every_plan


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every tracker table (history and M2M tables included) plus role memberships."""
    models = [*apps.get_app_config("tracker").get_models(include_auto_created=True), apps.get_model("auth", "Group")]
    return {model._meta.label: list(model.objects.order_by("pk").values_list()) for model in models}


def test_second_run_changes_nothing(demo):
    before = snapshot()
    assert sum(len(rows) for rows in before.values()) > 1000
    call_command("load_demo", stdout=StringIO())
    after = snapshot()
    assert {label: len(rows) for label, rows in after.items()} == {label: len(rows) for label, rows in before.items()}
    assert after == before


# The sample progress reports are written by the officers and reviewed by the manager, as in
# the app, who also records the DIC's own reports as sent; everything else is written by admin.
PROGRESS_HISTORY = {
    "HistoricalProgressReport",
    "HistoricalReportedQuantity",
    "HistoricalEvidence",
    "HistoricalReportDispatch",
}
REPORTING_PEOPLE = ["canbo.xa", "canbo.dai", "quanly", *(spec.username for spec in SAMPLE_OFFICERS)]
# What the reporting people write in the registers: entries, their lines and files, the radio
# stations' states, and the output records accepted entries make.
REGISTER_HISTORY = {
    "HistoricalRadioStation",
    "HistoricalRadioStationState",
    "HistoricalRadioWork",
    "HistoricalRadioWorkVillage",
    "HistoricalTrainingCourse",
    "HistoricalTrainingMaterial",
    "HistoricalTrainee",
    "HistoricalMediaProduct",
    "HistoricalInfoPoint",
    "HistoricalPublication",
    "HistoricalSmartphoneHandover",
    "HistoricalRegisterEvidence",
    "HistoricalOutputRecord",
}


def test_every_history_row_was_written_by_admin_or_the_reporting_people(demo):
    admin = User.objects.get(username="admin")
    reporters = User.objects.filter(username__in=REPORTING_PEOPLE)
    history_models = [
        model for model in apps.get_app_config("tracker").get_models() if model.__name__.startswith("Historical")
    ]
    assert len(history_models) >= 14
    written = [model for model in history_models if model.objects.exists()]
    assert len(written) >= 14
    assert {model.__name__ for model in written} >= PROGRESS_HISTORY
    for model in written:
        allowed = [admin, *reporters] if model.__name__ in PROGRESS_HISTORY | REGISTER_HISTORY else [admin]
        assert not model.objects.exclude(history_user__in=allowed).exists(), model.__name__
    assert set(
        User.objects.filter(
            pk__in=apps.get_model("tracker", "HistoricalProgressReport").objects.values("history_user")
        ).values_list("username", flat=True)
    ) == set(REPORTING_PEOPLE)


def test_sample_progress_reports_cover_each_state(demo):
    from tracker.models import ProgressReport

    reports = ProgressReport.objects.filter(task__activity__plan__is_sample=True)
    assert set(reports.values_list("status", flat=True)) == {"accepted", "returned", "submitted", "superseded"}
    # The showcase: one accepted report corrected, a return with its reason, two photos.
    correction = reports.get(revises__isnull=False)
    assert (correction.status, correction.revises.status) == ("accepted", "superseded")
    assert all(reports.filter(status="returned").values_list("return_reason", flat=True))
    assert reports.filter(evidence__content_type="image/png").count() == 2


def test_command_prints_the_logins(demo):
    for username in ("admin", "quanly", "canbo.xa", "canbo.dai", "taichinh", "giamsat", "bientap", "kiemduyet"):
        assert username in demo.output
    # The other provinces' managers and the national monitor, labelled as sample accounts.
    for username in ("quanly.hue", "quanly.thainguyen", "quanly.thanhhoa", "giamsat.bo"):
        line = next(line for line in demo.output.splitlines() if line.strip().startswith(username + " "))
        assert "Tài khoản mẫu" in line
    assert "http://127.0.0.1:8000/accounts/login/" in demo.output


def test_command_prints_the_address_the_server_answers_at(demo, settings):
    # make run passes SITE_URL=http://HOST:PORT, so a run on PORT=8080 prints 8080.
    settings.SITE_URL = "http://127.0.0.1:8080"
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "http://127.0.0.1:8080/accounts/login/" in out.getvalue()
    assert ":8000" not in out.getvalue()


# --- the sample year's reporting: a province at work, not a wall of red ----------------------

SENT = ("accepted", "superseded", "submitted")
SEED_MANAGERS = ("quanly.hue", "quanly.thainguyen", "quanly.thanhhoa")


def sample_plan_reporting(today: datetime.date) -> tuple[int, int, int]:
    """(on time, late, not in) of the sample plan's expected reports, counted from the reports
    and the reports recorded as sent themselves — not from the stored expected reports the
    pages read: each period of each task, judged by the local day it was first sent; the
    reports a unit that is not a collective sends under a rule (the DIC's own). Periods not in
    count once their due date has passed."""
    from tracker.core.calendar import periods_for_rule, periods_for_task
    from tracker.models import ProgressReport, ReportDispatch

    plan = Plan.objects.get(is_sample=True)
    on_time = late = missing = 0

    def judge(sent_on: datetime.date | None, due: datetime.date) -> None:
        nonlocal on_time, late, missing
        if sent_on is None:
            missing += due < today
        elif sent_on <= due:
            on_time += 1
        else:
            late += 1

    for task in Task.objects.filter(activity__plan=plan).exclude(status="cancelled").select_related("activity__plan"):
        for period in periods_for_task(task):
            first = (
                ProgressReport.objects.filter(
                    task=task, period_start=period.start, period_end=period.end, status__in=SENT
                )
                .order_by("submitted_at")
                .values_list("submitted_at", flat=True)
                .first()
            )
            judge(timezone.localdate(first) if first else None, period.due)
    for rule in ReportingRule.objects.filter(plan=plan, reporter__is_group=False):
        for period in periods_for_rule(rule):
            sent = ReportDispatch.objects.filter(
                rule=rule, unit=rule.reporter, period_start=period.start, period_end=period.end
            ).first()
            judge(sent.sent_on if sent else None, period.due)
    return on_time, late, missing


def test_the_dashboard_shows_a_province_at_work_not_a_wall_of_red(demo, client):
    """Issue 19: the demo showed 131 overdue reports and 0 % on time for everyone."""
    today = timezone.localdate()
    on_time, late, missing = sample_plan_reporting(today)
    client.force_login(User.objects.get(username="quanly"))
    response = client.get(reverse("tracker:dashboard"))
    page = response.context["page"]
    assert (page.reporting_total.on_time, page.reporting_total.late, page.reporting_total.missing) == (
        on_time,
        late,
        missing,
    )
    rate = round(100 * on_time / (on_time + late + missing))
    assert page.reporting_total.percent_on_time == rate
    assert 0 < rate < 100
    # Returned reports are not in either; the dashboard counts them with the missing ones.
    assert page.overdue_report_count == missing
    assert 0 < missing <= 10
    html = response.content.decode()
    assert f'id="count-on-time"><span class="count-value">{rate}%</span>' in html
    assert f'id="count-overdue-reports"><span class="count-value">{missing}</span>' in html
    if on_time + late >= 30:  # from March on, the year's months are most of the figure
        assert rate >= 70 and late > 0


def test_each_sample_commune_reports_through_an_officer_of_its_own_labelled_sample(demo):
    from tracker.models import ProgressReport

    officers = {"UBND xã Mẫu Một (mẫu)": "canbo.xa"}
    for spec in SAMPLE_OFFICERS:
        user = User.objects.get(username=spec.username)
        assert user.unit.name == spec.unit and user.unit.is_sample
        assert user.get_full_name().endswith("(mẫu)") and "mau" in user.username
        assert user.groups.filter(name=roles.UNIT_OFFICER).exists()
        officers[spec.unit] = spec.username
    assert len(officers) == 6
    reports = ProgressReport.objects.filter(task__activity__plan__is_sample=True, task__unit__name__in=officers)
    for unit_name, username in officers.items():
        writers = set(reports.filter(task__unit__name=unit_name).values_list("created_by__username", flat=True))
        assert writers == {username}, unit_name


def test_sample_reports_are_sent_and_reviewed_on_their_own_days_in_the_past(demo):
    from tracker.models import ProgressReport

    now = timezone.now()
    reports = ProgressReport.objects.filter(task__activity__plan__is_sample=True, submitted_at__isnull=False)
    assert reports.count() > 100
    assert not reports.filter(submitted_at__gt=now).exists()
    for report in reports.exclude(reviewed_at=None):
        assert report.submitted_at <= report.reviewed_at <= now
    # Sent on many different days, some after the due date: not all stamped at load time.
    assert reports.dates("submitted_at", "day").count() > 20
    late = [r for r in reports.filter(status="accepted") if timezone.localdate(r.submitted_at) > r.due_date]
    assert late
    # The history names who sent it and dates the sending as the report does.
    report = late[0]
    sent = report.history.filter(status="submitted").get()
    assert (sent.history_user, sent.history_date) == (report.submitted_by, report.submitted_at)
    accepted = report.history.filter(status="accepted").get()
    assert (accepted.history_user.username, accepted.history_date) == ("quanly", report.reviewed_at)


def test_seed_plans_whose_period_is_over_count_nowhere_as_overdue(demo, client):
    from tracker.core.calendar import plan_followed
    from tracker.due import selectors as selectors_due
    from tracker.models import Obligation
    from tracker.models.plans import OPEN_STATUSES

    today = timezone.localdate()
    seeds = Plan.objects.filter(is_sample=False)
    assert set(seeds.values_list("status", flat=True)) == {Plan.Status.CLOSED}
    # They do hold open work past its date and reports never sent: not counted, not hidden.
    assert Activity.objects.filter(plan__in=seeds, status__in=OPEN_STATUSES, due_date__lt=today).exists()
    assert Obligation.objects.filter(plan__in=seeds, state="missing", due__lt=today).exists()
    assert not Activity.objects.filter(plan_followed(), plan__in=seeds).exists()
    # The reminders read none of them.
    assert not selectors_due.obligations_for_due(None).filter(plan__in=seeds).exists()
    for username in SEED_MANAGERS:
        user = User.objects.get(username=username)
        client.force_login(user)
        dashboard = client.get(reverse("tracker:dashboard")).context["page"]
        assert (dashboard.overdue_report_count, dashboard.overdue_task_count, dashboard.reporting_total.missing) == (
            0,
            0,
            0,
        ), username
        assert client.get(reverse("tracker:due")).context["page"].totals == {
            "overdue_reports": 0,
            "overdue_tasks": 0,
            "returned": 0,
            "due_7": 0,
            "due_30": 0,
        }
        board = client.get(reverse("tracker:board"))
        assert board.context["counts"]["overdue"] == 0, username
        assert client.get(reverse("tracker:board"), {"due": "overdue"}).context["counts"]["total"] == 0
        plans = client.get(reverse("tracker:plan_list")).context["page"]
        assert plans.object_list and all(plan.overdue_count == 0 for plan in plans.object_list), username
        assert selectors_due.overdue_report_count(user, today=today) == 0
