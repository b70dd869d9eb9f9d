"""The Redis cache, degrading to "nothing cached" while Redis is down.

Everything the project caches can be recomputed (Wagtail's site-root paths, an import's row
count), so a Redis outage must not turn pages into 500s: a read answers as a miss, a write is
dropped, and after a failure Redis is left alone for `RETRY_SECONDS` so each request does not
pay a connection attempt. A warning is logged once per outage. Django's own RedisCache raises
instead, which answered 500 on `/` and `/cms/` with Redis down.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis  # Django's backend imports it lazily too

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    RETRY_SECONDS = 5.0

    def __init__(self, server: str, params: dict) -> None:
        options = params.setdefault("OPTIONS", {})
        # A Redis that does not answer must not hold a page: fail fast, then fall back.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _guard(self, method: str, default: Any, *args, **kwargs) -> Any:
        if time.monotonic() < self._down_until:
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except _redis_errors() as error:
            with self._lock:
                if time.monotonic() >= self._down_until:
                    logger.warning("Redis cache unavailable (%s); pages are served without it", error)
                self._down_until = time.monotonic() + self.RETRY_SECONDS
            return default

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def add(self, key, value, *args, **kwargs):
        return self._guard("add", False, key, value, *args, **kwargs)

    def set(self, key, value, *args, **kwargs):
        return self._guard("set", None, key, value, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._guard("set_many", list(data), data, *args, **kwargs)

    def touch(self, key, *args, **kwargs):
        return self._guard("touch", False, key, *args, **kwargs)

    def delete(self, key, version=None):
        return self._guard("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guard("incr", None, key, delta, version)

    def clear(self):
        return self._guard("clear", False)
