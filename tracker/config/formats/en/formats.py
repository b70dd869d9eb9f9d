# English UI keeps the Vietnamese date and number conventions the documents use: the same
# formats, read by Django as this module's attributes.
from tracker.config.formats.vi.formats import *  # noqa: F403
