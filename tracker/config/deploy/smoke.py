"""Smoke test of the deployment as shipped (about a minute plus migrating a new database).

Against PostgreSQL and Redis it starts gunicorn with `gunicorn.conf.py`, a Celery worker and
Celery beat, with production settings (DEBUG off), then:

1. logs in and asks for an official report through gunicorn, as the form does;
2. kills the worker (SIGKILL) while the report is being generated;
3. starts a new worker: beat's sweeper ("recover-jobs") finds the job's lease expired and
   hands it out again, and the new worker finishes it;
4. downloads the PDF through gunicorn and checks it against its fingerprint.

Static files are collected (into STATIC_ROOT, as the README's production steps do): the report's
PDF needs the manifest. A scratch database `tracker_smoke_<pid>` is created and
dropped; Redis databases 13 and 14 are used and flushed.

    .venv/bin/python tracker/config/deploy/smoke.py   # CI_POSTGRES_URL, CI_REDIS_URL optional
"""

from __future__ import annotations

import hashlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
PG_URL = os.environ.get("CI_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("CI_REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
# How long the services may take, once migrated, to produce the report twice over.
DEADLINE_SECONDS = int(os.environ.get("SMOKE_DEADLINE_SECONDS", "90"))


def log(message: str) -> None:
    print(f"[smoke {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """Just enough of a browser for Django behind a TLS proxy: cookies (also the Secure ones),
    the CSRF token, X-Forwarded-Proto, no automatic redirects."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies: dict[str, str] = {"csrftoken": secrets.token_hex(16)}  # a 32-character secret

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, dict, bytes]:
        body = None
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": self.base.replace("http://", "https://") + "/",
            "Accept": "application/json, */*",
            "Cookie": "; ".join(f"{key}={value}" for key, value in self.cookies.items()),
        }
        if data is not None:
            data = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, dict(response.headers), response.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Services:
    def __init__(self, env: dict, workdir: Path) -> None:
        self.env, self.workdir = env, workdir
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str, command: list[str]) -> None:
        out = (self.workdir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        log(f"started {name} (pid {self.processes[name].pid})")

    def worker(self) -> None:
        # One process (solo pool): killing it kills the job it runs, as an OOM kill would.
        self.start("worker", [str(BIN / "celery"), "-A", "tracker", "worker", "--pool=solo", "-l", "INFO"])

    def kill(self, name: str) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        log(f"killed {name} with SIGKILL")

    def stop_all(self) -> None:
        for name in list(self.processes):
            process = self.processes.pop(name)
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(process.pid, signal.SIGKILL)

    def dump_logs(self) -> None:
        for path in sorted(self.workdir.glob("*.log")):
            print(f"----- {path.name} (last lines)")
            print("\n".join(path.read_text(errors="replace").splitlines()[-40:]))


def run(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True)


def main() -> int:
    started = time.monotonic()
    import psycopg

    name = f"tracker_smoke_{os.getpid()}"
    base_url = PG_URL.rsplit("/", 1)[0]
    admin = psycopg.connect(PG_URL, autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    workdir = Path(tempfile.mkdtemp(prefix="tracker-smoke-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.config.settings",
        "DEBUG": "0",
        "SECRET_KEY": "smoke-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"{base_url}/{name}",
        "DB_CONN_MAX_AGE": "60",
        "CELERY_BROKER_URL": f"{REDIS}/13",
        "REDIS_URL": f"{REDIS}/14",
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "AXES_ENABLED": "0",
        # Short leases so that a dead worker is noticed within seconds, not minutes.
        "JOB_LEASE_SECONDS": "6",
        "JOB_SWEEP_SECONDS": "2",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    env.pop("DJANGO_DEBUG", None)
    services = Services(env, workdir)
    ok = False
    try:
        subprocess.run(["redis-cli", "-u", f"{REDIS}/13", "flushdb"], check=False, capture_output=True)
        log(f"migrating {name}")
        run(env, "migrate", "--noinput", "-v", "0")
        # The report's PDF links its stylesheet through the static files manifest, as in production.
        run(env, "collectstatic", "--noinput", "-v", "0")
        os.environ.update({key: env[key] for key in ("DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY")})
        os.environ.update({key: env[key] for key in ("ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL")})
        os.environ.update({key: env[key] for key in ("REDIS_URL", "MEDIA_ROOT", "JOB_LEASE_SECONDS")})
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.contrib.auth.models import Group

        from tracker.core import grants, roles
        from tracker.models import GeneratedReport, Unit, User

        # A commune's officer producing their unit's own report (a role without a second factor).
        unit = Unit.objects.create(name="Đài Phát thanh và Truyền hình (smoke)", kind=Unit.Kind.RADIO_TV)
        password = secrets.token_urlsafe(12)
        officer = User.objects.create_user(username="smoke", password=password, unit=unit)
        officer.groups.add(Group.objects.get(name=roles.UNIT_OFFICER), grants.unit_officer_group(unit))

        log(f"migrated and set up in {time.monotonic() - started:.0f} s")
        running_since = time.monotonic()
        services.start(
            "web", [str(BIN / "gunicorn"), "-c", "tracker/config/deploy/gunicorn.conf.py", "tracker.config.wsgi"]
        )
        services.start(
            "beat", [str(BIN / "celery"), "-A", "tracker", "beat", "-l", "INFO", "-s", str(workdir / "beat")]
        )
        services.worker()
        browser = Browser(f"http://127.0.0.1:{port}")
        for _ in range(300):  # gunicorn answers within a minute
            try:
                browser.request("GET", "/api/v1/")
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("gunicorn did not answer")
        status, headers, _body = browser.request(
            "POST", "/accounts/login/", {"username": "smoke", "password": password, "next": "/tracker/"}
        )
        assert status == 302 and "sessionid" in browser.cookies, f"login answered {status}"
        log("logged in through gunicorn")

        killed = False
        report = None
        for _attempt in range(3):
            before = GeneratedReport.objects.count()
            status, headers, _body = browser.request(
                "POST",
                "/tracker/official-reports/new/",
                {
                    "kind": "unit",
                    "unit": str(unit.pk),
                    "period_type": "year",
                    "year": "2026",
                    "document_date": "05/01/2027",
                    "signer_name": "Lê Văn Cường",
                },
            )
            assert status == 302, f"asking for the report answered {status}"
            report = GeneratedReport.objects.filter(pk__gt=0).order_by("-pk").first()
            assert GeneratedReport.objects.count() == before + 1
            log(f"report {report.pk} queued through gunicorn ({headers.get('Location')})")
            while time.monotonic() - running_since < DEADLINE_SECONDS:
                report.refresh_from_db()
                if report.status != GeneratedReport.Status.QUEUED:
                    break
                time.sleep(0.05)
            if report.status == GeneratedReport.Status.RUNNING:
                services.kill("worker")
                killed = True
                break
            log(f"report {report.pk} was {report.status} before the worker could be killed; again")
        assert killed, "the report never ran long enough to kill its worker"
        report.refresh_from_db()
        log(f"report {report.pk} left {report.status} at {report.progress} %; starting a new worker")
        services.worker()
        while time.monotonic() - running_since < DEADLINE_SECONDS:
            report.refresh_from_db()
            if report.status in (GeneratedReport.Status.DONE, GeneratedReport.Status.FAILED):
                break
            time.sleep(0.5)
        assert report.status == GeneratedReport.Status.DONE, (
            f"report {report.pk}: {report.status} {report.error_message}"
        )
        assert report.attempts >= 2, "the report was not handed out again"
        log(f"report {report.pk} done after {report.attempts} hand-overs")
        status, headers, content = browser.request("GET", f"/tracker/official-reports/{report.pk}/download/pdf/")
        assert status == 200 and content.startswith(b"%PDF"), f"download answered {status}"
        assert hashlib.sha256(content).hexdigest() == report.pdf_sha256 == headers.get("X-Content-SHA256")
        log(f"downloaded its PDF ({len(content)} bytes) through gunicorn; fingerprint matches")
        ok = True
    finally:
        services.stop_all()
        if not ok:
            services.dump_logs()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # django was not set up
            pass
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        subprocess.run(["redis-cli", "-u", f"{REDIS}/13", "flushdb"], check=False, capture_output=True)
        subprocess.run(["redis-cli", "-u", f"{REDIS}/14", "flushdb"], check=False, capture_output=True)
    log(f"smoke test passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
