# The project's commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml macros/vendor.py
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11+ is needed: install python3 and python3-venv"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is needed (found $$($(PYTHON) --version))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "Could not create .venv: install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@command -v npm >/dev/null || { echo "npm is needed to fetch the web editor (Decap CMS): apt-get install npm"; exit 1; }
	$(BIN)/wise vendor
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install the project with its test extras

serve: $(STAMP) ## build and serve the site with live reload at http://127.0.0.1:8000 (an edit re-renders only the pages it touches)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(STAMP) ## build the static site into site/ (strict)
	$(BIN)/mkdocs build --strict

check: $(STAMP) ## validate the data and print every problem
	$(BIN)/wise check

test: $(STAMP) ## check the data and run the whole test suite
	$(BIN)/wise check
	@command -v chromium >/dev/null || { echo "make test needs Debian's chromium for the browser tests: apt-get install chromium"; exit 1; }
	$(BIN)/python -m pytest

schemas: $(STAMP) ## regenerate what is derived from the models: data/schemas/ and docs/reference/
	$(BIN)/wise schemas
	$(BIN)/wise reference

messages: $(STAMP) ## extract the interface's strings (locale/messages.pot) and add new ones to each language's catalogue
	$(BIN)/wise messages

test-fast: $(STAMP) ## the edit-test loop: every test but the browser, linkchecker and whole-site builds (under a minute)
	$(BIN)/python -m pytest -m "not browser and not slow" -q

mutation: $(STAMP) ## mutation score of the domain logic (views, lobby, decisions, showcase, catalog, privacy, certification); not part of make test
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2 >/dev/null || true
	$(BIN)/python tools/mutation_score.py 85

bench: $(STAMP) ## the scale benchmark against plain Material (BENCH_SIZES, BENCH_RUNS): prints a table, writes bench/results.json and docs/reference/performance.md; not in make test
	$(BIN)/python -m bench.run

clean: ## remove build output and caches (keeps .venv)
	rm -rf site .pytest_cache .ruff_cache .hypothesis tests/.output mutants

.PHONY: help install serve build check test test-fast mutation schemas bench clean messages
