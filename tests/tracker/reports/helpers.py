"""What the tests of the official reports share: a report asked for and generated at once."""

from __future__ import annotations

import datetime

from tracker.models import GeneratedReport
from tracker.reports import data, services

D = datetime.date


def produce(actor, **fields) -> GeneratedReport:
    """A report of 2026 (unless `fields` say otherwise) in English, asked for by `actor` and run
    inline (no broker in the tests)."""
    values = {"period_type": "year", "period_start": D(2026, 1, 1), "period_end": D(2026, 12, 31)}
    values.update(fields)
    report = services.generated_report_request(actor=actor, request=data.ReportRequest(**values), language="en")
    services.generated_report_enqueue(report)
    report.refresh_from_db()
    return report
