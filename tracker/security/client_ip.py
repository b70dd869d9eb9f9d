"""The client's address, as the documented reverse proxy passes it on.

Behind `TRUSTED_PROXY_COUNT` proxies each one appends the address it received the request
from to `X-Forwarded-For`, so the client is the entry that many places from the right; the
entries to its left were written by the client and prove nothing. With no proxy (the default)
the address is the connection's own. django-axes uses this (`AXES_CLIENT_IP_CALLABLE`) to lock
a user name together with the attacker's address, not the proxy's, and the security log
records it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    if len(forwarded) < count:
        # Not through the whole proxy chain (a direct request to the application server):
        # the connection's own address is all that can be trusted.
        return remote
    return _valid(forwarded[-count]) or remote
