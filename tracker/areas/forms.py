"""The managers' forms for areas: create or edit one, end one with its successor(s)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.areas.figures import BY_CHOICES
from tracker.core.scope import areas_managed_by, province_of
from tracker.core.widgets import DateInput
from tracker.documents.forms import DocumentModelForm
from tracker.models import Area, AreaClassification
from tracker.models.organisation import KIND_LEVEL


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Area) -> str:
        return f"{obj.name} ({obj.parent.name})" if obj.parent_id else obj.name


def _areas_in_force(exclude: Area | None = None):
    areas = Area.objects.in_force().exclude(level=Area.Level.VILLAGE).select_related("parent")
    if exclude is not None and exclude.pk:
        areas = areas.exclude(pk=exclude.pk)
    return areas.order_by("level", "name")


class AreaForm(DocumentModelForm):
    """An area's name, kind (which sets its level), parent, official code and attributes."""

    class Meta:
        model = Area
        fields = [
            "name",
            "kind",
            "parent",
            "code",
            "valid_from",
            "is_digital_pilot",
        ]
        field_classes = {"parent": AreaChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = True
        # A manager adds areas inside their own province (villages, a later change), so the
        # parent is one of its areas; a superuser (or a manager of no province) chooses any.
        parents = areas_managed_by(user, _areas_in_force(self.instance))
        if province_of(user) is not None and not user.is_superuser:
            self.fields["parent"].required = True
        self.fields["parent"].queryset = parents

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind:
            # The model validates the parent and attributes against the level.
            self.instance.level = KIND_LEVEL[kind]
        return cleaned


class AreaEndForm(forms.Form):
    """The last day in force and up to three successors, each with an optional share."""

    SLOTS = 3

    valid_to = forms.DateField(label=_("Last day in force"), widget=DateInput())
    decision = forms.CharField(label=_("Decision"), max_length=120, required=False)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args, area: Area, **kwargs):
        super().__init__(*args, **kwargs)
        for slot in range(1, self.SLOTS + 1):
            self.fields[f"successor_{slot}"] = AreaChoiceField(
                label=_("Successor %(number)s") % {"number": slot},
                queryset=_areas_in_force(area),
                required=slot == 1,
            )
            self.fields[f"share_{slot}"] = forms.IntegerField(
                label=_("Share %(number)s (%%)") % {"number": slot}, min_value=1, max_value=100, required=False
            )

    def successors(self) -> list[tuple[Area, int | None]]:
        chosen = []
        for slot in range(1, self.SLOTS + 1):
            successor = self.cleaned_data.get(f"successor_{slot}")
            if successor is not None:
                chosen.append((successor, self.cleaned_data.get(f"share_{slot}")))
        return chosen


class AreaFiguresForm(forms.Form):
    """The area page's choice: the figures by the new unit (sums) or by the old units, with the
    successions as they stood on a date."""

    by = forms.ChoiceField(label=_("Show"), choices=BY_CHOICES, required=False)
    on = forms.DateField(label=_("Units as on"), required=False, widget=DateInput())


class ClassificationForm(DocumentModelForm):
    """A commune's classification for a period, with the decision that set it."""

    class Meta:
        model = AreaClassification
        fields = ["kind", "region", "valid_from", "valid_to", "decision", "note"]


class ClassificationEndForm(forms.Form):
    valid_to = forms.DateField(label=_("Last day in force"), widget=DateInput())
    decision = forms.CharField(
        label=_("Decision"),
        max_length=120,
        required=False,
        help_text=_("The document that ended or replaced it, if any."),
    )
