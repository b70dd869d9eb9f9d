"""How much of a plan the parser reads right: a draft compared field by field with a plan
a person entered (the demo's seed plans). Used by the accuracy test and the README table.

The fields are those the tracker holds for a plan and that the text states: the header, the
signature block, each legal basis (number, kind, date), each recipient, each duty (heading,
unit, text), purpose and funding, each content (section, title, lead, cooperating units,
start, end, timing as written), each output with a planned figure, each deadline (date and
unit) and each reporting rule (schedule, reporter, recipient). Long texts count as right at
≥ 95 % similarity (rapidfuzz ratio), names of units when they resolve to the same unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from tracker.models import Plan

from .draft import Draft
from .matching import UnitMatcher, issuer_matcher, normal_number

FREQUENCIES = {"monthly": "monthly", "half_year": "semiannual", "annual": "annual"}


@dataclass
class Score:
    rows: list[tuple[str, object, object, bool]] = field(default_factory=list)

    def add(self, name: str, expected, got, ok: bool) -> None:
        self.rows.append((name, expected, got, bool(ok)))

    @property
    def right(self) -> int:
        return sum(ok for *_, ok in self.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def percent(self) -> float:
        return 100 * self.right / self.total if self.total else 0.0

    def wrong(self) -> list[tuple[str, object, object, bool]]:
        return [row for row in self.rows if not row[3]]

    def by_group(self) -> dict[str, tuple[int, int]]:
        groups: dict[str, list[int]] = {}
        for name, *_, ok in self.rows:
            group = name.split(".")[0].split("[")[0]
            counts = groups.setdefault(group, [0, 0])
            counts[0] += ok
            counts[1] += 1
        return {group: (right, total) for group, (right, total) in groups.items()}


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().rstrip(".")


def similar(a: str, b: str) -> bool:
    a, b = _flat(a), _flat(b)
    if not a and not b:
        return True
    return fuzz.ratio(a, b) >= 95


def score_plan(draft: Draft, plan: Plan) -> Score:
    s = Score()
    issuer = issuer_matcher().match(draft.issuer).unit
    matcher = UnitMatcher(area=plan.issuer.area if issuer is None else issuer.area)

    def unit_of(name: str):
        return matcher.match(name).unit

    s.add("header.number", plan.number_symbol, draft.number, plan.number_symbol == draft.number)
    expected_date = (plan.issued_on.isoformat() if plan.issued_on else None, plan.issued_on_precision)
    got_date = (draft.date, draft.date_precision)
    s.add("header.date", expected_date, got_date, expected_date == got_date)
    s.add("header.place", plan.place, draft.place, plan.place == draft.place)
    s.add("header.issuer", plan.issuer.name, draft.issuer, issuer == plan.issuer)
    s.add("header.title", plan.title, draft.title, _flat(plan.title) == _flat(draft.title))
    signer = (plan.signing_authority, plan.signer_title, plan.signer_name)
    got = (draft.signer.authority, draft.signer.title, draft.signer.name)
    for name, expected, value in zip(("authority", "title", "name"), signer, got, strict=True):
        s.add(f"signer.{name}", expected, value, expected == value)
    s.add("text.purpose", plan.purpose[:60], draft.purpose[:60], similar(plan.purpose, draft.purpose))
    s.add("text.funding", plan.funding[:60], draft.funding[:60], similar(plan.funding, draft.funding))

    bases = {normal_number(b.number): b for b in draft.legal_bases}
    for link in plan.legal_basis_links.select_related("document"):
        doc = link.document
        got_basis = bases.get(normal_number(doc.number_symbol))
        s.add(f"legal_bases[{doc.number_symbol}].number", doc.number_symbol, bool(got_basis), got_basis)
        s.add(
            f"legal_bases[{doc.number_symbol}].kind", doc.kind, got_basis and got_basis.kind,
            got_basis and got_basis.kind == doc.kind,
        )  # fmt: skip
        expected = doc.issued_on.isoformat() if doc.issued_on else None
        s.add(
            f"legal_bases[{doc.number_symbol}].date", expected, got_basis and got_basis.date,
            got_basis and got_basis.date == expected,
        )  # fmt: skip

    got_recipients = [_flat(r) for r in draft.recipients]
    for line in plan.recipient_lines:
        s.add(f"recipients[{line}]", line, None, _flat(line) in got_recipients)

    duties = list(draft.duties)
    for index, duty in enumerate(plan.duties.select_related("unit")):
        got_duty = duties[index] if index < len(duties) else None
        s.add(f"duties[{index + 1}].heading", duty.heading, got_duty and got_duty.heading,
              got_duty and _flat(got_duty.heading) == _flat(duty.heading))  # fmt: skip
        s.add(f"duties[{index + 1}].unit", duty.unit.name, got_duty and got_duty.unit,
              got_duty and unit_of(got_duty.unit) == duty.unit)  # fmt: skip
        s.add(f"duties[{index + 1}].text", duty.text[:50], got_duty and got_duty.text[:50],
              got_duty and similar(duty.text, got_duty.text))  # fmt: skip

    drafted = {a.section: a for a in draft.activities}
    for activity in plan.activities.select_related("lead_unit").prefetch_related("cooperating_units"):
        code = activity.section_code
        got_a = drafted.get(code)
        key = f"activities[{code}]"
        s.add(f"{key}.section", code, bool(got_a), got_a)
        s.add(f"{key}.title", activity.title[:60], got_a and got_a.title[:60],
              got_a and _flat(got_a.title) == _flat(activity.title))  # fmt: skip
        s.add(f"{key}.lead_unit", activity.lead_unit.name, got_a and got_a.lead_unit,
              got_a and unit_of(got_a.lead_unit) == activity.lead_unit)  # fmt: skip
        expected_coop = {u.pk for u in activity.cooperating_units.all()}
        got_coop = {getattr(unit_of(name), "pk", name) for name in (got_a.cooperating_units if got_a else [])}
        s.add(f"{key}.cooperating_units", sorted(u.name for u in activity.cooperating_units.all()),
              got_a and got_a.cooperating_units, got_a is not None and expected_coop == got_coop)  # fmt: skip
        start = activity.start_date.isoformat() if activity.start_date else None
        end = activity.due_date.isoformat() if activity.due_date else None
        s.add(f"{key}.start", start, got_a and got_a.start, got_a and got_a.start == start)
        s.add(f"{key}.end", end, got_a and got_a.end, got_a and got_a.end == end)
        s.add(f"{key}.timing_text", activity.schedule_note, got_a and got_a.timing_text,
              got_a and got_a.timing_text == activity.schedule_note)  # fmt: skip
        for output in activity.output_indicators.exclude(planned_quantity=None):
            found = got_a and any(
                o.quantity == output.planned_quantity and o.unit == output.unit_of_measure for o in got_a.outputs
            )
            s.add(f"{key}.outputs[{output.planned_quantity} {output.unit_of_measure}]", output.name[:40], None, found)

    for deadline in plan.deadlines.select_related("responsible_unit"):
        due = deadline.due_date or deadline.window_end
        expected = (deadline.kind, due.isoformat() if due else None)
        candidates = [d for d in draft.deadlines if (d.kind, d.date) == expected]
        s.add(f"deadlines[{deadline.wording or deadline.title[:30]}].date", expected, bool(candidates), candidates)
        s.add(f"deadlines[{deadline.wording or deadline.title[:30]}].unit", str(deadline.responsible_unit),
              candidates and candidates[0].unit,
              bool(candidates) and unit_of(candidates[0].unit) == deadline.responsible_unit)  # fmt: skip

    for rule in plan.reporting_rules.select_related("reporter", "recipient"):
        expected = (FREQUENCIES[rule.frequency], rule.due_day, rule.due_month, rule.due_following_month)
        candidates = [
            r for r in draft.reporting_rules if (r.frequency, r.due_day, r.due_month, r.due_following_month) == expected
        ]
        key = f"reporting_rules[{rule.wording or rule.title[:30]}]"
        s.add(f"{key}.schedule", expected, bool(candidates), candidates)
        s.add(f"{key}.reporter", rule.reporter.name, candidates and candidates[0].reporter,
              bool(candidates) and unit_of(candidates[0].reporter) == rule.reporter)  # fmt: skip
        s.add(f"{key}.recipient", str(rule.recipient), candidates and candidates[0].recipient,
              bool(candidates) and unit_of(candidates[0].recipient) == rule.recipient)  # fmt: skip
    return s
