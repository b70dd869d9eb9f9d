"""Upload checks shared by every page that takes evidence (progress reports, register entries):
a file's type is read from its content, never its name, and one bad file attaches none."""

from __future__ import annotations

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
