# Marsad — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export MARSAD_HOME ?= $(CURDIR)/marsad-data

.PHONY: venv demo test lint typecheck unit eval bench clean test-deps

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/marsad demo --serve --host 127.0.0.1 --port 8000

test-deps: $(STAMP)
	@bash scripts/test-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src tests bench eval

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -rs -p no:cacheprovider

test: test-deps lint typecheck unit

eval: $(STAMP)
	$(BIN)/python -m eval

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) marsad-data .mypy_cache .ruff_cache .pytest_cache
