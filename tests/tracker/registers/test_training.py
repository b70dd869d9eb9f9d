"""The register of training courses, through its pages: entering a course with its materials
and trainee list, the review feeding the outputs exactly once, the five-day warning, the
trainee list that must agree with the counts, who sees what, filters, totals, export."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from tracker.models import (
    Language,
    OutputIndicator,
    OutputRecord,
    RegisterMeasure,
    Trainee,
    TrainingCourse,
    TrainingMaterial,
)
from tracker.outputs import selectors as selectors_progress
from tracker.registers import services as register_services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
D = datetime.date
LIST = reverse("tracker:training_course_list")
CREATE = reverse("tracker:training_course_create")
EXPORT = reverse("tracker:training_course_export")


@pytest.fixture
def outputs(register_output):
    return {
        "courses": register_output(RegisterMeasure.TRAINING_COURSES),
        "trainees": register_output(RegisterMeasure.TRAINING_TRAINEES),
        "materials": register_output(RegisterMeasure.TRAINING_MATERIALS),
    }


def lines(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def course_data(task, *, materials=None, trainees=None, **values) -> dict:
    data = {
        "task": task.pk,
        "title": "Bồi dưỡng kỹ năng thông tin cơ sở",
        "organiser": "Sở TT&TT",
        "start_date": "10/03/2026",
        "end_date": "12/03/2026",
        "venue": "Hội trường UBND huyện",
        "trainees_total": "3",
        "trainees_female": "2",
        "trainees_ethnic_minority": "1",
    }
    data.update(values)
    if materials is None:
        materials = [
            {"title": "Sổ tay tuyên truyền viên", "medium": "print", "language": "vi"},
            {"title": "Tài liệu tiếng Tày", "medium": "electronic", "language": "tyz"},
        ]
    data.update(lines("materials", materials))
    data.update(lines("trainees", trainees or []))
    return data


THREE_TRAINEES = [
    {"full_name": "Hoàng Thị Mai", "gender": "female", "is_ethnic_minority": "on", "workplace": "UBND xã"},
    {"full_name": "Lê Thị Lan", "gender": "female", "workplace": "Đài truyền thanh xã"},
    {"full_name": "Nguyễn Văn Nam", "gender": "male"},
]


def make_course(task, actor, **values) -> TrainingCourse:
    fields = {
        "title": "Lớp tập huấn",
        "start_date": D(2026, 3, 10),
        "end_date": D(2026, 3, 11),
        "trainees_total": 20,
        "trainees_female": 8,
        "trainees_ethnic_minority": 5,
    }
    fields.update(values)
    return register_services.entry_save(entry=TrainingCourse(task=task, **fields), actor=actor)


def achieved(outputs) -> dict[str, int]:
    by_pk = {o.pk: o.achieved for o in selectors_progress.annotate_achieved(OutputIndicator.objects.all())}
    return {name: by_pk[output.pk] for name, output in outputs.items()}


def test_an_officer_adds_a_course_with_materials_and_trainees_as_a_draft(client, officer_a, task_a, commune):
    client.force_login(officer_a)
    trainees = [dict(row) for row in THREE_TRAINEES]
    trainees[0]["commune"] = commune.pk
    response = client.post(CREATE, course_data(task_a, trainees=trainees))

    course = TrainingCourse.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:training_course_detail", args=[course.pk])
    assert (course.status, course.unit, course.activity, course.area, course.created_by) == (
        "draft",
        officer_a.unit,
        task_a.activity,
        commune,
        officer_a,
    )
    assert course.history.get().history_user == officer_a
    assert [(m.title, m.medium, m.language) for m in course.materials.all()] == [
        ("Sổ tay tuyên truyền viên", "print", "vi"),
        ("Tài liệu tiếng Tày", "electronic", "tyz"),
    ]
    assert [(t.full_name, t.gender, t.is_ethnic_minority, t.commune_id) for t in course.trainees.all()] == [
        ("Hoàng Thị Mai", "female", True, commune.pk),
        ("Lê Thị Lan", "female", False, None),
        ("Nguyễn Văn Nam", "male", False, None),
    ]
    assert {t.history.get().history_user for t in course.trainees.all()} == {officer_a}


def test_submitting_and_accepting_moves_each_output_by_the_course_once(client, officer_a, manager, task_a, outputs):
    client.force_login(officer_a)
    client.post(CREATE, course_data(task_a, trainees_total="25", trainees_female="10", trainees_ethnic_minority="4"))
    course = TrainingCourse.objects.get()
    assert client.post(reverse("tracker:register_entry_submit", args=[course.pk])).status_code == 302
    course.refresh_from_db()
    assert course.status == "submitted"
    assert achieved(outputs) == {"courses": 0, "trainees": 0, "materials": 0}

    client.force_login(manager)
    accept = reverse("tracker:register_entry_accept", args=[course.pk])
    assert client.post(accept).status_code == 302
    assert achieved(outputs) == {"courses": 1, "trainees": 25, "materials": 2}
    client.post(accept)  # accepting again is refused: still counted once
    assert achieved(outputs) == {"courses": 1, "trainees": 25, "materials": 2}
    assert OutputRecord.objects.count() == 3
    assert set(OutputRecord.objects.values_list("achieved_on", flat=True)) == {D(2026, 3, 12)}


def test_a_trainee_list_that_disagrees_with_the_counts_is_refused_and_nothing_is_saved(client, officer_a, task_a):
    client.force_login(officer_a)
    # Three listed, two of them women, one ethnic minority — but the course says 4 and 3 women.
    response = client.post(
        CREATE, course_data(task_a, trainees=THREE_TRAINEES, trainees_total="4", trainees_female="3")
    )
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert list(errors) == [
        "The counts of the course do not agree with its trainee list; nothing was saved.",
        "The course states 4 trainees but the trainee list has 3.",
        "The course states 3 women but the trainee list has 2.",
    ]
    assert "The course states 4 trainees but the trainee list has 3." in response.content.decode()
    assert not TrainingCourse.objects.exists()
    assert not Trainee.objects.exists()
    assert not TrainingMaterial.objects.exists()


def test_editing_a_course_into_disagreement_with_its_list_changes_nothing(client, officer_a, task_a):
    client.force_login(officer_a)
    client.post(CREATE, course_data(task_a, trainees=THREE_TRAINEES))
    course = TrainingCourse.objects.get()
    existing = [
        {
            "id": t.pk,
            "full_name": t.full_name,
            "gender": t.gender,
            **({"is_ethnic_minority": "on"} if t.is_ethnic_minority else {}),
        }
        for t in course.trainees.all()
    ]
    data = course_data(task_a, trainees_total="3", trainees_female="2")
    data.update(lines("trainees", existing[:2], initial=3))  # one trainee dropped from the list
    data["trainees-TOTAL_FORMS"] = "2"
    response = client.post(reverse("tracker:training_course_edit", args=[course.pk]), data)
    assert response.status_code == 200
    assert "The course states 3 trainees but the trainee list has 2." in list(
        response.context["form"].non_field_errors()
    )
    assert course.trainees.count() == 3


def test_a_course_longer_than_five_days_is_saved_with_a_warning(client, officer_a, task_a):
    client.force_login(officer_a)
    response = client.post(CREATE, course_data(task_a, start_date="10/03/2026", end_date="15/03/2026"), follow=True)
    course = TrainingCourse.objects.get()
    assert (course.days, course.is_longer_than_recommended) == (6, True)
    assert [str(m) for m in response.context["messages"]] == [
        "The course was added.",
        "This course runs 6 days, longer than the recommended 5 days.",
    ]
    assert 'data-warning="long-course"' in response.content.decode()  # on the detail page
    listing = client.get(LIST).content.decode()
    assert "6 days: longer than recommended" in listing
    form_page = client.get(reverse("tracker:training_course_edit", args=[course.pk])).content.decode()
    assert 'data-warning="long-course"' in form_page


def test_a_five_day_course_has_no_warning(client, officer_a, task_a):
    client.force_login(officer_a)
    response = client.post(CREATE, course_data(task_a, start_date="10/03/2026", end_date="14/03/2026"), follow=True)
    assert [str(m) for m in response.context["messages"]] == ["The course was added."]
    assert 'data-warning="long-course"' not in response.content.decode()


def test_trainee_names_show_on_the_detail_page_only(client, officer_a, officer_b, manager, task_a):
    client.force_login(officer_a)
    client.post(CREATE, course_data(task_a, trainees=THREE_TRAINEES))
    course = TrainingCourse.objects.get()
    detail = reverse("tracker:training_course_detail", args=[course.pk])
    client.force_login(manager)
    assert "Hoàng Thị Mai" in client.get(detail).content.decode()
    assert "Hoàng Thị Mai" not in client.get(LIST).content.decode()
    export = load_workbook(io.BytesIO(client.get(EXPORT).content)).active
    assert not any("Hoàng Thị Mai" in str(cell.value) for row in export.iter_rows() for cell in row)
    client.force_login(officer_b)
    assert client.get(detail).status_code == 404


def test_an_officer_of_another_unit_gets_404_on_the_course_and_does_not_list_it(client, officer_a, officer_b, task_a):
    course = make_course(task_a, officer_a)
    client.force_login(officer_b)
    assert client.get(reverse("tracker:training_course_detail", args=[course.pk])).status_code == 404
    assert client.get(reverse("tracker:training_course_edit", args=[course.pk])).status_code == 404
    assert (
        client.post(reverse("tracker:training_course_edit", args=[course.pk]), course_data(task_a)).status_code == 404
    )
    assert list(client.get(LIST).context["page_obj"].object_list) == []
    course.refresh_from_db()
    assert course.title == "Lớp tập huấn"


def rows_of(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-entry="(\d+)"', response.content.decode())]


def test_filters_by_status_language_dates_area_and_search(client, officer_a, manager, task_a, commune):
    vi = make_course(task_a, officer_a, title="Kỹ năng viết tin", start_date=D(2026, 2, 1), end_date=D(2026, 2, 2))
    TrainingMaterial.objects.create(course=vi, title="Tài liệu", language=Language.VIETNAMESE)
    tay = make_course(
        task_a, officer_a, title="Tuyên truyền bằng tiếng Tày", start_date=D(2026, 5, 1), end_date=D(2026, 5, 3)
    )
    TrainingMaterial.objects.create(course=tay, title="Tài liệu Tày 1", language=Language.TAY)
    TrainingMaterial.objects.create(course=tay, title="Tài liệu Tày 2", language=Language.TAY)
    register_services.entry_submit(entry=tay, actor=officer_a)
    elsewhere = factories.TaskFactory(activity=task_a.activity, unit=task_a.unit, area=factories.AreaFactory())
    other = make_course(elsewhere, officer_a, title="Lớp ở xã khác", start_date=D(2026, 2, 1), end_date=D(2026, 2, 1))
    client.force_login(manager)

    assert rows_of(client.get(LIST, {"status": "submitted"})) == [tay.pk]
    assert rows_of(client.get(LIST, {"language": "tyz"})) == [tay.pk]  # two Tày materials, one row
    assert rows_of(client.get(LIST, {"date_from": "01/04/2026", "date_to": "30/06/2026"})) == [tay.pk]
    assert rows_of(client.get(LIST, {"area": commune.parent.pk})) == [tay.pk, vi.pk]
    assert rows_of(client.get(LIST, {"q": "viết tin"})) == [vi.pk]
    assert rows_of(client.get(LIST)) == [other.pk, tay.pk, vi.pk]


def test_the_list_totals_courses_trainees_women_and_ethnic_minorities(client, officer_a, manager, task_a):
    make_course(task_a, officer_a, trainees_total=20, trainees_female=8, trainees_ethnic_minority=5)
    make_course(task_a, officer_a, trainees_total=30, trainees_female=12, trainees_ethnic_minority=0)
    client.force_login(manager)
    assert client.get(LIST).context["totals"] == {"courses": 2, "trainees": 50, "women": 20, "ethnic_minorities": 5}


def test_the_excel_export_has_the_lists_rows_with_the_same_filters(client, officer_a, manager, task_a):
    first = make_course(task_a, officer_a, title="Lớp một", trainees_total=20, trainees_female=8)
    TrainingMaterial.objects.create(course=first, title="Tài liệu", language=Language.TAY)
    make_course(task_a, officer_a, title="Lớp hai", start_date=D(2026, 3, 1), end_date=D(2026, 3, 9))
    client.force_login(manager)
    for query in ({}, {"q": "một"}):
        listed = rows_of(client.get(LIST, query))
        response = client.get(EXPORT, query)
        assert response["Content-Disposition"] == 'attachment; filename="khoa-tap-huan.xlsx"'
        sheet = load_workbook(io.BytesIO(response.content)).active
        header, *rows = list(sheet.values)
        assert header[:3] == ("No.", "Title", "Organiser")
        assert [row[0] for row in rows] == listed
    assert rows[0][1:3] == ("Lớp một", task_a.unit.name)
    row = dict(zip(header, rows[0], strict=True))
    assert (row["From"], row["To"], row["Days"], row["Longer than 5 days"]) == (
        datetime.datetime(2026, 3, 10),
        datetime.datetime(2026, 3, 11),
        2,
        "No",
    )
    assert (row["Trainees"], row["Of whom women"], row["Materials"], row["Languages of materials"]) == (
        20,
        8,
        1,
        "Tiếng Tày",
    )


@pytest.mark.parametrize("size", [1, 6])
def test_the_list_takes_the_same_number_of_queries_at_any_size(
    client, officer_a, task_a, size, django_assert_num_queries
):
    for n in range(size):
        course = make_course(task_a, officer_a, title=f"Lớp {n}")
        TrainingMaterial.objects.create(course=course, title="Tài liệu", language=Language.TAY)
        Trainee.objects.create(course=course, full_name=f"Người {n}", gender="male")
    client.force_login(officer_a)
    with django_assert_num_queries(QUERIES):
        response = client.get(LIST, {"status": "draft"})
    assert len(response.context["page_obj"].object_list) == size


# session, user, roles; count, rows, their materials, totals; the user's unit (navigation)
# and its province (the filters' scope: plans, units and areas are fetched as the user types).
QUERIES = 9


@pytest.mark.parametrize("size", [1, 6])
def test_the_detail_page_takes_the_same_number_of_queries_at_any_size(
    client, officer_a, task_a, size, django_assert_num_queries
):
    course = make_course(task_a, officer_a, trainees_total=size, trainees_female=0, trainees_ethnic_minority=0)
    for n in range(size):
        TrainingMaterial.objects.create(course=course, title=f"Tài liệu {n}", language=Language.TAY)
        Trainee.objects.create(course=course, full_name=f"Người {n}", gender="male", commune=task_a.area)
    client.force_login(officer_a)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("tracker:training_course_detail", args=[course.pk]))
    assert len(response.context["trainees"]) == size


# session, user, roles; the course, its evidence, materials, trainees; whether the officer
# may edit (their task); the user's unit (navigation).
DETAIL_QUERIES = 9


def test_finance_monitor_and_editor_cannot_add_courses(client, finance, editor):
    client.force_login(finance)
    assert client.get(CREATE).status_code == 403
    client.force_login(editor)
    assert client.get(CREATE).status_code == 403
    assert client.get(LIST).status_code == 403
