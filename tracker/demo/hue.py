"""Thừa Thiên Huế: the province and the organisations seeds 000 and 003 both name."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.models import Area, Unit

from .base import Ctx, area, committee, group, unit


@dataclass
class Hue:
    province: Area
    ubnd: Unit
    dic: Unit
    labour: Unit
    finance: Unit
    planning: Unit
    finance_and_planning: Unit
    departments: Unit
    districts: Unit
    front: Unit
    telecoms: Unit
    radio_tv: Unit
    newspaper: Unit
    press: Unit
    media_centres: Unit


def load_hue(ctx: Ctx) -> Hue:
    kind = Unit.Kind
    # Area code left blank: the seeds give none (truth rule).
    province = area(ctx, "Tỉnh Thừa Thiên Huế", Area.Level.PROVINCE)
    ubnd = committee(ctx, province)

    def department(name: str, short_name: str = "") -> Unit:
        return unit(ctx, name, kind.DEPARTMENT, area=province, parent=ubnd, short_name=short_name)

    dic = department("Sở Thông tin và Truyền thông tỉnh Thừa Thiên Huế", "Sở TT&TT")
    labour = department("Sở Lao động - Thương binh và Xã hội tỉnh Thừa Thiên Huế", "Sở LĐ-TB&XH")
    finance = department("Sở Tài chính tỉnh Thừa Thiên Huế")
    planning = department("Sở Kế hoạch và Đầu tư tỉnh Thừa Thiên Huế", "Sở KH&ĐT")
    # Seed 000 IV.3 gives Sở Tài chính and Sở KH&ĐT one joint paragraph, and a duty has one
    # unit: a group holding both keeps the plan's wording and lets either department see it.
    # Seed 003 V.2 names Sở Tài chính alone and uses the department itself.
    finance_and_planning = group(
        ctx,
        "Sở Tài chính, Sở Kế hoạch và Đầu tư tỉnh Thừa Thiên Huế",
        kind.DEPARTMENT,
        members=[finance, planning],
        area=province,
    )
    # The collectives below are named but not enumerated by the plans: no members invented.
    departments = group(ctx, "Các sở, ban, ngành liên quan tỉnh Thừa Thiên Huế", kind.DEPARTMENT, area=province)
    districts = group(ctx, "UBND các huyện, thị xã và thành phố Huế", kind.PEOPLES_COMMITTEE, area=province)
    front_committee = unit(
        ctx, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thừa Thiên Huế", kind.MASS_ORGANISATION, area=province
    )
    front = group(
        ctx,
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh Thừa Thiên Huế",
        kind.MASS_ORGANISATION,
        members=[front_committee],
        area=province,
    )
    telecoms = group(ctx, "Các doanh nghiệp viễn thông trên địa bàn tỉnh Thừa Thiên Huế", kind.TELECOM, area=province)
    radio_tv = unit(
        ctx,
        "Đài Phát thanh và Truyền hình tỉnh Thừa Thiên Huế",
        kind.RADIO_TV,
        area=province,
        parent=ubnd,
        short_name="Đài PT-TH tỉnh",
    )
    # The provincial newspaper is an organ of the provincial Party committee, not of the UBND.
    newspaper = unit(ctx, "Báo Thừa Thiên Huế", kind.NEWSPAPER, area=province)
    # Both seeds give the radio-TV station and the newspaper one joint paragraph of duties.
    press = group(
        ctx,
        "Đài Phát thanh và Truyền hình tỉnh, Báo Thừa Thiên Huế",
        kind.OTHER,
        members=[radio_tv, newspaper],
        area=province,
    )
    media_centres = group(
        ctx,
        "Trung tâm Văn hóa Thông tin và Truyền thông các huyện, thị xã, thành phố Huế",
        kind.MEDIA_CENTRE,
        area=province,
    )
    return Hue(
        province,
        ubnd,
        dic,
        labour,
        finance,
        planning,
        finance_and_planning,
        departments,
        districts,
        front,
        telecoms,
        radio_tv,
        newspaper,
        press,
        media_centres,
    )
