"""A draft's names resolved to what the tracker holds: the issuer, every unit, every legal basis."""

from __future__ import annotations

from typing import Any

from tracker.models import Unit

from .draft import Draft
from .matching import UnitMatcher, issuer_matcher, legal_document


def unit_names(draft: Draft) -> list[str]:
    """Every unit name the draft uses, in order of first use."""
    names: list[str] = []
    for activity in draft.activities:
        names.extend([activity.lead_unit, *activity.cooperating_units])
    names.extend(duty.unit for duty in draft.duties)
    names.extend(deadline.unit for deadline in draft.deadlines)
    for rule in draft.reporting_rules:
        names.extend([rule.reporter, rule.recipient])
    return [name for name in dict.fromkeys(names) if name]


def issuer_of(draft: Draft) -> Unit | None:
    return issuer_matcher().match(draft.issuer).unit


def unit_matcher(draft: Draft, issuer: Unit | None = None) -> UnitMatcher:
    issuer = issuer if issuer is not None else issuer_of(draft)
    return UnitMatcher(area=issuer.area if issuer is not None else None)


def matches(draft: Draft) -> dict[str, Any]:
    """For the command's JSON and the review screen: what each name matched, and how surely."""
    issuer_match = issuer_matcher().match(draft.issuer)
    matcher = UnitMatcher(area=issuer_match.unit.area if issuer_match.unit else None)

    def described(match) -> dict[str, Any]:
        return {
            "id": match.unit.pk if match.unit else None,
            "name": match.unit.name if match.unit else None,
            "score": round(match.score),
            "uncertain": match.uncertain,
        }

    documents = {}
    for basis in draft.legal_bases:
        doc = legal_document(basis.number, basis.date)
        documents[basis.number] = doc.pk if doc else None
    return {
        "issuer": described(issuer_match),
        "units": {name: described(matcher.match(name)) for name in unit_names(draft)},
        "legal_bases": documents,
    }
