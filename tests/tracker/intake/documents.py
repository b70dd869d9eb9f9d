"""Files made from a plan's text for the intake tests: a Word document, a PDF with a text
layer, and a scanned PDF (the text drawn on A4 page images, no text layer)."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from docx import Document
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/dejavu")]
FONT_FILES = ["LiberationSerif-Regular.ttf", "DejaVuSerif.ttf"]
DPI = 200
A4 = (int(8.27 * DPI), int(11.69 * DPI))


def docx_bytes(text: str, *, header_table: int = 0) -> bytes:
    """Each line a paragraph; the first `header_table` lines as the two-column header table
    (left: issuer and number, right: motto and date), as NĐ 30/2020 lays it out."""
    document = Document()
    lines = text.splitlines()
    if header_table:
        head, lines = lines[:header_table], lines[header_table:]
        split = next(i for i, line in enumerate(head) if line.startswith("CỘNG HÒA"))
        left = [line for line in head[:split] if line.strip()]
        right = [line for line in head[split:] if line.strip()]
        number = next((line for line in right if line.startswith("Số:")), None)
        if number:  # the number sits under the issuer
            right.remove(number)
            left.append(number)
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "\n".join(left)
        table.cell(0, 1).text = "\n".join(right)
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _font(size: int) -> ImageFont.FreeTypeFont:
    for folder in FONT_DIRS:
        for name in FONT_FILES:
            if (folder / name).is_file():
                return ImageFont.truetype(str(folder / name), size)
    raise FileNotFoundError("no Vietnamese-capable serif font (fonts-liberation2 or fonts-dejavu-core)")


def scanned_pdf_bytes(text: str) -> bytes:
    """The text typeset on A4 pages (13 pt, 30 mm left margin) and saved as images only."""
    font = _font(int(13 / 72 * DPI))
    margin_left, margin_top = int(30 / 25.4 * DPI), int(20 / 25.4 * DPI)
    width_chars = 78
    line_height = int(font.size * 1.45)
    pages, page, y = [], None, 0
    for paragraph in text.splitlines():
        for line in textwrap.wrap(paragraph, width_chars) or [""]:
            if page is None or y + line_height > A4[1] - margin_top:
                page = Image.new("L", A4, 255)
                pages.append(page)
                y = margin_top
            ImageDraw.Draw(page).text((margin_left, y), line, font=font, fill=0)
            y += line_height
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=DPI)
    return out.getvalue()
