"""What the tests of the budgets pages share: logging in and reading the messages a page shows.
(Pages in English: the `english` fixture of conftest.py.)"""

from __future__ import annotations


def login(client, user):
    client.force_login(user)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]
