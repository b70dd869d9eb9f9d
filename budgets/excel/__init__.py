"""Excel workbooks (openpyxl): the exports of budget execution, allocations and disbursements,
the import template, and the import of allocations and disbursements.

The import file's format is the one the app writes: a sheet "Phân bổ" (allocations) and a
sheet "Giải ngân" (disbursements) whose header row carries fixed Vietnamese column names (they
are the file's own vocabulary, like the frame of an official document, so they do not follow
the interface language), a sheet "Danh mục" listing the codes to choose from, and a guide. An
export of the allocation list is itself an import file: edit the amounts, add rows, import.

An import is checked in full before anything is written: each cell is read (dates dd/mm/yyyy,
whole đồng as 1234567 or 1.234.567), every code is looked up, and then every row is put
through the very services that will write it (``services.allocation_save``,
``services.disbursement_record``) inside a transaction that is rolled back — so their
refusals (more than was approved, more than remains of an allocation) are reported with the
row and the column as well. Only a file without a single error can be applied, and applying
is one transaction: every row is written, with the importing user on its history, or none.
"""

from budgets.excel.exports import (
    allocation_workbook,
    disbursement_workbook,
    execution_workbook,
    template_workbook,
)
from budgets.excel.imports import FileRefused, Problem, apply_file, check_file, inspect_file
from budgets.excel.jobs import ImportUploadForm, apply_job, check_job, job_progress
from budgets.excel.layout import XLSX_CONTENT_TYPE, to_bytes

__all__ = [
    "XLSX_CONTENT_TYPE",
    "FileRefused",
    "ImportUploadForm",
    "Problem",
    "allocation_workbook",
    "apply_file",
    "apply_job",
    "check_file",
    "check_job",
    "disbursement_workbook",
    "execution_workbook",
    "inspect_file",
    "job_progress",
    "template_workbook",
    "to_bytes",
]
