from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    """Funding sources, estimates, allocations, disbursements and donations (imports tracker)."""

    name = "budgets"
    verbose_name = _("Budgets")
