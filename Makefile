# The two commands of the README:
#   make seeds   set everything up, then build the graph of seeds/ into out/
#   make test    set everything up, then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    ?= out
KG_CACHE = $(shell $(BIN)/python -c "from kg.settings import load_settings; print(load_settings().home)")

.PHONY: setup seeds test test-deps neo4j-start neo4j-stop neo4j-import clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Build helpers: `pip download` of the pkuseg sdist runs its setup.py (numpy, Cython); the wheel test
# builds kg's wheel without build isolation (setuptools >= 77 reads pyproject's licence field).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet "setuptools>=77" wheel numpy "cython<4"
	$(BIN)/pip install --quiet -e ".[test,dask]"
	touch $@

$(VENV)/.provisioned: $(VENV)/.installed
	$(BIN)/kg setup
	touch $@

setup: $(VENV)/.provisioned

seeds: setup
	$(BIN)/kg build seeds --out $(OUT)

# What the tests need besides Python: a real Neo4j 5.26 with APOC (jars from Maven
# Central, cached in ~/.cache/kg/neo4j), JGraphT (a second GraphML reader, whose jar
# ships graphml.xsd) and Debian's Chromium with CJK fonts.
# The tests start and stop the Neo4j server themselves.
test-deps:
	$(PYTHON) scripts/neo4j_server.py provision
	mvn -q -C -f scripts/jgrapht/pom.xml dependency:copy-dependencies -DoutputDirectory=$(KG_CACHE)/jgrapht
	scripts/install_browser.sh

test: setup test-deps
	$(BIN)/python -m pytest

# Neo4j without Docker, for users: `NEO4J_PASSWORD=... make neo4j-start`, then `kg load`.
neo4j-start:
	$(PYTHON) scripts/neo4j_server.py start

neo4j-stop:
	$(PYTHON) scripts/neo4j_server.py stop

# Bulk path without Docker: `kg csv out --out out/import`, `make neo4j-stop`, then `make neo4j-import`
# (neo4j-admin database import full into the provisioned server, then its constraints and indexes).
CSV ?= out/import
neo4j-import:
	$(PYTHON) scripts/neo4j_server.py import $(CSV)

clean:
	rm -rf $(VENV) $(OUT)
