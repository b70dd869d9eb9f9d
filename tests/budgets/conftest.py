import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Service messages are asserted in English here; one test reads the Vietnamese text."""
    with translation.override("en"):
        yield


@pytest.fixture
def english(client):
    """Pages in English (`pytestmark = pytest.mark.usefixtures("english")` in a module): their
    messages are asserted in English; the Vietnamese catalogue is the lead's to compile."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
