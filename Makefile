# Marsad: every target creates .venv with the machine's python3 and installs from the registries.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000
DB     ?= $(CURDIR)/.marsad/marsad.db

.PHONY: run test lint bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/marsad ingest samples/ --db $(DB)
	$(BIN)/marsad serve --db $(DB) --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py --workers 1,2 --curve 1000,10000,100000,1000000 --results

clean:
	rm -rf $(VENV) .marsad build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
