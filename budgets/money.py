"""Whole-đồng amounts as users write and read them: ``1.234.567 đ`` (VND has no minor unit)."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[., \u00a0\u202f]")
_PLAIN_OR_GROUPED = re.compile(r"^(?:[0-9]+|[0-9]{1,3}([., \u00a0\u202f])[0-9]{3}(?:\1[0-9]{3})*)$")


def format_vnd(amount: int) -> str:
    """``1234567`` → ``"1.234.567 đ"`` (``.`` as the thousands separator)."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("format_vnd takes whole đồng as an int")
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,} đ".replace(",", ".")


def parse_vnd(text: str) -> int:
    """Read a non-negative whole-đồng amount.

    Accepts ``1.234.567``, ``1234567``, ``1,234,567``, ``1 234 567 đ`` (and ``VND``/``đồng``);
    refuses decimals, negatives and anything else with a ValueError. A group separator must
    be used consistently and split the digits into groups of three, so ``1.5`` or
    ``1.234,50`` are refused rather than guessed at.
    """
    if not isinstance(text, str):
        raise ValueError(f"Not an amount: {text!r}")
    cleaned = text.strip()
    cleaned = re.sub(r"\s*(đồng|đ|vnđ|vnd)\s*$", "", cleaned, flags=re.IGNORECASE).strip()
    if not cleaned or not _PLAIN_OR_GROUPED.match(cleaned):
        raise ValueError(f"Not a whole amount of đồng: {text!r}")
    return int(_SEPARATORS.sub("", cleaned))
