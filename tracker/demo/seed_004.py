"""Seed 004: the (unnumbered) 2023 Tiểu dự án 1 plan of UBND tỉnh Lạng Sơn, "ngày … tháng 3 năm 2023".

Six contents 2.1–2.6, led by the provincial DIC. The DIC itself changed since: from 1/3/2025
Sở Thông tin và Truyền thông was merged into Sở Khoa học và Công nghệ (DOMAIN.md), which is
recorded as data (valid_to + successor) rather than by renaming the unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.models import Area, LegalDocument, Plan, Unit

from .base import Ctx, D, activity, area, committee, document, duty, group, lines, output, plan, unit
from .common import Programme

K = LegalDocument.Kind
TITLE = (
    "Thực hiện Tiểu dự án 1 Giảm nghèo về thông tin thuộc Dự án 6 Chương trình mục tiêu quốc gia giảm nghèo bền vững "
    "năm 2023 trên địa bàn tỉnh Lạng Sơn"
)
DIC_MERGED_ON = D(2025, 3, 1)
LABOUR_ROLE = "Theo dõi, đôn đốc, tổng hợp tiến độ"
DISTRICT_ROLE = (
    "Chỉ đạo Phòng Văn hóa và Thông tin chủ trì, phối hợp với các phòng, ban liên quan tổ chức thực hiện Kế hoạch trên "
    "địa bàn"
)

RADIO_PRIORITIES = (
    "xã chưa có đài truyền thanh ở khu vực biên giới; các xã thuộc khu vực III khác chưa có đài truyền thanh; mở rộng "
    "hoạt động của đài truyền thanh đối với xã biên giới"
)

# (section code, content type, title, description) — verbatim from II.2.
CONTENTS = [
    (
        "2.1",
        "capacity_building",
        "Nâng cao năng lực cho cán bộ thông tin và truyền thông",
        "Xây dựng chương trình, tài liệu (tài liệu in, điện tử) phục vụ công tác bồi dưỡng, tập huấn kiến thức, kỹ "
        "năng chuyên môn, nghiệp vụ thông tin, tuyên truyền cho các đối tượng, bao gồm cả tiếng dân tộc thiểu số "
        "(nếu có). Tổ chức các lớp bồi dưỡng, tập huấn.",
    ),
    (
        "2.2",
        "media_production",
        "Sản xuất mới các tác phẩm báo chí và các sản phẩm truyền thông khác để cung cấp nội dung thiết yếu cho xã hội",
        "Sản xuất mới các tác phẩm báo chí và sản phẩm truyền thông khác dưới dạng điện tử có tính chuyên đề nhằm cung "
        "cấp thông tin thiết yếu, có giá trị sử dụng lâu dài phục vụ xã hội, trong đó ưu tiên phục vụ khu vực có điều "
        "kiện kinh tế - xã hội đặc biệt khó khăn, có tỷ lệ hộ nghèo cao.",
    ),
    (
        "2.3",
        "commune_radio",
        "Tăng cường cơ sở vật chất cho hoạt động của đài truyền thanh xã",
        lines(
            "- Thiết lập mới đài truyền thanh xã đối với các xã chưa có đài truyền thanh.",
            "- Mở rộng hệ thống cụm loa ứng dụng công nghệ thông tin - viễn thông đối với các thôn, bản trong xã để "
            "đáp ứng nhu cầu cung cấp thông tin thiết yếu đến các hộ dân trong xã.",
            "- Thay thế cụm loa có dây, không dây FM bị hỏng, không còn sử dụng được sang cụm loa ứng dụng công nghệ "
            "thông tin - viễn thông.",
            "- Thành phần cơ bản, yêu cầu kỹ thuật, yêu cầu đảm bảo an toàn thông tin của đài truyền thanh xã thiết "
            "lập mới, nâng cấp theo quy định tại Thông tư số 39/2020/TT-BTTTT ngày 24/11/2020 của Bộ trưởng Bộ Thông "
            "tin và Truyền thông quy định về quản lý đài truyền thanh cấp xã ứng dụng công nghệ thông tin - viễn "
            "thông.",
            "- Ưu tiên thiết lập mới, nâng cấp đài truyền thanh xã: " + RADIO_PRIORITIES + ".",
        ),
    ),
    (
        "2.4",
        "border_information",
        "Cung cấp nội dung thông tin phục vụ tuyên truyền ở các xã biên giới",
        "Sản xuất và cung cấp nội dung thông tin, tuyên truyền để đăng phát trên hệ thống cụm thông tin điện tử.",
    ),
    (
        "2.5",
        "public_information_points",
        "Hỗ trợ cung cấp dịch vụ thông tin công cộng",
        "Hỗ trợ cung cấp dịch vụ thông tin công cộng cho 88 điểm cung cấp dịch vụ bưu chính công cộng phục vụ tiếp cận "
        "thông tin của Nhân dân ở các xã có điều kiện kinh tế - xã hội đặc biệt khó khăn.",
    ),
    (
        "2.6",
        "publications",
        "Sản xuất mới các xuất bản phẩm cung cấp nội dung thiết yếu",
        "Xuất bản phẩm phải cung cấp nội dung thông tin thiết yếu phục vụ nhiệm vụ chính trị, phát triển kinh tế - xã "
        "hội mà người dân cần có, Nhà nước cần cung cấp nhưng xã hội chưa đáp ứng được; ưu tiên phục vụ đối tượng là "
        "đồng bào dân tộc thiểu số, vùng có tỷ lệ hộ nghèo cao. Các xuất bản phẩm không được trùng lặp với xuất bản "
        "phẩm đã được thực hiện ở các nhiệm vụ, chương trình, đề án khác.",
    ),
]

# What each content produces (DOMAIN.md's table). The plan states a figure only for 2.5 (88
# points); every other planned quantity is left blank because the plan does not give one.
OUTPUTS = {
    "2.1": [("Lớp bồi dưỡng, tập huấn", "lớp", None), ("Chương trình, tài liệu bồi dưỡng, tập huấn", "tài liệu", None)],
    "2.2": [("Tác phẩm báo chí, sản phẩm truyền thông sản xuất mới", "sản phẩm", None)],
    "2.3": [
        ("Đài truyền thanh xã thiết lập mới", "đài", None),
        ("Cụm loa ứng dụng công nghệ thông tin - viễn thông mở rộng, thay thế", "cụm loa", None),
    ],
    "2.4": [("Nội dung thông tin đăng phát trên hệ thống cụm thông tin điện tử", "nội dung", None)],
    "2.5": [
        (
            "Điểm cung cấp dịch vụ bưu chính công cộng được hỗ trợ cung cấp dịch vụ thông tin công cộng",
            "điểm",
            88,
        )
    ],
    "2.6": [("Xuất bản phẩm sản xuất mới", "đầu xuất bản phẩm", None)],
}

PURPOSE = lines(
    "1. Mục đích",
    "- Tổ chức triển khai, thực hiện hiệu quả nội dung Tiểu dự án 1 Giảm nghèo về thông tin thuộc Dự án 6 CTMTQG giảm "
    "nghèo bền vững (sau đây viết tắt là Tiểu dự án 1) theo Công văn số 4139/BTTTT-KHTC; Công văn số 252/BTTTT-KHTC; "
    "Công văn số 624/BTTTT-TTCS.",
    "- Nâng cao nhận thức, kiến thức và thay đổi hành vi của người nghèo về giảm nghèo bền vững nhằm góp phần vào thực "
    "hiện mục tiêu chung của CTMTQG giảm nghèo bền vững thông qua việc cải tiến chất lượng và hiệu quả công tác thông "
    "tin, truyền thông.",
    "2. Yêu cầu",
    "- Xác định cụ thể đối tượng, nội dung, kinh phí, thời hạn thực hiện và trách nhiệm của các cơ quan liên quan "
    "trong việc tổ chức thực hiện nhiệm vụ đặc thù của Dự án “Truyền thông và giảm nghèo về thông tin” năm 2023.",
    "- Các cơ quan, đơn vị có trách nhiệm thực hiện Kế hoạch này phối hợp chặt chẽ trong quá trình triển khai, thực "
    "hiện; kịp thời tháo gỡ khó khăn, vướng mắc phát sinh.",
    "II.1. Đối tượng",
    "Các cơ quan, đơn vị, tổ chức, cá nhân có liên quan trong quản lý, thực hiện Kế hoạch thực hiện Tiểu dự án 1 năm "
    "2023.",
)

FUNDING = (
    "Kinh phí thực hiện được bố trí từ nguồn kinh phí sự nghiệp thực hiện Tiểu dự án 1 được phân bổ tại Quyết định số "
    "1181/QĐ-UBND ngày 15/7/2022 của UBND tỉnh về việc giao mục tiêu, nhiệm vụ, kế hoạch vốn ngân sách nhà nước thực "
    "hiện các CTMTQG trên địa bàn tỉnh Lạng Sơn năm 2022, Quyết định số 1966/QĐ-UBND ngày 12/12/2022 của UBND tỉnh về "
    "việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2023 và nguồn vốn huy "
    "động hợp pháp khác."
)

RECIPIENTS = lines(
    "Bộ Thông tin và Truyền thông;",
    "Thường trực Tỉnh ủy;",
    "Thường trực HĐND tỉnh;",
    "Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
    "Các sở, ban, ngành;",
    "UBND các huyện, thành phố;",
    "C, PVP UBND tỉnh, các phòng CM, TT TT;",
    "Lưu: VT, KGVX (HTHT).",
)

DUTIES = [
    (
        "dic",
        "Sở Thông tin và Truyền thông",
        "Chủ trì, phối hợp với các cơ quan có liên quan tổ chức thực hiện các nội dung của Kế hoạch này.",
    ),
    (
        "labour",
        "Sở Lao động - Thương binh và Xã hội",
        "Theo dõi, đôn đốc, tổng hợp tiến độ triển khai các nội dung để kịp thời tham mưu UBND tỉnh báo cáo theo quy "
        "định.",
    ),
    ("districts", "UBND cấp huyện", DISTRICT_ROLE + "."),
]


@dataclass
class LangSon:
    province: Area
    ubnd: Unit
    dic: Unit
    science: Unit
    labour: Unit
    finance: Unit
    districts: Unit
    radio_tv: Unit
    newspaper: Unit


def load_lang_son(ctx: Ctx) -> LangSon:
    kind = Unit.Kind
    province = area(ctx, "Tỉnh Lạng Sơn", Area.Level.PROVINCE)
    ubnd = committee(ctx, province)

    def department(name: str, short_name: str = "", **values) -> Unit:
        return unit(ctx, name, kind.DEPARTMENT, area=province, parent=ubnd, short_name=short_name, **values)

    # The successor must exist before the DIC can point at it.
    science = department("Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "Sở KH&CN", valid_from=DIC_MERGED_ON)
    dic = department(
        "Sở Thông tin và Truyền thông tỉnh Lạng Sơn",
        "Sở TT&TT",
        valid_to=D(2025, 2, 28),
        successor=science,
    )
    labour = department("Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn", "Sở LĐ-TB&XH")
    # Not in seed 004; the demo's finance officer belongs here.
    finance = department("Sở Tài chính tỉnh Lạng Sơn")
    # The plan addresses "UBND cấp huyện" as a whole and names no district: no members.
    districts = group(ctx, "UBND các huyện, thành phố tỉnh Lạng Sơn", kind.PEOPLES_COMMITTEE, area=province)
    # Real provincial media, used by the sample plan's tasks (the plan, not the units, is sample).
    radio_tv = unit(
        ctx,
        "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
        kind.RADIO_TV,
        area=province,
        parent=ubnd,
        short_name="Đài PT-TH tỉnh",
    )
    newspaper = unit(ctx, "Báo Lạng Sơn", kind.NEWSPAPER, area=province)
    return LangSon(province, ubnd, dic, science, labour, finance, districts, radio_tv, newspaper)


def load(ctx: Ctx, programme: Programme, ls: LangSon) -> Plan:
    # The opening paragraph's "Thực hiện …" documents, in order, are the legal bases.
    legal_bases = [
        document(
            ctx,
            K.CIRCULAR,
            "06/2022/TT-BTTTT",
            D(2022, 6, 30),
            "Bộ Thông tin và Truyền thông",
            "Hướng dẫn thực hiện Dự án Truyền thông và giảm nghèo về thông tin thuộc Chương trình mục tiêu quốc gia "
            "(CTMTQG) giảm nghèo bền vững giai đoạn 2021 - 2025",
        ),
        document(
            ctx,
            K.OFFICIAL_LETTER,
            "4139/BTTTT-KHTC",
            D(2022, 8, 9),
            "Bộ Thông tin và Truyền thông",
            "Về việc hướng dẫn thực hiện Tiểu dự án Giảm nghèo về thông tin thuộc CTMTQG giảm nghèo bền vững trong năm "
            "2022",
        ),
        document(
            ctx,
            K.OFFICIAL_LETTER,
            "252/BTTTT-KHTC",
            D(2023, 1, 19),
            "Bộ Thông tin và Truyền thông",
            "Về việc hướng dẫn thực hiện Tiểu dự án Giảm nghèo về thông tin thuộc CTMTQG giảm nghèo bền vững trong năm "
            "2023",
        ),
        document(
            ctx,
            K.OFFICIAL_LETTER,
            "624/BTTTT-TTCS",
            D(2023, 2, 27),
            "Bộ Thông tin và Truyền thông",
            "Về việc triển khai thiết lập mới, nâng cấp đài truyền thanh có dây/không dây FM sang truyền tranh ứng "
            "dụng CNTT-VT",
        ),
    ]
    # Section III's funding decisions are recorded as documents (the funding text cites them)
    # but not as legal bases: the plan's own bases are the four "Thực hiện" documents above.
    document(
        ctx,
        K.DECISION,
        "1181/QĐ-UBND",
        D(2022, 7, 15),
        "UBND tỉnh Lạng Sơn",
        "Về việc giao mục tiêu, nhiệm vụ, kế hoạch vốn ngân sách nhà nước thực hiện các CTMTQG trên địa bàn tỉnh Lạng "
        "Sơn năm 2022",
    )
    document(
        ctx,
        K.DECISION,
        "1966/QĐ-UBND",
        D(2022, 12, 12),
        "UBND tỉnh Lạng Sơn",
        "Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2023",
    )
    p = plan(
        ctx,
        issuer=ls.ubnd,
        title=TITLE,
        legal_bases=legal_bases,
        number_symbol="",
        place="Lạng Sơn",
        # "ngày tháng 3 năm 2023": the day was never filled in.
        issued_on=D(2023, 3, 1),
        issued_on_precision=Plan.DatePrecision.MONTH,
        period_start=D(2023, 1, 1),
        period_end=D(2023, 12, 31),
        programme_component=programme.subproject_1,
        area=ls.province,
        purpose=PURPOSE,
        funding=FUNDING,
        signing_authority="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Dương Xuân Huyền",
        recipients=RECIPIENTS,
    )
    # IV.2 has Sở LĐ-TB&XH follow up every content; IV.3's district committees carry out the
    # work located in districts and communes (radio stations 2.3, postal points 2.5).
    for order, (code, type_code, title, description) in enumerate(CONTENTS, start=1):
        cooperating = [(ls.labour, LABOUR_ROLE)]
        if code in ("2.3", "2.5"):
            cooperating.append((ls.districts, DISTRICT_ROLE))
        content = activity(
            ctx,
            plan=p,
            section_code=code,
            type_code=type_code,
            order=order,
            title=title,
            description=description,
            lead_unit=ls.dic,
            cooperating=cooperating,
            start_date=D(2023, 1, 1),
            due_date=D(2023, 12, 31),
            schedule_note="Năm 2023",
        )
        for output_order, (name, measure, quantity) in enumerate(OUTPUTS[code], start=1):
            output(ctx, content, output_order, name, measure, quantity)
    units = {"dic": ls.dic, "labour": ls.labour, "districts": ls.districts}
    for order, (key, heading, text) in enumerate(DUTIES, start=1):
        duty(ctx, p, order, units[key], heading, text)
    return p
