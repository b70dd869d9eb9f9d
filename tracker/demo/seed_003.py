"""Seed 003: Kế hoạch 421/KH-UBND of UBND tỉnh Thừa Thiên Huế, 22/11/2023.

Outreach on switching to smartphones and digital platforms 2023–2025: six topics (kept in
the purpose, as they apply to every method) and four methods, each loaded as an activity.
"""

from __future__ import annotations

from tracker.models import LegalDocument, Plan

from .base import Ctx, D, activity, document, duty, lines, plan
from .common import Programme, shared_document
from .hue import Hue

K = LegalDocument.Kind
NUMBER = "421/KH-UBND"
TITLE = (
    "Phổ biến, hướng dẫn, tuyên truyền về chuyển đổi sang sử dụng điện thoại thông minh, sử dụng các nền tảng số giai "
    "đoạn 2023 - 2025"
)

PURPOSE = lines(
    "1. Mục đích",
    "a) Cung cấp thông tin, tài liệu, kiến thức về các chủ trương, định hướng của tỉnh về chuyển đổi số trên 03 trụ "
    "cột: chính quyền số, xây dựng xã hội số, phát triển kinh tế số với mục tiêu: “Đến năm 2030, Thừa Thiên Huế là "
    "một trong những trung tâm lớn, đặc sắc của khu vực Đông Nam Á về văn hóa, du lịch và y tế chuyên sâu; một trong "
    "những trung tâm lớn của cả nước về khoa học và công nghệ, giáo dục và đào tạo đa ngành, đa lĩnh vực, chất lượng "
    "cao; quốc phòng, an ninh được bảo đảm vững chắc; Đảng bộ, chính quyền và toàn hệ thống chính trị vững mạnh; đời "
    "sống vật chất và tinh thần của Nhân dân đạt mức cao. Tầm nhìn đến năm 2045, Thừa Thiên Huế là thành phố "
    "Festival, trung tâm văn hóa, giáo dục, du lịch và y tế chuyên sâu đặc sắc của châu Á (Nghị quyết số 54-NQ/TW "
    "ngày 10 tháng 12 năm 2019 của Bộ Chính trị về xây dựng và phát triển tỉnh Thừa Thiên Huế đến năm 2030, định "
    "hướng đến 2045).",
    "b) Hướng dẫn các kỹ năng, thao tác sử dụng các nền tảng số trên điện thoại thông minh đảm bảo hiệu quả, lan tỏa "
    "tích cực.",
    "c) Cung cấp các thông tin chính sách của nhà nước, các đơn vị có liên quan về sử dụng điện thoại thông minh và "
    "các nền tảng số nhằm thúc đẩy việc sử dụng điện thoại thông minh và nền tảng số trên địa bàn tỉnh để phát triển "
    "phát triển chính quyền số, xã hội số và kinh tế số.",
    "2. Yêu cầu",
    "a) Nội dung tuyên truyền, tập huấn phải đảm bảo thiết thực, theo phương châm “dễ nhớ, dễ hiểu, dễ làm” và phù hợp "
    "với các đối tượng.",
    "b) Các nội dung và hoạt động tuyên truyền phải được phối hợp linh hoạt, kịp thời, chất lượng, thiết thực, tận "
    "dụng ưu thế của mạng xã hội, phương tiện truyền thông đại chúng để các nội dung tuyên truyền có sức lan tỏa "
    "rộng rãi trong cộng đồng, góp phần thay đổi nhận thức, hành động của cơ quan, đơn vị, doanh nghiệp và người dân "
    "về chuyển đổi sang sử dụng điện thoại thông minh, sử dụng các nền tảng số.",
    # Section II (the six topics) applies to every method of section III: kept with the purpose.
    "II. NỘI DUNG THỰC HIỆN",
    "Tuyên truyền các nội dung liên quan đến chủ trương, chính sách của Trung ương và của tỉnh về phát triển chính "
    "quyền số, xây dựng xã hội số, phát triển kinh tế số trong các ngành, lĩnh vực để thúc đẩy hoàn thành các nội dung "
    "trong Chương trình chuyển đổi số quốc gia, Nghị quyết 54-NQ/TW của Bộ Chính trị và Nghị quyết 12-NQ/TU của Tỉnh "
    "ủy về chuyển đổi số. Tập trung các nội dung cụ thể sau:",
    "1. Tuyên truyền các quan điểm, chủ trương của Đảng, chính sách pháp luật của Nhà nước về chuyển đổi số và kết quả "
    "thực hiện ứng dụng công nghệ thông tin, xây dựng chính quyền số, chuyển đổi số ở các cấp, các ngành, các địa "
    "phương.",
    "2. Tuyên truyền những khái niệm cơ bản, tầm quan trọng, ý nghĩa, mục tiêu và tác động của chuyển đổi số, chính "
    "quyền số, công nghệ số; lợi ích của việc chuyển sang sử dụng điện thoại thông minh và các nền tảng số trong việc "
    "phát triển chính quyền số, kinh tế số và xã hội số.",
    "3. Thông tin tuyên truyền những chính sách về hỗ trợ điện thoại thông minh và hỗ trợ cước sử dụng dịch vụ viễn "
    "thông phổ cập cho hộ nghèo, cận nghèo theo Quyết định số 2269/QĐ-TTg ngày 31/12/2021 của Thủ tướng Chính phủ về "
    "việc phê duyệt Chương trình cung cấp dịch vụ viễn thông công ích đến năm 2025 và Thông tư số 14/2022/TT-BTTTT "
    "ngày 28/10/2022 của Bộ Thông tin và Truyền thông về Quy định danh mục, chất lượng dịch vụ viễn thông công ích "
    "và hướng dẫn thực hiện Chương trình cung cấp dịch vụ viễn thông công ích đến năm 2025 và các chương trình hỗ "
    "trợ từ tỉnh và các Doanh nghiệp nhằm thúc đẩy sử dụng điện thoại thông minh trên địa bàn tỉnh.",
    "4. Truyền thông, hướng dẫn sử dụng các nền tảng số. Xây dựng Hue-S thành nền tảng phổ biến trong kết nối hệ sinh "
    "thái xã hội số tỉnh Thừa Thiên Huế.",
    "5. Tuyên truyền về việc nhập khẩu, phân phối, mua bán thiết bị đầu cuối thông tin di động mặt đất của các tổ "
    "chức, cá nhân trên thị trường phải được tích hợp công nghệ 4G theo Thông tư số 43/2020/TT-BTTTT ngày 31/12/2020 "
    "về việc ban hành Quy chuẩn kỹ thuật quốc gia về thiết bị đầu cuối thông tin di động mặt đất – Phần truy cập vô "
    "tuyến.",
    "6. Truyền thông về chủ trương tắt sóng 2G theo lộ trình của Bộ Thông tin và Truyền thông.",
)

FUNDING = lines(
    "1. Kinh phí thực hiện Kế hoạch gồm: Ngân sách Nhà nước theo quy định phân cấp ngân sách Nhà nước hiện hành; lồng "
    "ghép kinh phí từ các chương trình, dự án kế hoạch khác có liên quan, nguồn của các doanh nghiệp viễn thông và các "
    "nguồn kinh phí hợp pháp khác theo quy định của pháp luật.",
    "2. Các đơn vị xây dựng dự toán kinh phí gửi Sở Sở Tài chính thẩm định trình Ủy ban nhân dân tỉnh phê duyệt để "
    "thực hiện Kế hoạch và chủ động huy động bố trí các nguồn vốn liên quan khác.",
)

RECIPIENTS = lines(
    "Bộ TTTT;",
    "CT và các PCT UBND tỉnh;",
    "Ban Tuyên giáo Tỉnh ủy;",
    "CVP, PCVP và các CV;",
    "Lưu: VT, CN.",
)

CO_LEAD = "Đồng chủ trì"

DUTIES = [
    (
        "dic",
        "Sở Thông tin và Truyền thông.",
        lines(
            "a) Chủ trì, triển khai xây dựng và thực hiện theo từng năm; định kỳ tổng hợp, báo cáo Ủy ban nhân dân "
            "tỉnh công tác triển khai Kế hoạch.",
            "b) Chỉ đạo các cơ quan báo chí, hệ thống thông tin cơ sở tuyên truyền các nội dung Kế hoạch theo sự chỉ "
            "đạo của Ủy ban nhân dân tỉnh; thực hiện công tác giám sát, đánh giá những kết quả đạt được trong quá "
            "trình triển khai thực hiện các nhiệm vụ của Kế hoạch.",
            "c) Chỉ đạo, hỗ trợ các doanh nghiệp viễn thông thực hiện các nội dung tuyên truyền chính sách của doanh "
            "nghiệp để thúc đẩy sử dụng điện thoại thông minh trên địa bàn tỉnh.",
            # The seed letters two paragraphs "c)"; kept as written.
            "c) Tham mưu, thực hiện công tác thông tin báo cáo kết quả thực hiện của kế hoạch về Ủy ban nhân dân "
            "tỉnh và tham mưu xử lý kịp thời các khó khăn vướng mắc trong quá trình thực hiện",
        ),
    ),
    (
        "finance",
        "Sở Tài chính.",
        "Căn cứ khả năng cân đối ngân sách, tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí từ ngân sách Nhà nước để "
        "triển khai các nhiệm vụ của Kế hoạch theo quy định của Luật Ngân sách Nhà nước.",
    ),
    (
        "press",
        "Báo Thừa Thiên Huế, Đài Phát thanh và Truyền hình tỉnh.",
        "Tăng cường các tin bài, thời lượng, bố trí khung giờ phát sóng phù hợp để tuyên truyền về nội dung chuyển đổi "
        "sang sử dụng điện thoại thông minh, sử dụng các nền tảng số trong chuyên mục chuyển đổi số.",
    ),
    (
        "districts",
        "Ủy ban nhân dân các huyện, thị xã, thành phố Huế.",
        "Tổ chức thực hiện các nội dung tuyên truyền của kế hoạch trên địa bàn, hỗ trợ các doanh nghiệp tuyên truyền "
        "các chính sách của đơn vị nhằm thúc đẩy sử dụng điện thoại thông minh trên địa bàn.",
    ),
    (
        "telecoms",
        "Các doanh nghiệp viễn thông.",
        lines(
            "a) Thực hiện tuyên truyền các chính sách của doanh nghiệp về hỗ trợ thúc đẩy sử dụng điện thoại thông "
            "minh của người dân trên địa bàn.",
            "b) Phối hợp hướng dẫn hỗ trợ các thuê bao điện thoại sử dụng các nền tảng số trên điện thoại thông minh.",
        ),
    ),
]


def load(ctx: Ctx, programme: Programme, hue: Hue) -> Plan:
    legal_bases = [
        document(
            ctx,
            K.DECISION,
            "749/QĐ-TTg",
            D(2020, 6, 3),
            "Thủ tướng Chính phủ",
            # The seed opens the quotation mark and never closes it; closed here.
            "Phê duyệt “Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030”",
        ),
        document(
            ctx,
            K.DECISION,
            "885/QĐ-BTTTT",
            D(2023, 5, 25),
            "Bộ Thông tin và Truyền thông",
            "Ban hành Bộ tiêu chí đánh giá phát triển hạ tầng số của các tỉnh, thành phố trực thuộc Trung ương",
        ),
        document(
            ctx,
            K.RESOLUTION,
            "12-NQ/TU",
            D(2021, 11, 12),
            "Tỉnh ủy Thừa Thiên Huế",
            "Về chuyển đổi số tỉnh Thừa Thiên Huế đến năm 2025, định hướng đến năm 2030",
        ),
        # The seed does not name the issuer; a "QĐ-UBND" approving the province's own programme,
        # cited by UBND tỉnh Thừa Thiên Huế, is taken to be its own decision.
        document(
            ctx,
            K.DECISION,
            "1957/QĐ-UBND",
            D(2020, 7, 31),
            "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
            "Về việc phê duyệt Chương trình Chuyển đổi số tỉnh Thừa Thiên Huế",
        ),
        shared_document(ctx, "222/KH-UBND"),
        shared_document(ctx, "365/KH-UBND"),
    ]
    p = plan(
        ctx,
        issuer=hue.ubnd,
        title=TITLE,
        legal_bases=legal_bases,
        number_symbol=NUMBER,
        place="Thừa Thiên Huế",
        issued_on=D(2023, 11, 22),
        issued_on_precision=Plan.DatePrecision.DAY,
        period_start=D(2023, 1, 1),
        period_end=D(2025, 12, 31),
        programme_component=programme.subproject_1,
        area=hue.province,
        purpose=PURPOSE,
        funding=FUNDING,
        signing_authority="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Thanh Bình",
        recipients=RECIPIENTS,
    )

    # An activity has one lead unit. Where a method names several ("Đơn vị chủ trì: Sở TT&TT,
    # Báo …, Đài …"), Sở TT&TT (named first) leads, and the others are cooperating units with
    # the role "Đồng chủ trì" and are named in the description, so no lead is lost.
    methods = [
        (
            "1",
            "media_production",
            "Tuyên truyền trên các phương tiện thông tin đại chúng",
            lines(
                "a) Hình thức thực hiện: Xây dựng chuyên trang, chuyên mục; tăng cường số lượng tin, bài, phóng sự, "
                "thông điệp truyền thông trên các báo chí, Trang thông tin điện tử, Cổng thông tin chuyển đổi số, đài "
                "truyền thanh cơ sở.",
                "b) Đơn vị chủ trì: Sở Thông tin và Truyền thông, Báo Thừa Thiên Huế, Đài Phát thanh và Truyền hình "
                "tỉnh, Trung tâm Văn hóa Thông tin và Truyền thông các huyện thị xã, thành phố Huế.",
                "c) Đơn vị phối hợp: UBND các huyện, thị xã, Thành phố Huế, các Sở, ban, ngành liên quan.",
                "d) Thời gian thực hiện: Năm 2023 – 2025.",
                f"{CO_LEAD}: Báo Thừa Thiên Huế, Đài Phát thanh và Truyền hình tỉnh, Trung tâm Văn hóa Thông tin và "
                "Truyền thông các huyện thị xã, thành phố Huế.",
            ),
            hue.dic,
            [
                (hue.newspaper, CO_LEAD),
                (hue.radio_tv, CO_LEAD),
                (hue.media_centres, CO_LEAD),
                hue.districts,
                hue.departments,
            ],
            "Năm 2023 – 2025",
        ),
        (
            "2",
            "outreach",
            "Truyền thông trên các trang mạng xã hội Facebook, Zalo, Hue-S",
            lines(
                "a) Hình thức thực hiện: Xây dựng các thông điệp, Infographic tuyên truyền về việc sử dụng điện thoại "
                "thông minh và sử dụng các nền tảng số.",
                "b) Đơn vị chủ trì: Sở Thông tin và Truyền thông, các Doanh nghiệp viễn thông.",
                "c) Đơn vị phối hợp: Ủy ban nhân dân các huyện, thị xã, thành phố Huế.",
                "c) Thời gian thực hiện: 2023 - 2025.",
                f"{CO_LEAD}: các Doanh nghiệp viễn thông.",
            ),
            hue.dic,
            [(hue.telecoms, CO_LEAD), hue.districts],
            "2023 - 2025",
        ),
        (
            "3",
            "outreach",
            "Truyền thông trực tiếp",
            lines(
                "a) Hình thức thực hiện: Truyền thông, tư vấn tại điểm giao dịch của đơn vị",
                "b) Đơn vị chủ trì : Các Doanh nghiệp viễn thông.",
                "c) Đơn vị phối hợp: Sở Thông tin và Truyền thông.",
                "c) Thời gian thực hiện: 2023 – 2025.",
            ),
            hue.telecoms,
            [hue.dic],
            "2023 – 2025",
        ),
        (
            "4",
            "outreach",
            "Hướng dẫn sử dụng các nền tảng số",
            lines(
                "a) Hình thức thực hiện: Tổ chức hội nghị hướng dẫn sử dụng các nền tảng số.",
                "b) Đơn vị chủ trì: Sở Thông tin và Truyền thông.",
                "c) Đơn vị phối hợp: Ủy ban nhân dân các huyện, thị xã, thành phố Huế; các Sở ban ngành liên quan.",
                "d) Thời gian thực hiện: 2023 - 2025.",
            ),
            hue.dic,
            [hue.districts, hue.departments],
            "2023 - 2025",
        ),
    ]
    for order, (code, type_code, title, description, lead, cooperating, schedule) in enumerate(methods, start=1):
        activity(
            ctx,
            plan=p,
            section_code=code,
            type_code=type_code,
            order=order,
            title=title,
            description=description,
            lead_unit=lead,
            cooperating=cooperating,
            start_date=D(2023, 1, 1),
            due_date=D(2025, 12, 31),
            schedule_note=schedule,
        )
    for order, (key, heading, text) in enumerate(DUTIES, start=1):
        duty(ctx, p, order, getattr(hue, key), heading, text)
    return p
