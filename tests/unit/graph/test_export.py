"""GraphML and node-link JSON writers, and reading a graph back."""
import json

import networkx as nx

from kg.graph.export import read_graph, write_graphml, write_node_link
from kg.graph.schema import same_graph


def test_graphml_writer_restores_list_properties(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("official:1", id="official:1", labels=":Official", name="王建国", titles=["市委书记", "市长"])
    write_graphml(g, tmp_path / "g.graphml")
    assert g.nodes["official:1"]["titles"] == ["市委书记", "市长"]
    assert read_graph(tmp_path / "g.graphml").nodes["official:1"]["titles"] == ["市委书记", "市长"]


def test_a_build_folder_reads_back_as_the_same_graph(tiny_graph, tmp_path):
    write_graphml(tiny_graph, tmp_path / "graph.graphml")
    back = read_graph(tmp_path)  # a build folder resolves to its graph.graphml
    assert same_graph(back, tiny_graph)


def test_node_link_reads_back_with_networkx_defaults(tiny_graph, tmp_path):
    """SCHEMA v2: no edge property is called ``source``, so the endpoints take
    networkx's (and d3's) default keys and ``node_link_graph(data)`` needs no keywords."""
    write_node_link(tiny_graph, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    back = nx.node_link_graph(data)
    for n, d in back.nodes(data=True):
        d["id"] = n  # the node's id property is the node-link name itself
    assert same_graph(back, tiny_graph)
    holds = [e for e in data["edges"] if e["label"] == "HOLDS"]
    assert holds[0]["source"].startswith("official:") and holds[0]["articles"] == ["article:tiny.txt"]


def test_graphml_key_ids_are_declared_once_per_domain(tiny_graph, tmp_path):
    import re

    write_graphml(tiny_graph, tmp_path / "g.graphml")
    xml = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    ids = re.findall(r'<key id="([^"]+)" for="(\w+)" attr.name="([^"]+)"', xml)
    assert len({i for i, _, _ in ids}) == len(ids)
    assert ("e_confidence", "edge", "confidence") in ids and ("confidence", "node", "confidence") in ids
    assert ("labels", "node", "labels") in ids and ("label", "edge", "label") in ids and ("key", "edge", "key") in ids


def test_read_graph_names_the_file_it_cannot_read(tmp_path):
    import pytest

    from kg.errors import GraphFileError

    with pytest.raises(GraphFileError, match="no such file"):
        read_graph(tmp_path / "missing.graphml")
    (tmp_path / "bad.graphml").write_text("<graphml>", encoding="utf-8")
    with pytest.raises(GraphFileError, match="bad.graphml: not a readable GraphML"):
        read_graph(tmp_path / "bad.graphml")


def test_a_graph_of_contract_v1_says_to_build_again(tmp_path):
    import pytest

    from kg.errors import GraphFileError

    g = nx.MultiDiGraph()
    g.add_node("o", id="o", labels=":Official")
    g.add_node("p", id="p", labels=":Place")
    g.add_edge("o", "p", key="k", label="HOLDS", title="市长", source="a.txt", evidence="市长王五。")  # v1: per article
    write_graphml(g, tmp_path / "g.graphml")
    with pytest.raises(GraphFileError, match="contract v1"):
        read_graph(tmp_path / "g.graphml")
