"""A django-filter filter whose choices are fetched as the user types (`RemoteSelect`)."""

from __future__ import annotations

import django_filters

from tracker.choices.sources import SOURCES
from tracker.core.permissions import AnyUser
from tracker.core.widgets import RemoteModelChoiceField


class _FilterField(RemoteModelChoiceField):
    def __init__(self, *args, null_label=None, null_value=None, **kwargs):  # django-filter's, unused here
        super().__init__(*args, **kwargs)


class RemoteChoiceFilter(django_filters.ModelChoiceFilter):
    """One unit, area or plan (`source`, see `sources.SOURCES`); its queryset is set for the
    user by `scope_remote_filters`, so a value the user may not see is refused."""

    field_class = _FilterField

    def __init__(self, *args, source: str, **kwargs):
        self.source = source
        super().__init__(*args, source=source, search_fields=SOURCES[source].search_fields, **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = SOURCES[self.source].label
        return field


def scope_remote_filters(filterset: django_filters.FilterSet, user: AnyUser) -> None:
    """Give each remote filter of the set the choices the user may see (before its form is built)."""
    for filter_ in filterset.filters.values():
        if isinstance(filter_, RemoteChoiceFilter):
            filter_.queryset = SOURCES[filter_.source].queryset(user)
