"""Registers of what the activities produce (see `tracker.models.registers`): who may see and
change entries (`permissions`), the writes and the review (`services`), the reads and the
figures computed from them (`selectors`), and the Excel export (`export`)."""
