"""Demo data: the five seed plans entered exactly as written, plus a labelled sample plan.

`python manage.py load_demo` calls `tracker.demo.loader.load_demo`. Every row is written
through `tracker.work.services` with the `admin` superuser as actor, and every write is an
upsert on a natural key, so running the command twice changes nothing the second time.

The truth rule (DOMAIN.md, "Demo data rule"): what a seed states is entered as stated;
what it does not state is left blank, or—only in the current-year sample plan—invented,
flagged `is_sample=True` and visibly labelled "(mẫu)".
"""
