"""The demo's registers (tracker/demo/registers.py), loaded by the real `load_demo` command.

Loaded once per module inside an outer transaction rolled back at the end (as in
test_load_demo.py); each test runs in its own savepoint.
"""

from __future__ import annotations

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tracker.demo import registers as demo_registers
from tracker.demo import seed_004
from tracker.models import (
    REGISTER_MODELS,
    Area,
    InfoPoint,
    MediaProduct,
    OutputIndicator,
    Plan,
    Publication,
    RadioStation,
    RadioWork,
    RegisterEntry,
    ReportedQuantity,
    TrainingCourse,
    User,
)
from tracker.outputs.selectors import annotate_achieved
from tracker.registers.publications import with_duplicate_flag
from tracker.registers.selectors import radio_figures

pytestmark = pytest.mark.django_db
D = datetime.date
Status = RegisterEntry.Status
ALL_STATES = {Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.ACCEPTED}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield SimpleNamespace()
        transaction.set_rollback(True)


def seed_004_plan() -> Plan:
    return Plan.objects.get(title=seed_004.TITLE, is_sample=False)


def test_every_register_has_entries_and_every_entry_is_sample(demo):
    for kind, model in REGISTER_MODELS.items():
        assert model.objects.exists(), kind
    assert RegisterEntry.objects.count() > 100
    # Nothing entered as if it were official.
    assert not RegisterEntry.objects.filter(is_sample=False).exists()
    assert not RadioStation.objects.filter(is_sample=False).exists()
    # Every commune with a station is a sample commune of Lạng Sơn labelled "(mẫu)".
    communes = Area.objects.filter(radio_station__isnull=False)
    assert communes.count() == 12
    assert all(c.is_sample and c.name.endswith("(mẫu)") for c in communes)
    assert {c.parent.name for c in communes} == {"Tỉnh Lạng Sơn"}


def test_seed_004_has_exactly_88_accepted_information_points_with_sample_names(demo):
    points = InfoPoint.objects.filter(activity__plan=seed_004_plan(), activity__section_code="2.5")
    assert points.count() == 88
    assert set(points.values_list("status", flat=True)) == {Status.ACCEPTED}
    names = sorted(points.values_list("name", flat=True))
    assert names[0] == "Điểm BĐVHX mẫu số 01 (mẫu)"
    assert names[-1] == "Điểm BĐVHX mẫu số 88 (mẫu)"
    assert {p.opened_on.year for p in points} == {2023}
    # In ĐBKK communes, as the plan says.
    assert all(p.area.is_extremely_difficult for p in points.select_related("area"))
    output = annotate_achieved(
        OutputIndicator.objects.filter(activity__plan=seed_004_plan(), activity__section_code="2.5")
    ).get()
    assert (output.planned_quantity, output.counted_from, output.register_measure) == (
        88,
        "records",
        "info_points.points",
    )
    assert (output.achieved_reported, output.achieved_records, output.achieved) == (0, 88, 88)


def test_seed_004_radio_works_and_station_figures(demo):
    works = RadioWork.objects.filter(activity__plan=seed_004_plan())
    assert sorted(works.values_list("status", flat=True)) == sorted(["accepted"] * 5 + ["submitted", "draft"])
    assert set(works.values_list("work_type", flat=True)) == {"new", "expansion", "replacement"}
    assert {w.accepted_on.year for w in works.filter(status=Status.ACCEPTED)} == {2023}
    assert all(w.villages.exists() for w in works)
    assert all(w.contractor.endswith("(mẫu)") for w in works)
    province = Area.objects.get(name="Tỉnh Lạng Sơn", level=Area.Level.PROVINCE)
    survey = radio_figures(D(2023, 1, 1), province)
    assert (survey.communes, survey.with_station, survey.working, survey.connected) == (12, 7, 4, 1)
    assert (survey.wired_clusters, survey.fm_clusters, survey.ip_clusters) == (12, 18, 6)
    end = radio_figures(D(2023, 12, 31), province)
    assert (end.communes, end.with_station, end.working, end.connected) == (12, 9, 7, 6)
    assert (end.wired_clusters, end.fm_clusters, end.ip_clusters) == (6, 18, 27)
    # The priority view has something to show: border communes still without a station.
    border_without = {
        s.commune.name
        for s in RadioStation.objects.select_related("commune")
        if s.commune.is_border and s.states.order_by("-effective_on", "-id").first().station_kind == "none"
    }
    assert border_without == {"Xã Mẫu Hai (mẫu)", "Xã Mẫu Mười Một (mẫu)"}
    new = works.filter(work_type="new", status=Status.ACCEPTED)
    assert all(w.evidence.filter(content_type="image/png").exists() for w in new)


def test_seed_004_courses_media_and_publications(demo):
    plan = seed_004_plan()
    courses = TrainingCourse.objects.filter(activity__plan=plan)
    assert courses.count() == 3
    [listed] = [course for course in courses if course.trainees.exists()]
    assert listed.trainees.count() == listed.trainees_total == 12
    assert listed.trainee_list_mismatches() == []
    languages = set(courses.values_list("materials__language", flat=True))
    assert {"tyz", "nut"} <= languages
    assert courses.filter(start_date=D(2023, 10, 9)).get().is_longer_than_recommended
    media = MediaProduct.objects.filter(activity__plan=plan)
    assert media.count() == 7
    assert {"reportage", "radio", "infographic", "video", "news", "leaflet"} == set(
        media.values_list("product_kind", flat=True)
    )
    hue = MediaProduct.objects.filter(activity__plan__number_symbol="421/KH-UBND")
    assert sorted(hue.values_list("activity__section_code", flat=True)) == ["1", "1", "1", "2", "2"]
    assert Publication.objects.filter(activity__plan=plan).count() == 3


def test_one_publication_title_repeats_across_plans_and_is_flagged(demo):
    flagged = with_duplicate_flag(Publication.objects.select_related("activity__plan")).filter(is_duplicate=True)
    # Once in seed 004's 2023 plan (accepted), again in the current-year sample plan (submitted).
    assert sorted((p.title, p.activity.plan.is_sample, p.status) for p in flagged) == [
        (demo_registers.DUPLICATED_TITLE, False, "accepted"),
        (demo_registers.DUPLICATED_TITLE, True, "submitted"),
    ]
    assert Publication.objects.exclude(title_key="").count() == Publication.objects.count() == 7


def test_sample_plan_has_entries_of_each_register_in_every_state(demo):
    sample = Plan.objects.get(is_sample=True)
    for model in (RadioWork, InfoPoint, TrainingCourse, MediaProduct, Publication):
        entries = model.objects.filter(activity__plan=sample)
        assert set(entries.values_list("status", flat=True)) == ALL_STATES, model.__name__
        assert all(e.return_reason for e in entries.filter(status=Status.RETURNED))
    entries = RegisterEntry.objects.filter(activity__plan=sample)
    # The units' officers enter their own tasks' entries; the DIC manager reviews.
    officers = {
        "canbo.xa": "UBND xã Mẫu Một (mẫu)",
        "canbo.dai": "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn",
    }
    for username, unit in officers.items():
        own = entries.filter(task__unit__name=unit)
        assert own.exists()
        assert set(own.values_list("created_by__username", flat=True)) == {username}
    assert set(entries.exclude(reviewed_by=None).values_list("reviewed_by__username", flat=True)) == {"quanly"}
    assert set(entries.values_list("created_by__username", flat=True)) == {"quanly", "canbo.xa", "canbo.dai"}


def test_register_outputs_count_exactly_the_accepted_entries(demo):
    outputs = annotate_achieved(OutputIndicator.objects.exclude(register_measure="").select_related("activity"))
    assert outputs.count() >= 15
    for output in outputs:
        expected = 0
        for model in REGISTER_MODELS.values():
            if output.register_measure not in model.MEASURES:
                continue
            for entry in model.objects.filter(activity=output.activity, status=Status.ACCEPTED):
                expected += entry.measure_quantity(output.register_measure)
        assert output.counted_from == "records"
        assert (output.achieved_reported, output.achieved) == (0, expected), output.name
    # An output that had reported quantities kept counting from the reports (no double counting).
    assert not ReportedQuantity.objects.filter(output_indicator__counted_from="records").exists()
    assert (
        OutputIndicator.objects.filter(
            activity__plan__is_sample=True, name="Cụm loa ứng dụng công nghệ thông tin - viễn thông mở rộng, thay thế"
        )
        .get()
        .counted_from
        == "reports"
    )
    # Outputs added to the seeds' plans carry no invented planned quantity; the sample plan's
    # outputs all have a (sample) one.
    added = OutputIndicator.objects.filter(name__contains="(theo sổ đăng ký)")
    assert added.filter(activity__plan__is_sample=False).count() == 3
    assert not added.filter(activity__plan__is_sample=False).exclude(planned_quantity=None).exists()
    assert not OutputIndicator.objects.filter(activity__plan__is_sample=True, planned_quantity=None).exists()


def test_register_history_names_the_demo_people(demo):
    people = set(User.objects.filter(username__in=["quanly", "canbo.xa", "canbo.dai"]).values_list("pk", flat=True))
    for model in (RadioWork, InfoPoint, TrainingCourse, MediaProduct, Publication, RadioStation):
        users = set(model.history.values_list("history_user", flat=True))
        assert users and users <= people, model.__name__


def snapshot() -> dict[str, list[tuple]]:
    models = apps.get_app_config("tracker").get_models(include_auto_created=True)
    return {model._meta.label: list(model.objects.order_by("pk").values_list()) for model in models}


def test_second_run_adds_no_row_and_no_history(demo):
    before = snapshot()
    call_command("load_demo", stdout=StringIO())
    after = snapshot()
    assert {label: len(rows) for label, rows in after.items()} == {label: len(rows) for label, rows in before.items()}
    assert after == before
