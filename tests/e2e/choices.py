"""Choosing in the lists fetched as the user types (tracker/choices/fields.py: Tom Select over
`tracker:choices`), as a person does: click the box, type part of the name, click the option.

The live server answers the script's requests on its own threads while the test's thread reads
the database (one shared SQLite connection in the tests): a journey must never leave a request
in flight when it submits or asserts. So each step waits for the answers to what it typed, and
`settle` waits until no request for choices has been pending for a while (Tom Select sends what
is typed a quarter of a second later)."""

from __future__ import annotations

import weakref
from urllib.parse import quote

from playwright.sync_api import expect

CHOICES = "/tracker/choices/"


class ChoiceRequests:
    """The page's requests for choices still waiting for their answer."""

    def __init__(self, page) -> None:
        self.page = page
        self.pending: set = set()
        page.on("request", self._sent)
        page.on("requestfinished", self._answered)
        page.on("requestfailed", self._answered)

    def _sent(self, request) -> None:
        if CHOICES in request.url:
            self.pending.add(request)

    def _answered(self, request) -> None:
        self.pending.discard(request)

    def settle(self, quiet_ms: int = 600) -> None:
        """Return once no request for choices has been pending for `quiet_ms` (max 15 s)."""
        quiet = 0
        for _ in range(300):
            if self.pending:
                quiet = 0
            else:
                quiet += 50
                if quiet >= quiet_ms:
                    return
            self.page.wait_for_timeout(50)
        raise AssertionError(f"requests for choices still pending: {[r.url for r in self.pending]}")


_TRACKED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def requests_of(page) -> ChoiceRequests:
    """The page's requests for choices, followed from the first time this is asked."""
    if page not in _TRACKED:
        _TRACKED[page] = ChoiceRequests(page)
    return _TRACKED[page]


def settle(page) -> None:
    requests_of(page).settle()


def choose(page, field_id: str, typed: str, label: str) -> None:
    """Type `typed` into the remote select `field_id` and pick the option reading `label`
    (follow the page's requests with `requests_of` before its first load, or the first
    list may be missed)."""
    requests = requests_of(page)
    control = page.locator(f"#{field_id}-ts-control")
    # The box around the items (a single select hides its text input behind the chosen item).
    control.locator("xpath=..").click()
    requests.settle()  # the list shown on focus
    with page.expect_response(lambda response: CHOICES in response.url and f"q={quote(typed)}" in response.url):
        control.fill(typed)
    requests.settle()
    dropdown = page.locator(f"#{field_id}-ts-dropdown")
    dropdown.get_by_role("option", name=label, exact=True).click()
    # Closed after the choice: nothing open (or loading) when the form is sent.
    page.keyboard.press("Escape")
    expect(dropdown).to_be_hidden()
    requests.settle()


def chosen_items(page, field_id: str) -> list[str]:
    """The items shown as chosen (tags of a multiple select, the single select's choice)."""
    items = page.locator(f"#{field_id}-ts-control").locator("xpath=..").locator(".item")
    return [text.replace("×", "").strip() for text in items.all_inner_texts()]


def no_such_choice(page, field_id: str, typed: str) -> bool:
    """Whether typing `typed` into `field_id` offers nothing (the box is left empty again)."""
    requests = requests_of(page)
    control = page.locator(f"#{field_id}-ts-control")
    control.locator("xpath=..").click()
    requests.settle()
    with page.expect_response(lambda response: CHOICES in response.url and f"q={quote(typed)}" in response.url):
        control.fill(typed)
    requests.settle()
    # Not counting the empty choice ("---------") that clears an optional field.
    offered = page.locator(f"#{field_id}-ts-dropdown [role=option]:not([data-value=''])").count()
    control.fill("")
    page.keyboard.press("Escape")
    requests.settle()
    return offered == 0
