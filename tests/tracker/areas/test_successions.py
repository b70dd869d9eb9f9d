"""Figures that follow successions: an area's figures go to the area(s) in force that took it
over (wholly for a merger, by share for a split, to the main successor of a split without
shares), transitively; targets and the targets-by-area report can be read by the old or by the
new units, in a constant number of queries."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from tests import factories
from tracker.areas import services as area_services
from tracker.core import roles
from tracker.core.successions import succession_map
from tracker.models import Area, Target
from tracker.outputs import selectors as output_selectors
from tracker.reports.data import targets_table

pytestmark = pytest.mark.django_db
D = datetime.date
CHANGE = D(2025, 7, 1)
LAST_OLD_DAY = D(2025, 6, 30)


def end(area: Area, *successors: tuple[Area, int | None], last_day=LAST_OLD_DAY) -> None:
    area_services.area_end(
        area=area,
        last_day=last_day,
        successors=[area_services.SuccessorShare(successor, share) for successor, share in successors],
        decision="1686/NQ-UBTVQH15",
        actor=None,
    )


@pytest.fixture
def world():
    """Old communes A, B merged into C; D split 60/40 into E and F; G split without shares
    (H marked as the main part); J → K (2025) → L (2026)."""
    province = factories.ProvinceFactory(name="Tỉnh P")
    names = "ABCDEFGHIJKL"
    areas = {name: factories.AreaFactory(name=f"Xã {name}", parent=province) for name in names}
    for name in "CEFHI":
        areas[name].valid_from = CHANGE
        areas[name].save()
    end(areas["A"], (areas["C"], None))
    end(areas["B"], (areas["C"], None))
    end(areas["D"], (areas["E"], 60), (areas["F"], 40))
    end(areas["G"], (areas["H"], None), (areas["I"], None))
    areas["G"].successions_out.filter(successor=areas["H"]).update(note="Phần chính (theo dữ liệu chuyển đổi).")
    end(areas["J"], (areas["K"], None))
    end(areas["K"], (areas["L"], None), last_day=D(2025, 12, 31))
    return type("World", (), {"province": province, **areas})


def test_figures_go_wholly_to_a_merger_by_share_to_a_split_and_to_the_main_part_without_shares(
    world, django_assert_num_queries
):
    with django_assert_num_queries(1):
        successions = succession_map(D(2026, 1, 1))
    assert successions.forward(world.A.pk) == {world.C.pk: 1}
    assert successions.forward(world.D.pk) == {world.E.pk: Fraction(3, 5), world.F.pk: Fraction(2, 5)}
    assert successions.forward(world.G.pk) == {world.H.pk: 1}
    assert successions.forward(world.J.pk) == {world.L.pk: 1}  # through K, transitively
    assert successions.forward(world.C.pk) == {world.C.pk: 1}  # in force: itself
    assert successions.predecessors(world.C.pk) == {world.A.pk: 1, world.B.pk: 1}
    assert successions.predecessors(world.L.pk) == {world.J.pk: 1, world.K.pk: 1}
    assert successions.roll_up({world.A.pk: 7, world.B.pk: 3, world.D.pk: 5}) == {
        world.C.pk: 10,
        world.E.pk: 3,
        world.F.pk: 2,
    }


def test_before_a_change_an_area_keeps_its_figures(world):
    in_2025 = succession_map(D(2025, 12, 31))
    assert in_2025.forward(world.J.pk) == {world.K.pk: 1}  # K had not yet passed into L
    assert in_2025.forward(world.A.pk) == {world.C.pk: 1}
    assert succession_map(D(2025, 6, 30)).forward(world.A.pk) == {world.A.pk: 1}


def plan_with_targets(world, indicator, values: dict[str, int]):
    plan = factories.PlanFactory()
    for name, value in values.items():
        factories.TargetFactory(
            plan=plan, indicator=indicator, area=getattr(world, name), year=2023, planned_value=value
        )
    return plan


def test_the_targets_table_by_new_units_adds_the_old_rows_into_the_new_ones(world):
    indicator = factories.IndicatorFactory(name="Hộ nghèo được hỗ trợ", unit_of_measure="hộ")
    plan = plan_with_targets(world, indicator, {"A": 10, "B": 5, "D": 10, "G": 3, "J": 4})

    by_old = targets_table(plan)
    assert [row["area"] for row in by_old["rows"]] == ["Xã A", "Xã B", "Xã D", "Xã G", "Xã J"]
    assert all(row["formed_from"] == [] for row in by_old["rows"])

    by_new = targets_table(plan, areas_on=D(2026, 1, 1))
    rows = {row["area"]: row for row in by_new["rows"]}
    assert list(rows) == ["Xã C", "Xã E", "Xã F", "Xã H", "Xã L"]
    assert rows["Xã C"]["formed_from"] == ["Xã A", "Xã B"]
    assert rows["Xã E"]["formed_from"] == ["Xã D (60%)"]
    assert [rows[name]["cells"][0]["planned"] for name in rows] == [15, 6, 4, 3, 4]
    # Nothing lost or counted twice.
    assert by_new["totals"][0]["planned"] == by_old["totals"][0]["planned"] == 32
    assert "01/01/2026" in by_new["caption"]


def test_a_target_on_a_new_commune_counts_what_its_predecessors_achieved_in_its_year(world, manager):
    indicator = factories.IndicatorFactory(name="Hộ được hỗ trợ điện thoại", unit_of_measure="hộ")
    activity = factories.ActivityFactory()
    output = factories.OutputIndicatorFactory(activity=activity, indicator=indicator, planned_quantity=100)
    reported = {"A": 4, "B": 2, "C": 1, "D": 10}
    for name, quantity in reported.items():
        unit = factories.CommuneCommitteeFactory(area=getattr(world, name))
        officer = factories.UserFactory(unit=unit, role=roles.UNIT_OFFICER)
        task = factories.TaskFactory(activity=activity, unit=unit, area=getattr(world, name), due_date=D(2026, 6, 30))
        factories.accepted_report(task, officer=officer, manager=manager, quantities={output: quantity})
    plan = factories.PlanFactory()
    for name in "CEF":
        factories.TargetFactory(plan=plan, indicator=indicator, area=getattr(world, name), year=2026, planned_value=20)
    targets = output_selectors.targets_with_actuals(list(Target.objects.filter(plan=plan).select_related("area")))
    actual = {target.area.name: target.actual for target in targets}
    # C: its own 1 + A's 4 + B's 2; D's 10 split 60/40 between E and F.
    assert actual == {"Xã C": 7, "Xã E": 6, "Xã F": 4}


@pytest.mark.parametrize("size", [1, 12])
def test_the_targets_table_by_new_units_reads_a_constant_number_of_queries(size, django_assert_num_queries):
    province = factories.ProvinceFactory()
    indicator = factories.IndicatorFactory()
    plan = factories.PlanFactory()
    for number in range(size):
        old = factories.AreaFactory(name=f"Xã cũ {number}", parent=province)
        new = factories.AreaFactory(name=f"Xã mới {number}", parent=province, valid_from=CHANGE)
        end(old, (new, None))
        factories.TargetFactory(plan=plan, indicator=indicator, area=old, year=2025, planned_value=number + 1)
    # targets, targets with actuals (a UNION), successions for the actuals, successions for
    # the rows, the new areas' names, the plan's issuer (its reference).
    with django_assert_num_queries(6):
        table = targets_table(plan, areas_on=D(2026, 1, 1))
    assert len(table["rows"]) == size
    assert table["totals"][0]["planned"] == sum(range(1, size + 1))
