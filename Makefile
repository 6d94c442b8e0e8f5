# Loket: `make run` opens the app on demo data, `make test` runs the whole suite.
# Every install step lives here, so a fresh Debian machine (CI runs as root) needs nothing else.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
RUN_DB ?= var/demo.db
DEMO_CASES ?= 500
# The demo database is encrypted like any other; a fresh machine may have no OS keyring, so the
# demo keeps its key in keyrings.alt's plain-text file, which Loket refuses unless
# LOKET_ALLOW_PLAINTEXT_KEYRING=1 says so (it then warns). Real installations use the OS keyring.
RUN_ENV ?= PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring LOKET_ALLOW_PLAINTEXT_KEYRING=1

# Qt offscreen + a real X window + fonts, and Dovecot for the IMAP integration tests.
APT_PACKAGES := libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 \
	libxkbcommon0 fonts-dejavu-core xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \
	dovecot-imapd isync

.PHONY: screenshots run test test-fast bench lint system-deps venv translations clean

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; \
		else echo "Missing Debian packages:$$missing (run as root to install them)"; exit 0; fi; \
		echo "Installing:$$missing"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@# deduce builds its Dutch name/place lookup structures once (1-2 minutes): do it now
	$(PY) -c "from inbox.privacy import redaction; redaction.load()"
	touch $(STAMP)

venv: $(STAMP)

translations: venv
	@$(VENV)/bin/pyside6-lrelease -silent resources/translations/loket_nl.ts -qm resources/translations/loket_nl.qm 2>/dev/null \
		|| $(VENV)/bin/pyside6-lrelease resources/translations/loket_nl.ts -qm resources/translations/loket_nl.qm

run: system-deps venv translations
	@mkdir -p $(dir $(RUN_DB))
	@test -f $(RUN_DB) || $(RUN_ENV) $(PY) main.py --db $(RUN_DB) demo --cases $(DEMO_CASES)
	@echo "Sign in as anne (medewerker), tineke (teamleider), arjen (archivaris) or bea (beheerder); password: loket-demo"
	$(RUN_ENV) $(PY) main.py --db $(RUN_DB)

test: system-deps venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test-fast: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow and not integration"

# the README's screenshots, from a 500-case demo database in the Dutch UI, into docs/screenshots
# (the GUI tests keep theirs in tests/gui/out; LOKET_SCREENSHOTS_DIR moves those)
screenshots: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.gui.screenshots docs/screenshots

# tests.bench.run writes the results table of BENCHMARKS.md (every target: search, view
# switches, start, memory, command line); the others then replace only their own section
bench: system-deps venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run
	$(PY) -m tests.bench.imap_bench
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.growth_bench
	$(PY) -m tests.bench.teamsync_bench
	$(PY) -m tests.bench.kb_bench
	$(PY) -m tests.bench.archive_bench
	$(PY) -m tests.bench.import_bench
	$(PY) -m tests.bench.woo_bench

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) -m tests.check_imports

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
