"""How `manage.py benchmark --national` measures pages: sessions that log in as a person would
(password, then the second factor with a recovery code), the interleaved timing loop, the
throughput bursts, gunicorn started as in production, and its workers' memory.

Two transports with the same interface: `HttpSession` talks to gunicorn over HTTP as a browser
behind the TLS proxy would (cookies, CSRF token, X-Forwarded-Proto); `ClientSession` uses
Django's test client in this process (the tests, and a machine without PostgreSQL). Both read
the SQL query count from the X-Query-Count header that `QueryCountMiddleware` adds.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from tracker.config.middleware import QUERY_COUNT_HEADER, TRIVIAL_PATH

ROOT = Path(__file__).resolve().parents[2]
# A page slower than this is timed once (its repeats would take the run hostage), and its
# throughput is taken as one request per this page's time instead of a burst.
SLOW_MS = 10_000
REQUEST_TIMEOUT = 300


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def queries(self) -> int | None:
        value = self.headers.get(QUERY_COUNT_HEADER.lower())
        return int(value) if value is not None else None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class HttpSession:
    """Just enough of a browser behind a TLS proxy (as tracker/config/deploy/smoke.py)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {"csrftoken": secrets.token_hex(16)}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def copy(self) -> HttpSession:
        other = HttpSession(self.base)
        other.cookies = dict(self.cookies)
        return other

    def request(self, method: str, path: str, data: dict | None = None) -> Answer:
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": self.base.replace("http://", "https://") + "/",
            # The API answers JSON to its clients (not its browsable HTML pages).
            "Accept": "application/json" if path.startswith("/api/") else "text/html,application/xhtml+xml",
            "Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)
        try:
            response = self.opener.open(request, timeout=REQUEST_TIMEOUT)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        content = response.read()
        return Answer(response.status, {key.lower(): value for key, value in response.headers.items()}, content)


class ClientSession:
    """Django's test client, with the benchmark's middleware switched on for its requests."""

    def __init__(self) -> None:
        from django.test import Client

        self.client = Client()

    def copy(self) -> ClientSession:
        return self  # one thread: the client is not shared between threads

    def request(self, method: str, path: str, data: dict | None = None) -> Answer:
        from django.test import override_settings

        middleware = [
            "tracker.config.middleware.QueryCountMiddleware",
            *settings.MIDDLEWARE,
            "tracker.config.middleware.TrivialPageMiddleware",
        ]
        with override_settings(MIDDLEWARE=middleware):
            response = self.client.generic(
                method,
                path,
                data=urllib.parse.urlencode(data or {}),
                content_type=("application/x-www-form-urlencoded"),
            )
            content = b"".join(response.streaming_content) if response.streaming else response.content
        return Answer(response.status_code, {key.lower(): value for key, value in response.items()}, content)


# --- Logging in ---------------------------------------------------------------------------------


@dataclass
class Credentials:
    username: str
    password: str
    recovery_code: str | None


def prepare_login(user) -> Credentials:
    """A fresh password for the persona, and, if the login will ask for a second factor, the
    authenticator the person would have set up and one recovery code to give it with."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tracker.security import services as security_services

    password = secrets.token_urlsafe(16)
    user.set_password(password)
    user.save(update_fields=["password"])
    code = None
    if security_services.mfa_required(user) or security_services.has_authenticator(user):
        TOTPDevice.objects.get_or_create(user=user, confirmed=True, defaults={"name": "authenticator"})
        recovery, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "recovery codes"})
        code = StaticToken.random_token()
        StaticToken.objects.create(device=recovery, token=code)
    return Credentials(user.username, password, code)


def log_in(session, credentials: Credentials) -> None:
    """The login form, then the second factor's form when it is asked for."""
    landing = reverse("tracker:home")
    answer = session.request(
        "POST",
        reverse("login"),
        {"username": credentials.username, "password": credentials.password, "next": landing},
    )
    if answer.status != 302:
        raise RuntimeError(f"logging in as {credentials.username} answered {answer.status}")
    answer = session.request("GET", landing)
    if answer.status == 302 and reverse("security:mfa_verify") in answer.headers.get("location", ""):
        if credentials.recovery_code is None:
            raise RuntimeError(f"{credentials.username} is asked for a second factor")
        answer = session.request(
            "POST", reverse("security:mfa_verify"), {"code": credentials.recovery_code, "next": landing}
        )
        if answer.status != 302:
            raise RuntimeError(f"the second factor of {credentials.username} answered {answer.status}")
        answer = session.request("GET", landing)
    if answer.status not in (200, 302) or reverse("login") in answer.headers.get("location", "?"):
        raise RuntimeError(f"{credentials.username} is not logged in ({answer.status})")


# --- Measuring ----------------------------------------------------------------------------------


@dataclass
class Cell:
    """One page as one persona: its timings, size, query count and status."""

    timings: list[float] = field(default_factory=list)
    queries: int | None = None
    bytes: int = 0
    status: int = 0
    rps: float | None = None

    def summary(self) -> dict:
        ordered = sorted(self.timings)
        p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
        return {
            "queries": self.queries,
            "p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(p95, 1),
            "bytes": self.bytes,
            "rps": round(self.rps, 2) if self.rps is not None else None,
        }


def throughput(session, path: str, *, seconds: float, concurrency: int) -> float:
    """Requests per second on `path` with `concurrency` clients for about `seconds` (each
    client makes at least one request)."""
    done = [0] * concurrency
    started = time.perf_counter()

    def client(slot: int) -> None:
        own = session.copy()
        while True:
            answer = own.request("GET", path)
            if answer.status != 200:
                raise RuntimeError(f"{path} answered {answer.status} during the burst")
            done[slot] += 1
            if time.perf_counter() - started >= seconds:
                return

    if concurrency == 1:
        client(0)
    else:
        threads = [threading.Thread(target=client, args=(slot,)) for slot in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return sum(done) / (time.perf_counter() - started)


def measure(
    sessions: dict[str, object],
    pages: dict[str, str],
    *,
    repeat: int,
    burst_seconds: float,
    concurrency: int,
    log=print,
) -> tuple[dict[str, dict[str, Cell]], float]:
    """Each page as each persona, interleaved (round after round over every page and persona),
    then each one's throughput and the trivial page's, in the same run."""
    cells = {page: {persona: Cell() for persona in sessions} for page in pages}
    for round_number in range(repeat):
        for page, path in pages.items():
            for persona, session in sessions.items():
                cell = cells[page][persona]
                if round_number and (cell.status != 200 or (cell.timings and cell.timings[0] > SLOW_MS)):
                    continue
                started = time.perf_counter()
                try:
                    answer = session.request("GET", path)
                except OSError as error:  # no answer within REQUEST_TIMEOUT (or the worker was killed)
                    answer = Answer(0, {}, b"")
                    log(f"{page} as {persona}: no answer ({error})")
                elapsed = (time.perf_counter() - started) * 1000
                cell.status, cell.queries, cell.bytes = answer.status, answer.queries, len(answer.body)
                if answer.status == 200:
                    cell.timings.append(elapsed)
                if round_number == 0:
                    log(
                        f"{page:<22} {persona:<17} {answer.status} {elapsed:9.1f} ms {len(answer.body):>9} B "
                        f"{answer.queries} queries"
                    )
    anonymous = next(iter(sessions.values())).copy()
    trivial = throughput(anonymous, TRIVIAL_PATH, seconds=burst_seconds, concurrency=concurrency)
    for page, path in pages.items():
        for persona, session in sessions.items():
            cell = cells[page][persona]
            if cell.status != 200:
                continue
            median = statistics.median(cell.timings)
            if median > SLOW_MS or burst_seconds <= 0:
                cell.rps = 1000 / median
            else:
                cell.rps = throughput(session, path, seconds=burst_seconds, concurrency=concurrency)
    return cells, trivial


def result_json(fraction: float, cells: dict[str, dict[str, Cell]], trivial_rps: float, rss: list[float]) -> dict:
    """The shape issue 16 asks for; a page a persona may not open (not 200) is left out of it."""
    return {
        "fraction": fraction,
        "trivial_rps": round(trivial_rps, 2),
        "pages": {
            page: {persona: cell.summary() for persona, cell in by_persona.items() if cell.status == 200}
            for page, by_persona in cells.items()
        },
        "worker_rss_mb": rss,
    }


# --- gunicorn -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(database_url: str, *, workdir: Path, port: int | None = None) -> dict[str, str]:
    """The environment of a production-like process on this database (DEBUG off)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.config.settings",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "DB_CONN_MAX_AGE": "60",
        "AXES_ENABLED": "0",
        "BENCHMARK": "1",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("CELERY_BROKER_URL", None)
    if port is not None:
        env.update(
            {
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": "2",
                # Slow pages are measured, not killed (production's limit is 60 s).
                "GUNICORN_TIMEOUT": str(REQUEST_TIMEOUT + 10),
                # No recycling during the run, so the workers' memory is what the pages left.
                "GUNICORN_MAX_REQUESTS": "0",
                "GUNICORN_ACCESSLOG": "/dev/null",
                "GUNICORN_LOGLEVEL": "warning",
            }
        )
    return env


class Gunicorn:
    """gunicorn with the production configuration (tracker/config/deploy/gunicorn.conf.py)."""

    def __init__(self, env: dict[str, str], port: int, log_path: Path) -> None:
        self.env, self.port, self.log_path = env, port, log_path
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Gunicorn:
        binary = Path(sys.executable).parent / "gunicorn"
        out = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(binary), "-c", "tracker/config/deploy/gunicorn.conf.py", "tracker.config.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        session = HttpSession(self.base)
        for _attempt in range(600):
            try:
                if session.request("GET", TRIVIAL_PATH).status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log_path}")
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within two minutes")

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def worker_rss_mb(self) -> list[float]:
        """Resident memory of each worker (the master's children), in MB."""
        assert self.process is not None
        sizes = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) != self.process.pid:
                    continue
                status = (stat.parent / "status").read_text()
            except (OSError, IndexError, ValueError):
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(round(int(line.split()[1]) / 1024, 1))
        return sorted(sizes)
