"""What the tests of the one-form registers (information points, publications, smartphones)
share: reading a list page's rows and an Excel export back, and walking an entry through its
review as the users would, through the shared review views."""

from __future__ import annotations

import io
import re

from django.urls import reverse
from openpyxl import load_workbook

from tracker.models import OutputIndicator
from tracker.outputs.selectors import annotate_achieved


def listed_ids(response) -> list[int]:
    """The entries a list page shows, in its order (each row carries data-entry)."""
    return [int(pk) for pk in re.findall(r'<tr data-entry="(\d+)">', response.content.decode())]


def workbook_rows(response) -> tuple[list, list[list]]:
    """(header, rows) of a downloaded Excel file's first sheet."""
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    return values[0], values[1:]


def total(response, name: str) -> str:
    """A figure of the list's summary, as shown (`data-total`)."""
    found = re.search(rf'data-total="{name}">([^<]*)<', response.content.decode())
    assert found, f"no total {name}"
    return found.group(1)


def review(client, entry, *, officer, manager) -> None:
    """The officer submits the entry, a DIC manager accepts it, through the shared views."""
    client.force_login(officer)
    assert client.post(reverse("tracker:register_entry_submit", args=[entry.pk])).status_code == 302
    client.force_login(manager)
    assert client.post(reverse("tracker:register_entry_accept", args=[entry.pk])).status_code == 302


def achieved(*outputs: OutputIndicator) -> list[int]:
    by_pk = {
        o.pk: o.achieved for o in annotate_achieved(OutputIndicator.objects.filter(pk__in=[o.pk for o in outputs]))
    }
    return [by_pk[o.pk] for o in outputs]
