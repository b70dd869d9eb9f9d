"""Demo data only where it belongs: with DEBUG off the loaders refuse, unless asked on purpose,
and then the demo logins get a random password, never `demo`."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tracker.demo import users
from tracker.models import User

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("command", ["load_demo", "load_demo_budgets", "load_cms_demo"])
def test_every_demo_loader_refuses_with_debug_off(settings, command):
    settings.DEMO_DATA_ALLOWED = False
    with translation.override("en"), pytest.raises(CommandError, match="DEBUG is off here: nothing was loaded"):
        call_command(command, stdout=StringIO())
    assert not User.objects.exists()


def test_outside_development_the_demo_logins_never_get_the_known_password(settings):
    settings.DEMO_DATA_ALLOWED = False
    admin = users.ensure_admin()
    assert not admin.check_password(users.DEMO_PASSWORD)
    assert admin.check_password(users.demo_password())
    assert len(users.demo_password()) >= 16


def test_in_development_the_demo_password_is_demo(settings):
    assert users.ensure_admin().check_password("demo")


def test_manage_py_load_demo_with_debug_0_exits_non_zero_with_a_clear_message(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tracker.config.settings",
        "DEBUG": "0",
        "SECRET_KEY": "test-" + "x" * 50,
        "ALLOWED_HOSTS": "tracker.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert "DEBUG" in done.stderr and "--allow-without-debug" in done.stderr
    assert "demo" not in done.stdout
