"""gunicorn's settings for production: `gunicorn -c tracker/config/deploy/gunicorn.conf.py
tracker.config.wsgi` (tracker-web.service). Every value can be overridden by the environment
variable named beside it (GUNICORN_*), e.g. in /etc/tracker/tracker.env."""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


# Behind nginx (nginx.conf) on the loopback only.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 9))
# A report's PDF is made by a Celery worker, not in the request: a request that runs for more
# than a minute is stuck, and its worker is replaced (the request answers 502 through nginx).
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Worker recycling: each worker is replaced after about this many requests (jitter so they do
# not all restart at once), which bounds any slow memory growth.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Request limits before Django sees anything (nginx applies the body size limit).
limit_request_line = 8190
limit_request_fields = 200
# Only nginx on this machine may say what the client's address and scheme were.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "tracker-web"
