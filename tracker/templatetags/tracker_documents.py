"""Filters for pages that reproduce official documents (plans and their legal bases)."""

from __future__ import annotations

import datetime

from django import template

from tracker.models import LegalDocument

register = template.Library()

# The document type as a Vietnamese document names it when citing another ("Căn cứ Quyết
# định số …"). It is part of the document's own text, so it does not follow the UI language.
_KIND_IN_CITATION = {
    LegalDocument.Kind.LAW: "Luật",
    LegalDocument.Kind.DECREE: "Nghị định",
    LegalDocument.Kind.DECISION: "Quyết định",
    LegalDocument.Kind.CIRCULAR: "Thông tư",
    LegalDocument.Kind.RESOLUTION: "Nghị quyết",
    LegalDocument.Kind.PLAN: "Kế hoạch",
    LegalDocument.Kind.OFFICIAL_LETTER: "Công văn",
    LegalDocument.Kind.NOTICE: "Thông báo",
    LegalDocument.Kind.OTHER: "Văn bản",
}


@register.filter
def plan_date(day: datetime.date | None, precision: str = "day") -> str:
    """A plan's date in a list: 18/02/2019, or 03/2023 when only the month is known, or 2023."""
    if day is None:
        return ""
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.month:02d}/{day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@register.filter
def citation_kind(kind: str) -> str:
    """'decision' -> 'Quyết định' (the word used when a plan cites the document)."""
    return _KIND_IN_CITATION.get(kind, "Văn bản")


@register.filter
def cited_subject(title: str) -> str:
    """The subject of a cited document after 'của <issuer>': 'về …', unless it already says so."""
    title = (title or "").strip()
    if not title:
        return ""
    if title.lower().startswith("về "):
        # Mid-sentence after the issuer: "… của Bộ TT&TT về việc …", never "Về việc".
        return "v" + title[1:]
    return f"về {title}"


@register.filter
def recipient_entry(line: str) -> str:
    """A 'Nơi nhận' line without its leading dash; the template prints '- ' itself."""
    return line.lstrip("-–• ").strip()
