"""With Redis down (REDIS_URL and CELERY_BROKER_URL at a closed port) every page that does not
need the broker answers normally: the cache answers as empty (tracker/config/cache.py). With
Django's own RedisCache the public site and /cms/ answered 500 — Wagtail keeps its site-root
paths in the default cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache, caches

from tracker.config.cache import ResilientRedisCache

pytestmark = pytest.mark.django_db
CLOSED = "redis://127.0.0.1:1"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": {"BACKEND": "tracker.config.cache.ResilientRedisCache", "LOCATION": f"{CLOSED}/2"}}
    settings.CELERY_BROKER_URL = f"{CLOSED}/0"
    yield
    caches["default"].close()


def test_the_pages_that_need_no_broker_answer_200(client, redis_down, editor, manager):
    assert isinstance(caches["default"], ResilientRedisCache)
    assert client.get("/").status_code == 200
    assert client.get("/search/", {"q": "thong tin"}).status_code == 200
    client.force_login(editor)
    assert client.get("/cms/").status_code == 200
    client.force_login(manager)
    assert client.get("/tracker/dashboard/").status_code == 200


def test_the_cache_answers_as_empty_and_drops_writes(redis_down):
    assert cache.get("key", "default") == "default"
    assert cache.get_or_set("key", 5) == 5
    assert cache.set("key", 1) is None and cache.add("key", 1) is False
    assert cache.get_many(["a", "b"]) == {} and cache.delete("key") is False


def test_djangos_own_redis_cache_would_have_failed(settings):
    """What the resilient cache replaces: the plain backend raises on a closed port."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": f"{CLOSED}/2"}}
    import redis

    with pytest.raises(redis.exceptions.ConnectionError):
        caches["default"].get("wagtail_site_root_paths")


def test_production_settings_use_the_resilient_cache_and_a_broker_that_reconnects():
    script = (
        "import json; from tracker.config import settings as s; "
        "print(json.dumps([s.CACHES['default']['BACKEND'], s.CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP, "
        "s.CELERY_BROKER_CONNECTION_MAX_RETRIES, s.JOB_HEARTBEAT_THREAD]))"
    )
    environment = {**os.environ, "DEBUG": "1", "REDIS_URL": f"{CLOSED}/2", "CELERY_BROKER_URL": f"{CLOSED}/0"}
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(output.strip().splitlines()[-1]) == [
        "tracker.config.cache.ResilientRedisCache",
        True,
        None,
        True,
    ]
