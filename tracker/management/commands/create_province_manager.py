"""`manage.py create_province_manager --province NAME --unit NAME --email … --first-name …
--last-name …`: the first DIC manager of a province, without a superuser.

Whoever installs the tracker for a province runs it once (after `load_admin_map`): it places
the DIC in the province (reused when a unit of that name is already there), makes the
manager's account (neither staff nor superuser) and e-mails them a one-time link to set their
password; the link is printed too, for an installation whose mail is not set up yet. The
manager then creates the province's units, people, documents and plans in the tracker.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tracker.areas.admin_map import bare_key
from tracker.models import Area
from tracker.people import services


class Command(BaseCommand):
    help = "Create a province's first DIC manager (and the DIC unit) and e-mail them a link to set a password."

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help='The province in force, e.g. "Tuyên Quang".')
        parser.add_argument("--unit", required=True, help='The DIC, e.g. "Sở Khoa học và Công nghệ tỉnh Tuyên Quang".')
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", required=True, help="Given name (tên), e.g. An.")
        parser.add_argument("--last-name", required=True, help="Family and middle names (họ và tên đệm).")
        parser.add_argument("--username", default="", help="Defaults to the e-mail address's local part.")
        parser.add_argument("--base-url", default=settings.SITE_URL, help="The tracker's address for the link.")

    def handle(self, *args, province, unit, email, first_name, last_name, username, base_url, **options):
        wanted = bare_key(province)
        matches = [
            area for area in Area.objects.in_force().filter(level=Area.Level.PROVINCE) if bare_key(area.name) == wanted
        ]
        if len(matches) != 1:
            raise CommandError(f"No single province in force is named {province!r} (run load_admin_map first?).")
        try:
            user, link = services.province_manager_create(
                province=matches[0],
                unit_name=unit,
                first_name=first_name,
                last_name=last_name,
                email=email,
                username=username,
                base_url=base_url,
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"{user.username} ({user.unit}) is a DIC manager of {matches[0].name}."))
        self.stdout.write(f"One-time link to set the password: {link}")
        try:
            services.invitation_mail(user=user, inviter=None, base_url=base_url)
        except OSError as error:  # SMTP not reachable: the account stands, the link above works
            self.stderr.write(f"The invitation could not be e-mailed ({error}); hand over the link above.")
        else:
            self.stdout.write(f"The invitation was e-mailed to {user.email}.")
