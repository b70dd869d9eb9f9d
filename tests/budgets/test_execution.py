"""Budget execution: approved, allocated, disbursed, remaining and the disbursement rate by
funding source, content type, unit, area and year — who sees which figures, the filters, the
links to the allocation list, the charts, and a query count that does not grow with the data."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from budgets import charts, execution, services
from budgets.models import Allocation
from tests import factories
from tests.budgets.factories import approved_estimate, source
from tracker.core import roles
from tracker.documents import services as document_services
from tracker.models import ActivityType, Area, Unit

pytestmark = pytest.mark.django_db
M = 1_000_000
SVG = "{http://www.w3.org/2000/svg}"


def allocate(activity, unit, amount, *, code="central_budget", year=2026, disbursed=0, actor=None):
    """An allocation (set up directly: the approval cap is the services' tests' business) and,
    through the service, what was paid out of it."""
    allocation = Allocation.objects.create(
        activity=activity,
        unit=unit,
        funding_source=source(code),
        year=year,
        amount=amount,
        decision_number="1181/QĐ-UBND",
        decision_date=datetime.date(year, 2, 1),
    )
    if disbursed:
        services.disbursement_record(
            allocation=allocation,
            amount=disbursed,
            voucher_number=f"PC-{allocation.pk}",
            voucher_date=datetime.date(year, 3, 1),
            actor=actor,
        )
    return allocation


@pytest.fixture
def world(unit_a, unit_b, finance):
    return build_world(unit_a, unit_b, finance)


def build_world(unit_a, unit_b, finance) -> SimpleNamespace:
    """Province > district > commune (unit A) > village; a commune straight under the province
    (two-tier, unit B); the DIC at province level; a newspaper with no area.

    approved: 100 M (unit A, outreach, central, 2026), 50 M (unit B, radio, local, 2026),
    40 M (DIC, smartphones, central, 2025);
    allocated/disbursed: unit A 80/50, village team 20/0 (same activity), unit B 50/10,
    DIC 40/40 (2025), newspaper 10/5 (local).
    """
    province = factories.ProvinceFactory(name="Tỉnh Lạng Sơn")
    district = factories.AreaFactory(name="Huyện Văn Quan", level=Area.Level.DISTRICT, parent=province)
    commune = factories.AreaFactory(name="Xã Tân Đoàn", parent=district)
    village = factories.AreaFactory(name="Thôn Một", level=Area.Level.VILLAGE, parent=commune)
    two_tier = factories.AreaFactory(name="Xã Hữu Liên", parent=province)
    Unit.objects.filter(pk=unit_a.pk).update(area=commune)
    Unit.objects.filter(pk=unit_b.pk).update(area=two_tier)
    dic = factories.UnitFactory(name="Sở Thông tin và Truyền thông", area=province)
    village_team = factories.UnitFactory(name="Tổ công nghệ thôn Một", area=village)
    newspaper = factories.UnitFactory(name="Báo Lạng Sơn", kind=Unit.Kind.NEWSPAPER)
    plan = factories.PlanFactory(number_symbol="146/KH-UBND")
    plan_2025 = factories.PlanFactory(
        number_symbol="413/KH-UBND", period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31)
    )
    kinds = {kind.code: kind for kind in ActivityType.objects.all()}
    outreach = factories.ActivityFactory(plan=plan, section_code="2.1", activity_type=kinds["outreach"], lead_unit=dic)
    radio = factories.ActivityFactory(
        plan=plan, section_code="2.2", activity_type=kinds["commune_radio"], lead_unit=dic
    )
    phones = factories.ActivityFactory(
        plan=plan_2025, section_code="1.1", activity_type=kinds["smartphone_support"], lead_unit=dic
    )
    factories.TaskFactory(activity=outreach, unit=unit_a)
    factories.TaskFactory(activity=radio, unit=unit_b)
    approved_estimate(activity=outreach, year=2026, amount=100 * M, funding_source=source(), unit=unit_a)
    approved_estimate(activity=radio, year=2026, amount=50 * M, funding_source=source("local_budget"), unit=unit_b)
    approved_estimate(activity=phones, year=2025, amount=40 * M, funding_source=source(), unit=dic)
    allocations = SimpleNamespace(
        a=allocate(outreach, unit_a, 80 * M, disbursed=50 * M, actor=finance),
        village=allocate(outreach, village_team, 20 * M, actor=finance),
        b=allocate(radio, unit_b, 50 * M, code="local_budget", disbursed=10 * M, actor=finance),
        dic=allocate(phones, dic, 40 * M, year=2025, disbursed=40 * M, actor=finance),
        newspaper=allocate(radio, newspaper, 10 * M, code="local_budget", disbursed=5 * M, actor=finance),
    )
    return SimpleNamespace(
        province=province,
        district=district,
        commune=commune,
        two_tier=two_tier,
        dic=dic,
        village_team=village_team,
        newspaper=newspaper,
        plan=plan,
        plan_2025=plan_2025,
        outreach=outreach,
        radio=radio,
        phones=phones,
        kinds=kinds,
        allocations=allocations,
    )


def english(client, user):
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(client, **params):
    response = client.get(reverse("budgets:execution"), params)
    assert response.status_code == 200
    return response


def figures(table) -> list[tuple]:
    return [(row.key, row.approved, row.allocated, row.disbursed, row.remaining, row.rate) for row in table.rows]


def tables(response) -> dict:
    return {table.name: table for table in response.context["tables"]}


def total(table) -> tuple:
    t = table.total
    return (t.approved, t.allocated, t.disbursed, t.remaining, t.rate)


# --- The figures -------------------------------------------------------------------------------


def test_a_manager_sees_every_figure_grouped_five_ways(client, manager, world, unit_a, unit_b):
    found = tables(page(english(client, manager)))
    central, local = source().pk, source("local_budget").pk
    assert figures(found["funding_source"]) == [
        (central, 140 * M, 140 * M, 90 * M, 50 * M, Decimal("64.3")),
        (local, 50 * M, 60 * M, 15 * M, 45 * M, Decimal("25.0")),
    ]
    kinds = world.kinds
    # In the content types' own order: radio (3), smartphones (7), outreach (8).
    assert figures(found["activity_type"]) == [
        (kinds["commune_radio"].pk, 50 * M, 60 * M, 15 * M, 45 * M, Decimal("25.0")),
        (kinds["smartphone_support"].pk, 40 * M, 40 * M, 40 * M, 0, Decimal("100.0")),
        (kinds["outreach"].pk, 100 * M, 100 * M, 50 * M, 50 * M, Decimal("50.0")),
    ]
    # Units in Vietnamese order; the approved column follows the estimates' units.
    assert [row.label for row in found["unit"].rows] == [
        "Báo Lạng Sơn",
        "Sở Thông tin và Truyền thông",
        "Tổ công nghệ thôn Một",
        "UBND xã A",
        "UBND xã B",
    ]
    assert figures(found["unit"]) == [
        (world.newspaper.pk, 0, 10 * M, 5 * M, 5 * M, Decimal("50.0")),
        (world.dic.pk, 40 * M, 40 * M, 40 * M, 0, Decimal("100.0")),
        (world.village_team.pk, 0, 20 * M, 0, 20 * M, Decimal("0.0")),
        (unit_a.pk, 100 * M, 80 * M, 50 * M, 30 * M, Decimal("62.5")),
        (unit_b.pk, 50 * M, 50 * M, 10 * M, 40 * M, Decimal("20.0")),
    ]
    assert figures(found["year"]) == [
        (2025, 40 * M, 40 * M, 40 * M, 0, Decimal("100.0")),
        (2026, 150 * M, 160 * M, 65 * M, 95 * M, Decimal("40.6")),
    ]
    for table in found.values():
        assert total(table) == (190 * M, 200 * M, 105 * M, 95 * M, Decimal("52.5"))


@pytest.fixture
def national(db):
    return factories.UserFactory(username="giamsat.bo", role=roles.NATIONAL_MONITOR)


def test_a_national_readers_tables_are_kept_until_money_or_a_unit_is_written(client, national, finance, world):
    """Every allocation of the country, the same for each reader of every province: kept in the
    cache per choice of filters and language. A change past the services is not seen; money
    written through them, or a unit renamed, is seen on the next visit."""
    client.force_login(national)
    found = tables(page(client))
    assert total(found["unit"])[1] == 200 * M
    assert [row.label for row in found["unit"].rows[:2]] == ["Báo Lạng Sơn", "Sở Thông tin và Truyền thông"]
    assert total(tables(page(client, year=2025))["unit"])[1] == 40 * M
    Allocation.objects.filter(pk=world.allocations.village.pk).update(amount=30 * M)  # past the services
    assert total(tables(page(client))["unit"])[1] == 200 * M
    services.disbursement_record(
        allocation=world.allocations.b,
        amount=5 * M,
        voucher_number="PC-9",
        voucher_date=datetime.date(2026, 4, 1),
        actor=finance,
    )
    found = tables(page(client))
    assert total(found["unit"])[:3] == (190 * M, 210 * M, 110 * M)
    assert total(tables(page(client, year=2025))["unit"])[1] == 40 * M
    world.newspaper.name = "Báo Lạng Sơn điện tử"
    document_services.unit_save(unit=world.newspaper, actor=national)
    assert tables(page(client))["unit"].rows[0].label == "Báo Lạng Sơn điện tử"
    # A province's manager is counted each time (their tables do not grow with the country).
    manager = factories.UserFactory(unit=world.dic, role=roles.DIC_MANAGER)
    client.force_login(manager)
    Allocation.objects.filter(pk=world.allocations.village.pk).update(amount=35 * M)
    assert total(tables(page(client))["unit"])[1] == 215 * M


def test_areas_roll_up_to_the_district_and_a_two_tier_commune_counts_as_itself(client, manager, world):
    rows = tables(page(english(client, manager)))["area"].rows
    # The province (its own units), the district (a commune's and a village's units), the
    # commune with no district above it (since 1/7/2025), and the units with no area last.
    assert figures_of(rows) == [
        (world.province.pk, "Tỉnh Lạng Sơn", 40 * M, 40 * M, 40 * M),
        (world.district.pk, "Huyện Văn Quan", 100 * M, 100 * M, 50 * M),
        (world.two_tier.pk, "Xã Hữu Liên", 50 * M, 50 * M, 10 * M),
        (None, rows[3].label, 0, 10 * M, 5 * M),
    ]
    assert [row.note for row in rows[:3]] == ["Province", "District", "Commune"]
    assert rows[3].label == "Province level or no area"


def figures_of(rows) -> list[tuple]:
    return [(row.key, row.label, row.approved, row.allocated, row.disbursed) for row in rows]


def test_the_rate_reads_as_vietnamese_writes_it(client, manager, world):
    client.force_login(manager)  # the default language: Vietnamese
    content = page(client).content.decode()
    assert "52,5%" in content  # the total
    assert "62,5%" in content  # unit A
    assert "40,6%" in content  # 2026
    assert "190.000.000 đ" in content  # approved, with "." grouping
    with translation.override("vi"):
        assert execution.format_rate(Decimal("62.5")) == "62,5%"
        assert execution.format_rate(Decimal("100.0")) == "100%"
        assert execution.format_rate(None) == "—"
    with translation.override("en"):  # the English interface keeps the Vietnamese number format
        assert execution.format_rate(Decimal("62.5")) == "62,5%"


@pytest.mark.parametrize(
    ("disbursed", "allocated", "rate"),
    [
        (5, 8, Decimal("62.5")),
        (1, 3, Decimal("33.3")),
        (2, 3, Decimal("66.7")),
        (1, 1600, Decimal("0.1")),
        (0, 0, None),
    ],
)
def test_the_rate_is_a_decimal_rounded_half_up_to_one_place(disbursed, allocated, rate):
    assert execution.disbursement_rate(disbursed, allocated) == rate


def test_the_filters_narrow_every_table(client, manager, world):
    english(client, manager)
    assert total(tables(page(client, year=2025))["unit"]) == (40 * M, 40 * M, 40 * M, 0, Decimal("100.0"))
    by_plan = tables(page(client, plan=world.plan.pk))
    assert total(by_plan["year"]) == (150 * M, 160 * M, 65 * M, 95 * M, Decimal("40.6"))
    local = tables(page(client, funding_source=source("local_budget").pk))
    assert [row.key for row in local["unit"].rows] == [world.newspaper.pk, world.allocations.b.unit_id]
    assert total(local["area"]) == (50 * M, 60 * M, 15 * M, 45 * M, Decimal("25.0"))


def test_an_unknown_filter_value_is_reported_and_ignored(client, manager, world):
    response = page(english(client, manager), plan="999999", year="abc")
    assert set(response.context["form"].errors) == {"plan", "year"}
    assert total(tables(response)["unit"])[:3] == (190 * M, 200 * M, 105 * M)


def test_the_year_links_offer_every_year_with_figures_and_this_year(client, manager, world):
    response = page(english(client, manager))
    this_year = timezone.localdate().year
    assert [year for year, _label in response.context["year_links"]] == sorted({2025, 2026, this_year}, reverse=True)
    content = response.content.decode()
    assert "(this year)" in content
    assert re.search(r'<a href="[^"]*" aria-current="page">All years</a>', content)  # the default
    assert 'href="?year=2025" aria-current="page">2025</a>' in page(client, year=2025).content.decode()


def test_every_figure_links_to_the_allocation_list_filtered_to_it(client, manager, world, unit_a):
    response = page(english(client, manager), year=2026)
    found = tables(response)
    list_url = reverse("budgets:allocation_list")
    unit_row = next(row for row in found["unit"].rows if row.key == unit_a.pk)
    assert unit_row.query == f"year=2026&unit={unit_a.pk}"
    content = response.content.decode()
    assert f'href="{list_url}?year=2026&amp;unit={unit_a.pk}">80.000.000 đ</a>' in content
    assert f'href="{list_url}?year=2026&amp;unit={unit_a.pk}">50.000.000 đ</a>' in content
    assert found["unit"].total.query == "year=2026"
    assert found["funding_source"].rows[0].query == f"year=2026&funding_source={source().pk}"
    assert found["activity_type"].rows[0].query == f"year=2026&activity_type={world.kinds['commune_radio'].pk}"
    assert found["year"].rows[0].query == "year=2026"
    areas = {row.key: row.query for row in found["area"].rows}
    assert areas[world.district.pk] == f"year=2026&area={world.district.pk}"
    assert areas[world.two_tier.pk] == f"year=2026&area={world.two_tier.pk}"
    # The list's area filter takes everything inside an area: no link that would show more.
    assert areas[None] == ""
    assert world.province.pk not in areas  # 2026 has no province-level allocation


def test_a_province_row_and_a_row_without_allocations_have_no_link(client, manager, world):
    # Approved but not allocated: the allocation list would have nothing to show. (Made before
    # the page is read: an estimate made past the services would not drop the cached tables.)
    approved_estimate(activity=world.radio, year=2026, amount=7 * M, funding_source=source("enterprise"))
    found = tables(page(english(client, manager)))
    assert {row.key: row.query for row in found["area"].rows}[world.province.pk] == ""
    enterprise = next(row for row in found["funding_source"].rows if row.key == source("enterprise").pk)
    assert (enterprise.approved, enterprise.allocated, enterprise.query) == (7 * M, 0, "")


def test_the_page_has_no_inline_style_or_script_and_draws_three_charts(client, manager, world):
    content = page(english(client, manager)).content.decode()
    assert "style=" not in content
    assert "<script" not in content
    assert content.count('role="img"') == 3
    assert 'aria-label="Allocated and disbursed by funding source"' in content
    assert 'aria-label="Disbursement rate by year"' in content


def test_the_page_links_to_the_export_with_its_filters_and_finance_to_the_import(client, finance, monitor, world):
    content = page(english(client, finance), year=2026).content.decode()
    assert f'href="{reverse("budgets:execution_export")}?year=2026"' in content
    assert f'href="{reverse("budgets:import_upload")}"' in content
    content = page(english(client, monitor)).content.decode()
    assert reverse("budgets:import_upload") not in content


# --- Who sees what -------------------------------------------------------------------------------


def test_a_unit_officer_sees_only_their_own_allocations_and_estimates(client, officer_a, world, unit_a):
    response = page(english(client, officer_a))
    found = tables(response)
    assert figures(found["unit"]) == [(unit_a.pk, 100 * M, 80 * M, 50 * M, 30 * M, Decimal("62.5"))]
    for table in found.values():
        assert total(table) == (100 * M, 80 * M, 50 * M, 30 * M, Decimal("62.5"))
    assert [plan for plan, _label in response.context["form"].fields["plan"].choices][1:] == [world.plan.pk]
    assert "You see the allocations given to your unit" in response.content.decode()


def test_a_unit_officer_sees_another_units_approved_estimate_nowhere(client, officer_b, world, unit_b):
    found = tables(page(english(client, officer_b)))
    assert [(row.key, row.approved, row.allocated) for row in found["unit"].rows] == [(unit_b.pk, 50 * M, 50 * M)]
    assert total(found["funding_source"])[:3] == (50 * M, 50 * M, 10 * M)


@pytest.mark.parametrize("persona", ["finance", "monitor", "manager"])
def test_province_wide_readers_see_everything(client, persona, request, world):
    found = tables(page(english(client, request.getfixturevalue(persona))))
    assert total(found["unit"])[:3] == (190 * M, 200 * M, 105 * M)


def test_someone_for_whom_budgets_are_no_business_is_refused(client, editor):
    client.force_login(editor)
    assert client.get(reverse("budgets:execution")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("budgets:execution"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_page_without_any_figure_says_so(client, manager):
    content = page(english(client, manager)).content.decode()
    assert content.count("No approved estimate or allocation matches these filters.") == 5
    assert 'role="img"' not in content


# --- Constant query counts ---------------------------------------------------------------------

# The page, whatever the amount of data: 1 session, 2 user, 3 the user's roles, 4 the years,
# 5 the plans, 6 the funding sources (the filters' choices), 7–11 one query per table (the
# approved amounts UNION ALL the allocations, grouped by source, content type, unit, area, year).
EXECUTION_QUERIES = 13  # + 12–13 whether a figure is sample (allocations, then approved lines)


def _grow(size: int, finance) -> None:
    """`size` more plans, each with an activity, a unit in a commune of a district, an approved
    estimate, an allocation and a payment."""
    province = factories.ProvinceFactory()
    for number in range(size):
        district = factories.AreaFactory(level=Area.Level.DISTRICT, parent=province)
        unit = factories.CommuneCommitteeFactory(area=factories.AreaFactory(parent=district))
        activity = factories.ActivityFactory(plan=factories.PlanFactory())
        year = 2024 + number % 3
        approved_estimate(activity=activity, year=year, amount=10 * M, funding_source=source(), unit=unit)
        allocate(activity, unit, 10 * M, year=year, disbursed=(number + 1) * 100_000, actor=finance)


@pytest.mark.parametrize("size", [2, 20])
def test_the_page_costs_the_same_queries_whatever_the_data(
    client, manager, finance, size, django_assert_max_num_queries
):
    _grow(size, finance)
    english(client, manager)
    with django_assert_max_num_queries(EXECUTION_QUERIES):
        response = page(client)
    assert len(tables(response)["unit"].rows) == size


@pytest.mark.parametrize("size", [2, 20])
def test_a_filtered_page_costs_the_same_queries(client, manager, finance, size, django_assert_max_num_queries):
    _grow(size, finance)
    english(client, manager)
    central = source().pk
    with django_assert_max_num_queries(EXECUTION_QUERIES):
        response = page(client, year=2024, funding_source=central)
    assert total(tables(response)["unit"])[1] == len(range(0, size, 3)) * 10 * M


# An officer's page adds 12 their unit (shown in the top bar).
@pytest.mark.parametrize("size", [2, 20])
def test_an_officers_page_costs_the_same_queries(
    client, officer_a, unit_a, finance, size, django_assert_max_num_queries
):
    _grow(size, finance)
    for _number in range(size):
        activity = factories.ActivityFactory()
        approved_estimate(activity=activity, year=2026, amount=M, funding_source=source(), unit=unit_a)
        allocate(activity, unit_a, M, disbursed=1000, actor=finance)
    english(client, officer_a)
    with django_assert_max_num_queries(EXECUTION_QUERIES + 1):
        response = page(client)
    assert total(tables(response)["unit"])[:2] == (size * M, size * M)


# --- Charts ------------------------------------------------------------------------------------


def _row(label, allocated, disbursed, approved=0):
    return execution.Row(key=1, label=label, approved=approved, allocated=allocated, disbursed=disbursed)


def _parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))


def _texts(root) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_the_bar_chart_is_accessible_svg_that_carries_its_figures():
    with translation.override("vi"):
        svg = charts.allocation_bars(
            chart_id="chart-source",
            title="Phân bổ và giải ngân theo nguồn vốn",
            rows=[_row("Ngân sách trung ương", 8 * M, 5 * M), _row("Ngân sách địa phương & <đối ứng>", 2 * M, 0)],
        )
    root = _parse(svg)  # well-formed XML, with the label's "&" and "<" escaped
    assert root.tag == f"{SVG}svg"
    assert (root.get("role"), root.get("aria-label")) == ("img", "Phân bổ và giải ngân theo nguồn vốn")
    assert root.find(f"{SVG}title").text == "Phân bổ và giải ngân theo nguồn vốn"
    description = root.find(f"{SVG}desc").text
    assert "Ngân sách trung ương" in description and "8.000.000 đ" in description and "62,5%" in description
    assert root.get("aria-describedby") == "chart-source-desc"
    texts = _texts(root)
    assert "Ngân sách địa phương & <đối ứng>" in texts
    assert "62,5%" in texts and "0%" in texts
    assert any("8.000.000 đ" in text for text in texts) and any("5.000.000 đ" in text for text in texts)
    # Presentation attributes only: nothing the Content Security Policy would block.
    assert all(element.get("style") is None for element in root.iter())
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}foreignObject"))
    # The bars: the largest allocation fills the track; the disbursed bar sits inside it.
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect") if rect.get("fill") in ("#a9c8ea",)]
    assert widths[1] == pytest.approx(widths[2] * 4)  # 8 M against 2 M (after the legend's swatch)


def test_a_long_label_is_cut_on_the_chart_and_whole_in_its_title():
    label = "Nội dung thông tin cho xã biên giới, cụm thông tin điện tử công cộng tại cửa khẩu"
    root = _parse(charts.allocation_bars(chart_id="c", title="t", rows=[_row(label, M, 0)]))
    assert label not in _texts(root)
    assert any(text.endswith("…") for text in _texts(root))
    assert label in root.find(f"{SVG}g/{SVG}title").text


def test_the_rate_by_year_chart_has_a_column_per_year_with_its_rate():
    with translation.override("vi"):
        root = _parse(
            charts.rate_columns(
                chart_id="chart-year",
                title="Tỷ lệ giải ngân theo năm",
                rows=[_row("2025", 4 * M, 4 * M), _row("2026", 16 * M, 6_500_000)],
            )
        )
    texts = _texts(root)
    assert [text for text in texts if text in ("2025", "2026")] == ["2025", "2026"]
    assert "100%" in texts and "40,6%" in texts
    heights = [float(rect.get("height")) for rect in root.iter(f"{SVG}rect")]
    assert heights == [pytest.approx(150), pytest.approx(150 * 0.406)]
    assert root.get("role") == "img"


def test_no_figures_draw_no_chart():
    assert charts.allocation_bars(chart_id="c", title="t", rows=[]) == ""
    assert charts.rate_columns(chart_id="c", title="t", rows=[_row("2026", 0, 0)]) == ""
