"""The Excel template on the demo: every demo plan exported from its page and imported back
(by a manager of its own province) is the same plan; a file with errors writes nothing and
says where each error is; the same file twice makes one plan."""

from __future__ import annotations

import io
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from tracker.core import roles
from tracker.models import (
    Activity,
    Cooperation,
    Deadline,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanImport,
    PlanLegalBasis,
    ReportingRule,
    Target,
    Task,
    User,
)

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile

HEADER = "Thông tin chung"
PLAN_FIELDS = [
    "number_symbol", "issued_on", "issued_on_precision", "place", "issuer_id", "title", "period_start",
    "period_end", "status", "programme_component_id", "area_id", "purpose", "funding", "signing_authority",
    "signer_title", "signer_name", "recipients", "is_sample",
]  # fmt: skip
TRACKED = [
    Plan,
    PlanLegalBasis,
    PlanDuty,
    Activity,
    Cooperation,
    OutputIndicator,
    Task,
    Target,
    Deadline,
    ReportingRule,
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield SimpleNamespace()
        transaction.set_rollback(True)


def shape(plan: Plan) -> dict:
    """The plan as the template holds it: every field of every part, related rows by id, and
    nothing its units reported (statuses, completion dates)."""
    plan = Plan.objects.get(pk=plan.pk)
    activities = list(plan.activities.order_by("order", "section_code"))
    return {
        "plan": {name: getattr(plan, name) for name in PLAN_FIELDS if name != "number_symbol"},
        "legal_bases": list(plan.legal_basis_links.values_list("order", "document_id", "lead_in")),
        "duties": list(plan.duties.values_list("order", "unit_id", "heading", "text")),
        "activities": [
            (
                a.order,
                a.section_code,
                a.activity_type_id,
                a.title,
                a.description,
                a.lead_unit_id,
                sorted(a.cooperations.values_list("unit_id", "note")),
                a.area_id,
                a.start_date,
                a.due_date,
                a.schedule_note,
            )
            for a in activities
        ],  # fmt: skip
        "outputs": [
            (
                o.activity.section_code,
                o.order,
                o.name,
                o.unit_of_measure,
                o.planned_quantity,
                o.indicator_id,
                o.counted_from,
                o.register_measure,
            )
            for o in OutputIndicator.objects.filter(activity__plan=plan)
            .select_related("activity")
            .order_by("activity__order", "order", "id")
        ],  # fmt: skip
        "tasks": sorted(
            (
                t.activity.section_code,
                t.unit_id,
                t.area_id,
                t.deliverable,
                t.output_indicator.name if t.output_indicator else None,
                t.target_quantity,
                t.due_date,
            )
            for t in Task.objects.filter(activity__plan=plan).select_related("activity", "output_indicator")
        ),  # fmt: skip
        "targets": sorted(plan.targets.values_list("indicator_id", "area_id", "year", "planned_value")),
        "rules": sorted(
            plan.reporting_rules.values_list(
                "title",
                "reporter_id",
                "recipient_id",
                "frequency",
                "due_day",
                "due_month",
                "due_following_month",
                "active_from",
                "active_to",
                "wording",
                "is_default",
            )
        ),  # fmt: skip
        "deadlines": sorted(
            (
                d.title,
                d.activity.section_code if d.activity else "",
                d.responsible_unit_id or 0,
                d.kind,
                str(d.due_date),
                str(d.window_start),
                str(d.window_end),
                d.wording,
            )
            for d in plan.deadlines.select_related("activity")
        ),  # fmt: skip
    }


def manager_of(plan: Plan) -> User:
    """A DIC manager of the plan's own province (the import matches names within it)."""
    return factories.UserFactory(unit=plan.issuer, role=roles.DIC_MANAGER)


def export(client, plan: Plan) -> bytes:
    response = client.get(reverse("tracker:plan_export_excel", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response.content


def edited(content: bytes, sheet: str, changes: dict[str, object]) -> bytes:
    """The file with cells changed (e.g. {"B4": None})."""
    book = load_workbook(io.BytesIO(content))
    for cell, value in changes.items():
        book[sheet][cell] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, content: bytes, name: str = "ke-hoach.xlsx"):
    return client.post(reverse("tracker:plan_import_excel"), {"file": SimpleUploadedFile(name, content)})


def counts() -> dict:
    return {model.__name__: (model.objects.count(), model.history.count()) for model in TRACKED}


def test_every_demo_plan_exported_and_imported_back_is_the_same_plan(demo, client):
    plans = list(Plan.objects.order_by("pk"))
    assert len(plans) >= 6
    for plan in plans:
        manager = manager_of(plan)
        client.force_login(manager)
        content = export(client, plan)
        # The import creates a new plan: the issuer's number is taken, so the copy gets another.
        number = f"9{plan.pk}/KH-NHAP" if plan.number_symbol else ""
        content = edited(content, HEADER, {"B4": number or None})
        before = set(Plan.objects.values_list("pk", flat=True))
        response = upload(client, content)
        assert response.status_code == 302, (plan.pk, [p.text for p in response.context["problems"]][:5])
        new = Plan.objects.exclude(pk__in=before).get()
        assert response.status_code == 302 and response["Location"] == reverse("tracker:plan_detail", args=[new.pk])
        assert new.number_symbol == number
        original, imported = shape(plan), shape(new)
        for part in original:
            assert imported[part] == original[part], (plan.pk, part)
        # Written through the services, each row with its history naming the manager.
        assert new.history.get().history_user == manager
        task_history = Task.history.filter(activity_id__in=new.activities.values("pk"))
        assert {row.history_user for row in task_history} <= {manager}
        record = PlanImport.objects.get(plan=new)
        assert (record.read_as, record.status, record.created_by) == ("xlsx", "confirmed", manager)


def test_the_round_trip_covers_every_part(demo):
    """The demo plans between them exercise every sheet (else the test above proves little)."""
    assert PlanLegalBasis.objects.exists() and PlanDuty.objects.exists() and Target.objects.exists()
    assert Cooperation.objects.exclude(note="").exists() and Task.objects.exclude(area=None).exists()
    assert Task.objects.exclude(output_indicator=None).exists() and Deadline.objects.exclude(activity=None).exists()
    assert OutputIndicator.objects.exclude(register_measure="").exists() and ReportingRule.objects.exists()
    assert set(Deadline.objects.values_list("kind", flat=True)) == {"date", "window", "on_issue"}
    assert Plan.objects.exclude(issued_on_precision="day").exists()


def test_the_same_file_uploaded_twice_makes_one_plan(demo, client):
    plan = Plan.objects.get(is_sample=True, number_symbol="")
    client.force_login(manager_of(plan))
    content = export(client, plan)
    first = upload(client, content)
    created = Plan.objects.get(pk=int(first["Location"].rstrip("/").split("/")[-1]))
    before = counts()
    again = upload(client, content)
    assert again.status_code == 302 and again["Location"] == reverse("tracker:plan_detail", args=[created.pk])
    assert counts() == before
    followed = client.get(again["Location"])
    assert "Tệp này đã được nhập thành kế hoạch dưới đây" in followed.content.decode()


def test_a_number_the_issuer_already_has_is_refused_naming_the_cell(demo, client):
    plan = Plan.objects.get(number_symbol="146/KH-UBND")
    client.force_login(manager_of(plan))
    before = counts()
    response = upload(client, export(client, plan))
    assert response.status_code == 200 and counts() == before
    page = response.content.decode()
    assert "Trang tính “Thông tin chung”, dòng 4, cột “Nội dung”" in page
    assert "đã có kế hoạch 146/KH-UBND" in page


def test_every_error_is_listed_by_sheet_row_and_column_and_nothing_is_written(demo, client):
    plan = Plan.objects.get(is_sample=True, number_symbol="")
    client.force_login(manager_of(plan))
    content = export(client, plan)
    content = edited(content, "Nội dung", {"E4": "Sở Không Có Thật", "H4": "31/02/2026"})
    content = edited(content, "Nhiệm vụ", {"A5": "9.9", "G6": "không phải ngày"})
    content = edited(content, "Chỉ tiêu theo địa bàn", {"B4": "Xã Không Có (mẫu)", "D5": -3})
    content = edited(content, "Chế độ báo cáo", {"D4": "Hằng quý"})
    before = counts()
    response = upload(client, content)
    assert response.status_code == 200 and counts() == before
    page = response.content.decode()
    expected = [
        "Trang tính “Nội dung”, dòng 4, cột “Đơn vị chủ trì”: Không có đơn vị nào của tỉnh bạn tên là "
        "“Sở Không Có Thật”",
        "Trang tính “Nội dung”, dòng 4, cột “Từ ngày”: &#x27;31/02/2026&#x27; không phải ngày hợp lệ",
        "Trang tính “Nhiệm vụ”, dòng 5, cột “Mục nội dung”: Không có nội dung nào có mục “9.9” trong "
        "trang tính “Nội dung”.",
        "Trang tính “Nhiệm vụ”, dòng 6, cột “Hạn hoàn thành”: &#x27;không phải ngày&#x27; không phải ngày hợp lệ",
        "Trang tính “Chỉ tiêu theo địa bàn”, dòng 4, cột “Địa bàn”: Không có địa bàn nào của tỉnh bạn tên là "
        "“Xã Không Có (mẫu)”",
        "Trang tính “Chỉ tiêu theo địa bàn”, dòng 5, cột “Giá trị kế hoạch”: Số lượng không được âm.",
        "Trang tính “Chế độ báo cáo”, dòng 4, cột “Định kỳ”: “Hằng quý” không phải là một giá trị của cột này",
    ]
    for text in expected:
        assert text in page, text
    assert "Tệp có 7 lỗi; chưa nhập gì." in page


def test_a_refusal_by_a_service_on_the_last_row_rolls_back_everything(demo, client):
    """Every cell reads, but the model refuses one row (a task due before its content starts):
    the plan and every row before it are rolled back."""
    plan = Plan.objects.get(is_sample=True, number_symbol="")
    client.force_login(manager_of(plan))
    content = export(client, plan)
    book = load_workbook(io.BytesIO(content))
    last = book["Nhiệm vụ"].max_row
    content = edited(content, "Nhiệm vụ", {f"G{last}": "01/01/2001"})
    before = counts()
    response = upload(client, content)
    assert response.status_code == 200 and counts() == before
    page = response.content.decode()
    assert f"Trang tính “Nhiệm vụ”, dòng {last}, cột “Hạn hoàn thành”" in page
    assert "Hạn của nhiệm vụ không được trước ngày bắt đầu hoạt động." in page


def test_units_of_another_province_are_not_matched(demo, client):
    """A Lạng Sơn manager importing a Huế plan: every Huế unit is an error in its cell."""
    hue = Plan.objects.get(number_symbol="421/KH-UBND")
    # Exported by Huế's manager (quanly does not see another province's plan), imported by quanly.
    client.force_login(User.objects.get(username="quanly.hue"))
    exported = export(client, hue)
    client.force_login(User.objects.get(username="quanly"))
    content = edited(exported, HEADER, {"B4": None})
    before = counts()
    response = upload(client, content)
    assert response.status_code == 200 and counts() == before
    page = response.content.decode()
    assert (
        "Trang tính “Thông tin chung”, dòng 8, cột “Nội dung”: Không có đơn vị nào của tỉnh bạn tên là "
        "“UBND tỉnh Thừa Thiên Huế”" in page
    )
