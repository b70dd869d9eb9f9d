"""A plan document on its way in: its text and the draft the parser proposed, until a DIC
manager confirms it into a tracked plan (`tracker.intake`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisation import User
from .plans import Plan


class PlanImport(models.Model):
    class Status(models.TextChoices):
        REVIEW = "review", _("Waiting for review")
        CONFIRMED = "confirmed", _("Confirmed")

    class ReadAs(models.TextChoices):
        TEXT = "text", _("Pasted or plain text")
        DOCX = "docx", _("Word document")
        PDF = "pdf", _("PDF text layer")
        OCR = "ocr", _("Scan read by OCR")
        XLSX = "xlsx", _("Excel plan template")

    created_by = models.ForeignKey(User, verbose_name=_("imported by"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    filename = models.CharField(_("file"), max_length=255, blank=True)
    read_as = models.CharField(_("read as"), max_length=10, choices=ReadAs.choices, default=ReadAs.TEXT)
    text = models.TextField(_("text of the document"))
    draft = models.JSONField(_("proposed draft"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REVIEW)
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan created"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("plan import")
        verbose_name_plural = _("plan imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename or str(self.created_at)
