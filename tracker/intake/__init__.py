"""Plan intake: read a plan document (text, Word, PDF, scan), propose a draft plan, confirm it.

`parser` turns the text into a `draft.Draft` (pure, no database); `matching` resolves the
names it found to existing units and legal documents; `services.draft_confirm` creates the
plan through the existing services in one transaction; `extract` gets text out of files.
"""
