"""2025 as it happened to the demo's provinces and departments, from the official sources only.

Recorded (each with its decision):
- Tỉnh Thừa Thiên Huế became Thành phố Huế, a centrally-run city, on 1/1/2025 (NQ
  175/2024/QH15, as cited in the project's DOMAIN.md);
- the provincial Sở Thông tin và Truyền thông's tasks passed to the Sở Khoa học và Công nghệ
  on 1/3/2025 (Lạng Sơn's is in seed_004; Huế's and Bắc Kạn's here);
- Tỉnh Bắc Kạn merged into Tỉnh Thái Nguyên (NQ 202/2025/QH15 of 12/6/2025; the merged
  province's authorities work from 1/7/2025), and with it the Sở Khoa học và Công nghệ.

Not recorded, for want of a source in this session: the official codes before 2025, the dates
and decisions of the 2019–2024 mergers of six of seed 002's communes (`load_admin_map` links
them through the units that record their former names), the fate of the district-level offices
of seed 002 (Phòng Văn hóa Thông tin thành phố Thanh Hóa …) after 1/7/2025. The districts and
the communes themselves are ended, with their successors, by `manage.py load_admin_map`.
"""

from __future__ import annotations

import datetime

from tracker.core import history as core_history
from tracker.models import Area, AreaSuccession, Unit

from .base import Ctx, D, area, unit

ONE_DAY = datetime.timedelta(days=1)
HUE_CITY_FROM = D(2025, 1, 1)
DIC_MERGED_ON = D(2025, 3, 1)
PROVINCES_MERGED_ON = D(2025, 7, 1)


def _succession(ctx: Ctx, predecessor: Area, successor: Area, took_over_on, decision: str) -> None:
    core_history.upsert(
        AreaSuccession,
        lookup={"predecessor": predecessor, "successor": successor},
        values={"took_over_on": took_over_on, "decision": decision},
        actor=ctx.actor,
    )


def _ended(ctx: Ctx, obj, **values) -> None:
    for field, value in values.items():
        setattr(obj, field, value)
    core_history.save_tracked(obj, actor=ctx.actor, reason="2025")


def load(ctx: Ctx) -> None:
    kind = Unit.Kind
    # Huế: the province ends on 31/12/2024, the centrally-run city takes over.
    old_hue = Area.objects.get(name="Tỉnh Thừa Thiên Huế", level=Area.Level.PROVINCE)
    hue = area(ctx, "Thành phố Huế", Area.Level.PROVINCE, kind=Area.Kind.CENTRAL_CITY, valid_from=HUE_CITY_FROM)
    if old_hue.valid_to is None:
        _ended(ctx, old_hue, valid_to=HUE_CITY_FROM - ONE_DAY)
    _succession(ctx, old_hue, hue, HUE_CITY_FROM, "175/2024/QH15")

    hue_science = unit(
        ctx,
        "Sở Khoa học và Công nghệ thành phố Huế",
        kind.DEPARTMENT,
        area=hue,
        short_name="Sở KH&CN",
        valid_from=DIC_MERGED_ON,
    )
    hue_dic = Unit.objects.get(name="Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế")
    if hue_dic.valid_to is None:
        _ended(ctx, hue_dic, valid_to=DIC_MERGED_ON - ONE_DAY, successor=hue_science)

    # Bắc Kạn: the DIC's tasks to the Sở KH&CN on 1/3/2025, the province into Thái Nguyên on 1/7/2025.
    bac_kan = Area.objects.get(name="Tỉnh Bắc Kạn", level=Area.Level.PROVINCE)
    thai_nguyen = area(ctx, "Tỉnh Thái Nguyên", Area.Level.PROVINCE, kind=Area.Kind.PROVINCE)
    if bac_kan.valid_to is None:
        _ended(ctx, bac_kan, valid_to=PROVINCES_MERGED_ON - ONE_DAY)
    _succession(ctx, bac_kan, thai_nguyen, PROVINCES_MERGED_ON, "202/2025/QH15")
    thai_nguyen_science = unit(
        ctx, "Sở Khoa học và Công nghệ tỉnh Thái Nguyên", kind.DEPARTMENT, area=thai_nguyen, short_name="Sở KH&CN"
    )
    bac_kan_science = unit(
        ctx, "Sở Khoa học và Công nghệ tỉnh Bắc Kạn", kind.DEPARTMENT, area=bac_kan, short_name="Sở KH&CN"
    )
    if bac_kan_science.valid_to is None:
        _ended(ctx, bac_kan_science, valid_to=PROVINCES_MERGED_ON - ONE_DAY, successor=thai_nguyen_science)
    bac_kan_dic = Unit.objects.get(name="Sở Thông tin và Truyền thông tỉnh Bắc Kạn")
    if bac_kan_dic.valid_to is None:
        _ended(ctx, bac_kan_dic, valid_to=DIC_MERGED_ON - ONE_DAY, successor=bac_kan_science)
