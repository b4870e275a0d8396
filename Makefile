# Two commands for a fresh machine (each sets itself up):
#   make demo   build the knowledge graph of seeds/ into ./kg-store and write out/
#   make test   lint + the whole test suite (installs headless Chromium for the browser tests)
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test fuzz install browser bench lint clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "kg needs Python 3.11, found " + sys.version' 
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 > /dev/null
	touch $@

install: $(VENV)/.installed

browser:
	@[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || \
	  ( $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver > /dev/null )

demo: install
	$(BIN)/kg build seeds --store kg-store
	@mkdir -p out
	$(BIN)/kg export --format trig --output out/seeds.trig --store kg-store
	$(BIN)/kg claims --format jsonl --store kg-store > out/claims.jsonl
	$(BIN)/kg viz --output out/graph.html --store kg-store
	@echo "claims: out/claims.jsonl   graph export: out/seeds.trig   interactive graph: out/graph.html   store: kg-store/"

lint: install
	$(BIN)/ruff check .

test: install browser
	$(BIN)/ruff check .
	$(BIN)/pytest

# the property tests with thousands of fresh examples each (the suite runs a small fixed set)
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q tests/extract/test_fuzz.py tests/ingest/test_fuzz_readers.py \
	  tests/store/test_outside_ids.py tests/query tests/test_ids.py

bench: install
	$(BIN)/python bench/bench_build.py

clean:
	rm -rf kg-store out test-artifacts .pytest_cache
