"""`manage.py load_demo_budgets`: the seeds' funding facts exactly, every made-up figure
labelled sample, allocations within their approvals, and nothing written by a second run.

The tracker's demo and the budgets demo are loaded once per module inside an outer
transaction rolled back at the end (as tests/tracker/demo/test_load_demo.py does).
"""

from __future__ import annotations

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from budgets import services
from budgets.demo.loader import load_demo_budgets
from budgets.models import Allocation, Disbursement, Donation, DonationTransfer, Estimate
from tests.tracker.demo.managers import manager_of
from tracker.demo import seed_001
from tracker.models import Area, Plan, Unit, User

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
D = datetime.date


def test_the_command_asks_for_the_tracker_demo_first():
    # Runs before the module's demo is loaded (pytest keeps the file's order).
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_demo_budgets", stdout=StringIO())
    assert not Estimate.objects.exists()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        result = load_demo_budgets()
        yield SimpleNamespace(result=result)
        transaction.set_rollback(True)


def seed_001_plan() -> Plan:
    return Plan.objects.get(issuer__name="UBND tỉnh Bắc Kạn")


def sample_plan() -> Plan:
    return Plan.objects.get(is_sample=True)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every budgets table, history tables included."""
    models = apps.get_app_config("budgets").get_models(include_auto_created=True)
    return {model._meta.label: list(model.objects.order_by("pk").values_list()) for model in models}


# --- Loading ---------------------------------------------------------------------------------


def test_the_demo_adds_estimates_allocations_payments_and_donations(demo):
    created = demo.result.created
    assert created["budgets.Estimate"] == 9
    assert created["budgets.Allocation"] == 7
    assert created["budgets.Disbursement"] == 11  # 10 payments and one reversing entry
    assert created["budgets.Donation"] == 11
    assert created["budgets.DonationTransfer"] == 17
    assert created["budgets.HistoricalEstimate"] > created["budgets.Estimate"]  # each workflow step


def test_a_second_run_writes_no_row_and_no_history(demo):
    before = snapshot()
    assert sum(len(rows) for rows in before.values()) > 150
    out = StringIO()
    call_command("load_demo_budgets", stdout=out)
    assert snapshot() == before
    assert " 0 " in out.getvalue()  # "… 0 rows added, 0 history rows." in either language


def test_every_row_and_history_row_is_written_by_the_demo_actor(demo):
    admin = User.objects.get(username="admin")
    for model in apps.get_app_config("budgets").get_models():
        if model.__name__.startswith("Historical") and model.__name__ != "HistoricalFundingSource":
            assert model.objects.exists(), model.__name__
            assert not model.objects.exclude(history_user=admin).exists(), model.__name__
    assert set(Estimate.objects.values_list("created_by__username", flat=True)) == {"admin"}
    assert set(Donation.objects.values_list("recorded_by__username", flat=True)) == {"admin"}


# --- Every made-up figure is labelled sample ----------------------------------------------------


def test_every_estimate_and_donation_is_sample_and_says_so(demo):
    assert Estimate.objects.count() == 9
    assert not Estimate.objects.filter(is_sample=False).exists()
    for estimate in Estimate.objects.all():
        assert estimate.title.endswith("(mẫu)"), estimate.title
        assert estimate.explanation.startswith("Số liệu mẫu:")
    assert Donation.objects.count() == 11
    assert not Donation.objects.filter(is_sample=False).exists()
    for donation in Donation.objects.all():
        assert "(mẫu)" in donation.donor
        assert "MẪU" in donation.receipt_number
        assert donation.note.startswith("Số liệu mẫu:")


def test_every_allocation_payment_and_transfer_is_labelled_sample(demo):
    assert all(note.startswith("Số liệu mẫu:") for note in Allocation.objects.values_list("note", flat=True))
    for voucher, note in Disbursement.objects.values_list("voucher_number", "note"):
        assert voucher.startswith("PC-MẪU-")
        assert "(mẫu)" in note or note.startswith("Số liệu mẫu:")
    for number, note in DonationTransfer.objects.values_list("document_number", "note"):
        assert number.startswith("BBBG-MẪU-")
        assert note.startswith("Số liệu mẫu:")


def test_no_seed_plan_gets_an_invented_amount(demo):
    # No seed states an amount: an estimate, allocation or payment on a seed's plan would be
    # an invented official figure (issue 20). Only the sample plan has them.
    for model, path in ((Estimate, "activity__plan"), (Allocation, "activity__plan")):
        assert not model.objects.filter(**{f"{path}__is_sample": False}).exists(), model.__name__
    assert not Disbursement.objects.filter(allocation__activity__plan__is_sample=False).exists()
    # Seed 001's donations are sample ones, every one labelled (the campaign it describes).
    pilots = {name for _district, name in seed_001.PILOT_COMMUNES}
    areas = set(DonationTransfer.objects.filter(donation__plan=seed_001_plan()).values_list("area__name", flat=True))
    assert areas <= pilots
    assert len(areas) == 8


# --- Seed facts, exactly -------------------------------------------------------------------------


def test_invented_decisions_of_the_sample_plan_say_sample(demo):
    numbers = set(Allocation.objects.filter(activity__plan=sample_plan()).values_list("decision_number", flat=True))
    assert numbers == {"25/QĐ-UBND (mẫu)"}


def test_seed_001_donations_are_received_in_the_campaign_and_passed_to_the_pilot_communes(demo):
    plan = seed_001_plan()
    donations = Donation.objects.filter(plan=plan)
    assert donations.count() == 8
    assert {d.received_on.month for d in donations} == {8, 9, 10, 11}
    assert all(d.received_on.year == 2023 for d in donations)
    assert set(donations.values_list("activity__section_code", flat=True)) == {"III"}
    phones = donations.get(donor="Công ty Viễn thông mẫu A (mẫu)", item="Điện thoại thông minh")
    assert (phones.kind, phones.quantity, phones.unit_value, phones.amount) == ("in_kind", 40, 1_500_000, 60_000_000)
    assert {d.kind for d in donations} == {"cash", "in_kind"}
    # Received at each level the seed names: the DIC, a district committee, a commune committee.
    levels = {d.received_by.area.level for d in donations.select_related("received_by__area")}
    assert levels == {Area.Level.PROVINCE, Area.Level.DISTRICT, Area.Level.COMMUNE}
    # Some still on hand, some fully passed on.
    assert any(d.remaining_amount > 0 for d in donations)
    assert any(d.remaining_amount == 0 for d in donations)
    transfers = DonationTransfer.objects.filter(donation__plan=plan).select_related("recipient", "area")
    assert all(t.area.is_digital_pilot for t in transfers)
    assert all(t.recipient.kind == Unit.Kind.PEOPLES_COMMITTEE and not t.recipient.is_group for t in transfers)
    assert all(D(2023, 8, 1) <= t.transferred_on <= D(2023, 12, 31) for t in transfers)


# --- Money stays within its bounds --------------------------------------------------------------


def rate(allocation: Allocation) -> float:
    return allocation.disbursed / allocation.amount


def test_allocations_are_nearly_spent_half_spent_or_untouched(demo):
    allocations = list(Allocation.objects.all())
    assert any(rate(a) >= 0.9 for a in allocations)
    assert any(0.4 <= rate(a) <= 0.6 for a in allocations)
    assert any(a.disbursed == 0 for a in allocations)
    sample = [a for a in allocations if a.activity.plan.is_sample]
    assert any(rate(a) >= 0.9 for a in sample)
    assert any(a.disbursed == 0 for a in sample)


def test_running_totals_match_the_ledger_and_one_entry_is_reversed_with_a_reason(demo):
    for allocation in Allocation.objects.all():
        ledger = allocation.disbursements.aggregate(total=Sum("amount"))["total"] or 0
        assert allocation.disbursed == ledger
        assert 0 <= allocation.disbursed <= allocation.amount
    reversals = Disbursement.objects.filter(reverses__isnull=False)
    assert reversals.count() == 1  # in the sample plan
    for reversal in reversals:
        assert reversal.amount == -reversal.reverses.amount
        assert reversal.note.endswith("(mẫu).")


def test_no_allocation_exceeds_what_its_approved_estimates_give(demo):
    groups = Allocation.objects.values("activity_id", "year", "funding_source_id").annotate(total=Sum("amount"))
    assert len(groups) >= 5
    for group in groups:
        approved = services.approved_amount(
            activity_id=group["activity_id"], year=group["year"], funding_source_id=group["funding_source_id"]
        )
        assert 0 < group["total"] <= approved


def test_donations_are_passed_on_no_further_than_received(demo):
    for donation in Donation.objects.all():
        passed = donation.transfers.aggregate(amount=Sum("amount"), quantity=Sum("quantity"))
        assert donation.transferred_amount == (passed["amount"] or 0) <= donation.amount
        if donation.kind == "in_kind":
            assert donation.transferred_quantity == (passed["quantity"] or 0) <= donation.quantity


# --- The current-year sample plan ----------------------------------------------------------------


def test_the_sample_plan_has_an_estimate_in_every_state(demo):
    plan = sample_plan()
    estimates = Estimate.objects.filter(activity__plan=plan)
    assert set(estimates.values_list("year", flat=True)) == {plan.period_start.year}
    assert set(estimates.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "appraised",
        "approved",
        "returned",
    }
    returned = estimates.get(status="returned")
    assert returned.return_reason == "Đề nghị bổ sung thuyết minh khối lượng và đơn giá theo định mức (mẫu)."
    appraised = estimates.get(status="appraised")
    assert appraised.lines.get().appraised_amount == 54_000_000
    # The demo logins have something of their own: the commune officer and the radio station.
    xa = User.objects.get(username="canbo.xa").unit
    assert set(estimates.filter(unit=xa).values_list("status", flat=True)) == {"approved", "returned"}
    dai = User.objects.get(username="canbo.dai").unit
    assert set(estimates.filter(unit=dai).values_list("status", flat=True)) == {"approved", "appraised"}


def test_the_sample_plans_payments_and_donations_fall_around_today(demo):
    today = timezone.localdate()
    plan = sample_plan()
    days = Disbursement.objects.filter(allocation__activity__plan=plan).values_list("voucher_date", flat=True)
    assert days and all(today - datetime.timedelta(days=80) <= day <= today for day in days)
    received = Donation.objects.filter(plan=plan).values_list("received_on", flat=True)
    assert all(today - datetime.timedelta(days=95) <= day <= today for day in received)
    xa = User.objects.get(username="canbo.xa").unit
    assert Donation.objects.filter(plan=plan, received_by=xa).exists()
    assert DonationTransfer.objects.filter(donation__plan=plan, recipient=xa).exists()


def test_the_monthly_report_of_october_2023_is_due_by_the_rule_of_seed_001(demo, client):
    # taichinh reads Lạng Sơn's money; Bắc Kạn's (now Thái Nguyên's) is read by its manager.
    client.force_login(manager_of(seed_001_plan()))
    response = client.get(reverse("budgets:donation_report"), {"month": "2023-10", "plan": seed_001_plan().pk})
    report = response.context["report"]
    assert [(due.rule.title, due.date) for due in report.dues] == [
        ("Báo cáo tình hình tiếp nhận và phân bổ theo tháng", D(2023, 11, 20))
    ]
    phones = next(row for row in report.summary if row.label == "Điện thoại thông minh")
    # 40 + 5 + 20 phones received by 31/10; 10 + 10 + 8 + 7 + 20 passed on; 5 at the DIC, 5 in Côn Minh.
    assert (phones.received.to_date.quantity, phones.passed.to_date.quantity, phones.on_hand.quantity) == (65, 55, 10)


def test_seed_001s_september_report_has_one_due_date_on_every_page(demo, client):
    """ "Trước 20 hàng tháng" (seed 001): the donations report, the tracker's page for the
    report (the "what is due" list links there) and the plan's reporting calendar all say
    that September 2023's report is due on 20/10/2023."""
    plan = seed_001_plan()
    rule = plan.reporting_rules.get()
    assert (rule.due_day, rule.due_following_month, rule.wording) == (20, True, "trước 20 hàng tháng")
    client.force_login(User.objects.get(username="quanly.thainguyen"))

    donations = client.get(reverse("budgets:donation_report"), {"month": "2023-09", "plan": plan.pk})
    dispatch = client.get(
        reverse("tracker:report_dispatch", args=[rule.pk, rule.reporter_id]), {"period": "2023-09-01_2023-09-30"}
    )
    plan_page = client.get(reverse("tracker:plan_detail", args=[plan.pk]))

    assert [due.date for due in donations.context["report"].dues] == [D(2023, 10, 20)]
    assert dispatch.context["period"].due == D(2023, 10, 20)
    (item,) = plan_page.context["doc"].reporting
    calendar = {entry.period.start: entry.period.due for entry in item.periods}
    assert calendar[D(2023, 9, 1)] == D(2023, 10, 20)
    assert calendar[D(2023, 12, 1)] == D(2024, 1, 20)


# Last: it moves the shared demo on to another year.
def test_in_a_new_year_the_sample_plan_gets_its_own_budget_and_last_years_stays(demo):
    from tracker.demo.loader import load_demo

    plan = sample_plan()
    year = plan.period_start.year
    before = {model: set(model.objects.values_list("pk", flat=True)) for model in (Estimate, Allocation, Disbursement)}
    next_year = timezone.localdate() + datetime.timedelta(days=400)
    load_demo(today=next_year)
    result = load_demo_budgets(today=next_year)
    assert (result.created["budgets.Estimate"], result.created["budgets.Allocation"]) == (9, 7)
    assert result.created["budgets.Donation"] == 0  # received once, on the day they were
    new = Estimate.objects.exclude(pk__in=before[Estimate])
    assert set(new.values_list("year", flat=True)) == {next_year.year}
    assert all(title.endswith(f"năm {next_year.year} (mẫu)") for title in new.values_list("title", flat=True))
    assert Estimate.objects.filter(activity__plan=plan, year=year).count() == 9
    vouchers = Disbursement.objects.exclude(pk__in=before[Disbursement]).values_list("voucher_number", flat=True)
    assert vouchers and all(v.startswith(f"PC-MẪU-{next_year.year}-") for v in vouchers)
    assert load_demo_budgets(today=next_year).created["budgets.Disbursement"] == 0
