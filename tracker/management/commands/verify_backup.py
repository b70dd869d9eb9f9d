"""The restore drill: restore a database backup into a scratch database and check that every
official report it records still has its files, byte for byte (their SHA-256 fingerprints).

    manage.py verify_backup --dump /srv/tracker/backups/tracker-20260105-013000.dump \
        --files /tmp/restored-media

`--dump` is a PostgreSQL dump in pg_dump's custom format (what backup.sh writes), or a copy of
a SQLite database file. `--files` is the restored copy of the folder the report files are
stored in (repeat it when they are spread over several, e.g. MEDIA_ROOT and private storage).
The scratch database (PostgreSQL: `<database>_restore_<time>`) is dropped afterwards unless
`--keep`. Exits with an error when the restore fails or any report's file is missing or altered.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.utils import timezone

from tracker.models import GeneratedReport

SQLITE_HEADER = b"SQLite format 3\x00"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def postgres_url(settings: dict, name: str) -> str:
    user = settings.get("USER") or ""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = settings.get("HOST") or "localhost"
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgresql://{credentials}{host}{port}/{name}"


class Command(BaseCommand):
    help = (
        "Restore a backup into a scratch database and check every official report's files against their fingerprints."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dump", required=True, help="pg_dump custom-format file, or a SQLite database file")
        parser.add_argument(
            "--files", action="append", required=True, help="restored folder the report files are stored in"
        )
        parser.add_argument("--keep", action="store_true", help="keep the scratch database for inspection")

    def handle(self, *args, dump: str, files: list[str], keep: bool = False, **options):
        dump_path = Path(dump)
        if not dump_path.is_file():
            raise CommandError(f"No backup file at {dump_path}")
        with dump_path.open("rb") as handle:
            is_sqlite = handle.read(16) == SQLITE_HEADER
        scratch = dict(connections.settings["default"])
        cleanup = self._restore_sqlite(dump_path, scratch) if is_sqlite else self._restore_postgres(dump_path, scratch)
        # A plain DB-API connection of its own, outside Django's `connections`: nothing else
        # in the process can end up using the scratch database.
        if is_sqlite:
            restored, placeholder = sqlite3.connect(scratch["NAME"]), "?"
        else:
            import psycopg

            restored, placeholder = psycopg.connect(postgres_url(scratch, scratch["NAME"])), "%s"
        try:
            problems, checked = self._check_reports(restored, placeholder, [Path(folder) for folder in files])
        finally:
            restored.close()
            if keep:
                self.stdout.write(f"scratch database kept: {scratch['NAME']}")
            else:
                cleanup()
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(f"verify_backup: {len(problems)} problems in {checked} reports")
        self.stdout.write(self.style.SUCCESS(f"verify_backup: restored; {checked} reports, every file matches"))

    # --- Restoring ---------------------------------------------------------------------------

    def _restore_sqlite(self, dump_path: Path, scratch: dict):
        folder = Path(tempfile.mkdtemp(prefix="verify-backup-"))
        shutil.copyfile(dump_path, folder / "restored.sqlite3")
        scratch.update(ENGINE="django.db.backends.sqlite3", NAME=str(folder / "restored.sqlite3"))
        return lambda: shutil.rmtree(folder, ignore_errors=True)

    def _restore_postgres(self, dump_path: Path, scratch: dict):
        if connection.vendor != "postgresql":
            raise CommandError("A PostgreSQL dump is restored with DATABASE_URL pointing at PostgreSQL.")
        name = f"{scratch['NAME']}_restore_{timezone.now():%Y%m%d%H%M%S}"[:63]
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')

        def drop() -> None:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')

        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname"]
        command += [postgres_url(scratch, name), str(dump_path)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode:
            drop()
            raise CommandError(f"pg_restore failed: {result.stderr.strip()[:2000]}")
        scratch["NAME"] = name
        return drop

    # --- Checking ----------------------------------------------------------------------------

    def _check_reports(self, restored, placeholder: str, folders: list[Path]) -> tuple[list[str], int]:
        problems: list[str] = []
        table = GeneratedReport._meta.db_table
        cursor = restored.cursor()
        cursor.execute(
            f"SELECT id, pdf, pdf_sha256, xlsx, xlsx_sha256 FROM {table} WHERE status = {placeholder} ORDER BY id",
            [str(GeneratedReport.Status.DONE)],
        )
        rows = cursor.fetchall()
        cursor.close()
        for pk, pdf, pdf_sha256, xlsx, xlsx_sha256 in rows:
            for name, fingerprint in ((pdf, pdf_sha256), (xlsx, xlsx_sha256)):
                found = next((folder / name for folder in folders if (folder / name).is_file()), None)
                if found is None:
                    problems.append(f"report {pk}: file {name} is missing")
                elif _sha256(found) != fingerprint:
                    problems.append(f"report {pk}: file {name} does not match its fingerprint")
        return problems, len(rows)
