"""One percentage rule for the whole product, so a figure reads the same on every page, in
every export and in the official reports."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percent(part: int | None, whole: int | None) -> int | None:
    """`part` as a whole percentage of `whole`; None when there is nothing to compare with
    (no whole, or no part known)."""
    if not whole or part is None:
        return None
    return round(100 * part / whole)


def percent_one_decimal(part: int | None, whole: int | None) -> Decimal | None:
    """`part` as a percentage of `whole` to one decimal (half up), as money rates are shown;
    None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part or 0) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
