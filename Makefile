# The README's two commands. Both set up what they need first and are safe to run again.
#   make run   - install, migrate the SQLite database, load the demo data, serve on :8000
#   make test  - install, then run the whole suite (SQLite unless DATABASE_URL is set)

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core (package.json, pinned with its checksum in package-lock.json), which the browser
# tests inject into each page to check its accessibility; installed once, used offline.
AXE := node_modules/axe-core/axe.min.js
# Debian packages: Chromium for the browser tests (and Node.js, whose npm installs axe-core),
# gettext to compile translations, Liberation Serif 2 / DejaVu and Pango for WeasyPrint's PDFs.
APT_PACKAGES := python3-venv chromium gettext fonts-liberation2 fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 \
	tesseract-ocr tesseract-ocr-vie poppler-utils nodejs
HOST ?= 127.0.0.1
PORT ?= 8000
# The official 2025 map of the demo's provinces only (the whole country: `manage.py load_admin_map`).
DEMO_PROVINCES := --province "Thái Nguyên" --province "Thanh Hóa" --province "Huế" --province "Lạng Sơn"

.PHONY: run test setup system-packages messages demo lint

run: setup
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py load_admin_map $(DEMO_PROVINCES)
	DEBUG=1 $(BIN)/python manage.py load_demo_budgets
	DEBUG=1 $(BIN)/python manage.py load_cms_demo
	@echo "The managers (quanly, quanly.hue, quanly.thainguyen, quanly.thanhhoa), taichinh, kiemduyet and admin set up an authenticator app (two-step verification) at their first login."
	@echo "Starting the tracker at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# --dist loadgroup: the tests of a module marked `xdist_group(__name__)` (those that load the demo
# once in a module fixture) run on one worker, so the demo is loaded once per module. The other
# tests go one by one, in pytest-django's order: the transactional ones (browser journeys), whose
# flush empties the reference rows, stay last on each worker.
test: setup
	DEBUG=1 $(BIN)/pytest -n auto --dist loadgroup $(PYTEST_ARGS)

setup: system-packages $(STAMP) $(AXE) messages

system-packages:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Please install these Debian packages as root: $$missing" >&2; exit 1; \
	  fi; \
	fi

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)

$(AXE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(AXE)

messages: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v 0

demo: setup
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py load_admin_map $(DEMO_PROVINCES)
	DEBUG=1 $(BIN)/python manage.py load_demo_budgets
	DEBUG=1 $(BIN)/python manage.py load_cms_demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
