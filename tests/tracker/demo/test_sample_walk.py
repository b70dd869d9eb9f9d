"""Sample is always visible (issue 20): walk every page and export of every seed plan with the
whole demo loaded (tracker, budgets, campaign site) and fail on a sample figure shown unmarked.

What counts as a sample figure: an amount of money or a result that comes from a row made up
for the demonstration (`is_sample` on estimates, donations, register entries, output records,
sample plans). The seeds state no amount and no result, so the demo puts none on a seed's plan
except what is labelled where it is shown: seed 001's sample donations (the donation report
says "sample data") and the campaign site's sample articles counted on seed 003 (their figure
carries the sample badge, and an official report counting them says "SỐ LIỆU MẪU" on every page).
"""

from __future__ import annotations

import datetime
import html
import io
import re
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from budgets.demo.loader import load_demo_budgets
from budgets.models import Allocation, Disbursement, Estimate
from cms.demo.loader import load_cms_demo
from tests.tracker.demo.managers import manager_of
from tracker.models import GeneratedReport, OutputIndicator, Plan
from tracker.outputs.selectors import annotate_achieved

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
MONEY = re.compile(r"\d{1,3}(?:\.\d{3})+\s?(?:đ|&nbsp;đ)")
SAMPLE_BADGE = 'class="badge sample"'


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        load_demo_budgets()
        load_cms_demo()
        yield SimpleNamespace(seeds=list(Plan.objects.filter(is_sample=False).order_by("pk")))
        transaction.set_rollback(True)


def sample_outputs(plan: Plan) -> list[OutputIndicator]:
    return list(annotate_achieved(OutputIndicator.objects.filter(activity__plan=plan)).filter(achieved_sample=True))


def assert_figures_marked(page: str, plan: Plan, where: str) -> None:
    """An amount on a seed plan's page can only be sample (no seed states one): the page then
    says so; and every figure of an output with a sample record sits in a row (li/tr) that
    carries the sample badge or "[mẫu]"."""
    if MONEY.findall(page):
        assert 'class="banner sample"' in page, f"{where}: an amount shown as if it were official"
    for output in sample_outputs(plan):
        name = html.escape(output.name)
        for match in re.finditer(re.escape(name), page):
            start = max(page.rfind("<li", 0, match.start()), page.rfind("<tr", 0, match.start()))
            ends = [e for e in (page.find("</li>", match.end()), page.find("</tr>", match.end())) if e >= 0]
            if start < 0 or not ends:
                continue  # not in a row of figures (the API names outputs, with no achieved figure)
            row = page[start : min(ends)]
            if output.achieved and f">{output.achieved}<" in row.replace("<strong>", ">").replace("</strong>", "<"):
                assert SAMPLE_BADGE in row or "[mẫu]" in row, f"{where}: {output.name} shown unmarked"


def test_no_seed_plan_holds_an_invented_amount(demo):
    assert len(demo.seeds) == 5
    assert not Estimate.objects.filter(activity__plan__is_sample=False).exists()
    assert not Allocation.objects.filter(activity__plan__is_sample=False).exists()
    assert not Disbursement.objects.filter(allocation__activity__plan__is_sample=False).exists()


def test_every_page_of_every_seed_plan_marks_its_sample_figures(demo, client):
    marked = 0
    for plan in demo.seeds:
        client.force_login(manager_of(plan))
        urls = [
            reverse("tracker:plan_detail", args=[plan.pk]),
            reverse("tracker:plan_timeline", args=[plan.pk]),
            reverse("budgets:execution") + f"?plan={plan.pk}",
            reverse("api:plan-detail", args=[plan.pk]),
            reverse("api:activity-list") + f"?plan={plan.pk}",
        ]
        urls += [reverse("tracker:activity_detail", args=[pk]) for pk in plan.activities.values_list("pk", flat=True)]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            page = response.content.decode()
            assert_figures_marked(page, plan, url)
            marked += page.count(SAMPLE_BADGE)
    # Seed 003's outputs counting the campaign site's sample articles show their badge.
    seed_003 = Plan.objects.get(number_symbol="421/KH-UBND")
    assert len(sample_outputs(seed_003)) == 2
    client.force_login(manager_of(seed_003))
    page = client.get(reverse("tracker:plan_detail", args=[seed_003.pk])).content.decode()
    assert page.count(SAMPLE_BADGE) >= 2
    assert marked >= 4


def test_seed_001_donations_are_shown_only_as_sample(demo, client):
    # taichinh reads Lạng Sơn's money; Bắc Kạn's (now Thái Nguyên's) is read by its manager.
    plan = Plan.objects.get(issuer__name="UBND tỉnh Bắc Kạn")
    client.force_login(manager_of(plan))
    response = client.get(reverse("budgets:donation_report"), {"month": "2023-10", "plan": plan.pk})
    assert response.context["report"].has_sample
    page = response.content.decode()
    assert MONEY.findall(page)
    assert 'class="banner sample"' in page


def produce(client, plan: Plan, year: int) -> GeneratedReport:
    response = client.post(
        reverse("tracker:generated_report_new"),
        {
            "kind": "progress",
            "plan": plan.pk,
            "issuer": plan.activities.first().lead_unit_id,
            "period_type": "year",
            "year": year,
            "document_date": "31/12/2023",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    report = GeneratedReport.objects.latest("pk")
    assert report.status == GeneratedReport.Status.DONE, report.error
    return report


def files(client, report: GeneratedReport) -> tuple[str, list[str], list]:
    preview = client.get(reverse("tracker:generated_report_preview", args=[report.pk])).content.decode()
    pdf = client.get(reverse("tracker:generated_report_download", args=[report.pk, "pdf"])).content
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    xlsx = client.get(reverse("tracker:generated_report_download", args=[report.pk, "xlsx"])).content
    book = load_workbook(io.BytesIO(xlsx))
    return preview, pages, book.worksheets


def test_every_seed_plans_annual_report_shows_no_invented_figure(demo, client):
    for plan in demo.seeds:
        client.force_login(manager_of(plan))
        report = produce(client, plan, plan.period_start.year)
        preview, pages, sheets = files(client, report)
        where = f"{plan} {plan.period_start.year}"
        # Seed 004's 2023 annual report among them: no amount, nothing sample, no banner.
        assert not report.snapshot["is_sample"], where
        assert not MONEY.findall(preview), where
        assert not any(MONEY.findall(text) for text in pages), where
        assert not any("SỐ LIỆU MẪU" in text for text in pages), where
        assert all(not sheet.oddHeader.right.text for sheet in sheets), where
        for sheet in sheets:
            for row in sheet.iter_rows(values_only=True):
                assert not any(isinstance(v, str) and "MẪU-" in v for v in row), where


def test_a_report_counting_sample_articles_says_so_on_every_page(demo, client):
    plan = Plan.objects.get(number_symbol="421/KH-UBND")
    client.force_login(manager_of(plan))
    report = produce(client, plan, datetime.date.today().year)
    assert report.snapshot["is_sample"]
    preview, pages, sheets = files(client, report)
    assert len(pages) >= 2
    assert all("SỐ LIỆU MẪU" in text for text in pages)
    assert all(sheet.oddHeader.right.text == "SỐ LIỆU MẪU" for sheet in sheets)
    outputs = [o for group in report.snapshot["body"]["results"] for a in group["activities"] for o in a["outputs"]]
    sample = [o for o in outputs if o["is_sample"]]
    assert len(sample) == 2 and sum(o["to_date"] for o in sample) == 6
    assert preview.count("[mẫu]") >= 2


# --- Arithmetic by indicator ------------------------------------------------------------------


def test_seed_002_report_never_adds_200_and_21_households(demo, client):
    plan = Plan.objects.get(number_symbol="146/KH-UBND")
    client.force_login(manager_of(plan))
    report = produce(client, plan, 2019)
    rows = report.snapshot["body"]["progress_by_type"]
    households = sorted((row["planned"], row["unit_of_measure"]) for row in rows if row["unit_of_measure"] == "hộ")
    assert households == [(21, "hộ"), (200, "hộ")]
    preview, pages, _sheets = files(client, report)
    assert "221" not in preview
    assert not any("221" in text for text in pages)
    # The dashboard's progress by content type keeps them apart as well.
    page = client.get(reverse("tracker:dashboard")).content.decode()
    assert ">221<" not in page
