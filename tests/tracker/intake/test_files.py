"""`import_plan` on files made from a seed in the test: a Word document and a PDF with a text
layer give the same draft as the text; a scanned PDF (pages as images, read by OCR with
tesseract's Vietnamese model) gives it up to OCR errors, which are measured here and
reported in the README ("Nhập kế hoạch từ văn bản")."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from rapidfuzz.distance import Levenshtein

from tests.tracker.intake.documents import docx_bytes, scanned_pdf_bytes
from tests.tracker.intake.helpers import agreement
from tests.tracker.intake.test_accuracy import SEEDS_DIR, seed_text
from tests.tracker.intake.test_parser import comparable
from tracker.intake import extract
from tracker.intake.draft import Draft
from tracker.intake.parser import normalise, parse_text

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
needs_seeds = pytest.mark.skipif(
    not SEEDS_DIR.is_dir(), reason="the seed plans (../shared/seeds) are not on this machine"
)
# Measured on seed 004 (5 scanned pages, Liberation Serif 13 pt at 200 dpi, tesseract 5.3 `vie`):
# 10 character edits in 6 279 (0.16 %), 9 words in 1 344 (0.67 %); 105 of the 108 fields of the
# draft the same as from the text (the 3 others carry an OCR slip: "tống hợp", "VI KGVX", one in I.).
OCR_MAX_CHARACTER_ERRORS = 0.01
OCR_MIN_FIELDS_SAME = 0.95


def command_draft(path: Path) -> dict:
    out = StringIO()
    call_command("import_plan", str(path), "--dry-run", stdout=out, stderr=StringIO())
    data = json.loads(out.getvalue())
    data.pop("read_as")
    data.pop("matches")
    return comparable(Draft.from_dict(data))


@needs_seeds
def test_a_word_document_made_from_a_seed_gives_the_same_draft_as_its_text(tmp_path):
    text = seed_text("004")
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_bytes(text))
    assert command_draft(path) == comparable(parse_text(text))


def test_a_word_document_with_the_two_column_header_table_is_read_like_the_text(tmp_path):
    text = (FIXTURES / "plan_2026_two_tier.txt").read_text(encoding="utf-8")
    path = tmp_path / "plan.docx"
    path.write_bytes(docx_bytes(text, header_table=8))
    got = command_draft(path)
    expected = comparable(parse_text(text))
    assert (got["issuer"], got["number"], got["date"], got["place"]) == (
        "UBND tỉnh Lạng Sơn", "58/KH-UBND", "2026-03-05", "Lạng Sơn",
    )  # fmt: skip
    assert got == expected


@needs_seeds
@pytest.mark.skipif(
    not extract.ocr_available(),
    reason="tesseract-ocr with its Vietnamese model (tesseract-ocr-vie) is not installed; see the Makefile",
)
def test_a_scanned_pdf_made_from_a_seed_is_read_by_ocr_up_to_measured_errors(tmp_path):
    text = seed_text("004")
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf_bytes(text))
    read = extract.extract(path.read_bytes(), path.name)
    assert (read.method, read.pages) == ("ocr", 5)
    # Character and word errors against the seed, spacing aside.
    original = " ".join(normalise(text).split())
    ocr = " ".join(normalise(read.text).split())
    characters = Levenshtein.distance(original, ocr) / len(original)
    words = Levenshtein.distance(original.split(), ocr.split()) / len(original.split())
    same, total, differ = agreement(comparable(parse_text(text)), command_draft(path))
    print(f"OCR: {characters:.2%} characters, {words:.2%} words wrong; draft fields the same {same}/{total}: {differ}")
    assert characters <= OCR_MAX_CHARACTER_ERRORS
    assert same / total >= OCR_MIN_FIELDS_SAME, differ
