"""Text out of a plan file: plain text, Word (.docx), PDF with a text layer, or a scan (OCR).

OCR uses Debian's `tesseract-ocr` with its Vietnamese model (`tesseract-ocr-vie`), and
poppler's `pdftoppm` to rasterise scanned PDF pages (both in the Makefile's APT_PACKAGES).
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .parser import unwrap

TEXT_TYPES = (".txt",)
WORD_TYPES = (".docx",)
PDF_TYPES = (".pdf",)
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
ACCEPTED = TEXT_TYPES + WORD_TYPES + PDF_TYPES + IMAGE_TYPES
MAX_OCR_PAGES = 30
_page_limit: contextvars.ContextVar[int] = contextvars.ContextVar("ocr_page_limit", default=MAX_OCR_PAGES)
OCR_DPI = 300
# A PDF page with fewer characters than this is taken to be a scan.
TEXT_LAYER_MIN_CHARS = 40


class ExtractError(Exception):
    """The file cannot be read; the message says why, in the user's language."""


@dataclass
class Extracted:
    text: str
    method: str  # text | docx | pdf | ocr
    pages: int = 1


Progress = Callable[[int, int], None]


@contextlib.contextmanager
def ocr_page_limit(pages: int):
    """Read at most this many scanned pages (the web page reads a scan within the request)."""
    token = _page_limit.set(pages)
    try:
        yield
    finally:
        _page_limit.reset(token)


def ocr_available() -> bool:
    return bool(shutil.which("tesseract")) and "vie" in _tesseract_languages()


def _tesseract_languages() -> list[str]:
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in out.stdout.splitlines()[1:]]


def extract(data: bytes, filename: str, *, progress: Progress | None = None) -> Extracted:
    suffix = Path(filename).suffix.lower()
    if suffix in TEXT_TYPES:
        return Extracted(_decode(data), "text")
    if suffix in WORD_TYPES:
        return Extracted(_docx(data), "docx")
    if suffix in PDF_TYPES:
        return _pdf(data, progress)
    if suffix in IMAGE_TYPES:
        return Extracted(unwrap(_ocr_images([data], progress)), "ocr")
    raise ExtractError(
        _("This kind of file cannot be read. Upload a .docx, .pdf, .txt or a scanned image (.png, .jpg, .tif).")
    )


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractError(_("The text file is not in UTF-8; save it as UTF-8 and upload it again."))


def _docx(data: bytes) -> str:
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise ExtractError(_("The Word file cannot be opened (is it a .docx?).")) from error
    lines: list[str] = []
    # Paragraphs and tables in the order they appear (the header is often a two-column table).
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            for column in _table_columns(table):
                lines.extend(column)
    return "\n".join(lines)


def _table_columns(table) -> list[list[str]]:
    """A layout table (header, signature block) read column by column; a data table row by row."""
    rows = table.rows
    if len(rows) <= 4 and len(table.columns) == 2:
        return [[cell.text for cell in (row.cells[index] for row in rows)] for index in range(2)]
    return [["\t".join(cell.text for cell in row.cells) for row in rows]]


def _pdf(data: bytes, progress: Progress | None) -> Extracted:
    try:
        reader = PdfReader(io.BytesIO(data))
        texts = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, OSError) as error:
        raise ExtractError(_("The PDF file cannot be opened.")) from error
    if texts and all(len(text.strip()) >= TEXT_LAYER_MIN_CHARS for text in texts):
        return Extracted(unwrap("\n".join(texts)), "pdf", len(texts))
    limit = _page_limit.get()
    if len(texts) > limit:
        raise ExtractError(
            _("The scan has %(pages)d pages; at most %(max)d pages are read by OCR here.")
            % {"pages": len(texts), "max": limit}
        )
    if not shutil.which("pdftoppm"):
        raise ExtractError(_("This PDF is a scan and the OCR tools are not installed on the server."))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "scan.pdf"
        source.write_bytes(data)
        try:
            subprocess.run(
                ["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", str(source), str(Path(folder) / "page")],
                check=True,
                capture_output=True,
                timeout=300,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise ExtractError(_("The scanned PDF could not be turned into images for OCR.")) from error
        images = [path.read_bytes() for path in sorted(Path(folder).glob("page-*.png"))]
    return Extracted(unwrap(_ocr_images(images, progress)), "ocr", len(images))


def _ocr_images(images: list[bytes], progress: Progress | None) -> str:
    if not ocr_available():
        raise ExtractError(_("OCR needs tesseract-ocr with its Vietnamese model (tesseract-ocr-vie) on the server."))
    texts = []
    for index, image in enumerate(images, start=1):
        if progress:
            progress(index, len(images))
        try:
            out = subprocess.run(
                ["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "4"],
                input=image,
                capture_output=True,
                timeout=300,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise ExtractError(_("OCR failed on page %(page)d.") % {"page": index}) from error
        texts.append(out.stdout.decode("utf-8", errors="replace"))
    return "\n".join(texts)
