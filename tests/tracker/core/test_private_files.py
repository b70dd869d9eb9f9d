"""Private files: evidence and generated reports live outside MEDIA_ROOT under random names with
the extension of their real type, are handed out only by the permission-checked views (always
as attachments, nosniff), follow their rows (gone when the transaction rolls back, found by
`clean_orphan_files` when a process died) and a full disk leaves nothing half-saved."""

from __future__ import annotations

import errno
import os
import re
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.urls import reverse

from tests import factories
from tests.tracker.progress.test_progress import draft, png, report_url, world  # noqa: F401
from tests.tracker.reports.helpers import produce
from tracker.core import files
from tracker.models import Evidence, ProgressReport
from tracker.progress import services as ps

pytestmark = pytest.mark.django_db
RANDOM_NAME = re.compile(r"^evidence/\d{4}/\d{2}/[0-9a-f]{32}\.(png|jpg|pdf)$")


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def upload_through_the_form(client, world, officer, *uploads):  # noqa: F811
    client.force_login(officer)
    return client.post(
        report_url(world.task),
        {"percent_complete": "30", "narrative": "Đã lắp", "evidence": list(uploads), "action": "save"},
    )


def test_evidence_is_stored_privately_under_a_random_name_with_its_real_extension(
    client,
    world,  # noqa: F811
    officer_a,
    folders,
):
    # A PNG named like a web page: stored as .png, never as .html.
    response = upload_through_the_form(client, world, officer_a, png("polyglot.html"))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.original_name == "polyglot.html"
    assert RANDOM_NAME.match(evidence.file.name) and evidence.file.name.endswith(".png")
    assert files_under(folders / "private") == [evidence.file.name]
    assert files_under(folders / "media") == []
    # Nothing under the public media URL is an evidence file.
    assert client.get("/media/" + evidence.file.name).status_code == 404
    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018 — private files have no URL


def test_the_download_is_an_attachment_with_the_original_name_and_nosniff_for_those_who_may_see_it(
    client,
    world,  # noqa: F811
    officer_a,
    officer_b,
):
    evidence = ps.evidence_attach(report=draft(world, officer_a), upload=png("ảnh hiện trường.png"), actor=officer_a)
    url = reverse("tracker:evidence_download", args=[evidence.pk])
    client.force_login(officer_a)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x89PNG"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E1%BA%A3nh%20hi%E1%BB%87n%20tr%C6%B0%E1%BB%9Dng.png" in response["Content-Disposition"]
    client.force_login(officer_b)  # another commune's officer: as if it did not exist
    assert client.get(url).status_code == 404


def test_behind_nginx_the_file_is_handed_to_the_proxy(client, world, officer_a, settings):  # noqa: F811
    settings.PRIVATE_MEDIA_SERVER = "nginx"
    evidence = ps.evidence_attach(report=draft(world, officer_a), upload=png(), actor=officer_a)
    client.force_login(officer_a)
    response = client.get(reverse("tracker:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_private/" + evidence.file.name
    assert response.content == b""
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_file_whose_row_was_removed_answers_404(client, world, officer_a, folders):  # noqa: F811
    evidence = ps.evidence_attach(report=draft(world, officer_a), upload=png(), actor=officer_a)
    os.remove(folders / "private" / evidence.file.name)
    client.force_login(officer_a)
    assert client.get(reverse("tracker:evidence_download", args=[evidence.pk])).status_code == 404


def test_a_file_written_in_a_transaction_that_rolls_back_is_removed(world, officer_a, folders):  # noqa: F811
    report = draft(world, officer_a)
    kept = ps.evidence_attach(report=report, upload=png("kept.png"), actor=officer_a)
    with pytest.raises(RuntimeError), transaction.atomic():
        ps.evidence_attach(report=report, upload=png("lost.png"), actor=officer_a)
        assert len(files_under(folders / "private")) == 2
        raise RuntimeError("the request failed after the file was written")
    # The request ends. As Django's test client does, without closing the test's connection
    # (on PostgreSQL close_old_connections would drop it mid-test).
    request_finished.disconnect(close_old_connections)
    try:
        request_finished.send(sender=None)
    finally:
        request_finished.connect(close_old_connections)
    assert files_under(folders / "private") == [kept.file.name]
    assert list(Evidence.objects.values_list("original_name", flat=True)) == ["kept.png"]


def test_a_full_disk_gives_a_clear_message_and_leaves_no_file_and_no_row(
    client,
    world,  # noqa: F811
    officer_a,
    folders,
    monkeypatch,
):
    real_save = FileSystemStorage._save

    def half_written(self, name, content):
        real_save(self, name, ContentFile(content.read()[:10]))  # the disk fills up mid-file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", half_written)
    client.cookies["django_language"] = "vi"
    response = upload_through_the_form(client, world, officer_a, png("a.png"))
    assert response.status_code == 507
    assert "Ổ đĩa của máy chủ đã đầy" in response.content.decode()
    assert files_under(folders / "private") == []
    assert not Evidence.objects.exists() and not ProgressReport.objects.exists()


def test_clean_orphan_files_removes_only_old_files_no_row_points_at(world, officer_a, folders):  # noqa: F811
    evidence = ps.evidence_attach(report=draft(world, officer_a), upload=png(), actor=officer_a)
    private = folders / "private"
    old_orphan = private / "evidence/2026/01/0123456789abcdef0123456789abcdef.png"
    young_orphan = private / "evidence/2026/01/fedcba9876543210fedcba9876543210.png"
    for orphan in (old_orphan, young_orphan):
        orphan.parent.mkdir(parents=True, exist_ok=True)
        orphan.write_bytes(b"x")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(old_orphan, (two_hours_ago, two_hours_ago))
    os.utime(private / evidence.file.name, (two_hours_ago, two_hours_ago))

    out = StringIO()
    call_command("clean_orphan_files", "--dry-run", stdout=out)
    assert "evidence/2026/01/0123456789abcdef0123456789abcdef.png" in out.getvalue()
    assert old_orphan.exists()
    call_command("clean_orphan_files", stdout=StringIO())
    assert not old_orphan.exists()
    assert young_orphan.exists() and (private / evidence.file.name).exists()


def test_the_periodic_clean_up_is_scheduled_and_known_to_the_worker(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["clean-orphan-files"]
    assert entry["task"] == "tracker.core.tasks.clean_orphan_files"
    from tracker.core import tasks

    assert tasks.clean_orphan_files.name == entry["task"]


def test_existing_public_files_are_moved_into_the_private_storage(world, officer_a, folders):  # noqa: F811
    report = draft(world, officer_a)
    evidence = ps.evidence_attach(report=report, upload=png(), actor=officer_a)
    # As an earlier version left it: under MEDIA_ROOT, under the uploader's name.
    old_name = "evidence/2026/12/polyglot.html"
    content = (folders / "private" / evidence.file.name).read_bytes()
    (folders / "private" / evidence.file.name).unlink()
    (folders / "media" / "evidence/2026/12").mkdir(parents=True)
    (folders / "media" / old_name).write_bytes(content)
    Evidence.objects.filter(pk=evidence.pk).update(file=old_name)

    out = StringIO()
    call_command("move_private_files", stdout=out)
    evidence.refresh_from_db()
    assert RANDOM_NAME.match(evidence.file.name) and evidence.file.name.endswith(".png")
    assert (folders / "private" / evidence.file.name).read_bytes() == content
    assert files_under(folders / "media") == []
    assert "1" in out.getvalue()
    call_command("move_private_files", stdout=out)  # again: nothing to move
    evidence.refresh_from_db()
    assert (folders / "private" / evidence.file.name).exists()


def test_generated_report_files_are_private_with_random_names(manager, folders):
    report = produce(manager, kind="progress", issuer_id=factories.UnitFactory().pk)
    assert report.status == "done", report.error_message
    for stored in (report.pdf, report.xlsx):
        assert re.match(r"^generated_reports/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|xlsx)$", stored.name)
        assert (folders / "private" / stored.name).exists()
    assert files_under(folders / "media") == []
    assert isinstance(files.private_storage(), files.PrivateStorage)
