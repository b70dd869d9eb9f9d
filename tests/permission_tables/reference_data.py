"""The DIC's pages for the province's reference data: units, legal documents, indicators.

Only DIC managers (and superusers) open them: everyone else gets 403 before any lookup. Their
history pages answer 404 to anyone who does not manage them (as an unseen object would).
"""

from django.urls import reverse

from tests.permission_tables import Entry, answers

MANAGER_GET = answers(manager=200, others=403)
MANAGER_POST = answers(manager=302, others=403)
HISTORY_GET = answers(manager=200, others=404)
NO_POST = answers(others=405)


def _unit_data(w):
    return {"name": "Trung tâm Văn hóa - Thông tin thử", "kind": "media_centre", "email": "ttvh@example.gov.vn"}


def _document_data(w, **changes):
    data = {
        "kind": "decision",
        "number_symbol": "99/QĐ-UBND",
        "issued_on": "2026-01-05",
        "issuer": "UBND tỉnh",
        "title": "Phê duyệt danh sách xã thử",
    }
    return {**data, **changes}


def _indicator_data(w):
    return {"name": "Hộ được hỗ trợ điện thoại", "unit_of_measure": "hộ", "role": "target", "order": 0}


def _form(name: str, data, *, obj: str | None = None, query: str = "") -> Entry:
    def build(w):
        args = [getattr(w, obj).pk] if obj else []
        return reverse(name, args=args) + query

    return Entry(path=build, methods={"GET": MANAGER_GET, "POST": MANAGER_POST}, data=data)


def _history(name: str, obj) -> Entry:
    return Entry(path=lambda w: reverse(name, args=[obj(w).pk]), methods={"GET": HISTORY_GET, "POST": NO_POST})


ENTRIES = {
    "tracker:unit_create": _form("tracker:unit_create", _unit_data),
    "tracker:unit_edit": _form(
        "tracker:unit_edit",
        lambda w: {"name": "UBND xã A (đổi tên)", "kind": "peoples_committee", "area": w.unit_a.area_id},
        obj="unit_a",
    ),
    "tracker:unit_end": _form("tracker:unit_end", lambda w: {"valid_to": "2026-12-31"}, obj="unit_b"),
    "tracker:legal_document_list": Entry(
        path=lambda w: reverse("tracker:legal_document_list"), methods={"GET": MANAGER_GET}
    ),
    "tracker:legal_document_create": _form("tracker:legal_document_create", _document_data),
    "tracker:legal_document_edit": _form(
        "tracker:legal_document_edit",
        lambda w: _document_data(w, number_symbol="1719/QĐ-TTg", issued_on="2021-10-14", issuer="Thủ tướng"),
        obj="legal_document",
    ),
    "tracker:legal_document_end": _form(
        "tracker:legal_document_end", lambda w: {"valid_to": "2026-12-31"}, obj="legal_document"
    ),
    "tracker:indicator_list": Entry(path=lambda w: reverse("tracker:indicator_list"), methods={"GET": MANAGER_GET}),
    "tracker:indicator_create": _form("tracker:indicator_create", _indicator_data),
    "tracker:indicator_edit": _form("tracker:indicator_edit", _indicator_data, obj="indicator"),
    "tracker:indicator_end": _form("tracker:indicator_end", lambda w: {"valid_to": "2026-12-31"}, obj="indicator"),
    "tracker:legal_document_history": _history("tracker:legal_document_history", lambda w: w.legal_document),
    "tracker:indicator_history": _history("tracker:indicator_history", lambda w: w.indicator),
    "tracker:user_history": _history("tracker:user_history", lambda w: w.users["officer_a"]),
}
