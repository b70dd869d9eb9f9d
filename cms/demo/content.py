"""The demo campaign of seed 003 (Kế hoạch 421/KH-UBND, Thừa Thiên Huế, 22/11/2023) and its
sample articles.

The campaign's title, period, topics and methods are the plan's own words. The articles are
sample text written for the demo on the plan's six topics: each is marked `is_sample` (the
page says "Bài mẫu" to every reader) and states no figure, date or name the seed does not.
"""

from __future__ import annotations

import datetime

D = datetime.date

CAMPAIGN = {
    "slug": "chuyen-doi-so-dien-thoai-thong-minh-2023-2025",
    "title": "Chuyển đổi sang điện thoại thông minh, sử dụng các nền tảng số 2023 – 2025",
    "summary": (
        "Phổ biến, hướng dẫn, tuyên truyền về chuyển đổi sang sử dụng điện thoại thông minh, sử dụng các nền tảng "
        "số trên địa bàn tỉnh Thừa Thiên Huế, theo Kế hoạch 421/KH-UBND ngày 22/11/2023 của UBND tỉnh."
    ),
    "period_start": D(2023, 1, 1),
    "period_end": D(2025, 12, 31),
    "body": (
        "<p>Nội dung tuyên truyền theo phương châm “dễ nhớ, dễ hiểu, dễ làm”, phù hợp với từng đối tượng, tận dụng "
        "mạng xã hội và phương tiện truyền thông đại chúng để lan tỏa rộng rãi trong cộng đồng.</p>"
        "<h2>Phương thức thực hiện</h2><ol>"
        "<li>Tuyên truyền trên các phương tiện thông tin đại chúng: chuyên trang, chuyên mục; tin, bài, phóng sự, "
        "thông điệp truyền thông.</li>"
        "<li>Truyền thông trên các trang mạng xã hội Facebook, Zalo, Hue-S: thông điệp, infographic.</li>"
        "<li>Truyền thông trực tiếp: tư vấn tại điểm giao dịch của doanh nghiệp viễn thông.</li>"
        "<li>Hướng dẫn sử dụng các nền tảng số: hội nghị hướng dẫn.</li></ol>"
    ),
    # Section II of the plan, word for word (shortened where the plan cites long titles).
    "topics": [
        (
            "Chủ trương, chính sách về chuyển đổi số",
            "Quan điểm, chủ trương của Đảng, chính sách pháp luật của Nhà nước về chuyển đổi số và kết quả xây dựng "
            "chính quyền số, chuyển đổi số ở các cấp, các ngành, các địa phương.",
        ),
        (
            "Lợi ích của điện thoại thông minh và nền tảng số",
            "Khái niệm cơ bản, tầm quan trọng, ý nghĩa, mục tiêu và tác động của chuyển đổi số; lợi ích của việc "
            "chuyển sang sử dụng điện thoại thông minh và các nền tảng số.",
        ),
        (
            "Chính sách hỗ trợ điện thoại thông minh và cước viễn thông",
            "Hỗ trợ điện thoại thông minh và cước dịch vụ viễn thông phổ cập cho hộ nghèo, cận nghèo theo Quyết "
            "định số 2269/QĐ-TTg và Thông tư số 14/2022/TT-BTTTT; các chương trình hỗ trợ của tỉnh và doanh nghiệp.",
        ),
        (
            "Hướng dẫn sử dụng các nền tảng số",
            "Truyền thông, hướng dẫn sử dụng các nền tảng số; xây dựng Hue-S thành nền tảng phổ biến trong kết nối "
            "hệ sinh thái xã hội số tỉnh Thừa Thiên Huế.",
        ),
        (
            "Thiết bị đầu cuối phải tích hợp công nghệ 4G",
            "Thiết bị đầu cuối thông tin di động mặt đất nhập khẩu, phân phối, mua bán trên thị trường phải được "
            "tích hợp công nghệ 4G theo Thông tư số 43/2020/TT-BTTTT.",
        ),
        ("Tắt sóng 2G", "Chủ trương tắt sóng 2G theo lộ trình của Bộ Thông tin và Truyền thông."),
    ],
}

# (slug, kind, title, summary, image theme, palette, activity section, tags, audiences, days before
# the end of the campaign it was published, body blocks)
ARTICLES = [
    {
        "slug": "ho-ngheo-can-ngheo-duoc-ho-tro-dien-thoai-thong-minh",
        "kind": "news",
        "title": "Hộ nghèo, hộ cận nghèo được hỗ trợ điện thoại thông minh (bài mẫu)",
        "summary": (
            "Theo Quyết định số 2269/QĐ-TTg và Thông tư số 14/2022/TT-BTTTT, hộ nghèo, hộ cận nghèo được hỗ trợ "
            "điện thoại thông minh và cước sử dụng dịch vụ viễn thông phổ cập."
        ),
        "image": ("policy", "purple", "Hỗ trợ điện thoại thông minh"),
        "section": "1",
        "tags": ["điện thoại thông minh", "hộ nghèo", "chính sách"],
        "audiences": ["Hộ nghèo, hộ cận nghèo", "Người dân nói chung"],
        "published": D(2025, 9, 12),
        "body": [
            (
                "paragraph",
                "<p>Chương trình cung cấp dịch vụ viễn thông công ích đến năm 2025 (Quyết định số 2269/QĐ-TTg ngày "
                "31/12/2021 của Thủ tướng Chính phủ) hỗ trợ hộ nghèo, hộ cận nghèo có điện thoại thông minh để "
                "sử dụng dịch vụ viễn thông và tiếp cận thông tin.</p>"
                "<p>Thông tư số 14/2022/TT-BTTTT ngày 28/10/2022 của Bộ Thông tin và Truyền thông quy định danh mục, "
                "chất lượng dịch vụ viễn thông công ích và hướng dẫn thực hiện chương trình.</p>",
            ),
            (
                "quote",
                (
                    "Mỗi hộ gia đình có một chiếc điện thoại thông minh là có thêm một cửa ngõ để nhận thông tin, "
                    "dịch vụ công và cơ hội sinh kế.",
                    "Thông điệp truyền thông (mẫu)",
                ),
            ),
            (
                "paragraph",
                "<h2>Cần làm gì để được hỗ trợ?</h2><ul><li>Liên hệ UBND xã, phường nơi cư trú để được hướng dẫn "
                "về đối tượng và hồ sơ.</li><li>Hỏi thêm tại điểm giao dịch của doanh nghiệp viễn thông.</li></ul>",
            ),
        ],
    },
    {
        "slug": "nam-loi-ich-khi-dung-dien-thoai-thong-minh",
        "kind": "article",
        "title": "Năm lợi ích khi chuyển sang dùng điện thoại thông minh (bài mẫu)",
        "summary": (
            "Nhận thông tin chính thống, làm thủ tục hành chính trực tuyến, thanh toán không dùng tiền mặt, học "
            "tập và bán hàng trên mạng: những điều một chiếc điện thoại thông minh mở ra cho mỗi gia đình."
        ),
        "image": ("smartphone", "blue", "Điện thoại thông minh trong mỗi gia đình"),
        "section": "1",
        "tags": ["điện thoại thông minh", "chuyển đổi số"],
        "audiences": ["Người dân nói chung", "Người cao tuổi"],
        "published": D(2025, 10, 3),
        "body": [
            (
                "paragraph",
                "<p>Chuyển sang điện thoại thông minh không chỉ là đổi một chiếc máy. Đó là bước đầu để mỗi người "
                "dân tham gia chính quyền số, kinh tế số và xã hội số.</p><ol><li><b>Thông tin chính thống</b>: "
                "nhận tin của chính quyền qua các ứng dụng và trang tin.</li><li><b>Dịch vụ công trực tuyến</b>: "
                "nộp hồ sơ, tra cứu kết quả mà không phải đi lại.</li><li><b>Thanh toán không dùng tiền mặt</b>: "
                "trả tiền điện, nước, học phí.</li><li><b>Học tập</b>: bài giảng, tài liệu cho học sinh và người "
                "lớn.</li><li><b>Bán hàng trên mạng</b>: đưa nông sản, sản phẩm địa phương đến người mua.</li></ol>",
            ),
            (
                "table",
                {
                    "caption": "Việc thường ngày, làm trên điện thoại thông minh (minh họa)",
                    "rows": [
                        ["Việc cần làm", "Trước đây", "Với điện thoại thông minh"],
                        ["Nộp hồ sơ hành chính", "Đến trụ sở UBND", "Nộp trực tuyến"],
                        ["Trả tiền điện, nước", "Trả tại nhà hoặc quầy", "Thanh toán trên ứng dụng"],
                        ["Nhận thông báo của xã", "Loa truyền thanh, họp thôn", "Tin nhắn, ứng dụng Hue-S"],
                    ],
                },
            ),
        ],
    },
    {
        "slug": "infographic-4-buoc-dung-hue-s",
        "kind": "infographic",
        "title": "Infographic: 4 bước bắt đầu dùng Hue-S (mẫu)",
        "summary": "Tải ứng dụng, đăng ký tài khoản, chọn dịch vụ, gửi phản ánh: bốn bước để bắt đầu dùng Hue-S.",
        "image": ("platforms", "green", "4 bước dùng nền tảng số Hue-S"),
        "section": "2",
        "tags": ["Hue-S", "nền tảng số", "hướng dẫn"],
        "audiences": ["Người dân nói chung", "Thanh niên, học sinh"],
        "published": D(2025, 10, 20),
        "body": [
            (
                "paragraph",
                "<ol><li>Tải ứng dụng Hue-S từ kho ứng dụng của điện thoại.</li><li>Đăng ký tài khoản bằng số "
                "điện thoại.</li><li>Chọn dịch vụ cần dùng.</li><li>Gửi phản ánh, kiến nghị và theo dõi kết quả "
                "xử lý.</li></ol>",
            ),
            ("image", ("platforms", "green", "Các bước dùng Hue-S (minh họa)")),
        ],
    },
    {
        "slug": "phong-su-buoi-huong-dan-nen-tang-so-o-thon",
        "kind": "reportage",
        "title": "Phóng sự: Một buổi hướng dẫn nền tảng số ở thôn (bài mẫu)",
        "summary": (
            "Cán bộ, đoàn viên thanh niên và nhân viên doanh nghiệp viễn thông cùng hướng dẫn người dân cài đặt, "
            "sử dụng các nền tảng số ngay tại nhà văn hóa thôn."
        ),
        "image": ("meeting", "teal", "Hướng dẫn nền tảng số tại thôn"),
        "section": "1",
        "tags": ["nền tảng số", "hướng dẫn", "cộng đồng số"],
        "audiences": ["Đồng bào dân tộc thiểu số", "Người cao tuổi"],
        "published": D(2025, 11, 8),
        "body": [
            (
                "paragraph",
                "<p>Buổi sáng, nhà văn hóa thôn đông hơn thường lệ. Người dân mang theo điện thoại để được hướng "
                "dẫn cài đặt ứng dụng, tạo tài khoản và thử gửi một phản ánh đầu tiên.</p><p>Những câu hỏi được "
                "giải đáp ngay: quên mật khẩu thì làm sao, nhận tin nhắn lạ thì xử lý thế nào, làm sao để con "
                "cháu ở xa gọi video về nhà.</p>",
            ),
            (
                "quote",
                ("Biết dùng rồi thấy dễ, không khó như mình nghĩ.", "Một người dân tham dự (nhân vật mẫu)"),
            ),
            ("image", ("meeting", "teal", "Buổi hướng dẫn tại nhà văn hóa thôn (minh họa)")),
        ],
    },
    {
        "slug": "tat-song-2g-nguoi-dung-may-2g-can-lam-gi",
        "kind": "news",
        "title": "Tắt sóng 2G: người đang dùng máy chỉ hỗ trợ 2G cần làm gì? (bài mẫu)",
        "summary": (
            "Sóng 2G được tắt theo lộ trình của Bộ Thông tin và Truyền thông. Người đang dùng máy chỉ hỗ trợ 2G nên "
            "chuyển sang máy hỗ trợ 4G để không bị gián đoạn liên lạc."
        ),
        "image": ("2g", "orange", "Chuyển từ máy 2G sang máy 4G"),
        "section": "1",
        "tags": ["tắt sóng 2G", "4G", "điện thoại thông minh"],
        "audiences": ["Người cao tuổi", "Người dân vùng biên giới", "Người dân nói chung"],
        "published": D(2025, 11, 25),
        "body": [
            (
                "paragraph",
                "<p>Việc tắt sóng 2G được thực hiện theo lộ trình của Bộ Thông tin và Truyền thông. Người đang dùng "
                "điện thoại chỉ hỗ trợ 2G nên kiểm tra máy của mình và chuyển sang máy hỗ trợ 4G.</p><h2>Kiểm tra "
                "thế nào?</h2><ul><li>Hỏi tại điểm giao dịch của nhà mạng.</li><li>Xem thông tin kỹ thuật của máy "
                "(có ghi 4G/LTE hay không).</li></ul><p>Hộ nghèo, hộ cận nghèo có thể tìm hiểu chính sách hỗ trợ "
                "điện thoại thông minh tại UBND xã, phường.</p>",
            ),
        ],
    },
    {
        "slug": "phong-van-vi-sao-may-ban-ra-phai-ho-tro-4g",
        "kind": "interview",
        "title": "Phỏng vấn: Vì sao điện thoại bán ra phải hỗ trợ 4G? (bài mẫu)",
        "summary": (
            "Thông tư số 43/2020/TT-BTTTT yêu cầu thiết bị đầu cuối thông tin di động mặt đất nhập khẩu, phân "
            "phối, mua bán trên thị trường phải tích hợp công nghệ 4G. Bài phỏng vấn mẫu giải thích vì sao."
        ),
        "image": ("4g", "blue", "Thiết bị đầu cuối tích hợp 4G"),
        "section": "1",
        "tags": ["4G", "thiết bị đầu cuối", "chính sách"],
        "audiences": ["Doanh nghiệp, hộ kinh doanh", "Người dân nói chung"],
        "published": D(2025, 12, 10),
        "body": [
            (
                "paragraph",
                "<p><b>Hỏi:</b> Quy định về thiết bị đầu cuối tích hợp 4G áp dụng cho ai?</p><p><b>Đáp:</b> Cho "
                "các tổ chức, cá nhân nhập khẩu, phân phối, mua bán thiết bị đầu cuối thông tin di động mặt đất "
                "trên thị trường, theo Thông tư số 43/2020/TT-BTTTT ngày 31/12/2020.</p><p><b>Hỏi:</b> Người dân "
                "được lợi gì?</p><p><b>Đáp:</b> Máy hỗ trợ 4G dùng được các nền tảng số, gọi điện chất lượng tốt "
                "hơn và không bị ảnh hưởng khi sóng 2G được tắt theo lộ trình.</p>",
            ),
            (
                "quote",
                (
                    "Chọn máy hỗ trợ 4G là chọn một chiếc máy dùng được lâu dài.",
                    "Đại diện Sở Thông tin và Truyền thông (lời mẫu)",
                ),
            ),
        ],
    },
]

LIBRARY_EXTRACT = {
    "title": "Kế hoạch 421/KH-UBND – bản trích (mẫu)",
    "lines": [
        "UBND tỉnh Thừa Thiên Huế, ngày 22 tháng 11 năm 2023",
        "Phổ biến, hướng dẫn, tuyên truyền về chuyển đổi sang sử dụng",
        "điện thoại thông minh, sử dụng các nền tảng số giai đoạn 2023 - 2025",
        "",
        "II. NỘI DUNG THỰC HIỆN (trích)",
        "1. Chủ trương, chính sách về chuyển đổi số",
        "2. Lợi ích của điện thoại thông minh và các nền tảng số",
        "3. Chính sách hỗ trợ điện thoại thông minh, cước viễn thông",
        "4. Hướng dẫn sử dụng các nền tảng số; Hue-S",
        "5. Thiết bị đầu cuối phải tích hợp công nghệ 4G",
        "6. Tắt sóng 2G theo lộ trình của Bộ Thông tin và Truyền thông",
        "",
        "Bản trích để minh họa thư viện văn bản; không thay thế văn bản gốc.",
    ],
}


# The portal's frame (cms.PortalSettings): seed 003's plan 421/KH-UBND is issued by the
# province's People's Committee and led by its Department of Information and Communications.
# No person, address, phone, e-mail or licence number is given anywhere: those stay blank, and
# the licence line says that this is a sample site.
PORTAL_FRAME = {
    "governing_body": "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
    "agency": "Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế",
    "licence": "Trang mẫu để trình diễn phần mềm, chưa được cấp phép (mẫu)",
}

CONTACT_PAGE = {
    "title": "Hỏi đáp – Góp ý",
    "slug": "hoi-dap-gop-y",
    "intro": "<p>Gửi câu hỏi hoặc góp ý về các chiến dịch truyền thông, hỗ trợ điện thoại thông minh và nền tảng "
    "số. Bộ phận kiểm duyệt của trang sẽ trả lời qua thư điện tử hoặc điện thoại.</p>",
    "thank_you": "<p>Cảm ơn bạn. Câu hỏi, góp ý đã được chuyển tới bộ phận kiểm duyệt của trang.</p>",
    # (label, Wagtail field type, required, help text)
    "fields": [
        ("Họ và tên", "singleline", True, ""),
        ("Thư điện tử", "email", False, "Để chúng tôi trả lời bạn (thư điện tử hoặc số điện thoại)."),
        ("Số điện thoại", "singleline", False, ""),
        ("Câu hỏi, góp ý", "multiline", True, ""),
    ],
}
