"""The restore drill (`manage.py verify_backup`): a backup of the database is restored into a
scratch database and every official report's files are checked against their fingerprints; a
missing or altered file fails the drill. On SQLite the backup is a copy of the database file,
on PostgreSQL a pg_dump in custom format (what tracker/config/deploy/backup.sh writes)."""

from __future__ import annotations

import datetime
import sqlite3
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection, connections

from tests import factories
from tracker.management.commands.verify_backup import postgres_url
from tracker.models import GeneratedReport
from tracker.reports.jobs import sha256

pytestmark = pytest.mark.django_db(transaction=True)  # the backup must see committed rows


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def done_report() -> GeneratedReport:
    pdf, xlsx = b"%PDF-1.7 the report", b"PK the workbook"
    return GeneratedReport.objects.create(
        kind=GeneratedReport.Kind.PROGRESS,
        period_type="year",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        title="Báo cáo năm 2026",
        status=GeneratedReport.Status.DONE,
        progress=100,
        pdf=ContentFile(pdf, name="bao-cao.pdf"),
        pdf_sha256=sha256(pdf),
        xlsx=ContentFile(xlsx, name="bao-cao.xlsx"),
        xlsx_sha256=sha256(xlsx),
        created_by=factories.UserFactory(),
    )


def backup(tmp_path: Path) -> Path:
    """What backup.sh does for the database."""
    if connection.vendor == "sqlite":
        target = tmp_path / "tracker.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return target
    target = tmp_path / "tracker.dump"
    url = postgres_url(connections.settings["default"], connection.settings_dict["NAME"])
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", url], check=True)
    return target


def drill(dump: Path, files: Path) -> str:
    out = StringIO()
    call_command("verify_backup", "--dump", str(dump), "--files", str(files), stdout=out, stderr=out)
    return out.getvalue()


def test_a_restored_backup_has_every_report_file_as_it_was_generated(tmp_path):
    report = done_report()
    files = Path(report.pdf.storage.location)
    dump = backup(tmp_path)
    assert "restored; 1 reports, every file matches" in drill(dump, files)

    Path(report.xlsx.path).write_bytes(b"PK changed")
    with pytest.raises(CommandError, match="1 problems in 1 reports"):
        drill(dump, files)
    Path(report.pdf.path).unlink()
    with pytest.raises(CommandError, match="2 problems in 1 reports"):
        drill(dump, files)


def test_a_missing_or_unreadable_backup_fails_the_drill(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        drill(tmp_path / "nothing.dump", tmp_path)
