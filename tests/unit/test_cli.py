"""The command line: one error line with its code, never wrapped when written to
a pipe (a test once failed on a fresh machine because a path broke at column 80)."""
import pytest

from conftest import run_kg
from kg.cli import parser
from kg.cli.common import _console
from kg.cli.neo4j import _split_param
from kg.cli.pipeline import add_parsers
from kg.errors import QueryParameterError

LONG = "a-folder-with-a-rather-long-name/and-another-one-below-it/and-a-third/graph-of-the-corpus.graphml"


@pytest.mark.parametrize("columns", ["40", "80", "300"])
def test_an_error_is_one_unwrapped_line_with_its_code(tmp_path, columns):
    proc = run_kg("views", tmp_path / LONG, env={"COLUMNS": columns, "TERM": "dumb"})
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines == [f"error [E201]: {tmp_path / LONG}: no such file (run `kg build` first)"]


def test_query_parameters_are_name_value():
    assert _split_param("city=德州市") == ("city", "德州市")
    with pytest.raises(QueryParameterError, match="NAME=VALUE"):
        _split_param("德州市")


def test_every_command_is_in_the_one_parser():
    commands = parser()._subparsers._group_actions[0].choices
    assert {"setup", "build", "assemble", "views", "eval", "load", "csv", "query", "guide"} == set(commands)
    assert callable(add_parsers)


def test_results_to_a_pipe_are_not_wrapped(tmp_path):
    with (tmp_path / "out.txt").open("w") as fh:
        _console(fh).print("x" * 500)
    assert (tmp_path / "out.txt").read_text() == "x" * 500 + "\n"


def test_kg_views_never_replaces_a_folder_it_did_not_write(tmp_path, tiny_graph):
    from kg.graph.export import write_graphml

    write_graphml(tiny_graph, tmp_path / "graph.graphml")
    (tmp_path / "notes.txt").write_text("important")
    proc = run_kg("views", tmp_path / "graph.graphml", "--out", tmp_path)
    assert proc.returncode == 2 and "not kg views" in proc.stderr
    assert (tmp_path / "notes.txt").read_text() == "important" and (tmp_path / "graph.graphml").exists()
    assert run_kg("views", tmp_path / "graph.graphml", "--out", tmp_path / "v").returncode == 0
    assert run_kg("views", tmp_path / "graph.graphml", "--out", tmp_path / "v").returncode == 0  # its own: replaced
    assert (tmp_path / "v" / "index.html").exists() and oct((tmp_path / "v").stat().st_mode)[-3:] == "755"
