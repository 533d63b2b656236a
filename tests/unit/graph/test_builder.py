"""Records → graph: labels, hierarchy, provenance, and refusing dangling edges."""
import pytest

from conftest import tiny_record
from kg.errors import GraphError
from kg.graph.builder import GraphBuilder
from kg.graph.schema import label_counts, relation_counts


def test_one_article_makes_the_schemas_nodes_and_edges(tiny_graph):
    assert label_counts(tiny_graph) == {"Article": 1, "Place": 2, "City": 1, "Official": 1, "Programme": 1,
                                        "Metric": 1}
    assert relation_counts(tiny_graph)["HOLDS"] == 1 and relation_counts(tiny_graph)["PART_OF"] == 1


def test_the_same_article_twice_changes_nothing(tiny_graph):
    builder = GraphBuilder()
    builder.add(tiny_record())
    builder.add(tiny_record())
    assert sorted(builder.graph.edges(keys=True)) == sorted(tiny_graph.edges(keys=True))


def test_an_edge_to_a_missing_node_is_refused():
    record = tiny_record()
    record.home = "place:nowhere"
    with pytest.raises(GraphError, match="not in the graph"):
        GraphBuilder().add(record)


def test_the_same_text_under_two_names_is_one_article_with_both():
    builder = GraphBuilder()
    builder.add(tiny_record(source="a.txt"))
    other = tiny_record(source="a.txt")
    other.article = {**other.article, "source": "copy/a.txt"}
    builder.add(other)
    (article,) = [d for _, d in builder.graph.nodes(data=True) if d["labels"] == ":Article"]
    assert article["source"] == "a.txt" and article["sources"] == ["a.txt", "copy/a.txt"]
