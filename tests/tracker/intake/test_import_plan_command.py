"""`manage.py import_plan FILE [--dry-run] [--json OUT]`: the draft as JSON with issue 15's keys."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
KEYS = [
    "number", "date", "place", "issuer", "title", "legal_bases", "activities", "deadlines", "reporting_rules",
    "budget", "duties", "recipients", "signer",
]  # fmt: skip
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def run(*args) -> str:
    out = StringIO()
    call_command("import_plan", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_prints_the_draft_with_the_keys_of_the_issue_dates_iso_money_whole_dong():
    data = json.loads(run(str(FIXTURES / "plan_2026_two_tier.txt"), "--dry-run"))
    assert list(data)[: len(KEYS)] == KEYS
    assert data["date"] == "2026-03-05"
    assert {"number", "kind", "date"} <= set(data["legal_bases"][0])
    activity = data["activities"][0]
    assert set(activity) >= {
        "section", "title", "lead_unit", "cooperating_units", "start", "end", "timing_text", "communes", "outputs",
    }  # fmt: skip
    assert (activity["start"], activity["end"], activity["timing_text"]) == (
        "2026-04-01",
        "2026-09-30",
        "Quý II - Quý III/2026",
    )
    assert activity["outputs"][0] == {"name": "Lớp bồi dưỡng", "quantity": 3, "unit": "lớp", "source": None}
    assert all(ISO.match(a["end"]) for a in data["activities"])
    assert data["budget"]["total"] == 2350000000 and isinstance(data["budget"]["total"], int)
    sources = data["budget"]["by_source"]
    assert [(s["source"], s["amount"]) for s in sources] == [
        ("Ngân sách trung ương", 2_000_000_000),
        ("Ngân sách tỉnh", 350_000_000),
    ]
    assert all(type(s["amount"]) is int for s in sources) and sum(s["amount"] for s in sources) == 2350000000
    assert data["reporting_rules"][0] | {} == {
        **data["reporting_rules"][0],
        "frequency": "monthly",
        "due_day": 15,
        "due_month": None,
    }
    assert data["deadlines"][0]["date"] == "2026-03-31"
    assert data["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                              "name": "Nguyễn Văn Thành"}  # fmt: skip
    # Nothing in the database yet: every unit is proposed as new.
    assert data["matches"]["units"]["Báo Lạng Sơn"]["id"] is None


def test_writes_the_json_to_a_file(tmp_path):
    out = tmp_path / "draft.json"
    assert run(str(FIXTURES / "plan_2024_methods.txt"), "--json", str(out)) == ""
    assert json.loads(out.read_text(encoding="utf-8"))["number"] == "27/KH-UBND"


def test_an_unknown_kind_of_file_is_refused_in_words(tmp_path):
    odd = tmp_path / "plan.odt"
    odd.write_bytes(b"x")
    with pytest.raises(CommandError, match=".docx"):
        run(str(odd))
