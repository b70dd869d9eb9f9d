"""The programme tree and the legal documents plans are based on."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .fields import TITLE_MAX_LENGTH, limited_text
from .organisation import EffectiveDates, EffectiveQuerySet, Unit


class LegalDocument(models.Model):
    """A decision, circular, resolution, plan or letter cited as a legal basis."""

    class Kind(models.TextChoices):
        LAW = "law", _("Law / resolution of the National Assembly")
        DECREE = "decree", _("Decree (Nghị định)")
        DECISION = "decision", _("Decision (Quyết định)")
        CIRCULAR = "circular", _("Circular (Thông tư)")
        RESOLUTION = "resolution", _("Resolution (Nghị quyết)")
        PLAN = "plan", _("Plan (Kế hoạch)")
        OFFICIAL_LETTER = "official_letter", _("Official letter (Công văn)")
        NOTICE = "notice", _("Notice (Thông báo)")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number_symbol = models.CharField(
        _("number and symbol"), max_length=60, blank=True, help_text=_("As written, e.g. 2269/QĐ-TTg.")
    )
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255)
    title = limited_text(TITLE_MAX_LENGTH, pgettext_lazy("document title", "title"))
    file = models.FileField(_("file"), upload_to="legal/%Y/", blank=True)
    # Repealed or replaced: no longer offered for new plans; plans that cite it keep it.
    valid_to = models.DateField(_("no longer in force from"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-issued_on", "number_symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["number_symbol", "issued_on"],
                condition=~Q(number_symbol=""),
                name="legaldocument_number_date_unique",
                violation_error_message=_("A document with this number and date already exists."),
            ),
        ]

    def __str__(self) -> str:
        label = f"{self.get_kind_display().split(' (')[0]} {self.number_symbol}".strip()
        if self.issued_on:
            label += f" ({self.issued_on:%d/%m/%Y})"
        return label


class ProgrammeComponent(EffectiveDates):
    """Programme → project → sub-project, as data: the tree was reorganised in 2026."""

    class Level(models.IntegerChoices):
        PROGRAMME = 1, _("Programme")
        PROJECT = 2, _("Project")
        SUBPROJECT = 3, _("Sub-project")

    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=300)
    legal_basis = models.ForeignKey(
        LegalDocument, verbose_name=_("approved by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    lead_agency = models.ForeignKey(
        Unit, verbose_name=_("lead agency"), null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    objects = EffectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme component")
        verbose_name_plural = _("programme components")
        ordering = ["level", "code"]

    def __str__(self) -> str:
        return self.name
