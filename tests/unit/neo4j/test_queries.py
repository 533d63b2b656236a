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


def test_each_file_pastes_into_browser_as_param_lines_then_the_query():
    """Browser runs the `:param` lines (its own command) and then the query; the driver runs the query alone.
    A straight quote in a comment would make Browser read a string there and not send the parameters."""
    for q in queries.library(load_settings().queries_dir).values():
        assert ":param" not in q.statement and not q.statement.endswith(";"), q.name
        assert set(q.params) == {m.group(1) for m in map(queries.PARAM.match, q.param_lines.splitlines()) if m}, q.name
        comments = [line for line in q.text.splitlines() if line.startswith("//")]
        assert not any("'" in line or '"' in line for line in comments), q.name
        assert all(line.endswith(";") for line in q.param_lines.splitlines()), q.name


def test_kg_guide_writes_a_browser_guide_of_the_library(tmp_path):
    from conftest import run_kg

    out = tmp_path / "guide.html"
    assert run_kg("guide", "--out", out).returncode == 0
    html = out.read_text(encoding="utf-8")
    library = queries.library(load_settings().queries_dir)
    assert html.startswith('<article class="guide">') and html.count("<slide") == len(library) + 1
    assert all(f"<h3>{name}</h3>" in html for name in library)
