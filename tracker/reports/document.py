"""The official frame of a report (Nghị định 30/2020/NĐ-CP): who issues it, its number and
symbol, place and date, summary, recipients and signature — all from data, none constant.

The agency in the header is the unit *in force on the document's date*: a report dated
before 1/3/2025 is issued by the Sở Thông tin và Truyền thông, one dated after by its
successor, the Sở Khoa học và Công nghệ (`Unit.successor` with effective dates); the
People's Committee above it and the place are those of the area in force on that date
(`AreaSuccession`: Tỉnh Bắc Kạn → Tỉnh Thái Nguyên from 1/7/2025).
"""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from tracker.core.areas import area_in_force
from tracker.models import Area, Plan, ProgrammeComponent, Unit
from tracker.templatetags.tracker_format import document_date

DOCUMENT_TYPE = "BÁO CÁO"

# Level words an area's name starts with ("Tỉnh Lạng Sơn" → place "Lạng Sơn"), longest first.
_LEVEL_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Tp.")
_SMALL_WORDS = {"và", "-", "–", "&"}
MAX_SUCCESSOR_STEPS = 10  # a guard against a cycle typed into the data


def unit_in_force(unit: Unit, on: datetime.date) -> Unit:
    """The unit, or the successor (or predecessor) that was in force on the date.

    Following `successor` forward from a unit that had ended; back through `predecessors`
    from one not yet created (the DIC's successor asked for a 2023 report → the DIC).
    """
    current = unit
    for _step in range(MAX_SUCCESSOR_STEPS):
        if current.valid_to and current.valid_to < on and current.successor_id:
            current = current.successor
            continue
        if current.valid_from and current.valid_from > on:
            # The predecessor that had started by the date, the one ending last if several.
            started = [unit for unit in current.predecessors.all() if not unit.valid_from or unit.valid_from <= on]
            if started:
                current = max(started, key=lambda unit: unit.valid_to or datetime.date.max)
                continue
        break
    return current


def place_of(area: Area | None) -> str:
    """'Tỉnh Lạng Sơn' → 'Lạng Sơn': the place in the date line."""
    if area is None:
        return ""
    name = area.name.strip()
    for word in _LEVEL_WORDS:
        if name.lower().startswith(word.lower() + " "):
            return name[len(word) + 1 :].strip()
    return name


def _without_area_suffix(name: str, area: Area | None) -> str:
    """'Sở Khoa học và Công nghệ tỉnh Lạng Sơn' → 'Sở Khoa học và Công nghệ' when the line
    above already names the province."""
    if area is None:
        return name
    suffix = " " + area.name.strip().lower()
    if name.lower().endswith(suffix):
        return name[: -len(suffix)].strip()
    return name


def parent_agency_line(issuer: Unit, on: datetime.date | None = None) -> str:
    """The managing agency above the issuer: the People's Committee of the issuer's area as
    it was on the document's date ('UBND TỈNH LẠNG SƠN'; a Bắc Kạn unit's report dated 2026
    → 'UBND TỈNH THÁI NGUYÊN'); none for a People's Committee itself (NĐ 30/2020)."""
    if issuer.kind == Unit.Kind.PEOPLES_COMMITTEE:
        return ""
    if issuer.area is not None:
        area = area_in_force(issuer.area, on) if on else issuer.area
        return f"UBND {area.name}".upper()
    if issuer.parent_id:
        return issuer.parent.name.upper()
    return ""


def issuer_line(issuer: Unit) -> str:
    """The issuing agency, in capitals, written out ('ỦY BAN NHÂN DÂN XÃ …', not 'UBND')."""
    name = issuer.name.strip()
    if issuer.kind == Unit.Kind.PEOPLES_COMMITTEE:
        name = re.sub(r"^UBND\b", "Ủy ban nhân dân", name)
    elif issuer.area is not None:
        name = _without_area_suffix(name, issuer.area)
    return name.upper()


def agency_symbol(issuer: Unit) -> str:
    """The issuer's abbreviation in a document symbol: 'UBND' for a People's Committee,
    else the initials of its name without the area ('Sở Thông tin và Truyền thông' → STTTT,
    'Sở Khoa học và Công nghệ' → SKHCN)."""
    if issuer.kind == Unit.Kind.PEOPLES_COMMITTEE:
        return "UBND"
    name = _without_area_suffix(issuer.name.strip(), issuer.area)
    words = [word for word in re.split(r"[\s\-–&,()]+", name) if word and word.lower() not in _SMALL_WORDS]
    return "".join(word[0] for word in words if word[0].isalpha()).upper()


def report_symbol(issuer: Unit) -> str:
    return f"BC-{agency_symbol(issuer)}"


def date_line(place: str, day: datetime.date) -> str:
    """'Lạng Sơn, ngày 05 tháng 3 năm 2023' (leading zero for days < 10 and months 1–2)."""
    text = document_date(day)
    return f"{place}, {text}" if place else text


def period_phrase(period_type: str, start: datetime.date, end: datetime.date) -> str:
    """How a Vietnamese report names its period: 'tháng 3 năm 2023', '6 tháng đầu năm 2023',
    'năm 2023', or 'từ ngày 01/01/2023 đến ngày 30/9/2023'."""
    if period_type == "month":
        return f"tháng {start.month} năm {start.year}"
    if period_type == "half_year":
        return f"6 tháng đầu năm {start.year}"
    if period_type == "year":
        return f"năm {start.year}"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def plan_reference(plan: Plan) -> str:
    """'Kế hoạch số 146/KH-UBND ngày 18/02/2019 của UBND thành phố Thanh Hóa', or the plan's
    title when it has no number yet."""
    if plan.number_symbol:
        text = f"Kế hoạch số {plan.number_symbol}"
        if plan.issued_on and plan.issued_on_precision == Plan.DatePrecision.DAY:
            text += f" ngày {plan.issued_on:%d/%m/%Y}"
        return f"{text} của {plan.issuer.name}"
    title = plan.title.strip()
    if title.lower().startswith("kế hoạch"):
        return title
    return f"Kế hoạch {title[:1].lower()}{title[1:]}"


def component_name(on: datetime.date) -> str:
    """The most specific part of the programme tree (data the DIC edits) in force on the date:
    "Tiểu dự án 1 Giảm nghèo về thông tin" in 2023, the 2026–2035 programme (or the component
    entered under it) in 2026. Blank when the tree holds nothing for the date: no fixed name."""
    component = ProgrammeComponent.objects.in_force(on).order_by("-level", "code").first()
    return component.name if component else ""


def recipient_lines(text: str, drafting_division: str = "") -> list[str]:
    """'Nơi nhận' entries: one per line, each ending ';', the last '.'; 'Lưu: VT, <drafting
    division>.' is added at the end unless the user wrote a 'Lưu' line (NĐ 30/2020, Phụ lục I:
    the records office, then the abbreviation of the division that drafted the document)."""
    entries = [line.strip().lstrip("-–•").strip().rstrip(";.").strip() for line in text.splitlines()]
    entries = [entry for entry in entries if entry]
    stored = [entry for entry in entries if entry.lower().startswith("lưu")]
    entries = [entry for entry in entries if not entry.lower().startswith("lưu")]
    division = drafting_division.strip().strip(",.;").strip()
    entries.append(stored[-1] if stored else ("Lưu: VT, " + division if division else "Lưu: VT"))
    return [f"{entry};" for entry in entries[:-1]] + [f"{entries[-1]}."]


# A symbol's parts: capitals (Vietnamese Đ included), digits and '&' ("TT&TT"), joined by '-'.
_SYMBOL = re.compile(r"^[A-ZĐ0-9&]+(?:-[A-ZĐ0-9&]+)+$")


class NumberSymbolError(ValueError):
    """What is wrong with a typed number and symbol, in words for the person who typed it."""


def number_and_symbol(text: str) -> tuple[str, str]:
    """'125/BC-SKHCN' → ('125', 'BC-SKHCN'); 'BC-SKHCN' or '/BC-SKHCN' → ('', 'BC-SKHCN'): the
    number is then left blank for the records clerk who registers the report. '' → ('', '')
    (the agency's own symbol is used). A leading 'Số:' is dropped; letters are put in capitals.
    Raises NumberSymbolError (with the message to show) for anything else — a number printed
    twice ('Số: /125/BC-…') is what this prevents."""
    value = re.sub(r"\s+", "", text or "")
    value = re.sub(r"^(?i:số)[:.]?", "", value).upper()
    if not value:
        return "", ""
    parts = value.split("/")
    if len(parts) > 2:
        raise NumberSymbolError(
            _(
                "Number and symbol: write them as 125/BC-SKHCN, or only the symbol BC-SKHCN "
                "to leave the number blank for the records clerk."
            )
        )
    number, symbol = ("", parts[0]) if len(parts) == 1 else parts
    if number and not number.isdigit():
        raise NumberSymbolError(_("Number and symbol: the number is digits only, e.g. 125/BC-SKHCN."))
    if number and int(number) == 0:
        raise NumberSymbolError(_("Number and symbol: numbers start from 1."))
    if not symbol:
        raise NumberSymbolError(_("Number and symbol: the symbol is missing after the number, e.g. 125/BC-SKHCN."))
    if not _SYMBOL.match(symbol):
        raise NumberSymbolError(
            _("Number and symbol: the symbol is abbreviations in capitals joined by hyphens, e.g. BC-SKHCN or BC-UBND.")
        )
    if not symbol.startswith("BC-"):
        raise NumberSymbolError(_("Number and symbol: a report's symbol begins with BC-, e.g. BC-SKHCN."))
    return (str(int(number)) if number else ""), symbol


def signature_lines(authority: str) -> list[str]:
    """'KT. GIÁM ĐỐC' or 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' → one line each, in capitals."""
    return [line.strip().upper() for line in re.split(r"[/\n]", authority) if line.strip()]
