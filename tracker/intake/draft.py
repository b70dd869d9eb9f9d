"""The draft plan the parser proposes: plain data, JSON in and out (dates ISO, money whole đồng).

Every part remembers the passage of the document it came from (`source`, offsets into the
normalised text) and whether the parser is unsure of it (`uncertain`), so that the review
screen can show the passage beside the field and mark what needs a look.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int] | None


@dataclass
class LegalBasis:
    number: str
    kind: str
    date: str | None
    issuer: str = ""
    title: str = ""
    source: Span = None
    uncertain: bool = False


@dataclass
class Output:
    name: str
    quantity: int | None
    unit: str
    source: Span = None


@dataclass
class Activity:
    section: str
    title: str
    lead_unit: str = ""
    cooperating_units: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    timing_text: str = ""
    communes: list[str] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    description: str = ""
    source: Span = None
    uncertain: bool = False


@dataclass
class Deadline:
    unit: str
    text: str
    date: str | None
    kind: str = "date"  # date | window | on_issue
    window_start: str | None = None
    activity_section: str = ""
    source: Span = None
    uncertain: bool = False


@dataclass
class ReportingRule:
    reporter: str
    recipient: str
    frequency: str  # monthly | quarterly | semiannual | annual | once
    due_day: int | None
    due_month: int | None
    # A monthly report due on that day of the next month (the report of a complete month).
    due_following_month: bool = False
    text: str = ""
    source: Span = None
    uncertain: bool = False


@dataclass
class Duty:
    unit: str
    text: str
    heading: str = ""
    source: Span = None


@dataclass
class Source:
    source: str
    amount: int | None


@dataclass
class Budget:
    total: int | None = None
    by_source: list[Source] = field(default_factory=list)


@dataclass
class Signer:
    authority: str = ""
    title: str = ""
    name: str = ""


@dataclass
class Draft:
    number: str = ""
    date: str | None = None
    date_precision: str = "day"  # day | month | year
    place: str = ""
    issuer: str = ""
    title: str = ""
    period_start: str | None = None
    period_end: str | None = None
    purpose: str = ""
    funding: str = ""
    legal_bases: list[LegalBasis] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    reporting_rules: list[ReportingRule] = field(default_factory=list)
    budget: Budget = field(default_factory=Budget)
    duties: list[Duty] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    # Header fields: where each came from and which ones the parser guessed.
    sources: dict[str, Span] = field(default_factory=dict)
    uncertain: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json_dict(self) -> dict[str, Any]:
        """The command's JSON: the keys of issue 15 first, the draft's extras after them."""
        data = self.to_dict()
        keys = [
            "number", "date", "place", "issuer", "title", "legal_bases", "activities", "deadlines",
            "reporting_rules", "budget", "duties", "recipients", "signer",
        ]  # fmt: skip
        ordered = {key: data.pop(key) for key in keys}
        ordered.update(data)
        return ordered

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        def span(value):
            return tuple(value) if value else None

        def items(kind, rows):
            out = []
            for row in rows or []:
                row = dict(row)
                if "source" in row:
                    row["source"] = span(row["source"])
                if kind is Activity:
                    row["outputs"] = [Output(**{**o, "source": span(o.get("source"))}) for o in row.get("outputs", [])]
                names = {f.name for f in dataclasses.fields(kind)}
                out.append(kind(**{k: v for k, v in row.items() if k in names}))
            return out

        budget = data.get("budget") or {}
        return cls(
            **{
                key: data.get(key, default)
                for key, default in (
                    ("number", ""),
                    ("date", None),
                    ("date_precision", "day"),
                    ("place", ""),
                    ("issuer", ""),
                    ("title", ""),
                    ("period_start", None),
                    ("period_end", None),
                    ("purpose", ""),
                    ("funding", ""),
                    ("recipients", []),
                    ("uncertain", []),
                )
            },  # fmt: skip
            legal_bases=items(LegalBasis, data.get("legal_bases")),
            activities=items(Activity, data.get("activities")),
            deadlines=items(Deadline, data.get("deadlines")),
            reporting_rules=items(ReportingRule, data.get("reporting_rules")),
            duties=items(Duty, data.get("duties")),
            budget=Budget(
                total=budget.get("total"), by_source=[Source(**row) for row in budget.get("by_source") or []]
            ),
            signer=Signer(**(data.get("signer") or {})),
            sources={key: span(value) for key, value in (data.get("sources") or {}).items()},
        )
