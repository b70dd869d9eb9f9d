"""Seed 000: Kế hoạch 413/KH-UBND of UBND tỉnh Thừa Thiên Huế, 19/12/2023.

Smartphone support for poor, near-poor and policy households 2023–2025. The text below is
the plan's own; only OCR spacing slips were mended ("NQ- HĐND", "202 5 ;").
"""

from __future__ import annotations

from tracker.models import LegalDocument, Plan

from .base import Ctx, D, activity, document, duty, lines, plan
from .common import Programme, shared_document
from .hue import Hue

K = LegalDocument.Kind
NUMBER = "413/KH-UBND"
TITLE = (
    "Triển khai thực hiện chương trình hỗ trợ điện thoại thông minh cho hộ nghèo, cận nghèo và gia đình "
    "chính sách trên địa bàn tỉnh giai đoạn 2023-2025"
)

PURPOSE = lines(
    "1. Mục đích",
    "a) Triển khai thực hiện đồng bộ, kịp thời, có hiệu quả nội dung về hỗ trợ điện thoại thông minh theo Quyết định "
    "số 2269/QĐ-TTg ngày 31/12/2021 của Thủ tướng Chính phủ về việc phê duyệt Chương trình cung cấp dịch vụ viễn "
    "thông công ích đến năm 2025 và Thông tư số 14/2022/TT-BTTTT ngày 28/10/2022 của Bộ Thông tin và Truyền thông về "
    "Quy định danh mục, chất lượng dịch vụ viễn thông công ích và hướng dẫn thực hiện Chương trình cung cấp dịch vụ "
    "viễn thông công ích đến năm 2025; Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của Hội đồng nhân dân tỉnh ban "
    "hành Quy định các chính sách hỗ trợ giảm nghèo bền vững tỉnh Thừa Thiên Huế giai đoạn 2023-2025; góp phần cải "
    "thiện, nâng cao chất lượng đời sống vật chất và tinh thần cho người thuộc hộ nghèo, hộ cận nghèo và gia đình "
    "chính sách trên địa tỉnh đảm bảo hoàn thành mục tiêu, chỉ tiêu giảm nghèo thông tin và tăng tỷ lệ sử dụng điện "
    "thoại thông minh trên địa bàn.",
    "b) Phát huy vai trò, tăng cường trách nhiệm của các cấp ủy Đảng, chính quyền, Mặt trận Tổ quốc, các hội, đoàn "
    "thể và toàn thể nhân dân trên địa bàn tỉnh trong tổ chức thực hiện công tác giảm nghèo bền vững và hoàn thành các "
    "chỉ tiêu về phát triển hạ tầng số giai đoạn 2023-2025.",
    "2. Yêu cầu",
    "a) Chuẩn bị tốt các điều kiện về nguồn lực và các điều kiện khác, bảo đảm triển khai thực hiện việc hỗ trợ điện "
    "thoại thông minh theo Quyết định số 2269/QĐ-TTg ngày 31/12/2021 của Thủ tướng Chính phủ về việc phê duyệt Chương "
    "trình cung cấp dịch vụ viễn thông công ích đến năm 2025 và Thông tư số 14/2022/TT-BTTTT ngày 28/10/2022 của Bộ "
    "Thông tin và Truyền thông về Quy định danh mục, chất lượng dịch vụ viễn thông công ích và hướng dẫn thực hiện "
    "Chương trình cung cấp dịch vụ viễn thông công ích đến năm 2025; Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của "
    "Hội đồng nhân tỉnh ban hành Quy định các chính sách hỗ trợ giảm nghèo bền vững tỉnh Thừa Thiên Huế giai đoạn "
    "2023-2025.",
    "b) Thực hiện huy động các nguồn lực khác ngoài Chương trình viễn thông công ích để thực hiện hỗ trợ đảm bảo 100% "
    "hộ nghèo, cận nghèo và gia đình chính sách có nhu cầu được hỗ trợ điện thoại thông minh.",
    "c) Đảm bảo các chương trình hỗ trợ được kịp thời, đúng đối tượng; không phát sinh khiếu kiện, kiến nghị trong "
    "quá trình triển khai thực hiện.",
)

FUNDING = (
    "Kinh phí thực hiện các chính sách được sử dụng từ nguồn chương trình viễn thông công ích, nguồn ngân sách tỉnh "
    "để thực hiện Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của HĐND tỉnh quy định các chính sách hỗ trợ giảm "
    "nghèo bền vững tỉnh Thừa Thiên Huế giai đoạn 2023-2025; nguồn huy động hợp pháp và nguồn lực xã hội hóa."
)

RECIPIENTS = lines(
    "Bộ TTTT; (để b/c)",
    "Thường trực Tỉnh ủy; (để b/c)",
    "Thường trực HĐND tỉnh; (để b/c)",
    "CT, các PCT UBND tỉnh;",
    "Các Sở, ban, ngành cấp tỉnh;",
    "UBMTTQVN và các tổ chức CT-XH tỉnh;",
    "UBND các huyện, thị xã, thành phố Huế;",
    "VP: CVP, các PCVP;",
    "Lưu: VT, CN.",
)

CONTENT_1 = (
    "Tổ chức tuyên truyền, phổ biến, hướng dẫn thực hiện đầy đủ các nội dung quy định về việc hỗ trợ điện thoại "
    "thông minh tại Quyết định số 2269/QĐ-TTg ngày 31/12/2021 của Thủ tướng Chính phủ về việc phê duyệt Chương trình "
    "cung cấp dịch vụ viễn thông công ích đến năm 2025; Thông tư số 14/2022/TT-BTTTT ngày 28/10/2022 của Bộ Thông "
    "tin và Truyền thông về Quy định danh mục, chất lượng dịch vụ viễn thông công ích và hướng dẫn thực hiện Chương "
    "trình cung cấp dịch vụ viễn thông công ích đến năm 2025; Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của Hội "
    "đồng nhân dân tỉnh ban hành quy định các chính sách hỗ trợ giảm nghèo bền vững tỉnh Thừa Thiên Huế giai đoạn "
    "2023-2025 (phần hỗ trợ thiết bị nghe nhìn) và các chương trình hỗ trợ khác"
)
CONTENT_2 = (
    "Huy động các nguồn hỗ trợ khác để thực hiện hỗ trợ điện thoại thông minh cho các hộ nghèo, cận nghèo, và gia đình "
    "chính sách."
)
CONTENT_3 = "Thực hiện việc hỗ trợ điện thoại thông minh cho hộ nghèo, cận nghèo và gia đình chính sách."
CONTENT_4 = "Kiểm tra, giám sát việc thực hiện các chính sách về hỗ trợ điện thoại thông minh theo quy định."
# The plan ends section II with this line for all four contents; the appendix is not in the seed.
APPENDIX_NOTE = "(Chi tiết tại phụ lục đính kèm)"

# The three acts the duties keep citing, as the plan writes them.
_CITED = (
    "Quyết định số 2269/QĐ-TTg ngày 31/12/2021 của Thủ tướng Chính phủ về việc phê duyệt Chương trình cung cấp dịch vụ "
    "viễn thông công ích đến năm 2025{sep} Thông tư số 14/2022/TT-BTTTT ngày 28/10/2022 của Bộ Thông tin và Truyền "
    "thông về Quy định danh mục, chất lượng dịch vụ viễn thông công ích và hướng dẫn thực hiện Chương trình cung cấp "
    "dịch vụ viễn thông công ích đến năm 2025; Nghị quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của Hội đồng nhân dân tỉnh "
    "ban hành Quy định các chính sách hỗ trợ giảm nghèo bền vững tỉnh Thừa Thiên Huế giai đoạn 2023-2025"
)

DUTIES = [
    (
        "dic",
        "Sở Thông tin và Truyền thông",
        lines(
            "a) Chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh ban hành Quyết định tiêu "
            "chí, cách phân bổ điện thoại thông minh cho các huyện, thị xã, thành phố Huế từ chương trình viễn thông "
            "công ích đảm bảo đúng đối tượng theo quy định.",
            "b) Tổng hợp tham mưu trình Ủy ban nhân dân tỉnh phê duyệt danh sách hộ gia đình tại địa phương được nhận "
            "điện thoại thông minh từ chương trình viễn thông công ích và từ các chương trình của tỉnh.",
            "c) Chỉ đạo, hướng dẫn các cơ quan thông tấn báo chí, Cổng thông tin điện tử tỉnh, hệ thống thông tin cơ "
            "sở tuyên truyền về mục đích, ý nghĩa, nội dung về việc hỗ trợ điện thoại thông minh theo các chương "
            "trình đã được phê duyệt.",
            "d) Tổ chức kiểm tra việc thực hiện chính sách hỗ trợ tại địa phương.",
        ),
    ),
    (
        "labour",
        "Sở Lao động - Thương binh và Xã hội",
        lines(
            "a) Phối hợp, cung cấp cho Sở Thông tin và Truyền thông thông tin có liên quan về: hộ nghèo, hộ cận nghèo; "
            "hộ gia đình chính sách trên địa bàn để làm cơ sở phục vụ cho công tác hỗ trợ.",
            "b) Phối hợp đánh giá tiêu chí thiết hụt về thông tin trong việc thực hiện Chương trình mục tiêu quốc gia "
            "giảm nghèo bền vững giai đoạn 2021-2025.",
        ),
    ),
    (
        "finance_and_planning",
        "Sở Tài chính, Sở Kế hoạch và Đầu tư",
        "Phối hợp với Sở Thông tin và Truyền thông, Sở Lao động Thương binh và Xã hội và các ngành có liên quan tham "
        "mưu việc bố trí kinh phí để triển khai việc Hỗ trợ phương tiện nghe nhìn được quy định tại Điều 8 Nghị "
        "quyết số 20/2023/NQ-HĐND ngày 21/8/2023 của HĐND tỉnh quy định các chính sách hỗ trợ giảm nghèo bền vững "
        "tỉnh Thừa Thiên Huế giai đoạn 2023-2025.",
    ),
    (
        "departments",
        "Các Sở, ban, ngành, đơn vị có liên quan",
        lines(
            "a) Phối hợp tuyên truyền các chính sách về hỗ trợ điện thoại thông minh cho các hộ nghèo và cận nghèo, "
            "gia đình chính sách trên trang thông tin điện tử của đơn vị.",
            "b) Huy động các nguồn khác để hỗ trợ điện thoại thông minh cho các hộ nghèo và cận nghèo, gia đình chính "
            "sách (đối với các đối tượng chưa đủ điều kiện nhận hỗ trợ từ chương trình viễn thông công ích và chương "
            "trình của tỉnh).",
        ),
    ),
    (
        "districts",
        "Ủy ban nhân dân các huyện, thị xã và thành phố Huế",
        lines(
            "a) Chỉ đạo các phòng chuyên môn có liên quan tại địa phương và Ủy ban nhân dân các xã, phường, thị trấn "
            "thực hiện công tác tuyên truyền các nội dung của " + _CITED.format(sep=";") + " và Kế hoạch này để các cơ "
            "quan chức năng và nhân dân biết, triển khai thực hiện tại địa phương bảo đảm công khai, minh bạch, kịp "
            "thời, đầy đủ, đúng chính sách, đúng đối tượng.",
            "b) Tổng hợp, báo cáo số lượng đối tượng được hỗ trợ theo chương trình viễn thông công ích, chương trình "
            "của tinh (nếu có) và chịu trách nhiệm về sự chuẩn xác việc rà soát, phân loại, xét duyệt đối tượng thụ "
            "hưởng và các vấn đề khác liên quan đến việc triển khai thực hiện.",
            "c) Chủ động huy động các nguồn để thực hiện hỗ trợ điện thoại thông minh cho các hộ nghèo, cận nghèo, gia "
            "đình chính sách (đối những hộ không được hỗ trợ từ chương trình viễn thông công ích và chương trình của "
            "tỉnh).",
            "d) Chỉ đạo rà soát, thẩm định, phê duyệt danh sách và cấp phát điện thoại thông minh cho các đối tượng "
            "thuộc diện được hỗ trợ đảm bảo đúng quy định.",
            "e) Chỉ đạo thanh tra, kiểm tra, giám sát thường xuyên và đột xuất công tác triển khai và tổ chức thực "
            "hiện Kế hoạch, công tác cấp phát hỗ trợ, xét duyệt đối tượng được hỗ theo quy định.",
        ),
    ),
    (
        "front",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị-xã hội",
        lines(
            "a) Tổ chức tuyên truyền, phổ biến các nội dung về hỗ trợ điện thoại thông minh theo "
            + _CITED.format(sep=",")
            + " và các chương trình hỗ trợ khác theo Kế hoạch này.",
            "b) Phối hợp với các cấp, các ngành và các cơ quan liên quan tuyên truyền, vận động các tổ chức, cá nhân "
            "và hội viên, đoàn viên tham gia hỗ trợ điện thoại thông minh cho hộ nghèo, hộ cận nghèo, gia đình chính "
            "sách trên địa bàn tỉnh.",
            "c) Tăng cường giám sát việc thực hiện các chính sách hỗ trợ đối với hộ nghèo, hộ cận nghèo, gia đình "
            "chính sách trên địa bàn tỉnh.",
        ),
    ),
    (
        "telecoms",
        "Các doanh nghiệp viễn thông",
        lines(
            "a) Thực hiện các chương trình hỗ trợ điện thoại thông minh theo hướng dẫn của chương trình viễn thông "
            "công ích.",
            "b) Quan tâm thực hiện các chương trình hỗ trợ của doanh nghiệp đối với hộ nghèo, cận nghèo và gia đình "
            "chính sách trên địa bàn.",
        ),
    ),
    (
        "press",
        "Đài Phát thanh và Truyền hình tỉnh, Báo Thừa Thiên Huế",
        "Tổ chức tuyên truyền, phổ biến các nội dung về hỗ trợ điện thoại thông minh theo "
        + _CITED.format(sep=",")
        + " và các chương trình hỗ trợ khác theo Kế hoạch này.",
    ),
]


def load(ctx: Ctx, programme: Programme, hue: Hue) -> Plan:
    legal_bases = [
        shared_document(ctx, "2269/QĐ-TTg"),
        shared_document(ctx, "14/2022/TT-BTTTT"),
        document(
            ctx,
            K.RESOLUTION,
            "20/2023/NQ-HĐND",
            D(2023, 8, 21),
            "Hội đồng nhân dân tỉnh Thừa Thiên Huế",
            "Ban hành Quy định các chính sách hỗ trợ giảm nghèo bền vững tỉnh Thừa Thiên Huế giai đoạn 2023 - 2025",
        ),
        shared_document(ctx, "222/KH-UBND"),
        document(
            ctx,
            K.PLAN,
            "121/KH-UBND",
            D(2022, 3, 25),
            "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
            "Về Chương trình mục tiêu giảm nghèo bền vững giai đoạn 2021-2025 trên địa bàn tỉnh Thừa Thiên Huế",
        ),
        shared_document(ctx, "365/KH-UBND"),
    ]
    p = plan(
        ctx,
        issuer=hue.ubnd,
        title=TITLE,
        legal_bases=legal_bases,
        number_symbol=NUMBER,
        place="Thừa Thiên Huế",
        issued_on=D(2023, 12, 19),
        issued_on_precision=Plan.DatePrecision.DAY,
        period_start=D(2023, 1, 1),
        period_end=D(2025, 12, 31),
        programme_component=programme.subproject_1,
        area=hue.province,
        purpose=PURPOSE,
        funding=FUNDING,
        signing_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Phương",
        recipients=RECIPIENTS,
    )
    # The plan gives no timing per content, only the period of its title ("giai đoạn 2023-2025").
    period = {"start_date": D(2023, 1, 1), "due_date": D(2025, 12, 31), "schedule_note": "Giai đoạn 2023-2025"}
    # Section IV makes Sở TT&TT the lead ("Chủ trì, phối hợp…"); the cooperating units are
    # the groups whose section-IV duties concern each content.
    contents = [
        ("1", "outreach", CONTENT_1, [hue.radio_tv, hue.newspaper, hue.districts, hue.front, hue.departments]),
        ("2", "resource_mobilisation", CONTENT_2, [hue.departments, hue.districts, hue.front, hue.telecoms]),
        # IV.3: the finance and planning departments arrange the funds for the support itself.
        ("3", "smartphone_support", CONTENT_3, [hue.labour, hue.districts, hue.telecoms, hue.finance_and_planning]),
        ("4", "inspection", CONTENT_4, [hue.districts, hue.front]),
    ]
    for order, (code, type_code, title, cooperating) in enumerate(contents, start=1):
        activity(
            ctx,
            plan=p,
            section_code=code,
            type_code=type_code,
            order=order,
            title=title,
            description=APPENDIX_NOTE,
            lead_unit=hue.dic,
            cooperating=cooperating,
            **period,
        )
    for order, (key, heading, text) in enumerate(DUTIES, start=1):
        duty(ctx, p, order, getattr(hue, key), heading, text)
    return p
