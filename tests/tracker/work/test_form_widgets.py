"""The work forms' units and areas are fetched as the user types (tracker/choices/fields.py): a
form carries only the chosen ones, whatever the number of units; ids from the script and names
typed without it are both accepted among the plan's province; anything else is refused with a
message; the list the script reads holds only what the user may see and costs the same queries
for 3 units as for 120."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories
from tracker.core import roles
from tracker.models import Area, Task, Unit

pytestmark = pytest.mark.django_db

# A work form's own fixed lists (plan, content type, status, each output row's measures, the
# empty row kept for "add"…) are short; no list of units or areas may add to them.
MAX_OPTIONS = 80


@pytest.fixture
def world(db):
    """Two provinces, each with a department and communes with their committees; a telecom
    enterprise placed nowhere; a plan of the first province with one activity."""
    places = {}
    for key in ("do", "xa"):
        province = factories.ProvinceFactory(name=f"Tỉnh {key.upper()}")
        ubnd = factories.UnitFactory(name=f"UBND tỉnh {key.upper()}", kind=Unit.Kind.PEOPLES_COMMITTEE, area=province)
        department = factories.UnitFactory(name=f"Sở KH&CN tỉnh {key.upper()}", area=province, parent=ubnd)
        places[key] = {"province": province, "ubnd": ubnd, "department": department}
    telecom = factories.UnitFactory(name="Tập đoàn Viễn thông Quân đội", kind=Unit.Kind.TELECOM)
    plan = factories.PlanFactory(issuer=places["do"]["ubnd"], area=places["do"]["province"], number_symbol="1/KH")
    activity = factories.ActivityFactory(plan=plan, lead_unit=places["do"]["department"], section_code="1")
    other_commune = factories.AreaFactory(name="Xã Bên Kia", parent=places["xa"]["province"])
    places["xa"]["committee"] = factories.CommuneCommitteeFactory(name="UBND xã Bên Kia", area=other_commune)
    return {**places, "telecom": telecom, "plan": plan, "activity": activity}


def add_communes(world, count: int, *, first: int = 0) -> None:
    for number in range(first, first + count):
        commune = factories.AreaFactory(name=f"Xã Đồng {number:03}", parent=world["do"]["province"])
        factories.CommuneCommitteeFactory(name=f"UBND xã Đồng {number:03}", area=commune)


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    yield
    translation.activate(settings.LANGUAGE_CODE)


def activity_data(world, **changes) -> dict:
    activity = world["activity"]
    data = {
        "plan": world["plan"].pk,
        "section_code": "1",
        "activity_type": activity.activity_type_id,
        "title": "Tuyên truyền chuyển đổi số",
        "lead_unit": world["do"]["department"].pk,
        "status": "not_started",
        "outputs-TOTAL_FORMS": 0,
        "outputs-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


def test_activity_and_task_forms_carry_no_list_of_units_or_areas_whatever_their_number(manager_client, world):
    activity = world["activity"]
    urls = [
        reverse("tracker:activity_edit", args=[activity.pk]),
        reverse("tracker:task_create") + f"?activity={activity.pk}",
    ]

    def options() -> list[int]:
        pages = [manager_client.get(url).content.decode() for url in urls]
        for page in pages:
            assert "Đồng 000" not in page and "Đồng 002" not in page
            assert f'data-choices-url="{reverse("tracker:choices", args=["units"])}?province=' in page
            assert "vendor/tom-select/tom-select.complete.min.js" in page and "js/remote-choices.js" in page
            # The page carries no inline script (CSP 'self').
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
        return [page.count("<option") for page in pages]

    add_communes(world, 3)
    small = options()
    add_communes(world, 117, first=3)
    # The same options (content types, statuses, the outputs' measures…) for 3 or 120 units.
    assert options() == small
    assert max(small) <= MAX_OPTIONS


def test_the_activity_form_shows_its_chosen_units_as_the_only_items(manager_client, world, english):
    add_communes(world, 3)
    activity = world["activity"]
    chosen = Unit.objects.get(name="UBND xã Đồng 001")
    activity.cooperating_units.add(chosen, world["telecom"])
    page = manager_client.get(reverse("tracker:activity_edit", args=[activity.pk])).content.decode()
    # The lead unit: a text box naming it, its id for the script.
    assert re.search(
        rf'<input type="text" name="lead_unit" value="Sở KH&amp;CN tỉnh DO"[^>]*data-value="{activity.lead_unit_id}"',
        page,
    )
    # The cooperating units: ticked boxes (untick to remove) and a box to type more names.
    assert f'<input type="checkbox" name="cooperating_units" value="{chosen.pk}" checked> UBND xã Đồng 001' in page
    assert f'value="{world["telecom"].pk}" checked> Tập đoàn Viễn thông Quân đội' in page
    assert re.search(r'<input[^>]* id="id_cooperating_units" name="cooperating_units"[^>]* type="text"', page)
    assert '<label for="id_cooperating_units">Cooperating units' in page
    assert "UBND xã Đồng 000" not in page


def test_posting_ids_saves_the_lead_cooperating_units_and_area(manager_client, world):
    add_communes(world, 3)
    activity = world["activity"]
    first, second = Unit.objects.get(name="UBND xã Đồng 000"), Unit.objects.get(name="UBND xã Đồng 002")
    commune = Area.objects.get(name="Xã Đồng 001")
    data = activity_data(world, lead_unit=first.pk, cooperating_units=[second.pk, world["telecom"].pk], area=commune.pk)
    response = manager_client.post(reverse("tracker:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.lead_unit == first and activity.area == commune
    assert set(activity.cooperating_units.all()) == {second, world["telecom"]}


def test_names_typed_without_scripts_are_looked_up_accent_free(manager_client, world):
    add_communes(world, 3)
    activity = world["activity"]
    kept = Unit.objects.get(name="UBND xã Đồng 000")
    data = activity_data(
        world,
        lead_unit="so kh&cn tinh do",
        # A ticked box kept, and two names typed in the box, separated by ";".
        cooperating_units=[kept.pk, "ubnd xa dong 002; viễn thông quân đội"],
        area="xa dong 001",
    )
    response = manager_client.post(reverse("tracker:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    activity.refresh_from_db()
    assert activity.lead_unit == world["do"]["department"]
    assert activity.area == Area.objects.get(name="Xã Đồng 001")
    assert set(activity.cooperating_units.values_list("name", flat=True)) == {
        "UBND xã Đồng 000",
        "UBND xã Đồng 002",
        "Tập đoàn Viễn thông Quân đội",
    }


def test_an_ambiguous_typed_name_is_kept_in_the_box_with_a_message(manager_client, world, english):
    add_communes(world, 3)
    activity = world["activity"]
    kept = Unit.objects.get(name="UBND xã Đồng 000")
    data = activity_data(world, cooperating_units=[kept.pk, "xa dong"])
    response = manager_client.post(reverse("tracker:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 200
    assert "Several match “xa dong”" in response.context["form"].errors["cooperating_units"][0]
    page = response.content.decode()
    # What was ticked stays ticked; what was typed stays typed, to be corrected.
    assert f'value="{kept.pk}" checked> UBND xã Đồng 000' in page
    assert re.search(r'<input[^>]* name="cooperating_units"[^>]* type="text" value="xa dong">', page)
    assert not activity.cooperating_units.exists()


@pytest.mark.parametrize("field", ["lead_unit", "cooperating_units"])
def test_another_provinces_unit_is_refused_with_a_translated_message(manager_client, world, field):
    activity = world["activity"]
    other = world["xa"]["committee"]
    data = activity_data(world, **{field: [other.pk] if field == "cooperating_units" else other.pk})
    response = manager_client.post(reverse("tracker:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == ["Lựa chọn này không có ở đây: hãy chọn trong danh sách."]
    activity.refresh_from_db()
    assert activity.lead_unit == world["do"]["department"] and not activity.cooperating_units.exists()


def test_a_task_is_assigned_by_typed_names_and_refused_another_provinces_area(manager_client, world):
    add_communes(world, 2)
    activity = world["activity"]
    url = reverse("tracker:task_create") + f"?activity={activity.pk}"
    data = {
        "unit": "ubnd xa dong 001",
        "area": Area.objects.get(name="Xã Bên Kia").pk,
        "deliverable": "Loa truyền thanh",
        "due_date": (activity.plan.period_end).strftime("%d/%m/%Y"),
        "status": "not_started",
    }
    response = manager_client.post(url, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["area"]
    data["area"] = "xa dong 001"
    response = manager_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    task = Task.objects.get(deliverable="Loa truyền thanh")
    assert task.unit.name == "UBND xã Đồng 001" and task.area.name == "Xã Đồng 001"


def test_the_list_a_form_reads_holds_only_the_plans_province_in_force(client, world):
    """What the script fetches for the activity form: the user's provinces ∩ the plan's, units in
    force; a manager of one province asking for another's gets nothing."""
    add_communes(world, 2)
    ended = Unit.objects.get(name="UBND xã Đồng 001")
    ended.valid_to = timezone.localdate().replace(year=2020)
    ended.save()
    manager = factories.UserFactory(role=roles.DIC_MANAGER, unit=world["do"]["department"])
    client.force_login(manager)
    url = reverse("tracker:choices", args=["units"])
    today = timezone.localdate().isoformat()
    found = client.get(url, {"province": world["do"]["province"].pk, "on": today}).json()["results"]
    names = [item["text"] for item in found]
    assert "UBND xã Đồng 000" in names and "Tập đoàn Viễn thông Quân đội" in names
    assert "UBND xã Đồng 001" not in names  # ended
    assert not [name for name in names if "XA" in name or "Bên Kia" in name]
    # Another province's units: not the manager's to see, whatever is asked.
    others = client.get(url, {"province": world["xa"]["province"].pk}).json()["results"]
    assert [item["text"] for item in others] == ["Tập đoàn Viễn thông Quân đội"]
    areas = client.get(reverse("tracker:choices", args=["areas"]), {"q": "ben kia"}).json()["results"]
    assert areas == []


def test_the_list_a_form_reads_costs_the_same_queries_for_3_units_as_for_120(
    client, world, django_assert_max_num_queries
):
    manager = factories.UserFactory(role=roles.DIC_MANAGER, unit=world["do"]["department"])
    client.force_login(manager)
    params = {"province": world["do"]["province"].pk, "on": timezone.localdate().isoformat(), "q": "dong"}
    add_communes(world, 3)
    # The session and user, the manager's province (with the provinces it took over), the page.
    with django_assert_max_num_queries(8) as small:
        assert len(client.get(reverse("tracker:choices", args=["units"]), params).json()["results"]) == 3
    add_communes(world, 117, first=3)
    with django_assert_max_num_queries(len(small)):
        assert len(client.get(reverse("tracker:choices", args=["units"]), params).json()["results"]) == 20
    with django_assert_max_num_queries(len(small)):
        response = client.get(reverse("tracker:choices", args=["areas"]), {**params, "level": Area.Level.COMMUNE})
        assert len(response.json()["results"]) == 20


def test_the_units_come_in_vietnamese_order(client, world):
    for name in ("Sở Tài chính tỉnh DO", "Đoàn Thanh niên tỉnh DO", "Công an tỉnh DO", "Đài PT-TH tỉnh DO"):
        factories.UnitFactory(name=name, area=world["do"]["province"])
    client.force_login(factories.UserFactory(role=roles.DIC_MANAGER, unit=world["do"]["department"]))
    found = client.get(reverse("tracker:choices", args=["units"]), {"q": "tinh do"}).json()["results"]
    # Đ after D, before S (byte order would put both Đ last).
    assert [item["text"] for item in found] == [
        "Công an tỉnh DO",
        "Đài PT-TH tỉnh DO",
        "Đoàn Thanh niên tỉnh DO",
        "Sở KH&CN tỉnh DO",
        "Sở Tài chính tỉnh DO",
        "UBND tỉnh DO",
    ]
