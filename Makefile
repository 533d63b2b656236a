# The two commands of the README:
#   make seeds   set everything up, then build the graph of seeds/ into out/
#   make test    set everything up, then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup seeds test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Build helpers are needed by `pip download` of the pkuseg sdist (its setup.py imports numpy and Cython).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet setuptools wheel numpy "cython<4"
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

$(VENV)/.provisioned: $(VENV)/.installed
	$(BIN)/kg setup
	touch $@

setup: $(VENV)/.provisioned

seeds: setup
	$(BIN)/kg build seeds --out $(OUT)

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT)
