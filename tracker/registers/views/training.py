"""The register of training courses: list with filters and totals, detail (the only page that
shows trainees' names), create and edit with the materials and trainee list, Excel export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tracker.core.forms import service_errors_on
from tracker.models import Trainee, TrainingCourse, TrainingMaterial
from tracker.registers import permissions, selectors, services
from tracker.registers import training as register
from tracker.registers.export import xlsx_response
from tracker.registers.views.common import entry_page, filtered_entries, list_context, require_reader


def _warn_if_long(request: HttpRequest, course: TrainingCourse) -> None:
    if course.is_longer_than_recommended:
        messages.warning(
            request,
            _("This course runs %(days)s days, longer than the recommended %(max)s days.")
            % {"days": course.days, "max": TrainingCourse.RECOMMENDED_MAX_DAYS},
        )


@login_required
@require_safe
def course_list(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = filtered_entries(request, TrainingCourse, register.TrainingCourseFilterSet)
    context = list_context(request, filterset)
    page = context["page_obj"]
    if page.paginator.count:  # the page's rows again, with their materials and trainee-list length
        rows = register.courses_with_lines(filterset.qs)[page.start_index() - 1 : page.end_index()]
        page.object_list = list(rows)
        for course in page.object_list:
            course.languages = register.material_languages(course)
    context["totals"] = register.course_totals(filterset.qs)
    context["max_days"] = TrainingCourse.RECOMMENDED_MAX_DAYS
    return render(request, "tracker/registers/training/list.html", context)


@login_required
@require_safe
def course_export(request: HttpRequest) -> HttpResponse:
    require_reader(request)
    filterset = filtered_entries(request, TrainingCourse, register.TrainingCourseFilterSet)
    return xlsx_response(
        filename="khoa-tap-huan.xlsx",
        sheet_title=_("Training courses"),
        columns=register.export_columns(),
        rows=register.courses_with_lines(filterset.qs),
    )


@login_required
@require_safe
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.entry_for_detail(request.user, TrainingCourse, pk)
    # The trainees' names are shown here only, to whoever may see the course.
    materials = list(course.materials.order_by("id"))
    # Prefetched, so that checking the list against the counts reads it no second time.
    prefetch_related_objects(
        [course], Prefetch("trainees", queryset=Trainee.objects.select_related("commune__parent").order_by("id"))
    )
    trainees = list(course.trainees.all())
    return entry_page(
        request,
        course,
        "tracker/registers/training/detail.html",
        course=course,
        materials=materials,
        trainees=trainees,
        mismatches=course.trainee_list_mismatches() if trainees else [],
        max_days=TrainingCourse.RECOMMENDED_MAX_DAYS,
    )


@login_required
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(request.user):
        raise PermissionDenied
    return _course_form(request, TrainingCourse())


@login_required
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = selectors.entry_for_detail(request.user, TrainingCourse, pk)
    if not permissions.can_edit(request.user, course):
        raise PermissionDenied
    return _course_form(request, course)


def _course_form(request: HttpRequest, course: TrainingCourse) -> HttpResponse:
    is_new = course.pk is None
    data = request.POST if request.method == "POST" else None
    form = register.TrainingCourseForm(data, instance=course, user=request.user)
    materials = register.MaterialFormSet(
        data, instance=course, prefix="materials", queryset=TrainingMaterial.objects.order_by("id")
    )
    listed = course.trainees.count() if course.pk else 0
    trainees = register.trainee_formset(data, course=course, listed=listed)
    if data is not None and form.is_valid() and materials.is_valid() and trainees.is_valid():
        with service_errors_on(form) as outcome:
            saved = register.course_save(
                course=form.instance, materials=materials.rows(), trainees=trainees.rows(), actor=request.user
            )
        if outcome.saved:
            messages.success(request, _("The course was added.") if is_new else _("The course was saved."))
            _warn_if_long(request, saved)
            return redirect(services.detail_url(saved))
    return render(
        request,
        "tracker/registers/training/form.html",
        {
            "form": form,
            "materials": materials,
            "trainees": trainees,
            "course": course,
            "is_new": is_new,
            "max_days": TrainingCourse.RECOMMENDED_MAX_DAYS,
        },
    )


urlpatterns = [
    path("registers/training-courses/", course_list, name="training_course_list"),
    path("registers/training-courses/new/", course_create, name="training_course_create"),
    path("registers/training-courses/export/", course_export, name="training_course_export"),
    path("registers/training-courses/<int:pk>/", course_detail, name="training_course_detail"),
    path("registers/training-courses/<int:pk>/edit/", course_edit, name="training_course_edit"),
]
