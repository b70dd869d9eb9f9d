"""The monthly report of donations received and passed on: its arithmetic (month, cumulative,
on hand; cash and in kind), who sees whose figures, when it is due, the Excel file that carries
the same figures, and a constant number of queries."""

from __future__ import annotations

import datetime
import io

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from budgets import services
from budgets.donation_report import add_months
from budgets.models import Donation
from tests import factories
from tracker.core.calendar import periods_for_rule
from tracker.models import ReportingRule, Unit

pytestmark = pytest.mark.django_db
D = datetime.date
URL = reverse("budgets:donation_report")
EXPORT = reverse("budgets:donation_report_export")


# --- Factories: donations and transfers written through the services --------------------------


def received(actor, unit, day, *, plan=None, donor="Công ty Thử", kind="enterprise", amount=None, **in_kind):
    """Cash (``amount``) or in kind (``item``, ``quantity``, ``unit_value``)."""
    donation = Donation(
        plan=plan,
        donor=donor,
        donor_kind=kind,
        received_by=unit,
        received_on=day,
        receipt_number=f"BB-{day:%m%d}",
        kind="in_kind" if in_kind else "cash",
        amount=amount if amount is not None else in_kind["quantity"] * in_kind["unit_value"],
        **in_kind,
    )
    return services.donation_save(donation=donation, actor=actor)


def passed(actor, donation, unit, day, **what):
    return services.donation_transfer(
        donation=donation,
        recipient=unit,
        area=unit.area,
        transferred_on=day,
        actor=actor,
        document_number=f"BBBG-{day:%m%d}",
        **what,
    )


@pytest.fixture
def dic(db):
    return factories.UnitFactory(name="Sở Thông tin và Truyền thông", kind=Unit.Kind.DEPARTMENT)


@pytest.fixture
def book(finance, dic, unit_a, unit_b):
    """August–October 2026: cash from an enterprise, phones from a person, passed to A and B."""
    cash = received(finance, dic, D(2026, 8, 5), amount=10_000_000)
    passed(finance, cash, unit_a, D(2026, 8, 20), amount=4_000_000)
    passed(finance, cash, unit_b, D(2026, 9, 10), amount=3_000_000)
    phones = received(
        finance,
        dic,
        D(2026, 9, 2),
        donor="Ông Nguyễn Văn Thử",
        kind="individual",
        item="Điện thoại thông minh",
        quantity=10,
        unit_value=1_500_000,
    )
    passed(finance, phones, unit_a, D(2026, 9, 15), quantity=4)
    passed(finance, phones, unit_b, D(2026, 10, 1), quantity=2)  # the month after
    late = received(finance, dic, D(2026, 10, 3), amount=2_000_000)  # the month after
    return {"cash": cash, "phones": phones, "late": late}


def report_of(client, user, **params):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # labels asserted in English
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response, response.context["report"]


def figures(amounts):
    return (amounts.quantity, amounts.amount)


# --- Arithmetic ------------------------------------------------------------------------------------


def test_month_cumulative_and_on_hand_for_cash_and_items(client, manager, book):
    response, report = report_of(client, manager, month="2026-09")
    assert (report.month, report.end) == (D(2026, 9, 1), D(2026, 9, 30))
    cash, phones = report.summary
    assert (cash.label, phones.label) == ("Cash", "Điện thoại thông minh")
    # Cash: 10 million in August; 4 million passed on in August, 3 in September.
    assert figures(cash.received.month) == (None, 0)
    assert figures(cash.received.to_date) == (None, 10_000_000)
    assert figures(cash.passed.month) == (None, 3_000_000)
    assert figures(cash.passed.to_date) == (None, 7_000_000)
    assert figures(cash.on_hand) == (None, 3_000_000)
    # Phones: 10 received in September at 1.5 million; 4 passed on; the 2 of October not yet.
    assert figures(phones.received.month) == (10, 15_000_000)
    assert figures(phones.received.to_date) == (10, 15_000_000)
    assert figures(phones.passed.month) == (4, 6_000_000)
    assert figures(phones.passed.to_date) == (4, 6_000_000)
    assert figures(phones.on_hand) == (6, 9_000_000)
    assert report.totals == {
        "received_month": 15_000_000,
        "received_to_date": 25_000_000,
        "passed_month": 9_000_000,
        "passed_to_date": 13_000_000,
        "on_hand": 12_000_000,
        "incoming_month": 0,
        "incoming_to_date": 0,
        "holdings": 12_000_000,
    }
    html = response.content.decode()
    assert "25.000.000 đ" in html and "12.000.000 đ" in html


def test_received_by_donor_kind_and_unit_and_passed_on_by_recipient(client, manager, book, dic):
    _response, report = report_of(client, manager, month="2026-09")
    assert [
        (group.label, [(row.label, figures(row.month), figures(row.to_date)) for row in group.rows])
        for group in report.by_donor_kind
    ] == [
        ("Enterprise", [("Cash", (None, 0), (None, 10_000_000))]),
        ("Individual", [("Điện thoại thông minh", (10, 15_000_000), (10, 15_000_000))]),
    ]
    assert [(group.label, group.month_amount, group.to_date_amount) for group in report.by_receiving_unit] == [
        (dic.name, 15_000_000, 25_000_000)
    ]
    assert [
        (group.label, [(row.label, figures(row.month), figures(row.to_date)) for row in group.rows])
        for group in report.by_recipient
    ] == [
        (
            "UBND xã A",
            [("Cash", (None, 0), (None, 4_000_000)), ("Điện thoại thông minh", (4, 6_000_000), (4, 6_000_000))],
        ),
        ("UBND xã B", [("Cash", (None, 3_000_000), (None, 3_000_000))]),
    ]
    assert [(holding.label, [(label, figures(a)) for label, a in holding.rows]) for holding in report.holdings] == [
        (dic.name, [("Cash", (None, 3_000_000)), ("Điện thoại thông minh", (6, 9_000_000))])
    ]


def test_the_months_lines_are_its_receipts_and_transfers_only(client, manager, book):
    _response, report = report_of(client, manager, month="2026-09")
    assert report.receipts == [book["phones"]]
    assert [(t.transferred_on, t.recipient.name, t.quantity, t.amount) for t in report.transfers] == [
        (D(2026, 9, 10), "UBND xã B", None, 3_000_000),
        (D(2026, 9, 15), "UBND xã A", 4, 6_000_000),
    ]


def test_october_adds_what_came_later_to_the_cumulative_figures(client, manager, book):
    _response, report = report_of(client, manager, month="10/2026")
    cash, phones = report.summary
    assert figures(cash.received.month) == (None, 2_000_000)
    assert figures(cash.on_hand) == (None, 5_000_000)
    assert figures(phones.passed.month) == (2, 3_000_000)
    assert figures(phones.on_hand) == (4, 6_000_000)


def test_a_month_before_anything_happened_is_empty(client, manager, book):
    response, report = report_of(client, manager, month="2026-07")
    assert report.is_empty
    assert report.receipts == [] and report.transfers == []
    assert "Nothing was received or passed on up to the end of this month." in _english(client, month="2026-07")


def _english(client, **params) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.get(URL, params).content.decode()


# --- The month and the plan asked for ----------------------------------------------------------


def test_the_default_month_is_the_last_complete_one(client, manager, book):
    response, report = report_of(client, manager)
    assert report.month == add_months(timezone.localdate(), -1)
    assert response.context["form"]["month"].value() == f"{report.month:%Y-%m}"


def test_a_month_that_is_not_one_is_refused_and_the_default_shown(client, manager, book):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response, report = report_of(client, manager, month="13/2026")
    assert response.context["form"].errors == {"month": ["Give a month as 2023-10 or 10/2023."]}
    assert report.month == add_months(timezone.localdate(), -1)


def test_the_plan_filter_keeps_that_plans_donations_and_an_unknown_plan_is_not_found(client, manager, finance, dic):
    plan, other = factories.PlanFactory(), factories.PlanFactory()
    received(finance, dic, D(2026, 9, 2), plan=plan, amount=1_000_000)
    received(finance, dic, D(2026, 9, 3), plan=other, amount=7_000_000)
    _response, report = report_of(client, manager, month="2026-09", plan=plan.pk)
    assert report.totals["received_month"] == 1_000_000
    _response, report = report_of(client, manager, month="2026-09")
    assert report.totals["received_month"] == 8_000_000
    assert client.get(URL, {"plan": factories.PlanFactory().pk}).status_code == 404
    assert client.get(URL, {"plan": "x"}).status_code == 404


# --- Whose figures ---------------------------------------------------------------------------------


def test_an_officer_sees_their_units_book_and_what_was_passed_to_it(client, officer_a, finance, book, unit_a):
    own = received(finance, unit_a, D(2026, 9, 8), donor="Bà Trần Thị Thử", kind="individual", amount=1_000_000)
    response, report = report_of(client, officer_a, month="2026-09")
    assert report.unit == unit_a
    assert [(row.label, figures(row.received.to_date), figures(row.on_hand)) for row in report.summary] == [
        ("Cash", (None, 1_000_000), (None, 1_000_000))
    ]
    # What the DIC passed to unit A: apart from the unit's own book.
    assert [(row.label, figures(row.month), figures(row.to_date)) for row in report.incoming] == [
        ("Cash", (None, 0), (None, 4_000_000)),
        ("Điện thoại thông minh", (4, 6_000_000), (4, 6_000_000)),
    ]
    assert report.receipts == [own]
    assert report.transfers == []
    assert [(t.recipient.name, t.quantity) for t in report.incoming_transfers] == [("UBND xã A", 4)]
    # Nothing of what unit B was passed, nor the DIC's own holdings.
    html = response.content.decode()
    assert "UBND xã B" not in html
    assert [holding.label for holding in report.holdings] == ["UBND xã A"]


def test_an_officer_of_another_unit_sees_only_what_reached_it(client, officer_b, book):
    _response, report = report_of(client, officer_b, month="2026-09")
    assert report.summary == []
    assert [(row.label, figures(row.to_date)) for row in report.incoming] == [("Cash", (None, 3_000_000))]
    assert [t.recipient.name for t in report.incoming_transfers] == ["UBND xã B"]


@pytest.mark.parametrize("persona", ["finance", "monitor"])
def test_province_wide_readers_see_every_unit(client, request, persona, book):
    _response, report = report_of(client, request.getfixturevalue(persona), month="2026-09")
    assert report.unit is None
    assert report.totals["received_to_date"] == 25_000_000


def test_someone_without_budget_business_is_refused(client, editor, book):
    client.force_login(editor)
    assert client.get(URL).status_code == 403
    assert client.get(EXPORT).status_code == 403


# --- When it is due --------------------------------------------------------------------------------


def test_the_due_date_is_the_rules_day_of_the_following_month(client, manager, finance, dic):
    plan = factories.PlanFactory(period_start=D(2026, 1, 1), period_end=D(2026, 12, 31))
    received(finance, dic, D(2026, 9, 2), plan=plan, amount=1_000_000)
    rule = ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tình hình tiếp nhận và phân bổ theo tháng",
        reporter=dic,
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=20,
        due_following_month=True,
        active_from=D(2026, 8, 1),
        active_to=D(2026, 12, 31),
        wording="trước 20 hàng tháng",
    )
    # A monthly rule of another unit (a progress report) is not this report's.
    ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tiến độ",
        reporter=factories.UnitFactory(),
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=5,
        active_from=D(2026, 1, 1),
        active_to=D(2026, 12, 31),
    )
    response, report = report_of(client, manager, month="2026-09")
    assert [(due.rule, due.date) for due in report.dues] == [(rule, D(2026, 10, 20))]
    assert "20/10/2026" in response.content.decode()
    _response, report = report_of(client, manager, month="2026-12", plan=plan.pk)
    assert [due.date for due in report.dues] == [D(2027, 1, 20)]
    # Outside the rule's months: no due date.
    _response, report = report_of(client, manager, month="2027-01")
    assert report.dues == []
    rule.due_day = 31
    rule.save()
    _response, report = report_of(client, manager, month="2026-10")
    assert [due.date for due in report.dues] == [D(2026, 11, 30)]  # November has 30 days


def test_a_rule_due_within_its_month_gives_that_date_here_and_on_the_tracker(client, manager, finance, dic):
    """One calendar: a rule without "of the following month" is due on its day of the month
    itself, on this report as on the tracker's pages (tracker.core.calendar)."""
    plan = factories.PlanFactory(period_start=D(2026, 1, 1), period_end=D(2026, 12, 31))
    received(finance, dic, D(2026, 9, 2), plan=plan, amount=1_000_000)
    rule = ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=dic,
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=20,
        active_from=D(2026, 1, 1),
        active_to=D(2026, 12, 31),
    )
    _response, report = report_of(client, manager, month="2026-09")
    september = next(period for period in periods_for_rule(rule) if period.start == D(2026, 9, 1))
    assert [due.date for due in report.dues] == [september.due] == [D(2026, 9, 20)]


# --- Excel -----------------------------------------------------------------------------------------


def _sheet(response):
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(response.content)).active


def _section(sheet, title: str) -> list[tuple]:
    """The rows under a section title, after its header row, up to the next blank row."""
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == title) + 2
    block = []
    for row in rows[start:]:
        if all(value is None for value in row):
            break
        block.append(row)
    return block


def test_the_excel_file_carries_the_pages_figures(client, manager, book):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _response, report = report_of(client, manager, month="2026-09")
    response = client.get(EXPORT, {"month": "2026-09"})
    assert response["Content-Disposition"] == 'attachment; filename="tiep-nhan-phan-bo-2026-09.xlsx"'
    sheet = _sheet(response)
    assert sheet.title == "09-2026"
    assert sheet["A1"].value == "Donations received and passed on, month 09/2026"
    summary = _section(sheet, "Summary")
    expected = [
        (
            row.label,
            row.received.month.quantity,
            row.received.month.amount,
            row.received.to_date.quantity,
            row.received.to_date.amount,
            row.passed.month.quantity,
            row.passed.month.amount,
            row.passed.to_date.quantity,
            row.passed.to_date.amount,
            row.on_hand.quantity,
            row.on_hand.amount,
        )
        for row in report.summary
    ]
    totals = report.totals
    expected.append(
        (
            "Total value",
            None,
            totals["received_month"],
            None,
            totals["received_to_date"],
            None,
            totals["passed_month"],
            None,
            totals["passed_to_date"],
            None,
            totals["on_hand"],
        )
    )
    assert [row[:11] for row in summary] == expected
    assert expected[1] == (
        "Điện thoại thông minh",
        10,
        15_000_000,
        10,
        15_000_000,
        4,
        6_000_000,
        4,
        6_000_000,
        6,
        9_000_000,
    )
    recipients = _section(sheet, "Passed on, by recipient")
    assert [row[:6] for row in recipients] == [
        ("UBND xã A", "Cash", None, 0, None, 4_000_000),
        ("UBND xã A", "Điện thoại thông minh", 4, 6_000_000, 4, 6_000_000),
        ("UBND xã B", "Cash", None, 3_000_000, None, 3_000_000),
        ("Total value", None, None, 9_000_000, None, 13_000_000),
    ]
    receipts = _section(sheet, "Received in the month")
    assert receipts[0][:9] == (
        datetime.datetime(2026, 9, 2),
        "BB-0902",
        "Ông Nguyễn Văn Thử",
        "Individual",
        "Sở Thông tin và Truyền thông",
        "Điện thoại thông minh",
        10,
        1_500_000,
        15_000_000,
    )
    assert receipts[-1][8] == 15_000_000
    # Money in VND with thousands separators, dates as dd/mm/yyyy.
    money_cells = [
        cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, int) and cell.value >= 1_000_000
    ]
    assert money_cells and all(cell.number_format == '#,##0" đ"' for cell in money_cells)
    dates = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, datetime.datetime)]
    assert dates and all(cell.number_format == "DD/MM/YYYY" for cell in dates)


def test_an_officers_excel_holds_only_their_figures(client, officer_a, book):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(officer_a)
    sheet = _sheet(client.get(EXPORT, {"month": "2026-09"}))
    values = {value for row in sheet.iter_rows(values_only=True) for value in row if value is not None}
    assert "UBND xã B" not in values
    assert "What UBND xã A received, passed on and was passed" in values
    incoming = _section(sheet, "Passed to this unit by other units")
    assert incoming[-1][:6] == ("Total value", None, None, 6_000_000, None, 10_000_000)


# --- Queries ---------------------------------------------------------------------------------------


def build(size: int, actor, dic, units):
    """``size`` donations (half cash, half phones) each passed on to two units, in September,
    for a plan with a monthly reporting rule of the DIC."""
    plan = factories.PlanFactory()
    ReportingRule.objects.create(
        plan=plan,
        title="Báo cáo tháng",
        reporter=dic,
        frequency=ReportingRule.Frequency.MONTHLY,
        due_day=20,
        active_from=plan.period_start,
        active_to=plan.period_end,
    )
    for number in range(size):
        day = D(2026, 9, 1 + number % 28)
        if number % 2:
            gift = received(actor, dic, day, plan=plan, donor=f"Nhà tài trợ {number}", amount=2_000_000)
            passed(actor, gift, units[0], day, amount=500_000)
            passed(actor, gift, units[1], day, amount=500_000)
        else:
            gift = received(
                actor,
                dic,
                day,
                plan=plan,
                donor=f"Nhà tài trợ {number}",
                item=f"Máy {number % 3}",
                quantity=4,
                unit_value=1_000_000,
            )
            passed(actor, gift, units[0], day, quantity=1)
            passed(actor, gift, units[1], day, quantity=1)


def queries_of(client, path, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


# The page: 1 session, 2 user, 3 the user's roles (permissions.role_names); 4 the plans with
# donations, for the filter; 5 received, grouped; 6 passed on, grouped; 7 the month's receipts;
# 8 its transfers; 9 the plans' monthly reporting rules (none asked when no donation has a
# plan); 10–11 the months with receipts and with transfers.
PAGE_QUERIES = 11
# An officer's page reads their unit (once, for the report's heading and the top bar) and here
# asks for no reporting rule: unit A received nothing itself, only what the DIC passed on.
OFFICER_EXTRA = 0
# The Excel file: the page's first nine, without the list of months.
EXPORT_QUERIES = 9


@pytest.mark.parametrize(("persona", "extra"), [("manager", 0), ("officer_a", OFFICER_EXTRA)])
def test_the_page_and_the_file_cost_the_same_queries_at_two_sizes(
    client, request, persona, extra, finance, dic, unit_a, unit_b
):
    client.force_login(request.getfixturevalue(persona))
    counts = []
    for size in (4, 40):  # 4, then 44 donations and 88 transfers in all
        build(size, finance, dic, [unit_a, unit_b])
        counts.append((queries_of(client, URL, month="2026-09"), queries_of(client, EXPORT, month="2026-09")))
    assert counts == [(PAGE_QUERIES + extra, EXPORT_QUERIES + extra)] * 2
