"""The programme tree as data the DIC edits, the component a report names on its date, and
the warning for a plan dated outside its component's period."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests import factories
from tracker.models import ProgrammeComponent
from tracker.reports import document

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_dic_enters_a_2026_component_with_its_lead_agency_and_reports_name_it(manager_client, manager):
    programme = ProgrammeComponent.objects.create(
        code="ctmtqg-2026-2035",
        name="Chương trình mục tiêu quốc gia giai đoạn 2026–2035",
        level=ProgrammeComponent.Level.PROGRAMME,
        valid_from=D(2026, 1, 1),
        valid_to=D(2035, 12, 31),
    )
    ministry = factories.UnitFactory(name="Bộ Khoa học và Công nghệ")
    assert document.component_name(D(2026, 7, 1)) == programme.name

    response = manager_client.post(
        reverse("tracker:programme_component_create"),
        {
            "code": "hop-phan-thong-tin",
            "name": "Hợp phần giảm nghèo về thông tin",
            "level": ProgrammeComponent.Level.PROJECT,
            "parent": programme.pk,
            "lead_agency": ministry.pk,
            "valid_from": "01/01/2026",
            "valid_to": "31/12/2035",
        },
    )

    assert response.status_code == 302
    component = ProgrammeComponent.objects.get(code="hop-phan-thong-tin")
    assert (component.parent, component.lead_agency) == (programme, ministry)
    assert component.history.get().history_user == manager
    assert document.component_name(D(2026, 7, 1)) == "Hợp phần giảm nghèo về thông tin"
    # Nothing in force: no fixed sub-project name.
    assert document.component_name(D(2040, 1, 1)) == ""
    assert (
        "Hợp phần giảm nghèo về thông tin"
        in manager_client.get(reverse("tracker:programme_component_list")).content.decode()
    )


def test_an_officer_cannot_open_the_programme_pages(officer_a_client):
    assert officer_a_client.get(reverse("tracker:programme_component_list")).status_code == 403


def test_a_plan_dated_outside_its_components_period_is_saved_with_a_warning(manager_client):
    subproject = ProgrammeComponent.objects.create(
        code="tda-1",
        name="Tiểu dự án 1 Giảm nghèo về thông tin",
        level=ProgrammeComponent.Level.SUBPROJECT,
        valid_from=D(2021, 1, 1),
        valid_to=D(2025, 12, 31),
    )
    issuer = factories.UnitFactory()
    response = manager_client.post(
        reverse("tracker:plan_create"),
        {
            "issuer": issuer.pk,
            "title": "Kế hoạch năm 2026",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "status": "draft",
            "issued_on_precision": "day",
            "programme_component": subproject.pk,
        },
    )
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "Ngày của kế hoạch (01/01/2026) nằm ngoài thời gian hiệu lực của thành phần chương trình "
        "Tiểu dự án 1 Giảm nghèo về thông tin (01/01/2021 – 31/12/2025)."
    ]
