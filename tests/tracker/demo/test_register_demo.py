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

from tracker.core.classifications import annotate_classification
from tracker.demo import registers as demo_registers
from tracker.demo import seed_004
from tracker.models import (
    REGISTER_MODELS,
    Area,
    InfoPoint,
    MediaProduct,
    OutputIndicator,
    OutputRecord,
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
from tracker.registers.selectors import radio_figures

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
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


def test_every_register_but_smartphones_has_entries_and_every_entry_is_sample(demo):
    for kind, model in REGISTER_MODELS.items():
        # The sample plan has no smartphone content; the seed plans get no invented entries.
        assert model.objects.exists() == (kind != "smartphones"), kind
    assert RegisterEntry.objects.count() > 10
    # Nothing entered as if it were official.
    assert not RegisterEntry.objects.filter(is_sample=False).exists()
    assert not RadioStation.objects.filter(is_sample=False).exists()
    # Every commune with a station is a sample commune of Lạng Sơn labelled "(mẫu)".
    communes = Area.objects.filter(radio_station__isnull=False)
    assert communes.count() == 12
    assert all(c.is_sample and c.name.endswith("(mẫu)") for c in communes)
    assert {c.parent.name for c in communes} == {"Tỉnh Lạng Sơn"}


def test_no_seed_plan_gets_an_invented_register_entry_or_result(demo):
    # A result on a real plan would be an invented official figure (issue 20): the seeds state
    # none, so all entries, and all the records they write, belong to the sample plan.
    assert not RegisterEntry.objects.filter(activity__plan__is_sample=False).exists()
    assert not OutputRecord.objects.filter(output_indicator__activity__plan__is_sample=False, is_sample=False).exists()
    assert not OutputIndicator.objects.filter(
        activity__plan__is_sample=False, name__contains="(theo sổ đăng ký)"
    ).exists()
    # Seed 004 keeps its own planned 88 postal points, with nothing achieved.
    output = annotate_achieved(
        OutputIndicator.objects.filter(activity__plan=seed_004_plan(), activity__section_code="2.5")
    ).get()
    assert (output.planned_quantity, output.achieved) == (88, 0)
    # The sample plan's accepted entries write sample records.
    records = OutputRecord.objects.filter(source__startswith="register:")
    assert records.exists()
    assert not records.filter(is_sample=False).exists()


def test_the_station_survey_is_a_sample_one(demo):
    province = Area.objects.get(name="Tỉnh Lạng Sơn", level=Area.Level.PROVINCE)
    survey = radio_figures(D(2023, 1, 1), province)
    assert (survey.communes, survey.with_station, survey.working, survey.connected) == (12, 7, 4, 1)
    assert (survey.wired_clusters, survey.fm_clusters, survey.ip_clusters) == (12, 18, 6)
    # The border flag as classified on the survey's date (the sample communes' rows are open).
    stations = annotate_classification(RadioStation.objects.select_related("commune"), D(2023, 1, 1), path="commune")
    border_without = {
        s.commune.name
        for s in stations
        if s.is_border and s.states.filter(effective_on=D(2023, 1, 1)).get().station_kind == "none"
    }
    assert {"Xã Mẫu Hai (mẫu)", "Xã Mẫu Mười Một (mẫu)"} <= border_without
    assert Publication.objects.exclude(title_key="").count() == Publication.objects.count()
    assert Publication.objects.filter(title=demo_registers.DUPLICATED_TITLE).exists()


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
    assert outputs.count() == 8  # all on the sample plan
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
    # The sample plan's outputs all have a (sample) planned quantity.
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
