"""The monthly report of donations received and passed on, on the page and as an Excel file.

Thin views: who may open it is `budgets.permissions.can_see_budgets` (403 otherwise); what
they see is decided by `budgets.donation_report` from `permissions.donations_visible_to`;
a plan the user has no donation of answers 404.
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_safe
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from budgets import donation_report as selectors
from budgets.permissions import can_see_budgets
from tracker.core.spreadsheets import XLSX_CONTENT_TYPE, new_workbook
from tracker.core.spreadsheets import workbook_bytes as safe_workbook_bytes
from tracker.models import Plan
from tracker.work.selectors import plan_label

_MONTH = re.compile(r"^\s*(?:(\d{4})-(\d{1,2})|(\d{1,2})/(\d{4}))\s*$")
XLSX = XLSX_CONTENT_TYPE


def parse_month(text: str) -> datetime.date:
    """``2023-10`` (what the month picker sends) or ``10/2023`` → 1 October 2023."""
    match = _MONTH.match(text or "")
    if not match:
        raise ValueError(text)
    year, month = (match[1], match[2]) if match[1] else (match[4], match[3])
    return datetime.date(int(year), int(month), 1)


class MonthInput(forms.TextInput):
    input_type = "month"


class ReportForm(forms.Form):
    month = forms.CharField(
        label=gettext_lazy("Month"),
        required=False,
        max_length=20,
        widget=MonthInput(attrs={"placeholder": "2023-10"}),
        help_text=gettext_lazy("E.g. 2023-10 or 10/2023."),
    )
    plan = forms.TypedChoiceField(label=gettext_lazy("Plan"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, plans: list[Plan]):
        super().__init__(data)
        self.fields["plan"].choices = [("", _("All plans")), *((plan.pk, plan_label(plan)) for plan in plans)]

    def clean_month(self) -> datetime.date | None:
        text = self.cleaned_data["month"]
        if not text:
            return None
        try:
            month = parse_month(text)
        except ValueError:
            raise ValidationError(_("Give a month as 2023-10 or 10/2023."), code="invalid") from None
        if not 2000 <= month.year <= 2100:
            raise ValidationError(_("Give a month as 2023-10 or 10/2023."), code="invalid")
        return month


def _report(request: HttpRequest) -> tuple[selectors.DonationReport, ReportForm, list[Plan]]:
    user = request.user
    if not can_see_budgets(user):
        raise PermissionDenied
    plans = selectors.report_plans(user)
    plan = None
    raw_plan = request.GET.get("plan", "").strip()
    if raw_plan:
        by_pk = {str(plan.pk): plan for plan in plans}
        if raw_plan not in by_pk:
            raise Http404
        plan = by_pk[raw_plan]
    form = ReportForm(request.GET, plans=plans)
    month = None
    if form.is_valid():
        month = form.cleaned_data["month"]
    month = month or selectors.default_month(timezone.localdate())
    report = selectors.donation_report(user, month=month, plan=plan)
    if not form.errors:
        # Show the month actually reported on (the default when none was asked for).
        form = ReportForm({"month": f"{month:%Y-%m}", "plan": plan.pk if plan else ""}, plans=plans)
        form.is_valid()
    return report, form, plans


def _query(month: datetime.date, plan: Plan | None) -> str:
    return f"?month={month:%Y-%m}" + (f"&plan={plan.pk}" if plan else "")


@login_required
@require_safe
def donation_report(request: HttpRequest) -> HttpResponse:
    report, form, _plans = _report(request)
    return render(
        request,
        "budgets/donation_report/report.html",
        {
            "report": report,
            "form": form,
            "query": _query(report.month, report.plan),
            "previous_query": _query(report.previous_month, report.plan),
            "next_query": _query(report.next_month, report.plan),
            "months": selectors.months_with_entries(request.user, report.plan),
            "whole": report.unit is None,
        },
    )


# --- Excel: the page's figures, section by section, on one sheet ------------------------------

MONEY = '#,##0" đ"'
WHOLE = "#,##0"
DATE = "DD/MM/YYYY"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="EEF1F4")


class _Sheet:
    """Writes rows top to bottom; money, quantities and dates get their number formats."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 1

    def line(self, *values, bold: bool = False, formats: tuple = (), size: int | None = None) -> None:
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = self.sheet.cell(row=self.row, column=column, value=value)
            if bold or size:
                cell.font = Font(bold=bold, size=size)
            if column <= len(formats) and formats[column - 1]:
                cell.number_format = formats[column - 1]
        self.row += 1

    def header(self, *titles: str) -> None:
        for column, title in enumerate(titles, start=1):
            cell = self.sheet.cell(row=self.row, column=column, value=title)
            cell.font, cell.fill = BOLD, HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        self.row += 1

    def section(self, title: str) -> None:
        self.row += 1
        self.line(title, bold=True, size=12)


def _q(amounts: selectors.Amounts) -> int | None:
    return amounts.quantity


def _groups(out: _Sheet, title: str, heading: str, groups, month_total: int, to_date_total: int) -> None:
    out.section(title)
    out.header(
        heading,
        _("Form of support"),
        _("Quantity in the month"),
        _("Value in the month"),
        _("Quantity to the end of the month"),
        _("Value to the end of the month"),
    )
    figures = ("", "", WHOLE, MONEY, WHOLE, MONEY)
    for group in groups:
        label = f"{group.label} ({group.note})" if group.note else group.label
        for row in group.rows:
            out.line(
                label, row.label, _q(row.month), row.month.amount, _q(row.to_date), row.to_date.amount, formats=figures
            )
    out.line(_("Total value"), "", None, month_total, None, to_date_total, bold=True, formats=figures)


def workbook_bytes(report: selectors.DonationReport) -> bytes:
    """The report as an .xlsx file: the same figures as the page, with totals."""
    book = new_workbook()
    sheet = book.active
    sheet.title = f"{report.month:%m-%Y}"
    out = _Sheet(sheet)
    totals = report.totals
    out.line(
        _("Donations received and passed on, month %(month)s") % {"month": f"{report.month:%m/%Y}"}, bold=True, size=14
    )
    whose = (
        _("The whole province")
        if report.unit is None
        else _("What %(unit)s received, passed on and was passed") % {"unit": report.unit.name}
    )
    out.line(_("Whose figures"), whose)
    out.line(_("Plan"), str(report.plan) if report.plan else _("All plans"))
    out.line(_("Month"), report.month, report.end, formats=("", DATE, DATE))
    for due in report.dues:
        out.line(_("Report due"), due.date, f"{due.rule.title} ({due.rule.wording})", formats=("", DATE))
    if report.has_sample:
        out.line(_("Sample data: donors, quantities and values made up for the demonstration, not official figures."))

    out.section(_("Summary"))
    out.header(
        _("Form of support"),
        _("Quantity received in the month"),
        _("Value received in the month"),
        _("Quantity received to date"),
        _("Value received to date"),
        _("Quantity passed on in the month"),
        _("Value passed on in the month"),
        _("Quantity passed on to date"),
        _("Value passed on to date"),
        _("Quantity on hand at the end of the month"),
        _("Value on hand at the end of the month"),
    )
    figures = ("", *(WHOLE, MONEY) * 5)
    for row in report.summary:
        out.line(
            row.label,
            _q(row.received.month),
            row.received.month.amount,
            _q(row.received.to_date),
            row.received.to_date.amount,
            _q(row.passed.month),
            row.passed.month.amount,
            _q(row.passed.to_date),
            row.passed.to_date.amount,
            _q(row.on_hand),
            row.on_hand.amount,
            formats=figures,
        )
    out.line(
        _("Total value"),
        None,
        totals["received_month"],
        None,
        totals["received_to_date"],
        None,
        totals["passed_month"],
        None,
        totals["passed_to_date"],
        None,
        totals["on_hand"],
        bold=True,
        formats=figures,
    )

    received = (totals["received_month"], totals["received_to_date"])
    _groups(out, _("Received, by donor kind"), _("Donor kind"), report.by_donor_kind, *received)
    _groups(out, _("Received, by receiving unit"), _("Received by"), report.by_receiving_unit, *received)
    passed = (totals["passed_month"], totals["passed_to_date"])
    _groups(out, _("Passed on, by recipient"), _("Recipient"), report.by_recipient, *passed)
    if report.incoming:
        incoming = [selectors.Group(_("Other units"), report.incoming)]
        totals_in = (totals["incoming_month"], totals["incoming_to_date"])
        _groups(out, _("Passed to this unit by other units"), _("From"), incoming, *totals_in)

    out.section(_("On hand on %(end)s") % {"end": f"{report.end:%d/%m/%Y}"})
    out.header(_("Held by"), _("Form of support"), _("Quantity on hand"), _("Value on hand"))
    for holding in report.holdings:
        for label, amounts in holding.rows:
            out.line(holding.label, label, amounts.quantity, amounts.amount, formats=("", "", WHOLE, MONEY))
    out.line(_("Total value"), "", None, totals["holdings"], bold=True, formats=("", "", "", MONEY))

    out.section(_("Received in the month"))
    out.header(
        pgettext("day of a receipt or transfer", "Date"),
        _("Receipt number"),
        _("Donor"),
        _("Donor kind"),
        _("Received by"),
        _("Form of support"),
        _("Quantity"),
        _("Unit value"),
        _("Value"),
    )
    line_formats = (DATE, "", "", "", "", "", WHOLE, MONEY, MONEY)
    for donation in report.receipts:
        out.line(
            donation.received_on,
            donation.receipt_number,
            donation.donor,
            donation.get_donor_kind_display(),
            donation.received_by.name,
            _("Cash") if donation.kind == "cash" else donation.item,
            donation.quantity,
            donation.unit_value,
            donation.amount,
            formats=line_formats,
        )
    out.line(_("Total value"), *[""] * 7, totals["received_month"], bold=True, formats=line_formats)

    transfer_lists = [(_("Passed on in the month"), report.transfers, totals["passed_month"])]
    if report.unit is not None:
        transfer_lists.append(
            (_("Passed to this unit in the month"), report.incoming_transfers, totals["incoming_month"])
        )
    for title, transfers, total in transfer_lists:
        out.section(title)
        out.header(
            pgettext("day of a receipt or transfer", "Date"),
            _("Document number"),
            _("Donation"),
            _("Passed on by"),
            _("Recipient"),
            _("Commune"),
            _("Form of support"),
            _("Quantity"),
            _("Value"),
        )
        for transfer in transfers:
            out.line(
                transfer.transferred_on,
                transfer.document_number,
                transfer.donation.donor,
                transfer.donation.received_by.name,
                transfer.recipient.name,
                transfer.area.name if transfer.area else "",
                _("Cash") if transfer.donation.kind == "cash" else transfer.donation.item,
                transfer.quantity,
                transfer.amount,
                formats=line_formats[:1] + ("",) * 6 + (WHOLE, MONEY),
            )
        out.line(_("Total value"), *[""] * 7, total, bold=True, formats=("",) * 8 + (MONEY,))

    widths = [38, 24, 30, 22, 30, 24, 18, 18, 18, 18, 18]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return safe_workbook_bytes(book)


@login_required
@require_safe
def donation_report_export(request: HttpRequest) -> HttpResponse:
    report, _form, _plans = _report(request)
    response = HttpResponse(workbook_bytes(report), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="tiep-nhan-phan-bo-{report.month:%Y-%m}.xlsx"'
    return response


urlpatterns = [
    path("donations/monthly-report/", donation_report, name="donation_report"),
    path("donations/monthly-report/export/", donation_report_export, name="donation_report_export"),
]
