"""What several seeds share: the ministry, the programme tree and documents cited by more than one plan."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.models import LegalDocument, ProgrammeComponent, Unit

from .base import Ctx, D, component, document, unit

K = LegalDocument.Kind

# Documents cited by more than one seed are one row each. The title is the wording of the
# first seed that cites it (seed 000 for 2269/14/222/365); seed 001 calls 14/2022 an act
# of "Bộ trưởng Bộ Thông tin và Truyền thông" and seed 000 of the Ministry: one issuer.
SHARED_DOCUMENTS = {
    "2269/QĐ-TTg": (
        K.DECISION,
        D(2021, 12, 31),
        "Thủ tướng Chính phủ",
        "Về việc phê duyệt Chương trình cung cấp dịch vụ viễn thông công ích đến năm 2025",
    ),
    "14/2022/TT-BTTTT": (
        K.CIRCULAR,
        D(2022, 10, 28),
        "Bộ Thông tin và Truyền thông",
        "Về Quy định danh mục, chất lượng dịch vụ viễn thông công ích và hướng dẫn thực hiện Chương trình "
        "cung cấp dịch vụ viễn thông công ích đến năm 2025",
    ),
    "222/KH-UBND": (
        K.PLAN,
        D(2020, 10, 21),
        "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
        "Về việc triển khai chương trình chuyển đổi số tỉnh Thừa Thiên Huế đến năm 2025",
    ),
    "365/KH-UBND": (
        K.PLAN,
        D(2023, 11, 7),
        "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
        "Về Phát triển hạ tầng số trên địa bàn tỉnh Thừa Thiên Huế giai đoạn 2023-2025",
    ),
}


def shared_document(ctx: Ctx, number_symbol: str) -> LegalDocument:
    kind, issued_on, issuer, title = SHARED_DOCUMENTS[number_symbol]
    return document(ctx, kind, number_symbol, issued_on, issuer, title)


@dataclass
class Programme:
    ministry: Unit
    gnbv_2016_2020: ProgrammeComponent
    gnbv_2021_2025: ProgrammeComponent
    project_6: ProgrammeComponent
    subproject_1: ProgrammeComponent
    merged_2026_2035: ProgrammeComponent


def load_programme(ctx: Ctx) -> Programme:
    """The programme tree as data (DOMAIN.md): it was reorganised in 2026, so it carries dates."""
    ministry = unit(ctx, "Bộ Thông tin và Truyền thông", Unit.Kind.MINISTRY, short_name="Bộ TT&TT")
    qd_90 = document(
        ctx,
        K.DECISION,
        "90/QĐ-TTg",
        D(2022, 1, 18),
        "Thủ tướng Chính phủ",
        "Phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025",
    )
    # DOMAIN.md gives NQ 257/2025/QH15 without its date or official summary: the date is
    # left blank and the title says only what DOMAIN.md says the resolution does.
    nq_257 = document(
        ctx,
        K.LAW,
        "257/2025/QH15",
        None,
        "Quốc hội",
        "Hợp nhất ba chương trình mục tiêu quốc gia thành một chương trình giai đoạn 2026 - 2035 "
        "(nội dung tóm tắt; trích yếu chính thức chưa nhập)",
    )
    level = ProgrammeComponent.Level
    # The 2016–2020 programme is named in seed 002 without its decision number: no legal basis.
    gnbv_2016 = component(
        ctx,
        "gnbv-2016-2020",
        level=level.PROGRAMME,
        parent=None,
        name="Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2016-2020",
        legal_basis=None,
        lead_agency=None,
        valid_from=D(2016, 1, 1),
        valid_to=D(2020, 12, 31),
    )
    gnbv_2021 = component(
        ctx,
        "gnbv-2021-2025",
        level=level.PROGRAMME,
        parent=None,
        name="Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025",
        legal_basis=qd_90,
        lead_agency=None,
        valid_from=D(2021, 1, 1),
        valid_to=D(2025, 12, 31),
    )
    project_6 = component(
        ctx,
        "gnbv-2021-2025-da6",
        level=level.PROJECT,
        parent=gnbv_2021,
        name="Dự án 6 Truyền thông và giảm nghèo về thông tin",
        legal_basis=qd_90,
        lead_agency=None,
        valid_from=D(2021, 1, 1),
        valid_to=D(2025, 12, 31),
    )
    subproject_1 = component(
        ctx,
        "gnbv-2021-2025-da6-tda1",
        level=level.SUBPROJECT,
        parent=project_6,
        name="Tiểu dự án 1 Giảm nghèo về thông tin",
        legal_basis=qd_90,
        lead_agency=ministry,
        valid_from=D(2021, 1, 1),
        valid_to=D(2025, 12, 31),
    )
    # Its projects and sub-projects are not described in DOMAIN.md, so only the programme exists.
    merged = component(
        ctx,
        "ctmtqg-2026-2035",
        level=level.PROGRAMME,
        parent=None,
        name="Chương trình mục tiêu quốc gia giai đoạn 2026–2035 (hợp nhất ba chương trình mục tiêu quốc gia)",
        legal_basis=nq_257,
        lead_agency=None,
        valid_from=D(2026, 1, 1),
        valid_to=D(2035, 12, 31),
    )
    return Programme(ministry, gnbv_2016, gnbv_2021, project_6, subproject_1, merged)
