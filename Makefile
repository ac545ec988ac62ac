# Two commands matter: `make demo` and `make test`. Both start from nothing but
# Python 3.11+ and make: they create .venv and install the project into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= govstat.db
PORT   ?= 8001

.PHONY: demo test install bytecode fuzz bench clean browser

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "govstat needs Python 3.11+: set PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# The package's bytecode, written ahead: an editable install leaves none, and
# where PYTHONDONTWRITEBYTECODE is set every `govstat` run would compile the
# sources again (34 compiles, 0.10 s under cProfile). Up-to-date files are skipped.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q -x '/(\.venv|corpus|tests|build)/' .

install: $(STAMP) bytecode

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

# A longer fuzz campaign than `make test` runs: 100,000 generated inputs.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz GOVSTAT_FUZZ_EXAMPLES=100000 $(BIN)/python -m pytest -q tests/test_extract_properties.py

# Benchmarks (scripts in bench/; the peers live in the [bench] extra).
bench: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/compare.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
