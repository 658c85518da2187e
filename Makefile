# Kindveilig. The two commands: `make run` (demo) and `make test` (everything).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
DEV := DJANGO_SETTINGS_MODULE=kindveilig.settings.dev
TEST := DJANGO_SETTINGS_MODULE=kindveilig.settings.test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run serve install accessibility-results system-run system-test compile-messages messages \
        test lint fmt typecheck check-deploy check-migrations check-messages \
        unit e2e clean bench bench-quick bench-install bench-spread bench-ha

help:
	@echo "make run   - install, migrate, seed the demo and serve on http://$(HOST):$(PORT)"
	@echo "make test  - lint, types, checks, the whole suite on PostgreSQL, browser tests"
	@echo "make lint | fmt | typecheck | messages | e2e | unit | clean"
	@echo "make bench-quick | bench - measure at scale, write docs/performance.md"
	@echo "make bench-ha - two nodes behind HAProxy, one killed under load (docs/performance.md)"

$(PY):
	@PYTHON_BIN=$$(scripts/find_python.sh) && echo "Using $$PYTHON_BIN" && "$$PYTHON_BIN" -m venv $(VENV)

$(STAMP): $(PY) requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --python $(PY) -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

system-run:
	@scripts/ensure_system_packages.sh run

system-test:
	@scripts/ensure_system_packages.sh test

compile-messages: install system-run
	@cd src/kindveilig && $(DEV) ../../$(PY) ../../manage.py compilemessages --verbosity 0

# ---- make run -------------------------------------------------------------
run: compile-messages
	@mkdir -p var
	$(DEV) $(MANAGE) migrate --verbosity 0
	$(DEV) $(MANAGE) createcachetable
	$(DEV) $(MANAGE) seed_demo
	@echo ""
	@echo "Kindveilig runs on http://$(HOST):$(PORT)/  (Ctrl+C stops the server and the worker)"
	@$(DEV) $(MANAGE) db_worker --interval 2 & WORKER=$$!; \
	  trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	  $(DEV) $(MANAGE) runserver $(HOST):$(PORT)

# ---- make test ------------------------------------------------------------
test: install system-test compile-messages
	$(MAKE) lint typecheck check-deploy check-migrations check-messages
	scripts/with_postgres.sh $(MAKE) unit e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=src $(BIN)/lint-imports --no-cache
	@scripts/lint_patterns.sh

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install
	$(BIN)/mypy src tests

check-deploy: install
	@DEBUG=false SECRET_KEY=$$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=') \
	  DATABASE_URL=postgres://kindveilig@db.invalid/kindveilig ALLOWED_HOSTS=kindveilig.example.nl \
	  KINDVEILIG_ENCRYPTION_KEYS=$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	  KINDVEILIG_BLIND_INDEX_KEY=check-deploy-only \
	  KINDVEILIG_AUDIT_SEAL_KEY=check-deploy-only KINDVEILIG_AUDIT_SINK=/var/log/kindveilig/audit-sink.jsonl \
	  DJANGO_SETTINGS_MODULE=kindveilig.settings.base $(MANAGE) check --deploy --fail-level WARNING

check-migrations: install
	$(TEST) $(MANAGE) makemigrations --check --dry-run

check-messages: install system-run
	$(TEST) $(PY) scripts/check_messages.py

messages: install system-run
	cd src/kindveilig && $(TEST) ../../$(PY) ../../manage.py makemessages -l nl -l en --no-location --ignore 'test_*' --ignore 'tests/*' --verbosity 0
	$(TEST) $(PY) scripts/fill_english.py
	$(TEST) $(PY) scripts/youth_catalogues.py
	cd src/kindveilig && $(TEST) ../../$(PY) ../../manage.py compilemessages --verbosity 0

# Needs DATABASE_URL (make test provides a throwaway PostgreSQL).
unit: install
	$(TEST) $(BIN)/pytest -m "not e2e" -n 2 --create-db --cov --cov-report=term --cov-fail-under=85
	@echo "Coverage of access/ and audit/ must stay at 100%:"
	$(BIN)/coverage report --include='src/kindveilig/access/*,src/kindveilig/audit/*' --fail-under=100 --show-missing

e2e: install
	$(TEST) $(BIN)/pytest -m e2e --create-db -p no:xdist

# The axe results behind the accessibility statement (/toegankelijkheid/): run the
# browser tests that run axe and record what they found. Needs DATABASE_URL (run it
# as scripts/with_postgres.sh make accessibility-results); commit the file.
AXE_RESULTS := src/kindveilig/portal/accessibility_results.json
accessibility-results: install
	rm -f $(AXE_RESULTS)
	KINDVEILIG_AXE_RESULTS=$(CURDIR)/$(AXE_RESULTS) $(TEST) $(BIN)/pytest -m e2e --create-db -p no:xdist -q \
	  tests/e2e/test_youth_public.py tests/e2e/test_youth_messages.py \
	  tests/e2e/test_youth_messages_languages.py -k "violations or accessib or axe"
	KINDVEILIG_AXE_RESULTS=$(CURDIR)/$(AXE_RESULTS) $(TEST) $(BIN)/pytest -m e2e --create-db -p no:xdist -q \
	  tests/e2e/test_readiness.py tests/e2e/test_login_2fa.py

# ---- make bench (issue 7; not part of make test) ---------------------------
# Grows a synthetic population in steps (total trajectories), measures each step
# with locust against gunicorn on 127.0.0.1, and writes docs/performance.md.
BENCH_VENV := var/bench-venv
BENCH_STAMP := $(BENCH_VENV)/.installed-$(shell cat requirements-bench.txt | sha1sum | cut -c1-12)
BENCH_QUICK_SIZES ?= 2000 10000 30000
BENCH_SIZES ?= 10000 100000 1000000
# Load per size: long enough for ~100 requests per page in the full run, so its
# p95 is a percentile and not the slowest of a handful.
BENCH_QUICK_DURATION ?= 30s
BENCH_DURATION ?= 180s

$(BENCH_STAMP): requirements-bench.txt | install
	@mkdir -p var
	@PYTHON_BIN=$$(scripts/find_python.sh) && "$$PYTHON_BIN" -m venv $(BENCH_VENV)
	$(BIN)/uv pip install --quiet --python $(BENCH_VENV)/bin/python -r requirements-bench.txt
	rm -f $(BENCH_VENV)/.installed-*
	touch $(BENCH_STAMP)

bench-install: install system-test compile-messages $(BENCH_STAMP)

bench-quick: bench-install
	PG_PROFILE=production scripts/with_postgres.sh scripts/bench.sh bench-quick $(BENCH_QUICK_DURATION) $(BENCH_QUICK_SIZES)

bench: bench-install
	PG_PROFILE=production scripts/with_postgres.sh scripts/bench.sh bench $(BENCH_DURATION) $(BENCH_SIZES)

# The spread of the page ratios over repeated identical runs (issue 17): which
# differences between two runs are noise. About 5 minutes per run: without the
# capacity run (make bench-quick measures it once), and without rewriting the
# make bench-quick block of docs/performance.md (its capacity table stays).
BENCH_SPREAD_RUNS ?= 3
bench-spread: bench-install
	rm -rf var/bench/spread
	for n in $$(seq 1 $(BENCH_SPREAD_RUNS)); do \
	  BENCH_CAPACITY_USERS= BENCH_NO_REPORT=1 PG_PROFILE=production scripts/with_postgres.sh scripts/bench.sh bench-quick $(BENCH_QUICK_DURATION) $(BENCH_QUICK_SIZES) || exit 1; \
	  mkdir -p var/bench/spread && mv var/bench/bench-quick var/bench/spread/$$n; \
	done
	DJANGO_SETTINGS_MODULE=kindveilig.settings.test $(PY) manage.py bench_spread var/bench/spread/*

# ---- make bench-ha (issue 17; not part of make test) ------------------------
# Two gunicorn nodes behind HAProxy on 127.0.0.1, one PostgreSQL; one node is
# killed with SIGKILL under load, then every write is checked against the
# database, the sessions and the audit chain (docs/performance.md, "Two nodes,
# one killed"). Installs Debian's haproxy when missing: that needs root and apt,
# like the Debian packages system-test installs (scripts/ensure_system_packages.sh).
bench-ha: bench-install
	@scripts/ensure_system_packages.sh ha
	PG_PROFILE=production scripts/with_postgres.sh scripts/bench_ha.sh

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .coverage
