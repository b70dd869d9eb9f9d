"""Formatting the way Vietnamese documents do: 1.234.567 đ, dd/mm/yyyy, "ngày 05 tháng 3 năm 2023"."""

from __future__ import annotations

import datetime

from django import template

register = template.Library()


@register.filter
def vnd(amount) -> str:
    """Whole đồng with '.' thousands separators: 1234567 -> '1.234.567 đ'."""
    if amount is None or amount == "":
        return ""
    return f"{int(amount):,} đ".replace(",", ".")


@register.filter
def number(value) -> str:
    """A whole number with '.' thousands separators; blank stays blank."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", ".")


@register.filter
def document_date(day: datetime.date | None, precision: str = "day") -> str:
    """The date line of an official document (NĐ 30/2020): leading zero for days < 10 and
    for January and February; a date known only to the month leaves the day blank."""
    if day is None:
        return ""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    if precision == "year":
        return f"ngày … tháng … năm {day.year}"
    if precision == "month":
        return f"ngày … tháng {month} năm {day.year}"
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
