"""The parser on plans written for these tests in the seeds' administrative style.

`fixtures/plan_2026_two_tier.txt` is a 2026 plan of a province with communes only (no
districts) whose lead and cooperating units are given only in section IV ("Chủ trì thực
hiện nội dung 1, 2, 4; phối hợp nội dung 3"); `plan_2024_methods.txt` a district plan whose
methods name their own lead, cooperating units and timing, with a quarterly report. Each
`.json` beside it is the draft expected, checked by hand against the text.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from tracker.intake import dates
from tracker.intake.parser import normalise, parse_text, split_units

FIXTURES = Path(__file__).parent / "fixtures"
D = datetime.date


def comparable(draft) -> dict:
    data = draft.to_json_dict()
    data.pop("sources")
    for activity in data["activities"]:
        activity.pop("source")
        activity.pop("description")
        for output in activity["outputs"]:
            output.pop("source")
    for key in ("legal_bases", "deadlines", "reporting_rules", "duties"):
        for item in data[key]:
            item.pop("source", None)
    return data


@pytest.mark.parametrize("name", ["plan_2026_two_tier", "plan_2024_methods"])
def test_own_plans_are_read_as_expected(name):
    draft = parse_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
    expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    got = comparable(draft)
    for key in expected:
        assert got[key] == expected[key], key


def test_section_four_assigns_leads_and_cooperating_units_by_content_number():
    draft = parse_text((FIXTURES / "plan_2026_two_tier.txt").read_text(encoding="utf-8"))
    roles = {a.section: (a.lead_unit, a.cooperating_units) for a in draft.activities}
    assert roles == {
        "1": ("Sở Khoa học và Công nghệ", ["Ủy ban nhân dân các xã, phường"]),
        "2": ("Sở Khoa học và Công nghệ", ["Ủy ban nhân dân các xã, phường", "Báo Lạng Sơn"]),
        "3": ("Ủy ban nhân dân các xã, phường", ["Sở Khoa học và Công nghệ"]),
        "4": ("Sở Khoa học và Công nghệ", []),
    }
    assert draft.budget.total == 2_350_000_000
    assert [(s.source, s.amount) for s in draft.budget.by_source] == [
        ("Ngân sách trung ương", 2_000_000_000),
        ("Ngân sách tỉnh", 350_000_000),
    ]


def test_every_field_points_at_the_passage_it_came_from():
    text = (FIXTURES / "plan_2026_two_tier.txt").read_text(encoding="utf-8")
    draft = parse_text(text)
    shown = normalise(text)
    start, end = draft.sources["number"]
    assert "58/KH-UBND" in shown[start:end]
    rule = draft.reporting_rules[0]
    assert shown[rule.source[0] : rule.source[1]] == "trước ngày 15 hằng tháng"
    basis = draft.legal_bases[0]
    assert shown[basis.source[0] : basis.source[1]].startswith("Nghị quyết số 257/2025/QH15")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Quý II - Quý III/2026", (D(2026, 4, 1), D(2026, 9, 30))),
        ("Quý IV/2025", (D(2025, 10, 1), D(2025, 12, 31))),
        ("cả năm 2026", (D(2026, 1, 1), D(2026, 12, 31))),
        ("tháng 4 đến tháng 9/2026", (D(2026, 4, 1), D(2026, 9, 30))),
        ("Bắt đầu từ tháng 8/2023 đến hết năm 2023", (D(2023, 8, 1), D(2023, 12, 31))),
        ("Năm 2023 – 2025", (D(2023, 1, 1), D(2025, 12, 31))),
        ("trước ngày 31/3/2026", (None, D(2026, 3, 31))),
        ("Ngay khi Kế hoạch được ban hành", (None, None)),
    ],
)
def test_timings_as_written_become_dates(text, expected):
    assert dates.timing_range(text) == expected


def test_unit_lists_split_where_a_new_unit_starts_not_inside_a_name():
    assert split_units("UBND các huyện, thị xã, Thành phố Huế, các Sở, ban, ngành liên quan.") == [
        "UBND các huyện, thị xã, Thành phố Huế",
        "các Sở, ban, ngành liên quan",
    ]
    assert split_units("Sở Thông tin và Truyền thông, Báo Thừa Thiên Huế, Đài Phát thanh và Truyền hình tỉnh.") == [
        "Sở Thông tin và Truyền thông",
        "Báo Thừa Thiên Huế",
        "Đài Phát thanh và Truyền hình tỉnh",
    ]


@pytest.mark.parametrize(
    "sentence, following",
    [
        ("Sở Khoa học và Công nghệ báo cáo UBND tỉnh trước ngày 20 hằng tháng.", True),
        ("Hằng tháng, báo cáo UBND tỉnh trước ngày 5 của tháng sau.", True),
        ("Hằng tháng, báo cáo UBND tỉnh trong tháng, trước ngày 25.", False),
    ],
)
def test_a_monthly_rule_says_whether_it_is_due_in_the_following_month(sentence, following):
    text = (FIXTURES / "plan_2026_two_tier.txt").read_text(encoding="utf-8")
    text = text.replace(
        "Tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15 hằng tháng;", sentence
    )
    rules = [rule for rule in parse_text(text).reporting_rules if rule.frequency == "monthly"]

    assert [rule.due_following_month for rule in rules] == [following]
