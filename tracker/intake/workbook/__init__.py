"""The Excel template of a plan: any plan exported to it, a blank one to fill in, and a filled
one imported back as a new plan, all or nothing.

- `layout`: the sheets and their columns (fixed Vietnamese headers: the file's own vocabulary);
- `export`: a plan (or nothing: the blank template) to a workbook, in a constant number of queries;
- `reading`: an uploaded workbook read and every name resolved within the manager's province,
  every error kept with its sheet, row and column;
- `services`: the new plan written through the existing services in one transaction.
"""
