"""The roles people have, as Groups created in code (migration 0002), never by hand."""

from django.utils.translation import gettext_lazy as _

DIC_MANAGER = "dic_manager"
UNIT_OFFICER = "unit_officer"
FINANCE_OFFICER = "finance_officer"
MONITOR = "monitor"
# The ministry: reads every province (read-only), with the national view's roll-ups.
NATIONAL_MONITOR = "national_monitor"
CMS_EDITOR = "cms_editor"
CMS_MODERATOR = "cms_moderator"

LABELS = {
    DIC_MANAGER: _("DIC manager"),
    UNIT_OFFICER: _("Unit officer"),
    FINANCE_OFFICER: _("Finance officer"),
    MONITOR: _("Monitor"),
    NATIONAL_MONITOR: _("National monitor (ministry)"),
    CMS_EDITOR: _("CMS editor"),
    CMS_MODERATOR: _("CMS moderator"),
}
ALL = tuple(LABELS)
# Roles that read the whole sub-project (of their province: tracker.core.permissions); unit
# officers see only their own unit's work. The national monitor reads every province.
PROVINCE_WIDE_READERS = (DIC_MANAGER, FINANCE_OFFICER, MONITOR, NATIONAL_MONITOR)
