"""`manage.py move_private_files [--dry-run]`: move evidence and generated reports stored under
MEDIA_ROOT by earlier versions into the private storage, under random names with the extension
of their type (run once after upgrading; running it again moves nothing)."""

from __future__ import annotations

from django.core.files.storage import storages
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.core.files import private_storage, random_name
from tracker.models import Evidence, GeneratedReport, RegisterEvidence

# (model, file field, folder, how to find the extension)
PRIVATE_FIELDS = [
    (Evidence, "file", "evidence"),
    (RegisterEvidence, "file", "registers"),
    (GeneratedReport, "pdf", "generated_reports"),
    (GeneratedReport, "xlsx", "generated_reports"),
]


def _new_name(row, field_name: str, folder: str) -> str:
    if field_name in ("pdf", "xlsx"):
        return random_name(folder, extension=field_name)
    return random_name(folder, row.content_type)


class Command(BaseCommand):
    help = gettext_lazy("Move evidence and generated reports from MEDIA_ROOT into the private storage.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("Count them; move nothing."))

    def handle(self, *args, dry_run: bool, **options):
        public, private = storages["default"], private_storage()
        moved = missing = 0
        for model, field_name, folder in PRIVATE_FIELDS:
            for row in model._default_manager.exclude(**{field_name: ""}).iterator():
                name = getattr(row, field_name).name
                if private.exists(name):
                    continue
                if not public.exists(name):
                    missing += 1
                    self.stderr.write(_("Missing file: %(name)s") % {"name": name})
                    continue
                moved += 1
                if dry_run:
                    continue
                with public.open(name, "rb") as handle:
                    new_name = private.save(_new_name(row, field_name, folder), handle)
                model._default_manager.filter(pk=row.pk).update(**{field_name: new_name})
                public.delete(name)
        message = (
            _("%(moved)d files would be moved to the private storage (--dry-run); %(missing)d missing.")
            if dry_run
            else _("%(moved)d files moved to the private storage; %(missing)d missing.")
        )
        self.stdout.write(message % {"moved": moved, "missing": missing})
