"""Upload checks shared by every page that takes evidence (progress reports, register entries):
a file's type is read from its content, never its name, and one bad file attaches none."""

from __future__ import annotations

import io
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from tracker.models.progress import PREVIEW_TYPES

OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


ALLOWED_TYPES = {
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/heic",
    "application/pdf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    *OOXML.values(),
}


# For the file input's accept= attribute: a hint to the phone's picker, not the check itself.
ACCEPT_ATTRIBUTE = ",".join(
    [".jpg", ".jpeg", ".png", ".webp", ".heic", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx"]
    + sorted(ALLOWED_TYPES)
)


# Old Office files (Word 97–2003, Excel, PowerPoint) are OLE compound documents.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ooxml_type(upload: UploadedFile) -> str | None:
    """The Office Open XML type of a zip file by the folder it holds, or None."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    for prefix, mime in OOXML.items():
        if any(name.startswith(prefix) for name in names):
            return mime
    return None


def evidence_type(upload: UploadedFile) -> str:
    """The file's real type, read from its first bytes (never its name), or a ValidationError
    naming the file when it is not a photo, a PDF or an Office document, or is too large."""
    name = upload.name or "?"
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime in OOXML.values() or mime == "application/zip":
        mime = _ooxml_type(upload)
    elif mime is None and head.startswith(OLE_SIGNATURE):
        mime = "application/msword"  # an old Office file filetype could not tell apart
    if mime not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "“%(name)s” is not a photo (JPEG, PNG, WebP, HEIC), a PDF or an Office document "
                "(Word, Excel, PowerPoint); it was not attached."
            )
            % {"name": name},
            code="file_type",
        )
    return mime


def evidence_types(uploads: list[UploadedFile]) -> list[str]:
    """The real type of every file, or one ValidationError naming every file refused, so that
    one bad file attaches none."""
    types, errors = [], []
    for upload in uploads:
        try:
            types.append(evidence_type(upload))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError({"evidence": errors})
    return types


# EXIF orientations that turn a photo a quarter turn: its shown width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}
EXIF_ORIENTATION = 0x0112


def image_size(upload, mime: str) -> tuple[int, int] | None:
    """A photo's width and height as shown (its EXIF rotation applied), read from its header
    only; None for anything else or a photo Pillow cannot read."""
    if mime not in PREVIEW_TYPES:
        return None
    upload.seek(0)
    try:
        with Image.open(upload) as image:  # lazy: reads the header, not the pixels
            width, height = image.size
            if image.getexif().get(EXIF_ORIENTATION) in _QUARTER_TURNS:
                width, height = height, width
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)
    return width, height


def thumbnail(stored, box: int) -> bytes:
    """A JPEG of the stored photo fitted in box×box pixels, turned upright by its EXIF
    orientation (Pillow, already installed for Wagtail's images). Raises OSError (or
    Pillow's errors) when the file is gone or unreadable."""
    with stored.open("rb") as handle, Image.open(handle) as image:
        image.draft("RGB", (box, box))  # JPEG: decode at a reduced scale, much faster
        image = ImageOps.exif_transpose(image)
        image.thumbnail((box, box))
        if image.mode not in ("RGB", "L"):
            # Transparent PNG/WebP on white, as the page shows them.
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80, optimize=True)
    return buffer.getvalue()
