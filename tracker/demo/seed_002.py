"""Seed 002: Kế hoạch 146/KH-UBND of UBND thành phố Thanh Hóa, 18/02/2019.

Basic social services on information in 2019, with the appendix of targets for the 35
wards and communes (totals 920 / 200 / 21), loaded cell by cell: a blank cell is no row.
"""

from __future__ import annotations

from tracker.models import Area, Deadline, Indicator, LegalDocument, Plan, ReportingRule, Unit

from .base import (
    Ctx,
    D,
    activity,
    area,
    committee,
    deadline,
    document,
    duty,
    group,
    indicator,
    lines,
    output,
    plan,
    reporting_rule,
    target,
    task,
    unit,
)
from .common import Programme

K = LegalDocument.Kind
NUMBER = "146/KH-UBND"
TITLE = "Triển khai thực hiện chỉ tiêu tiếp cận các dịch vụ xã hội cơ bản về thông tin năm 2019"
BASELINE_YEAR = 2018
TARGET_YEAR = 2019

# The appendix, row by row: ward/commune, poor households at the end of 2018, target for
# poor households lacking telecom services, target for those lacking information assets
# (None where the cell is blank).
APPENDIX = [
    ("Phường Hàm Rồng", 24, 4, None),
    ("Phường Nam Ngạn", 29, 6, 1),
    ("Phường Trường Thi", 17, 4, None),
    ("Phường Đông Thọ", 50, 10, 1),
    ("Phường Phú Sơn", 30, 9, 1),
    ("Phường Lam Sơn", 10, 3, None),
    ("Phường Đông Sơn", 12, 4, None),
    ("Phường Tân Sơn", 14, 5, 1),
    ("Phường Ngọc Trao", 4, 1, None),
    ("Phường Đông Vệ", 11, 3, None),
    ("Phường Đông Cường", 25, 5, 1),
    ("Phường Đông Hương", 43, 8, 1),
    ("Phường Đông Hải", 37, 6, 1),
    ("Phường Quảng Hưng", 51, 10, 1),
    ("Phường Quảng Thành", 35, 9, 1),
    ("Phường Quảng Thắng", 14, 5, None),
    ("Phường An Hoạch", 18, 6, 1),
    ("Phường Tào Xuyên", 24, 6, 1),
    ("Xã Đông Lĩnh", 43, 9, 1),
    ("Xã Đông Hưng", 9, 3, None),
    ("Xã Đông Tân", 13, 5, 1),
    ("Xã Đông Vinh", 23, 3, None),
    ("Xã Hoằng Anh", 15, 5, 1),
    ("Xã Hoằng Lý", 16, 3, None),
    ("Xã Hoằng Long", 15, 4, None),
    ("Xã Hoằng Quang", 33, 4, None),
    ("Xã Hoằng Đại", 20, 5, None),
    ("Xã Thiệu Dương", 27, 8, 1),
    ("Xã Thiệu Khánh", 59, 11, 1),
    ("Xã Thiệu Vân", 32, 7, 1),
    ("Xã Quảng Thịnh", 14, 3, None),
    ("Xã Quảng Đông", 34, 6, 1),
    ("Xã Quảng Cát", 41, 8, 1),
    ("Xã Quảng Tâm", 38, 6, 1),
    ("Xã Quảng Phú", 40, 6, 1),
]
# The appendix's "Toàn Thành phố" row; the loader checks the cells add up to it.
APPENDIX_TOTALS = (920, 200, 21)

PURPOSE = lines(
    "1. Mục đích",
    "Triển khai các nội dung, nhiệm vụ của lĩnh vực Thông tin và Truyền thông trong Chương trình mục tiêu quốc gia "
    "giảm nghèo bền vững, giai đoạn 2016-2020, tạo cơ hội cho người nghèo, hộ nghèo có điều kiện tiếp cận các dịch "
    "vụ thông tin và truyền thông, góp phần cải thiện đời sống vật chất tinh thần cho các hộ nghèo trên địa bàn "
    "thành phố.",
    "Tiếp tục xây dựng và củng cố hệ thống thông tin – truyền thông cơ sở bao gồm: Hỗ trợ nâng cao nghiệp vụ về công "
    "tác truyền thông, thông tin cho đội ngũ cán bộ thông tin cơ sở; hỗ trợ trang thiết bị thông tin tuyên truyền; hỗ "
    "trợ phương tiện, điều kiện tiếp cận thông tin cho người dân nhằm rút ngắn dần khoảng cách về tiếp cận và hưởng "
    "thụ thông tin của nhân dân. Nâng cao đời sống văn hóa, tinh thần của người dân; bảo đảm dân chủ ở cơ sở; ngăn "
    "chặn đẩy lùi những thông tin sai trái, phản động của các thế lực thù địch, góp phần thúc đẩy phát triển kinh tế- "
    "xã hội; bảo đảm an ninh, quốc phòng.",
    "Thông tin và tuyên truyền nâng cao nhận thức của cộng đồng, người dân về ý nghĩa và tầm quan trọng của giảm nghèo "
    "và cách tiếp cận về giảm nghèo bền vững.",
    "Hỗ trợ cho người dân tiếp cận thông tin một cách nhanh chóng và chính xác. Nhằm cải thiện và từng bước nâng cao "
    "mức sống, điều kiện và chất lượng cuộc sống. Tạo cơ hội cho người nghèo, người cận nghèo có điều kiện phát triển, "
    "đa dạng hóa sinh kế, tăng thu nhập, vượt qua đói nghèo, vươn lên khá giả.",
    "Tăng cường mở các lớp tập huấn kỹ năng, bồi dưỡng nghiệp vụ công tác thông tin truyền thông cho tuyên truyền viên "
    "và cán bộ thông tin và truyền thông cơ sở.",
    "2. Yêu cầu",
    "Triển khai, hướng dẫn và tổ chức triển khai thực hiện có hiệu quả các nhiệm vụ của ngành thông tin và truyền "
    "thông, nhằm phấn đấu hoàn thành các chỉ tiêu tiếp cận dịch viễn thông, tài sản tiếp cận thông tin cho các hộ "
    "nghèo trên địa bàn thành phố.",
    "Các nội dung, hoạt động truyền thông và giảm nghèo về thông tin phải được triển khai đồng bộ và hiệu quả;",
    "Có sự phối hợp đồng bộ, sự tham gia tích cực giữa các phòng, ban, ngành và các phường, xã.",
    "Thông tin, tuyên truyền trên tài liệu, tờ rơi, tờ gấp; thông tin, tuyên truyền trên hệ thống đài truyền thanh "
    "cấp xã bằng các loại hình phong phú (tin, bài, phóng sự, ghi nhanh, phỏng vấn, gương sáng thoát nghèo, giới thiệu "
    "mô hình tiên tiến, kinh nghiệm sản xuất hiệu quả, phương pháp khoa học kỹ thuật nuôi trồng,...) để người dân, đặc "
    "biệt là hộ nghèo, hộ cận nghèo áp dụng vào thực tế, chủ động vươn lên thoát nghèo, hạn chế tư tưởng trông chờ ý "
    "lại.",
    "Tổ chức tuyên truyền trên đài truyền thanh và truyền hình thành phố, phát sóng tin, bài, phóng sự, ghi nhanh về "
    "triển khai, thực hiện công tác giảm nghèo, giới thiệu các gương sáng thoát nghèo, các mô hình giảm nghèo có hiệu "
    "quả nhằm nâng cao nhận thức về giảm nghèo cho người dân đặc biệt là hộ nghèo, hộ cận nghèo giúp người nghèo chủ "
    "động vươn lên thoát nghèo hạn chế tư tưởng trông chờ ý lại, đồng thời tổ chức thực hiện tốt các chính sách giảm "
    "nghèo.",
    # Section III (Mục tiêu) has no field of its own; it belongs with the purpose.
    "III. Mục tiêu",
    "1. Mục tiêu tổng quát",
    "Đẩy mạnh tuyên truyền chủ trương, chính sách, mục tiêu giảm nghèo (Nghị quyết, Kế hoạch, Chương trình, Đề án) "
    "đến các cấp, các ngành, các tầng lớp dân cư và người nghèo nhằm thay đổi và chuyển biến tích cực trong nhận thức "
    "giảm nghèo, khơi dậy ý chí chủ động vươn lên của cá nhân, gia đình.",
    "Thông qua việc triển khai và thực hiện các nội dung truyền thông và giảm nghèo về thông tin nhằm nâng cao năng "
    "lực về chuyên môn, nghiệp vụ trong công tác thông tin truyền thông về công tác giảm nghèo cho cán bộ làm công tác "
    "thông tin và truyền thông tại cơ sở trên địa bàn thành phố.",
    "Từng bước đầu tư xây dựng, củng cố và hoàn thiện hệ thống cơ sở vật chất về thông tin và truyền thông nhằm đáp "
    "ứng yêu cầu phục vụ công tác thông tin tuyên truyền các nhiệm vụ chính trị trên địa bàn thành phố; Nâng cao khả "
    "năng tiếp cận, thụ hưởng các dịch vụ xã hội cơ bản về thông tin và truyền thông cho người dân đặc biệt là các hộ "
    "nghèo.",
    "2. Mục tiêu cụ thể của Thành phố trong năm 2019: 200 hộ nghèo thiếu hụt sử dụng dịch vụ viễn thông được tiếp cận "
    "thông tin; 21 hộ nghèo thiếu hụt về tài sản tiếp cận thông tin được tiếp cận thông tin.",
)

CONTENTS = [
    (
        "1",
        "household_access",
        "Hỗ trợ hộ nghèo tiếp cận dịch vụ viễn thông.",
        lines(
            "- Chỉ đạo, hướng dẫn các doanh nghiệp viễn thông thực hiện kế hoạch đầu tư cơ sở hạ tầng kỹ thuật viễn "
            "thông thụ động trên địa bàn đảm bảo cung cấp các dịch vụ viễn thông phục vụ các hộ nghèo, trong đó tập "
            "trung ưu tiên đầu tư cơ sở hạ tầng kỹ thuật viễn thông thụ động ở các xã, nhằm nâng cao mức độ sẵn sàng "
            "cung cấp dịch vụ viễn thông lâu dài, giúp phát triển thuê bao và dịch vụ, nhất là trong điều kiện thị "
            "trường cạnh tranh.",
            "- Phối hợp, hướng dẫn các đơn vị có liên quan tổ chức thực hiện tốt chính sách hỗ trợ các hộ nghèo, cận "
            "nghèo cước phí sử dụng các dịch vụ viễn thông theo quy định của Nhà nước, nhằm đảm bảo cho các hộ nghèo "
            "được tiếp cận các dịch vụ viễn thông.",
            "- Đầu tư, nâng cấp các Điểm Bưu điện văn hoá xã đảm bảo tốt cơ sở vật chất, nhân lực, đảm bảo quản lý, "
            "khai thác, sử dụng và phát huy hiệu quả các trang thiết bị, các sản phẩm truyền thông được đầu tư tại "
            "các xã, các Điểm Bưu điện văn hoá xã và các điểm sinh hoạt dân cư cộng đồng theo quy định.",
        ),
    ),
    (
        "2",
        "household_access",
        "Hỗ trợ các hộ nghèo tài sản phục vụ tiếp cận thông tin.",
        "- Xây dựng kế hoạch, đề xuất với Bộ Thông tin và Truyền thông, các Bộ ngành có liên quan, hỗ trợ phương tiện "
        "nghe xem cho các hộ nghèo theo quy định của nhà nước và các doanh nghiệp trên địa bàn tỉnh hỗ trợ phương tiện "
        "nghe, xem cho người nghèo; Tiếp nhận các phương tiện nghe - xem hỗ trợ cho các hộ nghèo theo quy định.",
    ),
    (
        "3",
        "capacity_building",
        "Tập huấn nâng cao năng lực truyền thông, thông tin về công tác giảm nghèo cho cán bộ thông tin cơ sở.",
        "Đào tạo, bồi dưỡng kỹ năng chuyên môn, nghiệp vụ cho cán bộ thông tin và truyền thông cơ sở.",
    ),
    (
        "4",
        "media_production",
        "Tăng cường nội dung thông tin",
        "Sản xuất mới, biên tập, phát sóng, phát hành các sản phẩm báo chí, sản phẩm thông tin có tính chất báo chí, "
        "các chương trình phát thanh, truyền hình, xuất bản phẩm và các sản phẩm thông tin khác (tờ rơi, tờ gấp,...);",
    ),
]

COMMUNE_PLAN_WORDING = "trước ngày 28/2/2019"
COMMUNE_PLAN = (
    "Xây dựng Kế hoạch triển khai thực hiện các chỉ tiêu thực hiện tiếp cận các dịch vụ xã hội cơ bản về thông tin "
    "được giao tại địa phương"
)

DUTIES = [
    (
        "culture",
        "Phòng Văn hóa Thông tin",
        lines(
            "Chủ trì, phối hợp với các với các phòng, ban, đơn vị và các đơn vị truyền thông liên quan tổ chức thực "
            "hiện có hiệu quả nội dung kế hoạch này theo chức năng, nhiệm vụ được giao.",
            # The seed breaks off mid-sentence here ("phát huy tối đa"); kept as it is.
            "Tổ chức các lớp bồi dưỡng, tập huấn bồi dưỡng kiến thức, nâng cao kỹ năng thông tin, tuyên truyền cho đội "
            "ngũ cán bộ thông tin cơ sở về công tác giảm nghèo nhằm giúp cho cán bộ thông tin ở cơ sở có khả năng biên "
            "tập, khai thác, xử lý các thông tin phục vụ công tác thông tin, tuyên truyền tại cơ sở, nhất là tuyên "
            "truyền về thực hiện các chính sách giảm nghèo; quản lý, khai thác, phát huy tối đa",
            "Tổng hợp, tham mưu cho Thành phố báo cáo, đánh giá kết quả thực hiện các chỉ tiêu tiếp cận dịch vụ xã hội "
            "cơ bản về thông tin về Sở Thông tin và Truyền thông theo định kỳ.",
        ),
    ),
    (
        "labour",
        "Phòng Lao động, Thương binh và Xã hội",
        "Phối hợp với Phòng Văn hóa Thông tin kiểm tra, đánh giá các chỉ số dịch vụ xã hội cơ bản về thông tin hàng "
        "năm trên địa bàn thành phố Thanh Hóa.",
    ),
    (
        "radio_tv",
        "Đài Truyền thanh – Truyền hình thành phố",
        "Duy trì và nâng cao chất lượng các chuyên mục, tăng thời lượng phát sóng tuyên truyền về Chương trình MTQG "
        "giảm nghèo bền vững; thường xuyên cập nhật tin, bài trên Trang thông tin điện tử của Đài Truyền thanh truyền "
        "hình thành phố; tiếp nhận tổ chức phát lại các chương trình phát thanh, truyền hình do Bộ Thông tin và Truyền "
        "thông, Sở Thông tin và Truyền thông cung cấp phục vụ công tác thông tin tuyên truyền; hướng dẫn, hỗ trợ về "
        "chuyên môn, nghiệp vụ kỹ thuật và nội dung thông tin đối với các Đài Truyền thanh cấp xã.",
    ),
    (
        "office",
        "Văn phòng HĐND&UBND thành phố",
        "Thường xuyên cập nhật tin, bài trên trang thông tin điện tử thành phố Thanh Hóa các cơ chế, chính sách của "
        "trung ương, tỉnh về Chương trình giảm nghèo bền vững; theo dõi đưa tin, bài về hoạt động của Ban chỉ đạo các "
        "Chương trình mục tiêu quốc gia thành phố và các phường, xã về giảm nghèo bền vững.",
    ),
    (
        "telecoms",
        "Các doanh nghiệp viễn thông, truyền hình trên địa bàn",
        "Tăng cường đầu tư, nâng cấp hạ tầng kỹ thuật, mở rộng mạng lưới đáp ứng nhu cầu cung cấp các dịch vụ viễn "
        "thông, công nghệ thông tin, truyền hình phục vụ nhân dân tiếp cận các dịch vụ viễn thông, internet; thực "
        "hiện tốt chính sách hỗ trợ các hộ nghèo, cận nghèo sử dụng các dịch vụ viễn thông, công nghệ thông tin, "
        "truyền hình theo quy định.",
    ),
    (
        "communes",
        "UBND các phường, xã",
        lines(
            "Căn cứ vào nội dung kế hoạch, xây dựng Kế hoạch triển khai thực hiện các chỉ tiêu thực hiện tiếp cận các "
            "dịch vụ xã hội cơ bản về thông tin được giao tại địa phương " + COMMUNE_PLAN_WORDING + ".",
            "(Có phụ lục cụ thể chỉ tiêu thực hiện tiếp cận dịch vụ cơ bản về thông tin cho các phường, xã kèm theo)",
            "Đánh giá kết quả thực hiện Kế hoạch và báo cáo về UBND thành phố (Qua phòng Văn hóa Thông tin) theo định "
            "kỳ: 6 tháng trước ngày 15/6/2019; cả năm trước ngày 05/10/2019 để tổng hợp.",
            "Đẩy mạnh công tác tuyên truyền trên hệ thống loa truyền thanh, trang thông tin điện tử của phường, xã.",
            "Tạo điều kiện hỗ trợ doanh nghiệp viễn thông đầu tư xây dựng cơ sở hạ tầng kỹ thuật viễn thông thu động "
            "đáp ứng yêu cầu cung cấp các dịch vụ viễn thông cho các hộ nghèo, cận nghèo.",
            "Tiếp nhận các phuong tiện nghe - xem hỗ trợ cho các hộ nghèo theo quy định.",
            "Tổ chức đánh giá kết quả thực hiện các chỉ tiêu tiếp cận dịch vụ xã hội cơ bản về thông tin và đề ra "
            "phương hướng nhiệm vụ phấn đấu cho năm sau phù hợp với tình hình địa phương./.",
        ),
    ),
]

RECIPIENTS = lines(
    "Sở Thông tin Truyền thông; (b/c)",
    "Chủ tịch và các PCT UBND Tp;",
    "Phòng LĐTBXH; VP HĐND&UBND;",
    "Đài TT&TH Tp;",
    "Các doanh nghiệp Viễn thông, Truyền hình Tp;",
    "UBND các phường, xã;",
    "Lưu VTC",
)


def load_indicators(ctx: Ctx) -> dict[str, Indicator]:
    """The appendix's three columns, as indicators the sample plan reuses."""
    role = Indicator.Role
    return {
        "poor": indicator(ctx, "poor-households", "Số hộ nghèo đến cuối năm 2018", "hộ", role.BASELINE, 1),
        "telecom": indicator(
            ctx,
            "poor-households-lacking-telecom",
            "Số hộ nghèo thiếu hụt sử dụng dịch vụ viễn thông",
            "hộ",
            role.TARGET,
            2,
        ),
        "assets": indicator(
            ctx,
            "poor-households-lacking-info-assets",
            "Số hộ nghèo thiếu hụt về tài sản tiếp cận thông tin",
            "hộ",
            role.TARGET,
            3,
        ),
    }


def load(ctx: Ctx, programme: Programme, indicators: dict[str, Indicator]) -> Plan:
    kind = Unit.Kind
    for column, total in enumerate(APPENDIX_TOTALS, start=1):
        # A typo in the table above must not slip into the demo silently.
        assert sum(row[column] or 0 for row in APPENDIX) == total, (column, total)

    province = area(ctx, "Tỉnh Thanh Hóa", Area.Level.PROVINCE)
    province_committee = committee(ctx, province)
    city = area(ctx, "Thành phố Thanh Hóa", Area.Level.DISTRICT, province)
    ubnd = committee(ctx, city, parent=province_committee)

    def city_office(name: str, office_kind: str, short_name: str = "") -> Unit:
        return unit(ctx, name, office_kind, area=city, parent=ubnd, short_name=short_name)

    culture = city_office("Phòng Văn hóa Thông tin thành phố Thanh Hóa", kind.DEPARTMENT, "Phòng VH-TT")
    labour = city_office("Phòng Lao động, Thương binh và Xã hội thành phố Thanh Hóa", kind.DEPARTMENT, "Phòng LĐ-TB&XH")
    radio_tv = city_office("Đài Truyền thanh – Truyền hình thành phố Thanh Hóa", kind.RADIO_TV, "Đài TT-TH thành phố")
    office = city_office("Văn phòng HĐND&UBND thành phố Thanh Hóa", kind.OTHER)
    telecoms = group(
        ctx, "Các doanh nghiệp viễn thông, truyền hình trên địa bàn thành phố Thanh Hóa", kind.TELECOM, area=city
    )

    communes: list[tuple[Area, Unit, tuple]] = []
    for row in APPENDIX:
        commune = area(ctx, row[0], Area.Level.COMMUNE, city)
        communes.append((commune, committee(ctx, commune, parent=ubnd), row))
    commune_group = group(
        ctx,
        "UBND các phường, xã (TP Thanh Hóa)",
        kind.PEOPLES_COMMITTEE,
        members=[commune_committee for _, commune_committee, _ in communes],
        area=city,
    )

    legal_bases = [
        document(
            ctx,
            K.DECISION,
            "353/QĐ-UBND",
            D(2019, 1, 23),
            "UBND tỉnh Thanh Hóa",
            "Về việc giao chỉ tiêu tiếp cận các dịch vụ xã hội cơ bản năm 2019",
        ),
        document(
            ctx,
            K.PLAN,
            "113/KH-STTTT",
            D(2019, 1, 28),
            "Sở Thông tin và Truyền thông tỉnh Thanh Hóa",
            "Về việc Triển khai thực hiện chỉ tiêu tiếp cận các dịch vụ xã hội cơ bản về thông tin năm 2019",
        ),
    ]
    p = plan(
        ctx,
        issuer=ubnd,
        title=TITLE,
        legal_bases=legal_bases,
        number_symbol=NUMBER,
        place="Tp. Thanh Hóa",
        issued_on=D(2019, 2, 18),
        issued_on_precision=Plan.DatePrecision.DAY,
        period_start=D(2019, 1, 1),
        period_end=D(2019, 12, 31),
        programme_component=programme.gnbv_2016_2020,
        area=city,
        purpose=PURPOSE,
        # The plan has no funding section.
        funding="",
        signing_authority="KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Phạm Thị Việt Nga",
        recipients=RECIPIENTS,
    )

    # Section IV: Phòng Văn hóa Thông tin leads; the others cooperate where their duty touches the content.
    cooperating = {
        "1": [(labour, "Kiểm tra, đánh giá các chỉ số dịch vụ xã hội cơ bản về thông tin"), telecoms, commune_group],
        "2": [(labour, "Kiểm tra, đánh giá các chỉ số dịch vụ xã hội cơ bản về thông tin"), commune_group],
        "3": [radio_tv],
        "4": [radio_tv, office, commune_group],
    }
    activities = {}
    for order, (code, type_code, title, description) in enumerate(CONTENTS, start=1):
        activities[code] = activity(
            ctx,
            plan=p,
            section_code=code,
            type_code=type_code,
            order=order,
            title=title,
            description=description,
            lead_unit=culture,
            cooperating=cooperating[code],
            area=city,
            start_date=D(2019, 1, 1),
            due_date=D(2019, 12, 31),
            schedule_note="Năm 2019",
        )
    output(
        ctx,
        activities["1"],
        1,
        "Hộ nghèo thiếu hụt sử dụng dịch vụ viễn thông được tiếp cận thông tin",
        "hộ",
        200,
        indicators["telecom"],
    )
    output(
        ctx,
        activities["2"],
        1,
        "Hộ nghèo thiếu hụt về tài sản tiếp cận thông tin được tiếp cận thông tin",
        "hộ",
        21,
        indicators["assets"],
    )

    for commune, commune_committee, (_, poor, telecom, assets) in communes:
        target(ctx, p, indicators["poor"], commune, BASELINE_YEAR, poor)
        target(ctx, p, indicators["telecom"], commune, TARGET_YEAR, telecom)
        if assets is not None:
            target(ctx, p, indicators["assets"], commune, TARGET_YEAR, assets)
        # The seed does not say whether the communes wrote their plans: the task stays
        # "not started" (an unreported task from 2019 is the honest state).
        task(
            ctx,
            activities["1"],
            commune_committee,
            COMMUNE_PLAN,
            area=commune,
            due_date=D(2019, 2, 28),
            status="not_started",
        )

    deadline(
        ctx,
        p,
        "UBND các phường, xã xây dựng Kế hoạch triển khai thực hiện các chỉ tiêu thực hiện tiếp cận các dịch vụ xã hội "
        "cơ bản về thông tin được giao tại địa phương",
        Deadline.Kind.DATE,
        activity=activities["1"],
        responsible_unit=commune_group,
        due_date=D(2019, 2, 28),
        wording=COMMUNE_PLAN_WORDING,
    )
    report = "Báo cáo đánh giá kết quả thực hiện Kế hoạch về UBND thành phố (qua Phòng Văn hóa Thông tin)"
    common = {
        "reporter": commune_group,
        "recipient": ubnd,
        "active_from": D(2019, 1, 1),
        "active_to": D(2019, 12, 31),
    }
    reporting_rule(
        ctx,
        p,
        f"{report} – 6 tháng",
        ReportingRule.Frequency.HALF_YEAR,
        due_month=6,
        due_day=15,
        wording="6 tháng trước ngày 15/6/2019",
        **common,
    )
    reporting_rule(
        ctx,
        p,
        f"{report} – cả năm",
        ReportingRule.Frequency.ANNUAL,
        due_month=10,
        due_day=5,
        wording="cả năm trước ngày 05/10/2019",
        **common,
    )

    units = {
        "culture": culture,
        "labour": labour,
        "radio_tv": radio_tv,
        "office": office,
        "telecoms": telecoms,
        "communes": commune_group,
    }
    for order, (key, heading, text) in enumerate(DUTIES, start=1):
        duty(ctx, p, order, units[key], heading, text)
    return p
