"""Vietnamese dates and timings as plans write them ("Quý II - Quý III/2026", "cả năm 2026")."""

from __future__ import annotations

import calendar
import datetime
import re

D = datetime.date

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_DMY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_LONG = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


def safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return D(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> datetime.date:
    return D(year, month, calendar.monthrange(year, month)[1])


def parse_date(text: str) -> datetime.date | None:
    """The first full date in `text`: "31/12/2021" or "03 tháng 6 năm 2020"."""
    candidates = []
    for pattern in (_DMY, _LONG):
        match = pattern.search(text)
        if match:
            candidates.append((match.start(), match))
    if not candidates:
        return None
    _, match = min(candidates, key=lambda item: item[0])
    day, month, year = (int(group) for group in match.groups())
    return safe_date(year, month, day)


_QUARTERS = re.compile(
    r"quý\s+(I{1,3}V?|IV|[1-4])(?:\s*(?:/\s*(\d{4}))?\s*(?:-|–|đến)\s*quý\s+(I{1,3}V?|IV|[1-4]))?\s*(?:/|năm)\s*(\d{4})",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    r"(?:từ\s+)?tháng\s+(\d{1,2})(?:\s*/\s*(\d{4}))?\s*(?:-|–|đến)\s*(?:hết\s+)?(?:tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})|năm\s+(\d{4}))",
    re.IGNORECASE,
)
_ONE_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)
_YEARS = re.compile(r"(?<![\d/])((?:19|20)\d{2})\s*(?:-|–|đến)\s*((?:19|20)\d{2})(?![\d/])")
_YEAR = re.compile(r"(?:năm|cả năm)\s+((?:19|20)\d{2})", re.IGNORECASE)
_BY_DATE = re.compile(
    r"(?:trước|chậm nhất|hoàn thành)\s+(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})", re.IGNORECASE
)


def _quarter(value: str) -> int:
    return ROMAN.get(value.upper()) or int(value)


def timing_range(text: str) -> tuple[datetime.date | None, datetime.date | None]:
    """The start and end a timing phrase means; (None, None) when it gives no dates."""
    match = _QUARTERS.search(text)
    if match:
        first, _, last, year = match.groups()
        first_q, last_q = _quarter(first), _quarter(last or first)
        year_i = int(year)
        return D(year_i, 3 * first_q - 2, 1), month_end(year_i, 3 * last_q)
    match = _MONTHS.search(text)
    if match:
        start_month, start_year, end_month, end_year, whole_year = match.groups()
        if whole_year:
            year_i = int(whole_year)
            return safe_date(int(start_year or year_i), int(start_month), 1), D(year_i, 12, 31)
        year_i = int(end_year)
        start = safe_date(int(start_year or year_i), int(start_month), 1)
        end = month_end(year_i, int(end_month)) if 1 <= int(end_month) <= 12 else None
        return start, end
    match = _YEARS.search(text)
    if match:
        return D(int(match.group(1)), 1, 1), D(int(match.group(2)), 12, 31)
    match = _ONE_MONTH.search(text)
    if match and 1 <= int(match.group(1)) <= 12:
        year_i, month = int(match.group(2)), int(match.group(1))
        return D(year_i, month, 1), month_end(year_i, month)
    match = _BY_DATE.search(text)
    if match:
        return None, parse_date(match.group(1))
    match = _YEAR.search(text)
    if match:
        year_i = int(match.group(1))
        return D(year_i, 1, 1), D(year_i, 12, 31)
    return None, None


def iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None
