"""The register of training courses: its form with the materials and the optional trainee
list, its list filters and totals, the service that saves a course with its lines in one
transaction, and the columns of its Excel export.

Two rules of the course itself: a course should not run past five days (Tiểu dự án 1's
guidance) — a warning shown on the course, never a refusal; and when a trainee list is given,
the counts by gender and ethnicity must agree with it — refused at save, so a course is never
left with figures its own list contradicts.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.core.forms import set_choices
from tracker.core.widgets import DateInput
from tracker.models import Area, Language, Trainee, TrainingCourse, TrainingMaterial, User
from tracker.registers import services
from tracker.registers.export import Column
from tracker.registers.forms import EntryFilterSet, EntryForm, area_with_parent

MATERIAL_FIELDS = ("title", "medium", "language")
TRAINEE_FIELDS = ("full_name", "gender", "is_ethnic_minority", "workplace", "commune")


# --- Forms ------------------------------------------------------------------------------------


class TrainingCourseForm(EntryForm):
    class Meta:
        model = TrainingCourse
        fields = [
            *EntryForm.COMMON,
            "title",
            "organiser",
            "start_date",
            "end_date",
            "venue",
            "trainees_total",
            "trainees_female",
            "trainees_ethnic_minority",
            "note",
        ]
        widgets = {
            "start_date": DateInput,
            "end_date": DateInput,
            "note": forms.Textarea(attrs={"rows": 3}),
        }


class MaterialForm(forms.ModelForm):
    class Meta:
        model = TrainingMaterial
        fields = list(MATERIAL_FIELDS)


class TraineeForm(forms.ModelForm):
    class Meta:
        model = Trainee
        fields = list(TRAINEE_FIELDS)


class BaseLineFormSet(forms.BaseInlineFormSet):
    fields: tuple[str, ...] = ()

    def rows(self) -> list[dict[str, Any]]:
        """The lines as `lines_replace` takes them: every kept existing line (with its id) and
        every filled-in new row; a line ticked for deletion or a blank row is left out."""
        deleted = set(self.deleted_forms)
        rows = []
        for form in self.forms:
            if form in deleted:
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            values = {name: form.cleaned_data.get(name) for name in self.fields}
            if form.instance.pk is not None:
                values["id"] = form.instance.pk
            rows.append(values)
        return rows


class BaseMaterialFormSet(BaseLineFormSet):
    fields = MATERIAL_FIELDS


class BaseTraineeFormSet(BaseLineFormSet):
    fields = TRAINEE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The communes are read once for every row rather than once per row.
        communes = Area.objects.filter(level=Area.Level.COMMUNE).select_related("parent")
        field = forms.ModelChoiceField(queryset=communes, required=False)
        set_choices(field, communes)
        field.label_from_instance = area_with_parent
        self._commune_choices = list(field.choices)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.fields["commune"].choices = self._commune_choices
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        form.fields["commune"].choices = self._commune_choices
        return form


MaterialFormSet = forms.inlineformset_factory(
    TrainingCourse,
    TrainingMaterial,
    form=MaterialForm,
    formset=BaseMaterialFormSet,
    fields=list(MATERIAL_FIELDS),
    extra=3,
    can_delete=True,
)

TraineeFormSet = forms.inlineformset_factory(
    TrainingCourse,
    Trainee,
    form=TraineeForm,
    formset=BaseTraineeFormSet,
    fields=list(TRAINEE_FIELDS),
    extra=5,
    can_delete=True,
)


MAX_EMPTY_TRAINEE_ROWS = 200


def trainee_formset(data, *, course: TrainingCourse, listed: int) -> BaseTraineeFormSet:
    """The trainee list's formset, offering as many empty rows as trainees the course states
    but has not listed yet (at least five), so that a whole list can be typed in one go."""
    missing = (course.trainees_total or 0) - listed if course.pk else 0
    extra = min(max(5, missing), MAX_EMPTY_TRAINEE_ROWS)
    formset_class = type("TraineeFormSet", (TraineeFormSet,), {"extra": extra})
    return formset_class(
        data,
        instance=course,
        prefix="trainees",
        queryset=Trainee.objects.filter(course=course).select_related("commune").order_by("id")
        if course.pk
        else Trainee.objects.none(),
    )


# --- Writes -----------------------------------------------------------------------------------


@transaction.atomic
def course_save(
    *, course: TrainingCourse, materials: list[dict[str, Any]], trainees: list[dict[str, Any]], actor: User
) -> TrainingCourse:
    """Create or update a draft or returned course with its materials and trainee list, all or
    nothing. A trainee list that contradicts the course's counts is refused (the whole save is
    rolled back)."""
    course = services.entry_save(entry=course, actor=actor)
    services.lines_replace(entry=course, model=TrainingMaterial, parent_field="course", rows=materials, actor=actor)
    services.lines_replace(entry=course, model=Trainee, parent_field="course", rows=trainees, actor=actor)
    problems = course.trainee_list_mismatches()
    if problems:
        raise ValidationError(
            [_("The counts of the course do not agree with its trainee list; nothing was saved."), *problems]
        )
    return course


# --- Reads ------------------------------------------------------------------------------------


def courses_with_lines(queryset: QuerySet[TrainingCourse]) -> QuerySet[TrainingCourse]:
    """What a list row or export row shows besides the entry: its materials (1 query for all
    rows) and the length of its trainee list (annotated)."""
    # The annotation groups the rows, and Django drops Meta.ordering from grouped queries:
    # the list's order is given again.
    return (
        queryset.annotate(listed_trainees=Count("trainees", distinct=True))
        .order_by(*TrainingCourse._meta.ordering)
        .prefetch_related(Prefetch("materials", queryset=TrainingMaterial.objects.order_by("id")))
    )


def course_totals(queryset: QuerySet[TrainingCourse]) -> dict[str, int]:
    """Courses, trainees, women and ethnic-minority trainees of the filtered list (1 query)."""
    totals = queryset.order_by().aggregate(
        courses=Count("pk"),
        trainees=Sum("trainees_total"),
        women=Sum("trainees_female"),
        ethnic_minorities=Sum("trainees_ethnic_minority"),
    )
    return {key: value or 0 for key, value in totals.items()}


def material_languages(course: TrainingCourse) -> str:
    labels = dict(Language.choices)
    seen = dict.fromkeys(material.language for material in course.materials.all())
    return ", ".join(str(labels.get(code, code)) for code in seen)


# --- Filters ----------------------------------------------------------------------------------


class TrainingCourseFilterSet(EntryFilterSet):
    # A course is in a date range when it runs on at least one day of it.
    DATE_FIELD = "end_date"
    SEARCH_FIELDS = ("title", "organiser", "venue")

    language = django_filters.ChoiceFilter(
        label=gettext_lazy("Language of materials"), choices=Language.choices, method="filter_language"
    )

    class Meta:
        model = TrainingCourse
        fields = []

    def filter_date_to(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(start_date__lte=value)

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Exists, not a join: a course with two materials in the language is still one row.
        return queryset.filter(Exists(TrainingMaterial.objects.filter(course=OuterRef("pk"), language=value)))


# --- Excel ------------------------------------------------------------------------------------


def export_columns() -> list[Column]:
    """One row per course; trainee names are personal data and are not exported."""
    return [
        Column(_("No."), lambda c: c.pk, 8),
        Column(_("Title"), lambda c: c.title, 40),
        Column(_("Organiser"), lambda c: c.organiser or c.unit.name, 28),
        Column(_("Plan"), lambda c: c.activity.plan.number_symbol or c.activity.plan.title, 20),
        Column(_("Activity"), lambda c: f"{c.activity.section_code} {c.activity.title}".strip(), 36),
        Column(_("Unit"), lambda c: c.unit.name, 28),
        Column(_("Area"), lambda c: c.area.name if c.area_id else "", 22),
        Column(_("From"), lambda c: c.start_date, 12),
        Column(_("To"), lambda c: c.end_date, 12),
        Column(_("Days"), lambda c: c.days, 8),
        Column(_("Longer than 5 days"), lambda c: c.is_longer_than_recommended, 12),
        Column(_("Venue"), lambda c: c.venue, 24),
        Column(_("Trainees"), lambda c: c.trainees_total, 10),
        Column(_("Of whom women"), lambda c: c.trainees_female, 10),
        Column(_("Of whom ethnic minorities"), lambda c: c.trainees_ethnic_minority, 12),
        Column(_("Names on the trainee list"), lambda c: c.listed_trainees, 12),
        Column(_("Materials"), lambda c: len(c.materials.all()), 10),
        Column(_("Languages of materials"), material_languages, 24),
        Column(_("Status"), lambda c: c.get_status_display(), 16),
        Column(_("Sample data"), lambda c: c.is_sample, 10),
        Column(_("Note"), lambda c: c.note, 30),
    ]
