"""`manage.py import_plan FILE [--dry-run] [--json OUT]`: the draft plan a document proposes, as JSON.

The same engine as the import page (`tracker.intake`): the file's text is read (Word, PDF,
scan by OCR, or plain text), parsed into a draft and matched to the units and legal
documents the tracker holds. Dates are YYYY-MM-DD and money whole đồng.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.intake import extract, resolve
from tracker.intake.parser import parse_text


class Command(BaseCommand):
    help = gettext_lazy("Read a plan document (.docx, .pdf, scan, .txt) and print the proposed draft plan as JSON.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("The plan document."))
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("Only print the draft; write nothing."))
        parser.add_argument("--json", metavar="OUT", help=gettext_lazy("Write the JSON to this file instead."))

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})

        def progress(page: int, pages: int) -> None:
            sys.stderr.write(_("OCR: page %(page)d of %(pages)d…") % {"page": page, "pages": pages} + "\n")

        try:
            extracted = extract.extract(path.read_bytes(), path.name, progress=progress)
        except extract.ExtractError as error:
            raise CommandError(str(error)) from error
        draft = parse_text(extracted.text)
        data = draft.to_json_dict()
        data["read_as"] = extracted.method
        data["matches"] = resolve.matches(draft)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if options["json"]:
            Path(options["json"]).write_text(text + "\n", encoding="utf-8")
            self.stderr.write(_("Draft written to %(path)s") % {"path": options["json"]})
        else:
            self.stdout.write(text)
