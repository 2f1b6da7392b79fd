# Two commands set up a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

DB ?= dyad.db

# The main job: build the knowledge base from the example corpus, show the founding dyad.
run: $(STAMP)
	$(BIN)/dyad ingest --db $(DB) --workers 2 examples
	$(BIN)/dyad show --db $(DB) mongolia "north korea"
	$(BIN)/dyad serve --db $(DB)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# On every core, one test file per worker at a time (a module's fixtures, e.g. the Spark session,
# are built once). Not --dist loadgroup: pytest-xdist 3.8 cannot tag node ids under pytest 9, so
# its xdist_group marks are silently ignored.
unit: $(STAMP)
	$(BIN)/pytest -n auto --dist loadfile

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis .schemathesis
