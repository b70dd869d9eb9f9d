"""Vietnamese text helpers: sorting in Vietnamese alphabetical order and slugs that keep đ."""

from __future__ import annotations

import functools
import unicodedata

from django.utils.text import slugify

# Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng
_TONE_ORDER = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _split_letter(char: str) -> tuple[str, str]:
    """Split a letter into its base letter (with ă â ê ô ơ ư đ kept) and its tone mark."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    tone = "".join(c for c in decomposed if c in _TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return base, tone


def _rank(base: str) -> int:
    """Spaces and punctuation first (so "Ba Bể" precedes "Bạch Thông"), then digits, then
    the Vietnamese alphabet, then anything else by code point."""
    if base in _RANK:
        return 100 + _RANK[base]
    if not base or not base.isalnum():
        return 0
    if base.isdigit():
        return 10 + int(base) if len(base) == 1 and base.isascii() else 99
    return 1000 + ord(base[0])


@functools.lru_cache(maxsize=4096)
def _letter_key(char: str) -> tuple[tuple[int], int]:
    """One character's rank and tone, worked out once per character (a page sorting thousands
    of names met the same few dozen letters again and again)."""
    base, tone = _split_letter(char)
    return (_rank(base),), _TONE_ORDER.get(tone, 0)


def vietnamese_sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese words as a Vietnamese reader expects (Đ after D, Ư after U)."""
    keys = [_letter_key(char) for char in text.strip()]
    return (tuple(letter for letter, _tone in keys), tuple(tone for _letter, tone in keys))


def strip_diacritics(text: str) -> str:
    """'Điện thoại thông minh' -> 'Dien thoai thong minh' (đ/Đ mapped to d/D)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def slugify_vi(text: str) -> str:
    """A slug that keeps 'đ' as 'd': Django's slugify alone turns 'Đà Nẵng' into 'a-nang'."""
    return slugify(strip_diacritics(text))


def vietnamese_collation_key(text: str) -> str:
    """`vietnamese_sort_key` as a string that sorts the same way character by character, to be
    stored (`Unit.sort_key`) and ordered on in SQL rather than computed for every row read.

    Each letter's rank is three digits (one more than the rank, so "000" can end the letters
    and a name sorts before its longer continuations), or "z" and six hex digits for a rank
    beyond 998 (letters outside the Vietnamese alphabet); then one digit per tone mark, read
    only when the letters are equal, as the tuple key does. Only digits and lowercase letters
    are used, which every collation orders alike.
    """
    letters, tones = vietnamese_sort_key(text)
    encoded = [f"{rank + 1:03d}" if rank < 998 else f"z{rank:06x}" for (rank,) in letters]
    return "".join(encoded) + "000" + "".join(str(tone) for tone in tones)
