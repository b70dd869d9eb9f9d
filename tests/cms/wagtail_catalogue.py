"""Wagtail's English admin strings, read from its own message catalogues, to find the ones a
screen shows untranslated (tests/e2e/test_cms_in_vietnamese.py).

Only the catalogues of Wagtail's installed apps (and the admin's scripts') count; a msgid with
placeholders becomes a pattern in which each placeholder stands for any text."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import wagtail
from django.conf import settings

WAGTAIL = Path(wagtail.__file__).parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfi]|%[sdfi]|\{\w*\}")
# The same in both languages, or names: what a Vietnamese screen may show as Wagtail writes it.
ALLOWED = frozenset({"Wagtail", "URL", "Email", "ID", "OK", "CSV", "XLSX", "SEO", "JSON", "HTML", "Alt", "px"})


def _msgids(path: Path) -> list[str]:
    """The msgids of a .po file (the singular form of plural entries), header left out."""
    ids, current, in_msgid = [], None, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current, in_msgid = ast.literal_eval(line[6:]), True
        elif line.startswith('"') and in_msgid:
            current += ast.literal_eval(line)
        else:
            if in_msgid and current:
                ids.append(current)
            in_msgid = False
    if in_msgid and current:
        ids.append(current)
    return ids


def _catalogues() -> list[Path]:
    folders = []
    for app in settings.INSTALLED_APPS:
        if app == "wagtail" or app.startswith("wagtail."):
            folders.append(WAGTAIL.joinpath(*app.split(".")[1:]) / "locale" / "en" / "LC_MESSAGES")
    return [folder / name for folder in folders for name in ("django.po", "djangojs.po") if (folder / name).exists()]


@functools.cache
def english() -> tuple[frozenset[str], tuple[re.Pattern, ...], tuple[str, ...]]:
    """(msgids without placeholders, patterns of those with them, msgids of three words or
    more that are looked for inside longer text too)."""
    plain, patterns, phrases = set(), [], set()
    for path in _catalogues():
        for msgid in _msgids(path):
            text = " ".join(msgid.split())
            if not text or text in ALLOWED or "<" in text:
                continue
            if PLACEHOLDER.search(text):
                literal = PLACEHOLDER.sub(" ", text)
                if len(re.findall(r"[A-Za-z]{2,}", literal)) >= 2:
                    parts = [re.escape(part) for part in PLACEHOLDER.split(text)]
                    patterns.append(re.compile(".+?".join(parts)))
                continue
            if not re.search(r"[A-Za-z]{2,}", text):
                continue
            plain.add(text)
            if len(text.split()) >= 3:
                phrases.add(text)
    return frozenset(plain), tuple(patterns), tuple(sorted(phrases, key=len, reverse=True))


def untranslated(texts: list[str]) -> list[str]:
    """The texts (visible strings of a screen) that are one of Wagtail's English msgids, or
    contain one of three words or more."""
    plain, patterns, phrases = english()
    found = []
    for raw in texts:
        text = " ".join(raw.split())
        if text in plain or any(pattern.fullmatch(text) for pattern in patterns):
            found.append(text)
            continue
        hit = next((phrase for phrase in phrases if phrase in text), None)
        if hit:
            found.append(f"{hit} (in “{text[:80]}”)")
    return found
