"""The budgets pages, one module per part so each stays short (as tracker/web_urls.py)."""

from budgets.views.donation_report import urlpatterns as donation_report_urls
from budgets.views.donations import urlpatterns as donation_urls
from budgets.views.estimates import urlpatterns as estimate_urls
from budgets.views.excel import urlpatterns as excel_urls
from budgets.views.execution import urlpatterns as execution_urls
from budgets.views.ledger import urlpatterns as ledger_urls

app_name = "budgets"
urlpatterns = [*execution_urls, *estimate_urls, *ledger_urls, *donation_urls, *donation_report_urls, *excel_urls]
