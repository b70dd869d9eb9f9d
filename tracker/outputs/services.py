"""Writes of output records: products that count towards an output by themselves.

Products that count towards an output by themselves (an article published on the campaign
site; an accepted register entry). The system that owns the product calls these with the
person who caused the change (the moderator who published, the editor who unpublished); no
quantity is typed by hand, so nothing is counted twice.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tracker.core.history import delete_tracked, save_tracked
from tracker.core.public_figures import public_figures_changed
from tracker.models import Area, OutputIndicator, OutputRecord, User


@transaction.atomic
def output_record_set(
    *,
    source: str,
    output_indicator: OutputIndicator,
    quantity: int,
    achieved_on: datetime.date,
    title: str,
    url: str,
    actor: User | None,
    area: Area | None = None,
    is_sample: bool = False,
) -> OutputRecord:
    """Create or update the record of `source`; a call with the same values writes nothing.
    `is_sample`: the product is made up for the demonstration (its figure is a sample one)."""
    if not output_indicator.is_counted_from_records:
        raise ValidationError(
            {
                "output_indicator": _(
                    "“%(output)s” is counted from progress reports; choose an output counted from records."
                )
                % {"output": output_indicator.name}
            }
        )
    values = {
        "output_indicator_id": output_indicator.pk,
        "quantity": quantity,
        "achieved_on": achieved_on,
        "title": title[:300],
        "url": url,
        "area_id": area.pk if area else None,
        "is_sample": is_sample,
    }
    record = OutputRecord.objects.select_for_update().filter(source=source).first()
    if record is None:
        public_figures_changed()  # the public home adds up the records' quantities
        return save_tracked(OutputRecord(source=source, **values), actor=actor)
    if all(getattr(record, field) == value for field, value in values.items()):
        return record
    for field, value in values.items():
        setattr(record, field, value)
    public_figures_changed()
    return save_tracked(record, actor=actor)


@transaction.atomic
def output_record_clear(*, source: str, actor: User | None) -> bool:
    """Remove the record of `source` (the product was withdrawn); False when there was none."""
    record = OutputRecord.objects.select_for_update().filter(source=source).first()
    if record is None:
        return False
    delete_tracked(record, actor=actor)
    public_figures_changed()
    return True
