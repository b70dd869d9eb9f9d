"""The DIC's form for the programme tree: a programme, project or component with its period,
legal basis and lead agency (the 2026–2035 programme's components are entered here)."""

from __future__ import annotations

from tracker.documents.forms import DocumentModelForm
from tracker.models import LegalDocument, ProgrammeComponent, Unit


class ProgrammeComponentForm(DocumentModelForm):
    class Meta:
        model = ProgrammeComponent
        fields = ["code", "name", "level", "parent", "legal_basis", "lead_agency", "valid_from", "valid_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = ProgrammeComponent.objects.order_by("level", "code")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["legal_basis"].queryset = LegalDocument.objects.order_by("-issued_on", "number_symbol")
        self.fields["lead_agency"].queryset = Unit.objects.filter(is_group=False).order_by("name")
