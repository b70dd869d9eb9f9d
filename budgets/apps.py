from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    """Funding sources, estimates, allocations, disbursements and donations (imports tracker)."""

    name = "budgets"
    verbose_name = _("Budgets")

    def ready(self) -> None:
        # The tracker shows money only through what is registered here (it imports nothing
        # of budgets): the dashboard's and the reports' figures, the cards of its pages, the menu.
        from budgets import extensions as budgets_extensions
        from budgets import reporting, tasks
        from tracker.core import extensions

        extensions.register_dashboard_money(extensions.DashboardMoney(figures=budgets_extensions.dashboard_money))
        extensions.register_report_budget(extensions.ReportBudget(rows=reporting.budget_by_source))
        extensions.register_money_by_plan(extensions.MoneyByPlan(totals=reporting.money_by_plan))
        extensions.register_panel(
            extensions.PLAN_PAGE,
            extensions.Panel("budget", budgets_extensions.BUDGET_CARD, budgets_extensions.plan_budget_context),
        )
        extensions.register_panel(
            extensions.ACTIVITY_PAGE,
            extensions.Panel("budget", budgets_extensions.BUDGET_CARD, budgets_extensions.activity_budget_context),
        )
        extensions.register_panel(
            extensions.SMARTPHONE_HANDOVER_PAGE,
            extensions.Panel(
                "donations", budgets_extensions.HANDOVER_DONATIONS, budgets_extensions.handover_donations_context
            ),
        )
        extensions.register_panel(
            extensions.AREA_FIGURES,
            extensions.Panel("donations", budgets_extensions.AREA_DONATIONS, budgets_extensions.area_donations_context),
        )
        # The national benchmark's allocations and disbursements, and the budget pages it measures.
        from budgets import benchmark

        extensions.register_benchmark_part(
            extensions.BenchmarkPart("budgets", build=benchmark.build, pages=benchmark.pages)
        )
        # The tracker's sweeper also looks after the Excel imports whose worker died.
        extensions.register_job_kind(tasks.IMPORT_JOBS)
        extensions.register_nav_link(
            extensions.NAV_WORK,
            extensions.NavLink(
                "budgets",
                _("Budgets"),
                "budgets:execution",
                visible=budgets_extensions.can_see_budget_link,
                css_class="nav-budgets",
            ),
        )
