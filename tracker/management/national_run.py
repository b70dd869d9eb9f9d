"""`manage.py benchmark --national --fraction F --json OUT`: build (or reuse) the national
dataset of fraction F, then measure the main pages over HTTP against gunicorn (2 workers,
DEBUG off) as a province's DIC manager, a commune officer and the national monitor.

On PostgreSQL the dataset lives in a database of its own per fraction, named after the one
DATABASE_URL names (`h_bench` → `h_bench_f0_1` for F = 0.1), created, migrated and built the
first time and reused afterwards (`--rebuild` starts it again). The command then runs itself
on that database (`--here`). Elsewhere (SQLite, the tests) it builds in the database it is
given, and `--client` measures with Django's test client instead of gunicorn.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.core.management import CommandError, call_command
from django.db import connection

from tracker.management import measuring, national
from tracker.models import User

ROOT = Path(__file__).resolve().parents[2]


def fraction_database(name: str, fraction: float) -> str:
    key = f"{fraction:g}".replace(".", "_").replace("-", "_")
    suffix = f"_f{key}"
    return name if name.endswith(suffix) else f"{name}{suffix}"


def run(
    command,
    *,
    build_only: bool = False,
    fraction: float,
    json_path: str,
    repeat: int,
    rebuild: bool,
    here: bool,
    client: bool,
    burst_seconds: float,
    page_names: list[str] | None = None,
) -> None:
    if not 0 < fraction <= 1:
        raise CommandError("--fraction is between 0 (excluded) and 1.")
    if connection.vendor == "postgresql" and not here:
        _run_in_fraction_database(
            command,
            build_only=build_only,
            fraction=fraction,
            json_path=json_path,
            repeat=repeat,
            rebuild=rebuild,
            client=client,
            burst_seconds=burst_seconds,
            page_names=page_names,
        )
        return
    log = _logger(command)
    _migrate_if_needed()
    state = national.dataset_state(fraction)
    if state == "other":
        raise CommandError(
            "This database holds another benchmark dataset (or one that never finished): use another database."
        )
    if state == "built":
        log(f"reusing the dataset of fraction {fraction:g}")
    else:
        started = time.monotonic()
        national.build(fraction, log=log)
        log(f"dataset of fraction {fraction:g} built in {time.monotonic() - started:.0f} s")
        national.vacuum_analyze()
    log(f"rows: {national.row_counts()}")
    if build_only:
        return
    pages = national.all_pages()
    if page_names:
        unknown = set(page_names) - set(pages)
        if unknown:
            raise CommandError(f"No such page: {', '.join(sorted(unknown))} (the pages: {', '.join(pages)}).")
        pages = {name: path for name, path in pages.items() if name in page_names}
    credentials = {
        persona: measuring.prepare_login(User.objects.get(username=username))
        for persona, username in national.PERSONA_USERNAMES.items()
    }
    if client:
        sessions = {persona: measuring.ClientSession() for persona in credentials}
        for persona, session in sessions.items():
            measuring.log_in(session, credentials[persona])
        cells, trivial = measuring.measure(
            sessions, pages, repeat=repeat, burst_seconds=burst_seconds, concurrency=1, log=log
        )
        rss: list[float] = []
    else:
        cells, trivial, rss = _measure_with_gunicorn(
            pages, credentials, repeat=repeat, burst_seconds=burst_seconds, log=log
        )
    result = measuring.result_json(fraction, cells, trivial, rss)
    Path(json_path).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _print_table(command, result)


def _migrate_if_needed() -> None:
    """A new fraction's database is migrated first; an up-to-date one is left alone."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", verbosity=0, interactive=False)


def _measure_with_gunicorn(pages, credentials, *, repeat: int, burst_seconds: float, log):
    settings_dict = connection.settings_dict
    database_url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/"
        f"{settings_dict['NAME']}"
        if connection.vendor == "postgresql"
        else f"sqlite:///{settings_dict['NAME']}"
    )
    workdir = Path(tempfile.mkdtemp(prefix="tracker-benchmark-"))
    port = measuring.free_port()
    env = measuring.production_env(database_url, workdir=workdir, port=port)
    # The pages link their static files through the manifest, as in production.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    # A cache shared with another dataset's run (the same REDIS_URL) would answer its figures.
    from django.core.cache import cache

    cache.clear()
    connection.close()  # the workers' connections, not this one, for the run
    log(f"gunicorn on port {port} (log: {workdir / 'gunicorn.log'})")
    with measuring.Gunicorn(env, port, workdir / "gunicorn.log") as server:
        sessions = {persona: measuring.HttpSession(server.base) for persona in credentials}
        for persona, session in sessions.items():
            measuring.log_in(session, credentials[persona])
        cells, trivial = measuring.measure(
            sessions, pages, repeat=repeat, burst_seconds=burst_seconds, concurrency=2, log=log
        )
        rss = server.worker_rss_mb()
    return cells, trivial, rss


def _run_in_fraction_database(
    command, *, build_only, fraction, json_path, repeat, rebuild, client, burst_seconds, page_names=None
) -> None:
    import psycopg

    settings_dict = connection.settings_dict
    name = fraction_database(settings_dict["NAME"], fraction)
    host, port, user = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432, settings_dict["USER"]
    admin_url = f"postgres://{user}@{host}:{port}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        if rebuild:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            # Migrating a new database takes minutes: start from `<name>_migrated` when there is
            # one (an empty database migrated earlier; the run migrates what is newer).
            template = f"{settings_dict['NAME']}_migrated"
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone():
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            else:
                admin.execute(f'CREATE DATABASE "{name}"')
    command.stdout.write(f"dataset database: {name}")
    # The build and the measurement run as production would (DEBUG off: no query log).
    env = measuring.production_env(
        f"postgres://{user}@{host}:{port}/{name}", workdir=Path(tempfile.mkdtemp(prefix="tracker-benchmark-"))
    )
    arguments = [
        sys.executable,
        "manage.py",
        "benchmark",
        "--national",
        "--here",
        "--fraction",
        f"{fraction:g}",
        "--json",
        str(Path(json_path).resolve()),
        "--repeat",
        str(repeat),
        "--burst-seconds",
        str(burst_seconds),
        *(["--build-only"] if build_only else []),
        *(["--pages", ",".join(page_names)] if page_names else []),
    ]
    if client:
        arguments.append("--client")
    completed = subprocess.run(arguments, cwd=ROOT, env=env)
    if completed.returncode:
        raise CommandError(f"the benchmark on {name} failed ({completed.returncode})")


def _logger(command):
    def log(message: str) -> None:
        command.stderr.write(f"[benchmark {time.strftime('%H:%M:%S')}] {message}")
        command.stderr.flush()

    return log


def _print_table(command, result: dict) -> None:
    command.stdout.write(
        f"fraction {result['fraction']:g}; trivial view {result['trivial_rps']} req/s; "
        f"worker RSS {result['worker_rss_mb']} MB"
    )
    command.stdout.write(
        f"{'page':<22}{'persona':<18}{'queries':>8}{'p50 ms':>10}{'p95 ms':>10}{'bytes':>11}{'rps':>8}"
    )
    for page, by_persona in result["pages"].items():
        for persona, row in by_persona.items():
            command.stdout.write(
                f"{page:<22}{persona:<18}{row['queries'] if row['queries'] is not None else '-':>8}"
                f"{row['p50_ms']:>10}{row['p95_ms']:>10}{row['bytes']:>11}{row['rps'] or '-':>8}"
            )
