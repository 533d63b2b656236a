"""The examples in the docstrings run: the modules that carry them stay honest."""
import doctest
import importlib

import pytest

MODULES = ["kg.errors", "kg.neo4j.queries", "kg.language.dates", "kg.language.numbers", "kg.language.text", "kg.language.titles",
           "kg.language.units", "kg.language.press", "kg.extract.gazetteer", "kg.extract.chunks", "kg.graph.schema", "kg.neo4j.cypher",
           "kg.runtime.outputs", "kg.graph.rows", "kg.graph.aggregate", "kg.graph.builder", "kg.runtime.assembly",
           "kg.views.charts", "kg.neo4j.loader", "kg.extract.components.officials", "kg.language.programmes",
           "kg.extract.rules.names"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
