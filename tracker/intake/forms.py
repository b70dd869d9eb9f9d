"""The intake's forms: upload or paste a document, and review the draft it proposes.

The review form is built from the draft: one group of fields per part (header, each legal
basis, each unit name, each content, duty, deadline and reporting rule), each part with a
"keep" box, so the manager corrects, accepts or drops it. Unit names are resolved once, in
their own group: every part refers to units by the name the document uses.
"""

from __future__ import annotations

import re
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tracker.core.spreadsheets import XLSX_CONTENT_TYPE
from tracker.models import ActivityType, Deadline, LegalDocument, Plan, ProgrammeComponent, Unit

from . import extract
from .draft import Draft
from .matching import legal_document
from .resolve import unit_names
from .services import NewUnit, Reviewed, guess_activity_type, guess_unit_kind, parse_date, programme_component_for
from .workbook.layout import IMPORT_MAX_BYTES

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
NEW = "new"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Plan document"),
        required=False,
        help_text=_("Word (.docx), PDF (with text or scanned), a scanned image or a .txt file."),
    )
    text = forms.CharField(
        label=_("…or paste the text of the plan"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if Path(upload.name).suffix.lower() not in extract.ACCEPTED:
            raise ValidationError(
                _("This kind of file cannot be read. Upload a .docx, .pdf, .txt or a scanned image (.png, .jpg, .tif).")
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 20 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise ValidationError(_("Choose a file or paste the text of the plan."))
        return data


class ExcelUploadForm(forms.Form):
    """A filled plan template; its content is read here once and kept on the form."""

    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": f".xlsx,{XLSX_CONTENT_TYPE}"}),
        help_text=_("The plan template, filled in: at most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."))
        self.content = upload.read()
        return upload


class CopyForm(forms.Form):
    year = forms.IntegerField(
        label=_("For the year"), min_value=1990, max_value=2100, help_text=_("The year the copy's period starts in.")
    )


FREQUENCY_CHOICES = [
    ("monthly", _("Monthly")),
    ("quarterly", _("Quarterly")),
    ("semiannual", _("Six-monthly")),
    ("annual", _("Annual")),
    ("once", _("Once")),
]


def _unit_label(unit: Unit) -> str:
    if unit.valid_to:
        return _("%(name)s (until %(date)s)") % {"name": unit.name, "date": unit.valid_to.strftime("%d/%m/%Y")}
    return unit.name


def _date(value):
    return parse_date(value) if value else None


class ReviewForm(forms.Form):
    """Every part of the draft as fields; `reviewed()` gives what the manager decided."""

    def __init__(self, *args, draft: Draft, matches: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        self.matches = matches
        self.names = unit_names(draft)
        self.parts: list[dict] = []
        # Ended units too: an older plan names the units of its time (Sở TT&TT before 2025).
        units = list(Unit.objects.order_by("name"))
        self.units_by_pk = {str(unit.pk): unit for unit in units}
        unit_choices = [(str(unit.pk), _unit_label(unit)) for unit in units]
        name_choices = [("", "—")] + [(name, name) for name in self.names]
        self._header(units)
        self._legal_bases()
        self._units(unit_choices)
        self._activities(name_choices)
        self._duties(name_choices)
        self._deadlines(name_choices)
        self._rules(name_choices)

    # building ------------------------------------------------------------------------------------
    def _part(self, kind: str, label: str, prefix: str, fields: dict, *, source=None, uncertain=False, note=""):
        keep = f"{prefix}_keep"
        self.fields[keep] = forms.BooleanField(label=_("Keep"), required=False, initial=True)
        for name, field in fields.items():
            field.required = False
            self.fields[f"{prefix}_{name}"] = field
        self.parts.append(
            {
                "kind": kind,
                "label": label,
                "prefix": prefix,
                "keep": keep,
                "names": [f"{prefix}_{name}" for name in fields],
                "source": source,
                "uncertain": uncertain,
                "note": note,
            }
        )

    def _header(self, units: list[Unit]) -> None:
        d = self.draft
        issuer = self.matches["issuer"]
        issued_on = _date(d.date)
        self.fields["issuer"] = forms.ModelChoiceField(
            label=_("issued by"),
            queryset=Unit.objects.all(),
            initial=issuer["id"],
            help_text=_("As written: %(name)s") % {"name": d.issuer or "—"},
        )
        self.fields["number_symbol"] = forms.CharField(label=_("number and symbol"), required=False, initial=d.number)
        self.fields["place"] = forms.CharField(label=_("place"), required=False, initial=d.place)
        self.fields["issued_on"] = forms.DateField(label=_("date"), required=False, initial=issued_on)
        self.fields["issued_on_precision"] = forms.ChoiceField(
            label=_("date known to the"), choices=Plan.DatePrecision.choices, initial=d.date_precision
        )
        period_end = _date(d.period_end)
        if period_end and period_end < timezone.localdate():
            status = Plan.Status.CLOSED  # its period is over: issued, and no longer followed
        elif d.number and d.date_precision == "day":
            status = Plan.Status.ISSUED
        else:
            status = Plan.Status.DRAFT
        self.fields["status"] = forms.ChoiceField(label=_("status"), choices=Plan.Status.choices, initial=status)
        self.fields["title"] = forms.CharField(
            label=pgettext_lazy("document title", "title"), initial=d.title, widget=forms.Textarea({"rows": 2})
        )
        self.fields["period_start"] = forms.DateField(label=_("period from"), initial=_date(d.period_start))
        self.fields["period_end"] = forms.DateField(label=_("period to"), initial=_date(d.period_end))
        self.fields["programme_component"] = forms.ModelChoiceField(
            label=_("programme component"),
            queryset=ProgrammeComponent.objects.all(),
            required=False,
            initial=programme_component_for(_date(d.period_start)),
        )
        self.fields["purpose"] = forms.CharField(
            label=_("purpose and requirements"), required=False, initial=d.purpose, widget=forms.Textarea({"rows": 6})
        )
        self.fields["funding"] = forms.CharField(
            label=_("funding"), required=False, initial=d.funding, widget=forms.Textarea({"rows": 4})
        )
        self.fields["signing_authority"] = forms.CharField(
            label=_("signing authority"), required=False, initial=d.signer.authority
        )
        self.fields["signer_title"] = forms.CharField(label=_("signer's title"), required=False, initial=d.signer.title)
        self.fields["signer_name"] = forms.CharField(label=_("signer"), required=False, initial=d.signer.name)
        self.fields["recipients"] = forms.CharField(
            label=_("recipients"),
            required=False,
            initial="\n".join(d.recipients),
            widget=forms.Textarea({"rows": 5}),
        )
        self.header_uncertain = set(d.uncertain) | ({"issuer"} if issuer["uncertain"] else set())

    def _legal_bases(self) -> None:
        for index, basis in enumerate(self.draft.legal_bases):
            existing = legal_document(basis.number, basis.date)
            note = (
                _("Already in the tracker: %(doc)s") % {"doc": existing}
                if existing
                else _("New: it will be added to the legal documents.")
            )
            self._part(
                "legal_basis",
                basis.number or _("Legal basis"),
                f"lb{index}",
                {
                    "number": forms.CharField(label=_("number and symbol"), initial=basis.number),
                    "kind": forms.ChoiceField(label=_("kind"), choices=LegalDocument.Kind.choices, initial=basis.kind),
                    "date": forms.DateField(label=_("date issued"), initial=_date(basis.date)),
                    "issuer": forms.CharField(label=_("issued by"), initial=basis.issuer),
                    "title": forms.CharField(
                        label=pgettext_lazy("document title", "title"),
                        initial=basis.title,
                        widget=forms.Textarea({"rows": 2}),
                    ),
                },
                source=basis.source,
                uncertain=basis.uncertain,
                note=note,
            )

    def _units(self, unit_choices: list[tuple[str, str]]) -> None:
        self.unit_rows = []
        for index, name in enumerate(self.names):
            match = self.matches["units"].get(name) or {}
            field = f"unit{index}"
            self.fields[field] = forms.ChoiceField(
                label=name,
                choices=[(NEW, _("— a new unit with this name —")), *unit_choices],
                initial=str(match["id"]) if match.get("id") else NEW,
            )
            self.fields[f"{field}_kind"] = forms.ChoiceField(
                label=_("kind, if new"), choices=Unit.Kind.choices, initial=guess_unit_kind(name), required=False
            )
            self.unit_rows.append(
                {"name": name, "field": field, "kind": f"{field}_kind", "uncertain": match.get("uncertain", True)}
            )

    def _activities(self, name_choices) -> None:
        for index, activity in enumerate(self.draft.activities):
            outputs = "\n".join(f"{o.quantity or ''} | {o.unit} | {o.name}" for o in activity.outputs)
            self._part(
                "activity",
                _("Content %(section)s") % {"section": activity.section},
                f"act{index}",
                {
                    "section": forms.CharField(label=_("section"), initial=activity.section, max_length=20),
                    "title": forms.CharField(
                        label=pgettext_lazy("document title", "title"),
                        initial=activity.title,
                        widget=forms.Textarea({"rows": 2}),
                    ),
                    "type": forms.ModelChoiceField(
                        label=_("content type"),
                        queryset=ActivityType.objects.all(),
                        initial=guess_activity_type(activity.title),
                    ),
                    "lead": forms.ChoiceField(label=_("lead unit"), choices=name_choices, initial=activity.lead_unit),
                    "cooperating": forms.MultipleChoiceField(
                        label=_("cooperating units"),
                        choices=name_choices[1:],
                        initial=activity.cooperating_units,
                        widget=forms.CheckboxSelectMultiple,
                    ),
                    "start": forms.DateField(label=_("start"), initial=_date(activity.start)),
                    "end": forms.DateField(label=_("deadline"), initial=_date(activity.end)),
                    "timing": forms.CharField(label=_("timing as written"), initial=activity.timing_text),
                    "description": forms.CharField(
                        label=_("description"), initial=activity.description, widget=forms.Textarea({"rows": 3})
                    ),
                    "outputs": forms.CharField(
                        label=_("outputs (quantity | unit | name, one a line)"),
                        initial=outputs,
                        widget=forms.Textarea({"rows": 2}),
                    ),
                },
                source=activity.source,
                uncertain=activity.uncertain,
                note=", ".join(activity.communes),
            )

    def _duties(self, name_choices) -> None:
        for index, duty in enumerate(self.draft.duties):
            self._part(
                "duty",
                duty.heading,
                f"duty{index}",
                {
                    "heading": forms.CharField(label=_("heading as written"), initial=duty.heading),
                    "unit": forms.ChoiceField(label=_("unit"), choices=name_choices, initial=duty.unit),
                    "text": forms.CharField(label=_("duties"), initial=duty.text, widget=forms.Textarea({"rows": 3})),
                },
                source=duty.source,
            )

    def _deadlines(self, name_choices) -> None:
        for index, deadline in enumerate(self.draft.deadlines):
            self._part(
                "deadline",
                deadline.text[:80],
                f"dl{index}",
                {
                    "text": forms.CharField(label=_("what is due"), initial=deadline.text),
                    "kind": forms.ChoiceField(label=_("kind"), choices=Deadline.Kind.choices, initial=deadline.kind),
                    "window_start": forms.DateField(label=_("window from"), initial=_date(deadline.window_start)),
                    "date": forms.DateField(label=_("due date"), initial=_date(deadline.date)),
                    "unit": forms.ChoiceField(label=_("responsible unit"), choices=name_choices, initial=deadline.unit),
                    "section": forms.CharField(label=_("of content"), initial=deadline.activity_section),
                },
                source=deadline.source,
                uncertain=deadline.uncertain,
            )

    def _rules(self, name_choices) -> None:
        for index, rule in enumerate(self.draft.reporting_rules):
            self._part(
                "rule",
                rule.text,
                f"rule{index}",
                {
                    "title": forms.CharField(
                        label=_("report"), initial=_("Report of %(unit)s") % {"unit": rule.reporter} + f" ({rule.text})"
                    ),
                    "reporter": forms.ChoiceField(label=_("reported by"), choices=name_choices, initial=rule.reporter),
                    "recipient": forms.ChoiceField(
                        label=_("reported to"), choices=name_choices, initial=rule.recipient
                    ),
                    "frequency": forms.ChoiceField(
                        label=_("frequency"), choices=FREQUENCY_CHOICES, initial=rule.frequency
                    ),
                    "due_day": forms.IntegerField(
                        label=_("due by day"), min_value=1, max_value=31, initial=rule.due_day
                    ),
                    "due_month": forms.IntegerField(
                        label=_("due in month"), min_value=1, max_value=12, initial=rule.due_month
                    ),
                    "due_following_month": forms.BooleanField(
                        label=_("due in the following month"), initial=rule.due_following_month
                    ),
                    "wording": forms.CharField(label=_("as written"), initial=rule.text),
                },
                source=rule.source,
                uncertain=rule.uncertain,
            )

    # reading back --------------------------------------------------------------------------------
    def _kept(self, kind: str):
        for part in self.parts:
            if part["kind"] == kind and self.cleaned_data.get(part["keep"]):
                yield part, {name[len(part["prefix"]) + 1 :]: self.cleaned_data.get(name) for name in part["names"]}

    def clean(self):
        data = super().clean()
        needs = {
            "legal_basis": ("number", "kind"),
            "activity": ("section", "title", "type", "lead"),
            "duty": ("unit", "text"),
            "deadline": ("text", "kind"),
            "rule": ("reporter", "frequency", "due_day"),
        }
        for part in self.parts:
            if not data.get(part["keep"]):
                continue
            for name in needs[part["kind"]]:
                if not data.get(f"{part['prefix']}_{name}"):
                    self.add_error(f"{part['prefix']}_{name}", _("This field is required."))
            if part["kind"] == "legal_basis":
                number, date = data.get(f"{part['prefix']}_number"), data.get(f"{part['prefix']}_date")
                known = number and legal_document(number.strip(), date.isoformat() if date else None)
                if not known and not data.get(f"{part['prefix']}_issuer"):
                    # A document new to the tracker is recorded with who issued it.
                    self.add_error(f"{part['prefix']}_issuer", _("This field is required."))
            if part["kind"] == "activity":
                outputs = data.get(f"{part['prefix']}_outputs") or ""
                for line in outputs.splitlines():
                    if line.strip() and not re.match(r"^\s*\d*\s*\|[^|]+\|.+$", line):
                        self.add_error(
                            f"{part['prefix']}_outputs",
                            _("Write each output as “quantity | unit | name”, e.g. “12 | xã | Xã được hỗ trợ”."),
                        )
                        break
        return data

    def reviewed(self) -> Reviewed:
        data = self.cleaned_data
        units: dict[str, Unit | NewUnit] = {}
        for row in self.unit_rows:
            value = data.get(row["field"])
            if value and value != NEW:
                units[row["name"]] = self.units_by_pk[value]
            else:
                units[row["name"]] = NewUnit(row["name"], data.get(row["kind"]) or Unit.Kind.OTHER)
        plan = {
            "number_symbol": data["number_symbol"].strip(),
            "place": data["place"].strip(),
            "issued_on": data["issued_on"],
            "issued_on_precision": data["issued_on_precision"],
            "status": data["status"],
            "title": data["title"].strip(),
            "period_start": data["period_start"],
            "period_end": data["period_end"],
            "programme_component": data["programme_component"],
            "purpose": data["purpose"],
            "funding": data["funding"],
            "signing_authority": data["signing_authority"],
            "signer_title": data["signer_title"],
            "signer_name": data["signer_name"],
            "recipients": "\n".join(line.strip() for line in data["recipients"].splitlines() if line.strip()),
        }
        reviewed = Reviewed(issuer=data["issuer"], plan=plan, units=units)
        for _part, item in self._kept("legal_basis"):
            reviewed.legal_bases.append(
                {
                    "number": item["number"].strip(),
                    "kind": item["kind"],
                    "date": item["date"],
                    "issuer": item["issuer"].strip(),
                    "title": item["title"].strip(),
                    "document": legal_document(
                        item["number"].strip(), item["date"].isoformat() if item["date"] else None
                    ),
                }
            )
        for _part, item in self._kept("activity"):
            outputs = []
            for line in (item["outputs"] or "").splitlines():
                if line.strip():
                    quantity, unit_of_measure, name = (piece.strip() for piece in line.split("|", 2))
                    outputs.append((int(quantity) if quantity.isdigit() else None, unit_of_measure, name))
            reviewed.activities.append(
                {
                    "section": item["section"].strip(),
                    "title": item["title"].strip(),
                    "activity_type": item["type"],
                    "lead": item["lead"],
                    "cooperating": [name for name in item["cooperating"] if name != item["lead"]],
                    "start": item["start"],
                    "end": item["end"],
                    "timing_text": item["timing"] or "",
                    "description": item["description"] or "",
                    "outputs": outputs,
                }
            )
        for _part, item in self._kept("duty"):
            reviewed.duties.append({"heading": item["heading"] or "", "unit": item["unit"], "text": item["text"]})
        for _part, item in self._kept("deadline"):
            reviewed.deadlines.append(
                {
                    "text": item["text"],
                    "kind": item["kind"],
                    "date": item["date"],
                    "window_start": item["window_start"],
                    "unit": item["unit"] or None,
                    "activity_section": item["section"] or "",
                    "wording": item["text"],
                }
            )
        for _part, item in self._kept("rule"):
            reviewed.rules.append(
                {
                    "title": item["title"] or item["wording"],
                    "reporter": item["reporter"],
                    "recipient": item["recipient"] or None,
                    "frequency": item["frequency"],
                    "due_day": item["due_day"],
                    "due_month": item["due_month"],
                    "due_following_month": bool(item.get("due_following_month")) and item["frequency"] == "monthly",
                    "wording": item["wording"] or "",
                }
            )
        return reviewed
