"""The form that asks for an official report, and the filters of the list of reports.

The form only reads what was chosen and turns it into a `ReportRequest`; who may produce
what is decided again by `services.generated_report_request`. A unit officer's form offers
only their own unit's report.
"""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.core import permissions
from tracker.core.widgets import DateInput
from tracker.documents.forms import VietnameseModelChoiceField
from tracker.models import GeneratedReport, Plan, Unit
from tracker.models.fields import LONG_TEXT_MAX_LENGTH, NOTE_MAX_LENGTH

from . import document
from .data import AREAS_IN_FORCE, AREAS_RECORDED, ReportRequest
from .permissions import kinds_user_may_produce

Kind = GeneratedReport.Kind
PeriodType = GeneratedReport.PeriodType
MONTHS = [(month, str(month)) for month in range(1, 13)]


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, plan: Plan) -> str:
        label = plan.number_symbol or plan.title[:90]
        return f"{label} ({plan.period_start:%Y}–{plan.period_end:%Y}) – {plan.issuer.name}"


def period_bounds(period_type: str, *, year: int | None, month: int | None, start, end):
    """The first and last day of the chosen period (None, None when incomplete)."""
    if period_type == PeriodType.CUSTOM:
        return start, end
    if not year:
        return None, None
    if period_type == PeriodType.MONTH:
        if not month:
            return None, None
        first = datetime.date(year, month, 1)
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return first, following - datetime.timedelta(days=1)
    if period_type == PeriodType.HALF_YEAR:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


SIGNER_FIELDS = ("signing_authority", "signer_title", "signer_name", "drafting_division")


def signer_defaults(unit: Unit) -> dict[str, str]:
    """How `unit` signs its reports (its page sets it): the form's starting values."""
    return {name: getattr(unit, name) for name in SIGNER_FIELDS}


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), widget=forms.RadioSelect)
    plan = PlanChoiceField(
        label=_("Plan"),
        queryset=Plan.objects.none(),
        required=False,
        help_text=_("Leave blank for the whole sub-project: every issued plan whose period meets the report's."),
    )
    unit = VietnameseModelChoiceField(
        label=_("Unit whose report it is"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("For a unit's report on its tasks only."),
    )
    issuer = VietnameseModelChoiceField(
        label=_("Issuing agency"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_(
            "The agency in the document's header. Its successor or predecessor in force on the document's date "
            "is used (e.g. the Department of Science and Technology from 1/3/2025)."
        ),
    )
    period_type = forms.ChoiceField(
        label=_("Period covered"), choices=PeriodType.choices, initial=PeriodType.HALF_YEAR, widget=forms.RadioSelect
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    month = forms.TypedChoiceField(label=_("Month"), choices=MONTHS, coerce=int, required=False)
    date_from = forms.DateField(label=_("From (other period)"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To (other period)"), required=False, widget=DateInput)
    document_date = forms.DateField(label=_("Date of the document"), widget=DateInput)
    place = forms.CharField(
        label=_("Place in the date line"),
        max_length=100,
        required=False,
        help_text=_("Leave blank for the issuing agency's province, e.g. Lạng Sơn."),
    )
    symbol = forms.CharField(
        label=_("Number and symbol"),
        max_length=50,
        required=False,
        help_text=_(
            "E.g. 125/BC-SKHCN; or only the symbol, BC-SKHCN, to leave the number blank for the records clerk. "
            "Leave blank for BC- and the agency's initials."
        ),
    )
    summary = forms.CharField(
        label=_("Summary (trích yếu)"),
        max_length=400,
        required=False,
        help_text=_("Leave blank for the usual wording, e.g. 'Kết quả thực hiện … 6 tháng đầu năm 2023'."),
    )
    signing_authority = forms.CharField(
        label=_("Signing authority"),
        max_length=120,
        required=False,
        help_text=_("E.g. KT. GIÁM ĐỐC; separate several lines with /."),
    )
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Signer"), max_length=120, required=False)
    recipients = forms.CharField(
        label=_("Recipients (Nơi nhận)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line; 'Lưu: VT' is added at the end unless you write a 'Lưu' line."),
    )
    drafting_division = forms.CharField(
        label=_("Drafting division"),
        max_length=40,
        required=False,
        help_text=_("Its abbreviation, printed last in the recipients: 'Lưu: VT, KHTC.'"),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        required=False,
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Your own proposals to the recipients, printed as the report's last section."),
    )

    areas = forms.ChoiceField(
        label=_("Targets by area"),
        choices=[
            (AREAS_RECORDED, _("By the areas the plan names (old units)")),
            (AREAS_IN_FORCE, _("By the areas in force on the document's date (new units)")),
        ],
        initial=AREAS_RECORDED,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "For a plan whose communes have since been merged: the new units show the figures of the communes "
            "they were formed from."
        ),
    )

    class Media:
        js = ["js/report-signer.js"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import plans_for_reports

        self.user = user
        self.issuer_signers: dict[str, dict[str, str]] = {}
        kinds = kinds_user_may_produce(user)
        self.fields["kind"].choices = [(value, label) for value, label in Kind.choices if value in kinds]
        self.fields["kind"].initial = kinds[0] if kinds else None
        self.fields["plan"].queryset = plans_for_reports(user)
        self.fields["plan"].empty_label = _("Whole sub-project (every issued plan)")
        self.own_unit_only = not permissions.can_manage_plans(user)
        if self.own_unit_only:
            # Only one's own unit: the choice of unit is fixed, the unit issues its own report.
            self.fields["unit"].queryset = Unit.objects.filter(pk=user.unit_id) if user.unit_id else Unit.objects.none()
            self.fields["unit"].initial = user.unit_id
            self.fields["unit"].empty_label = None
        else:
            self.fields["unit"].queryset = Unit.objects.filter(tasks__isnull=False).distinct()
        if Kind.UNIT in kinds and kinds == [Kind.UNIT]:
            del self.fields["issuer"]
            self.fields["plan"].help_text = _("Leave blank for all the plans your unit has tasks in.")
            self.fields["plan"].empty_label = _("All the plans of my unit's tasks")
        else:
            self.fields["issuer"].queryset = Unit.objects.filter(is_group=False)
            self.fields["issuer"].initial = user.unit_id
            # Each issuer's signer, for the page's script to fill the signer's fields when
            # another issuer is chosen (one query; only units that set one).
            self.issuer_signers = {
                str(values["pk"]): {name: values[name] for name in SIGNER_FIELDS}
                for values in Unit.objects.filter(is_group=False)
                .exclude(signing_authority="", signer_title="", signer_name="", drafting_division="")
                .values("pk", *SIGNER_FIELDS)
            }
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        self.fields["month"].initial = today.month
        self.fields["document_date"].initial = today

    def clean_symbol(self) -> str:
        """'125/BC-SKHCN' → number 125, symbol BC-SKHCN; a malformed one is refused with a
        message naming the field (it once printed 'Số: /125/BC-SKHCN')."""
        try:
            number, symbol = document.number_and_symbol(self.cleaned_data.get("symbol", ""))
        except document.NumberSymbolError as error:
            raise forms.ValidationError(str(error), code="number_symbol") from None
        self.cleaned_data["number"] = number
        return symbol

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        start, end = period_bounds(
            cleaned.get("period_type", ""),
            year=cleaned.get("year"),
            month=cleaned.get("month"),
            start=cleaned.get("date_from"),
            end=cleaned.get("date_to"),
        )
        plan = cleaned.get("plan")
        if kind == Kind.TARGETS and plan is not None:
            # The table shows the plan's own targets: its period is the plan's.
            start, end = plan.period_start, plan.period_end
        if start is None or end is None:
            field = "date_to" if cleaned.get("period_type") == PeriodType.CUSTOM else "year"
            self.add_error(field, _("Give the period the report covers."))
        elif end < start:
            self.add_error("date_to", _("The period cannot end before it starts."))
        elif (end - start).days + 1 > settings.REPORT_MAX_PERIOD_DAYS:
            self.add_error(
                "date_to",
                _("A report covers at most %(days)s days; choose a shorter period or produce several reports.")
                % {"days": settings.REPORT_MAX_PERIOD_DAYS},
            )
        if kind == Kind.MONITORING and cleaned.get("period_type") not in (PeriodType.HALF_YEAR, PeriodType.YEAR):
            # Mẫu số 01 of Thông tư 10/2022/TT-BLĐTBXH is the 6-month and the annual report.
            self.add_error(
                "period_type", _("The monitoring report (Form 01) covers the first six months or a whole year.")
            )
        if kind == Kind.TARGETS and plan is None:
            self.add_error("plan", _("The table of targets by area belongs to one plan: choose it."))
        if kind == Kind.UNIT and not cleaned.get("unit"):
            self.add_error("unit", _("Choose the unit whose report it is."))
        if kind and kind != Kind.UNIT and "issuer" in self.fields and not cleaned.get("issuer"):
            self.add_error("issuer", _("Choose the agency issuing the report."))
        cleaned["period_start"], cleaned["period_end"] = start, end
        return cleaned

    def report_request(self) -> ReportRequest:
        data = self.cleaned_data
        kind = data["kind"]
        plan, unit, issuer = data.get("plan"), data.get("unit"), data.get("issuer")
        return ReportRequest(
            kind=kind,
            period_type=data["period_type"] if kind != Kind.TARGETS else PeriodType.CUSTOM,
            period_start=data["period_start"],
            period_end=data["period_end"],
            plan_id=plan.pk if plan else None,
            unit_id=unit.pk if unit and kind == Kind.UNIT else None,
            issuer_id=(unit.pk if kind == Kind.UNIT and unit else (issuer.pk if issuer else None)),
            document_date=data["document_date"],
            place=data.get("place", ""),
            number=data.get("number", ""),
            symbol=data.get("symbol", ""),
            summary=data.get("summary", ""),
            signing_authority=data.get("signing_authority", ""),
            signer_title=data.get("signer_title", ""),
            signer_name=data.get("signer_name", ""),
            recipients=data.get("recipients", ""),
            drafting_division=data.get("drafting_division", ""),
            recommendations=data.get("recommendations", ""),
            areas=data.get("areas") or AREAS_RECORDED,
        )


class ReportFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=[("", _("All"))] + list(Kind.choices), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + list(GeneratedReport.Status.choices), required=False
    )
    year = forms.IntegerField(label=_("Year covered"), min_value=2000, max_value=2100, required=False)
