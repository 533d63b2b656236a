"""The Cypher library: every file parses, runs with its own example parameters,
and a wrong name or parameter is a clear error."""
import pytest

from kg.errors import QueryNotFound, QueryParameterError
from kg.neo4j import queries
from kg.settings import load_settings


def test_every_query_has_a_summary_and_example_parameters():
    library = queries.library(load_settings().queries_dir)
    assert len(library) >= 14
    for q in library.values():
        assert q.summary and q.statement and not q.statement.endswith(";")
        assert set(q.bind({})) == set(q.params)
        for name in q.params:
            assert f"${name}" in q.text, (q.name, name)


def test_bind_keeps_the_example_type_and_refuses_unknown_parameters():
    q = queries.get(load_settings().queries_dir, "officials_in_several_articles")
    numeric = [k for k, v in q.params.items() if isinstance(v, int)]
    if numeric:
        assert q.bind({numeric[0]: "3"})[numeric[0]] == 3
    with pytest.raises(QueryParameterError, match="unknown parameter"):
        q.bind({"nope": "1"})
    with pytest.raises(QueryNotFound, match="kg query --list"):
        queries.get(load_settings().queries_dir, "no_such_query")
