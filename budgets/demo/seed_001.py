"""Seed 001: Bắc Kạn's 2023 smartphone programme for the 8 pilot communes, paid "chủ yếu từ
nguồn huy động xã hội hóa" (IV) — donations in cash or in kind (phones).

III.4: the DIC receives at province level, the district and pilot-commune committees at
theirs; the DIC passes what it receives on to districts and pilot communes (VI.1); the peak
campaign runs from 8/2023 to the end of 2023 (V). So the sample donations are received from
August to November 2023, mostly by the DIC, one by a district committee and one by a
commune committee, and passed on to the eight communes' committees as the tracker's demo
loaded them — some still on hand at the end. Donors, quantities, values and document
numbers are made up: every donor says "(mẫu)" and every donation is ``is_sample``.
"""

from __future__ import annotations

from budgets.models import Donation
from tracker.demo import seed_001 as tracker_seed
from tracker.models import Activity, Area, Plan, Unit

from .base import Ctx, D, donation, transfer

PHONE = "Điện thoại thông minh"
SIM = "Bộ SIM và gói cước Internet di động 12 tháng"
ENTERPRISE, ORGANISATION, INDIVIDUAL = (
    Donation.DonorKind.ENTERPRISE,
    Donation.DonorKind.ORGANISATION,
    Donation.DonorKind.INDIVIDUAL,
)


def load(ctx: Ctx) -> None:
    plan = Plan.objects.get(issuer__name="UBND tỉnh Bắc Kạn", title=tracker_seed.TITLE)
    support = Activity.objects.get(plan=plan, section_code="III")
    dic = Unit.objects.get(name="Sở Thông tin và Truyền thông tỉnh Bắc Kạn")
    province = Area.objects.get(name="Tỉnh Bắc Kạn", level=Area.Level.PROVINCE)
    # The eight pilot communes (and their districts) as the tracker's demo loaded them.
    communes: dict[str, tuple[Area, Unit]] = {}
    districts: dict[str, Unit] = {}
    for district_name, commune_name in tracker_seed.PILOT_COMMUNES:
        district = Area.objects.get(name=district_name, level=Area.Level.DISTRICT, parent=province)
        commune = Area.objects.get(name=commune_name, level=Area.Level.COMMUNE, parent=district)
        committee_of = Unit.Kind.PEOPLES_COMMITTEE
        communes[commune_name] = (commune, Unit.objects.get(area=commune, kind=committee_of, is_group=False))
        districts[district_name] = Unit.objects.get(area=district, kind=committee_of, is_group=False)

    def received(donor, kind, unit, day, receipt, **what):
        return donation(
            ctx,
            plan=plan,
            activity=support,
            donor=donor,
            donor_kind=kind,
            received_by=unit,
            received_on=day,
            receipt_number=receipt,
            **what,
        )

    def to_commune(gift, number, commune_name, day, *, via_district=None, **what):
        area, committee = communes[commune_name]
        recipient = districts[via_district] if via_district else committee
        transfer(ctx, gift, document_number=number, recipient=recipient, area=area, on=day, **what)

    phones = received(
        "Công ty Viễn thông mẫu A (mẫu)",
        ENTERPRISE,
        dic,
        D(2023, 8, 18),
        "BB-MẪU-001",
        item=PHONE,
        quantity=40,
        unit_value=1_500_000,
    )
    to_commune(phones, "BBBG-MẪU-001", "Phường Sông Cầu", D(2023, 8, 28), quantity=10)
    to_commune(phones, "BBBG-MẪU-002", "Xã Quang Thuận", D(2023, 8, 28), quantity=10)
    to_commune(phones, "BBBG-MẪU-003", "Xã Thượng Giáo", D(2023, 9, 12), quantity=8)
    to_commune(phones, "BBBG-MẪU-004", "Xã Nghĩa Tá", D(2023, 10, 10), quantity=7)  # 5 phones left

    staff = received(
        "Tập thể cán bộ, công chức, viên chức Sở mẫu C (mẫu)",
        ORGANISATION,
        dic,
        D(2023, 8, 25),
        "PT-MẪU-001",
        amount=12_500_000,
    )
    to_commune(staff, "BBBG-MẪU-005", "Xã Giáo Hiệu", D(2023, 9, 15), amount=12_500_000)

    cash = received("Công ty cổ phần mẫu B (mẫu)", ENTERPRISE, dic, D(2023, 9, 6), "PT-MẪU-002", amount=50_000_000)
    to_commune(cash, "BBBG-MẪU-006", "Xã Như Cố", D(2023, 9, 20), amount=15_000_000)
    to_commune(cash, "BBBG-MẪU-007", "Xã Đức Vân", D(2023, 10, 16), amount=15_000_000)
    to_commune(cash, "BBBG-MẪU-008", "Xã Côn Minh", D(2023, 11, 14), amount=10_000_000)  # 10 million left

    sims = received(
        "Công ty Viễn thông mẫu A (mẫu)",
        ENTERPRISE,
        dic,
        D(2023, 9, 15),
        "BB-MẪU-002",
        item=SIM,
        quantity=100,
        unit_value=300_000,
    )
    to_commune(sims, "BBBG-MẪU-009", "Phường Sông Cầu", D(2023, 9, 29), quantity=50)
    to_commune(sims, "BBBG-MẪU-010", "Xã Quang Thuận", D(2023, 9, 29), quantity=50)

    # Received at commune level (III.4): the commune hands the phones out itself.
    received(
        "Ông Nông Văn Mẫu (mẫu)",
        INDIVIDUAL,
        communes["Xã Côn Minh"][1],
        D(2023, 10, 3),
        "BB-MẪU-003",
        item=PHONE,
        quantity=5,
        unit_value=2_000_000,
    )
    # Received at district level, passed on to the district's pilot commune.
    shop = received(
        "Hộ kinh doanh điện thoại mẫu D (mẫu)",
        ENTERPRISE,
        districts["Huyện Chợ Mới"],
        D(2023, 10, 11),
        "BB-MẪU-004",
        item=PHONE,
        quantity=20,
        unit_value=1_200_000,
    )
    to_commune(shop, "BBBG-MẪU-011", "Xã Như Cố", D(2023, 10, 25), quantity=20)

    bank = received(
        "Ngân hàng thương mại mẫu E (mẫu)", ENTERPRISE, dic, D(2023, 11, 8), "PT-MẪU-003", amount=100_000_000
    )
    to_commune(bank, "BBBG-MẪU-012", "Phường Sông Cầu", D(2023, 11, 22), amount=25_000_000)
    to_commune(bank, "BBBG-MẪU-013", "Xã Thượng Giáo", D(2023, 11, 22), amount=25_000_000)
    # Passed to a district committee for its pilot commune; 30 million left.
    to_commune(bank, "BBBG-MẪU-014", "Xã Giáo Hiệu", D(2023, 11, 28), via_district="Huyện Pác Nặm", amount=20_000_000)

    received("Bà Triệu Thị Mẫu (mẫu)", INDIVIDUAL, dic, D(2023, 11, 20), "PT-MẪU-004", amount=3_000_000)
