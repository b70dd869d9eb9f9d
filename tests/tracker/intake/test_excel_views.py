"""The Excel template's pages on small worlds: who may use them, the blank template filled in
by hand, and the export's query count at two sizes."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from tracker.core import roles
from tracker.intake.workbook.layout import ACTIVITY_SHEET, HEADER_SHEET, TABLES, TASK_SHEET
from tracker.models import Activity, Plan, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(unit_a):
    plan = factories.PlanFactory(number_symbol="12/KH-UBND", place="Lạng Sơn")
    activity = factories.ActivityFactory(plan=plan, section_code="1", lead_unit=unit_a)
    factories.TaskFactory(activity=activity, unit=unit_a)
    return plan


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return load_workbook(io.BytesIO(response.content))


def test_a_manager_exports_a_plan_with_every_sheet(manager_client, plan):
    book = workbook(manager_client.get(reverse("tracker:plan_export_excel", args=[plan.pk])))
    assert book.sheetnames == [HEADER_SHEET, *TABLES, "Hướng dẫn", "Danh mục"]
    header = {row[0]: row[1] for row in book[HEADER_SHEET].iter_rows(min_row=4, values_only=True)}
    assert header["Số, ký hiệu"] == "12/KH-UBND"
    assert header["Tên kế hoạch (trích yếu) *"] == plan.title
    assert header["Thực hiện từ ngày *"] == datetime.datetime(2026, 1, 1)
    contents = list(book[ACTIVITY_SHEET].iter_rows(min_row=4, values_only=True))
    assert [(row[0], row[2], row[4]) for row in contents] == [("1", plan.activities.get().title, "UBND xã A")]


def test_the_blank_template_filled_in_by_hand_imports_as_a_new_plan(manager_client, unit_a, unit_b, manager):
    book = workbook(manager_client.get(reverse("tracker:plan_excel_template")))
    header = book[HEADER_SHEET]
    rows = {str(row[0].value).rstrip(" *"): row[0].row for row in header.iter_rows(min_row=4)}
    for label, value in {
        "Cơ quan ban hành": "UBND xã A",
        "Tên kế hoạch (trích yếu)": "Kế hoạch tuyên truyền giảm nghèo về thông tin năm 2027",
        "Thực hiện từ ngày": "01/01/2027",
        "Thực hiện đến ngày": "31/12/2027",
        "Số, ký hiệu": "5/KH-UBND",
        "Ngày ban hành": "15/01/2027",
    }.items():
        header.cell(row=rows[label], column=2, value=value)
    book[ACTIVITY_SHEET].append(
        ["1", "", "Tuyên truyền trên đài truyền thanh xã", "", "UBND xã A", "UBND xã B | Phối hợp tuyên truyền",
         None, "01/03/2027", "30/09/2027", "Quý I - Quý III/2027"]
    )  # fmt: skip
    book[TASK_SHEET].append(["1", "UBND xã B", None, "20 tin, bài", None, 20, "30/09/2027"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = manager_client.post(
        reverse("tracker:plan_import_excel"), {"file": SimpleUploadedFile("mau.xlsx", buffer.getvalue())}
    )
    plan = Plan.objects.get(number_symbol="5/KH-UBND")
    assert response.status_code == 302 and response["Location"] == reverse("tracker:plan_detail", args=[plan.pk])
    assert (plan.issuer, plan.issued_on, plan.status) == (unit_a, datetime.date(2027, 1, 15), Plan.Status.DRAFT)
    activity = Activity.objects.get(plan=plan)
    assert (activity.lead_unit, activity.start_date, activity.activity_type.code) == (
        unit_a,
        datetime.date(2027, 3, 1),
        "commune_radio",
    )
    assert list(activity.cooperations.values_list("unit__name", "note")) == [("UBND xã B", "Phối hợp tuyên truyền")]
    task = Task.objects.get(activity=activity)
    assert (task.unit, task.target_quantity, task.due_date) == (unit_b, 20, datetime.date(2027, 9, 30))
    assert plan.history.get().history_user == manager


def test_a_file_that_is_not_a_workbook_is_refused_in_words(manager_client):
    before = Plan.objects.count()
    response = manager_client.post(
        reverse("tracker:plan_import_excel"), {"file": SimpleUploadedFile("ke-hoach.xlsx", b"not a workbook")}
    )
    assert response.status_code == 200 and Plan.objects.count() == before
    assert "Đây không phải tệp Excel (.xlsx)." in response.content.decode()


def test_a_unit_officer_can_neither_export_nor_import(client, officer_a, officer_b, plan):
    client.force_login(officer_a)  # has a task in the plan: sees it, may not export it
    assert client.get(reverse("tracker:plan_export_excel", args=[plan.pk])).status_code == 403
    assert client.get(reverse("tracker:plan_excel_template")).status_code == 403
    assert client.get(reverse("tracker:plan_import_excel")).status_code == 403
    before = Plan.objects.count()
    response = client.post(reverse("tracker:plan_import_excel"), {"file": SimpleUploadedFile("a.xlsx", b"x")})
    assert response.status_code == 403 and Plan.objects.count() == before
    client.force_login(officer_b)  # no part in the plan: it does not exist for them
    assert client.get(reverse("tracker:plan_export_excel", args=[plan.pk])).status_code == 404


def _grow(plan: Plan, contents: int) -> None:
    """More of every kind of row the export reads."""
    for n in range(contents):
        lead = factories.UnitFactory()
        activity = factories.ActivityFactory(plan=plan, section_code=f"2.{n}", lead_unit=lead)
        factories.CooperationFactory(activity=activity)
        output = factories.OutputIndicatorFactory(activity=activity)
        for _ in range(3):
            factories.TaskFactory(activity=activity, output_indicator=output, area=factories.AreaFactory())
        factories.TargetFactory(plan=plan)


# The export's queries, whatever the plan's size: the session and the user (2), the user's groups
# for the role check (1), the plan's visibility (1); the plan with issuer, area and component (1),
# its legal bases, duties, activities, cooperations, outputs, tasks, targets, rules and deadlines
# (one each: 9); the lists sheet's units, areas, indicators, content types, components (5).
EXPORT_QUERIES = 20


@pytest.mark.parametrize("contents", [0, 12])
def test_the_export_query_count_does_not_grow_with_the_plan(
    manager_client, plan, contents, django_assert_max_num_queries
):
    _grow(plan, contents)
    with django_assert_max_num_queries(EXPORT_QUERIES):
        response = manager_client.get(reverse("tracker:plan_export_excel", args=[plan.pk]))
    rows = list(load_workbook(io.BytesIO(response.content))[TASK_SHEET].iter_rows(min_row=4, values_only=True))
    assert len(rows) == 1 + 3 * contents


def test_a_manager_of_a_province_cannot_name_another_provinces_units(client, plan):
    """Names are matched within the manager's own province (tracker.core.scope)."""
    home, away = factories.ProvinceFactory(name="Tỉnh Nhà"), factories.ProvinceFactory(name="Tỉnh Khác")
    own = factories.UnitFactory(name="Sở Khoa học và Công nghệ tỉnh Nhà", area=home)
    factories.UnitFactory(name="Sở Tài chính tỉnh Khác", area=away)
    client.force_login(factories.UserFactory(unit=own, role=roles.DIC_MANAGER))
    book = workbook(client.get(reverse("tracker:plan_excel_template")))
    header = book[HEADER_SHEET]
    header["B8"], header["B9"], header["B10"], header["B11"] = (
        "Sở Tài chính tỉnh Khác",
        "Kế hoạch",
        "01/01/2027",
        "31/12/2027",
    )
    buffer = io.BytesIO()
    book.save(buffer)
    before = Plan.objects.count()
    response = client.post(
        reverse("tracker:plan_import_excel"), {"file": SimpleUploadedFile("a.xlsx", buffer.getvalue())}
    )
    assert response.status_code == 200 and Plan.objects.count() == before
    assert (
        "Trang tính “Thông tin chung”, dòng 8, cột “Nội dung”: Không có đơn vị nào của tỉnh bạn tên là "
        "“Sở Tài chính tỉnh Khác”" in response.content.decode()
    )
    lists = [row[0] for row in book["Danh mục"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert "Sở Khoa học và Công nghệ tỉnh Nhà" in lists and "Sở Tài chính tỉnh Khác" not in lists


def _without_number(content: bytes) -> bytes:
    book = load_workbook(io.BytesIO(content))
    book[HEADER_SHEET]["B4"] = None
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cells(content: bytes) -> dict[str, list[tuple]]:
    """Every sheet's values but the lists (which grow with the tracker) and the header's number."""
    book = load_workbook(io.BytesIO(content))
    book[HEADER_SHEET]["B4"] = None
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames if name != "Danh mục"}


def test_an_imported_plan_exports_to_the_same_file_and_the_same_file_twice_makes_one_plan(manager_client, plan, unit_b):
    activity = plan.activities.get()
    factories.CooperationFactory(activity=activity, unit=unit_b, note="Phối hợp")
    factories.TargetFactory(plan=plan, area=factories.AreaFactory(name="Xã Một", code="00001"))
    content = _without_number(manager_client.get(reverse("tracker:plan_export_excel", args=[plan.pk])).content)
    url = reverse("tracker:plan_import_excel")
    first = manager_client.post(url, {"file": SimpleUploadedFile("a.xlsx", content)})
    created = Plan.objects.exclude(pk=plan.pk).get()
    assert first["Location"] == reverse("tracker:plan_detail", args=[created.pk])
    again = manager_client.post(url, {"file": SimpleUploadedFile("b.xlsx", content)})
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Plan.objects.count() == 2 and Task.objects.count() == 2
    exported = manager_client.get(reverse("tracker:plan_export_excel", args=[created.pk])).content
    assert _cells(exported) == _cells(content)
