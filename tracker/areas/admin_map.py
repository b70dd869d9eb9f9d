"""The official administrative map since 1/7/2025, loaded from the packages made for it.

- `vietnam-provinces` (GPL-3.0-or-later) ships the 34 provinces and 3,321 communes, wards and
  special zones with their codes (QĐ 19/2025/QĐ-TTg) and kinds;
- `vietnamadminunits` (MIT) ships the conversion of the communes before 1/7/2025 into the new
  ones (many-to-one, and one-to-many for the communes that were split).

Both are read as data files (not imported: the converter's code pulls in geodata libraries
the tracker does not need). The load is one transaction of bulk writes — a history row per
created or changed area, each with the actor and the reason naming the package — and
writes nothing when the database already holds the map (a second run changes nothing).

The areas that were in force before (the demo's provinces, districts and communes) are not
replaced: they end on 30/6/2025 and get succession rows to the new units they went into.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tracker.core.history import save_tracked
from tracker.models import Area, AreaSuccession, User

TWO_TIER_FROM = datetime.date(2025, 7, 1)
OLD_LEVEL_ENDS = TWO_TIER_FROM - datetime.timedelta(days=1)
# The National Assembly's resolution on the rearrangement of the provinces (12/6/2025); the
# provinces it forms work as such from 1/7/2025.
PROVINCE_DECISION = "202/2025/QH15"
MAP_SOURCE = "vietnam-provinces 2025.10.1"
CONVERTER_SOURCE = "vietnamadminunits 1.0.4 (converter_2025)"

KINDS = {
    "tỉnh": Area.Kind.PROVINCE,
    "thành phố trung ương": Area.Kind.CENTRAL_CITY,
    "xã": Area.Kind.COMMUNE,
    "phường": Area.Kind.WARD,
    "đặc khu": Area.Kind.SPECIAL_ZONE,
}
# Kind words as the converter writes them at the start of its keys.
KEY_PREFIXES = ("thanhpho", "thitran", "thixa", "phuong", "huyen", "quan", "tinh", "xa")


def admin_key(name: str) -> str:
    """A name as the converter keys it: no accents, no spaces, lower case ("Xã Đức Vân" → xaducvan)."""
    name = name.replace("Đ", "D").replace("đ", "d")
    name = "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]", "", name.lower())


def bare_key(name: str) -> str:
    """The key without its kind word, to compare names written with or without it."""
    key = admin_key(name)
    for prefix in KEY_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def _package_file(package: str, relative: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"The package {package} is not installed (see pyproject.toml).")
    return Path(next(iter(spec.submodule_search_locations))) / relative


@cache
def official_map() -> list[dict[str, Any]]:
    """The 34 provinces, each with its communes, as the package ships them."""
    return json.loads(_package_file("vietnam_provinces", "data/nested-divisions.json").read_text("utf-8"))


@cache
def conversion() -> tuple[dict[str, list[str]], dict[str, list[tuple[str, str, bool]]]]:
    """(new province key → old province keys, old "province_district_commune" key → new communes).

    Each new commune is (new province key, its code, whether it is the default one of a split).
    """
    data = json.loads(_package_file("vietnamadminunits", "data/converter_2025.json").read_text("utf-8"))
    parser = json.loads(_package_file("vietnamadminunits", "data/parser_from_2025.json").read_text("utf-8"))
    # Keys of communes whose names differ only by accents (Cẩm Giang, Cẩm Giàng) keep them.
    codes: dict[str, dict[str, Any]] = {}
    for table in ("DICT_PROVINCE_WARD_NO_ACCENTED", "DICT_PROVINCE_WARD_ACCENTED"):
        for province_key, wards in parser[table].items():
            codes.setdefault(province_key, {}).update(wards)
    old_to_new: dict[str, list[tuple[str, str, bool]]] = {}
    for province_key, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, olds in wards.items():
            for old in olds:
                old_to_new.setdefault(old, []).append((province_key, codes[province_key][ward_key]["wardCode"], True))
    for province_key, splits in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, wards in splits.items():
            for ward in wards:
                code = codes[province_key][ward["newWardKey"]]["wardCode"]
                old_to_new.setdefault(old, []).append((province_key, code, ward["isDefaultNewWard"]))
    return data["DICT_PROVINCE"], old_to_new


@cache
def former_names() -> dict[str, list[str]]:
    """ "province_district_oldcommune" key → the keys of the units of early 2025 that record it
    as a former name ("tinhthanhhoa_thanhphothanhhoa_phuonganhoach" → [".._phuonganhung"]).

    `vietnamadminunits` keeps, for each commune in force just before 1/7/2025, the names of the
    communes merged into it earlier (its `wardAlias`): the only machine-readable trace of the
    2019–2024 mergers. Read from its SQLite data file, not through its code.
    """
    path = _package_file("vietnamadminunits", "data/dataset.db")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT provinceKey, districtKey, wardKey, wardAlias FROM admin_units_legacy WHERE wardAlias IS NOT NULL"
        ).fetchall()
    finally:
        connection.close()
    found: dict[str, list[str]] = {}
    for province_key, district_key, ward_key, aliases in rows:
        for alias in json.loads(aliases):
            # Only the full keys (kind word and name): "tanson" alone could be any Tân Sơn.
            if alias.startswith(KEY_PREFIXES) and alias != ward_key:
                found.setdefault(f"{province_key}_{district_key}_{alias}", []).append(
                    f"{province_key}_{district_key}_{ward_key}"
                )
    return found


@cache
def legacy_names() -> dict[str, str]:
    """ "province_district_commune" key of a unit of early 2025 → its name ("Phường An Hưng")."""
    path = _package_file("vietnamadminunits", "data/dataset.db")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT provinceKey, districtKey, wardKey, ward FROM admin_units_legacy").fetchall()
    finally:
        connection.close()
    return {f"{province}_{district}_{ward}": name for province, district, ward, name in rows}


def province_name(row: dict[str, Any]) -> str:
    """ "Thái Nguyên" of type tỉnh is named "Tỉnh Thái Nguyên"; cities carry "Thành phố" already."""
    if row["division_type"] == "tỉnh" and not row["name"].startswith("Tỉnh "):
        return f"Tỉnh {row['name']}"
    return row["name"]


def selected_provinces(names: list[str] | None) -> list[dict[str, Any]]:
    """The package's provinces, or those named (with or without "Tỉnh"/"Thành phố", any accents)."""
    rows = official_map()
    if not names:
        return rows
    wanted = {bare_key(name) for name in names}
    chosen = [row for row in rows if bare_key(row["name"]) in wanted]
    found = {bare_key(row["name"]) for row in chosen}
    missing = [name for name in names if bare_key(name) not in found]
    if missing:
        raise ValueError(f"Not one of the 34 provinces: {', '.join(missing)}")
    return chosen


@dataclass
class MapLoad:
    created: int = 0
    updated: int = 0
    ended: int = 0
    successions: int = 0
    unmatched: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.ended or self.successions)


@transaction.atomic
def load_admin_map(*, provinces: list[str] | None = None, actor: User | None = None) -> MapLoad:
    """Load (or bring up to date) the provinces and communes in force since 1/7/2025, then end
    the older areas of those provinces with their successions."""
    result = MapLoad()
    chosen = selected_provinces(provinces)
    province_rows = _load_provinces(chosen, actor, result)
    new_communes = _load_communes(chosen, province_rows, actor, result)
    _end_older_areas(province_rows, new_communes, actor, result)
    return result


def _load_provinces(chosen: list[dict[str, Any]], actor: User | None, result: MapLoad) -> dict[str, Area]:
    """province code → the province's row: found by code, or adopted by name (the demo's
    "Tỉnh Thanh Hóa" gets its code), or created."""
    in_force = list(Area.objects.in_force(TWO_TIER_FROM).filter(level=Area.Level.PROVINCE))
    by_code = {area.code: area for area in in_force if area.code}
    by_name = {bare_key(area.name): area for area in in_force if not area.code}
    rows: dict[str, Area] = {}
    for row in chosen:
        code = f"{row['code']:02d}"
        values = {"name": province_name(row), "kind": KINDS[row["division_type"]]}
        area = by_code.get(code) or by_name.get(bare_key(row["name"]))
        if area is None:
            area = Area(level=Area.Level.PROVINCE, code=code, **values)
            save_tracked(area, actor=actor, reason=MAP_SOURCE)
            result.created += 1
        elif area.code != code or any(getattr(area, name) != value for name, value in values.items()):
            area.code = code
            for name, value in values.items():
                setattr(area, name, value)
            save_tracked(area, actor=actor, reason=MAP_SOURCE)
            result.updated += 1
        rows[code] = area
    return rows


def _load_communes(
    chosen: list[dict[str, Any]], province_rows: dict[str, Area], actor: User | None, result: MapLoad
) -> dict[str, Area]:
    """commune code → row, with the 3,321 (or one province's) written in bulk."""
    existing = {
        area.code: area
        for area in Area.objects.in_force(TWO_TIER_FROM).filter(level=Area.Level.COMMUNE).exclude(code="")
    }
    to_create: list[Area] = []
    to_update: list[Area] = []
    for row in chosen:
        province = province_rows[f"{row['code']:02d}"]
        for ward in row["wards"]:
            code = f"{ward['code']:05d}"
            values = {
                "name": ward["name"],
                "kind": KINDS[ward["division_type"]],
                "parent_id": province.pk,
                "valid_from": TWO_TIER_FROM,
            }
            area = existing.get(code)
            if area is None:
                area = Area(level=Area.Level.COMMUNE, code=code, **values)
                to_create.append(area)
                existing[code] = area
            elif any(getattr(area, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(area, name, value)
                to_update.append(area)
    if to_create:
        bulk_create_with_history(to_create, Area, batch_size=500, default_user=actor, default_change_reason=MAP_SOURCE)
        # SQLite and PostgreSQL both return the new keys from bulk_create, but read them back
        # by code so the successions below work on any backend.
        created = {
            area.code: area
            for area in Area.objects.in_force(TWO_TIER_FROM).filter(code__in=[a.code for a in to_create])
        }
        existing.update(created)
        result.created += len(to_create)
    if to_update:
        bulk_update_with_history(
            to_update,
            Area,
            ["name", "kind", "parent_id", "valid_from"],
            batch_size=500,
            default_user=actor,
            default_change_reason=MAP_SOURCE,
        )
        result.updated += len(to_update)
    return existing


def _end_older_areas(
    province_rows: dict[str, Area], new_communes: dict[str, Area], actor: User | None, result: MapLoad
) -> None:
    """End the provinces merged away, the districts and the old communes of the loaded
    provinces on 30/6/2025, with a succession row to where each went."""
    province_map, old_to_new = conversion()
    loaded_ids = {area.pk for area in province_rows.values()} | {area.pk for area in new_communes.values()}
    new_province_by_key = {admin_key(area.name): area for area in province_rows.values()}

    # Old provinces absorbed by a loaded one (Tỉnh Bắc Kạn → Tỉnh Thái Nguyên).
    old_provinces: dict[int, tuple[Area, str]] = {}  # pk → (row, its converter key)
    for area in Area.objects.in_force(OLD_LEVEL_ENDS).filter(level=Area.Level.PROVINCE):
        key = admin_key(area.name)
        if area.pk in loaded_ids:
            old_provinces[area.pk] = (area, key)
            continue
        for new_key, old_keys in province_map.items():
            successor = new_province_by_key.get(new_key)
            if successor is not None and key in old_keys:
                old_provinces[area.pk] = (area, key)
                _end(area, actor, result)
                _succeed(area, successor, actor, result, decision=PROVINCE_DECISION, note="")
    # A province renamed earlier (Tỉnh Thừa Thiên Huế → Thành phố Huế on 1/1/2025) is keyed
    # as its successor is: the converter's "before" list is that of early 2025.
    renamed = AreaSuccession.objects.filter(
        successor__in=province_rows.values(), predecessor__level=Area.Level.PROVINCE
    ).select_related("predecessor", "successor")
    for succession in renamed:
        old_provinces.setdefault(
            succession.predecessor_id, (succession.predecessor, admin_key(succession.successor.name))
        )
    if not old_provinces:
        return

    # Districts of those provinces: the level was abolished on 1/7/2025.
    districts = list(
        Area.objects.in_force(OLD_LEVEL_ENDS)
        .filter(level=Area.Level.DISTRICT, parent_id__in=old_provinces)
        .select_related("parent")
    )
    district_ids = {district.pk for district in districts}
    old_communes = (
        Area.objects.in_force(OLD_LEVEL_ENDS)
        .filter(level=Area.Level.COMMUNE, parent_id__in=district_ids | set(old_provinces))
        .exclude(pk__in=loaded_ids)
        .select_related("parent")
    )
    by_code = {area.code: area for area in new_communes.values()}
    for commune in old_communes:
        targets = _new_communes_of(commune, old_provinces, old_to_new)
        if targets is None:
            result.unmatched.append(f"{commune.name} ({commune.parent.name})")
            continue
        targets_found = [(by_code.get(code), is_default, note) for code, is_default, note in targets]
        if any(area is None for area, _, _ in targets_found):
            result.unmatched.append(f"{commune.name} ({commune.parent.name})")
            continue
        _end(commune, actor, result)
        split = len(targets_found) > 1
        for successor, is_default, note in targets_found:
            if split and is_default:
                note = " ".join(filter(None, [note, "Phần chính (theo dữ liệu chuyển đổi)."]))
            _succeed(commune, successor, actor, result, decision="", note=note)
    for district in districts:
        _end(district, actor, result)


def _new_communes_of(
    commune: Area, old_provinces: dict[int, tuple[Area, str]], old_to_new: dict[str, list[tuple[str, str, bool]]]
) -> list[tuple[str, bool, str]] | None:
    """The new communes (code, default of a split, note) an old commune went into, or None."""
    district = commune.parent if commune.parent.level == Area.Level.DISTRICT else None
    province_key = old_provinces[(district.parent_id if district else commune.parent_id)][1]
    district_key = admin_key(district.name) if district else ""
    key = f"{province_key}_{district_key}_{admin_key(commune.name)}"
    if key in old_to_new:
        return [(code, default, "") for _, code, default in old_to_new[key]]
    # A commune later made a ward under the same name (xã Đông Lĩnh → phường Đông Lĩnh, before
    # 2025): the converter knows the ward; the conversion itself is not recorded here.
    for prefix in ("phuong", "xa", "thitran"):
        other = f"{province_key}_{district_key}_{prefix}{bare_key(commune.name)}"
        if other != key and other in old_to_new:
            note = "Qua đơn vị cùng tên đã đổi loại trước năm 2025 (việc đổi loại chưa được ghi)."
            return [(code, default, note) for _, code, default in old_to_new[other]]
    # A commune merged into another before 2025 (phường An Hoạch and xã Đông Hưng → phường An
    # Hưng): the unit of early 2025 that records its name as a former one, in the same district
    # and province, and from there the converter. Only a single such unit counts: two would
    # be a guess. Its date and decision are not in the data, so they are not recorded.
    merged_into = former_names().get(key, [])
    if len(merged_into) == 1 and merged_into[0] in old_to_new:
        via = legacy_names().get(merged_into[0], merged_into[0])
        note = (
            f"Qua {via}: dữ liệu chuyển đổi ghi {commune.name} là tên cũ của đơn vị này "
            "(ngày và văn bản sáp nhập trước năm 2025 chưa được ghi)."
        )
        return [(code, default, note) for _, code, default in old_to_new[merged_into[0]]]
    return None


def _end(area: Area, actor: User | None, result: MapLoad) -> None:
    if area.valid_to is None:
        area.valid_to = OLD_LEVEL_ENDS
        save_tracked(area, actor=actor, reason=MAP_SOURCE)
        result.ended += 1


def _succeed(area: Area, successor: Area, actor: User | None, result: MapLoad, *, decision: str, note: str) -> None:
    if AreaSuccession.objects.filter(predecessor=area, successor=successor).exists():
        return
    succession = AreaSuccession(
        predecessor=area,
        successor=successor,
        took_over_on=TWO_TIER_FROM,
        decision=decision,
        note=" ".join(filter(None, [note, f"Nguồn: {CONVERTER_SOURCE}."])),
    )
    save_tracked(succession, actor=actor, reason=CONVERTER_SOURCE)
    result.successions += 1
