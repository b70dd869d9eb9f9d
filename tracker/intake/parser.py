"""Read the text of a plan in the administrative style of NĐ 30/2020 into a `Draft`.

The parser knows the anatomy every seed shares (header, "Căn cứ …", I. Mục đích, yêu cầu,
II. Nội dung, III. Kinh phí, IV. Tổ chức thực hiện, Nơi nhận, signature) and the phrases
plans use for who leads ("chủ trì"), who cooperates ("phối hợp"), timings and reporting
rules. It touches no database: names of units and documents stay as written, and
`tracker.intake.matching` resolves them. What it had to guess is listed as uncertain.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from . import dates
from .draft import Activity, Budget, Deadline, Draft, Duty, LegalBasis, Output, ReportingRule, Signer, Source

# --- text and lines ---------------------------------------------------------------------------


def normalise(text: str) -> str:
    """The text the parser (and the review screen) works on: NFC, no markdown emphasis or
    footnote marks, and a paragraph broken across a page rejoined."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\xa0", " ").replace("\t", " ")
    text = re.sub(r"\s*\^\{([^}]*)\}", r" \1", text)
    # OCR spacing slips inside document numbers: "NQ- HĐND", "TT- BTTTT".
    text = re.sub(r"(?<=[A-ZĐ])- (?=[A-ZĐ]{2})", "-", text)
    text = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", "", text)
    text = text.replace("**", "").replace("*", "")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    pending_blank = False
    for line in lines:
        if not line:
            pending_blank = True
            continue
        # A line that starts in lower case continues the previous one (page or column break).
        continues = line[0].islower() and not re.match(r"^[a-zđ]\)\s", line)
        if out and out[-1] and continues and not out[-1].endswith((".", ";", ":", "!", "?")):
            out[-1] = out[-1] + " " + line
        else:
            if pending_blank and out:
                out.append("")
            out.append(line)
        pending_blank = False
    return "\n".join(out).strip() + "\n"


_STRUCTURAL = re.compile(
    r"^([IVX]{1,4}\s*[.\-–]?\s+[A-ZĐ]|\d+(\.\d+)*\.?\s|[a-zđ]\)|[-+•–]|Căn cứ|Thực hiện|N[ơo]i nhận|Số\s*:|"
    r"(TM|KT|Q|TL|TUQ)\.|Trên đây|\()"
)


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def unwrap(text: str) -> str:
    """Undo the line wrapping of a page (PDF text layer, OCR): a long line that does not end a
    sentence continues on the next unless that one starts a heading, an item or a bullet.
    Also mends OCR slips in document numbers ("BT'TTT", "BTTTT-⏎KHTC")."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\f", "\n")
    text = re.sub(r"(?<=[A-ZĐ])['’‘`](?=[A-ZĐ])", "", text)
    lines = [line.strip() for line in text.split("\n")]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return text
    full = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        previous = next((candidate for candidate in reversed(out) if candidate), "")
        long_previous = len(previous) >= 0.75 * full and not previous.endswith((".", ";", ":", "!", "?", "/."))
        # A numbered heading goes on only in lower case ("2.2. Sản xuất … để cung cấp⏎nội dung …").
        heading = re.match(r"^(\d+(\.\d+)*\.|[IVX]{1,4}\.?)\s", previous) and not line[:1].islower()
        if previous and long_previous and not heading and not _STRUCTURAL.match(line) and not _mostly_upper(previous):
            while out and not out[-1]:
                out.pop()  # a blank line OCR put inside a paragraph
            if previous.endswith("-") and re.search(r"/[A-ZĐ]+-$", previous):
                out[-1] = previous + line  # "252/BTTTT-" + "KHTC"
            else:
                out[-1] = previous + " " + line
        else:
            out.append(line)
    return "\n".join(out)


@dataclass
class Line:
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(Line(pos, raw))
        pos += len(raw) + 1
    return out


def span_of(lines: list[Line]) -> tuple[int, int] | None:
    return (lines[0].start, lines[-1].end) if lines else None


def join(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def title_case_words(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())


# --- vocabulary ---------------------------------------------------------------------------------

DOC_KINDS = {
    "luật": "law",
    "nghị định": "decree",
    "quyết định": "decision",
    "thông tư liên tịch": "circular",
    "thông tư": "circular",
    "nghị quyết": "resolution",
    "kế hoạch": "plan",
    "công văn": "official_letter",
    "văn bản": "official_letter",
    "thông báo": "notice",
    "chỉ thị": "other",
}
_DOC = re.compile(
    r"(?P<kind>Luật|Nghị định|Quyết định|Thông tư liên tịch|Thông tư|Nghị quyết|Kế hoạch|Công văn|Văn bản|Thông báo|"
    r"Chỉ thị)\s+(?:số\s*)?(?P<number>\d+(?:\s*/\s*\d{4})?\s*[/-]\s*[A-ZĐ][A-ZĐa-zđ0-9&]*"
    r"(?:\s*[-/]\s*[A-ZĐ0-9&][A-ZĐa-zđ0-9&]*)*)"
    r"(?P<after>\s*,?\s*ngày\s+(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
)
_DOC_REST = re.compile(
    r"^\s*(?:của\s+(?P<issuer>.+?)\s+)?(?P<title>(?:về|Về|V/v|phê duyệt|Phê duyệt|ban hành|Ban hành|quy định|Quy định|"
    r"phân bổ|hướng dẫn|Hướng dẫn|giao|triển khai)\b.*)?$"
)

_ROMAN_HEADING = re.compile(r"^(?P<num>[IVX]{1,4})(?:\s*[\.\-–]\s*|\s+(?=[A-ZĐ]))(?P<title>\S.*)$")
_ITEM = re.compile(r"^(?P<num>\d{1,2})\s*[\.\)]\s*(?P<title>\S.*)$")
_SUBITEM = re.compile(r"^(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?P<title>\S.*)$")
_LETTER = re.compile(r"^[a-zđ]\)\s*")
_BULLET = re.compile(r"^[-+•–]\s*")

STOP_TITLE = (
    r"^(Căn cứ|Thực hiện\s+(Luật|Nghị|Quyết|Thông|Kế hoạch|Công văn|Chỉ thị|Văn bản)|(Ủy ban|Uỷ ban|UBND)\s.*ban hành"
    r"|Nhằm|I\.\s)"
)
SECTION_KINDS = [
    ("bases", ("CĂN CỨ",)),
    ("purpose", ("MỤC ĐÍCH",)),
    ("targets", ("MỤC TIÊU",)),
    ("methods", ("PHƯƠNG THỨC", "HÌNH THỨC")),
    ("contents", ("NỘI DUNG", "NHIỆM VỤ")),
    ("funding", ("KINH PHÍ",)),
    ("schedule", ("TIẾN ĐỘ", "THỜI GIAN")),
    ("organisation", ("TỔ CHỨC THỰC HIỆN",)),
]

# Words a unit's name starts with, to split "A, B, C" lists whose names hold commas themselves.
UNIT_HEADS = (
    "UBND", "Ủy ban", "Uỷ ban", "Sở", "Báo", "Đài", "Trung tâm", "Phòng", "Ban ", "Hội", "Hiệp hội", "Văn phòng",
    "Công an", "Bộ Chỉ huy", "Bưu điện", "Tỉnh đoàn", "Liên đoàn", "Viettel", "VNPT", "MobiFone", "Mobifone",
    "các Sở", "các sở", "Các sở", "Các Sở", "các Doanh nghiệp", "các doanh nghiệp", "Các doanh nghiệp",
    "Các Doanh nghiệp", "các đơn vị", "Các đơn vị", "các cơ quan", "Các cơ quan", "các tổ chức", "Cổng",
    "Chi nhánh", "Tổng công ty", "Công ty", "Trường", "Thư viện", "Nhà xuất bản",
)  # fmt: skip
DESCRIPTOR_TITLES = ("phạm vi", "đối tượng", "hình thức", "phương thức", "tính năng", "nội dung", "điều kiện")
CLOSING = re.compile(
    r"^(Trên đây|Yêu cầu|Đề nghị các cơ quan|(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố|huyện|xã)\s+"
    r"(yêu cầu|đề nghị)|Trong quá trình)"
)
SIGN_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*\S")
RECIPIENTS_HEAD = re.compile(r"^N[ơo]i nh[ậa]n\s*:?\s*(.*)$", re.IGNORECASE)
OUTPUT_UNITS = (
    "lượt người", "lượt", "lớp", "xã", "tin, bài", "tin bài", "phóng sự", "điểm", "hộ", "tài liệu", "đài", "cụm loa",
    "cụm", "chương trình", "sản phẩm", "ấn phẩm", "đầu sách", "cuốn", "bản", "máy", "điện thoại", "hội nghị",
    "chuyên mục", "video", "infographic", "tin", "bài", "người",
)  # fmt: skip
_OUTPUT = re.compile(
    r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d+)\s+(" + "|".join(re.escape(unit) for unit in OUTPUT_UNITS) + r")(?![\wÀ-ỹ/])"
)
_NAME = r"[A-ZĐÂĂÊÔƠƯ][^\s,;.()/]*(?: [A-ZĐÂĂÊÔƠƯ][^\s,;.()/]*)*"
_COMMUNE = re.compile(rf"\b([Xx]ã|[Pp]hường|[Tt]hị trấn|các xã|các phường)[ ]+({_NAME}(?:(?:, | và ){_NAME})*)")
MONEY_UNITS = {"đồng": 1, "nghìn đồng": 1_000, "ngàn đồng": 1_000, "triệu đồng": 1_000_000, "tỷ đồng": 1_000_000_000}
_MONEY = r"(\d{1,3}(?:[.\s]\d{3})+|\d+(?:,\d+)?)\s*(tỷ đồng|triệu đồng|nghìn đồng|ngàn đồng|đồng)"
_TOTAL = re.compile(r"[Tt]ổng\s+(?:kinh phí|dự toán|nhu cầu kinh phí)[^:\d]{0,60}:?\s*" + _MONEY)
_SOURCE_AMOUNT = re.compile(r"^[-+•]?\s*(?:[a-zđ]\)\s*)?([^:\d]{3,120}?)\s*:\s*" + _MONEY)
FUNDING_SOURCES = (
    ("ngân sách trung ương", "Ngân sách trung ương"),
    ("ngân sách nhà nước", "Ngân sách nhà nước"),
    ("ngân sách tỉnh", "Ngân sách tỉnh"),
    ("ngân sách địa phương", "Ngân sách địa phương"),
    ("ngân sách huyện", "Ngân sách huyện"),
    ("ngân sách xã", "Ngân sách xã"),
    ("viễn thông công ích", "Quỹ dịch vụ viễn thông công ích"),
    ("kinh phí sự nghiệp", "Kinh phí sự nghiệp"),
    ("lồng ghép", "Lồng ghép từ các chương trình khác"),
    ("doanh nghiệp", "Doanh nghiệp"),
    ("xã hội hóa", "Xã hội hóa, huy động hợp pháp"),
    ("huy động", "Xã hội hóa, huy động hợp pháp"),
)


def money(number: str, unit: str) -> int:
    digits = number.replace(" ", "")
    if "," in digits:  # "1,5 tỷ đồng"
        whole, fraction = digits.replace(".", "").split(",", 1)
        value = int(whole) * MONEY_UNITS[unit] + int(fraction) * MONEY_UNITS[unit] // 10 ** len(fraction)
        return value
    return int(digits.replace(".", "")) * MONEY_UNITS[unit]


def split_units(text: str) -> list[str]:
    """ "Sở A, Báo B, UBND các huyện, thị xã, thành phố C." -> the three units."""
    text = text.strip().rstrip(".;")
    out: list[str] = []
    for part in re.split(r";|\s+và\s+(?=(?:" + "|".join(re.escape(h) for h in UNIT_HEADS) + r"))", text):
        for fragment in part.split(","):
            fragment = fragment.strip()
            if not fragment:
                continue
            if out and not fragment.startswith(UNIT_HEADS) and not out[-1].endswith(";"):
                out[-1] = f"{out[-1]}, {fragment}"
            else:
                out.append(fragment)
        if out:
            out[-1] += ";"
    return [unit.rstrip(";").strip() for unit in out if unit.rstrip(";").strip()]


def unit_name(heading: str) -> str:
    """A duty heading as a unit's name: "Đề nghị Ủy ban MTTQ tỉnh." -> "Ủy ban MTTQ tỉnh"."""
    name = re.sub(r"^(Đề nghị|Giao)\s+", "", heading.strip()).rstrip(".:;")
    return cap_first(name)


def section_codes(text: str) -> list[str]:
    """ "1, 2 và 4" -> ["1", "2", "4"]; "2.1, 2.3" -> ["2.1", "2.3"]."""
    return re.findall(r"\d+(?:\.\d+)?", text)


# --- the parser -----------------------------------------------------------------------------


@dataclass
class Section:
    kind: str
    roman: str
    heading: Line
    lines: list[Line]


class PlanParser:
    def __init__(self, text: str):
        self.text = normalise(text)
        self.lines = split_lines(self.text)
        self.draft = Draft()

    # header ------------------------------------------------------------------------------------
    def parse(self) -> Draft:
        body_end = self._recipients_start()
        head, sections = self._sections(self.lines[:body_end])
        self._header(head)
        self._legal_bases(head, sections)
        by_kind: dict[str, list[Section]] = {}
        for section in sections:
            by_kind.setdefault(section.kind, []).append(section)
        self._purpose(by_kind)
        self._funding(by_kind)
        self._duties(by_kind)
        self._activities(by_kind)
        self._unheld_text(by_kind)
        self._assign_units(by_kind)
        self._rules_and_deadlines()
        self._tail(body_end)
        return self.draft

    def _note(self, key: str, line: Line | None, uncertain: bool = False) -> None:
        if line is not None:
            self.draft.sources[key] = line.span
        if uncertain and key not in self.draft.uncertain:
            self.draft.uncertain.append(key)

    def _recipients_start(self) -> int:
        for index, line in enumerate(self.lines):
            if RECIPIENTS_HEAD.match(line.text):
                return index
        return len(self.lines)

    def _sections(self, lines: list[Line]) -> tuple[list[Line], list[Section]]:
        head: list[Line] = []
        sections: list[Section] = []
        for line in lines:
            match = _ROMAN_HEADING.match(line.text)
            kind = self._section_kind(match.group("title")) if match else None
            if match and kind:
                sections.append(Section(kind, match.group("num"), line, []))
            elif sections:
                sections[-1].lines.append(line)
            else:
                head.append(line)
        return head, sections

    @staticmethod
    def _section_kind(title: str) -> str | None:
        upper = title.upper()
        for kind, words in SECTION_KINDS:
            if any(upper.startswith(word) or f" {word}" in upper[:40] for word in words):
                return kind
        return None

    def _header(self, head: list[Line]) -> None:
        d = self.draft
        for line in head[:20]:
            match = re.search(r"Số\s*:\s*(\d*)\s*/\s*([A-ZĐ][A-ZĐ0-9&\-]*)", line.text)
            if match and not d.number and "number" not in d.sources:
                d.number = f"{match.group(1)}/{match.group(2)}" if match.group(1) else ""
                self._note("number", line, uncertain=not match.group(1))
            match = re.match(
                r"^(?P<place>[^,\n]{2,60}),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})",
                line.text,
            )
            if match and not d.date:
                d.place = match.group("place").strip()
                day = int(match.group("d") or 1)
                d.date = dates.iso(dates.safe_date(int(match.group("y")), int(match.group("m")), day))
                d.date_precision = "day" if match.group("d") else "month"
                self._note("date", line, uncertain=not match.group("d"))
                self._note("place", line)
        # Title: the lines after "KẾ HOẠCH" until the legal bases or the first section.
        title_lines: list[Line] = []
        for index, line in enumerate(head):
            if line.text.upper().rstrip(".") == "KẾ HOẠCH":
                for follow in head[index + 1 :]:
                    if re.match(STOP_TITLE, follow.text) or _DOC.match(follow.text):
                        break
                    title_lines.append(follow)
                    if follow.text.endswith("."):
                        break
                break
        if not title_lines:
            # Some seeds start with "KẾ HOẠCH" above the first section only.
            for section_line in self.lines:
                if section_line.text.upper() == "KẾ HOẠCH":
                    break
        title = " ".join(line.text for line in title_lines).strip().rstrip(".")
        if title and title.upper() == title:
            title = cap_first(title.lower())
        d.title = title
        if title_lines:
            self._note("title", title_lines[0])
        self._period()
        self._issuer(head)
        if not d.date:
            # An undated draft: the year of its title, known to the year only.
            if d.period_start:
                d.date = f"{d.period_start[:4]}-01-01"
                d.date_precision = "year"
            self._note("date", None, uncertain=True)

    def _period(self) -> None:
        d = self.draft
        match = re.search(r"(giai đoạn|năm)\s+((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?", d.title, re.IGNORECASE)
        if match:
            d.period_start = f"{match.group(2)}-01-01"
            d.period_end = f"{match.group(3) or match.group(2)}-12-31"
            self.default_timing = cap_first(match.group(0))
        else:
            self.default_timing = ""

    def _issuer(self, head: list[Line]) -> None:
        d = self.draft
        caps = []
        for line in head[:6]:
            if line.text.startswith("CỘNG HÒA") or line.text.startswith("CỘNG HOÀ"):
                break
            if line.text.upper() == line.text and not set(line.text) <= set("-_ "):
                caps.append(line)
        if len(caps) >= 2 and caps[0].text.replace("Ỷ", "Ủ") == "ỦY BAN NHÂN DÂN":
            level, _, name = caps[1].text.partition(" ")
            if caps[1].text.startswith("THÀNH PHỐ"):
                level, name = "thành phố", caps[1].text[len("THÀNH PHỐ ") :]
            d.issuer = f"UBND {level.lower()} {title_case_words(name)}"
            self._note("issuer", caps[0])
            return
        match = re.search(
            r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|[Tt]hành phố|huyện|xã|phường)"
            r"((?:\s+[A-ZĐ][^\s,;.]*)*)\s+ban hành",
            self.text,
        )
        if match:
            level = match.group(1).lower()
            name = match.group(2).strip()
            uncertain = False
            if not name:
                name = re.sub(r"^(Tp\.|TP\.|Thành phố|TP)\s*", "", d.place).strip()
                uncertain = not name
            if not name:
                name = self._most_named(level)
            d.issuer = f"UBND {level} {name}".strip()
            self.draft.sources["issuer"] = match.span()
            self._note("issuer", None, uncertain=uncertain)
            return
        level = "tỉnh"
        name = d.place or self._most_named(level)
        d.issuer = f"UBND {level} {name}".strip() if name else ""
        self._note("issuer", None, uncertain=True)

    def _most_named(self, level: str) -> str:
        names: dict[str, int] = {}
        for match in re.finditer(rf"\b{level}\s+([A-ZĐ][^\s,;.()]*(?:\s+[A-ZĐ][^\s,;.()]*)*)", self.text):
            names[match.group(1)] = names.get(match.group(1), 0) + 1
        return max(names, key=names.get) if names else ""

    # legal bases -----------------------------------------------------------------------------
    def _legal_bases(self, head: list[Line], sections: list[Section]) -> None:
        candidates: list[tuple[int, str]] = []  # (offset, text of one citation)
        for line in head:
            if line.text.startswith("Căn cứ"):
                candidates.append((line.start + len("Căn cứ"), line.text[len("Căn cứ") :]))
            elif line.text.startswith("Thực hiện"):
                offset = line.start
                for part in re.split(r"(;)", line.text):
                    if part != ";":
                        candidates.append((offset, re.sub(r"^\s*Thực hiện\s*", "", part)))
                    offset += len(part)
        for section in sections:
            if section.kind == "bases":
                candidates.extend((line.start, re.sub(r"^(Căn cứ|[-+•])\s*", "", line.text)) for line in section.lines)
        seen = set()
        for offset, citation in candidates:
            match = _DOC.search(citation)
            if not match or match.start() > 12:
                continue
            number = re.sub(r"\s+", "", match.group("number"))
            if number in seen:
                continue
            seen.add(number)
            when = dates.parse_date(match.group("after") or "")
            rest = citation[match.end() :].split(";")[0].strip().rstrip(".,")
            rest = re.split(r",\s+(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s[^,]*ban hành", rest)[0]
            rest_match = _DOC_REST.match(rest) if rest else None
            issuer = (rest_match.group("issuer") or "") if rest_match else ""
            title = cap_first((rest_match.group("title") or "") if rest_match else "")
            self.draft.legal_bases.append(
                LegalBasis(
                    number=number,
                    kind=DOC_KINDS[match.group("kind").lower()],
                    date=dates.iso(when),
                    issuer=issuer.strip(),
                    title=title.strip(),
                    source=(offset + match.start(), offset + len(citation.split(";")[0])),
                    uncertain=when is None,
                )
            )

    # purpose and funding -----------------------------------------------------------------------
    def _purpose(self, by_kind: dict[str, list[Section]]) -> None:
        sections = by_kind.get("purpose", [])
        if sections:
            self.draft.purpose = join(sections[0].lines)
            self.draft.sources["purpose"] = span_of(sections[0].lines)

    def _unheld_text(self, by_kind: dict[str, list[Section]]) -> None:
        """Sections no field holds (targets, topics when the methods are the contents, a
        contents section's "1. Đối tượng") are kept after the purpose, so nothing is lost."""
        parts: list[str] = [self.draft.purpose] if self.draft.purpose else []
        for section in by_kind.get("targets", []):
            parts.append("\n".join([section.heading.text, join(section.lines)]))
        for section in by_kind.get("contents", []):
            if section.roman in self.activity_sections:
                if self.subitem_parents.get(section.roman):
                    for number, _, title, body in self._items(section.lines, _ITEM):
                        if number not in self.subitem_parents[section.roman]:
                            parts.append("\n".join([f"{section.roman}.{number}. {title}", *(b.text for b in body)]))
                continue
            parts.append("\n".join([section.heading.text, join(section.lines)]))
        self.draft.purpose = "\n".join(part for part in parts if part)

    def _funding(self, by_kind: dict[str, list[Section]]) -> None:
        sections = by_kind.get("funding", [])
        if not sections:
            return
        lines = sections[0].lines
        text = join(lines)
        self.draft.funding = text
        self.draft.sources["funding"] = span_of(lines)
        budget = Budget()
        total = _TOTAL.search(text)
        if total:
            budget.total = money(total.group(1), total.group(2))
        for line in lines:
            match = _SOURCE_AMOUNT.match(line.text)
            if match and not re.search(r"[Tt]ổng", match.group(1)):
                budget.by_source.append(
                    Source(cap_first(match.group(1).strip()), money(match.group(2), match.group(3)))
                )
        if not budget.by_source:
            lowered = text.lower()
            named: list[str] = []
            for needle, label in FUNDING_SOURCES:
                if needle in lowered and label not in named:
                    named.append(label)
            budget.by_source = [Source(label, None) for label in named]
            if budget.total is not None and len(budget.by_source) == 1:
                budget.by_source[0].amount = budget.total  # "85 triệu đồng, từ ngân sách huyện"
        if budget.total is None and budget.by_source and all(s.amount is not None for s in budget.by_source):
            budget.total = sum(s.amount for s in budget.by_source)
        self.draft.budget = budget

    # duties (section IV) -------------------------------------------------------------------------
    def _duties(self, by_kind: dict[str, list[Section]]) -> None:
        self.duty_lines: list[tuple[Duty, list[Line]]] = []
        sections = by_kind.get("organisation", [])
        if not sections:
            return
        current: tuple[Duty, list[Line]] | None = None
        for line in sections[-1].lines:
            if CLOSING.match(line.text):
                break
            match = _ITEM.match(line.text)
            if match:
                heading, _, inline = match.group("title").partition(": ")
                duty = Duty(unit=unit_name(heading), text="", heading=heading.strip(), source=line.span)
                current = (duty, [])
                self.duty_lines.append(current)
                if inline:
                    current[1].append(Line(line.start + line.text.index(inline), inline))
            elif current is not None:
                current[1].append(line)
        for duty, lines in self.duty_lines:
            duty.text = join(lines)
            if lines:
                duty.source = (duty.source[0], lines[-1].end)
            self.draft.duties.append(duty)

    # activities ----------------------------------------------------------------------------------
    def _activities(self, by_kind: dict[str, list[Section]]) -> None:
        self.activity_sections: set[str] = set()
        self.subitem_parents: dict[str, set[str]] = {}
        methods = [s for s in by_kind.get("methods", []) + by_kind.get("contents", []) if self._has_assignments(s)]
        if methods:
            for section in methods:
                self._assigned_items(section)
                self.activity_sections.add(section.roman)
        else:
            for section in by_kind.get("contents", [])[:1]:
                self._content_items(section)
                self.activity_sections.add(section.roman)
        for section in by_kind.get("schedule", []):
            self._schedule_items(section)
        self._targets(by_kind)

    @staticmethod
    def _has_assignments(section: Section) -> bool:
        return any(re.search(r"(Đơn vị|Cơ quan)\s+chủ trì", line.text) for line in section.lines)

    def _new_activity(self, section: str, title_line: Line, title: str, body: list[Line]) -> Activity:
        text = "\n".join([title] + [line.text for line in body])
        activity = Activity(
            section=section,
            title=title,
            description=join(body),
            source=(title_line.start, body[-1].end if body else title_line.end),
        )
        timing = re.search(r"(?:Thời gian(?: thực hiện)?|Tiến độ)\s*:\s*(.+)", text)
        if timing:
            activity.timing_text = timing.group(1).strip().rstrip(".")
        else:
            activity.timing_text = self.default_timing
        start, end = dates.timing_range(activity.timing_text)
        if activity.timing_text and not timing and self.draft.period_start:
            start, end = dates.D.fromisoformat(self.draft.period_start), dates.D.fromisoformat(self.draft.period_end)
        activity.start, activity.end = dates.iso(start), dates.iso(end)
        if not activity.timing_text:
            activity.uncertain = True
        communes = []
        for match in _COMMUNE.finditer(text):
            level = match.group(1).lower().replace("các ", "").capitalize()
            for each in re.split(r", | và ", match.group(2)):
                name = f"{level} {each}"
                if name not in communes:
                    communes.append(name)
        activity.communes = communes
        activity.outputs = self._outputs(text, title_line.start)
        return activity

    def _outputs(self, text: str, offset: int) -> list[Output]:
        outputs = []
        for match in _OUTPUT.finditer(text):
            rest = text[match.end() :].split("\n")[0]
            noun = re.split(r"[,;.()]|\s(?:và|phục vụ|để|nhằm|tại|cho|ở|trên|được|đăng|gồm)\s", rest)[0].strip()
            name = cap_first(f"{match.group(2)} {noun}".strip())
            outputs.append(Output(name=name, quantity=int(match.group(1).replace(".", "")), unit=match.group(2)))
        return outputs

    def _assigned_items(self, section: Section) -> None:
        items = self._items(section.lines, _ITEM)
        for number, line, title, body in items:
            activity = self._new_activity(number, line, title, body)
            for body_line in body:
                text = _LETTER.sub("", body_line.text)
                lead = re.match(r"(?:Đơn vị|Cơ quan)\s+chủ trì\s*:\s*(.+)", text)
                cooperating = re.match(r"(?:Đơn vị|Cơ quan)\s+phối hợp\s*:\s*(.+)", text)
                if lead:
                    units = split_units(lead.group(1))
                    if units:
                        activity.lead_unit = units[0]
                        activity.cooperating_units.extend(units[1:])
                if cooperating:
                    activity.cooperating_units.extend(split_units(cooperating.group(1)))
            self.draft.activities.append(activity)

    @staticmethod
    def _items(lines: list[Line], pattern: re.Pattern) -> list[tuple[str, Line, str, list[Line]]]:
        items: list[tuple[str, Line, str, list[Line]]] = []
        for line in lines:
            match = pattern.match(line.text)
            if match and not (pattern is _ITEM and _SUBITEM.match(line.text)):
                items.append((match.group("num"), line, match.group("title").strip(), []))
            elif items:
                items[-1][3].append(line)
        return items

    def _content_items(self, section: Section) -> None:
        subitems = self._items(section.lines, _SUBITEM)
        if subitems:
            self.subitem_parents[section.roman] = {number.split(".")[0] for number, *_ in subitems}
            for number, line, title, body in subitems:
                self.draft.activities.append(self._new_activity(number, line, title.rstrip("."), body))
            return
        items = self._items(section.lines, _ITEM)
        descriptive = items and all(title.lower().startswith(DESCRIPTOR_TITLES) for _, _, title, _ in items)
        if items and not descriptive:
            for number, line, title, body in items:
                # A trailing "(Chi tiết tại phụ lục …)" belongs to the section, not the last content.
                body = [b for b in body if not re.match(r"^\(.*phụ lục.*\)$", b.text, re.IGNORECASE)]
                self.draft.activities.append(self._new_activity(number, line, title, body))
            return
        if section.lines:
            # Scope, beneficiaries, forms…: the section describes one activity, the plan's subject.
            subject = re.sub(
                r"^(Triển khai|Tổ chức|Thực hiện)(\s+thực hiện)?\s+(Chương trình|Kế hoạch|Đề án)?\s*",
                "",
                self.draft.title,
            )
            subject = re.sub(r"\s+(năm|giai đoạn)\s+(19|20)\d{2}(\s*[-–]\s*(19|20)\d{2})?$", "", subject)
            activity = self._new_activity(section.roman, section.heading, cap_first(subject), section.lines)
            activity.uncertain = True
            self.draft.activities.append(activity)

    def _schedule_items(self, section: Section) -> None:
        index = 0
        for line in section.lines:
            match = re.match(r"^[-+•]\s*(?P<what>[^:]{3,200}):\s*(?P<when>.+)$", line.text)
            if not match:
                continue
            index += 1
            code = f"{section.roman}.{index}"
            timing = match.group("when").strip().rstrip(".")
            activity = self._new_activity(code, line, match.group("what").strip(), [])
            activity.timing_text = timing
            start, end = dates.timing_range(timing)
            activity.start, activity.end = dates.iso(start), dates.iso(end)
            self.draft.activities.append(activity)
            deadline = Deadline(unit="", text=activity.title, date=None, activity_section=code, source=line.span)
            if re.search(r"ngay khi|ngay sau khi|khi kế hoạch (được )?ban hành", timing, re.IGNORECASE):
                deadline.kind = "on_issue"
            elif start and end:
                deadline.kind, deadline.window_start, deadline.date = "window", dates.iso(start), dates.iso(end)
            elif end:
                deadline.date = dates.iso(end)
            else:
                continue
            self.draft.deadlines.append(deadline)

    def _targets(self, by_kind: dict[str, list[Section]]) -> None:
        """Figures a "Mục tiêu cụ thể" paragraph sets go to the content they are about."""
        if not self.draft.activities:
            return
        for section in by_kind.get("targets", []):
            for line in section.lines:
                for clause in re.split(r"[;:]", line.text):
                    for output in self._outputs(clause.strip(), line.start):
                        best = max(
                            self.draft.activities,
                            key=lambda a: fuzz.token_set_ratio(clause.lower(), a.title.lower()),
                        )
                        phrase = re.sub(r"^\s*\d[\d.]*\s+", "", clause.strip()).rstrip(". ")
                        output.name = cap_first(phrase)
                        best.outputs.append(output)

    # who leads, who cooperates -------------------------------------------------------------------
    def _assign_units(self, by_kind: dict[str, list[Section]]) -> None:
        activities = self.draft.activities
        codes = {a.section for a in activities}
        explicit = False
        for duty, lines in self.duty_lines:
            text = " ".join(line.text for line in lines)
            for match in re.finditer(
                r"(chủ trì|phối hợp)(?:\s+(?:thực hiện|triển khai))?(?:\s+các)?\s+(?:nội dung|nhiệm vụ|mục)"
                r"\s*(?:số\s*)?"
                r"((?:\d+(?:\.\d+)?(?:\s*(?:,|và)\s*)?)+)",
                text,
                re.IGNORECASE,
            ):
                role = match.group(1).lower()
                for code in section_codes(match.group(2)):
                    for activity in activities:
                        if activity.section != code and not activity.section.endswith("." + code):
                            continue
                        explicit = True
                        if role == "chủ trì":
                            if activity.lead_unit and activity.lead_unit != duty.unit:
                                activity.cooperating_units.append(activity.lead_unit)
                            activity.lead_unit = duty.unit
                        elif duty.unit not in activity.cooperating_units:
                            activity.cooperating_units.append(duty.unit)
        del codes
        default_lead = ""
        for duty, lines in self.duty_lines:
            first = _BULLET.sub("", _LETTER.sub("", lines[0].text)) if lines else ""
            if first.startswith("Chủ trì"):
                default_lead = duty.unit
                break
        for activity in activities:
            if not activity.lead_unit:
                activity.lead_unit = default_lead
                if not explicit:
                    activity.uncertain = activity.uncertain or not default_lead
            activity.cooperating_units = [
                u for u in dict.fromkeys(activity.cooperating_units) if u != activity.lead_unit
            ]
        for deadline in self.draft.deadlines:
            if not deadline.unit:
                match = [a for a in activities if a.section == deadline.activity_section]
                deadline.unit = match[0].lead_unit if match else default_lead

    # reporting rules and one-off deadlines -------------------------------------------------------
    def _rules_and_deadlines(self) -> None:
        for duty, lines in self.duty_lines:
            for line in lines:
                self._rules_in(duty.unit, line)

    def _rules_in(self, unit: str, line: Line) -> None:
        text = line.text
        used: list[tuple[int, int]] = []
        recipient_match = re.search(
            r"(?:báo cáo|gửi)(?:[^.;()]{0,60}?\svề)?\s+((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Sở|Bộ)\s+[^(,;:.]+?)"
            r"(?=\s*(?:\(|,|;|:|\.|theo|"
            r"trước|để|hằng|hàng|định kỳ|$))",
            text,
        )
        recipient = recipient_match.group(1).strip() if recipient_match else self.draft.issuer
        bare = re.fullmatch(r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố|huyện|xã)", recipient, re.I)
        if bare and self.draft.issuer.lower().startswith(f"ubnd {bare.group(1).lower()} "):
            recipient = self.draft.issuer  # "báo cáo UBND tỉnh" in a plan of that province
        patterns = [
            ("monthly", r"(?:trước\s+(?:ngày\s+)?(?P<day>\d{1,2})\s+(?:hằng|hàng|mỗi)\s+tháng)|(?:(?:hằng|hàng|mỗi)\s+"
             r"tháng[^.;]{0,40}?trước\s+ngày\s+(?P<day2>\d{1,2})(?:\s+(?:của\s+)?tháng\s+(?:sau|kế\s+tiếp|tiếp\s+theo))?)"),
            ("quarterly", r"(?:hằng|hàng|mỗi)\s+quý[^.;]{0,60}?trước\s+ngày\s+(?P<day>\d{1,2})"),
            ("semiannual", r"6\s+tháng(?:\s+đầu\s+năm)?[^.;\d]{0,30}?trước\s+ngày\s+(?P<day>\d{1,2})\s*/\s*"
             r"(?P<month>\d{1,2})(?:\s*/\s*\d{4})?"),
            ("annual", r"(?:cả\s+năm|hằng\s+năm|hàng\s+năm|năm)[^.;\d]{0,30}?trước\s+ngày\s+(?P<day>\d{1,2})\s*/\s*"
             r"(?P<month>\d{1,2})(?:\s*/\s*\d{4})?"),
        ]  # fmt: skip
        for frequency, pattern in patterns:
            for match in re.finditer(pattern, text, re.IGNORECASE):
                if any(a < match.end() and match.start() < b for a, b in used):
                    continue
                used.append(match.span())
                groups = match.groupdict()
                day = int(groups.get("day") or groups.get("day2"))
                month = int(groups["month"]) if groups.get("month") else None
                # "trước ngày 20 hằng tháng" / "… tháng sau": the report of a complete month, due
                # in the next (the reading the demo and the donations report use); "trong tháng"
                # keeps it in the month reported on.
                following = frequency == "monthly" and not re.search(r"trong\s+tháng", match.group(0), re.I)
                self.draft.reporting_rules.append(
                    ReportingRule(
                        reporter=unit,
                        recipient=recipient,
                        frequency=frequency,
                        due_day=day,
                        due_month=month,
                        due_following_month=following,
                        text=match.group(0),
                        source=(line.start + match.start(), line.start + match.end()),
                        uncertain=recipient_match is None,
                    )
                )
        for match in re.finditer(r"trước\s+ngày\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})", text):
            if any(a <= match.start() < b for a, b in used):
                continue
            sentence_start = max(text.rfind(";", 0, match.start()), text.rfind(".", 0, match.start()))
            what = text[sentence_start + 1 : match.end()].strip()
            what = _BULLET.sub("", _LETTER.sub("", what))
            self.draft.deadlines.append(
                Deadline(
                    unit=unit,
                    text=cap_first(what),
                    date=dates.iso(dates.parse_date(match.group(1))),
                    source=(line.start + sentence_start + 1, line.start + match.end()),
                )
            )

    # recipients and signature --------------------------------------------------------------------
    def _tail(self, body_end: int) -> None:
        lines = self.lines[body_end:]
        if not lines:
            return
        d = self.draft
        index = 0
        head = RECIPIENTS_HEAD.match(lines[0].text)
        if head and head.group(1).startswith("-"):
            d.recipients.append(_BULLET.sub("", head.group(1)).strip())
        index = 1
        while index < len(lines) and lines[index].text.startswith(("-", "+", "•")):
            d.recipients.append(_BULLET.sub("", lines[index].text).strip())
            index += 1
        d.sources["recipients"] = (lines[0].start, lines[index - 1].end)
        authority: list[str] = []
        signer = Signer()
        start = index
        while index < len(lines) and SIGN_AUTHORITY.match(lines[index].text):
            authority.append(lines[index].text.strip())
            index += 1
        if index < len(lines) and lines[index].text.isupper():
            signer.title = lines[index].text.strip()
            index += 1
        elif authority and len(authority) >= 1 and not authority[-1].startswith(("TM.",)):
            # "KT. CHỦ TỊCH" with no title under it: the title is what the authority names.
            pass
        while index < len(lines):
            candidate = lines[index].text.strip()
            words = candidate.split()
            if (
                2 <= len(words) <= 5
                and not candidate.isupper()
                and all(word[:1].isupper() for word in words)
                and not re.search(r"[:/(]", candidate)
            ):
                signer.name = candidate
                break
            if candidate.isupper() and len(words) > 5:
                break  # an appendix title: the signature block had no name
            index += 1
        signer.authority = " / ".join(authority)
        d.signer = signer
        if start < len(lines):
            d.sources["signer"] = (lines[start].start, lines[min(index, len(lines) - 1)].end)


def parse_text(text: str) -> Draft:
    return PlanParser(text).parse()


def normalised_text(text: str) -> str:
    return normalise(text)
