"""The public progress page shows only what is safe to publish: aggregates by content type and
area, from accepted reports and published records of issued plans — no drafts, no sample plan,
no unaccepted figure, nothing per unit or person, no report text, no money."""

from __future__ import annotations

import pytest

from cms import public
from tests import factories
from tests.cms.conftest import make_article
from tracker.core import roles
from tracker.models import ActivityType, Area, Plan
from tracker.progress import services as progress_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(manager, campaign, output, moderator):
    province = factories.ProvinceFactory(name="Tỉnh Mẫu")
    district = factories.AreaFactory(name="Huyện Mẫu", level=Area.Level.DISTRICT, parent=province)
    commune = factories.AreaFactory(name="Xã Riêng Tư", parent=district)
    unit = factories.CommuneCommitteeFactory(name="UBND xã Riêng Tư", area=commune)
    officer = factories.UserFactory(unit=unit, role=roles.UNIT_OFFICER, first_name="Cán Bộ Bí Mật")
    radio = ActivityType.objects.get(code="commune_radio")

    def activity_with(plan, quantity, *, accept=True, narrative=""):
        activity = factories.ActivityFactory(plan=plan, activity_type=radio, lead_unit=unit)
        speakers = factories.OutputIndicatorFactory(
            activity=activity, name="Cụm loa", unit_of_measure="cụm", planned_quantity=10
        )
        task = factories.TaskFactory(activity=activity, unit=unit, area=commune)
        report = progress_services.progress_save_draft(
            task=task,
            period=factories.whole_period(task),
            actor=officer,
            percent_complete=40,
            narrative=narrative,
            difficulties="Khó khăn nội bộ chưa công bố",
            quantities={speakers: quantity},
        )
        if accept:
            progress_services.progress_submit(report=report, actor=officer)
            progress_services.progress_accept(report=report, actor=manager)
        return speakers

    issued = factories.PlanFactory(status=Plan.Status.ISSUED)
    activity_with(issued, 4, narrative="Đã lắp 4 cụm loa ở thôn A")
    activity_with(issued, 900, accept=False)  # submitted, not accepted
    activity_with(factories.PlanFactory(status=Plan.Status.DRAFT), 700)  # a draft plan
    activity_with(factories.PlanFactory(is_sample=True), 800)  # the demo's sample plan
    make_article(campaign, output=output, user=moderator)
    return {"province": province, "district": district, "commune": commune}


def test_only_accepted_figures_of_issued_real_plans_are_summed(data):
    progress = public.public_progress()
    rows = {(row.name, s.unit_of_measure): (s.achieved, s.planned) for row in progress.by_type for s in row.sums}
    radio = ActivityType.objects.get(code="commune_radio").name
    media = ActivityType.objects.get(code="media_production").name
    assert rows[(radio, "cụm")] == (4, 20)  # the accepted 4; 900, 700 and 800 are not counted
    assert rows[(media, "tin, bài")] == (1, 10)  # the published article


def test_areas_are_provinces_and_districts_never_communes(data):
    progress = public.public_progress()
    names = [row.area.name for row in progress.by_area]
    assert "Xã Riêng Tư" not in names
    assert {"Tỉnh Mẫu", "Huyện Mẫu"} <= set(names)
    district = next(row for row in progress.by_area if row.area.name == "Huyện Mẫu")
    assert sum(district.values) == 4


def test_the_page_names_no_unit_person_text_or_money(client, data):
    response = client.get("/tien-do/")
    assert response.status_code == 200
    page = response.content.decode()
    for secret in ["UBND xã Riêng Tư", "Cán Bộ Bí Mật", "Khó khăn nội bộ", "Đã lắp 4 cụm loa", "Xã Riêng Tư"]:
        assert secret not in page, secret
    assert "Huyện Mẫu" in page
