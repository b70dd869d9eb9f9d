"""Field declarations that several models share, written once.

Each call returns a new field whose migration state is exactly that of the declaration written
out in full, so using these changes no migration (`makemigrations --check` stays clean).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def actor_field(verbose_name: str, *, optional: bool = False) -> models.ForeignKey:
    """The user who did one step of a row's life (wrote, submitted, reviewed, approved it).

    PROTECT keeps the person on the record for as long as it exists; no reverse accessor,
    since nobody asks a user for "everything they reviewed" through the ORM. `optional` for a
    step not taken yet.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=optional,
        blank=optional,
        on_delete=models.PROTECT,
        related_name="+",
    )


def successor_field() -> models.ForeignKey:
    """What an area or unit was merged into or renamed to: the 2025 reforms end them while
    older plans keep pointing at them."""
    return models.ForeignKey(
        "self",
        verbose_name=_("merged into / renamed to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )


def sample_flag(help_text: str = _("Invented for the demo; not an official fact.")) -> models.BooleanField:
    """Marks a row the demonstration data made up, so pages and reports can say so."""
    return models.BooleanField(_("sample data"), default=False, help_text=help_text)


# Length limits of free text (a title, a note or reason, a narrative): generous for what an
# official writes, and a refusal for 100,000 characters pasted or posted by a script.
TITLE_MAX_LENGTH = 2000
NOTE_MAX_LENGTH = 5000
LONG_TEXT_MAX_LENGTH = 20000


def limited_text(max_length: int, verbose_name: str, **options) -> models.TextField:
    """A free-text field whose length limit the model (full_clean), its forms and the API all
    enforce — a TextField's max_length alone only reaches the form field."""
    return models.TextField(verbose_name, max_length=max_length, validators=[MaxLengthValidator(max_length)], **options)
