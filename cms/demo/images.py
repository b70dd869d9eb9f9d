"""Illustrations for the demo articles, drawn here with Pillow (nothing is downloaded).

Each picture is a simple flat drawing on a theme of seed 003 — a smartphone, signal bars,
a 2G mast switched off, a meeting — with its caption and "Ảnh minh họa (mẫu)" written on it,
so that nobody takes it for a photograph of a real event. The drawing is deterministic:
the same theme gives the same bytes, which keeps the loader idempotent.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 900
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
SAMPLE_LABEL = "Ảnh minh họa (mẫu)"

PALETTES = {
    "blue": ((11, 92, 171), (7, 66, 124), (232, 113, 10)),
    "teal": ((0, 121, 107), (0, 77, 64), (255, 193, 7)),
    "orange": ((230, 101, 0), (150, 60, 0), (11, 92, 171)),
    "purple": ((94, 53, 177), (49, 27, 146), (0, 188, 212)),
    "green": ((46, 125, 50), (27, 94, 32), (255, 167, 38)),
}


def _font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size=size)


def _gradient(top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), top)
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=colour)
    return image


def _phone(draw: ImageDraw.ImageDraw, x: int, y: int, scale: float, accent, screen_text: str = "") -> None:
    w, h = int(300 * scale), int(560 * scale)
    draw.rounded_rectangle([x, y, x + w, y + h], radius=int(42 * scale), fill=(20, 24, 28))
    m = int(18 * scale)
    draw.rounded_rectangle([x + m, y + 3 * m, x + w - m, y + h - 3 * m], radius=int(16 * scale), fill=(245, 248, 250))
    tile = (w - 4 * m) // 3
    for row in range(3):
        for col in range(3):
            left = x + m + m // 2 + col * (tile + m // 2)
            top = y + 4 * m + row * (tile + m // 2)
            fill = accent if (row + col) % 2 == 0 else (11, 92, 171)
            draw.rounded_rectangle(
                [left, top, left + tile - m // 2, top + tile - m // 2], radius=int(10 * scale), fill=fill
            )
    if screen_text:
        font = _font(int(34 * scale), bold=True)
        draw.text((x + w // 2, y + h - 5 * m), screen_text, font=font, fill=(20, 24, 28), anchor="mm")


def _signal(draw: ImageDraw.ImageDraw, x: int, y: int, colour, crossed: bool = False, label: str = "") -> None:
    for i in range(4):
        bar_h = 60 + i * 55
        draw.rounded_rectangle([x + i * 70, y - bar_h, x + i * 70 + 48, y], radius=8, fill=colour)
    if label:
        draw.text((x + 130, y + 60), label, font=_font(72, bold=True), fill=colour, anchor="mm")
    if crossed:
        draw.line([(x - 30, y - 260), (x + 300, y + 110)], fill=(220, 40, 40), width=26)


def _people(draw: ImageDraw.ImageDraw, x: int, y: int, count: int, colours) -> None:
    for i in range(count):
        cx = x + i * 150
        colour = colours[i % len(colours)]
        draw.ellipse([cx - 40, y - 190, cx + 40, y - 110], fill=colour)
        draw.rounded_rectangle([cx - 62, y - 100, cx + 62, y + 60], radius=50, fill=colour)


def _caption(draw: ImageDraw.ImageDraw, title: str) -> None:
    draw.rectangle([0, HEIGHT - 150, WIDTH, HEIGHT], fill=(0, 0, 0))
    draw.text((60, HEIGHT - 100), title, font=_font(50, bold=True), fill=(255, 255, 255), anchor="lm")
    draw.text((60, HEIGHT - 40), SAMPLE_LABEL, font=_font(30), fill=(255, 214, 102), anchor="lm")


def draw(theme: str, title: str, palette: str = "blue") -> bytes:
    """A JPEG of the theme ("smartphone", "platforms", "2g", "4g", "meeting", "policy")."""
    main, dark, accent = PALETTES[palette]
    image = _gradient(main, dark)
    canvas = ImageDraw.Draw(image)
    # Soft circles in the background give the flat drawing some depth.
    for i, (cx, cy, r) in enumerate([(1350, 180, 260), (180, 720, 220), (900, 80, 120)]):
        shade = tuple(min(255, c + 25 + 10 * i) for c in main)
        canvas.ellipse([cx - r, cy - r, cx + r, cy + r], fill=shade)
    if theme == "smartphone":
        _phone(canvas, 620, 110, 1.15, accent, "Hue-S")
        _signal(canvas, 1080, 520, (255, 255, 255), label="4G")
    elif theme == "platforms":
        _phone(canvas, 260, 120, 1.0, accent, "Zalo")
        _phone(canvas, 660, 90, 1.1, (255, 255, 255), "Hue-S")
        _phone(canvas, 1090, 120, 1.0, accent, "VNeID")
    elif theme == "2g":
        _signal(canvas, 330, 560, (255, 255, 255), crossed=True, label="2G")
        _phone(canvas, 980, 120, 1.05, accent, "4G")
    elif theme == "4g":
        _signal(canvas, 280, 540, accent, label="4G")
        _phone(canvas, 760, 100, 1.1, (255, 255, 255), "4G")
    elif theme == "meeting":
        canvas.rounded_rectangle([360, 110, 1240, 420], radius=24, fill=(255, 255, 255))
        canvas.text((800, 265), "Nền tảng số", font=_font(90, bold=True), fill=dark, anchor="mm")
        _people(canvas, 280, 690, 8, [accent, (255, 255, 255), (255, 214, 102)])
    else:  # policy
        canvas.rounded_rectangle([300, 110, 820, 700], radius=18, fill=(255, 255, 255))
        for line in range(9):
            canvas.rounded_rectangle(
                [350, 190 + line * 52, 770 - (line % 3) * 60, 214 + line * 52], radius=8, fill=(210, 218, 226)
            )
        _phone(canvas, 930, 130, 1.0, accent, "2269")
    _caption(canvas, title)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=84, optimize=True)
    return out.getvalue()


def sample_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF "extract" for the document library, marked as a sample."""
    page = Image.new("RGB", (1240, 1754), (255, 255, 255))
    canvas = ImageDraw.Draw(page)
    canvas.text((620, 120), "BẢN TRÍCH – DỮ LIỆU MẪU", font=_font(34, bold=True), fill=(160, 90, 0), anchor="mm")
    canvas.text((620, 220), title, font=_font(40, bold=True), fill=(0, 0, 0), anchor="mm")
    y = 330
    for line in lines:
        canvas.text((150, y), line, font=_font(28), fill=(0, 0, 0))
        y += 52
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=150)
    return out.getvalue()
