"""Choices fetched as the user types (`tracker.core.widgets.RemoteSelect`): units, areas and
plans among what the user may see, searched accent-free, a page at a time, as JSON."""
