import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Service messages are asserted in English here; one test reads the Vietnamese text."""
    with translation.override("en"):
        yield
