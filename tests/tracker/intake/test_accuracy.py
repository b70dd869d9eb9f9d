"""The parser's accuracy on the five seed plans, field by field against the demo data.

The demo holds what a person entered from each seed; the parser reads the seed's text alone
and `tracker.intake.accuracy` compares the two. The figures below are the ones reached
(README, "Nhập kế hoạch từ văn bản"): the test fails if the parser reads any seed worse.
"""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tracker.intake.accuracy import score_plan
from tracker.intake.parser import parse_text
from tracker.models import LegalDocument, Plan, PlanImport, Unit, User

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(__name__)]  # one demo load: see the Makefile
# The seeds live beside the project (../shared/seeds, or one level up from a worktree);
# the SEEDS_DIR environment variable may point elsewhere.
_PROJECT = Path(__file__).resolve().parents[3]
_CANDIDATES = [_PROJECT.parent / "shared" / "seeds", _PROJECT.parent.parent / "shared" / "seeds"]
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR") or next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0]))

# Seed file prefix -> how the demo finds the plan it entered from it.
PLANS = {
    "000": {"number_symbol": "413/KH-UBND"},
    "001": {"issuer__name": "UBND tỉnh Bắc Kạn", "is_sample": False},
    "002": {"number_symbol": "146/KH-UBND"},
    "003": {"number_symbol": "421/KH-UBND"},
    "004": {"issuer__name": "UBND tỉnh Lạng Sơn", "is_sample": False},
}
# The figures reached (fields right, fields the demo holds); the test fails below them.
REACHED = {"000": (85, 89), "001": (93, 96), "002": (75, 79), "003": (76, 76), "004": (76, 82)}
REACHED_OVERALL = 96.0  # percent: 405 / 422


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield SimpleNamespace()
        transaction.set_rollback(True)


def seed_text(prefix: str) -> str:
    return next(SEEDS_DIR.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def scores():
    out = {}
    for prefix, lookup in PLANS.items():
        plan = Plan.objects.filter(**lookup).get()
        out[prefix] = score_plan(parse_text(seed_text(prefix)), plan)
    return out


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the seed plans (../shared/seeds) are not on this machine")
def test_each_seed_is_read_at_least_as_well_as_reached(demo):
    results = scores()
    lines = []
    for prefix, score in results.items():
        lines.append(f"{prefix}: {score.right}/{score.total} = {score.percent:.1f}% {score.by_group()}")
        for row in score.wrong():
            lines.append(f"    ✗ {row[0]}: expected {row[1]!r}, got {row[2]!r}")
    right = sum(score.right for score in results.values())
    total = sum(score.total for score in results.values())
    lines.append(f"overall: {right}/{total} = {100 * right / total:.1f}%")
    print("\n".join(lines))
    for prefix, score in results.items():
        # The fields counted must not change silently either (the README's table).
        assert (score.right, score.total) >= REACHED[prefix] and score.total == REACHED[prefix][1], "\n".join(lines)
    assert round(100 * right / total, 1) >= REACHED_OVERALL


# --- a seed's draft confirmed into a plan (the demo's units and documents are there) -------------


def _confirm(client, prefix: str, **changes):
    from django.urls import reverse

    from tests.tracker.intake.helpers import proposal

    client.post(reverse("tracker:plan_import"), {"text": seed_text(prefix)})
    plan_import = PlanImport.objects.latest("pk")
    url = reverse("tracker:plan_import_review", args=[plan_import.pk])
    form = client.get(url).context["form"]
    return client.post(url, proposal(form, **changes))


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the seed plans (../shared/seeds) are not on this machine")
def test_a_confirmed_seed_reads_like_the_document(demo, client):
    import re

    client.force_login(User.objects.get(username="quanly"))
    before = Plan.objects.count()
    response = _confirm(client, "004")
    assert response.status_code == 302 and Plan.objects.count() == before + 1
    page = client.get(response["Location"]).content.decode()
    page = page[page.index("<article") : page.index("</article>")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    expected_in_order = [
        "UBND TỈNH LẠNG SƠN",
        "Lạng Sơn, ngày … tháng 3 năm 2023",
        "KẾ HOẠCH",
        "Thực hiện Tiểu dự án 1 Giảm nghèo về thông tin",
        "Căn cứ Thông tư số 06/2022/TT-BTTTT ngày 30/06/2022",
        "Căn cứ Công văn số 624/BTTTT-TTCS",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "2.1. Nâng cao năng lực cho cán bộ thông tin và truyền thông",
        "2.5. Hỗ trợ cung cấp dịch vụ thông tin công cộng",
        "88",
        "2.6. Sản xuất mới các xuất bản phẩm cung cấp nội dung thiết yếu",
        "Sở Lao động - Thương binh và Xã hội",
        "Nơi nhận",
        "Bộ Thông tin và Truyền thông;",
        "Lưu: VT, KGVX (HTHT).",
        "TM. ỦY BAN NHÂN DÂN",
        "PHÓ CHỦ TỊCH",
        "Dương Xuân Huyền",
    ]
    positions = [text.find(piece) for piece in expected_in_order]
    assert -1 not in positions, [p for p, at in zip(expected_in_order, positions, strict=True) if at < 0]
    assert positions == sorted(positions)


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the seed plans (../shared/seeds) are not on this machine")
def test_confirming_a_seed_already_entered_is_refused_and_writes_nothing(demo, client):
    client.force_login(User.objects.get(username="quanly"))
    before = (Plan.objects.count(), Unit.objects.count(), LegalDocument.objects.count())
    response = _confirm(client, "003")
    assert response.status_code == 200
    failure = response.context["failure"]
    assert failure.part == "Phần đầu kế hoạch"
    assert (Plan.objects.count(), Unit.objects.count(), LegalDocument.objects.count()) == before
