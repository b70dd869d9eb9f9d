"""The plan intake (tracker/intake): only a DIC manager imports a document or reviews its draft.

Everyone else gets 403 (the pages exist for managers; an import holds no plan of theirs to hide).
The manager's POSTs write: the upload keeps a draft for review, the review confirms it.
"""

from django.urls import reverse

from tests.permission_tables import LOGIN, Entry, answers

MANAGER_ONLY_GET = answers(manager=200, others=403)
MANAGER_ONLY_POST = answers(manager=302, others=403)

PLAN_TEXT = """ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 9/KH-UBND
Lạng Sơn, ngày 05 tháng 3 năm 2026
KẾ HOẠCH
Thử nhập kế hoạch năm 2026
II. NỘI DUNG THỰC HIỆN
1. Tuyên truyền về giảm nghèo về thông tin
IV. TỔ CHỨC THỰC HIỆN
1. Sở Thông tin và Truyền thông
Chủ trì thực hiện nội dung 1.
"""


def _plan_import(w):
    from tracker.intake import services
    from tracker.models import PlanImport

    existing = PlanImport.objects.filter(filename="", text__contains="Thử nhập kế hoạch").first()
    return existing or services.import_create(data=None, filename="", pasted=PLAN_TEXT, actor=w.users["manager"])


def _review_data(w):
    from tracker.intake import resolve
    from tracker.intake.draft import Draft
    from tracker.intake.forms import ReviewForm

    plan_import = _plan_import(w)
    draft = Draft.from_dict(plan_import.draft)
    form = ReviewForm(draft=draft, matches=resolve.matches(draft))
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list):
            data[name] = value
        else:
            data[name] = getattr(value, "pk", None) or (value.isoformat() if hasattr(value, "isoformat") else value)
    data["issuer"] = w.plan.issuer_id
    return data


ENTRIES = {
    "tracker:plan_import": Entry(
        path=lambda w: reverse("tracker:plan_import"),
        methods={"GET": MANAGER_ONLY_GET, "POST": MANAGER_ONLY_POST},
        data=lambda w: {"text": PLAN_TEXT},
    ),
    "tracker:plan_import_review": Entry(
        path=lambda w: reverse("tracker:plan_import_review", args=[_plan_import(w).pk]),
        methods={"GET": MANAGER_ONLY_GET, "POST": MANAGER_ONLY_POST},
        data=_review_data,
    ),
}

# "Sao chép kế hoạch": the plan's own visibility first (404 where unseen), then managers only.
ENTRIES["tracker:plan_copy"] = Entry(
    path=lambda w: reverse("tracker:plan_copy", args=[w.plan.pk]),
    methods={
        "GET": answers(manager=200, finance=403, monitor=403, officer_a=403, others=404),
        "POST": answers(manager=302, finance=403, monitor=403, officer_a=403, others=404),
    },
    data=lambda w: {"year": w.plan.period_start.year + 1},
)


# The Excel template: the plan's own visibility first (404 where unseen), then managers only;
# the blank template and the import are managers' pages (403 for everyone else).
def _plan_file(w):
    """The world's plan exported to the template, its number left blank (a new draft)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    from tracker.core.spreadsheets import workbook_bytes
    from tracker.intake.workbook import export

    book = export.plan_workbook(export.plan_for_export(w.plan.pk), user=w.users["manager"])
    book = load_workbook(io.BytesIO(workbook_bytes(book)))
    sheet = book["Thông tin chung"]
    for row in sheet.iter_rows(min_row=4):
        if row[0].value and str(row[0].value).startswith("Số, ký hiệu"):
            row[1].value = None
    buffer = io.BytesIO()
    book.save(buffer)
    return {"file": SimpleUploadedFile("ke-hoach.xlsx", buffer.getvalue())}


ENTRIES["tracker:plan_export_excel"] = Entry(
    path=lambda w: reverse("tracker:plan_export_excel", args=[w.plan.pk]),
    methods={
        "GET": answers(manager=200, finance=403, monitor=403, officer_a=403, others=404),
        "POST": answers(others=405, anonymous=LOGIN),
    },
)
ENTRIES["tracker:plan_excel_template"] = Entry(
    path=lambda w: reverse("tracker:plan_excel_template"),
    methods={"GET": MANAGER_ONLY_GET, "POST": answers(others=405, anonymous=LOGIN)},
)
ENTRIES["tracker:plan_import_excel"] = Entry(
    path=lambda w: reverse("tracker:plan_import_excel"),
    methods={"GET": MANAGER_ONLY_GET, "POST": MANAGER_ONLY_POST},
    data=_plan_file,
)
