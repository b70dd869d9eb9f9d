"""The pages every register shares: the index, the review actions, evidence files and the
review queue, through the views as users use them."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories
from tracker.models import OutputRecord, Publication, RegisterEntry, RegisterMeasure
from tracker.registers import services

pytestmark = pytest.mark.django_db
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def task_a(unit_a):
    return factories.TaskFactory(unit=unit_a, area=unit_a.area)


def draft(task, officer, title="Sổ tay hỏi đáp") -> Publication:
    entry = Publication(task=task, title=title, medium="print", copies=300, published_on=datetime.date(2026, 4, 2))
    return services.entry_save(entry=entry, actor=officer)


def test_the_officer_attaches_a_photo_submits_and_the_manager_accepts_through_the_pages(
    client, task_a, officer_a, manager
):
    output = factories.OutputIndicatorFactory(
        activity=task_a.activity, counted_from="records", register_measure=RegisterMeasure.PUBLICATION_COPIES
    )
    entry = draft(task_a, officer_a)
    client.force_login(officer_a)
    upload = SimpleUploadedFile("anh-phat-hanh.png", PNG, content_type="image/png")
    response = client.post(reverse("tracker:register_evidence_upload", args=[entry.pk]), {"files": [upload]})
    assert response.status_code == 302
    evidence = entry.evidence.get()
    assert (evidence.original_name, evidence.content_type, evidence.uploaded_by) == (
        "anh-phat-hanh.png",
        "image/png",
        officer_a,
    )
    download = client.get(reverse("tracker:register_evidence_download", args=[evidence.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PNG

    client.post(reverse("tracker:register_entry_submit", args=[entry.pk]))
    assert Publication.objects.get(pk=entry.pk).status == "submitted"

    client.force_login(manager)
    queue = client.get(reverse("tracker:review_queue"))
    assert f'name="review-entry-{entry.pk}"' in queue.content.decode()
    client.post(reverse("tracker:register_entry_accept", args=[entry.pk]))
    assert Publication.objects.get(pk=entry.pk).status == "accepted"
    assert OutputRecord.objects.get(output_indicator=output).quantity == 300
    queue = client.get(reverse("tracker:review_queue"))
    assert f'name="review-entry-{entry.pk}"' not in queue.content.decode()


def test_a_file_that_is_not_a_photo_pdf_or_office_document_is_refused_and_nothing_attached(client, task_a, officer_a):
    entry = draft(task_a, officer_a)
    client.force_login(officer_a)
    upload = SimpleUploadedFile("anh.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    response = client.post(
        reverse("tracker:register_evidence_upload", args=[entry.pk]), {"files": [upload]}, follow=True
    )
    assert "anh.jpg" in response.content.decode()
    assert not entry.evidence.exists()


def test_returning_needs_a_reason_and_the_unit_sees_it(client, task_a, officer_a, manager):
    entry = draft(task_a, officer_a)
    services.entry_submit(entry=entry, actor=officer_a)
    client.force_login(manager)
    client.post(reverse("tracker:register_entry_return", args=[entry.pk]), {"reason": ""})
    assert Publication.objects.get(pk=entry.pk).status == "submitted"
    client.post(reverse("tracker:register_entry_return", args=[entry.pk]), {"reason": "Thiếu ảnh phát hành"})
    returned = Publication.objects.get(pk=entry.pk)
    assert (returned.status, returned.return_reason, returned.reviewed_by) == (
        "returned",
        "Thiếu ảnh phát hành",
        manager,
    )


def test_the_index_counts_only_what_the_officer_sees(client, task_a, officer_a, officer_b, unit_b):
    draft(task_a, officer_a)
    accepted = draft(task_a, officer_a, "Tài liệu đã duyệt")
    Publication.objects.filter(pk=accepted.pk).update(status=RegisterEntry.Status.ACCEPTED)
    task_b = factories.TaskFactory(unit=unit_b)
    draft(task_b, officer_b, "Của xã B")

    client.force_login(officer_a)
    page = client.get(reverse("tracker:register_index")).content.decode()
    row = page.split('data-register="publication"')[1].split("</tr>")[0]
    assert [cell.split("</a>")[0].rsplit(">", 1)[1] for cell in row.split('class="num"')[1:]] == ["2", "1", "0"]


@pytest.mark.parametrize("entries", [1, 6])
def test_the_index_and_the_review_queue_take_the_same_queries_whatever_the_number(
    client, task_a, officer_a, manager, entries, django_assert_max_num_queries
):
    for n in range(entries):
        services.entry_submit(entry=draft(task_a, officer_a, f"Tài liệu {n}"), actor=officer_a)
    client.force_login(manager)
    with django_assert_max_num_queries(6):  # session, user, roles, counts (+ nav badge queries)
        assert client.get(reverse("tracker:register_index")).status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("tracker:review_queue")).status_code == 200
