"""Private files: evidence (progress reports, register entries) and generated reports.

They live in the "private" storage (`STORAGES["private"]`, folder `PRIVATE_MEDIA_ROOT`), outside
`MEDIA_ROOT`: it has no URL, so the web server can never serve one; only the views that check
who may see the row hand a file out (`private_file_response`: always an attachment, under the
name the user gave it, with `X-Content-Type-Options: nosniff`, and through the reverse proxy
with `X-Accel-Redirect` / `X-Sendfile` when `PRIVATE_MEDIA_SERVER` says so).

Names are the database's, never the uploader's: `evidence/2026/12/<32 random hex>.pdf`, the
extension that of the type found by content (the original name is kept in the row, for the
download). Files follow their rows:

- a file is written under its final, unguessable name and is reachable only once a committed
  row points at it;
- a file written inside a transaction that rolls back is removed: the storage remembers what it
  wrote, `transaction.on_commit` confirms it, and whatever is still unconfirmed when the request
  or the Celery task ends outside any transaction (so its transaction rolled back) is deleted;
- a file removed with its row goes only once the removal commits (`delete_on_commit`);
- whatever a killed process still leaves behind, `manage.py clean_orphan_files` (and its daily
  Celery beat entry) finds and removes: files no row points at, older than a grace period;
- a full disk (ENOSPC) leaves no partial file and raises `StorageFull`, shown to the user as a
  clear message (by the services' callers, or `StorageFullMiddleware` for anything else).
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection, transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# The extension a stored file gets, from the type found by its content.
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
    "application/vnd.ms-powerpoint": "ppt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
}


class StorageFull(OSError):
    """The disk is full: nothing of the file was kept."""

    def __init__(self) -> None:
        super().__init__(errno.ENOSPC, str(storage_full_message()))


def storage_full_message() -> str:
    return _(
        "The server's disk is full, so the file was not saved and nothing was recorded. "
        "Please tell the administrator, then try again."
    )


# --- Files written in a transaction that rolls back ---------------------------------------------

_local = threading.local()


def _pending() -> set[str]:
    if not hasattr(_local, "paths"):
        _local.paths = set()
    return _local.paths


@dataclass(frozen=True)
class _Confirm:
    """The on-commit callback of a written file: once it runs, the file belongs to its row."""

    path: str

    def __call__(self) -> None:
        _pending().discard(self.path)


def forget_rolled_back_files() -> list[str]:
    """Delete the files this thread wrote whose transaction (or savepoint) rolled back: those
    still unconfirmed whose on-commit callback Django no longer holds. Called when a request or
    a task ends (and after a full disk); a file of a transaction still open is kept."""
    waiting = {func.path for _sids, func, *_rest in connection.run_on_commit if isinstance(func, _Confirm)}
    removed = []
    for path in list(_pending() - waiting):
        _pending().discard(path)
        try:
            os.remove(path)
            removed.append(path)
        except FileNotFoundError:
            pass
        except OSError:
            logger.exception("Could not remove %s, written by a transaction that rolled back", path)
    return removed


@deconstructible
class PrivateStorage(FileSystemStorage):
    """The private files' folder: no URL; files written in a transaction are removed if it rolls
    back; a full disk leaves nothing behind."""

    def __init__(self, location: str | os.PathLike | None = None, **kwargs) -> None:
        kwargs.pop("base_url", None)
        super().__init__(location=location, **kwargs)

    # Read at each use, so that the folder follows PRIVATE_MEDIA_ROOT (tests change it).
    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL: serve them through a view (tracker.core.files).")

    def _save(self, name: str, content) -> str:
        try:
            name = super()._save(name, content)
        except OSError as error:
            if error.errno == errno.ENOSPC:
                self._remove_partial(name)
                raise StorageFull from error
            raise
        path = self.path(name)
        _pending().add(path)
        transaction.on_commit(_Confirm(path))
        return name

    def _remove_partial(self, name: str) -> None:
        with contextlib.suppress(OSError):
            os.remove(self.path(name))


def private_storage() -> FileSystemStorage:
    """For `FileField(storage=private_storage)`: the storage configured as "private"."""
    return storages["private"]


def random_name(folder: str, content_type: str = "", extension: str = "") -> str:
    """`<folder>/<yyyy>/<mm>/<32 random hex>.<extension of the type>`: a name the database owns."""
    extension = extension or EXTENSIONS.get(content_type, "bin")
    today = timezone.localdate()
    return f"{folder}/{today:%Y}/{today:%m}/{uuid.uuid4().hex}.{extension}"


def evidence_upload_to(instance, filename: str) -> str:
    return random_name("evidence", getattr(instance, "content_type", ""))


def register_evidence_upload_to(instance, filename: str) -> str:
    return random_name("registers", getattr(instance, "content_type", ""))


def generated_report_upload_to(instance, filename: str) -> str:
    return random_name("generated_reports", extension=Path(filename).suffix.lstrip(".").lower() or "bin")


def delete_on_commit(stored: FieldFile) -> None:
    """Remove a stored file once the removal of its row commits (kept if it rolls back)."""
    if not stored:
        return
    storage, name = stored.storage, stored.name
    transaction.on_commit(lambda: storage.delete(name))


# --- Handing a file out -----------------------------------------------------------------------


def _ascii_name(name: str) -> str:
    return "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\' else "_" for ch in name) or "file"


def private_file_response(stored: FieldFile, *, download_name: str, content_type: str) -> HttpResponse:
    """A private file as an attachment under `download_name`, never rendered by the browser;
    handed to the reverse proxy (X-Accel-Redirect for nginx, X-Sendfile for Apache) when
    PRIVATE_MEDIA_SERVER says so, otherwise streamed by Django. 404 when the file is gone."""
    if not stored:
        raise Http404
    server = settings.PRIVATE_MEDIA_SERVER
    if server in ("nginx", "apache"):
        if not stored.storage.exists(stored.name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        if server == "nginx":
            response["X-Accel-Redirect"] = settings.PRIVATE_MEDIA_INTERNAL_URL.rstrip("/") + "/" + stored.name
        else:
            response["X-Sendfile"] = stored.storage.path(stored.name)
        response["Content-Disposition"] = content_disposition_header(True, download_name)
    else:
        try:
            handle = stored.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        response = FileResponse(handle, as_attachment=True, filename=download_name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def attachment_headers(response: HttpResponse, download_name: str) -> HttpResponse:
    """The headers every private download carries (for a response built from bytes)."""
    from django.utils.http import content_disposition_header

    response["Content-Disposition"] = content_disposition_header(True, download_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class StorageFullMiddleware:
    """A full disk anywhere in a request: a clear page (HTTP 507), not a 500."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, StorageFull) or (isinstance(exception, OSError) and exception.errno == errno.ENOSPC):
            forget_rolled_back_files()
            return render(request, "storage_full.html", {"message": storage_full_message()}, status=507)
        return None


# --- Orphans --------------------------------------------------------------------------------


def referenced_private_names() -> set[str]:
    """Every file name a row of a model with a private FileField points at."""
    from django.apps import apps

    names: set[str] = set()
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if getattr(model_field, "storage", None) is not None and isinstance(model_field.storage, PrivateStorage):
                names.update(
                    name
                    for name in model._default_manager.exclude(**{model_field.name: ""}).values_list(
                        model_field.name, flat=True
                    )
                    if name
                )
    return names


def stored_private_files() -> Iterator[tuple[str, datetime.datetime]]:
    """(name, modified) of every file in the private storage."""
    root = Path(private_storage().location)
    if not root.exists():
        return
    for path in root.rglob("*"):
        if path.is_file():
            modified = datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC)
            yield path.relative_to(root).as_posix(), modified


def orphan_files(*, grace: datetime.timedelta = datetime.timedelta(hours=1)) -> list[str]:
    """Files of the private storage no row points at, older than `grace` (a younger one may
    belong to a transaction still running)."""
    referenced = referenced_private_names()
    cutoff = timezone.now() - grace
    return sorted(name for name, modified in stored_private_files() if name not in referenced and modified < cutoff)


def clean_orphan_files(*, dry_run: bool = False, grace: datetime.timedelta = datetime.timedelta(hours=1)) -> list[str]:
    orphans = orphan_files(grace=grace)
    if not dry_run:
        storage = private_storage()
        for name in orphans:
            storage.delete(name)
    return orphans
