"""Demo budgets: estimates, allocations and disbursements of the sample plan, and sample
donations in the campaign of seed 001 (which says support comes from donations).

`python manage.py load_demo_budgets` (run after the tracker's `load_demo`, which it needs)
calls `budgets.demo.loader.load_demo_budgets`. Every write goes through `budgets.services`
with the tracker demo's actor (the `admin` superuser). Each row is looked up by its natural
key first — estimates by activity, unit, year and title; allocations by activity, unit,
source and year; disbursements by allocation and voucher number; donations by plan, donor
and receipt number; transfers by donation and document number — so a second run writes
nothing, and the append-only ledgers are never edited.

The truth rule (DOMAIN.md, "Demo data rule"): the decisions, resolutions and programmes a seed
names are entered exactly as the seed writes them; no seed gives an amount, so no estimate,
allocation or payment is made on a seed's plan (an approved amount or a disbursement rate there
would be an invented official figure, issue 20). Every amount, quantity, donor, voucher and
receipt number is made up and labelled: ``is_sample`` on estimates and donations, "(mẫu)" in
titles and donor names, "Số liệu mẫu" in allocation and disbursement notes, "MẪU" in every
voucher number.
"""
