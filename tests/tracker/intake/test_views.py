"""The import page and the review screen: a manager pastes a plan, corrects it, confirms it.

The world: a province with its People's Committee and two of the units the 2026 fixture
plan names, so the rest are proposed as new units.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from tests import factories
from tests.tracker.intake.helpers import proposal
from tracker.models import (
    Activity,
    Deadline,
    LegalDocument,
    OutputIndicator,
    Plan,
    PlanImport,
    ReportingRule,
    Unit,
)

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
PLAN_2026 = (FIXTURES / "plan_2026_two_tier.txt").read_text(encoding="utf-8")
D = datetime.date


@pytest.fixture
def province(db):
    area = factories.ProvinceFactory(name="Tỉnh Lạng Sơn")
    ubnd = factories.UnitFactory(name="UBND tỉnh Lạng Sơn", kind=Unit.Kind.PEOPLES_COMMITTEE, area=area)
    dic = factories.UnitFactory(name="Sở Khoa học và Công nghệ tỉnh Lạng Sơn", area=area, parent=ubnd)
    paper = factories.UnitFactory(name="Báo Lạng Sơn", kind=Unit.Kind.NEWSPAPER, area=area)
    return {"area": area, "ubnd": ubnd, "dic": dic, "paper": paper}


def upload(client, text=PLAN_2026):
    response = client.post(reverse("tracker:plan_import"), {"text": text})
    assert response.status_code == 302
    return PlanImport.objects.latest("pk")


def review(client, plan_import):
    response = client.get(reverse("tracker:plan_import_review", args=[plan_import.pk]))
    assert response.status_code == 200
    return response


def test_a_pasted_plan_is_proposed_beside_its_text_with_passages_and_doubts(manager_client, province):
    plan_import = upload(manager_client)
    response = review(manager_client, plan_import)
    form = response.context["form"]
    html = response.content.decode()
    assert form["issuer"].value() == province["ubnd"].pk
    assert form["number_symbol"].value() == "58/KH-UBND"
    # Units already in the tracker are matched; the others are proposed as new.
    rows = {row["name"]: form[row["field"]].value() for row in form.unit_rows}
    assert rows["Sở Khoa học và Công nghệ"] == str(province["dic"].pk)
    assert rows["Báo Lạng Sơn"] == str(province["paper"].pk)
    assert rows["Sở Tài chính"] == "new"
    # Each part links to its passage, which the text column marks with that anchor.
    rule = next(part for part in form.parts if part["kind"] == "rule")
    assert f'href="#{rule["anchor"]}"' in html
    assert f'<span id="{rule["anchor"]}" class="anchor"></span><mark>trước ngày 15 hằng tháng</mark>' in html
    assert "2.350.000.000" in html  # the budget as the document states it


def test_confirming_creates_the_plan_and_its_parts_with_the_manager_in_history(manager_client, manager, province):
    plan_import = upload(manager_client)
    form = review(manager_client, plan_import).context["form"]
    response = manager_client.post(reverse("tracker:plan_import_review", args=[plan_import.pk]), proposal(form))
    plan = Plan.objects.get(number_symbol="58/KH-UBND")
    assert response.status_code == 302 and response["Location"] == reverse("tracker:plan_detail", args=[plan.pk])
    assert (plan.issuer, plan.issued_on, plan.period_start, plan.period_end) == (
        province["ubnd"],
        D(2026, 3, 5),
        D(2026, 1, 1),
        D(2026, 12, 31),
    )
    assert list(plan.legal_basis_links.values_list("document__number_symbol", flat=True)) == [
        "257/2025/QH15", "06/2022/TT-BTTTT", "112/QĐ-UBND",
    ]  # fmt: skip
    # The plan holds section III as written (it has no money field: money is kept by budgets/, per
    # activity, unit and source); the figures the draft read from it are in that text.
    assert "2.350.000.000" in plan.funding and "350.000.000" in plan.funding
    communes = Unit.objects.get(name="Ủy ban nhân dân các xã, phường tỉnh Lạng Sơn")
    assert communes.is_group and communes.kind == Unit.Kind.PEOPLES_COMMITTEE and communes.area == province["area"]
    first, second, third, fourth = plan.activities.order_by("order")
    assert (first.lead_unit, set(first.cooperating_units.all())) == (province["dic"], {communes})
    assert set(second.cooperating_units.all()) == {communes, province["paper"]}
    assert (third.lead_unit, list(third.cooperating_units.all())) == (communes, [province["dic"]])
    assert (first.start_date, first.due_date, first.schedule_note) == (
        D(2026, 4, 1),
        D(2026, 9, 30),
        "Quý II - Quý III/2026",
    )
    assert list(OutputIndicator.objects.filter(activity=second).values_list("planned_quantity", "unit_of_measure")) == [
        (40, "tin, bài"), (6, "phóng sự"),
    ]  # fmt: skip
    deadline = Deadline.objects.get(plan=plan)
    assert (deadline.due_date, deadline.responsible_unit) == (D(2026, 3, 31), communes)
    rules = ReportingRule.objects.filter(plan=plan).order_by("frequency")
    assert [(r.frequency, r.due_day, r.due_month, r.reporter, r.recipient) for r in rules] == [
        ("half_year", 10, 6, province["dic"], province["ubnd"]),
        ("monthly", 15, None, province["dic"], province["ubnd"]),
    ]
    assert [d.heading for d in plan.duties.all()] == [
        "Sở Khoa học và Công nghệ", "Sở Tài chính", "Ủy ban nhân dân các xã, phường", "Báo Lạng Sơn",
    ]  # fmt: skip
    assert plan.signer_name == "Nguyễn Văn Thành" and plan.recipient_lines[0] == "Bộ Khoa học và Công nghệ;"
    # Every row through the services, with its history row by the manager.
    assert plan.history.get().history_user == manager
    assert {h.history_user for h in Activity.history.filter(plan_id=plan.pk)} == {manager}
    assert LegalDocument.history.filter(number_symbol="112/QĐ-UBND").get().history_user == manager
    plan_import.refresh_from_db()
    assert (plan_import.status, plan_import.plan) == (PlanImport.Status.CONFIRMED, plan)


def test_a_repeated_confirmation_creates_nothing_twice(manager_client, province):
    plan_import = upload(manager_client)
    data = proposal(review(manager_client, plan_import).context["form"])
    url = reverse("tracker:plan_import_review", args=[plan_import.pk])
    first = manager_client.post(url, data)
    counts = (Plan.objects.count(), Activity.objects.count(), Unit.objects.count(), LegalDocument.objects.count())
    second = manager_client.post(url, data)
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert (
        Plan.objects.count(),
        Activity.objects.count(),
        Unit.objects.count(),
        LegalDocument.objects.count(),
    ) == counts


def test_dropped_and_corrected_parts_are_created_as_the_manager_left_them(manager_client, province):
    plan_import = upload(manager_client)
    form = review(manager_client, plan_import).context["form"]
    prefix = {part["kind"]: part["prefix"] for part in reversed(form.parts)}  # the first part of each kind
    data = proposal(form, **{f"{prefix['activity']}_title": "Bồi dưỡng cán bộ thông tin cơ sở (sửa)"})
    data.pop(f"{prefix['deadline']}_keep")  # the manager drops the deadline
    manager_client.post(reverse("tracker:plan_import_review", args=[plan_import.pk]), data)
    plan = Plan.objects.get(number_symbol="58/KH-UBND")
    assert plan.activities.get(section_code="1").title == "Bồi dưỡng cán bộ thông tin cơ sở (sửa)"
    assert not plan.deadlines.exists()


def test_a_failing_part_writes_nothing_and_says_which_part_and_why(manager_client, province):
    plan_import = upload(manager_client)
    form = review(manager_client, plan_import).context["form"]
    activity = next(part for part in form.parts if part["kind"] == "activity")
    # A deadline before the start: the activity's own rule refuses it, after the plan was made.
    data = proposal(form, **{f"{activity['prefix']}_end": "2026-01-15"})
    before = (Plan.objects.count(), Unit.objects.count(), LegalDocument.objects.count())
    response = manager_client.post(reverse("tracker:plan_import_review", args=[plan_import.pk]), data)
    assert response.status_code == 200
    assert (Plan.objects.count(), Unit.objects.count(), LegalDocument.objects.count()) == before
    failure = response.context["failure"]
    assert failure.part == "Nội dung 1"
    assert "Hạn hoàn thành không được trước ngày bắt đầu." in " ".join(failure.messages)
    assert "Không có gì được tạo." in response.content.decode()
    plan_import.refresh_from_db()
    assert plan_import.status == PlanImport.Status.REVIEW


def test_a_rule_the_tracker_cannot_hold_is_refused_in_words(manager_client, province):
    plan_import = upload(manager_client)
    form = review(manager_client, plan_import).context["form"]
    rule = next(part for part in form.parts if part["kind"] == "rule")
    data = proposal(form, **{f"{rule['prefix']}_frequency": "quarterly"})
    response = manager_client.post(reverse("tracker:plan_import_review", args=[plan_import.pk]), data)
    assert response.context["failure"].part.startswith("Quy định báo cáo")
    assert not Plan.objects.filter(number_symbol="58/KH-UBND").exists()


def test_an_unreadable_file_is_refused_on_the_form(manager_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = manager_client.post(
        reverse("tracker:plan_import"), {"file": SimpleUploadedFile("plan.docx", b"not a zip")}
    )
    assert response.status_code == 200
    assert "Không mở được tệp Word" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_a_unit_officer_can_neither_import_nor_review(client, officer_a, manager, province):
    from tracker.intake import services

    plan_import = services.import_create(data=None, filename="", pasted=PLAN_2026, actor=manager)
    client.force_login(officer_a)
    assert client.get(reverse("tracker:plan_import")).status_code == 403
    assert client.post(reverse("tracker:plan_import"), {"text": PLAN_2026}).status_code == 403
    assert client.get(reverse("tracker:plan_import_review", args=[plan_import.pk])).status_code == 403
    assert PlanImport.objects.count() == 1
