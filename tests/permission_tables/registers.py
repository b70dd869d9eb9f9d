"""What every register shares: the index, the link to any entry, the review actions, evidence
files, and each register's history page. Entries are unit A's publications on task_a.

Actions that change an entry get a fresh entry for each persona (made when the path is built,
before the rows are counted), so every persona meets the same state: a unit officer of the
task's unit and a DIC manager may act on a draft, only a manager reviews, finance officers and
monitors see but may not act (403), officer B and the CMS editor do not see it (404).
"""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.permission_tables import Entry, answers
from tracker.models import Publication, RadioStation
from tracker.registers import services
from tracker.registers.services import URL_PREFIX

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
READERS = answers(manager=200, finance=200, monitor=200, officer_a=200, others=404)
ACT_ON_DRAFT = answers(manager=302, officer_a=302, finance=403, monitor=403, others=404)
REVIEW = answers(manager=302, officer_a=403, finance=403, monitor=403, others=404)


def _draft(world, title: str = "Sổ tay thông tin thiết yếu") -> Publication:
    officer = world.users["officer_a"]
    entry = Publication(
        task=world.task_a, title=title, medium="print", copies=200, published_on=datetime.date(2026, 3, 2)
    )
    return services.entry_save(entry=entry, actor=officer)


def _submitted(world) -> Publication:
    entry = _draft(world)
    services.entry_submit(entry=entry, actor=world.users["officer_a"])
    return entry


def _shown(world) -> Publication:
    """One entry with one file, made once per world, for the pages that only read."""
    if not hasattr(world, "register_entry"):
        world.register_entry = _draft(world, "Tài liệu hỏi đáp")
        upload = SimpleUploadedFile("anh.png", PNG, content_type="image/png")
        world.register_evidence = services.evidence_attach_many(
            entry=world.register_entry, uploads=[upload], actor=world.users["officer_a"]
        )[0]
    return world.register_entry


def _evidence_on_draft(world):
    entry = _draft(world)
    upload = SimpleUploadedFile("bien-ban.png", PNG, content_type="image/png")
    return services.evidence_attach_many(entry=entry, uploads=[upload], actor=world.users["officer_a"])[0]


def _station(world) -> RadioStation:
    if not hasattr(world, "radio_station"):
        world.radio_station = RadioStation.objects.create(commune=world.area)
    return world.radio_station


ENTRIES = {
    "tracker:register_index": Entry(
        path=lambda w: reverse("tracker:register_index"),
        methods={"GET": answers(manager=200, finance=200, monitor=200, officer_a=200, officer_b=200, editor=403)},
    ),
    "tracker:register_entry": Entry(
        path=lambda w: reverse("tracker:register_entry", args=[_shown(w).pk]),
        methods={"GET": answers(manager=302, finance=302, monitor=302, officer_a=302, others=404)},
    ),
    "tracker:register_entry_submit": Entry(
        path=lambda w: reverse("tracker:register_entry_submit", args=[_draft(w).pk]),
        methods={"POST": ACT_ON_DRAFT},
    ),
    "tracker:register_entry_delete": Entry(
        path=lambda w: reverse("tracker:register_entry_delete", args=[_draft(w).pk]),
        methods={"POST": ACT_ON_DRAFT},
    ),
    "tracker:register_entry_accept": Entry(
        path=lambda w: reverse("tracker:register_entry_accept", args=[_submitted(w).pk]),
        methods={"POST": REVIEW},
    ),
    "tracker:register_entry_return": Entry(
        path=lambda w: reverse("tracker:register_entry_return", args=[_submitted(w).pk]),
        methods={"POST": REVIEW},
        data=lambda w: {"reason": "Thiếu biên bản nghiệm thu"},
    ),
    "tracker:register_evidence_upload": Entry(
        path=lambda w: reverse("tracker:register_evidence_upload", args=[_draft(w).pk]),
        methods={"POST": ACT_ON_DRAFT},
        data=lambda w: {"files": SimpleUploadedFile("anh.png", PNG, content_type="image/png")},
    ),
    "tracker:register_evidence_download": Entry(
        path=lambda w: (_shown(w), reverse("tracker:register_evidence_download", args=[w.register_evidence.pk]))[1],
        methods={"GET": READERS},
    ),
    "tracker:register_evidence_remove": Entry(
        path=lambda w: reverse("tracker:register_evidence_remove", args=[_evidence_on_draft(w).pk]),
        methods={"POST": ACT_ON_DRAFT},
    ),
    "tracker:radio_station_history": Entry(
        path=lambda w: reverse("tracker:radio_station_history", args=[_station(w).pk]),
        methods={"GET": answers(editor=404, others=200)},
    ),
}

# Each register's history page: the entry's readers see it. The publication register's page
# is asked about the shown entry; the others about an entry of theirs that nobody may see
# (there is none with that number): 404 for every signed-in persona.
ENTRIES[f"tracker:{URL_PREFIX['publication']}_history"] = Entry(
    path=lambda w: reverse(f"tracker:{URL_PREFIX['publication']}_history", args=[_shown(w).pk]),
    methods={"GET": READERS},
)
for _kind, _prefix in URL_PREFIX.items():
    if _kind != "publication":
        ENTRIES[f"tracker:{_prefix}_history"] = Entry(
            path=lambda w, prefix=_prefix: reverse(f"tracker:{prefix}_history", args=[_shown(w).pk]),
            methods={"GET": answers(others=404)},
        )
