"""What every register shares: entering on one's own task, the review, and accepted entries
feeding the activity's outputs (this period, cumulative, by area up the tree) exactly once."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tests import factories
from tracker.models import (
    Area,
    OutputIndicator,
    OutputRecord,
    Publication,
    RadioStation,
    RadioStationState,
    RadioWork,
    RegisterEntry,
    RegisterMeasure,
)
from tracker.outputs import selectors as selectors_progress
from tracker.registers import permissions, selectors
from tracker.registers import services as register_services
from tracker.work import services

pytestmark = pytest.mark.django_db
D = datetime.date
RECORDS = OutputIndicator.CountedFrom.RECORDS


@pytest.fixture
def district(db):
    province = factories.ProvinceFactory(name="Tỉnh Thử")
    return factories.AreaFactory(name="Huyện Thử", level=Area.Level.DISTRICT, parent=province)


@pytest.fixture
def commune(district):
    return factories.AreaFactory(name="Xã Thử Một", parent=district)


@pytest.fixture
def outputs(register_output):
    return {
        "titles": register_output(RegisterMeasure.PUBLICATION_TITLES),
        "copies": register_output(RegisterMeasure.PUBLICATION_COPIES),
    }


def publication(task, actor, **values) -> Publication:
    fields = {"title": "Sổ tay chuyển đổi số", "medium": "print", "copies": 500, "published_on": D(2026, 3, 10)}
    fields.update(values)
    return register_services.entry_save(entry=Publication(task=task, **fields), actor=actor)


def test_an_officer_enters_on_their_task_and_the_entry_takes_its_activity_unit_and_area(
    task_a, officer_a, unit_a, commune
):
    entry = publication(task_a, officer_a)
    assert (entry.kind, entry.status, entry.activity, entry.unit, entry.area) == (
        "publication",
        "draft",
        task_a.activity,
        unit_a,
        commune,
    )
    assert entry.history.get().history_user == officer_a


def test_an_officer_cannot_enter_on_another_units_task(task_a, officer_b):
    with pytest.raises(PermissionDenied):
        publication(task_a, officer_b)
    assert not RegisterEntry.objects.exists()


def test_accepting_writes_one_record_per_output_and_returning_removes_them(task_a, officer_a, manager, outputs):
    entry = publication(task_a, officer_a)
    register_services.entry_submit(entry=entry, actor=officer_a)
    assert not OutputRecord.objects.exists()  # submitted is not yet counted
    register_services.entry_accept(entry=entry, actor=manager)
    records = {r.output_indicator_id: r for r in OutputRecord.objects.all()}
    assert {k: (r.quantity, r.achieved_on, r.area_id) for k, r in records.items()} == {
        outputs["titles"].pk: (1, D(2026, 3, 10), task_a.area_id),
        outputs["copies"].pk: (500, D(2026, 3, 10), task_a.area_id),
    }
    achieved = {o.pk: o.achieved for o in selectors_progress.annotate_achieved(OutputIndicator.objects.all())}
    assert achieved == {outputs["titles"].pk: 1, outputs["copies"].pk: 500}

    register_services.entry_return(entry=entry, reason="Sai số bản in", actor=manager)
    assert not OutputRecord.objects.exists()
    entry.refresh_from_db()
    assert (entry.status, entry.return_reason) == ("returned", "Sai số bản in")


def test_the_period_and_cumulative_figures_follow_the_entry_dates(task_a, officer_a, manager, outputs):
    for day in (D(2026, 2, 1), D(2026, 5, 1)):
        entry = publication(task_a, officer_a, title=f"Tài liệu {day:%m}", published_on=day, copies=100)
        register_services.entry_submit(entry=entry, actor=officer_a)
        register_services.entry_accept(entry=entry, actor=manager)
    assert selectors_progress.records_in_period([outputs["copies"]], D(2026, 1, 1), D(2026, 3, 31)) == {
        outputs["copies"].pk: 100
    }
    copies = OutputIndicator.objects.filter(pk=outputs["copies"].pk)
    assert selectors_progress.annotate_achieved(copies).get().achieved == 200


def test_records_count_in_the_entrys_commune_and_every_area_above_it(task_a, officer_a, manager, outputs, district):
    indicator = factories.IndicatorFactory()
    OutputIndicator.objects.filter(pk=outputs["titles"].pk).update(indicator=indicator)
    commune_target = factories.TargetFactory(indicator=indicator, area=task_a.area, planned_value=4)
    district_target = factories.TargetFactory(indicator=indicator, area=district, planned_value=8)
    other = factories.TargetFactory(indicator=indicator, area=factories.AreaFactory(parent=district), planned_value=1)
    entry = publication(task_a, officer_a)
    register_services.entry_submit(entry=entry, actor=officer_a)
    register_services.entry_accept(entry=entry, actor=manager)
    selectors_progress.targets_with_actuals(targets := [commune_target, district_target, other])
    assert [t.actual for t in targets] == [1, 1, 0]


def test_only_managers_accept_and_only_submitted_entries(task_a, officer_a, manager):
    entry = publication(task_a, officer_a)
    with pytest.raises(ValidationError):
        register_services.entry_accept(entry=entry, actor=manager)
    register_services.entry_submit(entry=entry, actor=officer_a)
    with pytest.raises(PermissionDenied):
        register_services.entry_accept(entry=entry, actor=officer_a)
    with pytest.raises(PermissionDenied):  # submitted: no longer editable by the unit
        register_services.entry_save(entry=entry, actor=officer_a)


def test_an_output_set_to_count_from_the_register_later_counts_entries_already_accepted(task_a, officer_a, manager):
    entry = publication(task_a, officer_a)
    register_services.entry_submit(entry=entry, actor=officer_a)
    register_services.entry_accept(entry=entry, actor=manager)
    output = factories.OutputIndicatorFactory(activity=task_a.activity, counted_from=RECORDS)
    output.register_measure = RegisterMeasure.PUBLICATION_COPIES
    services.output_indicator_save(output=output, actor=manager)
    assert OutputRecord.objects.get(output_indicator=output).quantity == 500


def test_only_an_output_counted_from_records_counts_from_a_register(outputs):
    output = factories.OutputIndicatorFactory.build(
        activity=outputs["titles"].activity, register_measure=RegisterMeasure.PUBLICATION_TITLES
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        output.full_clean()
    assert error.value.messages == ["Only an output counted from records can be counted from a register."]


def test_officers_see_only_entries_of_tasks_they_see(task_a, officer_a, officer_b, manager):
    entry = publication(task_a, officer_a)
    assert list(permissions.entries_visible_to(officer_a, RegisterEntry.objects.all())) == [entry.registerentry_ptr]
    assert not permissions.entries_visible_to(officer_b, RegisterEntry.objects.all()).exists()
    assert permissions.entries_visible_to(manager, Publication.objects.all()).get() == entry


def test_an_accepted_radio_work_changes_the_station_from_its_acceptance_date(task_a, officer_a, manager, commune):
    station = RadioStation.objects.create(commune=commune)
    RadioStationState.objects.create(
        station=station, effective_on=D(2023, 1, 1), station_kind="wired", is_working=False, wired_clusters=4
    )
    work = register_services.entry_save(
        entry=RadioWork(
            task=task_a,
            station=station,
            work_type=RadioWork.WorkType.REPLACEMENT,
            station_kind="ip",
            is_working=True,
            is_connected=True,
            wired_clusters=0,
            ip_clusters=6,
            started_on=D(2026, 3, 1),
            accepted_on=D(2026, 4, 15),
        ),
        actor=officer_a,
    )
    assert (work.before_kind, work.before_wired_clusters, work.before_ip_clusters) == ("wired", 4, 0)
    ip_output = factories.OutputIndicatorFactory(
        activity=task_a.activity, counted_from=RECORDS, register_measure=RegisterMeasure.RADIO_IP_CLUSTERS
    )
    register_services.entry_submit(entry=work, actor=officer_a)
    register_services.entry_accept(entry=work, actor=manager)

    before, after = selectors.radio_figures(D(2026, 4, 14)), selectors.radio_figures(D(2026, 4, 15))
    assert (before.working, before.ip_share_percent) == (0, 0)
    assert (after.working, after.connected, after.ip_share_percent) == (1, 1, 100)
    assert OutputRecord.objects.get(output_indicator=ip_output).quantity == 6

    register_services.entry_return(entry=work, reason="Biên bản thiếu chữ ký", actor=manager)
    assert selectors.radio_figures(D(2026, 5, 1)).working == 0
