"""Demo data only where it belongs: the demo loaders refuse to run when DEBUG is off, unless
asked on purpose (`--allow-without-debug`, for a training server), and outside DEBUG the demo
logins never get the known password `demo` (tracker.demo.users)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FLAG = "--allow-without-debug"
FLAG_HELP = gettext_lazy(
    "Load the demo data although DEBUG is off (a training server). The demo logins then get a "
    "random password, printed once, never the known one."
)


def add_flag(parser) -> None:
    parser.add_argument(FLAG, action="store_true", dest="allow_without_debug", help=FLAG_HELP)


def refuse_without_debug(options: dict) -> None:
    """CommandError unless this is a development installation (DEMO_DATA_ALLOWED, which is
    DEBUG) or the operator passed the flag."""
    if settings.DEMO_DATA_ALLOWED or options.get("allow_without_debug"):
        return
    raise CommandError(
        _(
            "Demo data is for development and training only, and DEBUG is off here: nothing was loaded. "
            "To load it on a training server on purpose, run the command again with %(flag)s "
            "(the demo logins then get a random password, printed once)."
        )
        % {"flag": FLAG}
    )
