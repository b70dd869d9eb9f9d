"""The register of publications, through its pages: an officer enters a title, the DIC accepts
it and the activity's titles and copies move; a title that already appears under another plan
or in another year (compared without case, accents or punctuation) is flagged — in the list,
on its page with a link to the other, and on saving — but not refused (seed 004: "không được
trùng lặp")."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.tracker.registers.one_form_helpers import achieved, listed_ids, review, total, workbook_rows
from tracker.models import MediumFormat, Publication, RegisterMeasure
from tracker.registers import publications
from tracker.registers import services as register_services
from tracker.registers.views import publications as registers_publications

pytestmark = pytest.mark.django_db
D = datetime.date
LIST = reverse("tracker:publication_list")
EXPORT = reverse("tracker:publication_export")


@pytest.fixture
def task_a(unit_a):
    return factories.TaskFactory(unit=unit_a, area=unit_a.area)


@pytest.fixture
def task_other_plan(unit_a):
    """Unit A's task under another plan."""
    return factories.TaskFactory(unit=unit_a, area=unit_a.area)


@pytest.fixture
def outputs(register_output):
    return [
        register_output(RegisterMeasure.PUBLICATION_TITLES),
        register_output(RegisterMeasure.PUBLICATION_COPIES),
    ]


def publication(task, actor, **values) -> Publication:
    fields = {"title": "Sổ tay Chuyển đổi số", "medium": "print", "copies": 500, "published_on": D(2026, 3, 10)}
    fields.update(values)
    return publications.publication_save(entry=Publication(task=task, **fields), actor=actor)


def form_data(task, **values) -> dict:
    data = {
        "task": task.pk,
        "title": "Sổ tay Chuyển đổi số",
        "medium": "print",
        "publisher": "Nhà xuất bản Thông tin và Truyền thông",
        "published_on": "10/03/2026",
        "copies": "500",
        "language": "vi",
        "distribution": "Phát cho 20 xã ĐBKK",
    }
    data.update(values)
    return data


def flagged(*entries) -> list[bool]:
    by_pk = dict(publications.with_duplicate_flag(Publication.objects.all()).values_list("pk", "is_duplicate"))
    return [by_pk[entry.pk] for entry in entries]


def test_title_keys_ignore_case_accents_punctuation_and_spacing():
    assert publications.title_key("  Sổ tay: ĐIỆN THOẠI   thông-minh! ") == "so tay dien thoai thong minh"
    assert publications.title_key("So tay dien thoai thong minh") == "so tay dien thoai thong minh"
    assert publications.title_key("Sổ tay điện thoại") != publications.title_key("Sổ tay điện thoại thông minh")


def test_an_officer_enters_a_publication_the_dic_accepts_it_and_titles_and_copies_move(
    client, task_a, officer_a, manager, outputs
):
    client.force_login(officer_a)
    response = client.post(reverse("tracker:publication_create"), form_data(task_a))
    entry = Publication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:publication_detail", args=[entry.pk])
    assert (entry.status, entry.title_key, entry.copies, entry.unit) == (
        "draft",
        "so tay chuyen doi so",
        500,
        task_a.unit,
    )
    assert entry.history.get().history_user == officer_a
    review(client, entry, officer=officer_a, manager=manager)
    assert achieved(*outputs) == [1, 500]


def test_a_printed_publication_needs_its_copies(client, task_a, officer_a):
    client.force_login(officer_a)
    response = client.post(reverse("tracker:publication_create"), form_data(task_a, copies=""))
    assert response.status_code == 200
    assert response.context["form"].errors["copies"]
    assert not Publication.objects.exists()


def test_the_same_title_in_another_plan_is_saved_flagged_and_linked_both_ways(
    client, task_a, task_other_plan, officer_a, manager
):
    first = publication(task_a, officer_a)
    client.force_login(officer_a)
    response = client.post(
        reverse("tracker:publication_create"),
        form_data(task_other_plan, title="SỔ TAY – chuyen doi  so!", published_on="01/04/2026"),
        follow=True,
    )
    second = Publication.objects.exclude(pk=first.pk).get()
    assert second.status == "draft"  # saved, not refused
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert flagged(first, second) == [True, True]

    page = client.get(reverse("tracker:publication_detail", args=[first.pk])).content.decode()
    assert "duplicate-warning" in page
    assert reverse("tracker:publication_detail", args=[second.pk]) in page
    listed = client.get(LIST, {"duplicates": "on"})
    assert sorted(listed_ids(listed)) == sorted([first.pk, second.pk])
    assert total(listed, "duplicates") == "2"


def test_the_same_title_in_the_same_plan_another_year_is_flagged(task_a, officer_a):
    first = publication(task_a, officer_a, published_on=D(2025, 11, 20))
    second = publication(task_a, officer_a, title="sổ tay chuyển đổi số", published_on=D(2026, 2, 1))
    assert flagged(first, second) == [True, True]


def test_another_title_in_the_same_plan_and_year_is_not_flagged(client, task_a, officer_a):
    first = publication(task_a, officer_a)
    client.force_login(officer_a)
    response = client.post(
        reverse("tracker:publication_create"), form_data(task_a, title="Cẩm nang an toàn thông tin"), follow=True
    )
    second = Publication.objects.exclude(pk=first.pk).get()
    assert flagged(first, second) == [False, False]
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
    assert (
        "duplicate-warning" not in client.get(reverse("tracker:publication_detail", args=[first.pk])).content.decode()
    )
    assert listed_ids(client.get(LIST, {"duplicates": "on"})) == []


def test_an_officer_sees_that_a_title_exists_in_a_register_they_do_not_see_without_a_link(
    client, task_a, officer_a, unit_b, officer_b
):
    theirs = publication(factories.TaskFactory(unit=unit_b), officer_b, published_on=D(2025, 5, 5))
    mine = publication(task_a, officer_a)
    client.force_login(officer_a)
    page = client.get(reverse("tracker:publication_detail", args=[mine.pk])).content.decode()
    assert "duplicate-warning" in page
    assert reverse("tracker:publication_detail", args=[theirs.pk]) not in page
    assert client.get(reverse("tracker:publication_detail", args=[theirs.pk])).status_code == 404


def test_another_units_officer_gets_404(client, task_a, officer_a, officer_b):
    entry = publication(task_a, officer_a)
    client.force_login(officer_b)
    assert client.get(reverse("tracker:publication_detail", args=[entry.pk])).status_code == 404
    assert client.post(reverse("tracker:publication_edit", args=[entry.pk]), form_data(task_a)).status_code == 404
    assert listed_ids(client.get(LIST)) == []


def test_the_list_filters_and_totals(client, task_a, officer_a, manager):
    printed = publication(task_a, officer_a, copies=300)
    ebook = publication(task_a, officer_a, title="Sách điện tử", medium="electronic", copies=None, language="tyz")
    register_services.entry_submit(entry=ebook, actor=officer_a)
    client.force_login(manager)
    everything = client.get(LIST)
    assert (total(everything, "titles"), total(everything, "copies"), total(everything, "duplicates")) == (
        "2",
        "300",
        "0",
    )
    assert listed_ids(client.get(LIST, {"medium": "electronic"})) == [ebook.pk]
    assert listed_ids(client.get(LIST, {"language": "tyz"})) == [ebook.pk]
    assert listed_ids(client.get(LIST, {"status": "draft"})) == [printed.pk]
    assert listed_ids(client.get(LIST, {"q": "điện tử"})) == [ebook.pk]


def test_the_excel_export_has_the_rows_of_the_list_and_what_each_duplicates(
    client, task_a, task_other_plan, officer_a, manager
):
    first = publication(task_a, officer_a, copies=1200)
    second = publication(task_other_plan, officer_a, title="Sổ tay chuyển đổi số.")
    other = publication(task_a, officer_a, title="Cẩm nang", medium="electronic", copies=None)
    client.force_login(manager)
    header, rows = workbook_rows(client.get(EXPORT))
    with translation.override("vi"):
        assert header == [column.header for column in registers_publications.export_columns({})]
    assert [row[0] for row in rows] == listed_ids(client.get(LIST))
    by_pk = {row[0]: row for row in rows}
    plan_2 = second.activity.plan.number_symbol or "—"
    with translation.override("vi"):
        print_label = str(MediumFormat.PRINT.label)
    assert by_pk[first.pk][1:10] == [
        "Sổ tay Chuyển đổi số",
        print_label,
        None,  # no publisher
        datetime.datetime(2026, 3, 10),
        1200,
        "Tiếng Việt",
        None,  # no distribution
        "Có",
        f"#{second.pk} ({plan_2}, 2026)",
    ]
    assert by_pk[other.pk][8:10] == ["Không", None]
    assert [row[0] for row in workbook_rows(client.get(EXPORT, {"duplicates": "on"}))[1]] == listed_ids(
        client.get(LIST, {"duplicates": "on"})
    )


@pytest.mark.parametrize("size", [1, 6])
def test_the_list_detail_and_export_make_the_same_number_of_queries_whatever_the_size(
    client, task_a, task_other_plan, officer_a, size, django_assert_num_queries
):
    for number in range(size):
        entry = publication(task_a, officer_a, title=f"Tài liệu {number}")
        publication(task_other_plan, officer_a, title=f"Tài liệu {number}")  # a duplicate of each
    client.force_login(officer_a)
    # session, user, roles; the paginator's count; the totals; the user's unit and its province
    # (the filters' scope: plans, units and areas are fetched as the user types); the page of
    # rows with their duplicate flag.
    with django_assert_num_queries(8):
        assert len(listed_ids(client.get(LIST))) == 2 * size
    # session, user, roles, the user's province (the filters' scope), the rows, the
    # publications they duplicate.
    with django_assert_num_queries(6):
        assert client.get(EXPORT).status_code == 200
    # as an information point's page, plus the duplicates and which of them the user sees.
    with django_assert_num_queries(9):
        assert client.get(reverse("tracker:publication_detail", args=[entry.pk])).status_code == 200
