"""The official report's layout to Nghị định 30/2020, asked for through the form: the number
and symbol as typed (and refused when malformed), the signature block always there and never
alone on the last page, 'Lưu: VT, <drafting division>.', the signer of the issuing unit (not
of the previous report), and the list of works and products on landscape pages whose
"Tên, mô tả" column has room for its text."""

from __future__ import annotations

import datetime
import io

import pytest
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from tests import factories
from tests.tracker.reports.helpers import produce
from tracker.models import GeneratedReport, OutputIndicator, TrainingCourse
from tracker.registers import services as register_services
from tracker.reports import document

pytestmark = pytest.mark.django_db
D = datetime.date
Kind = GeneratedReport.Kind


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def dic(db):
    return factories.UnitFactory(
        name="Sở Khoa học và Công nghệ",
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="Phó Giám đốc",
        signer_name="Hoàng Văn Bình",
        drafting_division="TTBCXB",
    )


@pytest.fixture
def plan(dic, unit_a):
    plan = factories.PlanFactory(number_symbol="12/KH-UBND")
    activity = factories.ActivityFactory(plan=plan, lead_unit=dic, section_code="2.1", title="Bồi dưỡng cán bộ")
    OutputIndicator.objects.create(activity=activity, name="Lớp bồi dưỡng", unit_of_measure="lớp", planned_quantity=4)
    factories.TaskFactory(activity=activity, unit=unit_a, area=unit_a.area)
    return plan


def form_data(plan, issuer, **changes) -> dict:
    values = {
        "kind": Kind.PROGRESS,
        "plan": plan.pk,
        "issuer": issuer.pk,
        "period_type": "year",
        "year": "2026",
        "document_date": "20/12/2026",
        "signing_authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": "Lê Văn Cường",
        "recipients": "UBND tỉnh (b/c)",
    }
    values.update(changes)
    return values


def pages(report: GeneratedReport) -> list:
    with report.pdf.open("rb") as handle:
        return list(PdfReader(io.BytesIO(handle.read())).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def text_of(report: GeneratedReport) -> str:
    return flat(" ".join(page.extract_text() for page in pages(report)))


# --- Number and symbol ------------------------------------------------------------------------


def test_a_number_typed_with_its_symbol_is_printed_once(client, manager, plan, dic):
    client.force_login(manager)
    response = client.post(reverse("tracker:generated_report_new"), form_data(plan, dic, symbol="125/BC-SKHCN"))

    report = GeneratedReport.objects.get()
    assert response.status_code == 302
    assert (report.parameters["number"], report.parameters["symbol"]) == ("125", "BC-SKHCN")
    text = text_of(report)
    assert "Số: 125/BC-SKHCN" in text
    assert "/125/" not in text


def test_the_symbol_alone_leaves_the_number_blank_for_the_clerk(client, manager, plan, dic):
    client.force_login(manager)
    client.post(reverse("tracker:generated_report_new"), form_data(plan, dic, symbol=" bc-skhcn "))

    report = GeneratedReport.objects.get()
    assert (report.parameters["number"], report.parameters["symbol"]) == ("", "BC-SKHCN")
    assert "Số: /BC-SKHCN" in text_of(report)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("/125/BC-SKHCN", "Number and symbol: write them as 125/BC-SKHCN"),
        ("12a/BC-SKHCN", "Number and symbol: the number is digits only"),
        ("125/", "Number and symbol: the symbol is missing after the number"),
        ("125/BC SKHCN!", "Number and symbol: the symbol is abbreviations in capitals joined by hyphens"),
        ("125/KH-SKHCN", "Number and symbol: a report&#x27;s symbol begins with BC-"),
    ],
)
def test_a_malformed_number_and_symbol_is_refused_naming_the_field(client, manager, plan, dic, typed, message):
    client.force_login(manager)
    response = client.post(reverse("tracker:generated_report_new"), form_data(plan, dic, symbol=typed))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not GeneratedReport.objects.exists()


def test_numbers_and_symbols_are_read_as_the_decree_writes_them():
    assert document.number_and_symbol("Số: 07/BC-SLĐTBXH") == ("7", "BC-SLĐTBXH")
    assert document.number_and_symbol("/BC-STT&TT") == ("", "BC-STT&TT")
    assert document.number_and_symbol("") == ("", "")
    with pytest.raises(document.NumberSymbolError):
        document.number_and_symbol("0/BC-UBND")


# --- Signature, recipients, signer ------------------------------------------------------------


def test_the_signature_block_is_there_with_blank_lines_when_no_signer_is_given(client, manager, plan, dic):
    client.force_login(manager)
    client.post(
        reverse("tracker:generated_report_new"),
        form_data(plan, dic, signing_authority="", signer_title="", signer_name="", drafting_division=""),
    )

    text = text_of(GeneratedReport.objects.get())
    # The issuer's own drafting division ends the recipients; three dotted lines to sign on.
    assert "Nơi nhận: - UBND tỉnh (b/c); - Lưu: VT, TTBCXB. " in text
    assert text.count("……………………………") == 3


def test_the_last_paragraph_and_the_signature_share_a_page(client, manager, plan, dic):
    """Whatever the body's length, the signature is never alone on the last page: the closing
    sentence and the recipients are on the page the signer's name is on."""
    client.force_login(manager)
    for lines in (1, 20, 33):
        recommendations = "\n".join(f"Kiến nghị thứ {n}: bố trí đủ kinh phí cho nội dung này." for n in range(lines))
        client.post(reverse("tracker:generated_report_new"), form_data(plan, dic, recommendations=recommendations))
        report = GeneratedReport.objects.order_by("-pk").first()
        signed = [flat(page.extract_text()) for page in pages(report) if "Lê Văn Cường" in page.extract_text()]
        assert len(signed) == 1
        assert "Trên đây là báo cáo" in signed[0] and "Nơi nhận:" in signed[0], lines


def test_the_drafting_division_typed_ends_the_recipients(client, manager, plan, dic):
    client.force_login(manager)
    client.post(reverse("tracker:generated_report_new"), form_data(plan, dic, drafting_division="KHTC"))

    assert "- UBND tỉnh (b/c); - Lưu: VT, KHTC. KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in text_of(GeneratedReport.objects.get())


def test_the_form_starts_from_the_issuing_units_signer_not_the_previous_report(client, plan, dic):
    officer = factories.UserFactory(username="dic_manager", unit=dic, role="dic_manager")
    produce(
        officer,
        kind=Kind.PROGRESS,
        plan_id=plan.pk,
        issuer_id=dic.pk,
        signing_authority="Q. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Trần Thị Dung",
    )
    client.force_login(officer)
    content = client.get(reverse("tracker:generated_report_new")).content.decode()

    assert "Trần Thị Dung" not in content
    assert 'value="Hoàng Văn Bình"' in content and 'value="KT. GIÁM ĐỐC"' in content
    assert 'value="TTBCXB"' in content
    # Another issuer's signer, for the page's script when another issuer is chosen.
    assert f'"{dic.pk}": {{"signing_authority": "KT. GI\\u00c1M \\u0110\\u1ed0C"' in content


# --- Appendices ---------------------------------------------------------------------------------


def test_the_list_of_products_is_on_landscape_pages_with_room_for_the_names(client, manager, plan, dic, unit_a):
    """Seed 004's annual report once ran to 36 pages, 31 of them for 106 rows squeezed into a
    1 cm "Tên, mô tả" column (a page or more per row). 24 long names now take 3 landscape pages."""
    activity = plan.activities.get()
    for n in range(24):
        entry = register_services.entry_save(
            entry=TrainingCourse(
                activity=activity,
                unit=dic,
                title=f"Lớp bồi dưỡng nghiệp vụ thông tin cơ sở cho cán bộ xã vùng biên giới, đợt {n + 1}",
                start_date=D(2026, 3, 2),
                end_date=D(2026, 3, 6),
                trainees_total=40,
            ),
            actor=manager,
        )
        register_services.entry_submit(entry=entry, actor=manager)
        register_services.entry_accept(entry=entry, actor=manager)
    client.force_login(manager)
    client.post(reverse("tracker:generated_report_new"), form_data(plan, dic))

    report = GeneratedReport.objects.get()
    landscape = [page for page in pages(report) if page.mediabox.width > page.mediabox.height]
    portrait = [page for page in pages(report) if page.mediabox.width < page.mediabox.height]
    assert "DANH MỤC CÔNG TRÌNH" in landscape[0].extract_text()
    assert all("DANH MỤC CÔNG TRÌNH" not in page.extract_text() for page in portrait)
    assert len(landscape) == 3
    # A name stays on one or two lines: its words are not broken one per line.
    assert "Lớp bồi dưỡng nghiệp vụ thông tin cơ sở cho" in flat(landscape[0].extract_text())
