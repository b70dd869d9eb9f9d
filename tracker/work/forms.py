"""Forms DIC managers use to enter activities, their output indicators and tasks.

The forms validate what a user can correct in place; saving goes through `tracker.work.services`,
whose ValidationErrors the views attach to these forms with `add_service_error`.
"""

from __future__ import annotations

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.choices.fields import make_remote
from tracker.core.areas import plan_province_id
from tracker.core.forms import set_choices
from tracker.core.permissions import AnyUser
from tracker.core.widgets import DateInput, make_searchable
from tracker.models import Activity, Area, Indicator, OutputIndicator, Plan, Task, Unit
from tracker.work import selectors as selectors_work

NEGATIVE_QUANTITY = _("A quantity cannot be negative.")


def _not_negative(field: forms.Field) -> None:
    field.validators.append(MinValueValidator(0, message=NEGATIVE_QUANTITY))
    field.widget.attrs["min"] = 0


def remote_units_and_areas(form: forms.BaseForm, names: dict[str, str], *, province: int | None, today) -> None:
    """The form's unit and area choices fetched as the user types (a country has 3,500 units),
    among the plan's province and what is in force today; the querysets the form set stay the
    check of what is posted (an ended unit an old activity names stays valid on it)."""
    for name, source in names.items():
        params = {"province": province, "on": today.isoformat()}
        if source == "areas":
            params["level"] = Area.Level.COMMUNE  # villages would be thousands
        make_remote(form, name, source=source, params=params)


class ActivityForm(forms.ModelForm):
    # Declared, so that the model form never writes the through table itself: the view
    # passes the units to services.activity_save, which checks them against the lead unit.
    cooperating_units = forms.ModelMultipleChoiceField(
        label=_("Cooperating units"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_(
            "Type part of a unit's name and choose it; add as many as cooperate. The lead unit cannot also cooperate."
        ),
    )

    class Meta:
        model = Activity
        fields = [
            "plan",
            "section_code",
            "activity_type",
            "title",
            "description",
            "lead_unit",
            "cooperating_units",
            "area",
            "start_date",
            "due_date",
            "schedule_note",
            "status",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "start_date": DateInput(),
            "due_date": DateInput(),
        }

    def __init__(self, *args, user: AnyUser, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        activity = self.instance
        cooperating = list(activity.cooperations.values_list("unit_id", flat=True)) if activity.pk else []
        self.initial.setdefault("cooperating_units", cooperating)

        plan_field = self.fields["plan"]
        plan_field.label_from_instance = selectors_work.plan_label
        set_choices(plan_field, selectors_work.plans_for_choice(user), vietnamese_order=False)
        # The plan's province decides which units and areas are offered (not every province's).
        province = plan_province_id(self._plan())
        units = selectors_work.units_for_choice(
            include=[activity.lead_unit_id, *cooperating], today=today, province_id=province
        )
        set_choices(self.fields["lead_unit"], units)
        set_choices(self.fields["cooperating_units"], units.all())
        set_choices(
            self.fields["area"],
            selectors_work.areas_for_choice(include=[activity.area_id], today=today, province_id=province),
        )
        make_searchable(self)
        remote_units_and_areas(
            self,
            {"lead_unit": "units", "cooperating_units": "units", "area": "areas"},
            province=province,
            today=today,
        )

    def _plan(self) -> Plan | None:
        """The activity's plan: its own, the one posted, or the one the page was opened for."""
        if self.instance.plan_id:
            return self.instance.plan
        chosen = self.data.get("plan") if self.is_bound else self.initial.get("plan")
        if isinstance(chosen, Plan):
            return chosen
        if chosen and str(chosen).isdigit():
            return Plan.objects.select_related("area", "issuer").filter(pk=int(chosen)).first()
        return None

    def clean(self):
        cleaned = super().clean()
        plan, section = cleaned.get("plan"), cleaned.get("section_code")
        if plan and section:
            duplicates = Activity.objects.filter(plan=plan, section_code=section).exclude(pk=self.instance.pk)
            if duplicates.exists():
                # Next to the field, where the model's constraint would put it above the form.
                self.add_error("section_code", _("This plan already has a content with this section number."))
        return cleaned


class OutputIndicatorForm(forms.ModelForm):
    class Meta:
        model = OutputIndicator
        fields = ["name", "unit_of_measure", "planned_quantity", "indicator", "counted_from", "register_measure"]

    def __init__(self, *args, indicator_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        _not_negative(self.fields["planned_quantity"])
        # Most outputs are reported by units: a row posted without the choice keeps the
        # output's current way (reports for a new one), and a blank extra row stays blank.
        counted_from = self.fields["counted_from"]
        counted_from.required = False
        counted_from.has_changed = lambda initial, data: bool(data) and str(initial) != str(data)
        if indicator_choices is not None:
            # One query for all the rows' dropdowns instead of one per row.
            self.fields["indicator"].choices = indicator_choices

    def clean_counted_from(self) -> str:
        return (
            self.cleaned_data.get("counted_from") or self.instance.counted_from or OutputIndicator.CountedFrom.REPORTS
        )

    def clean(self):
        cleaned = super().clean()
        # Counting from a register is a way of counting from records: say so for the user.
        if cleaned.get("register_measure"):
            cleaned["counted_from"] = OutputIndicator.CountedFrom.RECORDS
            self.instance.counted_from = OutputIndicator.CountedFrom.RECORDS
        return cleaned


class BaseOutputIndicatorFormSet(forms.BaseInlineFormSet):
    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if not hasattr(self, "_indicator_choices"):
            self._indicator_choices = [("", "---------")] + [
                (indicator.pk, str(indicator)) for indicator in Indicator.objects.only("pk", "name")
            ]
        kwargs["indicator_choices"] = self._indicator_choices
        return kwargs

    def outputs_to_save(self) -> list[OutputIndicator]:
        """New rows that were filled in and existing rows that changed, in the form's order;
        new rows are numbered after the existing ones."""
        deleted = set(self.deleted_forms)
        next_order = max((form.instance.order for form in self.initial_forms), default=0) + 1
        outputs = []
        for form in self.forms:
            if form in deleted or not form.has_changed():
                continue
            if form.instance.pk is None:
                form.instance.order, next_order = next_order, next_order + 1
            outputs.append(form.instance)
        return outputs

    def outputs_to_delete(self) -> list[OutputIndicator]:
        return [form.instance for form in self.deleted_forms if form.instance.pk]


OutputIndicatorFormSet = forms.inlineformset_factory(
    Activity,
    OutputIndicator,
    form=OutputIndicatorForm,
    formset=BaseOutputIndicatorFormSet,
    fields=["name", "unit_of_measure", "planned_quantity", "indicator", "counted_from", "register_measure"],
    extra=2,
    can_delete=True,
)


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = [
            "unit",
            "area",
            "deliverable",
            "output_indicator",
            "target_quantity",
            "due_date",
            "status",
            "completed_on",
        ]
        widgets = {
            "deliverable": forms.Textarea(attrs={"rows": 3}),
            "due_date": DateInput(),
            "completed_on": DateInput(),
        }
        help_texts = {"completed_on": _("Required when the status is Completed; blank otherwise.")}

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's rules (output of the same activity, due date after the start) need it.
        self.instance.activity = activity
        today = timezone.localdate()
        task = self.instance
        province = plan_province_id(activity.plan)
        set_choices(
            self.fields["unit"],
            selectors_work.units_for_choice(include=[task.unit_id], today=today, province_id=province),
        )
        set_choices(
            self.fields["area"],
            selectors_work.areas_for_choice(include=[task.area_id], today=today, province_id=province),
        )
        set_choices(self.fields["output_indicator"], activity.output_indicators.all(), vietnamese_order=False)
        _not_negative(self.fields["target_quantity"])
        make_searchable(self)
        remote_units_and_areas(self, {"unit": "units", "area": "areas"}, province=province, today=today)
