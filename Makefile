# Two commands matter: `make demo` and `make test`. Both start from nothing but
# Python 3.11+ and make: they create .venv and install the project into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= govstat.db
PORT   ?= 8001

.PHONY: demo test install fuzz bench clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

test: install browser
	$(BIN)/python -m pytest -q

demo: install
	$(BIN)/govstat ingest corpus/reports corpus/extra --db $(DB)
	$(BIN)/govstat serve --db $(DB) --port $(PORT)

# Headless chromium for tests/test_browser.py; never fails the build (the test then skips saying why).
browser:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei) >/dev/null 2>&1 ; } || \
	  echo "make browser: could not install chromium (no apt-get, not root or offline); the browser test will skip"

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
