"""The catalogue of Tiểu dự án 1's contents and their output indicators from Thông tư
06/2022/TT-BTTTT (`data/tt06_2022_subproject_1.json`), loaded as the province's indicator list
(the self-service pages at /tracker/indicators/).

Idempotent: an indicator is found by its code; a new one is created, one whose name, unit or
description differs from the file is brought back to it, an unchanged one is not written
again. Every write goes through `tracker.documents.services.indicator_save`, so the history
names who loaded it. An indicator the DIC ended (`valid_to`) stays ended.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from tracker.documents.services import indicator_save
from tracker.models import ActivityType, Indicator, User

CATALOGUE = Path(__file__).resolve().parent / "data" / "tt06_2022_subproject_1.json"
# Catalogue indicators come after the ones a province entered itself.
FIRST_ORDER = 100


@dataclass
class CatalogueResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    missing_content_types: list[str] = field(default_factory=list)


def read_catalogue(path: Path = CATALOGUE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _description(content: dict, source: str) -> str:
    return f"Nội dung: {content['content']}. Nguồn: {source}."


@transaction.atomic
def load_catalogue(*, actor: User | None, path: Path = CATALOGUE) -> CatalogueResult:
    """Create or update the catalogue's indicators (1 query per indicator, plus its write)."""
    catalogue = read_catalogue(path)
    result = CatalogueResult()
    known_types = set(ActivityType.objects.values_list("code", flat=True))
    order = FIRST_ORDER
    for content in catalogue["contents"]:
        if content["code"] not in known_types:
            result.missing_content_types.append(content["code"])
        for entry in content["indicators"]:
            order += 1
            wanted = {
                "name": entry["name"],
                "unit_of_measure": entry["unit_of_measure"],
                "description": _description(content, catalogue["source"]),
                "role": Indicator.Role.TARGET,
            }
            indicator = Indicator.objects.filter(code=entry["code"]).first()
            if indicator is None:
                indicator_save(indicator=Indicator(code=entry["code"], order=order, **wanted), actor=actor)
                result.created.append(entry["code"])
            elif any(getattr(indicator, name) != value for name, value in wanted.items()):
                for name, value in wanted.items():
                    setattr(indicator, name, value)
                indicator_save(indicator=indicator, actor=actor)
                result.updated.append(entry["code"])
            else:
                result.unchanged.append(entry["code"])
    return result
