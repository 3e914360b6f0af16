# newsgraph: `make run` sets up and runs the main job on the bundled sample; `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-slow lint schema golden bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

DB ?= newsgraph.duckdb

run: install
	$(BIN)/newsgraph show --sample
	$(BIN)/newsgraph ingest samples/corpus src/newsgraph/data/samples/afp-2024-06-12-north-korea-russia.json --db $(DB)
	$(BIN)/newsgraph link --db $(DB)
	$(BIN)/newsgraph stats --db $(DB)

test: install
	$(BIN)/pytest -q

test-slow: install
	$(BIN)/pytest -q --slow

lint: install
	$(BIN)/ruff check src tests benchmarks scripts

schema: install
	$(BIN)/python scripts/write_schema.py

golden: install
	$(BIN)/pytest -q tests/test_golden.py --update-golden

bench: install
	$(BIN)/python benchmarks/extract_speed.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
