"""The estimate pages as their users use them: a unit draws up and submits an estimate, the
finance department appraises it, a DIC manager approves it with its decision (or either
returns it), and everyone who may see it reads it as a document with what was allocated."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from budgets import services
from budgets.models import Allocation, Estimate, EstimateLine
from tests import factories
from tests.budgets.factories import EstimateFactory, EstimateLineFactory, approved_estimate, source
from tests.budgets.pages import login, messages_of
from tracker.models import Plan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def activity(unit_a):
    """An activity led by the DIC on which unit A carries out a task (so officer A sees it)."""
    activity = factories.ActivityFactory(
        title="Tăng cường cơ sở vật chất cho đài truyền thanh xã",
        section_code="2.3",
        lead_unit=factories.UnitFactory(name="Sở Thông tin và Truyền thông"),
    )
    factories.TaskFactory(activity=activity, unit=unit_a)
    return activity


def lines_data(rows, *, initial=0, total=None) -> dict:
    """The line formset's POST data: rows of (description, source code, quantity, unit price)."""
    data = {
        "lines-TOTAL_FORMS": str(total if total is not None else len(rows)),
        "lines-INITIAL_FORMS": str(initial),
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        description, code, quantity, price, *rest = row
        data.update(
            {
                f"lines-{index}-description": description,
                f"lines-{index}-funding_source": source(code).pk,
                f"lines-{index}-unit_of_measure": "lớp",
                f"lines-{index}-quantity": str(quantity),
                f"lines-{index}-unit_price": price,
            }
        )
        if rest:
            data.update(rest[0])
    return data


def estimate_data(activity, rows, **extra) -> dict:
    return {
        "activity": activity.pk,
        "year": "2026",
        "title": "Dự toán kinh phí đài truyền thanh 2026",
        "explanation": "Theo định mức tại Thông tư 39/2020/TT-BTTTT.",
        **lines_data(rows),
        **extra,
    }


TWO_LINES = [
    ("Lắp đặt cụm loa", "central_budget", 3, "15.000.000"),
    ("Tập huấn vận hành", "local_budget", 2, "4,500,000"),
]


def draft(officer, activity, unit) -> Estimate:
    return services.estimate_save(
        estimate=Estimate(activity=activity, unit=unit, year=2026, title="Dự toán 2026"),
        lines=[
            EstimateLine(description="Lắp đặt cụm loa", funding_source=source(), quantity=3, unit_price=15_000_000),
            EstimateLine(
                description="Tập huấn", funding_source=source("local_budget"), quantity=2, unit_price=4_500_000
            ),
        ],
        actor=officer,
    )


def submitted(officer, activity, unit) -> Estimate:
    estimate = draft(officer, activity, unit)
    return services.estimate_submit(estimate=estimate, actor=officer)


def appraised(officer, finance, activity, unit, amounts=(40_000_000, 9_000_000)) -> Estimate:
    estimate = submitted(officer, activity, unit)
    lines = list(estimate.lines.order_by("order"))
    return services.estimate_appraise(
        estimate=estimate,
        appraised={line.pk: amount for line, amount in zip(lines, amounts, strict=True)},
        comments="Giảm đơn giá cụm loa.",
        actor=finance,
    )


# --- Drawing up ----------------------------------------------------------------------------------


def test_unit_officer_draws_up_an_estimate_for_their_own_unit_with_amounts_typed_as_vnd(
    client, officer_a, unit_a, unit_b, activity
):
    login(client, officer_a)
    page = client.get(reverse("budgets:estimate_create"))
    assert "unit" not in page.context["form"].fields  # their own unit, fixed
    assert "UBND xã A" in page.content.decode()

    # A unit field sent anyway is ignored: an officer cannot draw up for another unit.
    response = client.post(reverse("budgets:estimate_create"), estimate_data(activity, TWO_LINES, unit=unit_b.pk))

    estimate = Estimate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("budgets:estimate_detail", args=[estimate.pk])
    assert (estimate.unit, estimate.status, estimate.created_by) == (unit_a, "draft", officer_a)
    assert [(line.description, line.quantity, line.unit_price, line.amount) for line in estimate.lines.all()] == [
        ("Lắp đặt cụm loa", 3, 15_000_000, 45_000_000),
        ("Tập huấn vận hành", 2, 4_500_000, 9_000_000),
    ]
    assert estimate.history.get().history_user == officer_a


def test_finance_chooses_the_unit_and_a_blank_unit_is_the_activity_lead_unit(client, finance, activity):
    login(client, finance)
    client.post(reverse("budgets:estimate_create"), estimate_data(activity, TWO_LINES, unit=""))
    assert Estimate.objects.get().unit == activity.lead_unit


def test_the_activity_link_preselects_the_activity_and_its_lead_unit(client, finance, activity):
    login(client, finance)
    form = client.get(reverse("budgets:estimate_create"), {"activity": activity.pk}).context["form"]
    assert (form["activity"].value(), form["unit"].value(), form["year"].value()) == (
        activity.pk,
        activity.lead_unit_id,
        timezone.localdate().year,
    )


def test_activities_are_those_the_unit_may_see_grouped_by_plan_in_vietnamese_order(client, officer_a, unit_a):
    plan = factories.PlanFactory(number_symbol="413/KH-UBND")
    # Vietnamese order: A, Ă, B (by code point Ă would come after B).
    for section in ("B", "Ă", "A"):
        activity = factories.ActivityFactory(plan=plan, section_code=section, title=f"Nội dung {section}")
        factories.TaskFactory(activity=activity, unit=unit_a)
    factories.ActivityFactory(plan=plan, title="Việc của đơn vị khác")
    login(client, officer_a)
    content = client.get(reverse("budgets:estimate_create")).content.decode()

    group = re.search(r'<optgroup label="413/KH-UBND \(2026\)">(.*?)</optgroup>', content, re.S).group(1)
    assert re.findall(r">([^<]+)</option>", group) == [
        "413/KH-UBND · A. Nội dung A",
        "413/KH-UBND · Ă. Nội dung Ă",
        "413/KH-UBND · B. Nội dung B",
    ]
    assert "Việc của đơn vị khác" not in content


def test_an_activity_the_unit_does_not_see_is_refused_and_nothing_is_written(client, officer_b, activity):
    login(client, officer_b)
    response = client.post(reverse("budgets:estimate_create"), estimate_data(activity, TWO_LINES))
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["form"].errors["activity"])
    assert not Estimate.objects.exists()


def test_an_estimate_without_lines_is_refused(client, officer_a, activity):
    login(client, officer_a)
    # Three rows left as the browser sends them untouched: only the default quantity.
    blank = {f"lines-{index}-quantity": "1" for index in range(3)}
    response = client.post(
        reverse("budgets:estimate_create"), estimate_data(activity, [], **lines_data([], total=3), **blank)
    )
    assert response.context["lines"].non_form_errors() == ["An estimate needs at least one line."]
    assert not Estimate.objects.exists()


def test_unit_prices_are_read_in_every_way_users_type_them_and_decimals_are_refused(client, officer_a, activity):
    login(client, officer_a)
    rows = [
        ("Dòng một", "central_budget", 1, "1.234.567"),
        ("Dòng hai", "central_budget", 1, "1234567"),
        ("Dòng ba", "central_budget", 1, "1,234,567 đ"),
    ]
    client.post(reverse("budgets:estimate_create"), estimate_data(activity, rows))
    assert list(EstimateLine.objects.values_list("unit_price", flat=True)) == [1_234_567] * 3

    response = client.post(
        reverse("budgets:estimate_create"), estimate_data(activity, [("Sai", "central_budget", 1, "1.5")])
    )
    assert response.context["lines"].forms[0].errors["unit_price"] == ["Enter a whole amount of đồng, e.g. 1.234.567."]
    assert Estimate.objects.count() == 1


def test_the_form_shows_each_line_amount_and_the_total(client, officer_a, activity):
    login(client, officer_a)
    bad_title = estimate_data(activity, TWO_LINES, title="")
    response = client.post(reverse("budgets:estimate_create"), bad_title)
    content = response.content.decode()
    assert '<output class="line-amount"' in content
    assert "45.000.000 đ" in content and "9.000.000 đ" in content
    assert '<output class="lines-total">54.000.000 đ</output>' in content
    assert '<script src="/static/budgets/estimate_lines.js" defer></script>' in content


def test_editing_a_draft_changes_deletes_and_adds_lines(client, officer_a, unit_a, activity):
    estimate = draft(officer_a, activity, unit_a)
    first, second = estimate.lines.order_by("order")
    login(client, officer_a)
    data = estimate_data(activity, [], title="Dự toán 2026 (sửa)")
    data.update(
        lines_data(
            [
                ("Lắp đặt cụm loa", "central_budget", 4, "15.000.000", {"lines-0-id": first.pk}),
                ("Tập huấn", "local_budget", 2, "4.500.000", {"lines-1-id": second.pk, "lines-1-DELETE": "on"}),
                ("Biên tập nội dung", "local_budget", 1, "2.000.000"),
            ],
            initial=2,
        )
    )
    for index in (0, 1, 2):
        data[f"lines-{index}-estimate"] = estimate.pk
    response = client.post(reverse("budgets:estimate_edit", args=[estimate.pk]), data)

    assert response.status_code == 302
    estimate.refresh_from_db()
    assert estimate.title == "Dự toán 2026 (sửa)"
    assert [(line.description, line.amount) for line in estimate.lines.order_by("order")] == [
        ("Lắp đặt cụm loa", 60_000_000),
        ("Biên tập nội dung", 2_000_000),
    ]


def test_save_and_submit_sends_it_for_appraisal_at_once(client, officer_a, activity):
    login(client, officer_a)
    response = client.post(
        reverse("budgets:estimate_create"), estimate_data(activity, TWO_LINES, save_and_submit="1"), follow=True
    )
    estimate = Estimate.objects.get()
    assert (estimate.status, estimate.submitted_by) == ("submitted", officer_a)
    assert messages_of(response) == ["The estimate was saved and submitted for appraisal."]


def test_a_submitted_estimate_is_not_edited_the_page_says_why(client, officer_a, unit_a, activity):
    estimate = submitted(officer_a, activity, unit_a)
    login(client, officer_a)
    response = client.get(reverse("budgets:estimate_edit", args=[estimate.pk]), follow=True)
    assert response.redirect_chain == [(reverse("budgets:estimate_detail", args=[estimate.pk]), 302)]
    assert messages_of(response) == [
        "This estimate is “Submitted for appraisal”: only a draft or a returned estimate can be edited."
    ]


# --- The workflow --------------------------------------------------------------------------------


def test_an_estimate_goes_from_submitted_to_approved_through_its_page(
    client, officer_a, finance, manager, unit_a, activity
):
    estimate = draft(officer_a, activity, unit_a)
    login(client, officer_a)
    response = client.post(reverse("budgets:estimate_submit", args=[estimate.pk]), follow=True)
    assert messages_of(response) == ["The estimate was submitted for appraisal."]

    login(client, finance)
    page = client.get(reverse("budgets:estimate_detail", args=[estimate.pk]))
    form = page.context["appraise_form"]
    lines = list(estimate.lines.order_by("order"))
    # Each line starts at the amount requested.
    assert [field.value() for _line, field in form.line_rows()] == [45_000_000, 9_000_000]
    assert page.context["approve_form"] is None
    response = client.post(
        reverse("budgets:estimate_appraise", args=[estimate.pk]),
        {f"line_{lines[0].pk}": "40.000.000", f"line_{lines[1].pk}": "9000000", "comments": "Giảm đơn giá cụm loa."},
        follow=True,
    )
    assert messages_of(response) == ["The appraisal was recorded."]
    estimate.refresh_from_db()
    assert (estimate.status, estimate.appraised_by, estimate.appraisal_comments) == (
        "appraised",
        finance,
        "Giảm đơn giá cụm loa.",
    )
    assert [line.appraised_amount for line in estimate.lines.order_by("order")] == [40_000_000, 9_000_000]

    login(client, manager)
    response = client.post(
        reverse("budgets:estimate_approve", args=[estimate.pk]),
        {"decision_number": " 1181/QĐ-UBND ", "decision_date": "15/07/2022"},
        follow=True,
    )
    assert messages_of(response) == ["The estimate was approved by decision 1181/QĐ-UBND."]
    estimate.refresh_from_db()
    assert (estimate.status, estimate.decision_number, estimate.decision_date, estimate.approved_by) == (
        "approved",
        "1181/QĐ-UBND",
        datetime.date(2022, 7, 15),
        manager,
    )
    content = response.content.decode()
    assert "<strong>1181/QĐ-UBND of 15/07/2022</strong>" in content
    assert [(h.status, h.history_user) for h in estimate.history.order_by("history_id")] == [
        ("draft", officer_a),
        ("submitted", officer_a),
        ("appraised", finance),
        ("approved", manager),
    ]


def test_an_appraisal_with_a_bad_amount_shows_the_error_on_the_line_and_writes_nothing(
    client, officer_a, finance, unit_a, activity
):
    estimate = submitted(officer_a, activity, unit_a)
    first, second = estimate.lines.order_by("order")
    login(client, finance)
    response = client.post(
        reverse("budgets:estimate_appraise", args=[estimate.pk]),
        {f"line_{first.pk}": "-5", f"line_{second.pk}": "1.000.000"},
    )
    assert response.status_code == 200
    assert response.context["appraise_form"].errors == {
        f"line_{first.pk}": ["Enter a whole amount of đồng, e.g. 1.234.567."]
    }
    estimate.refresh_from_db()
    assert estimate.status == "submitted"
    assert not estimate.lines.exclude(appraised_amount=None).exists()


def test_finance_returns_a_submitted_estimate_with_its_reason_and_the_unit_sees_it(
    client, officer_a, finance, unit_a, activity
):
    estimate = submitted(officer_a, activity, unit_a)
    login(client, finance)
    response = client.post(reverse("budgets:estimate_return", args=[estimate.pk]), {"reason": "   "})
    assert response.status_code == 200
    assert response.context["return_form"].errors == {"reason": ["This field is required."]}

    client.post(reverse("budgets:estimate_return", args=[estimate.pk]), {"reason": "Thiếu thuyết minh đơn giá."})
    estimate.refresh_from_db()
    assert (estimate.status, estimate.return_reason) == ("returned", "Thiếu thuyết minh đơn giá.")

    login(client, officer_a)
    page = client.get(reverse("budgets:estimate_detail", args=[estimate.pk]))
    assert page.context["actions"]["edit"] and page.context["actions"]["submit"]
    assert "Thiếu thuyết minh đơn giá." in page.content.decode()


def test_the_manager_returns_an_appraised_estimate_but_finance_no_longer_can(
    client, officer_a, finance, manager, unit_a, activity
):
    estimate = appraised(officer_a, finance, activity, unit_a)
    login(client, finance)
    response = client.post(reverse("budgets:estimate_return", args=[estimate.pk]), {"reason": "Xem lại."}, follow=True)
    assert messages_of(response) == [
        "This estimate is “Appraised”: the finance department returns an estimate under appraisal, a DIC manager an"
        " appraised one; this one cannot be returned by you now."
    ]
    assert Estimate.objects.get().status == "appraised"

    login(client, manager)
    client.post(reverse("budgets:estimate_return", args=[estimate.pk]), {"reason": "Chưa đủ nguồn đối ứng."})
    assert Estimate.objects.get().status == "returned"


@pytest.mark.parametrize(
    ("step", "persona", "message"),
    [
        ("estimate_appraise", "finance", "only an estimate submitted for appraisal can be appraised."),
        ("estimate_approve", "manager", "only an appraised estimate can be approved."),
    ],
)
def test_a_step_out_of_turn_is_a_message_not_an_error(
    client, request, officer_a, unit_a, activity, step, persona, message
):
    estimate = draft(officer_a, activity, unit_a)
    login(client, request.getfixturevalue(persona))
    response = client.post(
        reverse(f"budgets:{step}", args=[estimate.pk]),
        {"decision_number": "1181/QĐ-UBND", "decision_date": "15/07/2022"},
        follow=True,
    )
    assert response.status_code == 200
    assert messages_of(response) == [f"This estimate is “Draft”: {message}"]
    assert Estimate.objects.get().status == "draft"


@pytest.mark.parametrize(
    ("step", "persona"),
    [
        ("estimate_appraise", "officer_a"),
        ("estimate_appraise", "manager"),
        ("estimate_approve", "finance"),
        ("estimate_approve", "officer_a"),
        ("estimate_submit", "monitor"),
        ("estimate_return", "officer_a"),
    ],
)
def test_a_step_the_role_never_takes_is_forbidden(client, request, officer_a, unit_a, activity, step, persona):
    estimate = submitted(officer_a, activity, unit_a)
    login(client, request.getfixturevalue(persona))
    assert client.post(reverse(f"budgets:{step}", args=[estimate.pk]), {"reason": "x"}).status_code == 403


def test_another_units_estimate_is_not_found(client, officer_b, officer_a, unit_a, activity):
    estimate = draft(officer_a, activity, unit_a)
    login(client, officer_b)
    for name in ("estimate_detail", "estimate_edit", "estimate_history"):
        assert client.get(reverse(f"budgets:{name}", args=[estimate.pk])).status_code == 404
    assert client.post(reverse("budgets:estimate_submit", args=[estimate.pk])).status_code == 404


# --- The estimate as a document -------------------------------------------------------------------


def test_the_page_shows_lines_totals_by_source_steps_and_what_was_allocated(
    client, officer_a, finance, manager, unit_a, unit_b, activity
):
    estimate = appraised(officer_a, finance, activity, unit_a)
    services.estimate_approve(
        estimate=estimate, decision_number="1181/QĐ-UBND", decision_date=datetime.date(2022, 7, 15), actor=manager
    )
    allocation = services.allocation_save(
        allocation=Allocation(
            activity=activity,
            unit=unit_a,
            funding_source=source(),
            year=2026,
            amount=30_000_000,
            decision_number="1966/QĐ-UBND",
            decision_date=datetime.date(2026, 2, 1),
        ),
        actor=finance,
    )
    login(client, finance)
    response = client.get(reverse("budgets:estimate_detail", args=[estimate.pk]))
    estimate = response.context["estimate"]
    assert [(t.source.code, t.requested, t.appraised) for t in estimate.source_totals] == [
        ("central_budget", 45_000_000, 40_000_000),
        ("local_budget", 9_000_000, 9_000_000),
    ]
    assert (estimate.requested_total, estimate.appraised_total) == (54_000_000, 49_000_000)
    assert [(row.source.code, row.approved, row.allocated, row.allocatable) for row in response.context["funding"]] == [
        ("central_budget", 40_000_000, 30_000_000, 10_000_000),
        ("local_budget", 9_000_000, 0, 9_000_000),
    ]
    assert response.context["allocations"] == [allocation]
    assert response.context["actions"]["allocate"]
    content = response.content.decode()
    assert "Giảm đơn giá cụm loa." in content
    assert f"?activity={activity.pk}&amp;year=2026&amp;unit={unit_a.pk}" in content
    # Each step with who took it.
    assert f"Appraised by the finance department</strong> · {finance} ·" in content
    assert f"recorded by {manager} ·" in content


# --- The list --------------------------------------------------------------------------------------


@pytest.fixture
def listed(officer_a, officer_b, finance, manager, unit_a, unit_b, activity):
    """Estimates of two units over two years and every status."""
    other = factories.ActivityFactory(plan=factories.PlanFactory(number_symbol="200/KH-UBND"), title="Ấn phẩm")
    factories.TaskFactory(activity=other, unit=unit_b)
    rows = {
        "draft_a": draft(officer_a, activity, unit_a),
        "submitted_a": submitted(officer_a, activity, unit_a),
        "appraised_a": appraised(officer_a, finance, activity, unit_a),
        "approved_b": approved_estimate(activity=other, year=2025, amount=70_000_000, unit=unit_b),
    }
    return rows


def list_page(client, **params):
    response = client.get(reverse("budgets:estimate_list"), params)
    assert response.status_code == 200
    return response


def test_the_list_counts_each_status_and_totals_requested_and_approved(client, manager, listed):
    login(client, manager)
    response = list_page(client)
    summary = response.context["summary"]
    assert {key: summary[key] for key in ("total", "draft", "submitted", "appraised", "approved", "returned")} == {
        "total": 4,
        "draft": 1,
        "submitted": 1,
        "appraised": 1,
        "approved": 1,
        "returned": 0,
    }
    assert (summary["requested_sum"], summary["approved_sum"]) == (3 * 54_000_000 + 70_000_000, 70_000_000)
    rows = {e.pk: (e.requested_total, e.appraised_total) for e in response.context["page"].object_list}
    assert rows[listed["appraised_a"].pk] == (54_000_000, 49_000_000)
    assert rows[listed["draft_a"].pk] == (54_000_000, None)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": "2025"}, ["approved_b"]),
        ({"status": "submitted"}, ["submitted_a"]),
        ({"q": "Dự toán 2026", "status": "appraised"}, ["appraised_a"]),
    ],
)
def test_the_list_filters(client, manager, listed, params, expected):
    login(client, manager)
    response = list_page(client, **params)
    assert {e.pk for e in response.context["page"].object_list} == {listed[key].pk for key in expected}


def test_the_list_filters_by_plan_activity_and_unit(client, manager, listed, activity, unit_a):
    login(client, manager)
    for params in ({"plan": activity.plan_id}, {"activity": activity.pk}, {"unit": unit_a.pk}):
        response = list_page(client, **params)
        assert response.context["summary"]["total"] == 3, params


def test_a_filter_value_outside_the_choices_shows_no_row_and_says_why(client, manager, listed):
    login(client, manager)
    response = list_page(client, unit="999999")
    assert response.context["page"].object_list == []
    assert "Select a valid choice" in str(response.context["filter"].form.errors["unit"])


def test_a_unit_officer_lists_only_their_units_estimates(client, officer_b, listed):
    login(client, officer_b)
    response = list_page(client)
    assert [e.pk for e in response.context["page"].object_list] == [listed["approved_b"].pk]
    # The unit filter lists nothing (fetched as one types, test_list_filters): no other unit named.
    assert "UBND xã A" not in response.content.decode()


def test_the_cms_editor_has_no_budget_list(client, editor):
    login(client, editor)
    assert client.get(reverse("budgets:estimate_list")).status_code == 403


# --- History -----------------------------------------------------------------------------------------


def test_the_history_names_who_changed_what_with_amounts_in_dong(client, officer_a, finance, unit_a, activity):
    estimate = appraised(officer_a, finance, activity, unit_a)
    login(client, officer_a)
    response = client.get(reverse("budgets:estimate_history", args=[estimate.pk]))
    assert response.status_code == 200
    entries = response.context["entries"]
    appraisal = next(
        entry for entry in entries if entry.subject == "Estimate line: Lắp đặt cụm loa" and entry.kind == "~"
    )
    assert (appraisal.who, [(c.label, c.old, c.new) for c in appraisal.changes]) == (
        str(finance),
        [("appraised amount (VND)", "—", "40.000.000 đ")],
    )
    status = next(entry for entry in entries if not entry.subject and entry.reason == "Appraised")
    assert ("status", "Submitted for appraisal", "Appraised") in [(c.label, c.old, c.new) for c in status.changes]


# --- Query counts --------------------------------------------------------------------------------------


def build_estimates(size: int) -> None:
    """`size` estimates over three plans and three units, each with two lines."""
    plans = [factories.PlanFactory(number_symbol=f"{n}/KH-UBND") for n in range(3)]
    units = factories.UnitFactory.create_batch(3)
    for number in range(size):
        estimate = EstimateFactory(
            activity=factories.ActivityFactory(plan=plans[number % 3]), unit=units[number % 3], year=2025 + number % 2
        )
        EstimateLineFactory(estimate=estimate, appraised_amount=900_000)
        EstimateLineFactory(estimate=estimate, funding_source=source("local_budget"))


# The list, whatever the number of estimates:
#  1 session, 2 user, 3 the user's groups (roles),
#  4 years, 5 plans, 6 activities with their plans, 7 units (the filters' choices),
#  8 the counts and totals (one aggregate), 9 the page's rows with their totals (subqueries).
LIST_QUERIES = 9


@pytest.mark.parametrize("size", [5, 50])
def test_list_query_count_does_not_grow_with_the_data(client, manager, size, django_assert_max_num_queries):
    build_estimates(size)
    login(client, manager)
    with django_assert_max_num_queries(LIST_QUERIES):
        response = list_page(client, year="2025")
    assert len(response.context["page"].object_list) == min((size + 1) // 2, 25)


# The page of an approved estimate: 1-3 as above, 4 the estimate with its activity, plan, unit
# and the people of each step, 5 its lines with their sources, 6 when it was drawn up,
# 7 approved and allocated per source, 8 the allocations the user may see.
DETAIL_QUERIES = 8


@pytest.mark.parametrize("allocations", [1, 10])
def test_detail_query_count_does_not_grow_with_lines_or_allocations(
    client, manager, allocations, django_assert_max_num_queries
):
    activity = factories.ActivityFactory()
    estimate = approved_estimate(activity=activity, year=2026, amount=100_000_000 * allocations)
    for number in range(allocations):
        EstimateLineFactory(estimate=estimate, appraised_amount=1)
        Allocation.objects.create(
            activity=activity,
            unit=factories.UnitFactory(),
            funding_source=source(),
            year=2026,
            amount=1_000_000,
            decision_number=f"{number}/QĐ-UBND",
            decision_date=datetime.date(2026, 1, 1),
        )
    login(client, manager)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("budgets:estimate_detail", args=[estimate.pk]))
    assert len(response.context["allocations"]) == allocations


def test_unused_plans_do_not_crowd_the_filters(client, manager, listed):
    Plan.objects.create(
        issuer=factories.UnitFactory(),
        title="Kế hoạch không có dự toán",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    login(client, manager)
    # No plan is listed on the page at all: the plan filter fetches them as one types.
    page = list_page(client).content.decode()
    assert "không có dự toán" not in page
    assert f'data-choices-url="{reverse("tracker:choices", args=["plans"])}"' in page


def test_lines_added_in_place_beyond_the_three_empty_rows_are_all_saved_and_a_bad_one_saves_nothing(
    client, officer_a, unit_a, activity
):
    # As the page posts them after "Add a line" twice: five rows where the server offered three.
    five = [*TWO_LINES, ("Loa nén", "central_budget", 4, "2.000.000"), ("Dây cáp", "local_budget", 1, "900.000")]
    five.append(("Công lắp đặt", "local_budget", 2, "1.000.000"))
    login(client, officer_a)
    page = client.get(reverse("budgets:estimate_create")).content.decode()
    assert 'data-formset="lines"' in page and 'name="lines-__prefix__-quantity"' in page
    bad = estimate_data(activity, five, **{"lines-4-quantity": "hai"})
    response = client.post(reverse("budgets:estimate_create"), bad)
    assert response.status_code == 200 and not Estimate.objects.exists()
    assert "<li>Row 5, Quantity: Enter a whole number.</li>" in response.content.decode()

    response = client.post(reverse("budgets:estimate_create"), estimate_data(activity, five))
    assert response.status_code == 302
    estimate = Estimate.objects.get()
    assert [(line.description, line.amount) for line in estimate.lines.all()] == [
        ("Lắp đặt cụm loa", 45_000_000),
        ("Tập huấn vận hành", 9_000_000),
        ("Loa nén", 8_000_000),
        ("Dây cáp", 900_000),
        ("Công lắp đặt", 2_000_000),
    ]
