"""Seed 001: the (unnumbered, undated) 2023 plan of UBND tỉnh Bắc Kạn.

Smartphone universal access for adults in the 8 communes piloting digital transformation.
The seed has no header: no number, no place, and no date beyond the year 2023 (it cites
documents of June 2023 and sets a deadline of 31/7/2023, but states no date of its own).
"""

from __future__ import annotations

from tracker.models import Area, Deadline, LegalDocument, Plan, ReportingRule, Unit

from .base import Ctx, D, activity, area, committee, deadline, document, duty, group, lines, plan, reporting_rule, unit
from .common import Programme, shared_document

K = LegalDocument.Kind
TITLE = (
    "Triển khai Chương trình hỗ trợ phổ cập điện thoại thông minh cho người dân trưởng thành tại 08 xã/phường thực "
    "hiện thí điểm chuyển đổi số năm 2023"
)

# III.1, in the plan's order: (district-level area, pilot commune).
PILOT_COMMUNES = [
    ("Thành phố Bắc Kạn", "Phường Sông Cầu"),
    ("Huyện Bạch Thông", "Xã Quang Thuận"),
    ("Huyện Ba Bể", "Xã Thượng Giáo"),
    ("Huyện Chợ Đồn", "Xã Nghĩa Tá"),
    ("Huyện Chợ Mới", "Xã Như Cố"),
    ("Huyện Ngân Sơn", "Xã Đức Vân"),
    ("Huyện Na Rì", "Xã Côn Minh"),
    ("Huyện Pác Nặm", "Xã Giáo Hiệu"),
]

# III.3, the two four-level priority orders, verbatim.
WHOLE_PHONE_PRIORITIES = [
    "Người dân trưởng thành thuộc hộ nghèo, hộ cận nghèo đồng thời là gia đình chính sách người có công với cách mạng.",
    "Người dân trưởng thành thuộc hộ nghèo, hộ cận nghèo đồng thời gia đình chính sách xã hội.",
    "Người dân trưởng thành thuộc hộ nghèo khác",
    "Người dân trưởng thành thuộc hộ cận nghèo khác.",
]
PARTIAL_FUNDING_PRIORITIES = [
    "Người dân trưởng thành thuộc hộ nghèo chưa có điện thoại thông minh.",
    "Người dân trưởng thành thuộc hộ nghèo có thành viên khác của gia đình đó đã được hỗ trợ nguyên chiếc điện thoại "
    "thông minh.",
    "Người dân trưởng thành thuộc hộ cận nghèo chưa có điện thoại thông minh.",
    "Người dân trưởng thành thuộc hộ cận nghèo có thành viên khác của gia đình đó đã được hỗ trợ nguyên chiếc điện "
    "thoại thông minh.",
]
# III.3, the four forms of support (each introduces its beneficiaries), verbatim.
SUPPORT_FORMS = [
    "Hỗ trợ nguyên chiếc điện thoại thông minh từ nguồn tiếp nhận được đối với người dân trưởng thành thuộc hộ nghèo, "
    "hộ cận nghèo chưa có điện thoại thông minh theo thứ tự ưu tiên như sau:",
    "Hỗ trợ một phần kinh phí từ các nguồn kinh phí huy động được đối với người dân trưởng thành chưa có điện thoại "
    "thông minh thuộc các đối tượng theo thứ tự ưu tiên như sau:",
    "Hỗ trợ của doanh nghiệp, cửa hàng bán điện thoại thông minh (tặng máy điện thoại, giảm giá thành điện thoại, bán "
    "điện thoại trả góp hoặc các hình thức hỗ trợ khác): Các đối tượng được hỗ trợ do đơn vị kinh doanh xác định (tính "
    "khuyến khích ưu tiên hỗ trợ người dân thuộc hộ nghèo, hộ cận nghèo).",
    "Hỗ trợ trực tiếp từ các cơ quan, đơn vị, tổ chức, doanh nghiệp, cá nhân: Các đối tượng được hỗ trợ do đơn vị, cá "
    "nhân xác định (tính khuyến khích ưu tiên hỗ trợ người dân thuộc hộ nghèo, hộ cận nghèo).",
]

SUPPORT_DESCRIPTION = lines(
    "1. Phạm vi thực hiện",
    "Tại 08 đơn vị cấp xã được UBND các huyện, thành phố lựa chọn là đơn vị triển khai thí điểm chuyển đổi số "
    "(phường Sông Cầu, thành phố Bắc Kạn; xã Quang Thuận, huyện Bạch Thông; xã Thượng Giáo, huyện Ba Bể; xã Nghĩa "
    "Tá, huyện Chợ Đồn; xã Như Cố, huyện Chợ Mới; xã Đức Vân, huyện Ngân Sơn; xã Côn Minh, huyện Na Rì; xã Giáo "
    "Hiệu, huyện Pác Nặm).",
    "2. Đối tượng hỗ trợ",
    "Người dân trưởng thành sinh sống tại 8 xã/phường thí điểm chuyển đổi số.",
    "3. Hình thức hỗ trợ",
    "- " + SUPPORT_FORMS[0],
    *("+ " + item for item in WHOLE_PHONE_PRIORITIES),
    "- " + SUPPORT_FORMS[1],
    *("+ " + item for item in PARTIAL_FUNDING_PRIORITIES),
    "- " + SUPPORT_FORMS[2],
    "- " + SUPPORT_FORMS[3],
    "4. Phương thức tiếp nhận hỗ trợ",
    "Có thể lựa chọn một trong các hình thức sau:",
    "- Tại cấp tỉnh: Sở Thông tin và Truyền thông làm đầu mối tiếp nhận hỗ trợ thông qua hình thức hỗ trợ bằng hiện "
    "vật điện thoại hoặc bằng tiền mặt từ các cơ quan, đơn vị, tổ chức, doanh nghiệp, cá nhân trong và ngoài tỉnh có "
    "nhu cầu hỗ trợ Chương trình; xây dựng phương án phân bổ nguồn hỗ trợ cho các huyện/thành phố, xã/phường thí "
    "điểm chuyển đổi số.",
    "- Tại cấp huyện, cấp xã: UBND các huyện/thành phố, UBND các xã/phường thí điểm chuyển đổi số làm đầu mối tiếp "
    "nhận hỗ trợ thông qua hình thức hỗ trợ bằng hiện vật điện thoại hoặc bằng tiền mặt từ các đơn vị, tổ chức, "
    "doanh nghiệp, cá nhân trong và ngoài tỉnh có nhu cầu hỗ trợ Chương trình. Trên cơ sở nguồn hỗ trợ tiếp nhận "
    "hoặc được phân bổ, UBND xã/phường lựa chọn, lập danh sách người dân được hỗ trợ theo thứ tự ưu tiên tại tiểu "
    "mục 3, mục III của Kế hoạch này.",
    "- Các đối tượng được hỗ trợ có thể tiếp nhận trực tiếp từ các đơn vị, tổ chức, doanh nghiệp, cá nhân trong và "
    "ngoài tỉnh.",
    "5. Tính năng của điện thoại thông minh",
    "Điện thoại thông minh được hỗ trợ phải được cài đặt, cập nhật đầy đủ các tính năng, ứng dụng cơ bản, đáp ứng tra "
    "cứu thông tin liên lạc nhanh chóng và trực quan; cập nhật thông tin nhanh chóng, sử dụng làm phương tiện thanh "
    "toán trực tuyến tiện lợi, làm phương tiện học tập và làm việc từ xa hiệu quả và sử dụng được dịch vụ 3G/4G...",
)

PURPOSE = lines(
    "1. Giúp người dân trưởng thành nói chung và các hộ gia đình nói riêng đang sinh sống tại 8 xã/phường thực hiện "
    "thí điểm chuyển đổi số có cơ hội tìm hiểu, tiếp cận với các ứng dụng về thông tin và khoa học công nghệ, các "
    "dịch vụ công trực tuyến, qua đó góp phần nâng cao trình độ hiểu biết, kịp thời cập nhật các thông tin tuyên "
    "truyền, thực hiện tốt các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; nâng cao tỷ lệ sử "
    "dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt, định danh điện tử... từng bước hình thành “xã hội "
    "số”, “công dân số”; nâng cao tỷ lệ dân số trưởng thành có điện thoại thông minh và tỷ lệ hộ gia đình có người "
    "có điện thoại thông minh trên địa bàn tỉnh, từ đó thực hiện thành công Chương trình chuyển đổi số quốc gia, Đề "
    "án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia (Đề án "
    "06) tại địa phương.",
    "2. Phần đầu 100% người dân trưởng thành¹ sinh sống tại 8 xã/phường thí điểm chuyển đổi số có điện thoại thông "
    "minh để sử dụng.",
    "3. Điện thoại được hỗ trợ đảm bảo đúng đối tượng, không trùng lặp, không để xảy ra tình trạng tiêu cực, lãng "
    "phí trong quá trình thực hiện; cài đặt đầy đủ các ứng dụng, đáp ứng tra cứu thông tin, liên lạc nhanh chóng và "
    "trực quan; sử dụng làm phương tiện thanh toán trực tuyến tiện lợi, làm phương tiện học tập và làm việc từ xa "
    "hiệu quả...",
    "¹ Người đủ 18 tuổi trở lên.",
)

FUNDING = (
    "Kinh phí triển khai Chương trình hỗ trợ phổ cập điện thoại thông minh cho các hộ nghèo, hộ cận nghèo tại 08 "
    "xã/phường thực hiện thí điểm chuyển đổi số năm 2023 chủ yếu từ nguồn huy động xã hội hóa, hỗ trợ của các cơ quan, "
    "đơn vị, tổ chức, doanh nghiệp, cá nhân và nguồn ngân sách Trung ương, địa phương (nếu có)."
)

RECIPIENTS = lines(
    "Bộ TT&TT (b/c);",
    "TT Tỉnh ủy (b/c);",
    "CT, các PCT UBND tỉnh;",
    "Ủy ban MTTQ Việt Nam tỉnh;",
    "Các cơ quan tham mưu, giúp việc TU;",
    "Các sở, ban, ngành, đoàn thể tỉnh;",
    "Cơ quan TU trên địa bàn tỉnh;",
    "Hiệp hội DN tỉnh; Hội Doanh nhân trẻ;",
    "Các doanh nghiệp viễn thông CNTT trên địa bàn tỉnh;",
    "Cấp ủy, UBND huyện, thành phố;",
    "Cấp ủy, UBND 8 xã/phường thuộc Chương trình;",
    "LĐVP;",
    "Phòng HCTC-QTTV;",
    "Lưu: VT, NCTH, Nhung VX",
)

DRIVE_DEADLINE_WORDING = "văn bản trình UBND tỉnh ban hành trước ngày 31/7/2023"

DUTIES = [
    (
        "dic",
        "Sở Thông tin và Truyền thông",
        lines(
            "- Chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các tổ chức đoàn thể, chính trị - xã hội "
            "và các đơn vị liên quan tham mưu cho UBND tỉnh tổ chức đợt cao điểm quyên góp, ủng hộ cho Chương trình "
            "hỗ trợ phổ cập điện thoại thông minh cho người dân tại 08 xã/phường thực hiện thí điểm chuyển đổi số "
            "năm 2023; " + DRIVE_DEADLINE_WORDING + ".",
            "- Tham mưu cho UBND tỉnh mời các địa phương, cơ quan, tổ chức, đơn vị liên quan, doanh nghiệp, cửa hàng "
            "kinh doanh điện thoại thông minh trên địa bàn tỉnh tham dự Hội nghị tuyên truyền, phổ biến, quán triệt, "
            "trao đổi, thống nhất phương thức tổ chức thực hiện Chương trình.",
            "- Làm đầu mối tiếp nhận hỗ trợ thông qua hình thức hỗ trợ bằng hiện vật điện thoại hoặc bằng tiền mặt từ "
            "các đơn vị, tổ chức, doanh nghiệp, cá nhân trong và ngoài tỉnh ủng hộ Chương trình; xây dựng phương án "
            "phân bổ nguồn hỗ trợ cho các huyện/thành phố, xã/phường thí điểm chuyển đổi số đảm bảo đúng đối tượng, "
            "đúng mục đích, công khai, minh bạch.",
            "- Có trách nhiệm hướng dẫn, hỗ trợ các huyện/thành phố, xã/phường về cách thức tiếp nhận, phân bổ và "
            "triển khai; tổng hợp báo cáo tình hình tiếp nhận và phân bổ theo tháng (trước 20 hàng tháng) và tham "
            "mưu tổng kết việc thực hiện Chương trình, đánh giá, rút kinh nghiệm để nhân rộng việc phổ cập điện "
            "thoại thông minh trên địa bàn tỉnh.",
            "- Chỉ đạo các cơ quan báo chí của tỉnh tăng cường công tác tuyên truyền về mục đích, ý nghĩa của Chương "
            "trình đến các tổ chức, doanh nghiệp và Nhân dân được biết, tích cực tham gia ủng hộ.",
        ),
    ),
    (
        "committees",
        "UBND các huyện, thành phố; UBND các xã, phường thí điểm",
        lines(
            "- Lập và duyệt danh sách người dân thuộc đối tượng hỗ trợ; làm đầu mối tiếp nhận tại cấp huyện, cấp xã và "
            "thực hiện việc phân bổ, bàn giao cho các đối tượng được hưởng hỗ trợ đảm bảo đúng đối tượng, đúng mục "
            "đích, công khai, minh bạch. Đồng thời tổng hợp số liệu trao tặng, phân bổ, bàn giao gửi Sở Thông tin và "
            "Truyền thông tổng hợp báo cáo UBND tỉnh theo quy định.",
            "- UBND các huyện, thành phố chủ động cân đối, bố trí kinh phí hỗ trợ ban đầu cho Chương trình; chỉ đạo "
            "UBND tại 08 xã/phường thực hiện thí điểm chuyển đổi số năm 2023 khuyến khích người dân chủ động mua và sử "
            "dụng điện thoại thông minh; tổ chức tuyên truyền, vận động người dân/người thân của các hộ dân sinh sống "
            "tại địa bàn và các nhà hảo tâm tham gia ủng hộ Chương trình, tặng điện thoại thông minh hoặc hỗ trợ mua "
            "điện thoại thông minh cho người dân sống trên địa bàn.",
            "- Tổ chức tuyên truyền hướng dẫn người dân quản lý và sử dụng thiết bị điện thoại thông minh đảm bảo hiệu "
            "quả.",
        ),
    ),
    (
        "departments",
        "Các sở, ban, ngành tỉnh",
        "Theo chức năng, nhiệm vụ, triển khai, phối hợp thực hiện Chương trình đảm bảo phù hợp, hiệu quả; vận động, "
        "kêu gọi trong toàn ngành ủng hộ, hỗ trợ để thực hiện Chương trình, góp phần hướng tới mục tiêu người dân sinh "
        "sống tại địa bàn 8 xã/phường triển khai thí điểm chuyển đổi số có điện thoại thông minh để sử dụng.",
    ),
    (
        "front",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tỉnh",
        "Phối hợp với Sở Thông tin và Truyền thông phát động, ủng hộ Chương trình đến Ủy ban Mặt trận Tổ quốc các cấp "
        "và các tổ chức thành viên; phối hợp với các cơ quan, đơn vị liên quan tổ chức tuyên truyền, vận động, ủng hộ "
        "Chương trình.",
    ),
    (
        "associations",
        "Đề nghị Hiệp hội Doanh nghiệp tỉnh, Hội Doanh nhân trẻ tỉnh",
        "Tổ chức tuyên truyền, vận động các doanh nghiệp trên địa bàn tỉnh hưởng ứng tham gia ủng hộ Chương trình "
        "(bằng kinh phí hoặc tặng máy điện thoại thông minh) để giúp người dân sinh sống tại địa bàn 8 xã/phường "
        "triển khai thí điểm chuyển đổi số có điện thoại thông minh để sử dụng.",
    ),
    (
        "telecoms",
        "Đề nghị các doanh nghiệp viễn thông - CNTT, cửa hàng bán điện thoại thông minh trên địa bàn tỉnh",
        lines(
            "- Tiếp tục phủ sóng di động băng rộng tại các thôn, bản vùng “lõm” sóng; triển khai hạ tầng băng rộng cố "
            "định (cáp quang) để phủ cập mạng băng rộng cáp quang đến 100% các thôn trên địa bàn tỉnh; phối hợp cùng "
            "với tỉnh nâng cao tỷ lệ hộ gia đình có kết nối internet.",
            "- Hỗ trợ các gói cước Internet cho đối tượng được hỗ trợ thuộc Chương trình.",
            "- Tham gia ủng hộ nguồn lực (máy điện thoại thông minh, kinh phí...) cho Chương trình; triển khai các "
            "chính sách hỗ trợ giảm giá thành điện thoại, hỗ trợ mua điện thoại trả góp với lãi suất thấp hoặc các "
            "hình thức hỗ trợ khác cho các đối tượng được hưởng hỗ trợ tại Kế hoạch này.",
            "- Hỗ trợ cài đặt các ứng dụng trên điện thoại thông minh.",
        ),
    ),
    (
        "donors",
        "Đề nghị các đơn vị, tổ chức, doanh nghiệp, cá nhân, nhà hảo tâm, nhà tài trợ",
        "Quan tâm, tích cực tham gia ủng hộ Chương trình, đồng hành cùng với tỉnh Bắc Kạn đẩy nhanh quá trình chuyển "
        "đổi số cho người dân trên địa bàn tỉnh.",
    ),
]


def load(ctx: Ctx, programme: Programme) -> Plan:
    kind = Unit.Kind
    province = area(ctx, "Tỉnh Bắc Kạn", Area.Level.PROVINCE)
    ubnd = committee(ctx, province)
    district_committees, commune_committees = [], []
    for district_name, commune_name in PILOT_COMMUNES:
        district = area(ctx, district_name, Area.Level.DISTRICT, province)
        district_committee = committee(ctx, district, parent=ubnd)
        commune = area(ctx, commune_name, Area.Level.COMMUNE, district, is_digital_pilot=True)
        district_committees.append(district_committee)
        commune_committees.append(committee(ctx, commune, parent=district_committee))

    dic = unit(
        ctx,
        "Sở Thông tin và Truyền thông tỉnh Bắc Kạn",
        kind.DEPARTMENT,
        area=province,
        parent=ubnd,
        short_name="Sở TT&TT",
    )
    departments = group(ctx, "Các sở, ban, ngành tỉnh Bắc Kạn", kind.DEPARTMENT, area=province)
    districts = group(
        ctx,
        "UBND các huyện, thành phố tỉnh Bắc Kạn",
        kind.PEOPLES_COMMITTEE,
        members=district_committees,
        area=province,
    )
    pilots = group(
        ctx,
        "UBND 08 xã/phường thí điểm chuyển đổi số tỉnh Bắc Kạn",
        kind.PEOPLES_COMMITTEE,
        members=commune_committees,
        area=province,
    )
    # VI.2 gives the district and the commune committees one paragraph: one group holding all
    # sixteen directly, so each committee's officers see the duty.
    committees = group(
        ctx,
        "UBND các huyện, thành phố; UBND các xã, phường thí điểm (tỉnh Bắc Kạn)",
        kind.PEOPLES_COMMITTEE,
        members=district_committees + commune_committees,
        area=province,
    )
    front_committee = unit(ctx, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Kạn", kind.MASS_ORGANISATION, area=province)
    front = group(
        ctx,
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể tỉnh Bắc Kạn",
        kind.MASS_ORGANISATION,
        members=[front_committee],
        area=province,
    )
    business_association = unit(ctx, "Hiệp hội Doanh nghiệp tỉnh Bắc Kạn", kind.BUSINESS_ASSOCIATION, area=province)
    young_entrepreneurs = unit(ctx, "Hội Doanh nhân trẻ tỉnh Bắc Kạn", kind.BUSINESS_ASSOCIATION, area=province)
    associations = group(
        ctx,
        "Hiệp hội Doanh nghiệp tỉnh, Hội Doanh nhân trẻ tỉnh Bắc Kạn",
        kind.BUSINESS_ASSOCIATION,
        members=[business_association, young_entrepreneurs],
        area=province,
    )
    telecoms = group(
        ctx,
        "Các doanh nghiệp viễn thông - CNTT, cửa hàng bán điện thoại thông minh trên địa bàn tỉnh Bắc Kạn",
        kind.TELECOM,
        area=province,
    )
    donors = group(
        ctx,
        "Các đơn vị, tổ chức, doanh nghiệp, cá nhân, nhà hảo tâm, nhà tài trợ (tỉnh Bắc Kạn)",
        kind.OTHER,
        area=province,
    )

    # Section I lists these without "Căn cứ"; they are the plan's legal bases, in its order.
    legal_bases = [
        document(
            ctx,
            K.DECREE,
            "07/2021/NĐ-CP",
            D(2021, 1, 27),
            "Chính phủ",
            "Quy định chuẩn nghèo đa chiều gia đoạn 2021 - 2025",
        ),
        document(
            ctx,
            K.DECISION,
            "861/QĐ-TTg",
            D(2021, 6, 4),
            "Thủ tướng Chính phủ",
            "Phê duyệt danh sách các xã khu vực III, khu vực II, khu vực I thuộc vùng đồng bào dân tộc thiểu số và "
            "miền núi giai đoạn 2021 - 2025",
        ),
        shared_document(ctx, "2269/QĐ-TTg"),
        shared_document(ctx, "14/2022/TT-BTTTT"),
        document(
            ctx,
            K.DECISION,
            "1506/QĐ-BTTTT",
            D(2022, 8, 12),
            "Bộ Thông tin và Truyền thông",
            "Phân bổ máy tính bảng thuộc Chương trình cung cấp dịch vụ viễn thông công ích đến năm 2025 cho các tỉnh, "
            "thành phố trực thuộc Trung ương",
        ),
        document(
            ctx,
            K.NOTICE,
            "1085-TB/TU",
            D(2023, 6, 29),
            "Ban Thường vụ Tỉnh ủy Bắc Kạn",
            "Về nội dung Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 56 (khóa XII), nhiệm kỳ 2020 - 2025",
        ),
        document(
            ctx,
            K.PLAN,
            "369/KH-UBND",
            D(2023, 6, 14),
            "UBND tỉnh Bắc Kạn",
            "Về thí điểm triển khai thực hiện chuyển đổi số tại 08 xã/phường/thị trấn trên địa bàn tỉnh Bắc Kạn năm "
            "2023",
        ),
    ]
    p = plan(
        ctx,
        issuer=ubnd,
        title=TITLE,
        legal_bases=legal_bases,
        # Only the year is known: stored as 1 January with precision "year".
        issued_on=D(2023, 1, 1),
        issued_on_precision=Plan.DatePrecision.YEAR,
        period_start=D(2023, 1, 1),
        period_end=D(2023, 12, 31),
        programme_component=programme.subproject_1,
        area=province,
        purpose=PURPOSE,
        funding=FUNDING,
        signing_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Đăng Bình",
        recipients=RECIPIENTS,
    )

    # Section V gives the timing of two strands; III describes the support itself. The plan
    # does not number them as contents, so the section codes point at where each is written.
    outreach = activity(
        ctx,
        plan=p,
        section_code="V.1",
        type_code="outreach",
        order=1,
        title="Triển khai công tác tuyên truyền",
        description=lines(
            "Triển khai công tác tuyên truyền: Ngay khi Kế hoạch được ban hành.",
            "Chỉ đạo các cơ quan báo chí của tỉnh tăng cường công tác tuyên truyền về mục đích, ý nghĩa của Chương "
            "trình đến các tổ chức, doanh nghiệp và Nhân dân được biết, tích cực tham gia ủng hộ (VI.1).",
        ),
        lead_unit=dic,
        cooperating=[front, districts, pilots, associations],
        start_date=None,
        due_date=None,
        schedule_note="Ngay khi Kế hoạch được ban hành",
    )
    drive = activity(
        ctx,
        plan=p,
        section_code="V.2",
        type_code="resource_mobilisation",
        order=2,
        title="Tổ chức đợt cao điểm quyên góp, ủng hộ cho Chương trình",
        description=lines(
            "Tổ chức đợt cao điểm quyên góp, ủng hộ cho Chương trình: Bắt đầu từ tháng 8/2023 đến hết năm 2023.",
            "Sở Thông tin và Truyền thông (VI.1): " + DUTIES[0][2].splitlines()[0][2:],
        ),
        lead_unit=dic,
        cooperating=[front, departments, districts, associations, telecoms, donors],
        start_date=D(2023, 8, 1),
        due_date=D(2023, 12, 31),
        schedule_note="Bắt đầu từ tháng 8/2023 đến hết năm 2023",
    )
    activity(
        ctx,
        plan=p,
        section_code="III",
        type_code="smartphone_support",
        order=3,
        title="Hỗ trợ phổ cập điện thoại thông minh cho người dân trưởng thành tại 08 xã/phường thực hiện thí điểm "
        "chuyển đổi số",
        description=SUPPORT_DESCRIPTION,
        lead_unit=dic,
        cooperating=[districts, pilots, telecoms],
        start_date=D(2023, 1, 1),
        due_date=D(2023, 12, 31),
        schedule_note="Năm 2023",
    )

    deadline(
        ctx,
        p,
        "Văn bản tham mưu UBND tỉnh tổ chức đợt cao điểm quyên góp, ủng hộ cho Chương trình",
        Deadline.Kind.DATE,
        activity=drive,
        responsible_unit=dic,
        due_date=D(2023, 7, 31),
        wording=DRIVE_DEADLINE_WORDING,
    )
    deadline(
        ctx,
        p,
        "Triển khai công tác tuyên truyền",
        Deadline.Kind.ON_ISSUE,
        activity=outreach,
        responsible_unit=dic,
        wording="Ngay khi Kế hoạch được ban hành",
    )
    deadline(
        ctx,
        p,
        "Tổ chức đợt cao điểm quyên góp, ủng hộ cho Chương trình",
        Deadline.Kind.WINDOW,
        activity=drive,
        responsible_unit=dic,
        window_start=D(2023, 8, 1),
        window_end=D(2023, 12, 31),
        wording="Bắt đầu từ tháng 8/2023 đến hết năm 2023",
    )
    # The plan does not say when the monthly report starts or stops; it reports receipts and
    # allocations, so it is taken to run for the drive (8/2023 to the end of 2023). "Trước 20
    # hàng tháng" for a month's receipts and allocations is read as the report of a complete
    # month, due by the 20th of the next (September's by 20/10/2023): a month's receipts are
    # known once it has ended. Every page and report takes this one date from the rule.
    reporting_rule(
        ctx,
        p,
        "Báo cáo tình hình tiếp nhận và phân bổ theo tháng",
        ReportingRule.Frequency.MONTHLY,
        reporter=dic,
        recipient=ubnd,
        due_day=20,
        due_following_month=True,
        active_from=D(2023, 8, 1),
        active_to=D(2023, 12, 31),
        wording="trước 20 hàng tháng",
    )
    units = {
        "dic": dic,
        "committees": committees,
        "departments": departments,
        "front": front,
        "associations": associations,
        "telecoms": telecoms,
        "donors": donors,
    }
    for order, (key, heading, text) in enumerate(DUTIES, start=1):
        duty(ctx, p, order, units[key], heading, text)
    return p
