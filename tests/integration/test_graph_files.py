"""The graph files every tool reads: GraphML valid against graphml.xsd and read by a
second, non-Python reader (JGraphT, Java) with its counts and types intact."""
import subprocess
from pathlib import Path

import networkx as nx

from conftest import ROOT
from kg.settings import load_settings

JARS = load_settings().home / "jgrapht"  # where `make test-deps` puts them


def jgrapht(path: Path) -> subprocess.CompletedProcess:
    assert list(JARS.glob("jgrapht-io-*.jar")), f"no JGraphT in {JARS}: run `make test-deps`"
    return subprocess.run(["java", "-cp", f"{JARS}/*", str(ROOT / "scripts" / "jgrapht" / "ReadGraphML.java"),
                           str(path)], capture_output=True, text=True, timeout=300)


def test_seeds_graphml_is_valid_and_jgrapht_reads_it_whole(seeds_out, seeds_graph):
    proc = jgrapht(seeds_out / "graph.graphml")
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0] == "valid"
    assert f"vertices {seeds_graph.number_of_nodes()}" in lines and f"edges {seeds_graph.number_of_edges()}" in lines
    types = dict(line.split()[1:] for line in lines if line.startswith("type "))
    assert types["node.value"] == "double" and types["edge.count"] == "int" and types["edge.confidence"] == "double"
    assert types["node.labels"] == types["edge.label"] == types["edge.key"] == "string"


def test_the_validator_refuses_a_key_id_declared_twice(tmp_path):
    """What the old writer did (a name used by nodes and edges got one id twice): not valid."""
    g = nx.MultiDiGraph()
    g.add_node("a", title="x")
    g.add_edge("a", "a", title="y")
    nx.write_graphml(g, tmp_path / "g.graphml", named_key_ids=True)
    proc = jgrapht(tmp_path / "g.graphml")
    assert proc.returncode != 0 and "title" in proc.stderr
