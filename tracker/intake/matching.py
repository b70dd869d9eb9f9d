"""Match the names a plan writes to the units and legal documents the tracker already holds.

Vietnamese-aware: names are compared after NFC normalisation, the common abbreviations
expanded (UBND, TT&TT, LĐ-TB&XH, MTTQ, PT-TH…), "Uỷ"/"Ủy" unified and the area's own name
taken out of both sides (a plan of Lạng Sơn writes "Sở Thông tin và Truyền thông" for the
unit the tracker calls "Sở Thông tin và Truyền thông tỉnh Lạng Sơn"). Scores use rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Q
from rapidfuzz import fuzz

from tracker.models import Area, LegalDocument, Unit

SURE = 88  # at or above: matched
LIKELY = 75  # at or above: matched, but marked uncertain

ABBREVIATIONS = [
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bvp\b", "văn phòng"),
    (r"\btt&tt\b|\btttt\b|\btt và tt\b", "thông tin và truyền thông"),
    (r"\blđ-tb&xh\b|\blđtbxh\b|\blđ tb&xh\b", "lao động thương binh và xã hội"),
    (r"\bkh&đt\b", "kế hoạch và đầu tư"),
    (r"\bkh&cn\b", "khoa học và công nghệ"),
    (r"\bmttq\b", "mặt trận tổ quốc"),
    (r"\bpt-th\b|\bpt&th\b|\bptth\b", "phát thanh và truyền hình"),
    (r"\btt&th\b", "truyền thanh và truyền hình"),
    (r"\bvh-tt-tt\b", "văn hóa thông tin và truyền thông"),
    (r"\bct-xh\b", "chính trị xã hội"),
    (r"\bdn\b", "doanh nghiệp"),
    (r"\bcntt\b", "công nghệ thông tin"),
    (r"\btp\.?\s", "thành phố "),
]
SPECIFIC_COMMITTEE = re.compile(r"^ủy ban nhân dân (tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn) (?!các )\S")
_VOWEL_TONES = {"uỷ": "ủy", "hoá": "hóa", "hoà": "hòa", "thuỷ": "thủy", "quỹ": "quỹ"}


def norm(name: str) -> str:
    text = unicodedata.normalize("NFC", name).lower().strip()
    for old, new in _VOWEL_TONES.items():
        text = text.replace(old, new)
    text = re.sub(r"^(đề nghị|giao)\s+", "", text)
    for pattern, replacement in ABBREVIATIONS:
        text = re.sub(pattern, replacement, text)
    text = text.replace("&", " và ")
    text = re.sub(r"[-–,.;:()/\"“”]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _strip_places(text: str, places: list[str]) -> str:
    for place in places:
        if place:
            text = re.sub(rf"\b(tỉnh|thành phố|huyện|xã|phường)?\s*{re.escape(place)}\b", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _place_names(area: Area | None) -> list[str]:
    names = []
    while area is not None:
        bare = re.sub(r"^(tỉnh|thành phố|huyện|thị xã|xã|phường|thị trấn)\s+", "", norm(area.name))
        names.append(bare)
        area = area.parent
    return names


@dataclass
class Match:
    name: str  # as written
    unit: Unit | None
    score: float

    @property
    def uncertain(self) -> bool:
        return self.unit is None or self.score < SURE


class UnitMatcher:
    """Matches within the issuer's area (its ancestors and descendants) and national units."""

    def __init__(self, area: Area | None = None, units: list[Unit] | None = None):
        self.area = area
        if units is None:
            qs = Unit.objects.select_related("area")
            if area is not None:
                areas = self._scope(area)
                qs = qs.filter(Q(area__in=areas) | Q(area__isnull=True))
            units = list(qs)
        self.places = _place_names(area)
        self.candidates = []
        for unit in units:
            places = self.places + _place_names(unit.area)
            names = [norm(unit.name)] + ([norm(unit.short_name)] if unit.short_name else [])
            keys = {(name, _strip_places(name, places)) for name in names}
            self.candidates.append((unit, places, sorted(keys)))
        self._cache: dict[str, Match] = {}

    @staticmethod
    def _scope(area: Area) -> list[Area]:
        top = area
        while top.parent_id is not None:
            top = top.parent
        scope = [top]
        frontier = [top]
        for _ in range(3):
            children = list(Area.objects.filter(parent__in=frontier))
            scope.extend(children)
            frontier = children
        return scope

    def match(self, name: str) -> Match:
        if not name:
            return Match(name, None, 0)
        if name in self._cache:
            return self._cache[name]
        written = norm(name)
        # "UBND tỉnh Lạng Sơn" is named by its place: compare whole names, places kept.
        own_place = SPECIFIC_COMMITTEE.match(written) is not None
        best: tuple[float, Unit | None] = (0, None)
        for unit, places, keys in self.candidates:
            query = _strip_places(written, places)
            for full, key in keys:
                score = fuzz.ratio(written, full)
                if not own_place:
                    score = max(score, fuzz.ratio(query, key), fuzz.token_sort_ratio(query, key))
                # A group ("các …") must not stand for one of its members, nor the reverse.
                if query.startswith("các ") != key.startswith("các ") and not unit.is_group:
                    score -= 10
                if score > best[0]:
                    best = (score, unit)
        score, unit = best
        result = Match(name, unit if score >= LIKELY else None, score)
        self._cache[name] = result
        return result


def issuer_matcher() -> UnitMatcher:
    return UnitMatcher(units=list(Unit.objects.filter(kind=Unit.Kind.PEOPLES_COMMITTEE).select_related("area")))


def normal_number(number: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", number)).upper()


def legal_document(number: str, date: str | None) -> LegalDocument | None:
    """An existing document with this number (and date, when the plan gives one)."""
    if not number:
        return None
    wanted = normal_number(number)
    candidates = [
        doc
        for doc in LegalDocument.objects.filter(number_symbol__iexact=number)
        if normal_number(doc.number_symbol) == wanted
    ]
    if not candidates:
        candidates = [
            doc
            for doc in LegalDocument.objects.filter(number_symbol__icontains=number.split("/")[0])
            if normal_number(doc.number_symbol) == wanted
        ]
    if date:
        dated = [doc for doc in candidates if doc.issued_on and doc.issued_on.isoformat() == date]
        return dated[0] if dated else None
    return candidates[0] if len(candidates) == 1 else None
